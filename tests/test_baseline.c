/* test_baseline.c - issue 14: a session that follows an earlier one. The baseline's path and
 * sha256 and the follow-up of last time's actions survive a save in both writers; a baseline
 * that is missing, of other content, changed since or unreadable is named and changes
 * nothing else; the movement of a row; the outcomes of last time's actions recorded exactly;
 * the step of last time's actions leaves the ids (and so the time) of every other step. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "baseline.h"
#include "content.h"
#include "failing_alloc.h"
#include "mem.h"
#include "session.h"
#include "sha256.h"
#include "store.h"
#include "store_impl.h"
#include "session_emit.h"
#include "builtin_content.h"

static char folder[] = "/tmp/meetlat-baseline-XXXXXX";

static int make_folder(void **state)
{
	(void)state;
	return load_content(state) || !mkdtemp(folder);
}

static int remove_folder(void **state)
{
	char cmd[128];

	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", folder);
	(void)state;
	free_content(state);
	return system(cmd);
}

/* Writes into BUF the path of NAME in the test's folder. */
static const char *in_folder(const char *name, char *buf, size_t size)
{
	snprintf(buf, size, "%s/%s", folder, name);
	return buf;
}

/* Writes the LEN bytes TEXT to PATH. */
static void write_file(const char *path, const char *text, size_t len)
{
	FILE *f = fopen(path, "wb");

	assert_non_null(f);
	assert_int_equal(fwrite(text, 1, len, f), len);
	assert_int_equal(fclose(f), 0);
}

/* Writes the earlier session "Nulmeting" of 15 Jan 2026 to PATH: content 2 -> 3 and
 * conversatie 3 -> 4 agreed, and four actions of which three are open (one overdue, one for
 * the row conversatie); its sha256 into SHA. */
static void write_earlier(const char *path, char sha[SHA256_HEX])
{
	struct session *s = session_new(content, "Nulmeting");
	long conv = content_dimension_index(content, "conversatie");
	const char *why;
	size_t len;
	char *buf;

	assert_non_null(s);
	assert_true(conv >= 0);
	assert_true(session_set_meta(s, META_DATE, "2026-01-15", &why));
	assert_true(session_set_current(s, content, 0, 2, &why));
	assert_true(session_set_target(s, content, 0, 3, &why));
	assert_true(session_set_current(s, content, (size_t)conv, 3, &why));
	assert_true(session_set_target(s, content, (size_t)conv, 4, &why));
	assert_true(session_action_add(s, content, &(struct action_fields){ "Webcarebeleid", NULL,
			"Anna", "2026-03-01" }, &why) == 0);
	assert_true(session_action_add(s, content, &(struct action_fields){ "Team trainen",
			"conversatie", "Bram", "2099-01-01" }, &why) == 1);
	assert_true(session_action_add(s, content, &(struct action_fields){ "Al gedaan", NULL, "",
			NULL }, &why) == 2);
	assert_true(session_action_toggle(s, 2, &why));
	assert_true(session_action_add(s, content, &(struct action_fields){ "Nieuwsbrief", NULL,
			"Cor", NULL }, &why) == 3);
	buf = emit_with(s, true, &len);
	write_file(path, buf, len);
	sha256_hex(buf, len, sha);
	free(buf);
	session_free(s);
}

/* Returns a new session that follows the earlier session at EARLIER (chosen from a session
 * to be saved at SESSION_PATH). */
static struct session *following(const char *earlier, const char *session_path)
{
	struct session *s = session_new(content, "Vervolg");
	struct diag d;

	assert_non_null(s);
	assert_true(baseline_choose(s, content, earlier, session_path, &d));
	return s;
}

/* Choosing a baseline reads it (read-only: its bytes stay), records its bare name (same
 * folder) and the sha256 of its bytes, takes last time's phases and its open actions. */
static void test_choose_records_path_sha_rows_and_open_actions(void **state)
{
	char earlier[256], path[256], sha[SHA256_HEX], again[SHA256_HEX], *bytes;
	struct session *s;
	int cur, tgt;
	size_t len;
	struct diag d;

	(void)state;
	write_earlier(in_folder("nulmeting.yaml", earlier, sizeof(earlier)), sha);
	s = following(earlier, in_folder("vervolg.yaml", path, sizeof(path)));
	assert_string_equal(s->baseline->path, "nulmeting.yaml");
	assert_string_equal(s->baseline->sha256, sha);
	assert_int_equal(s->baseline->state, BASELINE_OK);
	assert_true(baseline_in_use(s));
	assert_string_equal(s->baseline->title, "Nulmeting");
	assert_string_equal(s->baseline->date, "2026-01-15");
	assert_true(baseline_row(s, 0, &cur, &tgt));
	assert_int_equal(cur, 2);
	assert_int_equal(tgt, 3);
	assert_false(baseline_row(s, 1, &cur, &tgt)); /* nothing agreed for that row then */
	assert_int_equal(s->n_followups, 3);          /* the done one is not followed up */
	assert_string_equal(s->followups[0].text, "Webcarebeleid");
	assert_string_equal(s->followups[1].dimension, "conversatie");
	assert_string_equal(s->followups[2].owner, "Cor");
	for (size_t i = 0; i < 3; i++)
		assert_int_equal(s->followups[i].outcome, FOLLOWUP_OPEN);
	/* the earlier file was only read */
	assert_true(ydoc_read_file(earlier, 1 << 20, &bytes, &len, &d));
	sha256_hex(bytes, len, again);
	assert_string_equal(again, sha);
	free(bytes);
	session_free(s);
}

/* The path and sha256 of the baseline and the decided follow-ups are written the same by the
 * direct writer and by libyaml, read back as they were; an undecided one is not written. */
static void test_baseline_and_followups_round_trip_in_both_writers(void **state)
{
	struct session *s = session_new(content, "Vervolg"), *back;
	const char *why, *sha = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
	char *direct, *libyaml, *again;
	size_t len1, len2, len3;
	struct diag d;

	(void)state;
	assert_true(session_set_baseline(s, "2025 nulmeting \"oud\".yaml", sha, &why));
	assert_true(session_followup_add(s, &(struct action_fields){ "Beleid \"nu\"", "content",
			"Anna", "2026-03-01" }, FOLLOWUP_DONE, &why));
	assert_true(session_followup_add(s, &(struct action_fields){ "Trainen", NULL, "", NULL },
			FOLLOWUP_CARRIED, &why));
	assert_true(session_followup_add(s, &(struct action_fields){ "Stoppen", NULL, "Cor",
			NULL }, FOLLOWUP_DROPPED, &why));
	assert_true(session_followup_add(s, &(struct action_fields){ "Nog open", NULL, "", NULL },
			FOLLOWUP_OPEN, &why));
	direct = emit_with(s, true, &len1);
	libyaml = emit_with(s, false, &len2);
	assert_string_equal(direct, libyaml);
	assert_non_null(strstr(direct, "baseline: {path: \"2025 nulmeting \\\"oud\\\".yaml\", "
					"sha256: \"0123456789abcdef"));
	assert_non_null(strstr(direct, "followed_up:\n"
			"- {text: \"Beleid \\\"nu\\\"\", dimension: content, owner: \"Anna\", "
			"due: 2026-03-01, outcome: done}\n"
			"- {text: \"Trainen\", owner: \"\", outcome: carried}\n"
			"- {text: \"Stoppen\", owner: \"Cor\", outcome: dropped}\n"));
	assert_null(strstr(direct, "Nog open"));
	back = store_parse("vervolg.yaml", direct, len1, content, &d);
	assert_non_null(back);
	assert_string_equal(back->baseline->path, "2025 nulmeting \"oud\".yaml");
	assert_string_equal(back->baseline->sha256, sha);
	assert_int_equal(back->baseline->state, BASELINE_UNREAD);
	assert_int_equal(back->n_followups, 3);
	assert_int_equal(back->followups[0].outcome, FOLLOWUP_DONE);
	assert_string_equal(back->followups[0].due, "2026-03-01");
	assert_int_equal(back->followups[1].outcome, FOLLOWUP_CARRIED);
	assert_int_equal(back->followups[2].outcome, FOLLOWUP_DROPPED);
	again = emit_with(back, false, &len3);
	assert_string_equal(again, direct);
	free(again);
	free(direct);
	free(libyaml);
	session_free(back);
	session_free(s);
}

/* A session without a baseline writes no `baseline:` and no `followed_up:`. */
static void test_no_baseline_writes_nothing_of_it(void **state)
{
	struct session *s = session_new(content, "Los");
	size_t len;
	char *buf;

	(void)state;
	buf = emit_with(s, true, &len);
	assert_null(strstr(buf, "baseline"));
	assert_null(strstr(buf, "followed_up"));
	free(buf);
	session_free(s);
}

/* An unknown outcome and a malformed sha256 are refused at their node. */
static void test_bad_outcome_and_sha_are_located_errors(void **state)
{
	static const char head[] = "meetlat_session: 1\ntitle: \"x\"\n"
				   "content: {id: sociale-media-almanak}\n";
	char text[512];
	struct diag d;

	(void)state;
	snprintf(text, sizeof(text), "%sfollowed_up:\n- {text: \"a\", outcome: maybe}\n", head);
	assert_null(store_parse("s.yaml", text, strlen(text), content, &d));
	assert_int_equal(d.line, 5);
	assert_non_null(strstr(d.message, "open, done, carried or dropped"));
	snprintf(text, sizeof(text), "%sbaseline: {path: \"a.yaml\", sha256: \"abc\"}\n", head);
	assert_null(store_parse("s.yaml", text, strlen(text), content, &d));
	assert_int_equal(d.line, 4);
}

/* Checks that S follows a baseline that is not used: named in the note with WORDS, no
 * phases of last time, no follow-ups, and its scores as they were. */
static void expect_not_used(const struct session *s, enum baseline_state state,
			    const char *words)
{
	char note[512];
	int cur, tgt;

	assert_int_equal(s->baseline->state, state);
	assert_false(baseline_in_use(s));
	assert_false(baseline_row(s, 0, &cur, &tgt));
	assert_int_equal(s->n_followups, 0);
	assert_true(baseline_note_warns(s));
	assert_non_null(baseline_note(s, note, sizeof(note)));
	assert_non_null(strstr(note, words));
	assert_int_equal(s->scores[0].current, 0);
}

/* A baseline that has gone is named as missing and changes nothing else; it cannot be
 * chosen. */
static void test_missing_baseline_is_named_and_changes_nothing(void **state)
{
	struct session *s = session_new(content, "Vervolg");
	char path[256];
	const char *why;
	struct diag d;

	(void)state;
	assert_true(session_set_baseline(s, "weg.yaml", "", &why));
	baseline_apply(s, content, in_folder("vervolg.yaml", path, sizeof(path)));
	expect_not_used(s, BASELINE_MISSING, "weg.yaml is missing: nothing is compared");
	assert_string_equal(s->baseline->path, "weg.yaml"); /* kept, written back */
	assert_false(baseline_choose(s, content, in_folder("weg.yaml", path, sizeof(path)), NULL,
				     &d));
	session_free(s);
}

/* A baseline scored against another content is named and not compared; it cannot be
 * chosen. */
static void test_other_content_baseline_is_named_and_not_compared(void **state)
{
	static const char other[] = "meetlat_session: 1\ntitle: \"Ander\"\n"
				    "content: {id: andere-inhoud}\nscores:\n  content: {current: 2}\n"
				    "actions:\n- {text: \"x\", done: false}\n";
	struct session *s = session_new(content, "Vervolg");
	char path[256], session_path[256];
	const char *why;
	struct diag d;

	(void)state;
	write_file(in_folder("ander.yaml", path, sizeof(path)), other, strlen(other));
	assert_false(baseline_choose(s, content, path, NULL, &d));
	assert_non_null(strstr(d.message, "andere-inhoud"));
	assert_null(s->baseline);
	assert_true(session_set_baseline(s, "ander.yaml", "", &why));
	baseline_apply(s, content, in_folder("vervolg.yaml", session_path, sizeof(session_path)));
	expect_not_used(s, BASELINE_OTHER_CONTENT, "scored against other content");
	session_free(s);
}

/* A file that is no session is named as unreadable and changes nothing. */
static void test_unreadable_baseline_is_named(void **state)
{
	struct session *s = session_new(content, "Vervolg");
	char path[256], session_path[256];
	const char *why;

	(void)state;
	write_file(in_folder("kapot.yaml", path, sizeof(path)), "[[[", 3);
	assert_true(session_set_baseline(s, "kapot.yaml", "", &why));
	baseline_apply(s, content, in_folder("vervolg.yaml", session_path, sizeof(session_path)));
	expect_not_used(s, BASELINE_UNREADABLE, "cannot be read");
	session_free(s);
}

/* A baseline whose bytes changed since it was chosen is still used, and the note says that
 * it changed. */
static void test_changed_baseline_is_used_with_a_note(void **state)
{
	char earlier[256], path[256], sha[SHA256_HEX], note[512];
	struct session *s;
	FILE *f;
	int cur, tgt;

	(void)state;
	write_earlier(in_folder("veranderd.yaml", earlier, sizeof(earlier)), sha);
	s = following(earlier, in_folder("vervolg2.yaml", path, sizeof(path)));
	assert_false(baseline_note_warns(s));
	f = fopen(earlier, "a");
	assert_non_null(f);
	fputs("# later edited by hand\n", f);
	assert_int_equal(fclose(f), 0);
	baseline_apply(s, content, path);
	assert_int_equal(s->baseline->state, BASELINE_CHANGED);
	assert_true(baseline_in_use(s));
	assert_true(baseline_row(s, 0, &cur, &tgt));
	assert_int_equal(cur, 2);
	assert_string_equal(s->baseline->sha256, sha); /* as chosen */
	assert_true(baseline_note_warns(s));
	assert_non_null(strstr(baseline_note(s, note, sizeof(note)), "changed since it was chosen"));
	assert_int_equal(s->n_followups, 3); /* applied twice: no follow-up twice */
	session_free(s);
}

/* Up, down, the same, and nothing to compare when either side is not agreed; marks that do
 * not need colour, in Unicode and in ASCII. */
static void test_movement_up_down_same(void **state)
{
	(void)state;
	assert_int_equal(baseline_movement(2, 3), MOVE_UP);
	assert_int_equal(baseline_movement(3, 2), MOVE_DOWN);
	assert_int_equal(baseline_movement(3, 3), MOVE_SAME);
	assert_int_equal(baseline_movement(0, 3), MOVE_NONE);
	assert_int_equal(baseline_movement(3, 0), MOVE_NONE);
	assert_string_equal(movement_mark(MOVE_UP, true), "↑");
	assert_string_equal(movement_mark(MOVE_DOWN, true), "↓");
	assert_string_equal(movement_mark(MOVE_SAME, true), "=");
	assert_string_equal(movement_mark(MOVE_UP, false), "^");
	assert_string_equal(movement_mark(MOVE_DOWN, false), "v");
	assert_string_equal(movement_mark(MOVE_NONE, false), "");
}

/* Writes S to PATH (the direct writer) and frees S. */
static void save_and_free(struct session *s, const char *path)
{
	size_t len;
	char *buf = emit_with(s, true, &len);

	write_file(path, buf, len);
	free(buf);
	session_free(s);
}

/* Returns S saved and read back from PATH, following its baseline again (S is freed). */
static struct session *resumed(struct session *s, const char *path)
{
	struct session *back;
	struct diag d;
	size_t len;
	char *buf = emit_with(s, true, &len);

	back = store_parse(path, buf, len, content, &d);
	assert_non_null(back);
	baseline_apply(back, content, path);
	free(buf);
	session_free(s);
	return back;
}

/* Two open actions alike but for their row, and two alike on one row, are four follow-ups,
 * each decided on its own; after a resume each keeps its own decision and none is lost or
 * listed twice. */
static void test_actions_alike_are_followed_up_each(void **state)
{
	const char *row0 = content->dimensions[0].id, *row1 = content->dimensions[1].id, *why;
	char earlier[256], path[256];
	struct session *s = session_new(content, "Eerder");
	struct action_fields mt0 = { "Bespreken in MT", row0, "", NULL };
	struct action_fields mt1 = { "Bespreken in MT", row1, "", NULL };
	struct action_fields plain = { "Bespreken in MT", NULL, "", NULL };

	(void)state;
	assert_true(session_action_add(s, content, &mt0, &why) == 0);
	assert_true(session_action_add(s, content, &mt1, &why) == 1);
	assert_true(session_action_add(s, content, &plain, &why) == 2);
	assert_true(session_action_add(s, content, &plain, &why) == 3);
	save_and_free(s, in_folder("alike.yaml", earlier, sizeof(earlier)));
	s = following(earlier, in_folder("alike-next.yaml", path, sizeof(path)));
	assert_int_equal(s->n_followups, 4);
	assert_string_equal(s->followups[0].dimension, row0);
	assert_string_equal(s->followups[1].dimension, row1);
	assert_null(s->followups[2].dimension);
	assert_null(s->followups[3].dimension);
	assert_true(session_followup_decide(s, content, 1, FOLLOWUP_DONE, &why));
	assert_true(session_followup_decide(s, content, 2, FOLLOWUP_DROPPED, &why));
	s = resumed(s, path);
	assert_int_equal(s->n_followups, 4); /* the two decided, then the two still open */
	assert_int_equal(session_followups_open(s), 2);
	assert_string_equal(s->followups[0].dimension, row1);
	assert_int_equal(s->followups[0].outcome, FOLLOWUP_DONE);
	assert_null(s->followups[1].dimension);
	assert_int_equal(s->followups[1].outcome, FOLLOWUP_DROPPED);
	assert_string_equal(s->followups[2].dimension, row0);
	assert_int_equal(s->followups[2].outcome, FOLLOWUP_OPEN);
	assert_null(s->followups[3].dimension);
	assert_int_equal(s->followups[3].outcome, FOLLOWUP_OPEN);
	assert_true(session_followup_decide(s, content, 2, FOLLOWUP_DONE, &why));
	assert_true(session_followup_decide(s, content, 3, FOLLOWUP_DONE, &why));
	s = resumed(s, path);
	assert_int_equal(s->n_followups, 4);
	assert_int_equal(session_followups_open(s), 0);
	session_free(s);
}

enum { MANY = SESSION_ACTIONS_MAX };

/* The most actions a session may hold, open last time, half of them alike in pairs, every
 * third decided: after a resume each is listed once with its decision (the match takes
 * expected constant time per action: a hash index of text, owner, due and row). */
static void test_many_open_actions_are_each_followed_up_once(void **state)
{
	char earlier[256], path[256], text[32];
	struct session *s = session_new(content, "Eerder");
	const char *why;
	size_t decided = 0;

	(void)state;
	for (size_t i = 0; i < MANY; i++) {
		snprintf(text, sizeof(text), "Actie %zu", i < MANY / 2 ? i / 2 : i);
		assert_true(session_action_add(s, content, &(struct action_fields){ text, NULL,
				"", NULL }, &why) == (long)i);
	}
	save_and_free(s, in_folder("many.yaml", earlier, sizeof(earlier)));
	s = following(earlier, in_folder("many-next.yaml", path, sizeof(path)));
	assert_int_equal(s->n_followups, MANY);
	for (size_t i = 0; i < MANY; i += 3, decided++)
		assert_true(session_followup_decide(s, content, i, FOLLOWUP_DROPPED, &why));
	s = resumed(s, path);
	assert_int_equal(s->n_followups, MANY);
	assert_int_equal(session_followups_open(s), MANY - decided);
	for (size_t i = 0; i < decided; i++)
		assert_int_equal(s->followups[i].outcome, FOLLOWUP_DROPPED);
	session_free(s);
}

/* Whichever allocation of reading the baseline fails, no open action of last time is lost
 * without a word: either all three are listed, or the note warns (and says why). */
static void test_memory_running_out_is_told_in_the_note(void **state)
{
	char earlier[256], path[256], sha[SHA256_HEX], note[1024];
	struct session *s;
	const char *why;
	bool finished = false;

	(void)state;
	write_earlier(in_folder("oom.yaml", earlier, sizeof(earlier)), sha);
	in_folder("oom-next.yaml", path, sizeof(path));
	for (fail_at = 1; !finished; fail_at++) {
		s = session_new(content, "Vervolg");
		assert_non_null(s);
		assert_true(session_set_baseline(s, "oom.yaml", sha, &why));
		failing_alloc_start();
		baseline_apply(s, content, path);
		mem_reset();
		finished = alloc_count < fail_at;
		if (s->n_followups != 3)
			assert_true(baseline_note_warns(s));
		if (s->baseline->actions_missing) {
			assert_non_null(baseline_note(s, note, sizeof(note)));
			assert_non_null(strstr(note, "Out of memory: not every open action"));
		}
		session_free(s);
	}
	assert_true(fail_at > 3);
}

/* Returns the index of the action of S whose text is TEXT, or -1. */
static long action_named(const struct session *s, const char *text)
{
	for (size_t i = 0; i < s->n_actions; i++)
		if (strcmp(s->actions[i].text, text) == 0)
			return (long)i;
	return -1;
}

/* Setting a carried follow-up back to open takes back the action that carried it, and only
 * that one: not the facilitator's own "TEXT (extra)" nor the carry of another follow-up
 * alike; it is found however it was edited since, and after a resume (both writers name it
 * by its place in `actions:`); one deleted by hand is not looked for. */
static void test_open_again_takes_back_only_its_own_carry(void **state)
{
	char earlier[256], path[256], *direct, *libyaml;
	struct session *s = session_new(content, "Eerder");
	struct action_fields beleid = { "Beleid schrijven", NULL, "", NULL };
	const char *why;
	size_t len1, len2;
	long i;

	(void)state;
	assert_true(session_action_add(s, content, &beleid, &why) == 0);
	assert_true(session_action_add(s, content, &beleid, &why) == 1);
	assert_true(session_action_add(s, content, &beleid, &why) == 2);
	save_and_free(s, in_folder("carry.yaml", earlier, sizeof(earlier)));
	s = following(earlier, in_folder("carry-next.yaml", path, sizeof(path)));
	assert_int_equal(s->n_followups, 3);
	assert_true(session_action_add(s, content, &(struct action_fields){
			"Beleid schrijven (extra)", NULL, "", NULL }, &why) == 0);
	assert_true(session_followup_decide(s, content, 0, FOLLOWUP_CARRIED, &why));
	assert_true(session_followup_decide(s, content, 1, FOLLOWUP_CARRIED, &why));
	assert_true(session_followup_decide(s, content, 2, FOLLOWUP_CARRIED, &why));
	assert_int_equal(s->n_actions, 4);
	/* the first carry edited beyond recognition, the third deleted by hand */
	assert_true(session_action_edit(s, content, 1, &(struct action_fields){ "Iets anders",
			NULL, "Dirk", NULL }, &why));
	assert_true(session_action_delete(s, 3, &why));
	direct = emit_with(s, true, &len1);
	libyaml = emit_with(s, false, &len2);
	assert_string_equal(direct, libyaml);
	assert_non_null(strstr(direct, "outcome: carried, action: 2}\n"
				       "- {text: \"Beleid schrijven\", owner: \"\", outcome: "
				       "carried, action: 3}\n"
				       "- {text: \"Beleid schrijven\", owner: \"\", outcome: "
				       "carried}\n"));
	free(direct);
	free(libyaml);
	s = resumed(s, path);
	assert_int_equal(s->n_actions, 3);
	assert_true(session_followup_decide(s, content, 2, FOLLOWUP_OPEN, &why));
	assert_int_equal(s->n_actions, 3); /* its carry was deleted already: nothing else goes */
	assert_true(session_followup_decide(s, content, 0, FOLLOWUP_OPEN, &why));
	assert_int_equal(s->n_actions, 2);
	assert_int_equal(action_named(s, "Iets anders"), -1);
	i = action_named(s, "Beleid schrijven (extra)");
	assert_true(i >= 0);
	assert_non_null(strstr(s->actions[1 - i].text, "Beleid schrijven (from "));
	assert_true(session_followup_decide(s, content, 1, FOLLOWUP_OPEN, &why));
	assert_int_equal(s->n_actions, 1);
	assert_string_equal(s->actions[0].text, "Beleid schrijven (extra)");
	session_free(s);
}

/* A follow-up names the action that carries it only when carried, and only one the file
 * has. */
static void test_carrying_action_out_of_place_is_refused(void **state)
{
	static const char head[] = "meetlat_session: 1\ntitle: \"x\"\n"
				   "content: {id: sociale-media-almanak}\n"
				   "actions:\n- {text: \"a (from last time)\", owner: \"\"}\n";
	char text[512];
	struct diag d;

	(void)state;
	snprintf(text, sizeof(text), "%sfollowed_up:\n- {text: \"a\", outcome: done, action: 1}\n",
		 head);
	assert_null(store_parse("s.yaml", text, strlen(text), content, &d));
	assert_int_equal(d.line, 7);
	assert_non_null(strstr(d.message, "only a carried follow-up names an action"));
	snprintf(text, sizeof(text), "%sfollowed_up:\n- {text: \"a\", outcome: carried, "
		 "action: 2}\n", head);
	assert_null(store_parse("s.yaml", text, strlen(text), content, &d));
	assert_int_equal(d.line, 7);
}

/* Done, carried over and dropped are recorded exactly; carrying over makes an action of this
 * session for the same row and owner that names where it came from, and taking the decision
 * back removes it; a resumed session shows the same decisions, no follow-up twice. */
static void test_followup_outcomes_are_recorded_exactly(void **state)
{
	char earlier[256], path[256], sha[SHA256_HEX], *buf;
	struct session *s, *back;
	const char *why;
	struct diag d;
	size_t len;

	(void)state;
	write_earlier(in_folder("nul2.yaml", earlier, sizeof(earlier)), sha);
	s = following(earlier, in_folder("vervolg3.yaml", path, sizeof(path)));
	assert_true(session_followup_decide(s, content, 0, FOLLOWUP_DONE, &why));
	assert_true(session_followup_decide(s, content, 1, FOLLOWUP_CARRIED, &why));
	assert_int_equal(s->n_actions, 1);
	assert_string_equal(s->actions[0].text, "Team trainen (from 15 Jan 2026)");
	assert_string_equal(s->actions[0].dimension, "conversatie");
	assert_string_equal(s->actions[0].owner, "Bram");
	assert_string_equal(s->actions[0].due, "2099-01-01"); /* not due yet: kept */
	assert_false(s->actions[0].done);
	assert_true(session_followup_decide(s, content, 2, FOLLOWUP_CARRIED, &why));
	assert_int_equal(s->n_actions, 2);
	assert_true(session_followup_decide(s, content, 2, FOLLOWUP_DROPPED, &why));
	assert_int_equal(s->n_actions, 1); /* carrying over taken back */
	assert_string_equal(s->actions[0].text, "Team trainen (from 15 Jan 2026)");
	assert_int_equal(session_followups_open(s), 0);
	buf = emit_with(s, true, &len);
	assert_non_null(strstr(buf, "baseline: {path: \"nul2.yaml\", sha256: \""));
	assert_non_null(strstr(buf, "followed_up:\n"
			"- {text: \"Webcarebeleid\", owner: \"Anna\", due: 2026-03-01, outcome: done}\n"
			"- {text: \"Team trainen\", dimension: conversatie, owner: \"Bram\", "
			"due: 2099-01-01, outcome: carried, action: 1}\n"
			"- {text: \"Nieuwsbrief\", owner: \"Cor\", outcome: dropped}\n"));
	back = store_parse(path, buf, len, content, &d);
	assert_non_null(back);
	baseline_apply(back, content, path);
	assert_int_equal(back->n_followups, 3);
	assert_int_equal(back->followups[0].outcome, FOLLOWUP_DONE);
	assert_int_equal(back->followups[1].outcome, FOLLOWUP_CARRIED);
	assert_int_equal(back->followups[2].outcome, FOLLOWUP_DROPPED);
	assert_int_equal(back->n_actions, 1);
	free(buf);
	session_free(back);
	session_free(s);
}

/* An overdue action carried over loses its passed due date; a bad index is refused. */
static void test_carried_overdue_action_is_not_due_and_bad_index_refused(void **state)
{
	char earlier[256], path[256], sha[SHA256_HEX];
	struct session *s;
	const char *why = NULL;

	(void)state;
	write_earlier(in_folder("nul3.yaml", earlier, sizeof(earlier)), sha);
	s = following(earlier, in_folder("vervolg4.yaml", path, sizeof(path)));
	assert_true(session_followup_decide(s, content, 0, FOLLOWUP_CARRIED, &why));
	assert_string_equal(s->actions[0].due, "");
	assert_false(session_followup_decide(s, content, 3, FOLLOWUP_DONE, &why));
	assert_string_equal(why, "no such action");
	session_free(s);
}

/* The step of last time's actions comes first; every other step keeps its id and its place
 * after it, so a session without a baseline has its steps (and timings) as before, and time
 * recorded with the step is kept for the others when read without it. */
static void test_followup_step_keeps_other_step_ids(void **state)
{
	struct content *with = content_with_followup(content, 10);
	struct session *s, *back;
	const char *why;
	struct diag d;
	size_t len;
	char *buf;

	(void)state;
	assert_non_null(with);
	assert_false(content_has_followup(content));
	assert_true(content_has_followup(with));
	assert_int_equal(with->n_steps, content->n_steps + 1);
	assert_string_equal(with->steps[0].id, "follow-up");
	assert_int_equal(with->steps[0].kind, STEP_FOLLOWUP);
	for (size_t i = 0; i < content->n_steps; i++) {
		assert_string_equal(with->steps[i + 1].id, content->steps[i].id);
		assert_int_equal(content_step_index(with, content->steps[i].id), (long)i + 1);
	}
	assert_int_equal(step_kind_from_name("follow-up"), STEP_KIND_COUNT); /* not for content */
	s = session_new(with, "Vervolg");
	assert_true(session_tick(s, 0, 100, &why));
	assert_true(session_tick(s, 3, 42, &why)); /* content's step 2 */
	assert_true(session_move(s, with, 3, &why));
	buf = emit_with(s, true, &len);
	back = store_parse("v.yaml", buf, len, content, &d);
	assert_non_null(back);
	assert_int_equal(back->seconds[2], 42);
	assert_int_equal(back->position, 2);
	for (size_t i = 0; i < content->n_steps; i++)
		if (i != 2)
			assert_int_equal(back->seconds[i], 0);
	free(buf);
	session_free(back);
	session_free(s);
	content_free(with);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_choose_records_path_sha_rows_and_open_actions),
		cmocka_unit_test(test_baseline_and_followups_round_trip_in_both_writers),
		cmocka_unit_test(test_no_baseline_writes_nothing_of_it),
		cmocka_unit_test(test_bad_outcome_and_sha_are_located_errors),
		cmocka_unit_test(test_missing_baseline_is_named_and_changes_nothing),
		cmocka_unit_test(test_other_content_baseline_is_named_and_not_compared),
		cmocka_unit_test(test_unreadable_baseline_is_named),
		cmocka_unit_test(test_changed_baseline_is_used_with_a_note),
		cmocka_unit_test(test_movement_up_down_same),
		cmocka_unit_test(test_followup_outcomes_are_recorded_exactly),
		cmocka_unit_test(test_carried_overdue_action_is_not_due_and_bad_index_refused),
		cmocka_unit_test(test_followup_step_keeps_other_step_ids),
		cmocka_unit_test(test_actions_alike_are_followed_up_each),
		cmocka_unit_test(test_many_open_actions_are_each_followed_up_once),
		cmocka_unit_test(test_memory_running_out_is_told_in_the_note),
		cmocka_unit_test(test_open_again_takes_back_only_its_own_carry),
		cmocka_unit_test(test_carrying_action_out_of_place_is_refused),
	};

	return cmocka_run_group_tests(tests, make_folder, remove_folder);
}
