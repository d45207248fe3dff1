/* report.c - the running aggregates of report.h: sections per content, rows, teams, points,
 * and the spool of open actions. */
#include "report.h"

#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "mem.h"
#include "store_scan.h"
#include "text.h"

/* The separator of the parts of a composed key: a control character, which metadata never
 * holds (session_meta_valid allows one line of text). */
#define KEY_SEP "\x1f"

/* Makes room in the array *ITEMS (of *CAP elements of SIZE bytes) for one more after N. */
static bool reserve(void **items, size_t *cap, size_t n, size_t size)
{
	size_t more_cap;
	void *more;

	if (n < *cap)
		return true;
	more_cap = *cap ? 2 * *cap : 8;
	more = mem.realloc(*items, more_cap * size);
	if (!more)
		return false;
	*items = more;
	*cap = more_cap;
	return true;
}

/* Returns the KEY_SEP-joined key of the N texts PARTS, made in R's key buffer (valid until
 * the next), or NULL when memory is exhausted. */
static const char *compose(struct report *r, const char *const *parts, size_t n)
{
	size_t len = 0, at = 0;

	for (size_t i = 0; i < n; i++)
		len += strlen(parts[i]) + 1;
	if (len > r->key_cap) {
		char *more = mem.realloc(r->key, len);

		if (!more)
			return NULL;
		r->key = more;
		r->key_cap = len;
	}
	for (size_t i = 0; i < n; i++) {
		size_t l = strlen(parts[i]);

		memcpy(r->key + at, parts[i], l);
		at += l;
		r->key[at++] = i + 1 < n ? KEY_SEP[0] : '\0';
	}
	return r->key;
}

struct report *report_new(const struct content *c, const char *today)
{
	struct report *r = mem.calloc(1, sizeof(*r));

	if (!r)
		return NULL;
	r->c = c;
	r->n_phases = c->n_phases;
	if (today && today[0])
		snprintf(r->today, sizeof(r->today), "%s", today);
	else
		date_today(r->today);
	return r;
}

/* Adds to SEC the row ID called NAME (borrowed; NULL: the row's key); returns its index or
 * -1 when memory is exhausted. */
static long add_row(const struct report *r, struct report_section *sec, const char *id,
		    const char *name)
{
	bool added;
	long at = keymap_intern(&sec->row_keys, id, &added);
	struct report_row *row;

	if (at < 0 || !added)
		return at;
	if (!reserve((void **)&sec->rows, &sec->cap_rows, sec->n_rows, sizeof(*sec->rows)))
		return -1;
	row = memset(&sec->rows[sec->n_rows++], 0, sizeof(*row));
	row->id = sec->row_keys.keys[at];
	row->name = name ? name : row->id;
	row->current = mem.calloc(r->n_phases + 1, sizeof(size_t));
	row->target = mem.calloc(r->n_phases + 1, sizeof(size_t));
	return row->current && row->target ? at : -1;
}

/* Fills the new section SEC for content ID at version SHA; the report's own content starts
 * with its rows in order. */
static bool section_init(const struct report *r, struct report_section *sec, const char *id,
			 const char *sha)
{
	memset(sec, 0, sizeof(*sec));
	sec->content_id = mem_strdup(id);
	sec->sha256 = mem_strdup(sha);
	sec->own = strcmp(id, r->c->id) == 0;
	if (!sec->content_id || !sec->sha256)
		return false;
	for (size_t i = 0; sec->own && i < r->c->n_dimensions; i++)
		if (add_row(r, sec, r->c->dimensions[i].id, r->c->dimensions[i].name) < 0)
			return false;
	return true;
}

/* Returns the section of session S, adding it when new; NULL when memory is exhausted. */
static struct report_section *section_of(struct report *r, const struct session *s)
{
	const char *parts[] = { report_session_content(s), store_file_content_sha256(s) };
	const char *key = compose(r, parts, 2);
	bool added = false;
	long at = key ? keymap_intern(&r->section_keys, key, &added) : -1;

	if (at < 0)
		return NULL;
	if (added && (!reserve((void **)&r->sections, &r->cap_sections, r->n_sections,
			       sizeof(*r->sections)) ||
		      !section_init(r, &r->sections[r->n_sections++], parts[0], parts[1])))
		return NULL;
	return &r->sections[at];
}

/* Sets row ROW of PH to CURRENT and TARGET, growing it; false when memory is exhausted. */
static bool phases_set(struct report_phases *ph, size_t row, int current, int target)
{
	if (row >= ph->n) {
		size_t n = row + 1 > 2 * ph->n ? row + 1 : 2 * ph->n;
		unsigned char *c = mem.realloc(ph->current, n), *t;

		if (!c)
			return false;
		ph->current = c;
		t = mem.realloc(ph->target, n);
		if (!t)
			return false;
		ph->target = t;
		memset(c + ph->n, 0, n - ph->n);
		memset(t + ph->n, 0, n - ph->n);
		ph->n = n;
	}
	ph->current[row] = (unsigned char)current;
	ph->target[row] = (unsigned char)target;
	return true;
}

int report_phase(const struct report_phases *ph, size_t row, bool target)
{
	if (row >= ph->n)
		return 0;
	return target ? ph->target[row] : ph->current[row];
}

const char *report_session_content(const struct session *s)
{
	return s->other_content_id ? s->other_content_id : s->content_id;
}

bool report_session_row(const struct report *r, const struct session *s, size_t i,
			const char **name)
{
	bool own = strcmp(report_session_content(s), r->c->id) == 0;

	*name = own && i < r->c->n_dimensions ? r->c->dimensions[i].name : s->scores[i].dimension;
	return own || store_row_listed(s, i);
}

/* Returns the row of SEC that score I of S counts for, adding it when new; -1 when it does
 * not count (report_session_row) or memory is exhausted (*FAILED). */
static long row_of(const struct report *r, struct report_section *sec, const struct session *s,
		   size_t i, bool *failed)
{
	const char *name;
	long at;

	if (sec->own && i < r->c->n_dimensions)
		return (long)i;
	if (!report_session_row(r, s, i, &name))
		return -1;
	at = add_row(r, sec, s->scores[i].dimension, NULL);
	*failed = at < 0;
	return at;
}

/* Writes the agreed phases of S, per row of SEC, into PH (emptied first); with PH NULL,
 * counts them in the distribution of each row instead. */
static bool fold_scores(const struct report *r, struct report_section *sec,
			const struct session *s, struct report_phases *ph)
{
	bool failed = false;

	if (ph && ph->n) {
		memset(ph->current, 0, ph->n);
		memset(ph->target, 0, ph->n);
	}
	for (size_t i = 0; i < s->n_scores; i++) {
		const struct session_score *sc = &s->scores[i];
		long row = row_of(r, sec, s, i, &failed);

		if (failed)
			return false;
		if (row < 0)
			continue;
		if (!ph) {
			sec->rows[row].current[sc->current]++;
			sec->rows[row].target[sc->target]++;
		} else if ((sc->current || sc->target) &&
			   !phases_set(ph, (size_t)row, sc->current, sc->target)) {
			return false;
		}
	}
	return true;
}

/* Returns true when a session of DATE and UPDATED is as late as or later than the one held
 * with HELD_DATE and HELD_UPDATED (see report.h: "latest"). */
static bool later(const char *date, const char *updated, const char *held_date,
		  const char *held_updated)
{
	int by_date = strcmp(date, held_date);

	return by_date > 0 || (by_date == 0 && strcmp(updated, held_updated) >= 0);
}

/* Returns the group of S in SEC, adding it when new (*ADDED); NULL when memory is exhausted. */
static struct report_group *group_of(struct report *r, struct report_section *sec,
				     const struct session *s, size_t *index, bool *added)
{
	const char *parts[] = { s->meta[META_ORGANISATION], s->meta[META_GROUP] };
	const char *key = compose(r, parts, 2);
	long at = key ? keymap_intern(&sec->group_keys, key, added) : -1;
	struct report_group *g;

	if (at < 0)
		return NULL;
	*index = (size_t)at;
	if (!*added)
		return &sec->groups[at];
	if (!reserve((void **)&sec->groups, &sec->cap_groups, sec->n_groups, sizeof(*g)))
		return NULL;
	g = memset(&sec->groups[sec->n_groups++], 0, sizeof(*g));
	g->organisation = mem_strdup(parts[0]);
	g->group = mem_strdup(parts[1]);
	return g->organisation && g->group ? g : NULL;
}

/* Makes S the latest session of group G when it is (later). */
static bool fold_group(const struct report *r, struct report_section *sec,
		       struct report_group *g, bool added, const struct session *s)
{
	const char *date = s->meta[META_DATE];
	char *title;

	g->sessions++;
	if (!added && !later(date, s->updated, g->date, g->updated))
		return true;
	title = mem_strdup(s->meta[META_TITLE]);
	if (!title)
		return false;
	mem.free(g->title);
	g->title = title;
	snprintf(g->date, sizeof(g->date), "%s", date);
	snprintf(g->updated, sizeof(g->updated), "%s", s->updated);
	return fold_scores(r, sec, s, &g->latest);
}

/* Makes S the point of its group (number GROUP) at its date when it is the latest there. */
static bool fold_point(struct report *r, struct report_section *sec, size_t group,
		       const struct session *s)
{
	const struct report_group *g = &sec->groups[group];
	const char *parts[] = { g->organisation, g->group, s->meta[META_DATE] };
	const char *key = compose(r, parts, 3);
	bool added = false;
	long at = key ? keymap_intern(&sec->point_keys, key, &added) : -1;
	struct report_point *p;

	if (at < 0)
		return false;
	if (added) {
		if (!reserve((void **)&sec->points, &sec->cap_points, sec->n_points, sizeof(*p)))
			return false;
		p = memset(&sec->points[sec->n_points++], 0, sizeof(*p));
		p->group = group;
		snprintf(p->date, sizeof(p->date), "%s", s->meta[META_DATE]);
	} else {
		p = &sec->points[at];
		if (strcmp(s->updated, p->updated) < 0)
			return true;
	}
	snprintf(p->updated, sizeof(p->updated), "%s", s->updated);
	return fold_scores(r, sec, s, &p->phases);
}

/* Writes TEXT (NULL: "") to the spool as its length and its bytes. */
static bool spool_text(FILE *f, const char *text)
{
	size_t len = text ? strlen(text) : 0;

	return fwrite(&len, sizeof(len), 1, f) == 1 && fwrite(text ? text : "", 1, len, f) == len;
}

enum { ACTION_TEXTS = 9 };

/* Returns a new temporary file for the spool, or NULL. Its descriptor is above those of the
 * standard streams, so that a program started with one of them closed never writes its
 * output or its messages into the spool. */
static FILE *spool_open(void)
{
	FILE *f = tmpfile();
	int fd;

	if (!f || fileno(f) > STDERR_FILENO)
		return f;
	fd = fcntl(fileno(f), F_DUPFD_CLOEXEC, STDERR_FILENO + 1);
	fclose(f); /* the file, already unlinked, lives on in FD */
	f = fd >= 0 ? fdopen(fd, "w+b") : NULL;
	if (!f && fd >= 0)
		close(fd);
	return f;
}

/* Writes to the spool F one action of section number SECTION: OVERDUE and its ACTION_TEXTS
 * texts and due date (TEXTS). */
static bool spool_record(FILE *f, size_t section, unsigned char overdue,
			 const char *const *texts)
{
	bool ok = fwrite(&section, sizeof(section), 1, f) == 1 && fwrite(&overdue, 1, 1, f) == 1;

	for (size_t i = 0; ok && i <= ACTION_TEXTS; i++)
		ok = spool_text(f, texts[i]);
	return ok;
}

/* Writes the open action A of S (from FILE, in section number SECTION) to the spool. */
static bool spool_action(struct report *r, size_t section, const struct session *s,
			 const char *file, const struct session_action *a)
{
	long row = session_action_row(a, r->c);
	bool own = r->sections[section].own;
	const char *texts[ACTION_TEXTS + 1] = {
		file, s->meta[META_TITLE], s->meta[META_ORGANISATION], s->meta[META_GROUP],
		s->meta[META_DATE], a->dimension,
		own && row >= 0 ? r->c->dimensions[row].name : a->dimension, a->text, a->owner,
	};
	unsigned char overdue = a->due[0] && strcmp(a->due, r->today) < 0;

	texts[ACTION_TEXTS] = a->due;
	if (!r->spool && !(r->spool = spool_open()))
		return false;
	if (!spool_record(r->spool, section, overdue, texts))
		return false;
	r->actions++;
	r->sections[section].open_actions++;
	return true;
}

bool report_add(struct report *r, const struct session *s, const char *file)
{
	struct report_section *sec = section_of(r, s);
	struct report_group *g;
	size_t group, section;
	bool added = false, ok;

	if (!sec)
		return false;
	section = (size_t)(sec - r->sections);
	sec->sessions++;
	g = group_of(r, sec, s, &group, &added);
	ok = g && fold_scores(r, sec, s, NULL) && fold_group(r, sec, g, added, s) &&
	     fold_point(r, sec, group, s);
	for (size_t i = 0; ok && i < s->n_actions; i++)
		if (!s->actions[i].done)
			ok = spool_action(r, section, s, file, &s->actions[i]);
	return ok;
}

/* The longest text the spool holds: a path, or a text of a session. */
#define SPOOL_TEXT_MAX ((size_t)SESSION_TEXT_MAX + 4096)

/* A buffer the spool's texts are read back into. */
struct spool_reader {
	FILE *f;
	struct text texts;	      /* each text and a NUL */
	size_t at[ACTION_TEXTS + 1]; /* where each text starts in TEXTS */
};

/* Reads the next action's texts into SR; false at the end or on an error (*BROKEN). */
static bool spool_next(struct spool_reader *sr, size_t *section, unsigned char *overdue,
		       bool *broken)
{
	size_t len;

	*broken = false;
	if (fread(section, sizeof(*section), 1, sr->f) != 1)
		return false;
	*broken = true;
	if (fread(overdue, 1, 1, sr->f) != 1)
		return false;
	text_clear(&sr->texts);
	for (size_t i = 0; i <= ACTION_TEXTS; i++) {
		char *room;

		if (fread(&len, sizeof(len), 1, sr->f) != 1 || len > SPOOL_TEXT_MAX ||
		    !(room = text_room(&sr->texts, len)) || fread(room, 1, len, sr->f) != len)
			return false;
		sr->at[i] = sr->texts.len;
		text_grew(&sr->texts, len);
		text_addc(&sr->texts, '\0'); /* the texts follow each other, each ended */
	}
	*broken = false;
	return true;
}

/* Points T at the ACTION_TEXTS texts and the due date that SR holds; returns the size of
 * their record in the spool (spool_record). */
static size_t spool_texts(const struct spool_reader *sr, const char **t)
{
	size_t size = sizeof(size_t) + 1;

	for (size_t i = 0; i <= ACTION_TEXTS; i++) {
		t[i] = sr->texts.data + sr->at[i];
		size += sizeof(size_t) + strlen(t[i]);
	}
	return size;
}

/* Calls EACH with the actions of section SECTION ((size_t)-1: all) among the COUNT (at most)
 * that the spool F holds from its byte FROM on, until it returns false; false when F cannot
 * be read back. F is left at its end. */
static bool spool_each(FILE *f, long from, size_t count, size_t section,
		       bool (*each)(void *ctx, const struct report_action *a), void *ctx)
{
	struct spool_reader sr = { .f = f };
	struct report_action a;
	unsigned char overdue;
	bool broken = false, go = true;

	if (fflush(f) != 0 || fseek(f, from, SEEK_SET) != 0)
		return false;
	for (; go && count && spool_next(&sr, &a.section, &overdue, &broken); count--) {
		const char *t[ACTION_TEXTS + 1];

		if (section != (size_t)-1 && a.section != section)
			continue;
		spool_texts(&sr, t);
		a = (struct report_action){ a.section, overdue, t[0], t[1], t[2], t[3], t[4],
					    t[5], t[6], t[7], t[8], t[9] };
		go = each(ctx, &a);
	}
	text_free(&sr.texts);
	fseek(f, 0, SEEK_END);
	return !broken;
}

/* Passes over the spool of R: in AT, the bytes of each section's actions; with G, also copies
 * each action to G at NEXT[its section], which moves on. False when it cannot be read back or
 * G written. */
static bool spool_pass(struct report *r, long *at, FILE *g, long *next)
{
	struct spool_reader sr = { .f = r->spool };
	size_t section;
	unsigned char overdue;
	bool broken = false, ok = fflush(r->spool) == 0 && fseek(r->spool, 0, SEEK_SET) == 0;

	while (ok && spool_next(&sr, &section, &overdue, &broken)) {
		const char *t[ACTION_TEXTS + 1];
		long size = (long)spool_texts(&sr, t);

		if (section >= r->n_sections) {
			broken = true;
			break;
		}
		at[section] += size;
		if (g) {
			ok = fseek(g, next[section], SEEK_SET) == 0 &&
			     spool_record(g, section, overdue, t);
			next[section] += size;
		}
	}
	text_free(&sr.texts);
	fseek(r->spool, 0, SEEK_END);
	return ok && !broken;
}

/* Makes R->grouped: the spool with the actions of each section together, in the order of the
 * sections (each section's in the order read), and R->grouped_at: where each section's
 * start. Two passes over the spool: a writer then reads each section's part once. */
static bool spool_group(struct report *r)
{
	long *sizes = mem.calloc(2 * r->n_sections, sizeof(long)), sum = 0;
	long *at = sizes ? sizes + r->n_sections : NULL;
	FILE *g = NULL;
	bool ok = sizes && spool_pass(r, sizes, NULL, NULL) && (g = spool_open());

	for (size_t k = 0; ok && k < r->n_sections; k++) {
		at[k] = sum;
		sum += sizes[k];
		sizes[k] = 0;
	}
	if (ok) {
		long *next = mem.malloc(r->n_sections * sizeof(long));

		if (next)
			memcpy(next, at, r->n_sections * sizeof(long));
		ok = next && spool_pass(r, sizes, g, next) && fflush(g) == 0;
		mem.free(next);
	}
	if (!ok) {
		if (g)
			fclose(g);
		mem.free(sizes);
		return false;
	}
	memmove(sizes, at, r->n_sections * sizeof(long));
	r->grouped = g;
	r->grouped_at = sizes;
	return true;
}

bool report_each_action(struct report *r, size_t section,
			bool (*each)(void *ctx, const struct report_action *a), void *ctx)
{
	if (!r->spool)
		return true;
	if (section == (size_t)-1 || r->n_sections == 1)
		return spool_each(r->spool, 0, (size_t)-1, section, each, ctx);
	if (!r->grouped && !spool_group(r))
		return false;
	return spool_each(r->grouped, r->grouped_at[section], r->sections[section].open_actions,
			  section, each, ctx);
}

/* The section being sorted (qsort has no context). */
static const struct report_section *sorting;

/* Orders group indexes by organisation, then group. */
static int by_group(const void *a, const void *b)
{
	const struct report_group *ga = &sorting->groups[*(const size_t *)a];
	const struct report_group *gb = &sorting->groups[*(const size_t *)b];
	int o = strcmp(ga->organisation, gb->organisation);

	return o ? o : strcmp(ga->group, gb->group);
}

/* Orders point indexes by their group (as by_group), then date. */
static int by_point(const void *a, const void *b)
{
	const struct report_point *pa = &sorting->points[*(const size_t *)a];
	const struct report_point *pb = &sorting->points[*(const size_t *)b];
	int g = by_group(&pa->group, &pb->group);

	return g ? g : strcmp(pa->date, pb->date);
}

/* Returns a malloc'd array 0..N-1 sorted by COMPARE over SEC. */
static size_t *sorted(const struct report_section *sec, size_t n,
		      int (*compare)(const void *, const void *))
{
	size_t *order = mem.malloc((n ? n : 1) * sizeof(*order));

	if (!order)
		return NULL;
	for (size_t i = 0; i < n; i++)
		order[i] = i;
	sorting = sec;
	qsort(order, n, sizeof(*order), compare);
	return order;
}

size_t *report_groups_sorted(const struct report_section *sec)
{
	return sorted(sec, sec->n_groups, by_group);
}

size_t *report_points_sorted(const struct report_section *sec)
{
	return sorted(sec, sec->n_points, by_point);
}

const char *report_phase_name(const struct report *r, int number)
{
	return number >= 1 && (size_t)number <= r->n_phases ? r->c->phases[number - 1].name : "";
}

/* Releases what SEC holds. */
static void section_free(struct report_section *sec)
{
	for (size_t i = 0; i < sec->n_rows; i++) {
		mem.free(sec->rows[i].current);
		mem.free(sec->rows[i].target);
	}
	for (size_t i = 0; i < sec->n_groups; i++) {
		mem.free(sec->groups[i].title);
		mem.free(sec->groups[i].organisation);
		mem.free(sec->groups[i].group);
		mem.free(sec->groups[i].latest.current);
		mem.free(sec->groups[i].latest.target);
	}
	for (size_t i = 0; i < sec->n_points; i++) {
		mem.free(sec->points[i].phases.current);
		mem.free(sec->points[i].phases.target);
	}
	mem.free(sec->rows);
	mem.free(sec->groups);
	mem.free(sec->points);
	mem.free(sec->content_id);
	mem.free(sec->sha256);
	keymap_free(&sec->row_keys);
	keymap_free(&sec->group_keys);
	keymap_free(&sec->point_keys);
}

void report_free(struct report *r)
{
	if (!r)
		return;
	for (size_t i = 0; i < r->n_sections; i++)
		section_free(&r->sections[i]);
	mem.free(r->sections);
	keymap_free(&r->section_keys);
	mem.free(r->key);
	if (r->spool)
		fclose(r->spool);
	if (r->grouped)
		fclose(r->grouped);
	mem.free(r->grouped_at);
	mem.free(r);
}
