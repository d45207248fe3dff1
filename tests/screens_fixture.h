/* screens_fixture.h - the golden pages of tests/golden/pages/: each case is a state of the
 * interface reached by keys on the fixed session of export_fixture.h, and its page is
 * rendered to text as a terminal would show it. Shared by tests/test_screens.c and
 * tests/tools/screens_golden.c (header only). No curses.
 *
 * A golden file holds the page's lines as text (trailing spaces dropped), then, for every
 * line that is not all plain, its styles: one letter a column, ' ' plain (see style_letter);
 * then the header and the status line shown with it, in the same way. */
#ifndef MEETLAT_SCREENS_FIXTURE_H
#define MEETLAT_SCREENS_FIXTURE_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "export_fixture.h"
#include "keys.h"
#include "ui.h"
#include "utf8.h"
#include "wrap.h"

#define GOLDEN_PAGES_DIR "tests/golden/pages"

/* The sizes every case is kept at. */
static const struct { int cols, rows; } golden_sizes[] = { { 80, 24 }, { 100, 30 } };

/* A clock that stands still, so that no second passes while a case is built. */
static double golden_clock(void)
{
	return 1000.0;
}

/* Types the keys of KEYS (0-terminated) into U. */
static void golden_keys(struct ui *u, const int *keys)
{
	for (; *keys; keys++)
		ui_key(u, *keys);
}

/* Goes to the first step of KIND (of phase PHASE when it is not 0, of row ID when not NULL). */
static void golden_go(struct ui *u, enum step_kind kind, int phase, const char *id)
{
	for (size_t i = 0; i < u->c->n_steps; i++) {
		const struct content_step *st = &u->c->steps[i];

		if (st->kind == kind && (!phase || st->phase == phase) &&
		    (!id || (kind == STEP_SCORE && strcmp(u->c->dimensions[st->dimension].id, id) == 0))) {
			ui_move(u, i);
			return;
		}
	}
}

/* Gives the session a notice and a warning, as a read of a changed file would. */
static void golden_warnings(struct ui *u)
{
	struct session *s = u->s;

	s->agenda_notice = strdup("The agenda changed since this session was saved: 2 steps are "
				  "new, 1 is no longer there (its time is kept).");
	s->warnings = calloc(1, sizeof(*s->warnings));
	if (s->warnings && (s->warnings[0] = strdup("row 'oude-rij' is not in this content; it is "
						    "kept in the file as it was")))
		s->n_warnings = 1;
	ui_open(u, OV_WARNINGS);
}

/* The steps, one case for each kind. */
static void case_welcome(struct ui *u) { golden_go(u, STEP_WELCOME, 0, NULL); }
static void case_model(struct ui *u) { golden_go(u, STEP_MODEL, 0, NULL); }
static void case_phase(struct ui *u) { golden_go(u, STEP_PHASE, 4, NULL); }
static void case_phase_draft(struct ui *u) { golden_go(u, STEP_PHASE, 1, NULL); }
static void case_citizen(struct ui *u) { golden_go(u, STEP_CITIZEN, 0, NULL); }
static void case_reading_guide(struct ui *u) { golden_go(u, STEP_READING_GUIDE, 0, NULL); }
static void case_chapters(struct ui *u) { golden_go(u, STEP_CHAPTERS, 0, NULL); }
static void case_text(struct ui *u) { golden_go(u, STEP_TEXT, 0, NULL); }
static void case_actions(struct ui *u) { golden_go(u, STEP_ACTIONS, 0, NULL); }
static void case_summary(struct ui *u) { golden_go(u, STEP_SUMMARY, 0, NULL); }

/* The table with the third row selected. */
static void case_table(struct ui *u)
{
	golden_go(u, STEP_TABLE, 0, NULL);
	golden_keys(u, (const int[]){ 'j', 'j', 0 });
}

/* A scored row, its votes hidden. */
static void case_score(struct ui *u) { golden_go(u, STEP_SCORE, 0, "content"); }

/* The same row with its votes revealed: bars, the median, the spread. */
static void case_score_revealed(struct ui *u)
{
	golden_go(u, STEP_SCORE, 0, "content");
	golden_keys(u, (const int[]){ 'r', 0 });
}

/* A row with no votes, no agreement and no note. */
static void case_score_empty(struct ui *u) { golden_go(u, STEP_SCORE, 0, "collaboratie"); }

/* The overlays. */
static void case_help(struct ui *u) { golden_keys(u, (const int[]){ '?', 0 }); }
static void case_summary_overlay(struct ui *u) { ui_open(u, OV_SUMMARY); }

static void case_overview(struct ui *u)
{
	golden_go(u, STEP_SCORE, 0, "content");
	golden_keys(u, (const int[]){ 'o', 'j', 'j', 0 });
}

static void case_action_list(struct ui *u)
{
	golden_keys(u, (const int[]){ 'A', 'j', 0 });
}

static void case_action_form(struct ui *u)
{
	golden_go(u, STEP_SCORE, 0, "content");
	golden_keys(u, (const int[]){ 'a', 'B', 'e', 'l', ' ', 'd', 'e', ' ', 'r', 'a', 'a', 'd',
				      UI_KEY_TAB, 0 });
}

static void case_note_form(struct ui *u)
{
	golden_go(u, STEP_SCORE, 0, "content");
	golden_keys(u, (const int[]){ 'n', UI_KEY_HOME, 0 });
}

static void case_details_form(struct ui *u)
{
	golden_keys(u, (const int[]){ 'e', UI_KEY_DOWN, UI_KEY_DOWN, UI_KEY_DOWN, UI_KEY_DOWN,
				      UI_KEY_DOWN, UI_KEY_CTRL('u'), 'x', UI_KEY_UP, 0 });
}

static void case_confirm_delete(struct ui *u)
{
	golden_keys(u, (const int[]){ 'A', 'd', 0 });
}

static void case_confirm_target(struct ui *u)
{
	golden_go(u, STEP_SCORE, 0, "content");
	golden_keys(u, (const int[]){ 't', '2', 0 });
}

/* Which page a case shows. */
enum page_kind { PAGE_STEP, PAGE_OVERLAY, PAGE_START };

/* The start screen's case: two sessions found, one that cannot be read. */
static void case_start(struct ui *u) { (void)u; }

struct page_case {
	const char *name;
	void (*reach)(struct ui *u);
	enum page_kind kind;
};

static const struct page_case page_cases[] = {
	{ "step-welcome", case_welcome, PAGE_STEP },
	{ "step-model", case_model, PAGE_STEP },
	{ "step-phase", case_phase, PAGE_STEP },
	{ "step-phase-draft", case_phase_draft, PAGE_STEP },
	{ "step-citizen", case_citizen, PAGE_STEP },
	{ "step-reading-guide", case_reading_guide, PAGE_STEP },
	{ "step-chapters", case_chapters, PAGE_STEP },
	{ "step-table", case_table, PAGE_STEP },
	{ "step-score", case_score, PAGE_STEP },
	{ "step-score-revealed", case_score_revealed, PAGE_STEP },
	{ "step-score-empty", case_score_empty, PAGE_STEP },
	{ "step-text", case_text, PAGE_STEP },
	{ "step-actions", case_actions, PAGE_STEP },
	{ "step-summary", case_summary, PAGE_STEP },
	{ "overlay-help", case_help, PAGE_OVERLAY },
	{ "overlay-warnings", golden_warnings, PAGE_OVERLAY },
	{ "overlay-summary", case_summary_overlay, PAGE_OVERLAY },
	{ "overlay-overview", case_overview, PAGE_OVERLAY },
	{ "overlay-action-list", case_action_list, PAGE_OVERLAY },
	{ "overlay-action-form", case_action_form, PAGE_OVERLAY },
	{ "overlay-note-form", case_note_form, PAGE_OVERLAY },
	{ "overlay-details-form", case_details_form, PAGE_OVERLAY },
	{ "overlay-confirm-delete", case_confirm_delete, PAGE_OVERLAY },
	{ "overlay-confirm-target", case_confirm_target, PAGE_OVERLAY },
	{ "start", case_start, PAGE_START },
};

/* Returns the letter that stands for STYLE in a golden file. */
static char style_letter(enum style style)
{
	static const char letters[STYLE_COUNT] = {
		[STYLE_NORMAL] = ' ', [STYLE_TITLE] = 'T',    [STYLE_HEADING] = 'H',
		[STYLE_EMPHASIS] = 'E', [STYLE_DRAFT] = 'D',
		[STYLE_CURRENT] = 'C', [STYLE_TARGET] = 'G',  [STYLE_WARNING] = 'W',
		[STYLE_SELECTED] = 'S', [STYLE_GOOD] = 'g',   [STYLE_INPUT] = 'I',
		[STYLE_CODE] = 'Q',
	};

	return letters[style];
}

/* One column of a rendered line: the bytes of its character (plus combining ones; empty for
 * the right half of a wide one) and its style. */
struct cell {
	char text[16];
	enum style style;
};

/* Writes the span S into the WIDTH cells of LINE, cut at the right edge as the terminal does. */
static void render_span(struct cell *line, int width, const struct span *s)
{
	int x = s->x;

	for (size_t i = 0; i < s->len && x < width;) {
		uint32_t cp;
		size_t n = utf8_decode(s->text + i, s->len - i, &cp);
		int w = utf8_columns(cp);

		if (w == 0 && x > 0 && strlen(line[x - 1].text) + n < sizeof(line[x - 1].text)) {
			strncat(line[x - 1].text, s->text + i, n); /* a combining mark */
		} else if (w > 0 && x + w <= width && x >= 0) {
			snprintf(line[x].text, sizeof(line[x].text), "%.*s", (int)n, s->text + i);
			line[x].style = s->style;
			if (w == 2) {
				line[x + 1].text[0] = '\0';
				line[x + 1].style = s->style;
			}
			x += w;
		} else if (w > 0) {
			break;
		}
		i += n;
	}
}

/* Writes the text of the N lines of CELLS (WIDTH a line) to OUT, trailing spaces dropped. */
static void write_text(const struct cell *cells, size_t n, int width, FILE *out)
{
	for (size_t y = 0; y < n; y++) {
		char text[4096] = "";
		size_t len = 0;

		for (int x = 0; x < width; x++)
			len += (size_t)snprintf(text + len, len < sizeof(text) ? sizeof(text) - len : 0,
						"%s", cells[y * (size_t)width + x].text);
		while (len > 0 && text[len - 1] == ' ')
			text[--len] = '\0';
		fprintf(out, "%s\n", text);
	}
}

/* Writes the styles of the N lines of CELLS (WIDTH a line) to OUT: a line that is not all
 * plain as its number and a letter a column. */
static void write_styles(const struct cell *cells, size_t n, int width, FILE *out)
{
	fputs("-- styles --\n", out);
	for (size_t y = 0; y < n; y++) {
		char letters[1024];
		int last = -1;

		for (int x = 0; x < width && x < (int)sizeof(letters) - 1; x++) {
			letters[x] = style_letter(cells[y * (size_t)width + x].style);
			if (letters[x] != ' ')
				last = x;
		}
		if (last >= 0)
			fprintf(out, "%3zu %.*s\n", y, last + 1, letters);
	}
}

/* Writes page P, WIDTH columns wide, to OUT in the golden format. */
static void render_page(const struct page *p, int width, FILE *out)
{
	struct cell *cells = calloc(p->n ? p->n * (size_t)width : 1, sizeof(*cells));

	if (!cells) {
		fputs("(out of memory)\n", out);
		return;
	}
	for (size_t y = 0; y < p->n; y++) {
		struct cell *line = &cells[y * (size_t)width];

		for (int x = 0; x < width; x++)
			snprintf(line[x].text, sizeof(line[x].text), " ");
		for (size_t k = 0; k < p->lines[y].n; k++)
			render_span(line, width, &p->lines[y].spans[k]);
	}
	write_text(cells, p->n, width, out);
	write_styles(cells, p->n, width, out);
	free(cells);
}

/* Writes the header and the status line of U to OUT in the golden format. */
static void render_frame(const struct ui *u, FILE *out)
{
	struct page line = { .focus_top = -1, .focus_bottom = -1 };

	fputs("-- header --\n", out);
	ui_header(&line, u);
	render_page(&line, u->l.cols, out);
	page_clear(&line);
	fputs("-- status line --\n", out);
	ui_status(&line, u);
	render_page(&line, u->l.cols, out);
	page_clear(&line);
}

/* Builds the start screen, COLS wide, with two sessions found, one that cannot be read. */
static void golden_start_page(struct page *p, int cols)
{
	struct store_entry entries[] = {
		{ .path = "/home/trainer/.local/share/meetlat/sessions/workshop-sociale-media.yaml",
		  .title = "Workshop sociale media", .group = "Team communicatie",
		  .date = "2026-11-26", .updated = "2026-11-26T15:40:12+01:00", .position = 10,
		  .n_steps = 23, .rows_scored = 6, .n_rows = 10 },
		{ .path = "/home/trainer/.local/share/meetlat/sessions/kapot.yaml", .title = "",
		  .group = "", .date = "", .updated = "",
		  .error = "kapot.yaml:3:7: expected a mapping of the session's keys" },
	};

	screen_start(p, "/home/trainer/.local/share/meetlat/sessions", entries, 2, 0, cols, true);
}

/* Builds case K at size COLS x ROWS on content C and writes its page to OUT; false when the
 * session could not be built. */
static bool golden_render(const struct content *c, size_t k, int cols, int rows, FILE *out)
{
	struct ui u;
	struct page *p;
	int width;

	wrap_set_language(c->language); /* as run_interface in tui/main.c */
	if (!ui_init(&u, c, false, true, true)) /* a preview: nothing is ever written */
		return false;
	u.clock = golden_clock;
	u.s = fixture_session(c);
	if (!u.s) {
		ui_free(&u);
		return false;
	}
	ui_resize(&u, cols, rows);
	ui_begin(&u);
	page_cases[k].reach(&u);
	if (page_cases[k].kind == PAGE_START) {
		golden_start_page(&u.overlay_page, cols);
		p = &u.overlay_page;
		width = cols;
	} else if (page_cases[k].kind == PAGE_OVERLAY) {
		ui_build_overlay(&u);
		p = &u.overlay_page;
		width = u.overlay == OV_FORM || u.overlay == OV_CONFIRM ? u.l.box_width
									 : u.l.box_width - 4;
	} else {
		ui_build_page(&u);
		p = &u.page;
		width = cols;
	}
	fprintf(out, "# %s at %dx%d: %zu lines, %d columns%s\n", page_cases[k].name, cols, rows,
		p->n, width, page_cases[k].kind == PAGE_OVERLAY ? " (the overlay box)" : "");
	render_page(p, width, out);
	if (page_cases[k].kind != PAGE_START)
		render_frame(&u, out);
	ui_free(&u);
	session_free(u.s);
	return true;
}

/* Writes into BUF the path of the golden file of case K at size COLS x ROWS under DIR. */
static const char *golden_path(const char *dir, size_t k, int cols, int rows, char *buf,
			       size_t size)
{
	snprintf(buf, size, "%s/%dx%d/%s.txt", dir, cols, rows, page_cases[k].name);
	return buf;
}

#endif
