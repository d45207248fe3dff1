/* content.h - the almanac a workshop walks through: phases, the behaviour table, the agenda.
 *
 * A content is read-only once loaded; all its text lives in one arena (the built-in one's in
 * static data, made at build time) and is valid UTF-8 without NUL characters (control
 * characters are possible: sanitise before display). */
#ifndef MEETLAT_CONTENT_H
#define MEETLAT_CONTENT_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"
#include "sha256.h"

enum {
	CONTENT_VERSION = 1,
	CONTENT_PHASES_MAX = 9, /* a vote is typed as one digit */
};

/* A titled text such as "De burger ervaart een partner"; TEXT is NULL when absent. */
struct content_block {
	const char *title;
	const char *text;
};

struct content_chapter {
	const char *title;
	const char *const *authors;
	size_t n_authors;
	const char *source; /* the name of a content_source, or NULL */
	const char *text;   /* or NULL */
};

/* An earlier publication that chapters are carried over from. */
struct content_source {
	const char *name;
	const char *heading; /* as the almanac writes it, e.g. "Uit Sociaal kapitaal:" */
};

struct content_phase {
	int number; /* 1..n_phases, in order */
	const char *name, *summary, *intro;
	const char *title, *lead, *figure, *heading; /* NULL when absent */
	struct content_block citizen, reading_guide;
	const char *chapters_heading, *sources_heading; /* NULL when absent */
	const struct content_chapter *chapters;
	size_t n_chapters;
	const struct content_source *sources;
	size_t n_sources;
	bool draft;
};

struct content_cell {
	const char *text;
	bool draft;
};

struct content_dimension {
	const char *id, *name;
	size_t group;                     /* index into content.groups */
	const struct content_cell *cells; /* one per phase: cells[number - 1] */
};

struct content_group {
	const char *id, *title;
	size_t first, count; /* the dimensions of the group, in content.dimensions */
};

enum step_kind {
	STEP_WELCOME,
	STEP_MODEL,
	STEP_PHASE,
	STEP_CITIZEN,
	STEP_READING_GUIDE,
	STEP_CHAPTERS,
	STEP_TABLE,
	STEP_SCORE,
	STEP_ACTIONS,
	STEP_SUMMARY,
	STEP_TEXT,
	STEP_FOLLOWUP, /* last time's open actions: placed first by content_with_followup, never
			  named in a content file */
	STEP_KIND_COUNT
};

struct content_step {
	const char *id;   /* stable over edits of the agenda: given as `id:`, else derived from
			     kind and target ("phase:4", "score:content", "text:pauze"), with
			     "#2", "#3", ... on later repeats */
	enum step_kind kind;
	int phase;        /* STEP_PHASE, _CITIZEN, _READING_GUIDE, _CHAPTERS: 1..n_phases */
	size_t dimension; /* STEP_SCORE: index into content.dimensions */
	const char *title; /* given by the trainer, or NULL */
	const char *text;  /* STEP_TEXT only */
	unsigned minutes;  /* planned; 0 when not planned */
};

struct name_index;

struct content {
	struct arena *arena; /* NULL in the built-in content, which is static data */
	const char *id, *title, *language;
	const struct content_phase *phases;
	size_t n_phases;
	const struct content_group *groups;
	size_t n_groups;
	const struct content_dimension *dimensions;
	size_t n_dimensions;
	const struct name_index *dimension_ids; /* row id -> index into dimensions */
	const struct content_step *steps;
	size_t n_steps;
	const struct name_index *step_ids;      /* step id -> index into steps */
	char sha256[SHA256_HEX]; /* of the file's bytes */
};

/* The name under which the built-in almanac is reported in messages. */
extern const char content_builtin_name[];

/* Loads the content file PATH; returns NULL with a located message in D. */
struct content *content_load_file(const char *path, struct diag *d);

/* Loads content from the LEN bytes at BUF, called NAME in messages; NULL with D on error. */
struct content *content_load_buffer(const char *name, const char *buf, size_t len,
				    struct diag *d);

/* Returns the almanac compiled into the program: static data made at build time from
 * content/almanak.yaml by the same loader, so nothing is parsed or hashed; never NULL. */
struct content *content_load_builtin(struct diag *d);

/* As content_load_file, _buffer and _builtin, but going on after an error, to report every
 * one found (at most DIAG_LIST_MAX) in ERRORS, in the order of the file. A YAML syntax error
 * ends the search; an error in one phase, chapter, source, group, row or step does not.
 * NULL when ERRORS holds any. content_load_builtin_all checks the bytes of the built-in
 * almanac (as `meetlat --check` does without a file) and returns a content loaded from them. */
struct content *content_load_file_all(const char *path, struct diag_list *errors);
struct content *content_load_buffer_all(const char *name, const char *buf, size_t len,
					struct diag_list *errors);
struct content *content_load_builtin_all(struct diag_list *errors);

/* Reads the language that the content file PATH names on a line "language: CODE" of its own
 * (as `meetlat --check` needs before the loader's messages are written, even when the file does
 * not load) into CODE; false when the file cannot be read or names none that way. */
bool content_sniff_language(const char *path, char code[16]);

/* Releases C and everything it holds; NULL and the built-in content (which holds nothing to
 * release) are allowed. */
void content_free(struct content *c);

/* Returns the index of the dimension with ID, or -1, in expected constant time. */
long content_dimension_index(const struct content *c, const char *id);

/* Returns the index of the agenda step whose id is ID, or -1. */
long content_step_index(const struct content *c, const char *id);

enum step_ids_result { STEP_IDS_OK, STEP_IDS_DUPLICATE, STEP_IDS_EXHAUSTED };

/* Gives each of the N STEPS of C that has no id one derived from its kind and target (given
 * ids are taken first; a derived id already taken gets "#2", "#3", ...), and indexes them
 * all by id in C's arena (then C->steps is STEPS). Two equal given ids: STEP_IDS_DUPLICATE
 * with the indices of the first and the second in DUP. */
enum step_ids_result content_index_steps(struct content *c, struct content_step *steps,
					 size_t n, size_t dup[2]);

/* Returns the phase numbered NUMBER, or NULL. */
const struct content_phase *content_phase(const struct content *c, int number);

/* What a step of one kind is called in the agenda and what it takes. */
struct step_kind_info {
	const char *name;       /* the agenda keyword: "welcome", "score", ... */
	bool takes_phase;       /* needs `phase:` */
	bool takes_dimension;   /* needs `dimension:` */
	bool takes_text;        /* needs `title:` and `text:` */
	unsigned default_minutes; /* planned in the agenda derived when a content has none */
};

/* Returns what a step of KIND is and takes. */
const struct step_kind_info *step_kind_info(enum step_kind kind);

/* Returns the kind whose agenda keyword is NAME, or STEP_KIND_COUNT. */
enum step_kind step_kind_from_name(const char *name);

/* Writes a one-line label for step I into BUF: its title, or one derived from its kind in the
 * language spoken now ("Phase 2: Name", "Fase 2: Naam"). */
const char *content_step_label(const struct content *c, size_t i, char *buf, size_t size);

/* Returns a new content that is C with one step of last time's open actions (STEP_FOLLOWUP,
 * id "follow-up", MINUTES planned) before its agenda; every other step keeps its id, so time
 * and position recorded by id stay with their steps. C must outlive it; content_free releases
 * it. NULL when memory is exhausted. */
struct content *content_with_followup(const struct content *c, unsigned minutes);

/* Returns true when the agenda of C has a step of last time's open actions. */
bool content_has_followup(const struct content *c);

/* Returns the total planned minutes of the agenda. */
unsigned content_planned_minutes(const struct content *c);

#endif
