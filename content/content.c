/* content.c - looking things up in a loaded content. */
#include "content.h"

#include <stdio.h>
#include <string.h>

#include "arena.h"
#include "index.h"

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
};

const struct step_kind_info *step_kind_info(enum step_kind kind)
{
	return &step_kinds[kind];
}

enum step_kind step_kind_from_name(const char *name)
{
	for (int k = 0; k < STEP_KIND_COUNT; k++)
		if (strcmp(step_kinds[k].name, name) == 0)
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
	switch (s->kind) {
	case STEP_WELCOME:
		snprintf(buf, size, "Welcome: %s", c->title);
		break;
	case STEP_MODEL:
		snprintf(buf, size, "The %zu phases", c->n_phases);
		break;
	case STEP_PHASE:
		snprintf(buf, size, "Phase %d: %s", p->number, p->name);
		break;
	case STEP_CITIZEN:
		snprintf(buf, size, "Phase %d: %s", p->number,
			 p->citizen.title ? p->citizen.title : "what residents notice");
		break;
	case STEP_READING_GUIDE:
		snprintf(buf, size, "Phase %d: %s", p->number,
			 p->reading_guide.title ? p->reading_guide.title : "reading guide");
		break;
	case STEP_CHAPTERS:
		snprintf(buf, size, "Phase %d: chapters", p->number);
		break;
	case STEP_TABLE:
		snprintf(buf, size, "The behaviour table");
		break;
	case STEP_SCORE:
		snprintf(buf, size, "Score: %s", c->dimensions[s->dimension].name);
		break;
	case STEP_ACTIONS:
		snprintf(buf, size, "Actions");
		break;
	case STEP_SUMMARY:
		snprintf(buf, size, "Summary");
		break;
	default:
		snprintf(buf, size, "%s", step_kinds[s->kind].name);
		break;
	}
	return buf;
}

unsigned content_planned_minutes(const struct content *c)
{
	unsigned total = 0;

	for (size_t i = 0; i < c->n_steps; i++)
		total += c->steps[i].minutes;
	return total;
}
