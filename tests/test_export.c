/* test_export.c - the Markdown, CSV and HTML exports of a fixed session, byte for byte
 * against tests/golden/ (run from the top of the tree), and the facts that must hold
 * whatever the golden files say.
 *
 * MEETLAT_UPDATE_GOLDEN=1 rewrites the golden files from the current output instead of
 * comparing: review the difference (git diff tests/golden) before committing it. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "export.h"
#include "export_fixture.h"

#define GOLDEN_DIR "tests/golden/"

struct fixture {
	struct content *c;
	struct session *s;
};

/* Loads the built-in almanac and builds the fixed session on it. */
static int setup(void **state)
{
	static struct fixture f;
	struct diag d;

	f.c = content_load_builtin(&d);
	f.s = f.c ? fixture_session(f.c) : NULL;
	*state = &f;
	return f.s ? 0 : -1;
}

/* Releases what setup made. */
static int teardown(void **state)
{
	struct fixture *f = *state;

	session_free(f->s);
	content_free(f->c);
	return 0;
}

/* Returns the export of S in FORMAT with separator SEP as a malloc'd string. */
static char *export_text(const struct session *s, const struct content *c,
			 enum export_format format, char sep)
{
	struct export_options opt = { format, sep };
	char *buf = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&buf, &len);

	assert_non_null(out);
	assert_true(session_export(out, s, c, &opt));
	assert_int_equal(fclose(out), 0);
	assert_int_equal(strlen(buf), len); /* no NUL inside */
	return buf;
}

/* Returns the contents of PATH as a malloc'd string, or NULL when it cannot be read. */
static char *read_text(const char *path)
{
	FILE *in = fopen(path, "rb");
	char *buf = NULL;
	long len;

	if (!in)
		return NULL;
	if (fseek(in, 0, SEEK_END) == 0 && (len = ftell(in)) >= 0 && fseek(in, 0, SEEK_SET) == 0)
		buf = malloc((size_t)len + 1);
	if (buf && fread(buf, 1, (size_t)len, in) == (size_t)len) {
		buf[len] = '\0';
	} else {
		free(buf);
		buf = NULL;
	}
	fclose(in);
	return buf;
}

/* Says where ACTUAL first differs from EXPECTED, by line, to find the change quickly. */
static void report_difference(const char *name, const char *expected, const char *actual)
{
	size_t at = 0, line = 1;

	while (expected[at] && expected[at] == actual[at])
		line += expected[at++] == '\n';
	fprintf(stderr, "%s differs from line %zu on:\n  golden: %.80s\n  actual: %.80s\n"
			"(MEETLAT_UPDATE_GOLDEN=1 rewrites the golden files)\n",
		name, line, expected + at, actual + at);
}

/* Compares the export in FORMAT with the golden file NAME, or rewrites it on request. */
static void check_golden(void **state, enum export_format format, const char *name)
{
	struct fixture *f = *state;
	char path[256];
	char *actual = export_text(f->s, f->c, format, ','), *expected;
	const char *update = getenv("MEETLAT_UPDATE_GOLDEN");

	snprintf(path, sizeof(path), GOLDEN_DIR "%s", name);
	if (update && strcmp(update, "1") == 0) {
		FILE *out = fopen(path, "wb");

		assert_non_null(out);
		assert_true(fputs(actual, out) >= 0);
		assert_int_equal(fclose(out), 0);
		fprintf(stderr, "rewrote %s\n", path);
	}
	expected = read_text(path);
	if (!expected)
		fail_msg("cannot read %s (run from the top of the tree)", path);
	if (strcmp(expected, actual) != 0)
		report_difference(path, expected, actual);
	assert_string_equal(expected, actual);
	free(expected);
	free(actual);
}

/* The Markdown export is the golden one. */
static void test_golden_md(void **state)
{
	check_golden(state, EXPORT_MD, "session.md");
}

/* The CSV export is the golden one. */
static void test_golden_csv(void **state)
{
	check_golden(state, EXPORT_CSV, "session.csv");
}

/* The HTML export is the golden one. */
static void test_golden_html(void **state)
{
	check_golden(state, EXPORT_HTML, "session.html");
}

/* Returns the number of pipes in LINE (up to its newline) that are not backslash-escaped. */
static size_t md_pipes(const char *line)
{
	size_t n = 0;

	for (; *line && *line != '\n'; line++) {
		if (*line == '\\' && line[1] && line[1] != '\n')
			line++;
		else if (*line == '|')
			n++;
	}
	return n;
}

/* Every line of a Markdown table has as many cell borders as its header: no text breaks
 * a table. Returns the number of table lines seen. */
static size_t check_md_tables(const char *md)
{
	size_t lines = 0, columns = 0;

	for (const char *line = md; *line; line = strchr(line, '\n') + 1) {
		assert_non_null(strchr(line, '\n'));
		if (*line != '|') {
			columns = 0;
			continue;
		}
		if (columns == 0)
			columns = md_pipes(line);
		assert_int_equal(md_pipes(line), columns);
		lines++;
	}
	return lines;
}

/* Markdown: tables stay whole, and the hostile note is escaped but readable. */
static void test_md_facts(void **state)
{
	struct fixture *f = *state;
	char *md = export_text(f->s, f->c, EXPORT_MD, ',');
	size_t table_lines = check_md_tables(md);

	/* scores: header, rule, 10 rows + 1 kept; actions: 2 + 4; time: 2 + 23 steps + total */
	assert_int_equal(table_lines, (2 + 11) + (2 + 4) + (2 + 23 + 1));
	assert_non_null(strstr(md, "| Eerst \\| dan \\<script>alert(\"x\")\\</script> \\& 'citaat' "
				   "<br>tweede regel: één; twee, drie \\\\ schuin |"));
	assert_non_null(strstr(md, "| \\- begint met een streepje, \\*nadruk\\* \\_ook\\_ "
				   "\\`code\\` \\[link\\](x) \\#1. \\~weg\\~ |"));
	assert_non_null(strstr(md, "| 1\\. Terug naar fase 2"));
	assert_non_null(strstr(md, "| 2.5 |"));
	assert_non_null(strstr(md, "| (kept from the file) | oude-rij |"));
	assert_non_null(strstr(md, "## Not scored\n\n- interactie: conversatie\n"));
	assert_null(strstr(md, "- interactie: context\n")); /* a target alone is scored */
	free(md);
}

/* Returns true when TEXT holds NEEDLE, ignoring ASCII case. */
static bool contains_nocase(const char *text, const char *needle)
{
	size_t n = strlen(needle);

	for (; *text; text++) {
		size_t i = 0;

		while (i < n && text[i] && (text[i] | 0x20) == (needle[i] | 0x20))
			i++;
		if (i == n)
			return true;
	}
	return false;
}

/* HTML: one page that fetches nothing and runs nothing, every text escaped, made to print. */
static void test_html_facts(void **state)
{
	static const char *const banned[] = { "<script", "http:", "https:", "<link", "src=",
					      "href=", "@import", "<iframe", "<object", "<img" };
	struct fixture *f = *state;
	char *html = export_text(f->s, f->c, EXPORT_HTML, ',');
	const char *url;

	assert_memory_equal(html, "<!DOCTYPE html>\n", 16);
	for (size_t i = 0; i < sizeof(banned) / sizeof(banned[0]); i++)
		assert_false(contains_nocase(html, banned[i]));
	for (url = strstr(html, "url("); url; url = strstr(url + 1, "url("))
		assert_memory_equal(url, "url(#arrow)", 11); /* references inside the page only */
	assert_non_null(strstr(html, "<meta charset=\"utf-8\">"));
	assert_non_null(strstr(html, "<title>Workshop sociale media – meetlat report</title>"));
	assert_non_null(strstr(html, "@page { size: A4"));
	assert_non_null(strstr(html, "@media print"));
	assert_non_null(strstr(html, "Eerst | dan &lt;script&gt;alert(&quot;x&quot;)"
				     "&lt;/script&gt; &amp; &#39;citaat&#39;\n"
				     "tweede regel: één; twee, drie \\ schuin"));
	assert_non_null(strstr(html, "@team: &lt;b&gt;vet&lt;/b&gt; | pipe"));
	/* the chart: content is at 3 (a disc in the third column) heading for 4 (a ring) */
	assert_non_null(strstr(html, "<svg class=\"chart\""));
	assert_non_null(strstr(html, "<circle cx=\"470\" cy=\"73\" r=\"6\" fill="));
	assert_non_null(strstr(html, "<circle cx=\"550\" cy=\"73\" r=\"10\" fill=\"none\""));
	assert_non_null(strstr(html, ">current phase</text>"));
	assert_non_null(strstr(html, ">target phase</text>"));
	free(html);
}

/* What a pass over a CSV text found. */
struct csv_probe {
	size_t records, short_records; /* records, and those without CSV_FIELDS fields */
	size_t want_record, want_field;
	char *found; /* the wanted field, malloc'd */
};

enum { CSV_FIELDS = 18 };

/* Ends a field of LEN bytes at FIELD: keeps it when it is the one P wants. */
static void csv_field_end(struct csv_probe *p, size_t field, const char *text, size_t len)
{
	if (p->records == p->want_record && field == p->want_field && !p->found) {
		p->found = malloc(len + 1);
		assert_non_null(p->found);
		memcpy(p->found, text, len);
		p->found[len] = '\0';
	}
}

/* Ends a record at the CRLF: counts it, and whether it has all the columns. */
static void csv_record_end(struct csv_probe *p, size_t *fields, char after_cr)
{
	assert_int_equal(after_cr, '\n');
	p->short_records += *fields != CSV_FIELDS;
	p->records++;
	*fields = 0;
}

/* Reads CSV (RFC 4180, separator SEP, lines ending in CRLF) as a strict reader would, failing
 * the test on anything malformed, and fills P. */
static void csv_read(const char *csv, char sep, struct csv_probe *p)
{
	char *field = malloc(strlen(csv) + 1);
	size_t len = 0, fields = 0;
	bool quoted = false;

	assert_non_null(field);
	for (const char *c = csv; *c; c++) {
		if (*c == '"' && quoted && c[1] == '"') {
			field[len++] = *c++;
		} else if (*c == '"') {
			/* a quote opens a field, or closes it right before a separator or CRLF */
			assert_true(quoted ? (c[1] == sep || c[1] == '\r') : len == 0);
			quoted = !quoted;
		} else if (quoted || (*c != sep && *c != '\r')) {
			assert_true(quoted || *c != '\n'); /* a bare LF only inside quotes */
			field[len++] = *c;
		} else {
			csv_field_end(p, fields++, field, len);
			len = 0;
			if (*c == '\r')
				csv_record_end(p, &fields, *++c);
		}
	}
	assert_false(quoted);
	assert_int_equal(len + fields, 0); /* the last line ended in CRLF */
	free(field);
}

/* Returns field FIELD of record RECORD of CSV, read with separator SEP, after checking that
 * every record has all columns. */
static char *csv_get(const char *csv, char sep, size_t record, size_t field)
{
	struct csv_probe p = { .want_record = record, .want_field = field };

	csv_read(csv, sep, &p);
	assert_int_equal(p.records, 1 + 11 + 4);
	assert_int_equal(p.short_records, 0);
	assert_non_null(p.found);
	return p.found;
}

/* CSV with either separator: every line has every column, texts read back exactly, and
 * with ';' the median has a decimal comma. */
static void test_csv_facts(void **state)
{
	struct fixture *f = *state;
	const char seps[] = { ',', ';' };

	for (size_t i = 0; i < 2; i++) {
		char *csv = export_text(f->s, f->c, EXPORT_CSV, seps[i]);
		char sep = seps[i], header[32];
		/* record 0 is the header, 1-11 the rows, 12-15 the actions */
		char *note = csv_get(csv, sep, 1, 13), *owner = csv_get(csv, sep, 13, 15);
		char *median = csv_get(csv, sep, 2, 6), *action = csv_get(csv, sep, 14, 14);
		char *comma = csv_get(csv, sep, 2, 13), *semicolon = csv_get(csv, sep, 7, 13);

		snprintf(header, sizeof(header), "kind%cgroup%crow_id%c", sep, sep, sep);
		assert_memory_equal(csv, header, strlen(header));
		assert_string_equal(note, FIXTURE_NOTE);
		assert_string_equal(owner, "Jansen, \"Ops\" & Co");
		assert_string_equal(action, "=Terugkoppeling aan het MT\nen aan de raad");
		assert_string_equal(median, sep == ';' ? "2,5" : "2.5");
		assert_string_equal(comma, fixture_rows[1].note);     /* holds ',' only */
		assert_string_equal(semicolon, fixture_rows[5].note); /* holds ';' only */
		assert_true(csv[strlen(csv) - 2] == '\r' && csv[strlen(csv) - 1] == '\n');
		assert_memory_not_equal(csv, "\xEF\xBB\xBF", 3); /* no byte order mark */
		free(note);
		free(owner);
		free(median);
		free(action);
		free(comma);
		free(semicolon);
		free(csv);
	}
}

/* Control characters in any text never reach the output: they become '?'. */
static void test_control_characters(void **state)
{
	struct fixture *f = *state;
	struct session *s = session_new(f->c, "Titel\x1b]0;pwned\x07");
	struct action_fields a = { "actie\x1b[2J", NULL, "eig\xc2\x9b" "31m", NULL };
	const char *why;

	assert_non_null(s);
	assert_true(session_set_note(s, 0, "noot\x1b" "c rood\xe2\x80\xae omgekeerd", &why));
	assert_true(session_action_add(s, f->c, &a, &why) == 0);
	for (int format = 0; format < EXPORT_FORMAT_COUNT; format++) {
		char *out = export_text(s, f->c, (enum export_format)format, ',');

		assert_null(strchr(out, '\x1b'));
		assert_null(strchr(out, '\x07'));
		assert_null(strstr(out, "\xc2\x9b"));
		assert_null(strstr(out, "\xe2\x80\xae"));
		assert_non_null(strstr(out, "noot?c rood? omgekeerd"));
		free(out);
	}
	session_free(s);
}

/* A new session (no votes, no actions, no time) exports too and says what is missing. */
static void test_empty_session(void **state)
{
	struct fixture *f = *state;
	struct session *s = session_new(f->c, "Leeg");
	char *md, *html, *csv;

	assert_non_null(s);
	md = export_text(s, f->c, EXPORT_MD, ',');
	html = export_text(s, f->c, EXPORT_HTML, ',');
	csv = export_text(s, f->c, EXPORT_CSV, ',');
	assert_non_null(strstr(md, "No actions were recorded."));
	assert_non_null(strstr(md, "- organisatie: mensen\n"));
	assert_non_null(strstr(md, "| interactie | content | 0 | — | — | — | — | — |\n"));
	assert_int_equal(check_md_tables(md), (2 + 10) + (2 + 23 + 1));
	assert_non_null(strstr(html, "not scored</text>"));
	assert_non_null(strstr(csv, "\r\nrow,interactie,content,content,0,1:0 2:0 3:0 4:0,,0,no,"
				    ",,,,,,,,\r\n"));
	free(md);
	free(html);
	free(csv);
	session_free(s);
}

#define E10 "éééééééééé"
#define E40 E10 E10 E10 E10

/* Another content: two phases, and a row name that is long, multibyte and full of markup;
 * the chart cuts the name between characters, every format escapes it. */
static void test_other_content(void **state)
{
	static const char yaml[] =
		"meetlat_content: 1\nid: t\ntitle: T\n"
		"phases:\n"
		"  - {number: 1, name: \"<a>\", summary: s, intro: i}\n"
		"  - {number: 2, name: b, summary: s, intro: i}\n"
		"model:\n"
		"  - group: g\n"
		"    dimensions:\n"
		"      - {id: r, name: \"<&>" E40 "\", "
		"behaviour: {1: x, 2: y}}\n";
	struct diag d;
	struct content *c = content_load_buffer("t.yaml", yaml, sizeof(yaml) - 1, &d);
	struct session *s = c ? session_new(c, "T") : NULL;
	const char *why;
	char *html, *md;

	(void)state;
	assert_non_null(s);
	assert_true(session_set_current(s, c, 0, 1, &why));
	html = export_text(s, c, EXPORT_HTML, ',');
	md = export_text(s, c, EXPORT_MD, ',');
	assert_non_null(strstr(html, "viewBox=\"0 0 440 ")); /* two phase columns */
	/* the chart shows 36 characters of the 43 */
	assert_non_null(strstr(html, ">&lt;&amp;&gt;" E10 E10 E10 "ééé…</text>"));
	assert_non_null(strstr(html, "<td>&lt;&amp;&gt;" E40 "</td>"));
	assert_non_null(strstr(html, "<td class=\"phase\">1: &lt;a&gt;</td>"));
	assert_non_null(strstr(md, "| \\<\\&>" E40 " |"));
	assert_non_null(strstr(md, "| 1: \\<a> |"));
	free(html);
	free(md);
	session_free(s);
	content_free(c);
}

/* The three format names are known, anything else is not. */
static void test_format_names(void **state)
{
	(void)state;
	assert_int_equal(export_format_from_name("md"), EXPORT_MD);
	assert_int_equal(export_format_from_name("csv"), EXPORT_CSV);
	assert_int_equal(export_format_from_name("html"), EXPORT_HTML);
	assert_int_equal(export_format_from_name("pdf"), EXPORT_FORMAT_COUNT);
	assert_int_equal(export_format_from_name("MD"), EXPORT_FORMAT_COUNT);
	assert_int_equal(export_format_from_name(""), EXPORT_FORMAT_COUNT);
	assert_int_equal(export_format_from_name(NULL), EXPORT_FORMAT_COUNT);
}

/* A write that fails (a full disk, a stream not open for writing) makes the export fail. */
static void test_write_failure(void **state)
{
	struct fixture *f = *state;

	for (int format = 0; format < EXPORT_FORMAT_COUNT; format++) {
		struct export_options opt = { (enum export_format)format, ',' };
		FILE *full = fopen("/dev/full", "w"), *readonly = fopen("/dev/null", "r");

		assert_non_null(full);
		assert_non_null(readonly);
		assert_false(session_export(full, f->s, f->c, &opt));
		assert_false(session_export(readonly, f->s, f->c, &opt));
		fclose(full);
		fclose(readonly);
	}
}

/* An unknown format writes nothing and fails. */
static void test_unknown_format(void **state)
{
	struct fixture *f = *state;
	struct export_options opt = { EXPORT_FORMAT_COUNT, ',' };
	char *buf = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&buf, &len);

	assert_non_null(out);
	assert_false(session_export(out, f->s, f->c, &opt));
	assert_int_equal(fclose(out), 0);
	assert_int_equal(len, 0);
	free(buf);
}

/* Runs the export tests on one fixed session. */
int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_golden_md),
		cmocka_unit_test(test_golden_csv),
		cmocka_unit_test(test_golden_html),
		cmocka_unit_test(test_md_facts),
		cmocka_unit_test(test_html_facts),
		cmocka_unit_test(test_csv_facts),
		cmocka_unit_test(test_control_characters),
		cmocka_unit_test(test_empty_session),
		cmocka_unit_test(test_other_content),
		cmocka_unit_test(test_format_names),
		cmocka_unit_test(test_write_failure),
		cmocka_unit_test(test_unknown_format),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
