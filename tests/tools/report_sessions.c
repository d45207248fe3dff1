/* report_sessions.c - writes a folder of session files for the tests and the benchmark of
 * `meetlat report`, through the store the program uses (the built-in almanac as content),
 * and what they hold (the truth) to a side file.
 *
 *   report_sessions DIR N ORGS GROUPS DATES TRUTH
 *
 * writes N valid sessions into DIR/org-K/ for ORGS organisations, GROUPS groups each and
 * DATES dates (session I is organisation I % ORGS, group (I / ORGS) % GROUPS, date
 * (I / (ORGS * GROUPS)) % DATES; its `updated:` rises with I), with random votes, agreed
 * phases (some rows not agreed), actions (some done, some overdue) and the time spent on each
 * step of the agenda, as a whole workshop leaves it; and besides them
 * DIR/broken.yaml (a syntax error), DIR/other/other.yaml (scored against another content),
 * DIR/.git/hidden.yaml (a valid session in a hidden folder, which the report skips) and
 * DIR/notes.txt (not a session file). TRUTH gets tab-separated lines:
 *
 *   row FILE TITLE ORGANISATION GROUP DATE UPDATED CONTENT ROW_ID ROW CURRENT TARGET V1..V4
 *   action FILE TITLE ORGANISATION GROUP DATE ROW_ID ROW TEXT OWNER DUE DONE
 *
 * (CURRENT and TARGET 0 when not agreed; texts hold no tab or newline). Exit status: 0
 * written, 1 failed (why on standard error), 2 wrong usage. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "content.h"
#include "session.h"
#include "store.h"

/* The texts the sessions are made of: some that a CSV must quote or guard. */
static const char *const organisations[] = {
	"Gemeente Utrecht", "Gemeente 's-Hertogenbosch", "Gemeente Súdwest-Fryslân",
	"Gemeente \"Noord\"; Oost", "=Gemeente Formule", "Gemeente Zwolle", "Gemeente Ede",
};
static const char *const groups[] = { "Communicatie", "Klantcontact", "Team A, B", "Bestuur",
				      "Wijkteam" };
enum {
	N_ORGANISATIONS = sizeof(organisations) / sizeof(*organisations),
	N_GROUPS = sizeof(groups) / sizeof(*groups),
};

static unsigned long long seed = 88172645463325252ull;

/* Returns a pseudo-random number below N (xorshift, the same on every run). */
static unsigned pick(unsigned n)
{
	seed ^= seed << 13;
	seed ^= seed >> 7;
	seed ^= seed << 17;
	return (unsigned)(seed % n);
}

/* Prints why and returns the failure status. */
static int complain(const char *what, const char *why)
{
	fprintf(stderr, "report_sessions: %s: %s\n", what, why);
	return 1;
}

/* Writes the LEN bytes of TEXT to the new file PATH; false (said) when it cannot. */
static bool write_file(const char *path, const char *text, size_t len)
{
	FILE *f = fopen(path, "w");
	bool ok = f && fwrite(text, 1, len, f) == len;

	if (f && fclose(f) != 0)
		ok = false;
	if (!ok)
		complain(path, strerror(errno));
	return ok;
}

/* Returns name K of the N in NAMES; beyond them "PREFIX K", written into BUF. */
static const char *nth_name(const char *const *names, size_t n, const char *prefix, unsigned k,
			    char *buf, size_t size)
{
	if (k < n)
		return names[k];
	snprintf(buf, size, "%s %u", prefix, k);
	return buf;
}

/* Gives row DIM of S random votes and, mostly, agreed phases. */
static bool score_row(struct session *s, const struct content *c, size_t dim)
{
	const char *why;
	unsigned votes = pick(6);
	int current = (int)pick((unsigned)c->n_phases + 1), target = 0;

	for (unsigned v = 0; v < votes; v++)
		if (!session_vote_add(s, c, dim, 1 + (int)pick((unsigned)c->n_phases), &why))
			return false;
	if (current && pick(3))
		target = current + (int)pick((unsigned)(c->n_phases - (size_t)current) + 1);
	return session_set_current(s, c, dim, current, &why) &&
	       session_set_target(s, c, dim, target, &why);
}

/* Adds 0-2 actions to S, the second done. */
static bool add_actions(struct session *s, const struct content *c, unsigned i)
{
	unsigned n = pick(3);
	char text[96], due[16];
	const char *why;

	for (unsigned a = 0; a < n; a++) {
		struct action_fields f = { .text = text, .owner = a ? "Sanne de Vries" : "" };
		long at;

		snprintf(text, sizeof(text), "Actie %u.%u: plan; \"check\"", i, a);
		snprintf(due, sizeof(due), "%d-%02u-15", 2025 + (int)pick(4), 1 + pick(12));

		if (pick(2))
			f.dimension = c->dimensions[pick((unsigned)c->n_dimensions)].id;
		if (pick(4))
			f.due = due;
		at = session_action_add(s, c, &f, &why);
		if (at < 0 || (a == 1 && !session_action_toggle(s, (size_t)at, &why)))
			return false;
	}
	return true;
}

/* Makes session I (see the top of the file). */
static struct session *make_session(const struct content *c, unsigned i, unsigned orgs,
				    unsigned n_groups, unsigned dates)
{
	char title[64], date[16], obuf[32], gbuf[32];
	unsigned o = i % orgs, g = (i / orgs) % n_groups, d = (i / (orgs * n_groups)) % dates;
	struct session *s;
	const char *why;

	snprintf(title, sizeof(title), i % 17 == 3 ? "=Meting %u" : "Meting %u; ronde", i);
	s = session_new(c, title);
	snprintf(date, sizeof(date), "%04u-%02u-%02u", 2020 + d / 12, 1 + d % 12, 1 + d * 7 % 28);
	if (!s || !session_set_meta(s, META_ORGANISATION,
				       nth_name(organisations, N_ORGANISATIONS, "Gemeente", o, obuf,
						sizeof(obuf)),
				       &why) ||
	    !session_set_meta(s, META_GROUP,
			      nth_name(groups, N_GROUPS, "Team", g, gbuf, sizeof(gbuf)), &why) ||
	    !session_set_meta(s, META_DATE, date, &why) ||
	    !session_set_meta(s, META_FACILITATOR, "Jan Jansen", &why)) {
		session_free(s);
		return NULL;
	}
	snprintf(s->updated, sizeof(s->updated), "2026-01-01T%02u:%02u:%02u+01:00", i / 3600 % 24,
		 i / 60 % 60, i % 60);
	for (size_t dim = 0; dim < c->n_dimensions; dim++)
		if (!score_row(s, c, dim)) {
			session_free(s);
			return NULL;
		}
	for (size_t step = 0; step < c->n_steps; step++)
		if (!session_tick(s, step, 30 + pick(600), &why)) {
			session_free(s);
			return NULL;
		}
	if (!add_actions(s, c, i)) {
		session_free(s);
		return NULL;
	}
	return s;
}

/* Writes the truth of session S, saved as FILE, to OUT. */
static void print_truth(FILE *out, const struct session *s, const struct content *c,
			const char *file)
{
	for (size_t dim = 0; dim < c->n_dimensions; dim++) {
		const struct session_score *sc = &s->scores[dim];
		unsigned votes[8] = { 0 };

		for (size_t v = 0; v < sc->n_votes; v++)
			votes[sc->votes[v]]++;
		fprintf(out, "row\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%d\t%d", file,
			s->meta[META_TITLE], s->meta[META_ORGANISATION], s->meta[META_GROUP],
			s->meta[META_DATE], s->updated, c->id, sc->dimension,
			c->dimensions[dim].name, sc->current, sc->target);
		for (size_t p = 1; p <= c->n_phases; p++)
			fprintf(out, "\t%u", votes[p]);
		fputc('\n', out);
	}
	for (size_t a = 0; a < s->n_actions; a++) {
		const struct session_action *act = &s->actions[a];
		long row = session_action_row(act, c);

		fprintf(out, "action\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", file,
			s->meta[META_TITLE], s->meta[META_ORGANISATION], s->meta[META_GROUP],
			s->meta[META_DATE], act->dimension ? act->dimension : "",
			row >= 0 ? c->dimensions[row].name : "", act->text, act->owner, act->due,
			act->done ? "yes" : "no");
	}
}

/* The session scored against another content, with two rows of its own. */
static const char other_session[] =
	"meetlat_session: 1\n"
	"title: Andere meetlat\n"
	"organisation: Gemeente Ander\n"
	"group: Team X\n"
	"date: 2026-05-01\n"
	"content:\n"
	"  id: andere-meetlat\n"
	"  sha256: \"0000000000000000000000000000000000000000000000000000000000000001\"\n"
	"scores:\n"
	"  bereik:\n"
	"    votes: [1, 2, 2]\n"
	"    current: 2\n"
	"    target: 3\n"
	"  toon:\n"
	"    current: 1\n";

/* A session file that breaks on line 4. */
static const char broken_session[] = "meetlat_session: 1\n"
				     "title: Kapot\n"
				     "content: { id: sociale-media-almanak }\n"
				     "scores: [ unclosed\n";

/* Writes the files beside the sessions (see the top of the file) into DIR; TRUTH gets the
 * rows of the other content's session. */
static bool write_extras(const char *dir, FILE *truth)
{
	char path[4096];

	snprintf(path, sizeof(path), "%s/broken.yaml", dir);
	if (!write_file(path, broken_session, sizeof(broken_session) - 1))
		return false;
	snprintf(path, sizeof(path), "%s/notes.txt", dir);
	if (!write_file(path, "not a session\n", 14))
		return false;
	snprintf(path, sizeof(path), "%s/other", dir);
	mkdir(path, 0700);
	snprintf(path, sizeof(path), "%s/other/other.yaml", dir);
	if (!write_file(path, other_session, sizeof(other_session) - 1))
		return false;
	fprintf(truth, "row\t%s\tAndere meetlat\tGemeente Ander\tTeam X\t2026-05-01\t\t"
		       "andere-meetlat\tbereik\tbereik\t2\t3\t1\t2\t0\t0\n", path);
	fprintf(truth, "row\t%s\tAndere meetlat\tGemeente Ander\tTeam X\t2026-05-01\t\t"
		       "andere-meetlat\ttoon\ttoon\t1\t0\t0\t0\t0\t0\n", path);
	snprintf(path, sizeof(path), "%s/.git", dir);
	mkdir(path, 0700);
	snprintf(path, sizeof(path), "%s/.git/hidden.yaml", dir);
	return write_file(path, other_session, sizeof(other_session) - 1);
}

/* Writes session I into its organisation's folder in DIR, and its truth. */
static bool write_session(const struct content *c, const char *dir, unsigned i, unsigned orgs,
			  unsigned n_groups, unsigned dates, FILE *truth)
{
	struct session *s = make_session(c, i, orgs, n_groups, dates);
	char path[4096], *buf = NULL;
	struct diag d;
	size_t len;
	bool ok;

	if (!s)
		return complain("session", "cannot be made");
	snprintf(path, sizeof(path), "%s/org-%u", dir, i % orgs);
	mkdir(path, 0700);
	snprintf(path, sizeof(path), "%s/org-%u/sessie-%05u.yaml", dir, i % orgs, i);
	ok = store_emit(s, &buf, &len, &d) && write_file(path, buf, len);
	if (ok)
		print_truth(truth, s, c, path);
	else if (!buf)
		diag_print(&d, stderr);
	free(buf);
	session_free(s);
	return ok;
}

int main(int argc, char **argv)
{
	unsigned long n, orgs, n_groups, dates;
	struct content *c;
	struct diag d;
	FILE *truth;
	bool ok = true;

	if (argc != 7 || !(n = strtoul(argv[2], NULL, 10)) || !(orgs = strtoul(argv[3], NULL, 10)) ||
	    !(n_groups = strtoul(argv[4], NULL, 10)) || !(dates = strtoul(argv[5], NULL, 10))) {
		fprintf(stderr, "usage: report_sessions DIR N ORGS GROUPS DATES TRUTH\n");
		return 2;
	}
	c = content_load_builtin(&d);
	if (!c || (mkdir(argv[1], 0700) != 0 && errno != EEXIST))
		return complain(argv[1], c ? strerror(errno) : d.message);
	truth = fopen(argv[6], "w");
	if (!truth)
		return complain(argv[6], strerror(errno));
	for (unsigned long i = 0; ok && i < n; i++)
		ok = write_session(c, argv[1], (unsigned)i, (unsigned)orgs, (unsigned)n_groups,
				   (unsigned)dates, truth);
	ok = ok && write_extras(argv[1], truth);
	if (fclose(truth) != 0)
		ok = complain(argv[6], strerror(errno)) == 0;
	content_free(c);
	return ok ? 0 : 1;
}
