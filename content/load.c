/* load.c - reads and validates a content file (meetlat(5)) into a struct content. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "arena.h"
#include "content.h"
#include "i18n.h"
#include "index.h"
#include "mem.h"
#include "ynode.h"

/* A loader goes on after an error in one item of a list (a phase, chapter, source, group, row
 * or step) with the next item, so that a check reports every error it can find. The functions
 * below return false with the error in D when what they load is unusable; a list records the
 * error of a failed item in ERRORS and goes on, and returns false only when ERRORS is full or
 * the list itself is unusable. */
struct loader {
	struct ydoc doc;
	struct content *c;
	struct diag *d;              /* the error of the function that returned false */
	struct diag_list *errors;    /* the errors recorded so far */
	struct name_index *sources;  /* the names of the sources of the phase being loaded */
	struct name_index *rows;     /* the ids of the rows of the table, kept in the content */
	unsigned failed_phases;      /* bit N - 1: phase N has an error */
};

/* Records the error in D; returns true when there is room to look for the next one. */
static bool loader_record(struct loader *l)
{
	return diag_list_add(l->errors, l->d) && !diag_list_full(l->errors);
}

/* Reports in D that memory ran out while FILE was loaded. */
static void out_of_memory(struct diag *d, const char *file)
{
	diag_set(d, file, 0, 0, "%s", _("out of memory"));
}

/* Returns COUNT (at least one) zeroed objects of SIZE from the content's arena, or NULL with
 * the exhaustion reported. */
static void *loader_alloc(struct loader *l, size_t count, size_t size)
{
	void *p = arena_alloc(l->c->arena, (count ? count : 1) * size);

	if (!p)
		out_of_memory(l->d, l->doc.file);
	return p;
}

/* Stores the text at NODE in *OUT (NULL when NODE is absent); refuses an empty text. */
static bool load_text(struct loader *l, const struct ynode *node, const char *what,
		      const char **out)
{
	*out = NULL;
	if (!node)
		return true;
	if (!ynode_text(&l->doc, node, what, out, l->d))
		return false;
	if (node->length == 0) {
		/* TRANSLATORS: %s names a part of a content file, such as "the name of a phase"
		 * or a key in quotes ('title'). */
		ydoc_error(&l->doc, node, l->d, _("%s must not be empty"), what);
		return false;
	}
	return true;
}

/* Loads a titled text: a plain text, or a mapping with `title` and `text`. */
static bool load_block(struct loader *l, const struct ynode *node, const char *what,
		       struct content_block *b)
{
	static const struct yfield fields[] = { { "title", false }, { "text", true } };
	const struct ynode *v[2];
	char title[96], text[96];

	b->title = b->text = NULL;
	if (!node)
		return true;
	if (node->kind == YNODE_SCALAR)
		return load_text(l, node, what, &b->text);
	/* TRANSLATORS: %s is a key in quotes, such as 'citizen'. */
	snprintf(title, sizeof(title), _("the title of %s"), what);
	snprintf(text, sizeof(text), _("the text of %s"), what);
	return ynode_fields(&l->doc, node, what, fields, 2, false, v, l->d) &&
	       load_text(l, v[0], title, &b->title) && load_text(l, v[1], text, &b->text);
}

/* Loads source NODE (number I of its phase) into S; its name is indexed as soon as it is read,
 * so that a chapter naming it is not blamed for an error in its heading. */
static bool load_source(struct loader *l, const struct ynode *node, size_t i,
			struct content_source *s)
{
	static const struct yfield fields[] = { { "name", true }, { "heading", false } };
	const struct ynode *v[2];
	size_t earlier;

	/* TRANSLATORS: the phrases "a source", "the name of a source", "a phase", ... name a
	 * part of a content file in the messages about it, e.g. "missing key 'name' in a source"
	 * or "expected a text for the name of a source, found a list". */
	if (!ynode_fields(&l->doc, node, _("a source"), fields, 2, false, v, l->d) ||
	    !load_text(l, v[0], _("the name of a source"), &s->name))
		return false;
	name_index_add(l->sources, s->name, i, &earlier); /* a repeated name names the same */
	return load_text(l, v[1], _("the heading of a source"), &s->heading);
}

/* Loads the list of earlier publications of phase P. */
static bool load_sources(struct loader *l, const struct ynode *node, struct content_phase *p)
{
	struct content_source *sources;

	l->sources = NULL;
	if (!node)
		return true;
	if (!ynode_expect(&l->doc, node, YNODE_SEQUENCE, "'sources'", l->d))
		return false;
	sources = loader_alloc(l, node->count, sizeof(*sources));
	l->sources = name_index_new(l->c->arena, node->count);
	if (!sources || !l->sources) {
		out_of_memory(l->d, l->doc.file);
		return false;
	}
	p->sources = sources;
	p->n_sources = node->count;
	for (size_t i = 0; i < node->count; i++)
		if (!load_source(l, node->items[i], i, &sources[i]) && !loader_record(l))
			return false;
	return true;
}

/* Returns true when the phase being loaded lists a source called NAME. */
static bool phase_has_source(const struct loader *l, const char *name)
{
	size_t i;

	return l->sources && name_index_find(l->sources, name, &i);
}

/* Loads the authors of a chapter: a list of texts, or a single text. */
static bool load_authors(struct loader *l, const struct ynode *node, struct content_chapter *ch)
{
	const char **authors;

	if (!node)
		return true;
	if (node->kind == YNODE_SCALAR) {
		authors = loader_alloc(l, 1, sizeof(*authors));
		ch->n_authors = 1;
		ch->authors = authors;
		return authors && load_text(l, node, _("an author"), &authors[0]);
	}
	if (!ynode_expect(&l->doc, node, YNODE_SEQUENCE, "'authors'", l->d))
		return false;
	authors = loader_alloc(l, node->count, sizeof(*authors));
	if (!authors)
		return false;
	for (size_t i = 0; i < node->count; i++)
		if (!load_text(l, node->items[i], _("an author"), &authors[i]))
			return false;
	ch->authors = authors;
	ch->n_authors = node->count;
	return true;
}

/* Loads one chapter of the phase being loaded from NODE. */
static bool load_chapter(struct loader *l, const struct ynode *node, struct content_chapter *ch)
{
	static const struct yfield fields[] = {
		{ "title", true }, { "authors", false }, { "source", false }, { "text", false }
	};
	const struct ynode *v[4];

	if (!ynode_fields(&l->doc, node, _("a chapter"), fields, 4, false, v, l->d) ||
	    !load_text(l, v[0], _("the title of a chapter"), &ch->title) || !load_authors(l, v[1], ch) ||
	    !load_text(l, v[2], _("the source of a chapter"), &ch->source) ||
	    !load_text(l, v[3], _("the text of a chapter"), &ch->text))
		return false;
	if (ch->source && !phase_has_source(l, ch->source)) {
		ydoc_error(&l->doc, v[2], l->d,
			   _("unknown source '%s' (expected the name of an entry of 'sources')"),
			   ch->source);
		return false;
	}
	return true;
}

/* Loads the chapters of phase P. */
static bool load_chapters(struct loader *l, const struct ynode *node, struct content_phase *p)
{
	struct content_chapter *chapters;

	if (!node)
		return true;
	if (!ynode_expect(&l->doc, node, YNODE_SEQUENCE, "'chapters'", l->d))
		return false;
	chapters = loader_alloc(l, node->count, sizeof(*chapters));
	if (!chapters)
		return false;
	p->chapters = chapters;
	p->n_chapters = node->count;
	for (size_t i = 0; i < node->count; i++)
		if (!load_chapter(l, node->items[i], &chapters[i]) && !loader_record(l))
			return false;
	return true;
}

enum {
	PH_NUMBER, PH_NAME, PH_SUMMARY, PH_INTRO, PH_TITLE, PH_LEAD, PH_FIGURE, PH_HEADING,
	PH_CITIZEN, PH_READING_GUIDE, PH_CHAPTERS_HEADING, PH_CHAPTERS, PH_SOURCES_HEADING,
	PH_SOURCES, PH_DRAFT, PH_COUNT
};

static const struct yfield phase_fields[PH_COUNT] = {
	[PH_NUMBER] = { "number", true },
	[PH_NAME] = { "name", true },
	[PH_SUMMARY] = { "summary", true },
	[PH_INTRO] = { "intro", true },
	[PH_TITLE] = { "title", false },
	[PH_LEAD] = { "lead", false },
	[PH_FIGURE] = { "figure", false },
	[PH_HEADING] = { "heading", false },
	[PH_CITIZEN] = { "citizen", false },
	[PH_READING_GUIDE] = { "reading_guide", false },
	[PH_CHAPTERS_HEADING] = { "chapters_heading", false },
	[PH_CHAPTERS] = { "chapters", false },
	[PH_SOURCES_HEADING] = { "sources_heading", false },
	[PH_SOURCES] = { "sources", false },
	[PH_DRAFT] = { "draft", false },
};

/* Loads the texts of phase P from the field values V. */
static bool load_phase_texts(struct loader *l, const struct ynode *const *v,
			     struct content_phase *p)
{
	return load_text(l, v[PH_NAME], _("the name of a phase"), &p->name) &&
	       load_text(l, v[PH_SUMMARY], _("the summary of a phase"), &p->summary) &&
	       load_text(l, v[PH_INTRO], _("the intro of a phase"), &p->intro) &&
	       load_text(l, v[PH_TITLE], _("the title of a phase"), &p->title) &&
	       load_text(l, v[PH_LEAD], _("the lead of a phase"), &p->lead) &&
	       load_text(l, v[PH_FIGURE], _("the figure caption of a phase"), &p->figure) &&
	       load_text(l, v[PH_HEADING], _("the heading of a phase"), &p->heading) &&
	       load_block(l, v[PH_CITIZEN], "'citizen'", &p->citizen) &&
	       load_block(l, v[PH_READING_GUIDE], "'reading_guide'", &p->reading_guide) &&
	       load_text(l, v[PH_CHAPTERS_HEADING], "'chapters_heading'", &p->chapters_heading) &&
	       load_text(l, v[PH_SOURCES_HEADING], "'sources_heading'", &p->sources_heading);
}

/* Loads the phase at position INDEX (0-based) of the list from NODE into P. */
static bool load_phase(struct loader *l, const struct ynode *node, size_t index,
		       struct content_phase *p)
{
	const struct ynode *v[PH_COUNT];
	long number;

	if (!ynode_fields(&l->doc, node, _("a phase"), phase_fields, PH_COUNT, false, v, l->d) ||
	    !ynode_number(&l->doc, v[PH_NUMBER], _("the number of a phase"), 1, CONTENT_PHASES_MAX,
			  &number, l->d))
		return false;
	if ((size_t)number != index + 1) {
		ydoc_error(&l->doc, v[PH_NUMBER], l->d,
			   _("expected phase number %zu here, found %ld (phases are numbered 1..N in order)"),
			   index + 1, number);
		return false;
	}
	p->number = (int)number;
	if (v[PH_DRAFT] && !ynode_bool(&l->doc, v[PH_DRAFT], "'draft'", &p->draft, l->d))
		return false;
	return load_phase_texts(l, v, p) && load_sources(l, v[PH_SOURCES], p) &&
	       load_chapters(l, v[PH_CHAPTERS], p);
}

/* Loads the list of phases from NODE. */
static bool load_phases(struct loader *l, const struct ynode *node)
{
	struct content_phase *phases;

	if (!ynode_expect(&l->doc, node, YNODE_SEQUENCE, "'phases'", l->d))
		return false;
	if (node->count < 2 || node->count > CONTENT_PHASES_MAX) {
		ydoc_error(&l->doc, node, l->d,
			   _("expected from 2 to %d phases (a vote is one digit), found %zu"),
			   CONTENT_PHASES_MAX, node->count);
		return false;
	}
	phases = loader_alloc(l, node->count, sizeof(*phases));
	if (!phases)
		return false;
	l->c->phases = phases;
	l->c->n_phases = node->count;
	for (size_t i = 0; i < node->count; i++) {
		phases[i].number = (int)i + 1;
		if (!load_phase(l, node->items[i], i, &phases[i])) {
			l->failed_phases |= 1u << i;
			if (!loader_record(l))
				return false;
		}
	}
	return true;
}

/* Loads one behaviour cell: a text, or a mapping with `text` and `draft`. */
static bool load_cell(struct loader *l, const struct ynode *node, struct content_cell *cell)
{
	static const struct yfield fields[] = { { "text", true }, { "draft", false } };
	const struct ynode *v[2];

	if (node->kind == YNODE_SCALAR)
		return load_text(l, node, _("a behaviour"), &cell->text);
	if (!ynode_fields(&l->doc, node, _("a behaviour"), fields, 2, false, v, l->d) ||
	    !load_text(l, v[0], _("the text of a behaviour"), &cell->text))
		return false;
	return !v[1] || ynode_bool(&l->doc, v[1], "'draft'", &cell->draft, l->d);
}

/* Loads the behaviour mapping (phase number -> cell) of dimension DIM from NODE. */
static bool load_behaviour(struct loader *l, const struct ynode *node,
			   struct content_dimension *dim)
{
	size_t n = l->c->n_phases;
	struct content_cell *cells;

	if (!ynode_expect(&l->doc, node, YNODE_MAPPING, "'behaviour'", l->d))
		return false;
	cells = loader_alloc(l, n, sizeof(*cells));
	if (!cells)
		return false;
	for (size_t i = 0; i < node->count; i++) {
		long phase;

		if (strncmp(ynode_key(node, i)->text, "x-", 2) == 0)
			continue; /* an extension, as in every mapping */
		if (!ynode_number(&l->doc, ynode_key(node, i), _("a phase number in 'behaviour'"),
				  1, (long)n, &phase, l->d) ||
		    !load_cell(l, ynode_value(node, i), &cells[phase - 1]))
			return false;
	}
	for (size_t p = 0; p < n; p++) {
		if (!cells[p].text) {
			ydoc_error(&l->doc, node, l->d,
				   _("missing the behaviour for phase %zu of '%s' (every row needs one per phase)"),
				   p + 1, dim->id);
			return false;
		}
	}
	dim->cells = cells;
	return true;
}

/* Loads one row of the table from NODE into DIMS[INDEX]; IDS holds the id nodes so far. */
static bool load_dimension(struct loader *l, const struct ynode *node,
			   struct content_dimension *dims, size_t index, const struct ynode **ids)
{
	static const struct yfield fields[] = {
		{ "id", true }, { "name", true }, { "behaviour", true }
	};
	const struct ynode *v[3];
	struct content_dimension *dim = &dims[index];
	size_t twin;

	if (!ynode_fields(&l->doc, node, _("a row of the table"), fields, 3, false, v, l->d) ||
	    !ynode_ident(&l->doc, v[0], _("the id of a row"), &dim->id, l->d))
		return false;
	if (!name_index_add(l->rows, dim->id, index, &twin)) {
		const struct ynode *first = ids[twin];

		ydoc_error(&l->doc, v[0], l->d, _("duplicate id '%s' (first used at %u:%u)"),
			   dim->id, first->line, first->column);
		if (!loader_record(l))
			return false;
	}
	ids[index] = v[0];
	return load_text(l, v[1], _("the name of a row"), &dim->name) &&
	       load_behaviour(l, v[2], dim);
}

/* Loads GROUPS[GROUP] of the table from item GROUP of MODEL, appending its rows to DIMS;
 * GROUP_IDS indexes the ids of the groups before it. */
static bool load_group(struct loader *l, const struct ynode *model, struct content_group *groups,
		       size_t group, struct name_index *group_ids, struct content_dimension *dims,
		       const struct ynode **ids)
{
	static const struct yfield fields[] = {
		{ "group", true }, { "title", false }, { "dimensions", true }
	};
	const struct ynode *node = model->items[group];
	struct content_group *g = &groups[group];
	const struct ynode *v[3];
	size_t twin;

	if (!ynode_fields(&l->doc, node, _("a group of the table"), fields, 3, false, v, l->d) ||
	    !ynode_ident(&l->doc, v[0], _("the id of a group"), &g->id, l->d) ||
	    !load_text(l, v[1], _("the title of a group"), &g->title) ||
	    !ynode_expect(&l->doc, v[2], YNODE_SEQUENCE, "'dimensions'", l->d))
		return false;
	if (v[2]->count == 0) {
		ydoc_error(&l->doc, v[2], l->d, _("expected at least one row in 'dimensions'"));
		return false;
	}
	if (!name_index_add(group_ids, g->id, group, &twin)) {
		const struct ynode *first = ynode_get(model->items[twin], "group");

		ydoc_error(&l->doc, v[0], l->d, _("duplicate group id '%s' (first used at %u:%u)"),
			   g->id, first->line, first->column);
		if (!loader_record(l))
			return false;
	}
	if (!g->title)
		g->title = g->id;
	g->first = l->c->n_dimensions;
	g->count = v[2]->count;
	l->c->n_dimensions += g->count;
	for (size_t i = 0; i < g->count; i++) {
		dims[g->first + i].group = group;
		if (!load_dimension(l, v[2]->items[i], dims, g->first + i, ids) &&
		    !loader_record(l))
			return false;
	}
	return true;
}

/* Returns the number of rows in all groups of the table NODE (a list of mappings). */
static size_t count_rows(const struct ynode *node)
{
	size_t rows = 0;

	for (size_t i = 0; i < node->count; i++) {
		const struct ynode *g = node->items[i];
		const struct ynode *dims = g->kind == YNODE_MAPPING ? ynode_get(g, "dimensions") : NULL;

		if (dims && dims->kind == YNODE_SEQUENCE)
			rows += dims->count;
	}
	return rows;
}

/* Loads the behaviour table (the `model` list of groups) from NODE. */
static bool load_model(struct loader *l, const struct ynode *node)
{
	struct content_group *groups;
	struct content_dimension *dims;
	struct name_index *group_ids;
	const struct ynode **ids;
	size_t rows;
	bool ok = true;

	if (!ynode_expect(&l->doc, node, YNODE_SEQUENCE, "'model'", l->d))
		return false;
	if (node->count == 0) {
		ydoc_error(&l->doc, node, l->d, _("expected at least one group in 'model'"));
		return false;
	}
	rows = count_rows(node);
	groups = loader_alloc(l, node->count, sizeof(*groups));
	dims = loader_alloc(l, rows, sizeof(*dims));
	group_ids = name_index_new(l->c->arena, node->count);
	l->rows = name_index_new(l->c->arena, rows);
	ids = mem.calloc(rows ? rows : 1, sizeof(*ids));
	if (!groups || !dims || !group_ids || !l->rows || !ids) {
		mem.free(ids);
		out_of_memory(l->d, l->doc.file);
		return false;
	}
	l->c->groups = groups;
	l->c->dimensions = dims;
	l->c->dimension_ids = l->rows;
	l->c->n_groups = node->count;
	for (size_t i = 0; i < node->count && ok; i++)
		ok = load_group(l, node, groups, i, group_ids, dims, ids) || loader_record(l);
	mem.free(ids);
	return ok;
}

enum { ST_KIND, ST_PHASE, ST_DIMENSION, ST_TITLE, ST_TEXT, ST_MINUTES, ST_ID, ST_COUNT };

static const struct yfield step_fields[ST_COUNT] = {
	[ST_KIND] = { "kind", true },   [ST_PHASE] = { "phase", false },
	[ST_DIMENSION] = { "dimension", false }, [ST_TITLE] = { "title", false },
	[ST_TEXT] = { "text", false }, [ST_MINUTES] = { "minutes", false },
	[ST_ID] = { "id", false },
};

/* Stores the `id:` of a step at NODE (absent: none) in S: an identifier that is not only
 * digits, which old session files use for step numbers. */
static bool load_step_id(struct loader *l, const struct ynode *node, struct content_step *s)
{
	if (!node)
		return true;
	if (!ynode_ident(&l->doc, node, _("the id of a step"), &s->id, l->d))
		return false;
	if (strspn(s->id, "0123456789") == strlen(s->id)) {
		ydoc_error(&l->doc, node, l->d,
			   _("the id of a step must not be a number alone: add a letter, e.g. 'step-%s'"),
			   s->id);
		return false;
	}
	return true;
}

/* Gives the N STEPS their ids (see content_index_steps); two equal `id:` are refused at
 * the second, naming the first, in the agenda list NODE (NULL: the derived agenda). */
static bool index_steps(struct loader *l, const struct ynode *node, struct content_step *steps,
			size_t n)
{
	size_t dup[2];
	enum step_ids_result r = content_index_steps(l->c, steps, n, dup);
	const struct ynode *first, *again;

	if (r == STEP_IDS_OK)
		return true;
	if (r == STEP_IDS_EXHAUSTED || !node) {
		out_of_memory(l->d, l->doc.file);
		return false;
	}
	first = ynode_get(node->items[dup[0]], "id");
	again = ynode_get(node->items[dup[1]], "id");
	ydoc_error(&l->doc, again, l->d, _("duplicate step id '%s' (first used at %u:%u)"),
		   steps[dup[1]].id, first->line, first->column);
	return false;
}

/* Refuses a step whose PHASE lacks the text the step would show. */
static bool check_step_phase(struct loader *l, const struct ynode *at, struct content_step *s)
{
	const struct content_phase *p = &l->c->phases[s->phase - 1];
	const char *missing = NULL;

	if (l->failed_phases & 1u << (s->phase - 1))
		return true; /* its error is reported already */
	if (s->kind == STEP_CITIZEN && !p->citizen.text)
		missing = "'citizen'";
	else if (s->kind == STEP_READING_GUIDE && !p->reading_guide.text)
		missing = "'reading_guide'";
	else if (s->kind == STEP_CHAPTERS && !p->n_chapters)
		missing = "'chapters'";
	if (missing)
		/* TRANSLATORS: %s is a key in quotes: 'citizen', 'reading_guide' or 'chapters'. */
		ydoc_error(&l->doc, at, l->d, _("phase %d has no %s for this step to show"),
			   s->phase, missing);
	return !missing;
}

/* Checks that the keys given with a step suit its kind, then resolves phase and dimension. */
static bool load_step_target(struct loader *l, const struct ynode *node,
			     const struct ynode *const *v, struct content_step *s)
{
	const struct step_kind_info *k = step_kind_info(s->kind);
	const struct ynode *given[] = { v[ST_PHASE], v[ST_DIMENSION], v[ST_TEXT] };
	const bool takes[] = { k->takes_phase, k->takes_dimension, k->takes_text };
	const char *keys[] = { "phase", "dimension", "text" };
	long phase;

	for (int i = 0; i < 3; i++) {
		if (takes[i] && !given[i]) {
			/* TRANSLATORS: the kind of step ('score') and a key ('dimension'), both as
			 * written in the file. */
			ydoc_error(&l->doc, node, l->d, _("a '%s' step needs '%s'"), k->name,
				   keys[i]);
			return false;
		}
		if (!takes[i] && given[i]) {
			ydoc_error(&l->doc, given[i], l->d, _("'%s' does not apply to a '%s' step"),
				   keys[i], k->name);
			return false;
		}
	}
	if (k->takes_text && !v[ST_TITLE]) {
		ydoc_error(&l->doc, node, l->d, _("a '%s' step needs 'title'"), k->name);
		return false;
	}
	if (k->takes_dimension) {
		const char *dimension;
		long index;

		if (!ynode_text(&l->doc, v[ST_DIMENSION], _("the dimension of a step"), &dimension,
				l->d))
			return false;
		index = content_dimension_index(l->c, dimension);
		if (index < 0) {
			char excerpt[64];

			ydoc_error(&l->doc, v[ST_DIMENSION], l->d,
				   _("unknown dimension '%s' (expected the id of a row of the table)"),
				   ynode_excerpt(v[ST_DIMENSION], excerpt, sizeof(excerpt)));
			return false;
		}
		s->dimension = (size_t)index;
	}
	if (!k->takes_phase)
		return true;
	if (!ynode_number(&l->doc, v[ST_PHASE], _("the phase of a step"), 1, (long)l->c->n_phases,
			  &phase, l->d))
		return false;
	s->phase = (int)phase;
	return check_step_phase(l, v[ST_PHASE], s);
}

/* Loads one agenda step from NODE into S. */
static bool load_step(struct loader *l, const struct ynode *node, struct content_step *s)
{
	const struct ynode *v[ST_COUNT];
	const char *kind;
	long minutes = 0;
	char excerpt[64];

	if (!ynode_fields(&l->doc, node, _("an agenda step"), step_fields, ST_COUNT, false, v,
			  l->d) ||
	    !ynode_text(&l->doc, v[ST_KIND], _("the kind of a step"), &kind, l->d))
		return false;
	s->kind = step_kind_from_name(kind);
	if (s->kind == STEP_KIND_COUNT) {
		ydoc_error(&l->doc, v[ST_KIND], l->d,
			   _("unknown step kind '%s' (expected welcome, model, phase, citizen, "
			     "reading_guide, chapters, table, score, actions, summary or text)"),
			   ynode_excerpt(v[ST_KIND], excerpt, sizeof(excerpt)));
		return false;
	}
	if (v[ST_MINUTES] &&
	    !ynode_number(&l->doc, v[ST_MINUTES], "'minutes'", 0, 600, &minutes, l->d))
		return false;
	s->minutes = (unsigned)minutes;
	return load_step_id(l, v[ST_ID], s) &&
	       load_text(l, v[ST_TITLE], _("the title of a step"), &s->title) &&
	       load_text(l, v[ST_TEXT], _("the text of a step"), &s->text) &&
	       load_step_target(l, node, v, s);
}

/* Loads the agenda list from NODE. */
static bool load_agenda(struct loader *l, const struct ynode *node)
{
	struct content_step *steps;
	size_t failed = 0;

	if (!ynode_expect(&l->doc, node, YNODE_SEQUENCE, "'agenda'", l->d))
		return false;
	if (node->count == 0) {
		ydoc_error(&l->doc, node, l->d, _("expected at least one step in 'agenda'"));
		return false;
	}
	steps = loader_alloc(l, node->count, sizeof(*steps));
	if (!steps)
		return false;
	for (size_t i = 0; i < node->count; i++) {
		if (!load_step(l, node->items[i], &steps[i])) {
			failed++;
			if (!loader_record(l))
				return false;
		}
	}
	/* Ids are given to an agenda only when every step of it could be read. */
	return failed || index_steps(l, node, steps, node->count);
}

/* Appends a step of KIND (for PHASE or DIMENSION) to STEPS when STEPS is not NULL; returns
 * the new count. */
static size_t add_step(struct content_step *steps, size_t n, enum step_kind kind, int phase,
		       size_t dimension)
{
	if (steps)
		steps[n] = (struct content_step){ .kind = kind, .phase = phase, .dimension = dimension,
						  .minutes = step_kind_info(kind)->default_minutes };
	return n + 1;
}

/* Writes the agenda used when a content has none into STEPS (or only counts it when NULL):
 * welcome, the model, each phase with its texts, the table, a score per row, actions,
 * summary. Returns the number of steps. */
static size_t derive_agenda(const struct content *c, struct content_step *steps)
{
	size_t n = 0;

	n = add_step(steps, n, STEP_WELCOME, 0, 0);
	n = add_step(steps, n, STEP_MODEL, 0, 0);
	for (size_t i = 0; i < c->n_phases; i++) {
		const struct content_phase *p = &c->phases[i];

		n = add_step(steps, n, STEP_PHASE, p->number, 0);
		if (p->citizen.text)
			n = add_step(steps, n, STEP_CITIZEN, p->number, 0);
		if (p->reading_guide.text)
			n = add_step(steps, n, STEP_READING_GUIDE, p->number, 0);
		if (p->n_chapters)
			n = add_step(steps, n, STEP_CHAPTERS, p->number, 0);
	}
	n = add_step(steps, n, STEP_TABLE, 0, 0);
	for (size_t i = 0; i < c->n_dimensions; i++)
		n = add_step(steps, n, STEP_SCORE, 0, i);
	n = add_step(steps, n, STEP_ACTIONS, 0, 0);
	return add_step(steps, n, STEP_SUMMARY, 0, 0);
}

/* Gives the content the derived agenda. */
static bool load_default_agenda(struct loader *l)
{
	size_t n = derive_agenda(l->c, NULL);
	struct content_step *steps = loader_alloc(l, n, sizeof(*steps));

	if (!steps)
		return false;
	derive_agenda(l->c, steps);
	return index_steps(l, NULL, steps, n);
}

enum { TOP_VERSION, TOP_ID, TOP_TITLE, TOP_LANGUAGE, TOP_PHASES, TOP_MODEL, TOP_AGENDA, TOP_COUNT };

static const struct yfield top_fields[TOP_COUNT] = {
	[TOP_VERSION] = { "meetlat_content", true }, [TOP_ID] = { "id", true },
	[TOP_TITLE] = { "title", true },             [TOP_LANGUAGE] = { "language", false },
	[TOP_PHASES] = { "phases", true },           [TOP_MODEL] = { "model", true },
	[TOP_AGENDA] = { "agenda", false },
};

/* Loads the top-level texts id, title and language from the field values V, recording the
 * error of each; returns false when there is no room for more. */
static bool load_top_texts(struct loader *l, const struct ynode *const *v)
{
	if (!ynode_ident(&l->doc, v[TOP_ID], "'id'", &l->c->id, l->d) && !loader_record(l))
		return false;
	if (!load_text(l, v[TOP_TITLE], "'title'", &l->c->title) && !loader_record(l))
		return false;
	if (!load_text(l, v[TOP_LANGUAGE], "'language'", &l->c->language) && !loader_record(l))
		return false;
	if (!l->c->language)
		l->c->language = "";
	return true;
}

/* Loads the whole document rooted at ROOT into the loader's content. The table is checked
 * only when the phases could be read, and the agenda only when the table could. */
static bool load_root(struct loader *l, const struct ynode *root)
{
	const struct ynode *v[TOP_COUNT];

	if (!ynode_expect(&l->doc, root, YNODE_MAPPING, _("a content file"), l->d) ||
	    !ynode_version(&l->doc, root, "meetlat_content", YDOC_CONTENT, CONTENT_VERSION, l->d) ||
	    !ynode_fields(&l->doc, root, _("a content file"), top_fields, TOP_COUNT, false, v,
			  l->d) ||
	    !load_top_texts(l, v) || !load_phases(l, v[TOP_PHASES]) || !load_model(l, v[TOP_MODEL]))
		return false;
	return v[TOP_AGENDA] ? load_agenda(l, v[TOP_AGENDA]) : load_default_agenda(l);
}

/* Parses and loads the LEN bytes at BUF (called NAME) for load_buffer_all; returns the
 * content, which is complete only when ERRORS stays empty. */
static struct content *parse_and_load(struct loader *l, const char *name, const char *buf,
				      size_t len)
{
	bool ok = ydoc_parse(&l->doc, name, buf, len, &ylimits_default, l->d);

	if (ok) {
		l->c = arena_alloc(l->doc.arena, sizeof(*l->c));
		ok = l->c != NULL;
		if (!ok)
			out_of_memory(l->d, name);
	}
	if (ok) {
		/* The content keeps the document's arena: its texts are the document's scalars. */
		l->c->arena = l->doc.arena;
		ok = load_root(l, l->doc.root);
	}
	if (!ok)
		diag_list_add(l->errors, l->d); /* nothing when the list is full */
	return l->c;
}

struct content *content_load_buffer_all(const char *name, const char *buf, size_t len,
					struct diag_list *errors)
{
	struct diag d;
	struct loader l = { .d = &d, .errors = errors };
	struct content *c;

	diag_list_init(errors);
	c = parse_and_load(&l, name, buf, len);
	if (errors->count) {
		diag_list_sort(errors);
		ydoc_free(&l.doc);
		return NULL;
	}
	sha256_hex(buf, len, c->sha256);
	return c;
}

struct content *content_load_file_all(const char *path, struct diag_list *errors)
{
	struct content *c;
	struct diag d;
	char *buf;
	size_t len;

	if (!ydoc_read_file(path, ylimits_default.max_bytes, &buf, &len, &d)) {
		diag_list_init(errors);
		diag_list_add(errors, &d);
		return NULL;
	}
	c = content_load_buffer_all(path, buf, len, errors);
	mem.free(buf);
	return c;
}

/* Returns true when LINE (the start of a line of a content file) is the top-level key
 * "language:", writing the code it names (quotes and a comment allowed) into CODE, "" when
 * it names none. */
static bool is_language_line(char *line, char code[16])
{
	static const char key[] = "language:";
	char *p = line + strspn(line, "\xef\xbb\xbf"); /* a byte order mark */

	if (strncmp(p, key, sizeof(key) - 1) != 0)
		return false;
	p += sizeof(key) - 1;
	p += strspn(p, " \t\"'");
	p[strcspn(p, " \t\r\n\"'#")] = '\0';
	i18n_code_of(p, code);
	return true;
}

bool content_sniff_language(const char *path, char code[16])
{
	enum { SNIFF_BYTES = 64 * 1024 };
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	struct stat st;
	FILE *f = fd >= 0 && fstat(fd, &st) == 0 && S_ISREG(st.st_mode) ? fdopen(fd, "r") : NULL;
	char line[256];
	bool seen = false, line_start = true;
	size_t read = 0;

	code[0] = '\0';
	while (f && !seen && read < SNIFF_BYTES && fgets(line, sizeof(line), f)) {
		size_t len = strlen(line);

		/* a piece of a line longer than LINE is not the start of one */
		seen = line_start && is_language_line(line, code);
		line_start = len > 0 && line[len - 1] == '\n';
		read += len;
	}
	if (f)
		fclose(f);
	else if (fd >= 0)
		close(fd);
	return code[0] != '\0';
}

/* Returns C; when it is NULL, stores the first error of ERRORS in D. */
static struct content *first_error(struct content *c, const struct diag_list *errors,
				   struct diag *d)
{
	if (!c)
		*d = errors->items[0];
	return c;
}

struct content *content_load_buffer(const char *name, const char *buf, size_t len,
				    struct diag *d)
{
	struct diag_list errors;

	return first_error(content_load_buffer_all(name, buf, len, &errors), &errors, d);
}

struct content *content_load_file(const char *path, struct diag *d)
{
	struct diag_list errors;

	return first_error(content_load_file_all(path, &errors), &errors, d);
}
