/* export_fixture.h - the fixed session whose exports are kept in tests/golden/, shared by
 * tests/test_export.c and tests/tools/export_fixture.c (header only: a tests/ file that is not
 * named test_*.c is not built on its own). Everything in it is fixed, timestamps included. */
#ifndef MEETLAT_EXPORT_FIXTURE_H
#define MEETLAT_EXPORT_FIXTURE_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "content.h"
#include "session.h"

/* A note that tries to break every format: a pipe, markup, quotes, a newline, a separator. */
#define FIXTURE_NOTE                                                                       \
	"Eerst | dan <script>alert(\"x\")</script> & 'citaat'\n"                               \
	"tweede regel: één; twee, drie \\ schuin"

/* The day the fixed session is exported on: its open actions are due after it, none overdue. */
#define FIXTURE_TODAY "2026-12-01"

/* The time zone the fixed session's moments are shown in (POSIX rules, so that no zone
 * database is needed): Amsterdam's, +01:00 in winter and +02:00 in summer. */
#define FIXTURE_TZ "CET-1CEST,M3.5.0,M10.5.0/3"

struct fixture_row {
	const char *id;
	const char *votes; /* one digit per vote */
	int current, target;
	const char *note;
};

struct fixture_action {
	const char *text, *dimension, *owner, *due;
	bool done;
};

static const struct fixture_row fixture_rows[] = {
	{ "content", "33243232", 3, 4, FIXTURE_NOTE },
	{ "customer-experience", "23", 2, 3,
	  "- begint met een streepje, *nadruk* _ook_ `code` [link](x) #1. ~weg~" },
	{ "context", "111", 0, 2, "" },
	{ "conversatie", "41", 0, 0, "Nog geen overeenstemming." },
	{ "visie-ambitie", "", 2, 2, "" },
	{ "functie-resultaat", "22", 3, 2, "1. Terug naar fase 2; eerst het beleid op orde." },
};

static const struct fixture_action fixture_actions[] = {
	{ "Webcare-rooster opstellen voor de avonden", "conversatie", "Piet Jansen", "2027-01-15",
	  false },
	{ "Redactieformule \"content\" herzien; daarna evalueren, met het team", "content",
	  "Jansen, \"Ops\" & Co", "2027-02-01", true },
	{ "=Terugkoppeling aan het MT\nen aan de raad", NULL, "", "", false },
	{ "@team: <b>vet</b> | pipe", "functie-resultaat", "Marie-José Ünal", "", false },
};

static const struct {
	size_t step;
	unsigned long seconds;
} fixture_timings[] = { { 0, 300 }, { 1, 655 }, { 2, 290 }, { 10, 412 }, { 15, 1000 } };

/* Sets the metadata and timestamps of S; false when an operation was refused. */
static bool fixture_meta(struct session *s)
{
	static const char *const meta[META_COUNT] = {
		"Workshop sociale media", "Gemeente Voorbeeld", "Team communicatie",
		"Anna de Vries", "2026-11-26", "8",
	};
	const char *why;

	for (int f = 0; f < META_COUNT; f++)
		if (!session_set_meta(s, (enum session_meta)f, meta[f], &why))
			return false;
	snprintf(s->created, sizeof(s->created), "2026-11-26T14:03:00+01:00");
	snprintf(s->updated, sizeof(s->updated), "2026-11-26T15:40:12+01:00");
	return true;
}

/* Records the votes, phases and note of R; false when an operation was refused. */
static bool fixture_row(struct session *s, const struct content *c, const struct fixture_row *r)
{
	long dim = content_dimension_index(c, r->id);
	const char *why;

	if (dim < 0)
		return false;
	for (const char *v = r->votes; *v; v++)
		if (!session_vote_add(s, c, (size_t)dim, *v - '0', &why))
			return false;
	return session_set_current(s, c, (size_t)dim, r->current, &why) &&
	       session_set_target(s, c, (size_t)dim, r->target, &why) &&
	       session_set_note(s, (size_t)dim, r->note, &why);
}

/* Appends a row the content does not have, as a session read from a file keeps it. */
static bool fixture_kept_row(struct session *s)
{
	struct session_score *bigger = realloc(s->scores, (s->n_scores + 1) * sizeof(*bigger));
	struct session_score *sc;

	if (!bigger)
		return false;
	s->scores = bigger;
	sc = &s->scores[s->n_scores++];
	memset(sc, 0, sizeof(*sc));
	sc->dimension = strdup("oude-rij");
	sc->note = strdup("Uit een eerdere versie van de almanak.");
	sc->votes = malloc(3 * sizeof(*sc->votes));
	if (!sc->dimension || !sc->note || !sc->votes)
		return false;
	memcpy(sc->votes, (const int[]){ 1, 2, 2 }, 3 * sizeof(*sc->votes));
	sc->n_votes = sc->cap_votes = 3;
	sc->current = 1;
	sc->target = 2;
	return true;
}

/* Adds the actions and the time spent; false when an operation was refused. */
static bool fixture_actions_timings(struct session *s, const struct content *c)
{
	const char *why;

	for (size_t i = 0; i < sizeof(fixture_actions) / sizeof(fixture_actions[0]); i++) {
		const struct fixture_action *a = &fixture_actions[i];
		struct action_fields f = { a->text, a->dimension, a->owner, a->due };
		long at = session_action_add(s, c, &f, &why);

		if (at < 0 || (a->done && !session_action_toggle(s, (size_t)at, &why)))
			return false;
	}
	for (size_t i = 0; i < sizeof(fixture_timings) / sizeof(fixture_timings[0]); i++)
		if (!session_tick(s, fixture_timings[i].step, fixture_timings[i].seconds, &why))
			return false;
	return true;
}

/* Returns the fixed session on C (the built-in almanac), or NULL when building it failed. */
static struct session *fixture_session(const struct content *c)
{
	struct session *s = session_new(c, "Workshop sociale media");
	bool ok = s && fixture_meta(s);

	for (size_t i = 0; ok && i < sizeof(fixture_rows) / sizeof(fixture_rows[0]); i++)
		ok = fixture_row(s, c, &fixture_rows[i]);
	ok = ok && fixture_actions_timings(s, c) && fixture_kept_row(s);
	if (!ok) {
		session_free(s);
		return NULL;
	}
	return s;
}

#endif
