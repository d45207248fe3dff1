/* test_text.c - the growing text of base/text.h: appended bytes kept in order and
 * NUL-terminated across growth, room filled by a reader, a failed allocation that keeps the text failed until cleared,
 * and writing out. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "failing_alloc.h"
#include "text.h"

/* Bytes appended one way or another come back in order, NUL-terminated, also past the first
 * 4,096 bytes and many doublings. */
static void test_appends_in_order(void **state)
{
	struct text t = { 0 };
	char expected[20000];
	size_t n = 0;

	(void)state;
	text_add(&t, "", 0);
	assert_non_null(t.data);
	assert_string_equal(t.data, "");
	for (int i = 0; n + 40 < sizeof(expected); i++) {
		char piece[16];
		int len = snprintf(piece, sizeof(piece), "%d,", i);

		if (i % 3 == 0)
			text_adds(&t, piece);
		else if (i % 3 == 1)
			text_add(&t, piece, (size_t)len);
		else
			for (int k = 0; k < len; k++)
				text_addc(&t, piece[k]);
		memcpy(expected + n, piece, (size_t)len);
		n += (size_t)len;
		assert_int_equal(t.len, n);
		assert_int_equal(t.data[t.len], '\0');
		assert_true(t.cap > t.len);
	}
	assert_memory_equal(t.data, expected, n);
	assert_false(t.failed);
	text_free(&t);
	assert_null(t.data);
	assert_int_equal(t.len, 0);
}

/* Room reserved is room that the next additions take without moving the text. */
static void test_reserve_keeps_room(void **state)
{
	struct text t = { 0 };
	const char *before;

	(void)state;
	text_adds(&t, "abc");
	assert_true(text_reserve(&t, 10000));
	before = t.data;
	for (int i = 0; i < 10000; i++)
		text_addc(&t, 'x');
	assert_ptr_equal(t.data, before);
	assert_int_equal(t.len, 10003);
	text_free(&t);
}

/* A reader fills the room text_room gives; text_grew counts it and ends the text after it. */
static void test_room_filled_by_a_reader(void **state)
{
	struct text t = { 0 };
	char *room;

	(void)state;
	text_adds(&t, "key=");
	room = text_room(&t, 5000);
	assert_non_null(room);
	assert_ptr_equal(room, t.data + 4);
	memset(room, 'v', 5000);
	text_grew(&t, 5000);
	assert_int_equal(t.len, 5004);
	assert_int_equal(t.data[5004], '\0');
	assert_int_equal(t.data[5003], 'v');
	assert_memory_equal(t.data, "key=v", 5);
	t.failed = true;
	assert_null(text_room(&t, 1));
	text_free(&t);
}

/* When memory runs out the text is failed and nothing more is added, even what would fit;
 * text_clear makes it usable again. */
static void test_failure_sticks_until_cleared(void **state)
{
	struct text t = { 0 };
	char big[5000];

	(void)state;
	memset(big, 'b', sizeof(big));
	text_adds(&t, "kept");
	failing_alloc_start();
	fail_at = 1;
	text_add(&t, big, sizeof(big)); /* needs the text to grow: the allocation fails */
	mem_reset();
	assert_true(t.failed);
	assert_string_equal(t.data, "kept");
	text_adds(&t, "more");
	assert_false(text_reserve(&t, 1));
	assert_string_equal(t.data, "kept");
	text_clear(&t);
	assert_false(t.failed);
	assert_int_equal(t.len, 0);
	text_adds(&t, "again");
	assert_string_equal(t.data, "again");
	text_free(&t);
}

/* A size that cannot be had fails instead of wrapping around. */
static void test_huge_reserve_fails(void **state)
{
	struct text t = { 0 };

	(void)state;
	text_adds(&t, "x");
	assert_false(text_reserve(&t, SIZE_MAX - 2));
	assert_true(t.failed);
	text_free(&t);
}

/* text_write writes the bytes and empties the text; a failed text is not written and says so. */
static void test_write(void **state)
{
	struct text t = { 0 };
	char got[64] = "";
	FILE *f = tmpfile();

	(void)state;
	assert_non_null(f);
	text_adds(&t, "een;twee\r\n");
	assert_true(text_write(&t, f));
	assert_int_equal(t.len, 0);
	assert_string_equal(t.data, "");
	t.failed = true;
	text_adds(&t, "lost");
	assert_false(text_write(&t, f));
	assert_false(t.failed);
	rewind(f);
	assert_int_equal(fread(got, 1, sizeof(got) - 1, f), 10);
	assert_string_equal(got, "een;twee\r\n");
	fclose(f);
	text_free(&t);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_appends_in_order),
		cmocka_unit_test(test_reserve_keeps_room),
		cmocka_unit_test(test_room_filled_by_a_reader),
		cmocka_unit_test(test_failure_sticks_until_cleared),
		cmocka_unit_test(test_huge_reserve_fails),
		cmocka_unit_test(test_write),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
