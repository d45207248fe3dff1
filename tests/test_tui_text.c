/* test_tui_text.c - the curses-free parts of the interface: wrapping by display width, the
 * layout decisions by size, the line editor and the table of key bindings. */
#include <locale.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "actions.h"
#include "editor.h"
#include "form.h"
#include "keys.h"
#include "layout.h"
#include "page.h"
#include "screens.h"
#include "utf8.h"
#include "wrap.h"

/* Wraps TEXT at WIDTH and joins the lines with '|' into OUT, each with the hyphen it adds. */
static void wrap_join(const char *text, size_t width, char *out, size_t size)
{
	size_t len = strlen(text), pos = 0;

	out[0] = '\0';
	while (pos < len) {
		struct wrap_line line;
		size_t next = wrap_next(text, len, pos, width, &line);

		assert_true(next > pos); /* every line moves on */
		snprintf(out + strlen(out), size - strlen(out), "%s%.*s%s", out[0] ? "|" : "",
			 (int)line.len, text + pos, line.hyphen ? "-" : "");
		pos = next;
	}
}

static void test_width_counts_columns_not_bytes(void **state)
{
	(void)state;
	assert_int_equal(utf8_width("één", strlen("één")), 3);
	assert_int_equal(utf8_width("a–b", strlen("a–b")), 3);
	assert_int_equal(utf8_width("日本", strlen("日本")), 4);    /* wide characters */
	assert_int_equal(utf8_width("e\xcc\x81", 3), 1);        /* e + combining acute */
}

static void test_fit_never_cuts_a_character(void **state)
{
	(void)state;
	assert_int_equal(text_fit("één", strlen("één"), 2), strlen("éé"));
	assert_int_equal(text_fit("日本", strlen("日本"), 3), strlen("日")); /* half a wide char: no */
	assert_int_equal(text_fit("e\xcc\x81x", 4, 1), 3);     /* keeps the combining mark */
}

static void test_wrap_breaks_at_spaces_by_display_width(void **state)
{
	char out[256];

	(void)state;
	wrap_join("één twee drie", 7, out, sizeof(out));
	assert_string_equal(out, "één|twee|drie");
	wrap_join("één twee drie", 8, out, sizeof(out)); /* 8 columns, 10 bytes */
	assert_string_equal(out, "één twee|drie");
	wrap_join("a  b", 10, out, sizeof(out));
	assert_string_equal(out, "a  b");
}

static void test_wrap_breaks_after_slash_and_dash(void **state)
{
	char out[256];

	(void)state;
	wrap_set_language("nl");
	wrap_join("middelen/ICT/archivering", 13, out, sizeof(out));
	assert_string_equal(out, "middelen/ICT/|archivering");
	wrap_join("niet-gemeentelijke kanalen", 10, out, sizeof(out));
	assert_string_equal(out, "niet-|gemeente-|lijke|kanalen"); /* was cut: "gemeenteli|jke" */
	/* a long word with slashes breaks after them, with no hyphen added */
	wrap_join("processen/activiteiten/eigenaarschap", 14, out, sizeof(out));
	assert_string_equal(out, "processen/|activiteiten/|eigenaarschap");
}

static void test_wrap_hyphenates_long_dutch_words(void **state)
{
	char out[256];

	(void)state;
	wrap_set_language("nl");
	wrap_join("samenwerkingspartner", 12, out, sizeof(out));
	assert_string_equal(out, "samenwer-|kingspartner");
	wrap_join("de samenwerkingspartner belt", 17, out, sizeof(out));
	assert_string_equal(out, "de|samenwerkings-|partner belt");
	wrap_join("beleidsvoorbereiding", 12, out, sizeof(out));
	assert_string_equal(out, "beleidsvoor-|bereiding");
	wrap_join("webcare", 5, out, sizeof(out)); /* the exception list, not the patterns */
	assert_string_equal(out, "web-|care");
	/* the comma stays with its word: no line starts with one */
	wrap_join("klantcontactproces, daarna", 13, out, sizeof(out));
	assert_string_equal(out, "klantcontact-|proces,|daarna");
	wrap_join("kanaal, kanaal. kanaal", 6, out, sizeof(out)); /* "kanaal," is 7 wide */
	assert_string_equal(out, "ka-|naal,|ka-|naal.|kanaal");
	wrap_close();
}

static void test_wrap_without_patterns_adds_a_visible_hyphen(void **state)
{
	char out[256];

	(void)state;
	wrap_set_language("en"); /* no patterns: the fallback */
	wrap_join("samenwerkingspartner", 12, out, sizeof(out));
	assert_string_equal(out, "samenwerkin-|gspartner");
	wrap_join("co-creatie", 6, out, sizeof(out));
	assert_string_equal(out, "co-|creat-|ie");
	wrap_join("ééééé", 2, out, sizeof(out));
	assert_string_equal(out, "é-|é-|é-|éé");
	wrap_join("日本語", 1, out, sizeof(out)); /* wider than the line: one per line, no room */
	assert_string_equal(out, "日|本|語");
	wrap_close();
	wrap_set_language(NULL);
	wrap_join("webcare", 5, out, sizeof(out));
	assert_string_equal(out, "webc-|are");
	wrap_close();
}

static void test_wrap_of_a_huge_word_ends(void **state)
{
	size_t n = 100000;
	char *word = malloc(n + 1), *out = malloc(2 * n);

	(void)state;
	assert_non_null(word);
	assert_non_null(out);
	memset(word, 'a', n);
	word[n] = '\0';
	wrap_set_language("nl");
	wrap_join(word, 20, out, 2 * n);
	assert_int_equal(strlen(out), n + (n / 19 - (n % 19 == 0)) * 2); /* 19 letters + "-|" */
	wrap_close();
	free(word);
	free(out);
}

static void test_page_sanitises_control_characters(void **state)
{
	struct page p = { .focus_top = -1, .focus_bottom = -1 };
	const char evil[] = "a\x1b]0;owned\x07" "b\xc2\x9b" "c\xe2\x80\xae" "d";

	(void)state;
	page_puts(&p, 0, STYLE_NORMAL, evil);
	assert_int_equal(p.n, 1);
	assert_string_equal(p.lines[0].spans[0].text, "a?]0;owned?b?c?d");
	page_clear(&p);
}

static void test_page_wrap_paragraphs(void **state)
{
	struct page p = { .focus_top = -1, .focus_bottom = -1 };

	(void)state;
	page_wrap(&p, 2, 10, STYLE_NORMAL, "een twee drie\n\nvier");
	/* "een twee" / "drie" / blank / "vier" */
	assert_int_equal(p.n, 4);
	assert_string_equal(p.lines[0].spans[0].text, "een twee");
	assert_int_equal(p.lines[0].spans[0].x, 2);
	assert_int_equal(p.lines[2].n, 0);
	assert_string_equal(p.lines[3].spans[0].text, "vier");
	page_clear(&p);
}

static void test_layout_by_size(void **state)
{
	struct layout l;

	(void)state;
	layout_compute(&l, 80, 24, 4);
	assert_false(l.too_small);
	assert_true(l.phases_side_by_side);
	assert_false(l.table_grid);                     /* 13-column cells: a row at a time */
	assert_true(l.text_width <= 72);
	assert_int_equal(l.body_rows, 21);
	layout_compute(&l, 100, 30, 4);
	assert_true(l.table_grid);
	layout_compute(&l, 200, 50, 4);
	assert_int_equal(l.text_width, 72);             /* a comfortable measure, not edge to edge */
	assert_int_equal(l.text_x, (200 - 72) / 2);
	layout_compute(&l, 60, 20, 4);
	assert_false(l.phases_side_by_side);
	assert_false(l.table_grid);                     /* one row at a time */
	layout_compute(&l, 40, 12, 4);
	assert_false(l.too_small);
	layout_compute(&l, 39, 12, 4);
	assert_true(l.too_small);
	layout_compute(&l, 40, 11, 4);
	assert_true(l.too_small);
}

static void test_editor_utf8_editing(void **state)
{
	struct editor e;

	(void)state;
	assert_true(editor_init(&e, "één", 100));
	assert_int_equal(e.cursor, strlen("één"));
	editor_left(&e);
	editor_backspace(&e);                           /* removes the second é */
	assert_string_equal(e.text, "én");
	editor_insert(&e, 0xEB);                        /* ë */
	assert_string_equal(e.text, "éën");
	editor_home(&e);
	editor_delete(&e);
	assert_string_equal(e.text, "ën");
	editor_end(&e);
	editor_insert(&e, ' ');
	editor_insert(&e, 0x2013);                      /* – */
	editor_insert(&e, ' ');
	editor_insert(&e, 'x');
	assert_string_equal(e.text, "ën – x");
	editor_delete_word(&e);
	assert_string_equal(e.text, "ën – ");
	editor_delete_word(&e);
	assert_string_equal(e.text, "ën ");
	assert_false(editor_insert(&e, 0x1B));          /* control characters are refused */
	assert_false(editor_insert(&e, '\n'));
	editor_delete_to_start(&e);
	assert_string_equal(e.text, "");
	editor_free(&e);
}

static void test_editor_limit_and_view(void **state)
{
	struct editor e;
	size_t start, len, cursor;

	(void)state;
	assert_true(editor_init(&e, "", 4));
	assert_true(editor_insert(&e, 0xE9));           /* 2 bytes */
	assert_true(editor_insert(&e, 0xE9));           /* 4 bytes */
	assert_false(editor_insert(&e, 'a'));           /* over the limit */
	editor_free(&e);
	assert_true(editor_init(&e, "abcdefghijklmnopqrstuvwxyz", 100));
	editor_view(&e, 10, &start, &len, &cursor);     /* cursor at the end stays visible */
	assert_int_equal(cursor, 9);
	assert_int_equal(start, 17);
	editor_home(&e);
	editor_view(&e, 10, &start, &len, &cursor);
	assert_int_equal(start, 0);
	assert_int_equal(cursor, 0);
	assert_int_equal(len, 10);
	editor_free(&e);
	assert_true(editor_init(&e, "éééé", 5));        /* cut at a character, never inside */
	assert_string_equal(e.text, "éé");
	editor_free(&e);
}

static void test_bindings_have_unique_keys_per_context(void **state)
{
	size_t n;
	const struct binding *b = bindings(&n);

	(void)state;
	assert_true(n > 20);
	for (size_t i = 0; i < n; i++)
		for (int k = 0; k < BINDING_KEYS_MAX && b[i].codes[k]; k++)
			assert_ptr_equal(binding_for_key(b[i].context, b[i].codes[k]), &b[i]);
	assert_int_equal(binding_for_key(CTX_WALK, ' ')->action, ACT_ADVANCE);
	assert_int_equal(binding_for_key(CTX_WALK, UI_KEY_RIGHT)->action, ACT_NEXT);
	assert_int_equal(binding_for_key(CTX_WALK, UI_KEY_BACKSPACE)->action, ACT_PREV);
	assert_int_equal(binding_for_key(CTX_WALK, '3')->action, ACT_VOTE);
	assert_true(binding_for_key(CTX_WALK, '3')->edits);
	assert_int_equal(binding_for_key(CTX_WALK, 'o')->action, ACT_OVERVIEW);
	assert_int_equal(binding_for_key(CTX_LIST, ' ')->action, ACT_TOGGLE);
	assert_int_equal(binding_for_key(CTX_FORM, '\t')->action, ACT_NEXT_FIELD);
	assert_null(binding_for_key(CTX_WALK, 'Z'));
}

static void test_bindings_man_section(void **state)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&buf, &len);

	(void)state;
	bindings_write_man(out);
	fclose(out);
	assert_non_null(strstr(buf, ".SS Moving\n.TP\n.B \"Space\"\n"));
	assert_non_null(strstr(buf, ".B \"\\(->  PgDn  l\"\nnext step\n"));
	assert_non_null(strstr(buf, "add one vote for that phase (hidden until revealed) (not in --review)"));
	assert_null(strstr(buf, "→"));                  /* only roff glyph names */
	free(buf);
}

static void test_key_names_come_from_the_codes(void **state)
{
	static const int prev[] = { UI_KEY_LEFT, UI_KEY_PAGE_UP, 'h', UI_KEY_BACKSPACE, UI_KEY_DEL,
				    UI_KEY_CTRL('h') };
	static const int digits[] = { '1', '2', '3', '4', '5', '6', '7', '8', '9' };
	char name[KEY_NAME_SIZE], names[128], keys[BINDING_NAMES_SIZE];

	(void)state;
	assert_string_equal(ui_key_name(' ', name), "Space");
	assert_string_equal(ui_key_name(UI_KEY_PAGE_DOWN, name), "PgDn");
	assert_string_equal(ui_key_name(UI_KEY_CTRL('w'), name), "Ctrl-W");
	assert_string_equal(ui_key_name(UI_KEY_HOME, name), "Home");
	assert_string_equal(ui_key_name(0xE9, name), "é");
	assert_string_equal(ui_key_names(prev, 6, names, sizeof(names)), "←  PgUp  h  Backspace");
	assert_string_equal(ui_key_names(digits, 9, names, sizeof(names)), "1–9");
	assert_string_equal(binding_keys(binding_for_key(CTX_WALK, 'c'), keys), "c then 1–9");
	assert_string_equal(binding_keys(binding_for_key(CTX_FORM, '\r'), keys), "Enter");
}

/* Appends the text of page P to OUT without any spaces, so that wrapping does not matter. */
static void page_text_without_spaces(const struct page *p, char *out, size_t size)
{
	size_t used = 0;

	for (size_t i = 0; i < p->n; i++)
		for (size_t k = 0; k < p->lines[i].n; k++)
			for (size_t c = 0; c < p->lines[i].spans[k].len && used + 1 < size; c++)
				if (p->lines[i].spans[k].text[c] != ' ')
					out[used++] = p->lines[i].spans[k].text[c];
	out[used] = '\0';
}

/* Copies TEXT to OUT without its spaces. */
static void without_spaces(const char *text, char *out)
{
	for (; *text; text++)
		if (*text != ' ')
			*out++ = *text;
	*out = '\0';
}

static void test_help_shows_every_binding(void **state)
{
	static char shown[32768];
	struct page p = { .focus_top = -1, .focus_bottom = -1 };
	size_t n;
	const struct binding *b = bindings(&n);
	const char *at;

	(void)state;
	for (int width = 36; width <= 96; width += 60) {
		screen_help(&p, width, false);
		page_text_without_spaces(&p, shown, sizeof(shown));
		at = shown;
		for (size_t i = 0; i < n; i++) {
			char keys[BINDING_NAMES_SIZE], row[BINDING_NAMES_SIZE + 256], want[sizeof(row)];

			snprintf(row, sizeof(row), "%s%s", binding_keys(&b[i], keys), b[i].help);
			without_spaces(row, want);
			at = strstr(at, want); /* every row, in the table's order */
			if (!at)
				fail_msg("the help at width %d leaves out \"%s\"", width, row);
			at += strlen(want);
		}
		page_clear(&p);
	}
}

static void test_form_keys_are_dispatched_from_the_table(void **state)
{
	static const int keys[] = { UI_KEY_LEFT, UI_KEY_LEFT, UI_KEY_CTRL('w'), UI_KEY_HOME,
				    UI_KEY_DELETE, UI_KEY_END, UI_KEY_DEL, 'X', UI_KEY_CTRL('u') };
	static const char *const after[] = { "één twee drie", "één twee drie", "één twee ie",
					     "één twee ie", "én twee ie", "én twee ie", "én twee i",
					     "én twee iX", "" };
	struct form f;

	(void)state;
	form_begin(&f, "Test");
	assert_true(form_add(&f, "Text", FIELD_TEXT, "één twee drie", 0));
	for (size_t i = 0; i < sizeof(keys) / sizeof(keys[0]); i++) {
		assert_int_equal(form_key(&f, NULL, keys[i]), FORM_OPEN);
		assert_string_equal(form_text(&f, 0), after[i]);
	}
	/* the text was changed: Esc asks first, another key goes back, y or j cancels */
	assert_true(form_changed(&f));
	assert_int_equal(form_key(&f, NULL, UI_KEY_ESC), FORM_OPEN);
	assert_true(f.discarding);
	assert_int_equal(form_key(&f, NULL, 'x'), FORM_OPEN);
	assert_false(f.discarding);
	assert_string_equal(form_text(&f, 0), ""); /* the answer typed nothing */
	assert_int_equal(form_key(&f, NULL, UI_KEY_ESC), FORM_OPEN);
	assert_int_equal(form_key(&f, NULL, 'J'), FORM_CANCEL);
	assert_int_equal(form_key(&f, NULL, '\r'), FORM_SAVE);
	form_end(&f);
	/* an untouched form: Esc cancels at once */
	form_begin(&f, "Test");
	assert_true(form_add(&f, "Text", FIELD_TEXT, "één", 0));
	assert_int_equal(form_key(&f, NULL, UI_KEY_END), FORM_OPEN);
	assert_false(form_changed(&f));
	assert_int_equal(form_key(&f, NULL, UI_KEY_ESC), FORM_CANCEL);
	form_end(&f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_width_counts_columns_not_bytes),
		cmocka_unit_test(test_fit_never_cuts_a_character),
		cmocka_unit_test(test_wrap_breaks_at_spaces_by_display_width),
		cmocka_unit_test(test_wrap_breaks_after_slash_and_dash),
		cmocka_unit_test(test_wrap_hyphenates_long_dutch_words),
		cmocka_unit_test(test_wrap_without_patterns_adds_a_visible_hyphen),
		cmocka_unit_test(test_wrap_of_a_huge_word_ends),
		cmocka_unit_test(test_page_sanitises_control_characters),
		cmocka_unit_test(test_page_wrap_paragraphs),
		cmocka_unit_test(test_layout_by_size),
		cmocka_unit_test(test_editor_utf8_editing),
		cmocka_unit_test(test_editor_limit_and_view),
		cmocka_unit_test(test_bindings_have_unique_keys_per_context),
		cmocka_unit_test(test_bindings_man_section),
		cmocka_unit_test(test_key_names_come_from_the_codes),
		cmocka_unit_test(test_help_shows_every_binding),
		cmocka_unit_test(test_form_keys_are_dispatched_from_the_table),
	};

	setlocale(LC_CTYPE, "C.UTF-8");
	int failed = cmocka_run_group_tests(tests, NULL, NULL);

	wrap_close();
	return failed;
}
