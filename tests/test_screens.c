/* test_screens.c - the screens without a terminal: every page of tests/screens_fixture.h (each
 * step kind, the summary, each overlay, the start screen) at 80x24 and 100x30 is exactly its
 * golden file in tests/golden/pages/ (run from the top of the tree; regenerate them with
 * `make golden-pages` and review the difference), and facts that must hold whatever the
 * golden files say. */
#include <locale.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "screens_fixture.h"
#include "builtin_content.h"
#include "i18n.h"
#include "page_check.h"
#include "screens_blocks.h"
#include "utf8.h"

/* Returns the contents of the file at PATH (malloc'd), or NULL. */
static char *read_whole(const char *path)
{
	FILE *in = fopen(path, "r");
	char *buf = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&buf, &len);
	int ch;

	if (!in || !out) {
		if (in)
			fclose(in);
		if (out)
			fclose(out);
		free(buf);
		return NULL;
	}
	while ((ch = getc(in)) != EOF)
		putc(ch, out);
	fclose(in);
	fclose(out);
	return buf;
}

/* Renders case K at size S into a string (malloc'd). */
static char *render_case(size_t k, size_t s)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&buf, &len);

	assert_non_null(out);
	assert_true(golden_render(content, k, golden_sizes[s].cols, golden_sizes[s].rows, out));
	fclose(out);
	return buf;
}

/* Fails naming the first line where GOT and WANT (the golden file at PATH) differ. */
static void compare(const char *path, const char *got, const char *want)
{
	int line = 1;
	size_t at = 0, start = 0;

	if (strcmp(got, want) == 0)
		return;
	for (; got[at] && got[at] == want[at]; at++)
		if (got[at] == '\n') {
			line++;
			start = at + 1;
		}
	fail_msg("%s differs from the page built, at line %d:\n  golden: %.*s\n  built:  %.*s",
		 path, line, (int)strcspn(want + start, "\n"), want + start,
		 (int)strcspn(got + start, "\n"), got + start);
}

static void test_pages_match_their_golden_files(void **state)
{
	(void)state;
	for (size_t s = 0; s < sizeof(golden_sizes) / sizeof(golden_sizes[0]); s++)
		for (size_t k = 0; k < sizeof(page_cases) / sizeof(page_cases[0]); k++) {
			char path[512], *got = render_case(k, s), *want;

			golden_path(GOLDEN_PAGES_DIR, k, golden_sizes[s].cols, golden_sizes[s].rows, path, sizeof(path));
			want = read_whole(path);
			if (!want)
				fail_msg("%s is missing: run make golden-pages", path);
			compare(path, got, want);
			free(got);
			free(want);
		}
}

/* Returns the rendered page of the case named NAME at size S (malloc'd). */
static char *render_named(const char *name, size_t s)
{
	for (size_t k = 0; k < sizeof(page_cases) / sizeof(page_cases[0]); k++)
		if (strcmp(page_cases[k].name, name) == 0)
			return render_case(k, s);
	fail_msg("no case %s", name);
	return NULL;
}

/* Returns the width in columns of the widest text line of the rendered page R. */
static size_t widest_line(const char *r)
{
	size_t widest = 0;
	const char *line = strchr(r, '\n') + 1; /* after the "# ..." line */

	while (*line && strncmp(line, "-- styles --", 12) != 0) {
		size_t len = strcspn(line, "\n"), w = utf8_width(line, len);

		widest = w > widest ? w : widest;
		line += len + (line[len] == '\n');
	}
	return widest;
}

static void test_pages_fit_their_width(void **state)
{
	(void)state;
	for (size_t s = 0; s < sizeof(golden_sizes) / sizeof(golden_sizes[0]); s++)
		for (size_t k = 0; k < sizeof(page_cases) / sizeof(page_cases[0]); k++) {
			char *r = render_case(k, s);
			int width = atoi(strstr(r, "lines, ") + 7);

			assert_true(width > 0 && width <= golden_sizes[s].cols);
			assert_true(widest_line(r) <= (size_t)width);
			free(r);
		}
}

static void test_score_page_shows_the_state_of_the_row(void **state)
{
	char *hidden, *revealed;

	(void)state;
	hidden = render_named("step-score", 0);
	revealed = render_named("step-score-revealed", 0);
	/* The fixture's row: 8 votes 3 3 2 4 3 2 3 2 of 8 participants, agreed 3 -> 4. */
	assert_non_null(strstr(hidden, "8 of 8 voted, hidden"));
	assert_null(strstr(hidden, "median"));
	assert_null(strstr(hidden, "chose"));
	assert_non_null(strstr(revealed, "8 of 8 voted: 4 of 8 chose phase 3; median 3, from "
					 "phase 2 to 4"));
	/* four of eight is no majority, over three phases: really split */
	assert_non_null(strstr(revealed, "Far apart"));
	assert_non_null(strstr(revealed, "Agreed:  3 de gemeente converseert"));
	free(hidden);
	free(revealed);
}

static void test_each_size_has_its_own_layout(void **state)
{
	char *small, *large;

	(void)state;
	small = render_named("step-table", 0);
	large = render_named("step-table", 1);
	assert_string_not_equal(small, large);
	assert_non_null(strstr(small, "at 80x24"));
	assert_non_null(strstr(large, "at 100x30"));
	free(small);
	free(large);
}

static void test_too_small_notice_fits_and_says_the_size(void **state)
{
	struct page p = { .focus_top = -1, .focus_bottom = -1 };
	char all[512] = "";

	(void)state;
	screen_too_small(&p, 30, 10);
	assert_true(p.n >= 3);
	for (size_t i = 0; i < p.n; i++) {
		assert_int_equal(p.lines[i].n, 1);
		assert_true(utf8_width(p.lines[i].spans[0].text, p.lines[i].spans[0].len) <= 29);
		snprintf(all + strlen(all), sizeof(all) - strlen(all), "%s%s", i ? " " : "",
			 p.lines[i].spans[0].text);
	}
	assert_string_equal(all, "meetlat needs a terminal of at least 40x12; this one is 30x10. "
				 "(q quits)");
	page_clear(&p);
}

static void test_scroll_keeps_the_focus_in_view(void **state)
{
	struct page p = { .focus_top = -1, .focus_bottom = -1 };

	(void)state;
	for (int i = 0; i < 50; i++) {
		page_newline(&p);
		page_puts(&p, 0, STYLE_NORMAL, "line");
	}
	assert_int_equal(page_clamp_scroll(&p, 10, 20), 10);
	assert_int_equal(page_clamp_scroll(&p, 45, 20), 30); /* never past the end */
	assert_int_equal(page_clamp_scroll(&p, -3, 20), 0);
	page_focus(&p, 40, 42);
	assert_int_equal(page_clamp_scroll(&p, 0, 20), 23); /* the focus's last line at the bottom */
	page_focus(&p, 5, 44);
	assert_int_equal(page_clamp_scroll(&p, 30, 20), 5); /* taller than the window: its top */
	page_clear(&p);
}

/* A question longer than its box can hold is cut on the box's last line of text, with "…",
 * and the keys that answer it stay below it. */
static void test_a_question_cut_by_its_box_ends_in_an_ellipsis(void **state)
{
	static const char question[] = "Delete the action: Vraag het team communicatie om elke "
				       "week de reacties op de gemeentelijke kanalen samen te "
				       "vatten voor de raad en de wethouder?";
	struct page p = { .focus_top = -1, .focus_bottom = -1 };
	char *cut, *keys;

	(void)state;
	assert_true(form_question_height(question, 40) > 8); /* it needs more than 8 lines */
	form_question_page(&p, question, 40, 8);
	assert_int_equal(p.n, 8);
	cut = page_line_text(&p, 4); /* the second of the two lines of text the box holds */
	keys = page_line_text(&p, 6);
	assert_non_null(strstr(cut, "…"));
	assert_true(utf8_width(cut, strlen(cut)) <= 40 - 2);
	assert_non_null(strstr(keys, "y/j yes"));
	free(cut);
	free(keys);
	page_clear(&p);
}

static void test_a_label_cut_ends_in_an_ellipsis_and_fills_its_width(void **state)
{
	struct page p = { .focus_top = -1, .focus_bottom = -1 };
	const char *label = "Score: processen/activiteiten/eigenaarschap";

	(void)state;
	page_put_fit(&p, 0, STYLE_NORMAL, label, 20, true);
	page_newline(&p);
	page_put_fit(&p, 0, STYLE_NORMAL, label, 20, false);
	page_newline(&p);
	page_put_fit(&p, 0, STYLE_NORMAL, "beleidsvoorbereiding en meer", 25, true);
	page_newline(&p);
	page_put_fit(&p, 0, STYLE_NORMAL, "één ë", 5, true); /* fits: whole */
	assert_string_equal(p.lines[0].spans[0].text, "Score: processen/ac…");
	assert_int_equal(utf8_width(p.lines[0].spans[0].text, p.lines[0].spans[0].len), 20);
	assert_string_equal(p.lines[1].spans[0].text, "Score: processen/...");
	assert_int_equal(p.lines[1].spans[0].len, 20);
	/* The spaces before the cut go: the sign follows the last letter kept. */
	assert_string_equal(p.lines[2].spans[0].text, "beleidsvoorbereiding en…");
	assert_string_equal(p.lines[3].spans[0].text, "één ë");
	page_clear(&p);
}

static void test_every_cut_on_the_pages_is_marked(void **state)
{
	char *overview = render_named("overlay-overview", 0);
	char *summary = render_named("overlay-summary", 0);
	char *welcome = render_named("step-welcome", 0);

	(void)state;
	/* The overview's long step label, the chart's long row name and the status line's step
	 * label at 80x24 are cut with the sign, not in the middle of a word without one. */
	assert_non_null(strstr(overview, "Score: processen/activiteiten/eigenaars…"));
	assert_non_null(strstr(summary, "processen/activiteiten/eigenaarsch… not scored"));
	assert_non_null(strstr(welcome, " Welcome: Sociale… "));
	assert_null(strstr(welcome, "Sociale me "));
	free(overview);
	free(summary);
	free(welcome);
}

/* Starts U on the fixture's session at COLS x ROWS, as the golden pages do. */
static void start_ui(struct ui *u, int cols, int rows)
{
	assert_true(ui_init(u, content, false, true, true));
	u->clock = golden_clock;
	u->s = fixture_session(content);
	assert_non_null(u->s);
	ui_resize(u, cols, rows);
	ui_begin(u);
}

/* Ends what start_ui started. */
static void end_ui(struct ui *u)
{
	ui_free(u);
	session_free(u->s);
}

static void test_a_long_status_message_is_shown_whole_above_the_status_line(void **state)
{
	const char *message = "The file was changed elsewhere: now saving to "
			      "/home/trainer/sessies/workshop-sociale-media.conflict-2.yaml";
	struct page p = { .focus_top = -1, .focus_bottom = -1 };
	char joined[512] = "", *last;
	struct ui u;

	(void)state;
	start_ui(&u, 80, 24);
	ui_flash(&u, true, "%s", message);
	ui_status(&p, &u);
	assert_int_equal(p.n, 3); /* two lines of the message, then the status line */
	for (size_t i = 0; i + 1 < p.n; i++) {
		assert_int_equal(p.lines[i].n, 1);
		assert_int_equal(p.lines[i].spans[0].style, STYLE_WARNING);
		assert_true(p.lines[i].spans[0].x + (int)utf8_width(p.lines[i].spans[0].text,
								    p.lines[i].spans[0].len) <= 79);
		snprintf(joined + strlen(joined), sizeof(joined) - strlen(joined), "%s%s",
			 i ? " " : "", p.lines[i].spans[0].text);
	}
	/* Whole, each line ending where the wrapper may break: at a space, after '/' or '-'. */
	assert_string_equal(joined, "The file was changed elsewhere: now saving to "
				    "/home/trainer/sessies/workshop- sociale-media.conflict-2.yaml");
	last = page_line_text(&p, p.n - 1);
	assert_non_null(strstr(last, " 1/23 "));
	assert_non_null(strstr(last, "Welcome: Sociale…"));
	assert_non_null(strstr(last, "preview: nothing is saved"));
	free(last);
	page_clear(&p);

	/* A message that fits stays on the status line, in place of the step's label. */
	ui_flash(&u, false, "Cancelled.");
	ui_status(&p, &u);
	assert_int_equal(p.n, 1);
	last = page_line_text(&p, 0);
	assert_non_null(strstr(last, "Cancelled."));
	assert_null(strstr(last, "Welcome"));
	free(last);
	page_clear(&p);
	end_ui(&u);
}

/* Returns how many lines of page P contain TEXT. */
static size_t lines_with(const struct page *p, const char *text)
{
	size_t n = 0;

	for (size_t i = 0; i < p->n; i++) {
		char *line = page_line_text(p, i);

		n += strstr(line, text) != NULL;
		free(line);
	}
	return n;
}

/* A row's scoring step shows its first SCREEN_ROW_ACTIONS actions and says how many more
 * there are (A lists them), so that its page grows with what it shows, not with the session;
 * the summary lists them all. */
static void test_a_row_shows_its_first_actions_and_counts_the_rest(void **state)
{
	struct ui u;
	const char *why;
	char text[64];
	size_t row, before;

	(void)state;
	start_ui(&u, 100, 30);
	golden_go(&u, STEP_SCORE, 0, "context");
	row = u.c->steps[u.s->position].dimension;
	before = u.s->n_actions;
	for (int i = 0; i < SCREEN_ROW_ACTIONS + 3; i++) {
		snprintf(text, sizeof(text), "Rij-actie %02d", i);
		assert_true(session_action_add(u.s, u.c, &(struct action_fields){
			text, u.c->dimensions[row].id, "Ann", "" }, &why) >= 0);
	}
	ui_changed(&u);
	ui_build_page(&u);
	assert_int_equal(lines_with(&u.page, "Rij-actie "), SCREEN_ROW_ACTIONS);
	assert_int_equal(lines_with(&u.page, "Rij-actie 11"), 1);
	assert_int_equal(lines_with(&u.page, "Rij-actie 12"), 0);
	assert_int_equal(lines_with(&u.page, "… and 3 more actions"), 1);
	assert_int_equal(lines_with(&u.page, "A lists"), 0);
	golden_go(&u, STEP_SUMMARY, 0, NULL);
	ui_build_page(&u);
	assert_int_equal(lines_with(&u.page, "Rij-actie "), SCREEN_ROW_ACTIONS + 3);
	assert_true(u.s->n_actions == before + SCREEN_ROW_ACTIONS + 3);
	end_ui(&u);
}

/* Starts U on an empty session of the shipped content at COLS x ROWS. */
static void start_empty_ui(struct ui *u, int cols, int rows)
{
	assert_true(ui_init(u, content, false, true, true));
	u->clock = golden_clock;
	u->s = session_new(content, "Workshop");
	assert_non_null(u->s);
	ui_resize(u, cols, rows);
	ui_begin(u);
}

/* Returns the text of the first ROWS lines of page P from line SCROLL, joined (malloc'd). */
static char *shown_text(const struct page *p, int scroll, int rows)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&buf, &len);

	assert_non_null(out);
	for (int i = scroll; i < scroll + rows && i < (int)p->n; i++) {
		char *line = page_line_text(p, (size_t)i);

		fprintf(out, "%s\n", line);
		free(line);
	}
	fclose(out);
	return buf;
}

/* Returns the end of the last word of TEXT, at most its last 4 bytes, that a hyphenated
 * word keeps whole (into BUF). */
static const char *last_word(const char *text, char *buf, size_t size)
{
	const char *end = text + strlen(text), *start;

	while (end > text && (end[-1] == ' ' || end[-1] == '.' || end[-1] == ')'))
		end--;
	for (start = end; start > text && start[-1] != ' ' && start[-1] != '('; start--)
		;
	start = end - start > 4 ? end - 4 : start;
	snprintf(buf, size, "%.*s", (int)(end - start), start);
	return buf;
}

/* Issue 12: at 80x24, with 30 votes revealed, every row's scoring step shows at once, as it
 * opens, its name and group, the four phase headings side by side with the agreed marks in
 * them, the spread of the votes under each and the whole of every behaviour. */
static void test_a_revealed_score_page_fits_80x24(void **state)
{
	struct ui u;
	const char *why;

	(void)state;
	start_empty_ui(&u, 80, 24);
	assert_true(session_set_meta(u.s, META_PARTICIPANTS, "32", &why));
	for (size_t d = 0; d < content->n_dimensions; d++) {
		const struct content_dimension *dim = &content->dimensions[d];
		char *shown, word[128], phase[64];
		int scroll;

		golden_go(&u, STEP_SCORE, 0, dim->id);
		for (int k = 0; k < 30; k++) /* 2, 9, 14 and 5 votes for phases 1-4 */
			assert_true(session_vote_add(u.s, content, d, k < 2 ? 1 : k < 11 ? 2 : k < 25 ? 3 : 4,
						     &why));
		assert_true(session_set_current(u.s, content, d, 2, &why));
		assert_true(session_set_target(u.s, content, d, 3, &why));
		ui_changed(&u);
		ui_key(&u, 'r');
		ui_build_page(&u);
		scroll = page_clamp_scroll(&u.page, 0, u.l.body_rows);
		assert_int_equal(scroll, 0);
		shown = shown_text(&u.page, scroll, u.l.body_rows);
		if (getenv("SHOW_PAGE"))
			fprintf(stderr, "%s----\n", shown);
		assert_non_null(strstr(shown, dim->name));
		assert_non_null(strstr(shown, content->groups[dim->group].title));
		for (int ph = 1; ph <= 4; ph++) {
			snprintf(phase, sizeof(phase), "%d de gemeente", ph);
			assert_non_null(strstr(shown, phase));
			assert_non_null(strstr(shown, last_word(dim->cells[ph - 1].text, word,
								sizeof(word))));
		}
		assert_non_null(strstr(shown, "CURRENT"));
		assert_non_null(strstr(shown, "TARGET"));
		assert_non_null(strstr(shown, "██ 2 "));  /* the spread, a bar under each phase */
		assert_non_null(strstr(shown, "█ 9 "));
		assert_non_null(strstr(shown, "█ 14 "));
		assert_non_null(strstr(shown, "█ 5"));
		assert_non_null(strstr(shown, "30 of 32 voted: 14 of 30 chose phase 3"));
		free(shown);
	}
	end_ui(&u);
}

/* More votes than the participants the session names (someone voted twice, or the number
 * is out of date) are counted as votes, never as "9 of 8 voted". */
static void test_more_votes_than_participants_are_counted_as_votes(void **state)
{
	const char *why;
	struct ui u;

	(void)state;
	start_empty_ui(&u, 80, 24);
	assert_true(session_set_meta(u.s, META_PARTICIPANTS, "8", &why));
	golden_go(&u, STEP_SCORE, 0, "content");
	for (int k = 0; k < 9; k++)
		assert_true(session_vote_add(u.s, content, u.c->steps[u.s->position].dimension, 2,
					     &why));
	u.stale = true;
	ui_build_page(&u);
	assert_true(page_contains(&u.page, "9 votes, hidden"));
	assert_false(page_contains(&u.page, "of 8 voted"));
	end_ui(&u);
}

/* Returns the index of the first line of P that holds TEXT, or P's length when none does. */
static size_t line_holding(const struct page *p, const char *text)
{
	size_t i;

	for (i = 0; i < p->n; i++) {
		char *line = page_line_text(p, i);
		bool found = strstr(line, text) != NULL;

		free(line);
		if (found)
			break;
	}
	return i;
}

/* Returns true when line I of P holds nothing. */
static bool line_blank(const struct page *p, size_t i)
{
	char *line = page_line_text(p, i);
	bool blank = line[strspn(line, " ")] == '\0';

	free(line);
	return blank;
}

/* The blank lines that space a scoring step on a roomy terminal never push the agreed line
 * off its first screen: on every row, at every size from 60x16 to 100x40, with no votes and
 * with 30 revealed, either the agreed line is in view or no blank line spaces the columns. */
static void test_spacing_never_pushes_the_agreed_line_away(void **state)
{
	const char *why;
	size_t spaced = 0;

	(void)state;
	for (int cols = 60; cols <= 100; cols += 20)
		for (int rows = 16; rows <= 40; rows++) {
			struct ui u;

			start_empty_ui(&u, cols, rows);
			for (size_t d = 0; d < content->n_dimensions; d++) {
				golden_go(&u, STEP_SCORE, 0, content->dimensions[d].id);
				for (int votes = 0; votes <= 30; votes += 30) {
					size_t head, agreed, gap = 0;

					for (int k = u.s->scores[d].n_votes; k < votes; k++)
						assert_true(session_vote_add(u.s, content, d, 1 + k % 4, &why));
					u.revealed[d] = votes > 0;
					u.stale = true;
					ui_build_page(&u);
					head = line_holding(&u.page, "1 de gemeente");
					agreed = line_holding(&u.page, "Not agreed yet");
					while (gap < head && line_blank(&u.page, head - 1 - gap))
						gap++;
					spaced += gap > 0;
					if (agreed >= (size_t)u.l.body_rows && gap > 0)
						fail_msg("%dx%d, row %zu, %d votes: the agreed line %zu is pushed "
							 "off a body of %d by %zu blank lines", cols, rows, d, votes,
							 agreed, u.l.body_rows, gap);
				}
			}
			end_ui(&u);
		}
	assert_true(spaced > 0); /* some sizes do space the page */
}

/* The words of the key hints that the room's pages no longer show. */
static const char *const hint_words[] = {
	"adds a vote", "then a digit", "reveals", "a adds", "A lists", "n writes", "e edits",
	"Space starts", "Space walks", "shows the keys", "show the other rows", "Space the next",
	"tick off",
};

/* Fails when page P shows a key hint or (unless DRAFTS) a draft marker; returns whether it
 * shows a draft marker. */
static bool check_room_page(const struct page *p, bool drafts, const char *where)
{
	bool draft = false;

	for (size_t i = 0; i < p->n; i++) {
		char *line = page_line_text(p, i);

		for (size_t h = 0; h < sizeof(hint_words) / sizeof(hint_words[0]); h++)
			if (strstr(line, hint_words[h]))
				fail_msg("%s: a hint on the page: %s", where, line);
		if (strstr(line, "raft"))
			draft = true;
		if (draft && !drafts)
			fail_msg("%s: a draft marker without --drafts: %s", where, line);
		free(line);
	}
	return draft;
}

/* Issue 12: on every step, hidden or revealed votes, walking or reviewing, at both sizes, the
 * pages hold no key hints; draft markers show only with --drafts; the hints are kept for
 * screen_hints. (Nothing is dim: tui/page.h has no dim style, theme.sh reads the SGR codes.) */
static void test_room_pages_hold_no_hints_and_drafts_only_on_request(void **state)
{
	static const int sizes[][2] = { { 80, 24 }, { 100, 30 }, { 60, 20 } };
	size_t with_drafts = 0;

	(void)state;
	for (size_t z = 0; z < sizeof(sizes) / sizeof(sizes[0]); z++)
		for (int mode = 0; mode < 4; mode++) {
			struct ui u;

			start_ui(&u, sizes[z][0], sizes[z][1]);
			u.read_only = mode & 1;
			u.drafts = mode & 2;
			for (size_t i = 0; i < content->n_steps; i++) {
				char where[128];

				ui_move(&u, i);
				for (int reveal = 0; reveal < 2; reveal++) {
					if (reveal && content->steps[i].kind == STEP_SCORE)
						u.revealed[content->steps[i].dimension] = true;
					ui_build_page(&u);
					snprintf(where, sizeof(where), "step %zu at %dx%d, mode %d", i + 1,
						 sizes[z][0], sizes[z][1], mode);
					with_drafts += check_room_page(&u.page, u.drafts, where);
				}
			}
			end_ui(&u);
		}
	assert_true(with_drafts > 0); /* --drafts does show them */
}

/* Returns the hint line(s) of U's current step as text (malloc'd). */
static char *hints_of(const struct ui *u)
{
	struct page p = { .focus_top = -1, .focus_bottom = -1 };
	struct view v;
	char *text;

	ui_view(u, &v);
	screen_hints(&p, &v, 1, u->l.cols - 2, 0);
	text = shown_text(&p, 0, (int)p.n);
	page_clear(&p);
	/* the lines joined where they wrapped, each space and line break one space */
	for (char *from = text, *to = text;; from++) {
		char ch = *from == '\n' ? ' ' : *from;

		if (ch == ' ' && to > text && to[-1] == ' ')
			continue;
		if (!(*to++ = ch))
			break;
	}
	return text;
}

/* The hints of a step are there for the facilitator: the keys of a scoring step while
 * walking, none that edit in --review. */
static void test_hints_name_the_keys_of_the_step(void **state)
{
	struct ui u;
	char *walk, *review, *welcome;

	(void)state;
	start_ui(&u, 80, 24);
	golden_go(&u, STEP_SCORE, 0, "content");
	walk = hints_of(&u);
	assert_non_null(strstr(walk, "1-9 adds a vote for that phase"));
	assert_non_null(strstr(walk, "r reveals the votes"));
	assert_non_null(strstr(walk, "c then a digit sets the current phase, t the target"));
	assert_non_null(strstr(walk, "a adds an action"));
	u.read_only = true;
	review = hints_of(&u);
	assert_non_null(strstr(review, "r reveals the votes"));
	assert_null(strstr(review, "adds"));
	assert_null(strstr(review, "sets"));
	assert_null(strstr(review, "writes"));
	golden_go(&u, STEP_WELCOME, 0, NULL);
	welcome = hints_of(&u);
	assert_non_null(strstr(welcome, "Space walks through the steps"));
	assert_null(strstr(welcome, "edits"));
	free(walk);
	free(review);
	free(welcome);
	end_ui(&u);
}

/* On a small terminal the hint key's lines take at most a third of the body: the last says
 * "…" before "? shows the keys", so that what is left out is marked and findable. */
static void test_hints_on_a_small_terminal_end_in_an_ellipsis_and_the_help_key(void **state)
{
	struct page p = { .focus_top = -1, .focus_bottom = -1 };
	struct ui u;
	char *last;

	(void)state;
	start_ui(&u, 40, 12);
	golden_go(&u, STEP_SCORE, 0, "content");
	u.hints = true;
	ui_hints(&p, &u);
	assert_true(p.n >= 1);
	assert_true((int)p.n <= u.l.body_rows / 3);
	last = page_line_text(&p, p.n - 1);
	assert_non_null(strstr(last, "…"));
	assert_non_null(strstr(last, "? shows the keys"));
	assert_true(utf8_width(last, strlen(last)) <= 39);
	free(last);
	page_clear(&p);
	end_ui(&u);
}

/* The votes are said as a room understands them: unanimity, the phase most chose, a tie. */
static void test_votes_are_said_as_a_room_understands_them(void **state)
{
	static const struct { const char *votes, *said; bool split; } cases[] = {
		{ "3333333", "7 votes: unanimous: phase 3", false },
		{ "3333314", "7 votes: 5 of 7 chose phase 3; median 3, from phase 1 to 4", false },
		{ "1122333", "7 votes: 3 of 7 chose phase 3; median 2, from phase 1 to 3", true },
		{ "2233", "4 votes: as many votes for phases 2, 3; median 2.5, from phase 2 to 3",
		  false },
	};
	const char *why;

	(void)state;
	for (size_t k = 0; k < sizeof(cases) / sizeof(cases[0]); k++) {
		struct ui u;
		size_t d;

		start_empty_ui(&u, 100, 30);
		golden_go(&u, STEP_SCORE, 0, "mensen");
		d = content->steps[u.s->position].dimension;
		for (const char *c = cases[k].votes; *c; c++)
			assert_true(session_vote_add(u.s, content, d, *c - '0', &why));
		ui_changed(&u);
		ui_key(&u, 'r');
		ui_build_page(&u);
		assert_int_equal(lines_with(&u.page, cases[k].said), 1);
		assert_int_equal(lines_with(&u.page, "Far apart"), cases[k].split);
		end_ui(&u);
	}
}

static void test_authors_are_joined_as_the_language_joins_them(void **state)
{
	const char *two[] = { "Renata Verloop", "Marije van den Berg" };
	const char *three[] = { "Ger Baron", "Carlien Roodink", "Gijs van Rijn" };
	const char *one[] = { "Jansen, \"Ops\" & Co" };
	char buf[256];

	(void)state;
	assert_string_equal(screen_join_names(one, 1, buf, sizeof(buf)), "Jansen, \"Ops\" & Co");
	assert_string_equal(screen_join_names(two, 2, buf, sizeof(buf)),
			    "Renata Verloop and Marije van den Berg");
	assert_string_equal(screen_join_names(three, 3, buf, sizeof(buf)),
			    "Ger Baron, Carlien Roodink and Gijs van Rijn");
	assert_string_equal(screen_join_names(three, 0, buf, sizeof(buf)), "");
	/* As the chapters show them. */
	char *chapters = render_named("step-chapters", 1);

	assert_non_null(strstr(chapters, "Renata Verloop and Marije van den Berg"));
	assert_null(strstr(chapters, " & Marije"));
	free(chapters);
}

static void test_durations_read_unambiguously(void **state)
{
	char buf[128], *summary, *overview;

	(void)state;
	assert_string_equal(screen_clock(23, 5, buf, sizeof(buf)), "0:23 / 5 min");
	assert_string_equal(screen_clock(412, 0, buf, sizeof(buf)), "6:52");
	assert_string_equal(screen_clock(3723, 90, buf, sizeof(buf)), "1:02:03 / 90 min");
	assert_string_equal(screen_time_spent(23, 5, buf, sizeof(buf)), "5 min planned, 0:23 spent");
	assert_string_equal(screen_time_spent(3723, 0, buf, sizeof(buf)), "1:02:03 spent");
	assert_string_equal(screen_minutes(45, buf, sizeof(buf)), "45 min");
	assert_string_equal(screen_minutes(180, buf, sizeof(buf)), "3 h");
	assert_string_equal(screen_minutes(210, buf, sizeof(buf)), "3 h 30 min");
	/* The summary's times and the agenda overlay's clocks. */
	summary = render_named("step-summary", 1);
	overview = render_named("overlay-overview", 1);
	assert_non_null(strstr(summary, "Time: 3 h planned, 44:17 spent"));
	assert_non_null(strstr(summary, "15 min planned, 16:40 spent"));
	assert_non_null(strstr(overview, "16:40 / 15 min"));
	assert_null(strstr(overview, "/ 15:00"));
	free(summary);
	free(overview);
}

static void test_due_dates_are_shown_as_people_read_them(void **state)
{
	char *summary = render_named("step-summary", 0);

	(void)state;
	assert_non_null(strstr(summary, "Piet Jansen, due 15 Jan 2027"));
	assert_null(strstr(summary, "2027-01-15"));
	free(summary);
}

static void test_sticky_headings_stay_on_top_and_the_focus_below_them(void **state)
{
	struct page p = { .focus_top = -1, .focus_bottom = -1 };

	(void)state;
	for (int i = 0; i < 50; i++) {
		page_newline(&p);
		page_printf(&p, 0, STYLE_NORMAL, "line %d", i);
	}
	assert_int_equal(page_row_line(&p, 4, 20, 0), 4); /* a page without headings: unchanged */
	page_sticky(&p, 3, 5);
	assert_int_equal(page_sticky_shown(&p, 3, 20), 0); /* not yet scrolled past them */
	assert_int_equal(page_row_line(&p, 3, 20, 0), 3);
	assert_int_equal(page_sticky_shown(&p, 4, 20), 3);
	assert_int_equal(page_row_line(&p, 4, 20, 0), 3);
	assert_int_equal(page_row_line(&p, 4, 20, 2), 5);
	assert_int_equal(page_row_line(&p, 4, 20, 3), 7); /* under them, the page as scrolled */
	assert_int_equal(page_sticky_shown(&p, 10, 6), 0); /* no room: the body is too low */
	/* Space: the line after the last one shown comes first under the headings. */
	assert_int_equal(page_next_screenful(&p, 0, 20), 16);
	assert_int_equal(page_row_line(&p, 16, 20, 3), 19);
	assert_int_equal(page_clamp_scroll(&p, 45, 20), 30); /* the last line on the last row */
	page_focus(&p, 10, 10);
	assert_int_equal(page_clamp_scroll(&p, 9, 20), 7); /* the focus not behind the headings */
	assert_int_equal(page_row_line(&p, 7, 20, 3), 10);
	page_clear(&p);
}

/* Returns true when the text of the line at row ROW of page P, shown from SCROLL in ROWS
 * rows, holds every phase heading "Phase 1".."Phase 4". */
static bool row_holds_phase_headings(const struct page *p, int scroll, int rows, int row)
{
	int line = page_row_line(p, scroll, rows, row);
	char *text, want[16];
	bool all = true;

	if (line < 0 || line >= (int)p->n)
		return false;
	text = page_line_text(p, (size_t)line);
	for (int i = 1; i <= 4; i++) {
		snprintf(want, sizeof(want), "Phase %d", i);
		all = all && strstr(text, want) != NULL;
	}
	free(text);
	return all;
}

/* Issue 12: the model at 80x24 is taller than the body; scrolled down by ↓ or Space its four
 * phase headings stay on the first row of the body. */
static void test_the_model_keeps_its_phase_headings_in_view_as_it_scrolls(void **state)
{
	static const int keys[] = { UI_KEY_DOWN, UI_KEY_DOWN, ' ', UI_KEY_UP };
	struct ui u;
	int rows, scrolled = 0;

	(void)state;
	start_ui(&u, 80, 24);
	golden_go(&u, STEP_MODEL, 0, NULL);
	ui_build_page(&u);
	rows = u.l.body_rows;
	assert_true((int)u.page.n > rows);
	assert_true(u.page.sticky_rows > 0);
	assert_false(row_holds_phase_headings(&u.page, 0, rows, 0)); /* the title is first */
	for (size_t k = 0; k < sizeof(keys) / sizeof(keys[0]); k++) {
		size_t step = u.s->position;

		ui_key(&u, keys[k]);
		assert_int_equal(u.s->position, step); /* it scrolled, it did not leave the step */
		u.scroll = page_clamp_scroll(&u.page, u.scroll, rows);
		if (u.scroll > u.page.sticky_top) {
			scrolled++;
			if (!row_holds_phase_headings(&u.page, u.scroll, rows, 0))
				fail_msg("after key %zu (scroll %d) the headings are not on top", k,
					 u.scroll);
		}
	}
	assert_true(scrolled > 0);
	end_ui(&u);
}

/* Fails unless Space, from the top of page P in ROWS rows, shows every one of its lines. */
static void check_space_shows_every_line(const struct page *p, int rows, const char *where)
{
	bool *seen = calloc(p->n ? p->n : 1, sizeof(*seen));
	int scroll = 0;

	assert_non_null(seen);
	for (;;) {
		int next;

		for (int y = 0; y < rows; y++) {
			int line = page_row_line(p, scroll, rows, y);

			if (line < (int)p->n)
				seen[line] = true;
		}
		if (scroll + rows >= (int)p->n)
			break;
		next = page_clamp_scroll(p, page_next_screenful(p, scroll, rows), rows);
		if (next <= scroll)
			fail_msg("%s: Space does not move on from line %d", where, scroll);
		scroll = next;
	}
	for (size_t i = 0; i < p->n; i++)
		if (!seen[i])
			fail_msg("%s: line %zu is never shown", where, i);
	free(seen);
}

/* Issue 12: on every step with column headings, at every size, scrolling a screenful at a time
 * reaches every line of the page: the headings kept on top hide none. */
static void test_every_line_of_a_page_with_headings_is_reachable(void **state)
{
	static const int sizes[][2] = { { 80, 24 }, { 100, 30 }, { 80, 16 }, { 120, 20 } };
	size_t headed = 0;

	(void)state;
	for (size_t z = 0; z < sizeof(sizes) / sizeof(sizes[0]); z++) {
		struct ui u;

		start_ui(&u, sizes[z][0], sizes[z][1]);
		for (size_t i = 0; i < content->n_steps; i++) {
			char where[64];

			ui_move(&u, i);
			if (content->steps[i].kind == STEP_SCORE)
				u.revealed[content->steps[i].dimension] = true;
			ui_build_page(&u);
			/* Space lets go of the table's selection as it scrolls (it selects the first
			 * row shown): the walk follows the page alone */
			u.page.focus_top = u.page.focus_bottom = -1;
			headed += u.page.sticky_rows > 0;
			snprintf(where, sizeof(where), "step %zu at %dx%d", i + 1, sizes[z][0],
				 sizes[z][1]);
			check_space_shows_every_line(&u.page, u.l.body_rows, where);
		}
		end_ui(&u);
	}
	assert_true(headed > 0);
}

/* Issue 12: the welcome step shows the session's date as the language spoken reads it. */
static void test_the_welcome_date_reads_as_the_language_says_it(void **state)
{
	char *english = render_named("step-welcome", 0), *dutch;

	(void)state;
	assert_non_null(strstr(english, "26 Nov 2026"));
	assert_null(strstr(english, "2026-11-26"));
	i18n_init("nl");
	dutch = render_named("step-welcome", 0);
	i18n_init("en");
	assert_non_null(strstr(dutch, "26 nov. 2026"));
	assert_null(strstr(dutch, "2026-11-26"));
	free(english);
	free(dutch);
}

/* Issue 12: in --review the help overlay says in words which keys edit ("(not in --review)"). */
static void test_review_help_marks_the_keys_that_edit(void **state)
{
	bool marked = false;
	struct ui u;

	(void)state;
	start_ui(&u, 80, 24);
	u.read_only = true;
	ui_open(&u, OV_HELP);
	ui_build_overlay(&u);
	for (size_t i = 0; i < u.overlay_page.n; i++) {
		char *text = page_line_text(&u.overlay_page, i);

		marked = marked || strstr(text, "(not in --review)") != NULL;
		free(text);
	}
	assert_true(marked);
	end_ui(&u);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_pages_match_their_golden_files),
		cmocka_unit_test(test_pages_fit_their_width),
		cmocka_unit_test(test_score_page_shows_the_state_of_the_row),
		cmocka_unit_test(test_each_size_has_its_own_layout),
		cmocka_unit_test(test_too_small_notice_fits_and_says_the_size),
		cmocka_unit_test(test_scroll_keeps_the_focus_in_view),
		cmocka_unit_test(test_a_label_cut_ends_in_an_ellipsis_and_fills_its_width),
		cmocka_unit_test(test_a_question_cut_by_its_box_ends_in_an_ellipsis),
		cmocka_unit_test(test_every_cut_on_the_pages_is_marked),
		cmocka_unit_test(test_a_long_status_message_is_shown_whole_above_the_status_line),
		cmocka_unit_test(test_a_row_shows_its_first_actions_and_counts_the_rest),
		cmocka_unit_test(test_a_revealed_score_page_fits_80x24),
		cmocka_unit_test(test_spacing_never_pushes_the_agreed_line_away),
		cmocka_unit_test(test_more_votes_than_participants_are_counted_as_votes),
		cmocka_unit_test(test_room_pages_hold_no_hints_and_drafts_only_on_request),
		cmocka_unit_test(test_hints_name_the_keys_of_the_step),
		cmocka_unit_test(test_hints_on_a_small_terminal_end_in_an_ellipsis_and_the_help_key),
		cmocka_unit_test(test_votes_are_said_as_a_room_understands_them),
		cmocka_unit_test(test_authors_are_joined_as_the_language_joins_them),
		cmocka_unit_test(test_durations_read_unambiguously),
		cmocka_unit_test(test_due_dates_are_shown_as_people_read_them),
		cmocka_unit_test(test_sticky_headings_stay_on_top_and_the_focus_below_them),
		cmocka_unit_test(test_the_model_keeps_its_phase_headings_in_view_as_it_scrolls),
		cmocka_unit_test(test_every_line_of_a_page_with_headings_is_reachable),
		cmocka_unit_test(test_the_welcome_date_reads_as_the_language_says_it),
		cmocka_unit_test(test_review_help_marks_the_keys_that_edit),
	};

	setlocale(LC_CTYPE, "C.UTF-8");
	int failed = cmocka_run_group_tests(tests, load_content, free_content);

	wrap_close(); /* the dictionary the pages opened */
	return failed;
}
