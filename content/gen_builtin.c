/* gen_builtin.c - a build tool: loads a content file with the loader that `meetlat --check`
 * uses and writes C source holding it (builtin.h): its bytes, and the content itself as static
 * data, with its SHA-256 and the indexes of its row ids and step ids, so that the program
 * starts with no parsing and no hashing.
 *
 *   gen_builtin FILE > builtin_content.c
 *
 * An invalid FILE gets every error found, as `meetlat --check FILE` prints them, and exit
 * status 1: a build with invalid shipped content stops there. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "content.h"
#include "index.h"
#include "ynode.h"

/* The hash seed of the generated indexes: fixed, so that every build writes the same file. */
#define BUILTIN_INDEX_SEED 0x6d6565746c6174u

/* Writes the text S as a C string literal (NULL as NULL), one literal per line of the text;
 * bytes other than printable ASCII become octal escapes, '?' too (no trigraphs). */
static void put_text(FILE *out, const char *s)
{
	if (!s) {
		fputs("NULL", out);
		return;
	}
	fputc('"', out);
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (*p == '\n')
			fputs(p[1] ? "\\n\"\n\t\t\"" : "\\n", out);
		else if (*p == '"' || *p == '\\' || *p == '?')
			fprintf(out, "\\%c", *p);
		else if (*p < 0x20 || *p >= 0x7F)
			fprintf(out, "\\%03o", *p);
		else
			fputc(*p, out);
	}
	fputc('"', out);
}

/* Writes ".FIELD = TEXT," on a line of its own. */
static void put_field(FILE *out, const char *field, const char *text)
{
	fprintf(out, "\t.%s = ", field);
	put_text(out, text);
	fputs(",\n", out);
}

/* Writes the LEN bytes at DATA as the array content_builtin_yaml, NUL-terminated. */
static void put_bytes(FILE *out, const unsigned char *data, size_t len)
{
	fputs("const unsigned char content_builtin_yaml[] = {", out);
	for (size_t i = 0; i < len; i++)
		fprintf(out, "%s0x%02x,", i % 16 ? " " : "\n\t", data[i]);
	fputs("\n\t0x00\n};\n", out);
	fputs("const size_t content_builtin_yaml_len = sizeof(content_builtin_yaml) - 1;\n\n", out);
}

/* Returns the id of row I of C. */
static const char *dimension_id(const struct content *c, size_t i)
{
	return c->dimensions[i].id;
}

/* Returns the id of step I of C. */
static const char *step_id(const struct content *c, size_t i)
{
	return c->steps[i].id;
}

/* Writes the index of the N names ID_OF(C, i) -> i as the static NAME (and its slots NAME_slots),
 * built by base/index.c itself with the fixed seed; false when memory is exhausted. */
static bool put_index(FILE *out, const char *name, const struct content *c, size_t n,
		      const char *(*id_of)(const struct content *, size_t))
{
	struct arena *arena = arena_new();
	struct name_index *ix = arena ? name_index_new_seeded(arena, n, BUILTIN_INDEX_SEED) : NULL;
	size_t earlier;
	bool ok = ix != NULL;

	for (size_t i = 0; i < n && ok; i++)
		ok = name_index_add(ix, id_of(c, i), i, &earlier);
	if (ok) {
		fprintf(out, "static struct name_index_slot %s_slots[%zu] = {\n", name, ix->mask + 1);
		for (size_t i = 0; i <= ix->mask; i++) {
			fputs("\t{ ", out);
			put_text(out, ix->slots[i].name);
			fprintf(out, ", %zu },\n", ix->slots[i].value);
		}
		fprintf(out, "};\nstatic const struct name_index %s = {\n\t.slots = %s_slots,\n"
			"\t.mask = %zu,\n\t.count = %zu,\n\t.capacity = %zu,\n\t.seed = 0x%llxu,\n};\n\n",
			name, name, ix->mask, ix->count, ix->capacity, (unsigned long long)ix->seed);
	}
	arena_free(arena);
	return ok;
}

/* Writes the authors and the chapters of phase P (number I) as phaseI_chapters. */
static void put_chapters(FILE *out, const struct content_phase *p, size_t i)
{
	for (size_t k = 0; k < p->n_chapters; k++) {
		const struct content_chapter *ch = &p->chapters[k];

		if (!ch->n_authors)
			continue;
		fprintf(out, "static const char *const phase%zu_chapter%zu_authors[] = {\n", i, k);
		for (size_t a = 0; a < ch->n_authors; a++) {
			fputc('\t', out);
			put_text(out, ch->authors[a]);
			fputs(",\n", out);
		}
		fputs("};\n", out);
	}
	fprintf(out, "static const struct content_chapter phase%zu_chapters[] = {\n", i);
	for (size_t k = 0; k < p->n_chapters; k++) {
		const struct content_chapter *ch = &p->chapters[k];

		fputs("{\n", out);
		put_field(out, "title", ch->title);
		if (ch->n_authors)
			fprintf(out, "\t.authors = phase%zu_chapter%zu_authors,\n\t.n_authors = %zu,\n",
				i, k, ch->n_authors);
		put_field(out, "source", ch->source);
		put_field(out, "text", ch->text);
		fputs("},\n", out);
	}
	fputs("};\n\n", out);
}

/* Writes the sources of phase P (number I) as phaseI_sources. */
static void put_sources(FILE *out, const struct content_phase *p, size_t i)
{
	fprintf(out, "static const struct content_source phase%zu_sources[] = {\n", i);
	for (size_t k = 0; k < p->n_sources; k++) {
		fputs("{\n", out);
		put_field(out, "name", p->sources[k].name);
		put_field(out, "heading", p->sources[k].heading);
		fputs("},\n", out);
	}
	fputs("};\n\n", out);
}

/* Writes ".FIELD = { .title = ..., .text = ... }," for block B. */
static void put_block(FILE *out, const char *field, const struct content_block *b)
{
	fprintf(out, "\t.%s = {\n\t", field);
	put_field(out, "title", b->title);
	fputc('\t', out);
	put_field(out, "text", b->text);
	fputs("\t},\n", out);
}

/* Writes phase P (number I), its lists named as put_chapters and put_sources name them. */
static void put_phase(FILE *out, const struct content_phase *p, size_t i)
{
	fprintf(out, "{\n\t.number = %d,\n", p->number);
	put_field(out, "name", p->name);
	put_field(out, "summary", p->summary);
	put_field(out, "intro", p->intro);
	put_field(out, "title", p->title);
	put_field(out, "lead", p->lead);
	put_field(out, "figure", p->figure);
	put_field(out, "heading", p->heading);
	put_block(out, "citizen", &p->citizen);
	put_block(out, "reading_guide", &p->reading_guide);
	put_field(out, "chapters_heading", p->chapters_heading);
	put_field(out, "sources_heading", p->sources_heading);
	if (p->n_chapters)
		fprintf(out, "\t.chapters = phase%zu_chapters,\n\t.n_chapters = %zu,\n", i,
			p->n_chapters);
	if (p->n_sources)
		fprintf(out, "\t.sources = phase%zu_sources,\n\t.n_sources = %zu,\n", i,
			p->n_sources);
	fprintf(out, "\t.draft = %s,\n},\n", p->draft ? "true" : "false");
}

/* Writes the phases of C, with their chapters and sources, as phases. */
static void put_phases(FILE *out, const struct content *c)
{
	for (size_t i = 0; i < c->n_phases; i++) {
		if (c->phases[i].n_chapters)
			put_chapters(out, &c->phases[i], i);
		if (c->phases[i].n_sources)
			put_sources(out, &c->phases[i], i);
	}
	fputs("static const struct content_phase phases[] = {\n", out);
	for (size_t i = 0; i < c->n_phases; i++)
		put_phase(out, &c->phases[i], i);
	fputs("};\n\n", out);
}

/* Writes the cells of every row (as dimensionI_cells), the rows, and the groups of C. */
static void put_table(FILE *out, const struct content *c)
{
	for (size_t i = 0; i < c->n_dimensions; i++) {
		fprintf(out, "static const struct content_cell dimension%zu_cells[] = {\n", i);
		for (size_t p = 0; p < c->n_phases; p++) {
			fputs("{\n", out);
			put_field(out, "text", c->dimensions[i].cells[p].text);
			fprintf(out, "\t.draft = %s,\n},\n",
				c->dimensions[i].cells[p].draft ? "true" : "false");
		}
		fputs("};\n", out);
	}
	fputs("\nstatic const struct content_dimension dimensions[] = {\n", out);
	for (size_t i = 0; i < c->n_dimensions; i++) {
		fputs("{\n", out);
		put_field(out, "id", c->dimensions[i].id);
		put_field(out, "name", c->dimensions[i].name);
		fprintf(out, "\t.group = %zu,\n\t.cells = dimension%zu_cells,\n},\n",
			c->dimensions[i].group, i);
	}
	fputs("};\n\nstatic const struct content_group groups[] = {\n", out);
	for (size_t i = 0; i < c->n_groups; i++) {
		fputs("{\n", out);
		put_field(out, "id", c->groups[i].id);
		put_field(out, "title", c->groups[i].title);
		fprintf(out, "\t.first = %zu,\n\t.count = %zu,\n},\n", c->groups[i].first,
			c->groups[i].count);
	}
	fputs("};\n\n", out);
}

/* Writes the agenda of C as steps. */
static void put_steps(FILE *out, const struct content *c)
{
	fputs("static const struct content_step steps[] = {\n", out);
	for (size_t i = 0; i < c->n_steps; i++) {
		const struct content_step *s = &c->steps[i];

		fputs("{\n", out);
		put_field(out, "id", s->id);
		fprintf(out, "\t.kind = %d, /* %s */\n\t.phase = %d,\n\t.dimension = %zu,\n",
			(int)s->kind, step_kind_info(s->kind)->name, s->phase, s->dimension);
		put_field(out, "title", s->title);
		put_field(out, "text", s->text);
		fprintf(out, "\t.minutes = %u,\n},\n", s->minutes);
	}
	fputs("};\n\n", out);
}

/* Writes the whole of C (loaded from FILE, whose LEN bytes are at DATA) as C source; false
 * when memory is exhausted. */
static bool put_content(FILE *out, const char *file, const unsigned char *data, size_t len,
			const struct content *c)
{
	fprintf(out, "/* Generated from %s by content/gen_builtin.c: do not edit. */\n", file);
	fputs("#include <stdbool.h>\n#include <stddef.h>\n\n#include \"builtin.h\"\n"
	      "#include \"index.h\"\n\n", out);
	put_bytes(out, data, len);
	put_phases(out, c);
	put_table(out, c);
	put_steps(out, c);
	if (!put_index(out, "dimension_ids", c, c->n_dimensions, dimension_id) ||
	    !put_index(out, "step_ids", c, c->n_steps, step_id))
		return false;
	fputs("const struct content content_builtin = {\n", out);
	put_field(out, "id", c->id);
	put_field(out, "title", c->title);
	put_field(out, "language", c->language);
	fprintf(out, "\t.phases = phases,\n\t.n_phases = %zu,\n"
		"\t.groups = groups,\n\t.n_groups = %zu,\n"
		"\t.dimensions = dimensions,\n\t.n_dimensions = %zu,\n"
		"\t.dimension_ids = &dimension_ids,\n"
		"\t.steps = steps,\n\t.n_steps = %zu,\n"
		"\t.step_ids = &step_ids,\n"
		"\t.sha256 = \"%s\",\n};\n",
		c->n_phases, c->n_groups, c->n_dimensions, c->n_steps, c->sha256);
	return true;
}

int main(int argc, char **argv)
{
	struct diag_list errors;
	struct content *c;
	struct diag d;
	char *buf;
	size_t len;
	bool ok;

	if (argc != 2) {
		fprintf(stderr, "usage: gen_builtin FILE > builtin_content.c\n");
		return 2;
	}
	if (!ydoc_read_file(argv[1], ylimits_default.max_bytes, &buf, &len, &d)) {
		diag_print(&d, stderr);
		return 1;
	}
	c = content_load_buffer_all(argv[1], buf, len, &errors);
	if (!c) {
		diag_list_print(&errors, stderr);
		free(buf);
		return 1;
	}
	ok = put_content(stdout, argv[1], (const unsigned char *)buf, len, c);
	content_free(c);
	free(buf);
	if (!ok)
		fprintf(stderr, "%s: out of memory\n", argv[1]);
	if (fflush(stdout) != 0 || ferror(stdout)) {
		fprintf(stderr, "gen_builtin: cannot write the output\n");
		ok = false;
	}
	return ok ? 0 : 1;
}
