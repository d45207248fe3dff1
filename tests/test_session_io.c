/* test_session_io.c - writing a session and reading it back: hostile texts come back exactly,
 * unknown keys survive, rows and actions the content lost are kept with a warning, and every
 * malformed file is refused with its exact "file:line:column: message"; the action list
 * holds the lines libyaml writes; created and updated hold local time with its offset. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <yaml.h>

#include "content.h"
#include "hostile_strings.h"
#include "session.h"
#include "session_check.h"
#include "store.h"
#include "store_impl.h"
#include "session_emit.h"
#include "builtin.h"
#include "builtin_content.h"

/* Returns the session read from the NUL-terminated YAML, failing the test with the error. */
static struct session *parse_ok(const char *yaml)
{
	char message[2048];
	struct diag d;
	struct session *s = store_parse("s.yaml", yaml, strlen(yaml), content, &d);

	if (!s)
		fail_msg("%s", diag_format(&d, message, sizeof(message)));
	return s;
}

/* Emits S and reads the bytes back; *TEXT gets the bytes (malloc'd) when TEXT is not NULL. */
static struct session *round_trip(const struct session *s, char **text)
{
	struct session *back;
	struct diag d;
	size_t len;
	char *buf;

	assert_true(store_emit(s, &buf, &len, &d));
	assert_int_equal(strlen(buf), len);
	back = parse_ok(buf);
	if (text)
		*text = buf;
	else
		free(buf);
	return back;
}

/* Puts TEXT in every field of S that accepts it, with votes, phases, an action and time. */
static void fill(struct session *s, const char *text)
{
	bool one_line = hostile_one_line(text);
	const char *why;

	if (one_line && text[0])
		assert_true(session_set_meta(s, META_TITLE, text, &why));
	for (int f = META_ORGANISATION; f <= META_FACILITATOR && one_line; f++)
		assert_true(session_set_meta(s, (enum session_meta)f, text, &why));
	assert_true(session_set_note(s, 3, text, &why));
	assert_true(session_vote_add(s, content, 3, 2, &why));
	assert_true(session_vote_add(s, content, 3, 4, &why));
	assert_true(session_set_current(s, content, 3, 2, &why));
	assert_true(session_set_target(s, content, 3, 4, &why));
	assert_true(session_action_add(s, content,
				       &(struct action_fields){ .text = text[0] ? text : "x",
								.owner = one_line ? text : "",
								.dimension = "conversatie",
								.due = "2027-01-15" },
				       &why) >= 0);
	assert_true(session_tick(s, 2, 412, &why));
	assert_true(session_move(s, content, 11, &why));
}

/* Each hostile text, alone in a session, comes back exactly; writing what was read gives the
 * same bytes. */
static void test_hostile_texts_round_trip(void **state)
{
	(void)state;
	for (size_t i = 0; i < HOSTILE_COUNT; i++) {
		struct session *s = session_new(content, "start"), *back;
		char *first, *second;
		struct diag d;
		size_t len;

		assert_non_null(s);
		fill(s, hostile_strings[i]);
		back = round_trip(s, &first);
		check_equal_sessions(s, back);
		assert_true(store_emit(back, &second, &len, &d));
		assert_string_equal(first, second);
		free(first);
		free(second);
		session_free(back);
		session_free(s);
	}
}

/* All hostile texts at once, each in a note and an action, and 10 KB texts in a note, an
 * action and the organisation. */
static void test_hostile_session_round_trip(void **state)
{
	struct session *s = session_new(content, "Alles tegelijk"), *back;
	char *long_lines = hostile_long(true), *long_line = hostile_long(false);
	const char *why;

	(void)state;
	assert_non_null(s);
	assert_non_null(long_lines);
	assert_non_null(long_line);
	for (size_t i = 0; i < HOSTILE_COUNT; i++) {
		const char *text = hostile_strings[i];
		struct action_fields f = { .text = text[0] ? text : "-",
					   .owner = hostile_one_line(text) ? text : "" };

		assert_true(session_set_note(s, i % content->n_dimensions, text, &why));
		assert_true(session_action_add(s, content, &f, &why) >= 0);
	}
	assert_true(session_set_note(s, 9, long_lines, &why));
	assert_true(session_set_meta(s, META_ORGANISATION, long_line, &why));
	assert_true(session_action_add(s, content, &(struct action_fields){ .text = long_lines },
				       &why) >= 0);
	back = round_trip(s, NULL);
	check_equal_sessions(s, back);
	assert_int_equal(strlen(back->scores[9].note), strlen(long_lines));
	session_free(back);
	session_free(s);
	free(long_lines);
	free(long_line);
}

/* A new session, with nothing recorded, reads back as it was. */
static void test_empty_session_round_trip(void **state)
{
	struct session *s = session_new(content, "Leeg"), *back;

	(void)state;
	assert_non_null(s);
	back = round_trip(s, NULL);
	check_equal_sessions(s, back);
	assert_int_equal(back->n_warnings, 0);
	assert_false(back->dirty);
	session_free(back);
	session_free(s);
}

/* Appends SIZE bytes to the string at DATA (a buffer of ACTION_LINE_MAX bytes). */
enum { ACTION_LINE_MAX = 4096 };
static int append_line(void *data, unsigned char *bytes, size_t size)
{
	char *line = data;
	size_t len = strlen(line);

	assert_true(len + size < ACTION_LINE_MAX);
	memcpy(line + len, bytes, size);
	line[len + size] = '\0';
	return 1;
}

/* Emits the scalar TEXT through E, double-quoted or plain. */
static void libyaml_scalar(yaml_emitter_t *e, const char *text, bool quoted)
{
	yaml_event_t ev;

	assert_true(yaml_scalar_event_initialize(&ev, NULL, NULL, (const yaml_char_t *)text,
						 (int)strlen(text), !quoted, 1,
						 quoted ? YAML_DOUBLE_QUOTED_SCALAR_STYLE
							: YAML_PLAIN_SCALAR_STYLE));
	assert_true(yaml_emitter_emit(e, &ev));
}

/* Writes into LINE what libyaml itself writes for action A, with the emitter settings of
 * store_emit, as a block list of one: the line the session file must hold for A. */
static void libyaml_action_line(const struct session_action *a, char *line)
{
	yaml_emitter_t e;
	yaml_event_t ev;

	line[0] = '\0';
	assert_true(yaml_emitter_initialize(&e));
	yaml_emitter_set_output(&e, append_line, line);
	yaml_emitter_set_unicode(&e, 1);
	yaml_emitter_set_width(&e, -1);
	yaml_emitter_set_break(&e, YAML_LN_BREAK);
	assert_true(yaml_stream_start_event_initialize(&ev, YAML_UTF8_ENCODING) &&
		    yaml_emitter_emit(&e, &ev));
	assert_true(yaml_document_start_event_initialize(&ev, NULL, NULL, NULL, 1) &&
		    yaml_emitter_emit(&e, &ev));
	assert_true(yaml_sequence_start_event_initialize(&ev, NULL, NULL, 1,
							 YAML_BLOCK_SEQUENCE_STYLE) &&
		    yaml_emitter_emit(&e, &ev));
	assert_true(yaml_mapping_start_event_initialize(&ev, NULL, NULL, 1,
							YAML_FLOW_MAPPING_STYLE) &&
		    yaml_emitter_emit(&e, &ev));
	libyaml_scalar(&e, "text", false);
	libyaml_scalar(&e, a->text, true);
	libyaml_scalar(&e, "dimension", false);
	libyaml_scalar(&e, a->dimension, false);
	libyaml_scalar(&e, "owner", false);
	libyaml_scalar(&e, a->owner, true);
	libyaml_scalar(&e, "due", false);
	libyaml_scalar(&e, a->due, false);
	libyaml_scalar(&e, "done", false);
	libyaml_scalar(&e, a->done ? "true" : "false", false);
	assert_true(yaml_mapping_end_event_initialize(&ev) && yaml_emitter_emit(&e, &ev));
	assert_true(yaml_sequence_end_event_initialize(&ev) && yaml_emitter_emit(&e, &ev));
	assert_true(yaml_document_end_event_initialize(&ev, 1) && yaml_emitter_emit(&e, &ev));
	assert_true(yaml_stream_end_event_initialize(&ev) && yaml_emitter_emit(&e, &ev));
	yaml_emitter_delete(&e);
}

/* The action list, which store_emit writes without libyaml when it can, holds byte for byte
 * the line libyaml writes for each action: for every hostile text (quotes, backslashes,
 * line breaks, tabs, controls, characters beyond U+FFFF, ...) as text and as owner, done or
 * not; and the whole file reads back equal. */
static void test_action_lines_as_libyaml_writes(void **state)
{
	static const char *const more[] = { "caf\u00e9 \u20ac \u00a0 \u00ff \ud7ff \ue000 x",
					    "\U0001F600 smile", "\ufeff\uffef bom" };
	char expected[ACTION_LINE_MAX];
	const char *why;

	(void)state;
	for (size_t i = 0; i < HOSTILE_COUNT + 3; i++) {
		const char *text = i < HOSTILE_COUNT ? hostile_strings[i] : more[i - HOSTILE_COUNT];
		struct action_fields f = { text[0] ? text : "x", content->dimensions[0].id,
					   hostile_one_line(text) ? text : "o", "2026-12-01" };
		struct session *s = session_new(content, "t"), *back;
		char *buf, *line;
		long at;

		at = session_action_add(s, content, &f, &why);
		if (at < 0)
			fail_msg("action %zu refused: %s", i, why);
		if (i % 2)
			assert_true(session_action_toggle(s, (size_t)at, &why));
		back = round_trip(s, &buf);
		check_equal_sessions(s, back);
		libyaml_action_line(&s->actions[at], expected);
		line = strstr(buf, "\nactions:\n");
		assert_non_null(line);
		line += strlen("\nactions:\n");
		assert_memory_equal(line, expected, strlen(expected));
		assert_string_equal(line + strlen(expected), strstr(buf, "\ntimings:") + 1);
		free(buf);
		session_free(back);
		session_free(s);
	}
}

/* User texts are double-quoted and typed values plain, as meetlat-session(5) shows. */
static void test_emitted_layout(void **state)
{
	struct session *s = session_new(content, "yes");
	struct diag d;
	const char *why;
	size_t len;
	char *buf;

	(void)state;
	assert_true(session_set_meta(s, META_ORGANISATION, "0123", &why));
	assert_true(session_set_meta(s, META_DATE, "2026-11-26", &why));
	assert_true(session_set_meta(s, META_PARTICIPANTS, "8", &why));
	assert_true(session_vote_add(s, content, 0, 3, &why));
	assert_true(session_vote_add(s, content, 0, 2, &why));
	assert_true(session_set_note(s, 0, "null", &why));
	assert_true(store_emit(s, &buf, &len, &d));
	assert_non_null(strstr(buf, "\ntitle: \"yes\"\norganisation: \"0123\"\n"));
	assert_non_null(strstr(buf, "\ndate: 2026-11-26\nparticipants: 8\n"));
	assert_non_null(
		strstr(buf, "\nscores:\n  content:\n    votes: [3, 2]\n    note: \"null\"\n"));
	assert_non_null(strstr(buf, "\nposition: \"welcome\"\n"));
	assert_null(strstr(buf, "current:"));
	free(buf);
	session_free(s);
}

/* The keys this version does not know survive a read and a write, in their places; rows and
 * actions for rows the content lost are kept with a warning; an old file's step numbers
 * become ids (its sha256 is the content's), a number beyond the agenda is kept as written. */
static void test_unknown_keys_kept(void **state)
{
	static const char input_format[] =
		"meetlat_session: 1\n"
		"title: \"Unknown keys\"\n"
		"x-top: plain words\n"
		"future: { a: [1, \"two\", yes], b: null, c: {d: 'e'} }\n"
		"content: { id: sociale-media-almanak, sha256: \"%s\", revision: 7 }\n"
		"created: 2026-11-26T14:03:00+01:00\n"
		"updated: 2026-11-26T15:40:12+01:00\n"
		"participants: 8\n"
		"position: 3\n"
		"scores:\n"
		"  gone-row:\n"
		"    votes: [1]\n"
		"    note: \"kept\"\n"
		"  content:\n"
		"    votes: [3, 3, 2, 4]\n"
		"    current: 3\n"
		"    weight: \"high\"\n"
		"actions:\n"
		"  - { text: \"Do it\", dimension: conversatie, owner: \"Ann\", due: 2027-01-15, "
		"done: false, priority: 1 }\n"
		"  - { text: \"Old\", dimension: vanished, done: true }\n"
		"timings:\n"
		"  - { step: 3, seconds: 412, paused: true }\n"
		"  - { step: 99, seconds: 5 }\n"
		"tail: 'single'\n";
	static const char expected_format[] =
		"meetlat_session: 1\n"
		"title: \"Unknown keys\"\n"
		"organisation: \"\"\n"
		"group: \"\"\n"
		"facilitator: \"\"\n"
		"participants: 8\n"
		"content: {id: sociale-media-almanak, sha256: \"%s\", revision: 7}\n"
		"created: 2026-11-26T14:03:00+01:00\n"
		"updated: 2026-11-26T15:40:12+01:00\n"
		"position: \"phase:1\"\n"
		"scores:\n"
		"  content:\n"
		"    votes: [3, 3, 2, 4]\n"
		"    current: 3\n"
		"    weight: \"high\"\n"
		"  gone-row:\n"
		"    votes: [1]\n"
		"    note: \"kept\"\n"
		"actions:\n"
		"- {text: \"Do it\", dimension: conversatie, owner: \"Ann\", due: 2027-01-15, "
		"done: false, priority: 1}\n"
		"- {text: \"Old\", dimension: vanished, owner: \"\", done: true}\n"
		"timings:\n"
		"- {step: \"phase:1\", seconds: 412, paused: true}\n"
		"- {step: 99, seconds: 5}\n"
		"x-top: plain words\n"
		"future:\n"
		"  a:\n"
		"  - 1\n"
		"  - \"two\"\n"
		"  - yes\n"
		"  b: null\n"
		"  c:\n"
		"    d: \"e\"\n"
		"tail: \"single\"\n";
	char input[sizeof(input_format) + SHA256_HEX],
		expected[sizeof(expected_format) + SHA256_HEX];
	struct session *s, *again;
	char *buf, *buf2;
	struct diag d;
	size_t len;

	(void)state;
	snprintf(input, sizeof(input), input_format, content->sha256);
	snprintf(expected, sizeof(expected), expected_format, content->sha256);
	s = parse_ok(input);
	assert_int_equal(s->n_warnings, 2);
	assert_string_equal(s->warnings[0],
			    "scores for 'gone-row' kept: the content has no such row");
	assert_string_equal(s->warnings[1],
			    "action 2 kept with the row 'vanished': the content has no such row");
	assert_string_equal(s->agenda_notice,
			    "The agenda has changed since this session: 1 timed step it no longer "
			    "has is kept in the file; resuming at step 3, ‘Phase 1: de gemeente "
			    "ontdekt’.");
	assert_int_equal(s->n_scores, content->n_dimensions + 1);
	assert_false(s->scores[content->n_dimensions].known);
	assert_int_equal(s->position, 2);
	assert_true(store_emit(s, &buf, &len, &d));
	assert_string_equal(buf, expected);
	again = parse_ok(buf);
	assert_true(store_emit(again, &buf2, &len, &d));
	assert_string_equal(buf2, expected);
	free(buf);
	free(buf2);
	session_free(again);
	session_free(s);
}

/* Unknown keys stay with their action when another action is deleted before it. */
static void test_unknown_keys_follow_their_action(void **state)
{
	struct session *s =
		parse_ok("meetlat_session: 1\ntitle: \"t\"\n"
			 "content: {id: sociale-media-almanak}\n"
			 "actions:\n  - {text: \"a\", first: 1}\n  - {text: \"b\", second: 2}\n");
	const char *why;
	struct diag d;
	size_t len;
	char *buf;

	(void)state;
	assert_true(session_action_delete(s, 0, &why));
	assert_true(store_emit(s, &buf, &len, &d));
	assert_non_null(
		strstr(buf, "- {text: \"b\", owner: \"\", done: false, second: 2}\n"));
	assert_null(strstr(buf, "first"));
	free(buf);
	session_free(s);
}

/* Unknown keys stay with their action through an edit; an action added since has none. */
static void test_unknown_keys_follow_edits(void **state)
{
	struct session *s =
		parse_ok("meetlat_session: 1\ntitle: \"t\"\n"
			 "content: {id: sociale-media-almanak}\n"
			 "actions:\n  - {text: \"a\", first: 1}\n");
	const char *why;
	struct diag d;
	size_t len;
	char *buf;

	(void)state;
	assert_true(session_action_add(s, content, &(struct action_fields){ .text = "new" },
				       &why) == 1);
	assert_true(session_action_edit(s, content, 0,
					&(struct action_fields){ .text = "edited", .owner = "Bo" },
					&why));
	assert_true(store_emit(s, &buf, &len, &d));
	assert_non_null(strstr(buf, "- {text: \"edited\", owner: \"Bo\", done: false, first: 1}\n"
				    "- {text: \"new\", owner: \"\", done: false}\n"));
	free(buf);
	session_free(s);
}

/* What a session written against another version of the content reads as. */
static void test_content_checks(void **state)
{
	char yaml[512];
	struct session *s;

	(void)state;
	snprintf(yaml, sizeof(yaml),
		 "meetlat_session: 1\ntitle: \"t\"\ncontent: {id: sociale-media-almanak, sha256: "
		 "\"%064d\"}\nposition: 500\n",
		 0);
	s = parse_ok(yaml);
	assert_int_equal(s->n_warnings, 1);
	assert_string_equal(s->warnings[0],
			    "the content has changed since this session was scored (its sha256 "
			    "differs): check the scores against the new text");
	assert_string_equal(s->agenda_notice,
			    "The agenda has changed since this session, which counted steps by "
			    "number; resuming at step 23, ‘Summary’.");
	assert_int_equal(s->position, content->n_steps - 1);
	session_free(s);
}

/* A malformed session file and the exact error it must give. */
struct bad_case {
	const char *yaml;
	const char *error;
};

#define HEAD "meetlat_session: 1\ntitle: \"t\"\ncontent: {id: sociale-media-almanak}\n"

static const struct bad_case bad_cases[] = {
	{ "meetlat_session: 1\ntitle: [a]\ncontent: {id: sociale-media-almanak}\n",
	  "s.yaml:2:8: expected a text for 'title', found a list" },
	{ HEAD "scores:\n  content: {votes: [1, 5]}\n",
	  "s.yaml:5:24: expected a whole number from 1 to 4 for a vote (a phase number), found "
	  "'5'" },
	{ HEAD "scores:\n  content: {votes: [0]}\n",
	  "s.yaml:5:21: expected a whole number from 1 to 4 for a vote (a phase number), found "
	  "'0'" },
	{ HEAD "scores:\n  gone: {votes: [5]}\n", "s.yaml:5:18: expected a whole number from 1 to "
						  "4 for a vote (a phase number), found '5'" },
	{ HEAD "title: \"again\"\n", "s.yaml:4:1: duplicate key 'title' (first at 2:1)" },
	{ HEAD "scores:\n  content: {}\n  content: {}\n",
	  "s.yaml:6:3: duplicate key 'content' (first at 5:3)" },
	{ "meetlat_session: 2\ntitle: \"t\"\ncontent: {id: sociale-media-almanak}\n",
	  "s.yaml:1:18: unsupported meetlat_session version 2 (this meetlat reads version 1)" },
	{ "meetlat_session: 2\nfuture: [stuff]\n",
	  "s.yaml:1:18: unsupported meetlat_session version 2 (this meetlat reads version 1)" },
	{ "title: \"t\"\ncontent: {id: sociale-media-almanak}\n",
	  "s.yaml:1:1: missing key 'meetlat_session' (expected 'meetlat_session: 1' in a session "
	  "file)" },
	{ "meetlat_session: one\n", "s.yaml:1:18: expected a whole number from 1 to 999999 for "
				    "'meetlat_session', found 'one'" },
	{ HEAD "date: 2026-02-30\n",
	  "s.yaml:4:7: expected a date written YYYY-MM-DD for 'date', found '2026-02-30'" },
	{ HEAD "date: 26-11-2026\n",
	  "s.yaml:4:7: expected a date written YYYY-MM-DD for 'date', found '26-11-2026'" },
	{ "meetlat_session: 1\ntitle: &a \"t\"\ncontent: {id: sociale-media-almanak}\n",
	  "s.yaml:2:8: anchors (&a) are not supported: a text that starts with '&' needs double quotes" },
	{ HEAD "organisation: *a\n", "s.yaml:4:15: aliases (*a) are not supported: a text that starts with '*' needs double quotes" },
	{ "meetlat_session: 1\ntitle: \"caf\xe9\"\n",
	  "s.yaml:2:13: this is not UTF-8 text (byte 0x22): save the file as UTF-8" },
	{ "meetlat_session: 1\ntitle: \"t\"\ncontent: {id: other-content}\n",
	  "s.yaml:3:15: this session was scored against the content 'other-content', not "
	  "'sociale-media-almanak' (open it with -c and that content file)" },
	{ "meetlat_session: 1\ntitle: \"t\"\n",
	  "s.yaml:1:1: missing key 'content' in a session file" },
	{ "meetlat_session: 1\ncontent: {id: sociale-media-almanak}\n",
	  "s.yaml:1:1: missing key 'title' in a session file" },
	{ "- a\n", "s.yaml:1:1: expected a mapping for a session file, found a list" },
	{ "", "s.yaml:1:1: the file is empty; expected a YAML mapping" },
	{ HEAD "position: 0\n",
	  "s.yaml:4:11: expected a whole number from 1 to 999999 for 'position' (an old step "
	  "number, from 1), found '0'" },
	{ "meetlat_session: 1\ntitle: \"t\"\ncontent: {id: sociale-media-almanak, sha256: "
	  "\"abc\"}\n",
	  "s.yaml:3:46: expected 64 hexadecimal digits for 'sha256', found 'abc'" },
	{ HEAD "actions:\n  - {owner: \"x\"}\n", "s.yaml:5:5: missing key 'text' in an action" },
	{ HEAD "actions:\n  - {text: \"\", owner: \"x\"}\n",
	  "s.yaml:5:12: invalid action: an action needs a text" },
	{ HEAD "actions:\n  - {text: \"a\", owner: \"x\\ny\"}\n",
	  "s.yaml:5:24: invalid owner of an action: the text must be a single line" },
	{ HEAD "actions:\n  - {text: \"a\", due: 2027-13-01}\n",
	  "s.yaml:5:22: expected a date written YYYY-MM-DD for the due date of an action, found "
	  "'2027-13-01'" },
	{ HEAD "actions:\n  - {text: \"a\", done: yes}\n",
	  "s.yaml:5:23: expected true or false for 'done', found 'yes'" },
	{ HEAD "actions:\n  - {text: \"a\", dimension: Row}\n",
	  "s.yaml:5:28: expected an identifier (lower-case letters, digits and '-') for the row of "
	  "an action, found 'Row'" },
	{ HEAD "actions: {text: \"a\"}\n",
	  "s.yaml:4:10: expected a list for 'actions', found a mapping" },
	{ HEAD "timings:\n  - {step: 3}\n", "s.yaml:5:5: missing key 'seconds' in a timing" },
	{ HEAD "timings:\n  - {step: 0, seconds: 1}\n",
	  "s.yaml:5:12: expected a whole number from 1 to 999999 for the step of a timing (an old "
	  "step number, from 1), found '0'" },
	{ "meetlat_session: 1\ntitle: \"t\\nu\"\ncontent: {id: sociale-media-almanak}\n",
	  "s.yaml:2:8: invalid 'title': the text must be a single line" },
	{ "meetlat_session: 1\ntitle: \"\"\ncontent: {id: sociale-media-almanak}\n",
	  "s.yaml:2:8: invalid 'title': the title must not be empty" },
	{ HEAD "scores:\n  Content: {}\n",
	  "s.yaml:5:3: expected an identifier (lower-case letters, digits and '-') for the id of a "
	  "row in 'scores', found 'Content'" },
	{ HEAD "scores:\n  content: {current: 5}\n",
	  "s.yaml:5:22: expected a whole number from 0 to 4 for 'current', found '5'" },
	{ HEAD "scores:\n  content: {target: -1}\n",
	  "s.yaml:5:21: expected a whole number from 0 to 4 for 'target', found '-1'" },
	{ HEAD "scores:\n  content: {note: [x]}\n",
	  "s.yaml:5:19: expected a text for 'note', found a list" },
	{ HEAD "scores: [1]\n", "s.yaml:4:9: expected a mapping for 'scores', found a list" },
	{ HEAD "created: yesterday\n",
	  "s.yaml:4:10: expected a time written YYYY-MM-DDTHH:MM:SS+HH:MM for 'created', found "
	  "'yesterday'" },
	{ HEAD "participants: 10000\n",
	  "s.yaml:4:15: expected a whole number from 0 to 9999 for 'participants', found '10000'" },
	{ HEAD "participants: 08\n",
	  "s.yaml:4:15: expected a whole number from 0 to 9999 for 'participants', found '08'" },
	{ HEAD "foo: [\n",
	  "s.yaml:5:1: the file ends where a value is expected: a '[' or '{' above is not closed" },
	{ HEAD "---\nsecond: document\n",
	  "s.yaml:4:1: a second document; the file must hold exactly one" },
	{ HEAD "tagged: !!binary aGk=\n",
	  "s.yaml:4:9: tags (tag:yaml.org,2002:binary) are not supported: a text that starts with '!' needs double quotes" },
};

/* Every malformed case is refused with its exact location and message. */
static void test_malformed_files(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(bad_cases) / sizeof(bad_cases[0]); i++) {
		char message[2048];
		struct diag d;
		struct session *s = store_parse("s.yaml", bad_cases[i].yaml,
						strlen(bad_cases[i].yaml), content, &d);

		if (s)
			fail_msg("case %zu was accepted:\n%s", i, bad_cases[i].yaml);
		assert_string_equal(diag_format(&d, message, sizeof(message)), bad_cases[i].error);
	}
}

/* A session file saved with a UTF-8 byte order mark (as Windows Notepad does) reads as one
 * without, and an error in it is located where an editor shows it: the mark is no column. */
static void test_byte_order_mark(void **state)
{
	static const char bom[] = "\xEF\xBB\xBF";
	char yaml[256], message[2048];
	struct diag d;
	struct session *s;

	(void)state;
	snprintf(yaml, sizeof(yaml), "%s" HEAD "participants: 8\n", bom);
	s = parse_ok(yaml);
	assert_string_equal(s->meta[META_TITLE], "t");
	assert_string_equal(s->meta[META_PARTICIPANTS], "8");
	session_free(s);
	snprintf(yaml, sizeof(yaml), "%smeetlat_session: [1]\n", bom);
	assert_null(store_parse("s.yaml", yaml, strlen(yaml), content, &d));
	assert_string_equal(diag_format(&d, message, sizeof(message)),
			    "s.yaml:1:18: expected a whole number from 1 to 999999 for "
			    "'meetlat_session', found a list");
}

/* A number or truth value in quotes is a text in a session file too: refused, saying so
 * (meetlat writes them plain, so its own files read as before). */
static void test_quoted_numbers_are_text(void **state)
{
	static const struct bad_case quoted[] = {
		{ HEAD "participants: \"8\"\n",
		  "s.yaml:4:15: expected a whole number from 0 to 9999 for 'participants', found the "
		  "text '8' in quotes (write it without quotes)" },
		{ HEAD "scores:\n  content: {votes: [1, '3']}\n",
		  "s.yaml:5:24: expected a whole number from 1 to 4 for a vote (a phase number), found "
		  "the text '3' in quotes (write it without quotes)" },
		{ HEAD "actions:\n  - {text: \"x\", done: \"true\"}\n",
		  "s.yaml:5:23: expected true or false for 'done', found the text 'true' in quotes "
		  "(write it without quotes)" },
	};

	(void)state;
	for (size_t i = 0; i < sizeof(quoted) / sizeof(quoted[0]); i++) {
		char message[2048];
		struct diag d;

		assert_null(store_parse("s.yaml", quoted[i].yaml, strlen(quoted[i].yaml), content,
					  &d));
		assert_string_equal(diag_format(&d, message, sizeof(message)), quoted[i].error);
	}
}

/* A text too long for a note is refused where it stands. */
static void test_note_too_long(void **state)
{
	size_t size = SESSION_TEXT_MAX + 200;
	char *yaml = malloc(size), message[2048];
	struct diag d;
	int head;

	(void)state;
	assert_non_null(yaml);
	head = snprintf(yaml, size, HEAD "scores:\n  content: {note: \"");
	memset(yaml + head, 'x', SESSION_TEXT_MAX + 1);
	snprintf(yaml + head + SESSION_TEXT_MAX + 1, size - (size_t)head - SESSION_TEXT_MAX - 1,
		 "\"}\n");
	assert_null(store_parse("s.yaml", yaml, strlen(yaml), content, &d));
	assert_string_equal(diag_format(&d, message, sizeof(message)),
			    "s.yaml:5:19: invalid 'note': the text is too long");
	free(yaml);
}

/* The names of the metadata keys are the ones session.c uses. */
static void test_meta_keys_agree(void **state)
{
	(void)state;
	for (int f = 0; f < META_COUNT; f++)
		assert_string_equal(store_fields[SF_META + f].key,
				    session_meta_key((enum session_meta)f));
}

/* A text that is not UTF-8 (put there without the operations) makes the emitter fail cleanly. */
static void test_emit_failure_reported(void **state)
{
	struct session *s = session_new(content, "t");
	struct diag d;
	size_t len;
	char *buf = NULL;

	(void)state;
	free(s->meta[META_GROUP]);
	s->meta[META_GROUP] = strdup("caf\xe9");
	assert_false(store_emit(s, &buf, &len, &d));
	assert_null(buf);
	assert_string_equal(d.message, "cannot write the session: a text is not valid UTF-8");
	session_free(s);
}

/* ---- steps by id: a changed agenda ----------------------------------------------------- */

/* Returns the almanac with its agenda replaced by the steps AGENDA (YAML list items). */
static struct content *almanac_with_agenda(const char *agenda)
{
	const char *text = (const char *)content_builtin_yaml;
	const char *at = strstr(text, "\nagenda:\n");
	size_t head = (size_t)(at - text) + strlen("\nagenda:\n");
	char *yaml = malloc(head + strlen(agenda) + 1), message[2048];
	struct content *c;
	struct diag d;

	assert_non_null(at);
	assert_non_null(yaml);
	memcpy(yaml, text, head);
	strcpy(yaml + head, agenda);
	c = content_load_buffer("changed.yaml", yaml, strlen(yaml), &d);
	if (!c)
		fail_msg("%s", diag_format(&d, message, sizeof(message)));
	free(yaml);
	return c;
}

/* Reads YAML against C with FLAGS, emits it, and returns the bytes (malloc'd); *S gets the
 * session when S is not NULL (else it is freed). */
static char *reopen(const char *yaml, const struct content *c, unsigned flags,
		    struct session **s)
{
	char message[2048], *buf;
	struct diag d;
	size_t len;
	struct session *read = store_read("s.yaml", yaml, strlen(yaml), c, flags, &d);

	if (!read)
		fail_msg("%s", diag_format(&d, message, sizeof(message)));
	assert_true(store_emit(read, &buf, &len, &d));
	if (s)
		*s = read;
	else
		session_free(read);
	return buf;
}

/* Returns the malloc'd section of TEXT from the line "KEY:" to the next top-level key. */
static char *section(const char *text, const char *key)
{
	char head[64];
	const char *at, *end;
	char *copy;

	snprintf(head, sizeof(head), "\n%s:", key);
	at = strstr(text, head);
	assert_non_null(at);
	end = at + 1;
	do
		end = strchr(end + 1, '\n');
	while (end && end[1] && (end[1] == ' ' || end[1] == '-'));
	assert_non_null(end);
	copy = strndup(at, (size_t)(end - at));
	assert_non_null(copy);
	return copy;
}

/* Asserts that the sections KEY of A and B are the same bytes. */
static void expect_same_section(const char *a, const char *b, const char *key)
{
	char *x = section(a, key), *y = section(b, key);

	assert_string_equal(x, y);
	free(x);
	free(y);
}

static const char short_agenda[] =
	"  - { kind: welcome }\n"
	"  - { kind: phase, phase: 4 }\n"
	"  - { kind: score, dimension: content }\n"
	"  - { kind: score, dimension: mensen }\n"
	"  - { kind: text, title: \"Pauze\", text: \"Koffie.\" }\n"
	"  - { kind: actions }\n"
	"  - { kind: summary }\n";

/* The almanac's agenda backwards: every step again, in the other order. */
static char *reversed_agenda(void)
{
	const char *text = (const char *)content_builtin_yaml;
	const char *start = strstr(text, "\nagenda:\n") + strlen("\nagenda:\n");
	const char *lines[64];
	size_t n = 0, len = strlen(start);
	char *out = malloc(len + 2), *at = out;

	assert_non_null(out);
	for (const char *p = start; *p && n < 64; p = strchr(p, '\n') + 1)
		lines[n++] = p;
	while (n-- > 0) {
		size_t line = (size_t)(strchr(lines[n], '\n') - lines[n]) + 1;

		memcpy(at, lines[n], line);
		at += line;
	}
	*at = '\0';
	return out;
}

/* A session recorded with the almanac, opened with a shortened agenda, then a reordered
 * one, then the almanac again, has every timing and score of the first file, byte for byte;
 * the shortened open keeps what it cannot place and says so in one line. */
static void test_changed_agenda_keeps_everything(void **state)
{
	char *reversed = reversed_agenda();
	struct content *shorter = almanac_with_agenda(short_agenda);
	struct content *backwards = almanac_with_agenda(reversed);
	struct session *s = session_new(content, "Drie keer"), *opened;
	char *first, *second, *third, *fourth;
	struct diag d;
	const char *why;
	size_t len;

	(void)state;
	for (size_t i = 0; i < content->n_steps; i++)
		assert_true(session_tick(s, i, 100 + i, &why));
	assert_true(session_vote_add(s, content, 0, 3, &why));
	assert_true(session_set_current(s, content, 0, 3, &why));
	assert_true(session_set_note(s, 9, "mensen eerst", &why));
	assert_true(session_move(s, content, 10, &why)); /* score:content */
	assert_true(store_emit(s, &first, &len, &d));

	second = reopen(first, shorter, 0, &opened);
	assert_string_equal(opened->agenda_notice,
			    "The agenda has changed since this session: 16 timed steps it no "
			    "longer has are kept in the file; resuming at step 3, ‘Score: "
			    "content’.");
	assert_int_equal(opened->position, 2);
	assert_int_equal(opened->seconds[1], 105); /* phase:4, step 6 of the almanac */
	assert_int_equal(opened->seconds[4], 115); /* the break, step 16 */
	assert_int_equal(opened->origin->n_kept_timings, 16);
	session_free(opened);
	third = reopen(second, backwards, 0, &opened);
	assert_null(opened->agenda_notice);
	assert_int_equal(opened->origin->n_kept_timings, 0);
	assert_int_equal(opened->seconds[0], 122); /* the summary, now first */
	session_free(opened);
	fourth = reopen(third, content, 0, NULL);

	expect_same_section(first, fourth, "timings");
	expect_same_section(first, fourth, "scores");
	expect_same_section(first, fourth, "position");
	assert_string_equal(first, fourth);
	assert_non_null(strstr(first, "\nposition: \"score:content\"\n"));
	assert_non_null(strstr(first, "\n- {step: \"phase:4\", seconds: 105}\n"));
	free(first);
	free(second);
	free(third);
	free(fourth);
	session_free(s);
	content_free(shorter);
	content_free(backwards);
	free(reversed);
}

/* A step that is gone resumes at the nearest earlier one the timings name. */
static void test_resume_at_nearest_earlier(void **state)
{
	struct content *shorter = almanac_with_agenda(short_agenda);
	struct session *s;
	char *out;

	(void)state;
	out = reopen("meetlat_session: 1\ntitle: \"t\"\ncontent: {id: sociale-media-almanak}\n"
		     "position: \"chapters:4\"\ntimings:\n"
		     "  - {step: welcome, seconds: 5}\n  - {step: \"phase:4\", seconds: 6}\n"
		     "  - {step: \"citizen:4\", seconds: 7}\n  - {step: \"chapters:4\", seconds: 8}\n"
		     "  - {step: summary, seconds: 9}\n",
		     shorter, 0, &s);
	assert_int_equal(s->position, 1); /* phase:4: citizen:4 is gone too */
	assert_string_equal(s->agenda_notice,
			    "The agenda has changed since this session: 2 timed steps it no longer "
			    "has are kept in the file; resuming at step 2, ‘Phase 4: de gemeente "
			    "werkt samen’.");
	assert_non_null(strstr(out, "\ntimings:\n- {step: \"welcome\", seconds: 5}\n"
				    "- {step: \"phase:4\", seconds: 6}\n"
				    "- {step: \"summary\", seconds: 9}\n"
				    "- {step: \"citizen:4\", seconds: 7}\n"
				    "- {step: \"chapters:4\", seconds: 8}\n"));
	session_free(s);
	free(out);
	/* Not among the timings: the last step there that the agenda has. */
	out = reopen("meetlat_session: 1\ntitle: \"t\"\ncontent: {id: sociale-media-almanak}\n"
		     "position: \"table\"\ntimings:\n  - {step: \"phase:4\", seconds: 6}\n",
		     shorter, 0, &s);
	assert_int_equal(s->position, 1);
	session_free(s);
	free(out);
	out = reopen("meetlat_session: 1\ntitle: \"t\"\ncontent: {id: sociale-media-almanak}\n"
		     "position: \"table\"\n", shorter, 0, &s);
	assert_int_equal(s->position, 0);
	assert_string_equal(s->agenda_notice,
			    "The agenda has changed since this session; resuming at step 1, "
			    "‘Welcome: Sociale media almanak’.");
	session_free(s);
	free(out);
	content_free(shorter);
}

/* An old file (steps by number) of this very content (its sha256) is converted to ids; a
 * step listed twice gets the sum and its second entry, unknown keys and all, is kept. */
static void test_old_numbers_converted(void **state)
{
	char yaml[1024], *out;
	struct session *s;

	(void)state;
	snprintf(yaml, sizeof(yaml),
		 "meetlat_session: 1\ntitle: \"t\"\n"
		 "content: {id: sociale-media-almanak, sha256: \"%s\"}\nposition: 11\n"
		 "timings:\n  - {step: 6, seconds: 412, paused: true}\n"
		 "  - {step: 1, seconds: 30}\n  - {step: 6, seconds: 8, by: \"Ann\"}\n",
		 content->sha256);
	out = reopen(yaml, content, 0, &s);
	assert_int_equal(s->position, 10);
	assert_int_equal(s->seconds[5], 420);
	assert_int_equal(s->seconds[0], 30);
	assert_null(s->agenda_notice);
	assert_int_equal(s->n_warnings, 0);
	assert_non_null(strstr(out, "\nposition: \"score:content\"\n"));
	assert_non_null(strstr(out, "\ntimings:\n- {step: \"welcome\", seconds: 30}\n"
				    "- {step: \"phase:4\", seconds: 412, paused: true}\n"
				    "- {step: 6, seconds: 8, by: \"Ann\"}\n"));
	session_free(s);
	free(out);
}

/* A step listed twice counts the sum; the second entry, unknown keys and all, is written back
 * after the others, and the first carries the rest of the time, also after more ticks. */
static void test_repeated_timing_kept(void **state)
{
	struct session *s;
	const char *why;
	char *out, *again;

	(void)state;
	out = reopen("meetlat_session: 1\ntitle: \"t\"\ncontent: {id: sociale-media-almanak}\n"
		     "timings:\n  - {step: \"phase:4\", seconds: 10, a: 1}\n"
		     "  - {step: summary, seconds: 2}\n"
		     "  - {step: \"phase:4\", seconds: 5, b: {c: \"two\"}}\n",
		     content, 0, &s);
	assert_int_equal(s->seconds[5], 15);
	assert_null(s->agenda_notice);
	assert_true(session_tick(s, 5, 3, &why));
	free(out);
	assert_true(store_emit(s, &out, &(size_t){ 0 }, &(struct diag){ 0 }));
	assert_non_null(strstr(out, "\ntimings:\n- {step: \"phase:4\", seconds: 13, a: 1}\n"
				    "- {step: \"summary\", seconds: 2}\n"
				    "- {step: \"phase:4\", seconds: 5, b: {c: \"two\"}}\n"));
	session_free(s);
	again = reopen(out, content, 0, &s);
	assert_int_equal(s->seconds[5], 18);
	assert_string_equal(again, out);
	session_free(s);
	free(again);
	free(out);
}

/* Asserts that store_emit writes S byte for byte as libyaml alone writes it. */
static void check_written_as_libyaml(const struct session *s)
{
	char *direct = NULL, *libyaml = emit_with(s, false, &(size_t){ 0 });

	assert_true(store_emit(s, &direct, &(size_t){ 0 }, &(struct diag){ 0 }));
	assert_string_equal(direct, libyaml);
	free(direct);
	free(libyaml);
}

/* The head (details, content, stamps, position, scores) and the timings, which store_emit
 * writes without libyaml when it can, come out byte for byte as libyaml writes them: for
 * every hostile text as each detail and as a note, with votes, phases, an empty row kept
 * from the file, a row id libyaml would read as a number, and steps timed. */
static void test_head_as_libyaml_writes(void **state)
{
	static const char *const more[] = { "caf\u00e9 \u20ac \u00a0 x", "\U0001F600 smile",
					    "\ufeff bom", "", "2024", "yes" };
	const char *why;

	(void)state;
	for (size_t i = 0; i < HOSTILE_COUNT + 6; i++) {
		const char *text = i < HOSTILE_COUNT ? hostile_strings[i] : more[i - HOSTILE_COUNT];
		struct session *s = session_new(content, "t");

		for (int f = 0; f < META_COUNT; f++)
			if (f != META_DATE && f != META_PARTICIPANTS)
				session_set_meta(s, (enum session_meta)f, text, &why);
		session_set_meta(s, META_DATE, i % 2 ? "2026-12-01" : "", &why);
		session_set_meta(s, META_PARTICIPANTS, i % 3 ? "14" : "", &why);
		if (i % 2) {
			assert_true(session_vote_add(s, content, 0, 3, &why));
			assert_true(session_vote_add(s, content, 0, 2, &why));
			assert_true(session_set_current(s, content, 0, 2, &why));
		}
		if (i % 3)
			assert_true(session_set_target(s, content, 1, 4, &why));
		session_set_note(s, 2, text, &why);
		if (i % 4 == 1)
			assert_true(session_tick(s, 3, 75, &why));
		if (i % 5 < 2) /* a row with votes shown to the room, and one with nothing else */
			assert_true(session_set_revealed(s, i % 5 ? 0 : 4, true, &why));
		if (i % 3 == 2)
			session_set_showing(s, SHOWING_SUMMARY);
		assert_true(session_move(s, content, i % content->n_steps, &why));
		check_written_as_libyaml(s);
		session_free(s);
	}
}

/* A session read from a file, with rows the content lacks (one an empty mapping, one whose id
 * libyaml reads as a number), is written as libyaml writes it; one with unknown keys goes
 * through libyaml and still reads back. */
static void test_read_head_as_libyaml_writes(void **state)
{
	struct session *s;
	char *out;

	(void)state;
	out = reopen("meetlat_session: 1\ntitle: \"t\"\ndate: 2026-11-26\nparticipants: 8\n"
		     "content: {id: sociale-media-almanak}\ncreated: 2026-11-26T14:03:00+01:00\n"
		     "updated: 2026-11-26T15:40:12Z\nposition: \"phase:2\"\nscores:\n"
		     "  gone: {}\n  \"2024\": {votes: [1, 4]}\n  content: {current: 3}\n"
		     "timings:\n  - {step: welcome, seconds: 60}\n",
		     content, 0, &s);
	assert_non_null(strstr(out, "scores:\n  content:\n    current: 3\n  gone: {}\n"
				    "  \"2024\":\n    votes: [1, 4]\nactions: []\n"));
	check_written_as_libyaml(s);
	session_free(s);
	free(out);
}

/* What the room sees is kept: a row whose votes were revealed and the summary shown over the
 * step are written (`revealed: true`, `showing: summary`), read back the same and written
 * again byte for byte (by the direct writer as by libyaml); hiding them again writes neither
 * key. A file without these keys (an older one) shows the step and hides every row; an
 * unknown value of `showing` shows the step with a warning; a `revealed` that is no boolean
 * is refused with its place. */
static void test_room_state_round_trip(void **state)
{
	struct session *s = session_new(content, "t"), *back;
	char *out, *again, message[512];
	const char *why;
	struct diag d;

	(void)state;
	assert_true(session_vote_add(s, content, 2, 3, &why));
	s->dirty = false;
	assert_true(session_set_revealed(s, 2, true, &why));
	assert_true(s->dirty);
	assert_true(session_set_revealed(s, 5, true, &why));
	assert_false(session_set_revealed(s, content->n_dimensions, true, &why));
	session_set_showing(s, SHOWING_SUMMARY);
	back = round_trip(s, &out);
	assert_non_null(strstr(out, "\nshowing: summary\nscores:\n"));
	assert_non_null(strstr(out, "    votes: [3]\n    revealed: true\n"));
	assert_int_equal(back->showing, SHOWING_SUMMARY);
	for (size_t i = 0; i < content->n_dimensions; i++)
		assert_int_equal(back->scores[i].revealed, i == 2 || i == 5);
	check_written_as_libyaml(back);
	session_free(round_trip(back, &again));
	assert_string_equal(again, out);
	free(again);
	assert_true(session_set_revealed(back, 2, false, &why));
	assert_true(session_set_revealed(back, 5, false, &why));
	session_set_showing(back, SHOWING_STEP);
	session_free(round_trip(back, &again));
	assert_null(strstr(again, "revealed"));
	assert_null(strstr(again, "showing"));
	free(again);
	session_free(back);
	session_free(s);
	free(out);

	s = parse_ok("meetlat_session: 1\ntitle: \"t\"\ncontent: {id: sociale-media-almanak}\n"
		     "scores:\n  conversatie: {votes: [2]}\n");
	assert_int_equal(s->showing, SHOWING_STEP);
	for (size_t i = 0; i < s->n_scores; i++)
		assert_false(s->scores[i].revealed);
	session_free(s);
	s = parse_ok("meetlat_session: 1\ntitle: \"t\"\ncontent: {id: sociale-media-almanak}\n"
		     "showing: actions\n");
	assert_int_equal(s->showing, SHOWING_STEP);
	assert_int_equal(s->n_warnings, 1);
	assert_non_null(strstr(s->warnings[0], "showing: actions"));
	session_free(s);
	assert_null(store_parse("s.yaml",
				"meetlat_session: 1\ntitle: \"t\"\ncontent: {id: sociale-media-almanak}\n"
				"scores:\n  conversatie: {revealed: maybe}\n",
				108, content, &d));
	diag_format(&d, message, sizeof(message));
	assert_non_null(strstr(message, "s.yaml:5:"));
	assert_non_null(strstr(message, "revealed"));
}

/* Where the room's view of the step is, is kept: the table's row selected (by its id, so
 * that another size or a resume selects the same row) and how far the step is scrolled (per
 * mille) are written, read back the same, and written again byte for byte, by the direct
 * writer as by libyaml; the top and the first row write neither key; moving to another step
 * starts it at its top. A row the content does not have and a scroll out of range are left
 * out with a warning, the file still read. */
static void test_view_round_trip(void **state)
{
	struct session *s = session_new(content, "t"), *back;
	char *out, *again;
	const char *why;

	(void)state;
	s->dirty = false;
	assert_true(session_set_view(s, 3, 250, &why));
	assert_true(s->dirty);
	assert_false(session_set_view(s, content->n_dimensions, 0, &why));
	back = round_trip(s, &out);
	assert_non_null(strstr(out, "\nselected: "));
	assert_non_null(strstr(out, content->dimensions[3].id));
	assert_non_null(strstr(out, "\nscrolled: 250\n"));
	assert_int_equal(back->selected, 3);
	assert_int_equal(back->scrolled, 250);
	check_written_as_libyaml(s);
	check_written_as_libyaml(back);
	session_free(round_trip(back, &again));
	assert_string_equal(again, out);
	free(again);
	assert_true(session_set_view(back, 0, SESSION_SCROLLED_END + 5, &why));
	assert_int_equal(back->scrolled, SESSION_SCROLLED_END); /* at most the end */
	check_written_as_libyaml(back);
	assert_true(session_set_view(back, 0, 0, &why));
	session_free(round_trip(back, &again));
	assert_null(strstr(again, "selected"));
	assert_null(strstr(again, "scrolled"));
	free(again);
	assert_true(session_set_view(back, 2, 500, &why));
	assert_true(session_move(back, content, 4, &why));
	assert_int_equal(back->selected, 0);
	assert_int_equal(back->scrolled, 0);
	session_free(back);
	session_free(s);
	free(out);

	s = parse_ok("meetlat_session: 1\ntitle: \"t\"\ncontent: {id: sociale-media-almanak}\n"
		     "selected: no-such-row\nscrolled: 4000\n");
	assert_int_equal(s->selected, 0);
	assert_int_equal(s->scrolled, 0);
	assert_int_equal(s->n_warnings, 2);
	assert_non_null(strstr(s->warnings[0], "selected: no-such-row"));
	assert_non_null(strstr(s->warnings[1], "scrolled"));
	session_free(s);
}

/* Timings of steps the content lacks are written back as read, also when no step of the
 * content has one, before the unknown top-level keys; every save writes the same lines (they
 * are made once and kept), and a step timed later comes before them. */
static void test_kept_timings_only(void **state)
{
	static const char kept[] = "timings:\n- {step: \"text:gone\", seconds: 5, x: [1, 2]}\n"
				   "- {step: \"text:also-gone\", seconds: 7}\n"
				   "future: \"yes\"\n";
	struct session *s;
	const char *why, *made;
	char *out, *again;

	(void)state;
	out = reopen("meetlat_session: 1\ntitle: \"t\"\ncontent: {id: sociale-media-almanak}\n"
		     "timings:\n  - {step: \"text:gone\", seconds: 5, x: [1, 2]}\n"
		     "  - {step: \"text:also-gone\", seconds: 7}\nfuture: \"yes\"\n",
		     content, 0, &s);
	assert_non_null(strstr(out, kept));
	assert_true(store_emit(s, &again, &(size_t){ 0 }, &(struct diag){ 0 }));
	assert_string_equal(again, out);
	free(again);
	made = s->origin->kept_text;
	assert_non_null(made);
	assert_true(session_tick(s, 0, 3, &why));
	assert_true(store_emit(s, &again, &(size_t){ 0 }, &(struct diag){ 0 }));
	assert_non_null(strstr(again, "timings:\n- {step: \"welcome\", seconds: 3}\n"
				      "- {step: \"text:gone\", seconds: 5, x: [1, 2]}\n"));
	assert_ptr_equal(s->origin->kept_text, made);
	free(again);
	free(out);
	session_free(s);
}

/* An old file whose content has changed since cannot be trusted with its numbers: they are
 * kept as written, and the walk resumes at the position's number. */
static void test_old_numbers_kept(void **state)
{
	char yaml[1024], *out, *again;
	struct session *s;

	(void)state;
	snprintf(yaml, sizeof(yaml),
		 "meetlat_session: 1\ntitle: \"t\"\n"
		 "content: {id: sociale-media-almanak, sha256: \"%064d\"}\nposition: 5\n"
		 "timings:\n  - {step: 6, seconds: 412}\n  - {step: 40, seconds: 3, x: 1}\n", 0);
	out = reopen(yaml, content, 0, &s);
	assert_int_equal(s->position, 4);
	for (size_t i = 0; i < s->n_seconds; i++)
		assert_int_equal(s->seconds[i], 0);
	assert_string_equal(s->agenda_notice,
			    "The agenda has changed since this session, which counted steps by "
			    "number: 2 timed steps are kept in the file as written; resuming at "
			    "step 5, ‘Phase 3: de gemeente converseert’.");
	assert_non_null(strstr(out, "\nposition: \"phase:3\"\n"));
	assert_non_null(strstr(out, "\ntimings:\n- {step: 6, seconds: 412}\n"
				    "- {step: 40, seconds: 3, x: 1}\n"));
	session_free(s);
	again = reopen(out, content, 0, NULL);
	assert_string_equal(again, out);
	free(again);
	free(out);
}

/* A session of another content opens only when the caller allows it; it is then this
 * content's, and what that cannot place is kept. */
static void test_other_content(void **state)
{
	static const char yaml[] =
		"meetlat_session: 1\ntitle: \"t\"\ncontent: {id: other-content, sha256: "
		"\"0000000000000000000000000000000000000000000000000000000000000000\"}\n"
		"position: \"step-x\"\nscores:\n  elsewhere: {current: 2}\n"
		"timings:\n  - {step: \"step-x\", seconds: 60}\n  - {step: 3, seconds: 4}\n";
	struct session *s;
	struct diag d;
	char *out, expected[256];

	(void)state;
	assert_null(store_parse("s.yaml", yaml, strlen(yaml), content, &d));
	out = reopen(yaml, content, STORE_ANY_CONTENT, &s);
	assert_string_equal(s->other_content_id, "other-content");
	assert_string_equal(s->warnings[0],
			    "this session was scored against the content 'other-content', not "
			    "'sociale-media-almanak': what 'sociale-media-almanak' does not have is "
			    "kept in the file but not shown");
	snprintf(expected, sizeof(expected),
		 "\ncontent: {id: sociale-media-almanak, sha256: \"%s\"}\n", content->sha256);
	assert_non_null(strstr(out, expected));
	assert_non_null(strstr(out, "\n  elsewhere:\n    current: 2\n"));
	assert_non_null(strstr(out, "\ntimings:\n- {step: \"step-x\", seconds: 60}\n"
				    "- {step: 3, seconds: 4}\n"));
	session_free(s);
	free(out);
}

/* A content file given as a session says how to use it instead. */
static void test_content_file_as_session(void **state)
{
	static const char yaml[] = "meetlat_content: 1\nid: kort\ntitle: \"Kort\"\n";
	char message[2048];
	struct diag d;

	(void)state;
	assert_null(store_parse("kort.yaml", yaml, strlen(yaml), content, &d));
	assert_string_equal(diag_format(&d, message, sizeof(message)),
			    "kort.yaml:1:1: this is a content file, not a session file; to run a "
			    "workshop with it, give it with -c: meetlat -c kort.yaml SESSION");
}

/* ---- created and updated: local time with its offset ------------------------------------ */

/* One moment as a session file writes it in one time zone. */
struct zoned {
	const char *tz;
	time_t when;
	const char *written;
};

/* 1796126709 is 2026-12-01 12:05:09 UTC (winter), 1782907509 2026-07-01 12:05:09 UTC
 * (summer); 1792889999 and 1792890000 are the last second of summer time in Amsterdam
 * (2026-10-25 00:59:59 UTC) and the first of winter time, which starts an hour that local
 * time goes through twice: only the offset tells the two 02:30s apart. */
static const struct zoned zoned[] = {
	{ "Europe/Amsterdam", 1796126709, "2026-12-01T13:05:09+01:00" },
	{ "Europe/Amsterdam", 1782907509, "2026-07-01T14:05:09+02:00" },
	{ "Europe/Amsterdam", 1792889999, "2026-10-25T02:59:59+02:00" },
	{ "Europe/Amsterdam", 1792890000, "2026-10-25T02:00:00+01:00" },
	{ "UTC", 1796126709, "2026-12-01T12:05:09+00:00" },
	{ "America/St_Johns", 1796126709, "2026-12-01T08:35:09-03:30" },
	{ "Asia/Kolkata", 1782907509, "2026-07-01T17:35:09+05:30" },
};

/* A moment is written as local time with the local offset of that moment, in winter and in
 * summer, in UTC, west of Greenwich and at half hours. */
static void test_time_format_local_offset(void **state)
{
	char *saved = zone_save(), buf[32];

	(void)state;
	for (size_t i = 0; i < sizeof(zoned) / sizeof(zoned[0]); i++) {
		use_zone(zoned[i].tz);
		session_time_format(zoned[i].when, buf, sizeof(buf));
		if (strcmp(buf, zoned[i].written) != 0)
			fail_msg("%s at %lld: wrote %s, expected %s", zoned[i].tz,
				 (long long)zoned[i].when, buf, zoned[i].written);
	}
	/* Now, as a save stamps it: the offset of this moment in that zone. */
	use_zone("Europe/Amsterdam");
	for (;;) {
		time_t before = time(NULL);
		char expected[32];

		session_timestamp(buf, sizeof(buf));
		session_time_format(before, expected, sizeof(expected));
		if (time(NULL) != before)
			continue; /* a second passed in between: once more */
		assert_string_equal(buf, expected);
		assert_true(strcmp(buf + 19, "+01:00") == 0 || strcmp(buf + 19, "+02:00") == 0);
		break;
	}
	zone_restore(saved);
}

/* Created and updated are written with their offset and read back as written, whatever the
 * zone of the reader; stamps in UTC written with Z (as other tools and older files may have
 * them) are read and kept as they are. */
static void test_time_stamps_round_trip(void **state)
{
	static const char *const readers[] = { "UTC", "Europe/Amsterdam", "America/St_Johns" };
	char *saved = zone_save(), *text, line[64];
	struct session *s, *back;

	(void)state;
	for (size_t i = 0; i < sizeof(zoned) / sizeof(zoned[0]); i++) {
		use_zone(zoned[i].tz);
		s = session_new(content, "Tijd");
		assert_non_null(s);
		session_time_format(zoned[i].when, s->created, sizeof(s->created));
		session_time_format(zoned[i].when + 3600, s->updated, sizeof(s->updated));
		use_zone(readers[i % 3]);
		back = round_trip(s, &text);
		snprintf(line, sizeof(line), "\ncreated: %s\n", zoned[i].written);
		assert_non_null(strstr(text, line));
		check_equal_sessions(s, back);
		free(text);
		session_free(back);
		session_free(s);
	}
	s = parse_ok("meetlat_session: 1\ntitle: \"t\"\ncontent: {id: sociale-media-almanak}\n"
		     "created: 2026-12-01T12:05:09Z\nupdated: 2026-12-01T13:00:00Z\n");
	assert_string_equal(s->created, "2026-12-01T12:05:09Z");
	assert_string_equal(s->updated, "2026-12-01T13:00:00Z");
	back = round_trip(s, &text);
	assert_non_null(strstr(text, "\ncreated: 2026-12-01T12:05:09Z\n"));
	check_equal_sessions(s, back);
	free(text);
	session_free(back);
	session_free(s);
	zone_restore(saved);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_hostile_texts_round_trip),
		cmocka_unit_test(test_hostile_session_round_trip),
		cmocka_unit_test(test_empty_session_round_trip),
		cmocka_unit_test(test_emitted_layout),
		cmocka_unit_test(test_action_lines_as_libyaml_writes),
		cmocka_unit_test(test_unknown_keys_kept),
		cmocka_unit_test(test_kept_timings_only),
		cmocka_unit_test(test_room_state_round_trip),
		cmocka_unit_test(test_view_round_trip),
		cmocka_unit_test(test_head_as_libyaml_writes),
		cmocka_unit_test(test_read_head_as_libyaml_writes),
		cmocka_unit_test(test_unknown_keys_follow_their_action),
		cmocka_unit_test(test_unknown_keys_follow_edits),
		cmocka_unit_test(test_content_checks),
		cmocka_unit_test(test_malformed_files),
		cmocka_unit_test(test_byte_order_mark),
		cmocka_unit_test(test_quoted_numbers_are_text),
		cmocka_unit_test(test_note_too_long),
		cmocka_unit_test(test_meta_keys_agree),
		cmocka_unit_test(test_emit_failure_reported),
		cmocka_unit_test(test_changed_agenda_keeps_everything),
		cmocka_unit_test(test_resume_at_nearest_earlier),
		cmocka_unit_test(test_old_numbers_converted),
		cmocka_unit_test(test_old_numbers_kept),
		cmocka_unit_test(test_repeated_timing_kept),
		cmocka_unit_test(test_other_content),
		cmocka_unit_test(test_content_file_as_session),
		cmocka_unit_test(test_time_format_local_offset),
		cmocka_unit_test(test_time_stamps_round_trip),
	};

	return cmocka_run_group_tests(tests, load_content, free_content);
}
