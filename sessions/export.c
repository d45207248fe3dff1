/* export.c - a session as a report for people: Markdown, CSV or a standalone HTML page.
 *
 * This file holds what the formats share: what a row says (row_view, worked out once for
 * every format), the report that Markdown and HTML both tell (metadata, scores, what was not
 * scored, actions, time per step) through a few building blocks (section, table, cell, list
 * item) whose markup each format gives as a table (struct markup), and the choice of the
 * writer. export_md.c, export_html.c (which adds a chart) and export_csv.c (data for a
 * spreadsheet or a program) each write one format.
 *
 * Every text that comes from the session or the content goes through export_put_text:
 * control characters are replaced (utf8_sanitize, newlines kept) and the rest escaped for the
 * format (in CSV for a spreadsheet, a text that could be taken for a formula gets a leading ').
 * So does every word of the report's own: the report speaks the language of the interface
 * (i18n.h; the content's language unless --lang or the environment choose), and a
 * translation may hold any character. Dates are shown the way that language writes them
 * (date_format: "15 jan. 2027"), the moments a session was created and updated in the
 * reader's local time, durations as a clock reads them (duration_clock). Numbers are never
 * written in the locale's format, so the output depends only on the language and, for the
 * local time, the time zone.
 *
 * No format wraps text to a width: a Markdown table row is one line however long its cells
 * (a renderer lays it out), and HTML and CSV are laid out by the browser or spreadsheet (the
 * HTML page asks the browser to hyphenate, in its language: export_html.c); so nothing here
 * hyphenates. */
#include "export.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "baseline.h"

#include "date.h"
#include "export_impl.h"
#include "i18n.h"
#include "mem.h"
#include "utf8.h"
#include "valid.h"

enum { LABEL_MAX = 1024 };

static const char *const format_names[EXPORT_FORMAT_COUNT] = {
	[EXPORT_MD] = "md", [EXPORT_CSV] = "csv", [EXPORT_HTML] = "html",
};

/* Returns the format named NAME, or EXPORT_FORMAT_COUNT. */
enum export_format export_format_from_name(const char *name)
{
	for (int f = 0; f < EXPORT_FORMAT_COUNT; f++)
		if (name && strcmp(name, format_names[f]) == 0)
			return (enum export_format)f;
	return EXPORT_FORMAT_COUNT;
}

/* ---- writing texts ----------------------------------------------------------------------- */

void export_put(struct export *e, const char *literal)
{
	fputs(literal, e->out);
}

/* Writes the LEN bytes of TEXT as export_put_text writes a text. */
static void put_text_len(struct export *e, const char *text, size_t len)
{
	char *clean = utf8_sanitize(text, len, true, '?');

	if (!clean) {
		e->exhausted = true;
		return;
	}
	e->escape(e, clean);
	mem.free(clean);
}

void export_put_text(struct export *e, const char *text)
{
	if (text)
		put_text_len(e, text, strlen(text));
}

/* Writes the pattern PATTERN with its first "%s" replaced by TEXT, escaped; the rest of
 * PATTERN is written as it is when LITERAL (markup), else escaped too (a translated sentence). */
static void put_pattern(struct export *e, const char *pattern, const char *text, bool literal)
{
	const char *hole = strstr(pattern, "%s");
	size_t before = hole ? (size_t)(hole - pattern) : strlen(pattern);

	if (literal)
		fwrite(pattern, 1, before, e->out);
	else
		put_text_len(e, pattern, before);
	if (!hole)
		return;
	export_put_text(e, text);
	if (literal)
		export_put(e, hole + 2);
	else
		export_put_text(e, hole + 2);
}

void export_put_markup(struct export *e, const char *markup, const char *text)
{
	put_pattern(e, markup, text, true);
}

void export_put_sentence(struct export *e, const char *sentence, const char *text)
{
	put_pattern(e, sentence, text, false);
}

/* ---- dates, moments and durations, as the reader reads them --------------------------- */

/* Returns the number of the two digits at S if it is at most MAX, else -1. */
static int two_digits(const char *s, int max)
{
	int n;

	if (s[0] < '0' || s[0] > '9' || s[1] < '0' || s[1] > '9')
		return -1;
	n = (s[0] - '0') * 10 + (s[1] - '0');
	return n <= max ? n : -1;
}

/* Reads the offset from UTC at ZONE ("Z", "+HH:MM" or "-HH:MM", and nothing after it) into
 * *SECONDS (east of UTC positive); false when ZONE is none of these. */
static bool stamp_offset(const char *zone, long *seconds)
{
	int hours, minutes;

	if (strcmp(zone, "Z") == 0) {
		*seconds = 0;
		return true;
	}
	if ((zone[0] != '+' && zone[0] != '-') || strlen(zone) != 6 || zone[3] != ':')
		return false;
	hours = two_digits(zone + 1, 23);
	minutes = two_digits(zone + 4, 59);
	if (hours < 0 || minutes < 0)
		return false;
	*seconds = (zone[0] == '-' ? -1L : 1L) * (hours * 3600L + minutes * 60L);
	return true;
}

/* Reads STAMP, a moment as a session file holds it (YYYY-MM-DDTHH:MM:SS and Z or +HH:MM or
 * -HH:MM), into *WHEN; false when STAMP is not such a moment. */
static bool stamp_read(const char *stamp, time_t *when)
{
	struct tm tm = { 0 };
	char date[DATE_ISO_SIZE];
	long offset;

	if (strlen(stamp) < 19 || stamp[10] != 'T' || stamp[13] != ':' || stamp[16] != ':')
		return false;
	snprintf(date, sizeof(date), "%.10s", stamp);
	tm.tm_hour = two_digits(stamp + 11, 23);
	tm.tm_min = two_digits(stamp + 14, 59);
	tm.tm_sec = two_digits(stamp + 17, 59);
	if (!date_valid(date) || tm.tm_hour < 0 || tm.tm_min < 0 || tm.tm_sec < 0 ||
	    !stamp_offset(stamp + 19, &offset))
		return false;
	tm.tm_year = atoi(date) - 1900;
	tm.tm_mon = atoi(date + 5) - 1;
	tm.tm_mday = atoi(date + 8);
	*when = timegm(&tm) - offset;
	return true;
}

bool export_local_time(const char *stamp, enum date_style style, char *out, size_t size)
{
	char iso[DATE_ISO_SIZE], clock[8], day[DATE_TEXT_SIZE];
	struct tm local;
	time_t when;
	int n;

	if (size)
		out[0] = '\0';
	if (!stamp_read(stamp, &when) || !localtime_r(&when, &local) ||
	    strftime(iso, sizeof(iso), "%Y-%m-%d", &local) != DATE_ISO_SIZE - 1 ||
	    strftime(clock, sizeof(clock), "%H:%M", &local) != 5 ||
	    !date_format(iso, style, day, sizeof(day)))
		return false;
	n = snprintf(out, size, "%s %s", day, clock);
	if (n < 0 || (size_t)n >= size) {
		if (size)
			out[0] = '\0';
		return false;
	}
	return true;
}

const char *export_date(const char *iso, char *out, size_t size)
{
	return date_format(iso, date_style_spoken(), out, size) ? out : iso;
}

/* Returns STAMP in the reader's local time in the language spoken, written into OUT (SIZE
 * bytes), or STAMP as it is when it is not a moment as session files hold them. */
static const char *local_time(const char *stamp, char *out, size_t size)
{
	return export_local_time(stamp, date_style_spoken(), out, size) ? out : stamp;
}

/* ---- what a row says ------------------------------------------------------------------ */

/* Writes the votes per phase of ST into BUF, from phase 1 to the content's last phase (or
 * the highest vote, when that is beyond it): "1:0 2:3 3:4 4:1". */
static void format_distribution(const struct vote_stats *st, size_t n_phases, char *buf,
				size_t size)
{
	int last = n_phases < STATS_PHASES_MAX ? (int)n_phases : STATS_PHASES_MAX;
	size_t used = 0;

	buf[0] = '\0';
	if (st->highest > last)
		last = st->highest;
	for (int p = 1; p <= last && used < size; p++) {
		int n = snprintf(buf + used, size - used, "%s%d:%zu", p > 1 ? " " : "", p,
				 st->per_phase[p]);

		if (n < 0)
			break;
		used += (size_t)n;
	}
}

/* Writes the median of ST into BUF: "3", "2.5" (with DECIMAL), or "" without votes. */
static void format_median(const struct vote_stats *st, char decimal, char *buf, size_t size)
{
	int twice = (int)(st->median * 2.0 + 0.5); /* medians are whole or halves */

	if (st->count == 0)
		buf[0] = '\0';
	else if (twice % 2 == 0)
		snprintf(buf, size, "%d", twice / 2);
	else
		snprintf(buf, size, "%d%c5", twice / 2, decimal);
}

/* Returns true when score I is a row of the content (not one kept from the file). */
static bool row_known(const struct export *e, size_t i)
{
	return i < e->c->n_dimensions && e->s->scores[i].known;
}

/* Returns the title of the group of score I, or NULL for a row kept from the file. */
static const char *row_group(const struct export *e, size_t i)
{
	return row_known(e, i) ? e->c->groups[e->c->dimensions[i].group].title : NULL;
}

void export_row_view(const struct export *e, size_t i, struct row_view *r)
{
	const struct session_score *sc = &e->s->scores[i];

	r->sc = sc;
	r->group = row_group(e, i);
	r->name = row_known(e, i) ? e->c->dimensions[i].name : sc->dimension;
	vote_stats_compute(sc->votes, sc->n_votes, &r->st);
	format_distribution(&r->st, e->c->n_phases, r->distribution, sizeof(r->distribution));
	format_median(&r->st, e->decimal, r->median, sizeof(r->median));
}

const char *export_phase_name(const struct export *e, int number)
{
	const struct content_phase *p = content_phase(e->c, number);

	return p ? p->name : "";
}

/* ---- the report's building blocks, in the export's markup --------------------------- */

void export_section(struct export *e, const char *title)
{
	export_put_markup(e, e->markup->section, title);
}

/* Writes the paragraph TEXT. */
static void paragraph(struct export *e, const char *text)
{
	export_put_markup(e, e->markup->paragraph, text);
}

/* Writes the paragraph TEXT below a table or a list. */
static void table_note(struct export *e, const char *text)
{
	export_put_markup(e, e->markup->table_note, text);
}

/* Starts a table of class CLASS (for the style sheet) whose N columns are headed HEADS, each
 * translated. */
static void table_begin(struct export *e, const char *class, const char *const *heads,
			size_t n)
{
	fprintf(e->out, e->markup->table_begin, class);
	for (size_t i = 0; i < n; i++)
		export_put_markup(e, e->markup->head, _(heads[i]));
	export_put(e, e->markup->head_end);
	for (size_t i = 0; i < n; i++)
		export_put(e, e->markup->rule);
	export_put(e, e->markup->rule_end);
}

/* Ends a table. */
static void table_end(struct export *e)
{
	export_put(e, e->markup->table_end);
}

/* Starts a table row. */
static void row_begin(struct export *e)
{
	export_put(e, e->markup->row_begin);
}

/* Ends a table row. */
static void row_end(struct export *e)
{
	export_put(e, e->markup->row_end);
}

/* Starts a cell; CLASS (or NULL) styles it in HTML. */
static void cell_begin(struct export *e, const char *class)
{
	if (class)
		fprintf(e->out, e->markup->cell_begin_class, class);
	else
		export_put(e, e->markup->cell_begin);
}

/* Ends a cell. */
static void cell_end(struct export *e)
{
	export_put(e, e->markup->cell_end);
}

/* Writes a cell holding TEXT, or a dash when TEXT is empty. */
static void cell_text(struct export *e, const char *class, const char *text)
{
	cell_begin(e, class);
	if (text && text[0])
		export_put_text(e, text);
	else
		export_put(e, "—");
	cell_end(e);
}

/* Starts a list. */
static void list_begin(struct export *e, const char *class)
{
	fprintf(e->out, e->markup->list_begin, class);
}

/* Ends a list. */
static void list_end(struct export *e)
{
	export_put(e, e->markup->list_end);
}

/* Starts a list item labelled LABEL (or NULL). */
static void item_begin(struct export *e, const char *label)
{
	export_put(e, e->markup->item_begin);
	if (label)
		export_put_markup(e, e->markup->item_label, label);
}

/* Ends a list item. */
static void item_end(struct export *e)
{
	export_put(e, e->markup->item_end);
}

/* Writes phase NUMBER with its name ("3: de gemeente converseert"), or a dash for none. */
static void put_phase(struct export *e, int number)
{
	if (number <= 0) {
		export_put(e, "—");
		return;
	}
	fprintf(e->out, "%d", number);
	if (export_phase_name(e, number)[0]) {
		export_put(e, ": ");
		export_put_text(e, export_phase_name(e, number));
	}
}

/* ---- the report ----------------------------------------------------------------------- */

/* Writes a list item LABEL: TEXT (a dash when TEXT is empty). */
static void meta_item(struct export *e, const char *label, const char *text)
{
	item_begin(e, label);
	if (text && text[0])
		export_put_text(e, text);
	else
		export_put(e, "—");
	item_end(e);
}

void export_report_meta(struct export *e)
{
	char date[DATE_TEXT_SIZE], created[EXPORT_MOMENT_SIZE], updated[EXPORT_MOMENT_SIZE];
	char note[1024];

	list_begin(e, "meta");
	for (int f = META_ORGANISATION; f < META_COUNT; f++) {
		const char *text = e->s->meta[f];

		if (f == META_DATE && text)
			text = export_date(text, date, sizeof(date));
		meta_item(e, session_meta_label((enum session_meta)f), text);
	}
	/* TRANSLATORS: the report's details: the content the session was scored against */
	item_begin(e, _("Content"));
	export_put_text(e, e->c->title);
	export_put(e, " (");
	export_put_text(e, e->s->content_id);
	export_put(e, ")");
	item_end(e);
	/* TRANSLATORS: the report's details: when the session was created, in local time */
	meta_item(e, _("Created"), local_time(e->s->created, created, sizeof(created)));
	/* TRANSLATORS: the report's details: when the session was last saved, in local time */
	meta_item(e, _("Updated"), local_time(e->s->updated, updated, sizeof(updated)));
	if (e->s->baseline)
		/* TRANSLATORS: the report's details: the earlier session this one follows */
		meta_item(e, _("Follows"), baseline_note(e->s, note, sizeof(note)));
	list_end(e);
}

/* Writes a cell of class "num" holding NUMBER. */
static void cell_number(struct export *e, size_t number)
{
	char text[24];

	snprintf(text, sizeof(text), "%zu", number);
	cell_begin(e, "num");
	export_put_text(e, text);
	cell_end(e);
}

/* Writes the votes cell of row R: how many, and per phase when there are any. */
static void votes_cell(struct export *e, const struct row_view *r)
{
	char count[24];

	snprintf(count, sizeof(count), "%zu", r->st.count);
	cell_begin(e, "votes");
	export_put_text(e, count);
	if (r->st.count)
		export_put_markup(e, e->markup->vote_detail, r->distribution);
	cell_end(e);
}

/* Writes the spread cell of row R: the phases its votes span, marked when they lie far apart. */
static void spread_cell(struct export *e, const struct row_view *r)
{
	char text[64];

	cell_begin(e, r->st.disagree ? "spread disagree" : "spread");
	if (!r->st.count) {
		export_put(e, "—");
	} else {
		/* TRANSLATORS: the spread of the votes (the phases they span) when they lie far
		 * apart, in the scores table: "3 (disagree)" */
		snprintf(text, sizeof(text), r->st.disagree ? _("%d (disagree)") : "%d",
			 r->st.span);
		export_put_text(e, text);
	}
	cell_end(e);
}

/* Writes into BUF last time's phase NUMBER ("?" when none was agreed). */
static const char *then_phase(int number, char *buf, size_t size)
{
	if (number)
		snprintf(buf, size, "%d", number);
	else
		snprintf(buf, size, "?");
	return buf;
}

/* Writes the cells of score I that compare with last time: last time's current and target
 * phase ("2 → 3"), and how each moved since (↑ up, ↓ down, = the same). */
static void moved_cells(struct export *e, size_t i)
{
	const struct session_score *sc = &e->s->scores[i];
	int before_c = 0, before_t = 0;
	char then[64], a[8], b[8], moved[32];
	enum movement mc, mt;

	if (i >= e->c->n_dimensions || !baseline_row(e->s, i, &before_c, &before_t)) {
		cell_text(e, "phase", "—");
		cell_text(e, "moved", "—");
		return;
	}
	snprintf(then, sizeof(then), "%s → %s", then_phase(before_c, a, sizeof(a)),
		 then_phase(before_t, b, sizeof(b)));
	cell_text(e, "phase", then);
	mc = baseline_movement(before_c, sc->current);
	mt = baseline_movement(before_t, sc->target);
	snprintf(moved, sizeof(moved), "%s %s", mc ? movement_mark(mc, true) : "–",
		 mt ? movement_mark(mt, true) : "–");
	cell_text(e, "moved", moved);
}

/* Writes the line of the scores table for score I. */
static void score_line(struct export *e, size_t i)
{
	struct row_view r;

	export_row_view(e, i, &r);
	row_begin(e);
	if (!e->markup->group_begin) {
		/* TRANSLATORS: in the group column of the scores table, for a row of a session
		 * file that the content no longer has */
		cell_text(e, NULL, r.group ? r.group : _("(kept from the file)"));
	}
	cell_text(e, NULL, r.name);
	votes_cell(e, &r);
	cell_text(e, "num", r.median);
	spread_cell(e, &r);
	for (int k = 0; k < 2; k++) {
		cell_begin(e, "phase");
		put_phase(e, k == 0 ? r.sc->current : r.sc->target);
		cell_end(e);
	}
	if (baseline_in_use(e->s))
		moved_cells(e, i);
	cell_text(e, "text", r.sc->note);
	row_end(e);
}

/* Writes a line across the scores table naming GROUP (NULL: the rows kept from the file),
 * above the group's rows, in a markup that has such lines (HTML); Markdown names the group in
 * a column of every row instead. */
static void group_line(struct export *e, const char *group)
{
	export_put(e, e->markup->group_begin);
	if (!group)
		group = _("Kept from the file (rows this content no longer has)");
	export_put_text(e, group);
	export_put(e, e->markup->group_end);
}

/* Writes every row: the content's rows in order, then those kept from the file. */
static void report_scores(struct export *e)
{
	/* TRANSLATORS: the columns of the scores table: the group of rows (interactie,
	 * organisatie), the row, the votes, their median and spread, the agreed current and
	 * target phase, the note */
	static const char *const heads[] = { N_("Row group"), N_("Row"), N_("Votes"), N_("Median"),
					     N_("Spread"), N_("Current"), N_("Target"),
					     N_("Note") };
	/* TRANSLATORS: the columns of the scores table when the session follows an earlier
	 * one: last time's current and target phase ("2 → 3"), and how they moved since */
	static const char *const compared[] = { N_("Row group"), N_("Row"), N_("Votes"),
						N_("Median"), N_("Spread"), N_("Current"),
						N_("Target"), N_("Last time"), N_("Moved"),
						N_("Note") };
	bool group_lines = e->markup->group_begin != NULL, in_use = baseline_in_use(e->s);
	size_t skip = group_lines ? 1 : 0; /* the group is above its rows, not in a column */

	/* TRANSLATORS: the heading of the report's table of rows: votes and agreed phases */
	export_section(e, _("Scores"));
	if (in_use)
		table_begin(e, "scores", compared + skip,
			    sizeof(compared) / sizeof(compared[0]) - skip);
	else
		table_begin(e, "scores", heads + skip, sizeof(heads) / sizeof(heads[0]) - skip);
	for (size_t i = 0; i < e->s->n_scores; i++) {
		if (group_lines && (i == 0 || row_group(e, i) != row_group(e, i - 1)))
			group_line(e, row_group(e, i));
		score_line(e, i);
	}
	table_end(e);
	table_note(e, _("Votes: how many, then per phase (phase:votes). Spread: the phases the "
			"votes cover, from the lowest to the highest; 1 means everyone agreed, 3 "
			"or more is marked as disagreement."));
	if (in_use)
		table_note(e, _("Last time: the current and target phase agreed in the earlier "
				"session. Moved: how the current and the target phase moved since "
				"(↑ up, ↓ down, = the same, – not agreed both times)."));
}

/* Returns true when score I is a row of the content with neither an agreed current nor a
 * target phase. */
static bool row_unscored(const struct export *e, size_t i)
{
	return row_known(e, i) && !session_row_scored(e->s, i);
}

/* Lists the content's rows that have neither an agreed current nor a target phase, and says
 * how many there are. */
static void report_unscored(struct export *e)
{
	size_t n = 0;
	char count[256];

	export_section(e, _("Not scored"));
	for (size_t i = 0; i < e->s->n_scores; i++) {
		if (!row_unscored(e, i))
			continue;
		if (n++ == 0)
			list_begin(e, "unscored");
		item_begin(e, NULL);
		export_put_text(e, row_group(e, i));
		export_put(e, ": ");
		export_put_text(e, e->c->dimensions[i].name);
		item_end(e);
	}
	if (!n) {
		paragraph(e, _("Every row has an agreed current or target phase."));
		return;
	}
	list_end(e);
	snprintf(count, sizeof(count),
		 ngettext("%zu row has neither an agreed current nor a target phase.",
			  "%zu rows have neither an agreed current nor a target phase.", n), n);
	table_note(e, count);
}

/* Returns what action A's state is, translated: done, open, or overdue (open and due before
 * TODAY, YYYY-MM-DD). */
static const char *action_state(const struct session_action *a, const char *today)
{
	if (a->done)
		/* TRANSLATORS: the state of an action in the report: done, open or overdue */
		return _("done");
	return date_is_past(a->due, today) ? _("overdue") : _("open");
}

/* Writes the line of the actions table for action I; TODAY (YYYY-MM-DD) tells what is overdue. */
static void action_line(struct export *e, size_t i, const char *today)
{
	const struct session_action *a = &e->s->actions[i];
	long row = session_action_row(a, e->c);
	char due[DATE_TEXT_SIZE];

	row_begin(e);
	cell_number(e, i + 1);
	cell_text(e, "text", a->text);
	cell_text(e, NULL, row >= 0 ? e->c->dimensions[row].name : a->dimension);
	cell_text(e, NULL, a->owner);
	cell_text(e, "date", export_date(a->due, due, sizeof(due)));
	cell_text(e, NULL, action_state(a, today));
	row_end(e);
}

/* Writes how many actions there are, how many are done and how many overdue, as of TODAY. */
static void actions_summary(struct export *e, const char *today)
{
	size_t n = e->s->n_actions, done = 0, overdue = 0;
	char text[256];

	for (size_t i = 0; i < n; i++) {
		const struct session_action *a = &e->s->actions[i];

		done += a->done;
		overdue += !a->done && date_is_past(a->due, today);
	}
	snprintf(text, sizeof(text),
		 ngettext("%zu action was agreed; done: %zu, overdue: %zu.",
			  "%zu actions were agreed; done: %zu, overdue: %zu.", n),
		 n, done, overdue);
	table_note(e, text);
}

/* Writes the actions, in the order they were agreed. */
static void report_actions(struct export *e)
{
	/* TRANSLATORS: the columns of the actions table: its number, the action, the row it
	 * belongs to, who takes it on, by when, and its state (done, open, overdue) */
	static const char *const heads[] = { N_("#"), N_("Action"), N_("Row"), N_("Owner"),
					     N_("Due"), N_("State") };
	export_section(e, _("Actions"));
	if (e->s->n_actions == 0) {
		paragraph(e, _("No actions were recorded."));
		return;
	}
	table_begin(e, "actions", heads, sizeof(heads) / sizeof(heads[0]));
	for (size_t i = 0; i < e->s->n_actions; i++)
		action_line(e, i, e->today);
	table_end(e);
	actions_summary(e, e->today);
	table_note(e, _("Row: the row an action belongs to; a dash for the workshop as a whole."));
}

/* Writes what was decided about the actions left open in the earlier session, if any. */
static void report_followups(struct export *e)
{
	/* TRANSLATORS: the columns of the table of last time's open actions: the action, its
	 * row, who took it on, by when, and what was decided (done, carried over, dropped) */
	static const char *const heads[] = { N_("Action"), N_("Row"), N_("Owner"), N_("Due"),
					     N_("Decided") };
	char due[DATE_TEXT_SIZE];

	if (!e->s->n_followups)
		return;
	export_section(e, _("Last time's actions"));
	table_begin(e, "followups", heads, sizeof(heads) / sizeof(heads[0]));
	for (size_t i = 0; i < e->s->n_followups; i++) {
		const struct session_followup *f = &e->s->followups[i];
		long row = f->dimension ? content_dimension_index(e->c, f->dimension) : -1;

		row_begin(e);
		cell_text(e, "text", f->text);
		cell_text(e, NULL, row >= 0 ? e->c->dimensions[row].name : f->dimension);
		cell_text(e, NULL, f->owner);
		cell_text(e, "date", export_date(f->due, due, sizeof(due)));
		cell_text(e, NULL, followup_outcome_label(f->outcome));
		row_end(e);
	}
	table_end(e);
	table_note(e, _("Carried over: a new action of this session, named after the session it "
			"came from."));
}

/* Writes a cell with PLANNED minutes and one with SPENT seconds as a clock reads them. */
static void time_cells(struct export *e, unsigned long planned, unsigned long spent)
{
	char text[64];

	cell_begin(e, "num");
	if (planned) {
		/* TRANSLATORS: minutes planned for a step of the agenda */
		snprintf(text, sizeof(text), _("%lu min"), planned);
		export_put_text(e, text);
	} else {
		export_put(e, "—");
	}
	cell_end(e);
	cell_begin(e, "num");
	export_put_text(e, duration_clock(spent, text, sizeof(text)));
	cell_end(e);
}

/* Writes the time planned and spent in all, and how to read the times spent. */
static void time_summary(struct export *e, unsigned long planned, unsigned long spent)
{
	char clock[24], text[512];

	snprintf(text, sizeof(text),
		 /* TRANSLATORS: under the time per step; %s is a clock, 44:17 or 1:02:03 */
		 _("In all %lu min planned, %s spent (minutes:seconds, from an hour on "
		   "hours:minutes:seconds)."),
		 planned, duration_clock(spent, clock, sizeof(clock)));
	table_note(e, text);
}

/* Writes the time spent on every agenda step against the minutes planned for it. */
static void report_time(struct export *e)
{
	/* TRANSLATORS: the columns of the table of time per step: its number, the step of the
	 * agenda, the minutes planned for it, the time spent on it */
	static const char *const heads[] = { N_("#"), N_("Step"), N_("Planned"), N_("Spent") };
	size_t n = e->c->n_steps < e->s->n_seconds ? e->c->n_steps : e->s->n_seconds;
	unsigned long spent = 0;
	char label[LABEL_MAX];

	export_section(e, _("Time per step"));
	table_begin(e, "time", heads, sizeof(heads) / sizeof(heads[0]));
	for (size_t i = 0; i < n; i++) {
		row_begin(e);
		cell_number(e, i + 1);
		cell_text(e, NULL, content_step_label(e->c, i, label, sizeof(label)));
		time_cells(e, e->c->steps[i].minutes, e->s->seconds[i]);
		row_end(e);
		spent += e->s->seconds[i];
	}
	row_begin(e);
	cell_begin(e, NULL);
	cell_end(e);
	cell_text(e, "total", _("Total"));
	time_cells(e, content_planned_minutes(e->c), spent);
	row_end(e);
	table_end(e);
	time_summary(e, content_planned_minutes(e->c), spent);
}

void export_report_tables(struct export *e)
{
	report_scores(e);
	report_unscored(e);
	report_actions(e);
	report_followups(e);
	report_time(e);
}

/* ---- choosing the writer ------------------------------------------------------------ */

/* Returns the decimal sign of the language spoken: ',' for Dutch, else '.'. */
static char spoken_decimal(void)
{
	return strcmp(i18n_language(), "nl") == 0 ? ',' : '.';
}

bool session_export(FILE *out, const struct session *s, const struct content *c,
		    const struct export_options *opt)
{
	return session_export_on(out, s, c, opt, NULL);
}

/* Writes the report of S in the format OPT asks for, on the day TODAY; false when a write or
 * memory failed. */
bool session_export_on(FILE *out, const struct session *s, const struct content *c,
		       const struct export_options *opt, const char *today)
{
	static void (*const writers[EXPORT_FORMAT_COUNT])(struct export *) = {
		[EXPORT_MD] = export_markdown,
		[EXPORT_CSV] = export_csv,
		[EXPORT_HTML] = export_html,
	};
	struct export e = { .out = out, .s = s, .c = c, .opt = opt, .decimal = spoken_decimal() };

	if ((unsigned)opt->format >= EXPORT_FORMAT_COUNT)
		return false;
	if (today && today[0])
		snprintf(e.today, sizeof(e.today), "%s", today);
	else
		date_today(e.today);
	writers[opt->format](&e);
	return fflush(out) == 0 && !ferror(out) && !e.exhausted;
}
