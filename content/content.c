/* content.c - looking things up in a loaded content. */
#include "content.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "i18n.h"
#include "index.h"
#include "mem.h"
#include "utf8.h"

static const struct step_kind_info step_kinds[STEP_KIND_COUNT] = {
	[STEP_WELCOME] = { "welcome", false, false, false, 5 },
	[STEP_MODEL] = { "model", false, false, false, 10 },
	[STEP_PHASE] = { "phase", true, false, false, 10 },
	[STEP_CITIZEN] = { "citizen", true, false, false, 5 },
	[STEP_READING_GUIDE] = { "reading_guide", true, false, false, 5 },
	[STEP_CHAPTERS] = { "chapters", true, false, false, 10 },
	[STEP_TABLE] = { "table", false, false, false, 10 },
	[STEP_SCORE] = { "score", false, true, false, 8 },
	[STEP_ACTIONS] = { "actions", false, false, false, 15 },
	[STEP_SUMMARY] = { "summary", false, false, false, 10 },
	[STEP_TEXT] = { "text", false, false, true, 0 },
	[STEP_FOLLOWUP] = { "follow-up", false, false, false, 10 },
};

const struct step_kind_info *step_kind_info(enum step_kind kind)
{
	return &step_kinds[kind];
}

enum step_kind step_kind_from_name(const char *name)
{
	for (int k = 0; k < STEP_KIND_COUNT; k++)
		if (k != STEP_FOLLOWUP && strcmp(step_kinds[k].name, name) == 0)
			return (enum step_kind)k;
	return STEP_KIND_COUNT;
}

void content_free(struct content *c)
{
	if (c)
		arena_free(c->arena);
}

long content_dimension_index(const struct content *c, const char *id)
{
	size_t i;

	return c->dimension_ids && name_index_find(c->dimension_ids, id, &i) ? (long)i : -1;
}

/* ---- step ids ---------------------------------------------------------------------- */

enum { STEP_ID_MAX = 96, SLUG_MAX = 40 };

long content_step_index(const struct content *c, const char *id)
{
	size_t i;

	return c->step_ids && name_index_find(c->step_ids, id, &i) ? (long)i : -1;
}

/* Writes to OUT (SLUG_MAX + 1 bytes) TITLE reduced to lower-case ASCII letters and digits,
 * accents dropped, every other run of characters one '-'. */
static void title_slug(const char *title, char *out)
{
	size_t len = strlen(title), n = 0;
	bool dash = false;

	for (size_t at = 0; at < len && n < SLUG_MAX;) {
		uint32_t cp;
		char one[2];
		const char *ascii;

		at += utf8_decode(title + at, len - at, &cp);
		ascii = cp < 0x80 ? (one[0] = (char)cp, one[1] = '\0', one) : utf8_ascii(cp, one);
		for (; *ascii && n < SLUG_MAX; ascii++) {
			char ch = *ascii >= 'A' && *ascii <= 'Z' ? (char)(*ascii + 32) : *ascii;

			if ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9')) {
				if (dash && n)
					out[n++] = '-';
				if (n < SLUG_MAX)
					out[n++] = ch;
				dash = false;
			} else {
				dash = true;
			}
		}
	}
	out[n] = '\0';
}

/* Writes to BUF the id step S of C would have from its kind and target alone. */
static void step_base_id(const struct content *c, const struct content_step *s, char *buf,
			 size_t size)
{
	const struct step_kind_info *k = step_kind_info(s->kind);
	char slug[SLUG_MAX + 1];

	if (k->takes_phase) {
		snprintf(buf, size, "%s:%d", k->name, s->phase);
	} else if (k->takes_dimension) {
		snprintf(buf, size, "%s:%s", k->name, c->dimensions[s->dimension].id);
	} else if (k->takes_text) {
		title_slug(s->title ? s->title : "", slug);
		snprintf(buf, size, slug[0] ? "%s:%s" : "%s", k->name, slug);
	} else {
		snprintf(buf, size, "%s", k->name);
	}
}

/* Enters the given ids of the N STEPS into IDS; false at the first repeated one, whose index
 * and that of its first use go to DUP. */
static bool index_given_ids(struct name_index *ids, const struct content_step *steps, size_t n,
			    size_t dup[2])
{
	for (size_t i = 0; i < n; i++) {
		if (steps[i].id && !name_index_add(ids, steps[i].id, i, &dup[0])) {
			dup[1] = i;
			return false;
		}
	}
	return true;
}

/* Gives step I of STEPS the id derived from its kind and target: that base itself the first
 * time it is free, else "base#k" with k one more than the last repeat (REPEATS, per first
 * user of the base in BASES). Enters it into IDS; false on exhaustion. */
static bool derive_step_id(struct content *c, struct content_step *steps, size_t i,
			   struct name_index *ids, struct name_index *bases, unsigned *repeats)
{
	char buf[STEP_ID_MAX], id[STEP_ID_MAX + 16];
	const char *base;
	size_t first, taken;

	step_base_id(c, &steps[i], buf, sizeof(buf));
	base = arena_strndup(c->arena, buf, strlen(buf));
	if (!base)
		return false;
	if (name_index_add(bases, base, i, &first)) {
		first = i;
		repeats[i] = name_index_find(ids, base, &taken) ? 2 : 1;
	} else {
		repeats[first]++;
	}
	if (repeats[first] == 1) {
		steps[i].id = base;
	} else {
		snprintf(id, sizeof(id), "%s#%u", base, repeats[first]);
		steps[i].id = arena_strndup(c->arena, id, strlen(id));
		if (!steps[i].id)
			return false;
	}
	/* Never taken: given ids hold no ':' or '#', and a base that a given id holds was
	 * given a suffix above. */
	return name_index_add(ids, steps[i].id, i, &taken);
}

enum step_ids_result content_index_steps(struct content *c, struct content_step *steps,
					 size_t n, size_t dup[2])
{
	struct arena *scratch = arena_new(); /* the index of the bases, needed only here */
	struct name_index *ids = name_index_new(c->arena, n);
	struct name_index *bases = scratch ? name_index_new(scratch, n) : NULL;
	unsigned *repeats = mem.calloc(n ? n : 1, sizeof(*repeats));
	enum step_ids_result result = STEP_IDS_EXHAUSTED;
	bool ok = ids && bases && repeats;

	if (ok && !index_given_ids(ids, steps, n, dup))
		result = STEP_IDS_DUPLICATE;
	else
		for (size_t i = 0; i < n && ok; i++)
			ok = steps[i].id || derive_step_id(c, steps, i, ids, bases, repeats);
	if (ok && result != STEP_IDS_DUPLICATE) {
		c->steps = steps;
		c->n_steps = n;
		c->step_ids = ids;
		result = STEP_IDS_OK;
	}
	mem.free(repeats);
	arena_free(scratch);
	return result;
}

const struct content_phase *content_phase(const struct content *c, int number)
{
	if (number < 1 || (size_t)number > c->n_phases)
		return NULL;
	return &c->phases[number - 1];
}

const char *content_step_label(const struct content *c, size_t i, char *buf, size_t size)
{
	const struct content_step *s = &c->steps[i];
	const struct content_phase *p = content_phase(c, s->phase);

	if (s->title) {
		snprintf(buf, size, "%s", s->title);
		return buf;
	}
	/* TRANSLATORS: the labels below name a step of the agenda (the programme) where no title
	 * is given, e.g. in the list of steps and the header of a page. */
	switch (s->kind) {
	case STEP_WELCOME:
		snprintf(buf, size, _("Welcome: %s"), c->title);
		break;
	case STEP_MODEL:
		snprintf(buf, size, ngettext("The %zu phase", "The %zu phases", c->n_phases),
			 c->n_phases);
		break;
	case STEP_PHASE:
		snprintf(buf, size, _("Phase %d: %s"), p->number, p->name);
		break;
	case STEP_CITIZEN:
		snprintf(buf, size, _("Phase %d: %s"), p->number,
			 p->citizen.title ? p->citizen.title : _("what residents notice"));
		break;
	case STEP_READING_GUIDE:
		snprintf(buf, size, _("Phase %d: %s"), p->number,
			 p->reading_guide.title ? p->reading_guide.title : _("reading guide"));
		break;
	case STEP_CHAPTERS:
		snprintf(buf, size, _("Phase %d: chapters"), p->number);
		break;
	case STEP_TABLE:
		snprintf(buf, size, "%s", _("The behaviour table"));
		break;
	case STEP_SCORE:
		snprintf(buf, size, _("Score: %s"), c->dimensions[s->dimension].name);
		break;
	case STEP_ACTIONS:
		snprintf(buf, size, "%s", _("Actions"));
		break;
	case STEP_SUMMARY:
		snprintf(buf, size, "%s", _("Summary"));
		break;
	case STEP_FOLLOWUP:
		snprintf(buf, size, "%s", _("Last time's actions"));
		break;
	default:
		snprintf(buf, size, "%s", step_kinds[s->kind].name);
		break;
	}
	return buf;
}

struct content *content_with_followup(const struct content *c, unsigned minutes)
{
	struct arena *arena = arena_new();
	struct content *copy = arena ? arena_alloc(arena, sizeof(*copy)) : NULL;
	struct content_step *steps =
		copy ? arena_alloc(arena, (c->n_steps + 1) * sizeof(*steps)) : NULL;
	size_t dup[2];

	if (!steps) {
		arena_free(arena);
		return NULL;
	}
	*copy = *c;
	copy->arena = arena;
	steps[0] = (struct content_step){ .kind = STEP_FOLLOWUP, .minutes = minutes };
	memcpy(steps + 1, c->steps, c->n_steps * sizeof(*steps));
	if (content_index_steps(copy, steps, c->n_steps + 1, dup) != STEP_IDS_OK) {
		arena_free(arena);
		return NULL;
	}
	return copy;
}

bool content_has_followup(const struct content *c)
{
	return c->n_steps && c->steps[0].kind == STEP_FOLLOWUP;
}

unsigned content_planned_minutes(const struct content *c)
{
	unsigned total = 0;

	for (size_t i = 0; i < c->n_steps; i++)
		total += c->steps[i].minutes;
	return total;
}
