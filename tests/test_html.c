/* test_html.c - the character references of base/html.h: the five characters HTML gives
 * meaning replaced, every other byte (UTF-8, controls, NUL) left, exactly LEN bytes read. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "html.h"

/* Returns what html_escape_to writes for the LEN bytes at TEXT (malloc'd) and its length in
 * *N. */
static char *escaped(const char *text, size_t len, size_t *n)
{
	char *out = NULL;
	FILE *f = open_memstream(&out, n);

	assert_non_null(f);
	html_escape_to(f, text, len);
	assert_int_equal(fclose(f), 0);
	return out;
}

/* Each of & < > " ' becomes its reference, wherever it is; the rest stays byte for byte. */
static void test_escape(void **state)
{
	size_t n;
	char *out;

	(void)state;
	out = escaped("<a href=\"x\">Tom & Jerry's</a>", 29, &n);
	assert_string_equal(out, "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;");
	free(out);
	out = escaped("café – ok\t", strlen("café – ok\t"), &n);
	assert_string_equal(out, "café – ok\t");
	free(out);
	out = escaped("&&", 2, &n);
	assert_string_equal(out, "&amp;&amp;");
	free(out);
	out = escaped("", 0, &n);
	assert_int_equal(n, 0);
	free(out);
}

/* Exactly LEN bytes are read: a NUL among them is written as it is, what follows LEN is not. */
static void test_length(void **state)
{
	size_t n;
	char *out = escaped("a\0<b>", 5, &n);

	(void)state;
	assert_int_equal(n, 11);
	assert_memory_equal(out, "a\0&lt;b&gt;", 11);
	free(out);
	out = escaped("ab<cd", 2, &n);
	assert_int_equal(n, 2);
	assert_memory_equal(out, "ab", 2);
	free(out);
}

/* The two parts a writer into a buffer uses: the plain span and the reference of a byte. */
static void test_parts(void **state)
{
	(void)state;
	assert_int_equal(html_plain_span("abc<d", 5), 3);
	assert_int_equal(html_plain_span("abc", 3), 3);
	assert_int_equal(html_plain_span("\"x", 2), 0);
	assert_int_equal(html_plain_span("a\0&", 3), 2);
	assert_string_equal(html_reference('&'), "&amp;");
	assert_string_equal(html_reference('<'), "&lt;");
	assert_string_equal(html_reference('>'), "&gt;");
	assert_string_equal(html_reference('"'), "&quot;");
	assert_string_equal(html_reference('\''), "&#39;");
	assert_null(html_reference('a'));
	assert_null(html_reference('\0'));
	assert_null(html_reference((char)0xc3));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_escape),
		cmocka_unit_test(test_length),
		cmocka_unit_test(test_parts),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
