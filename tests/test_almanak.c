/* test_almanak.c - the shipped content: its phases, its table, and phase 4 exactly as the seed
 * text (tests/fixtures/seed-fase4.txt) has it. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "content.h"
#include "valid.h"

static const char SEED_PATH[] = "tests/fixtures/seed-fase4.txt";
static const char DASH[] = " \xe2\x80\x93 "; /* " – ", between a chapter's title and authors */

/* Lines the seed may have; every list below has room for all of them. */
enum { SEED_LINES = 128 };

struct seed_row {
	const char *name, *cell;
	size_t group; /* index of the group header above it */
};

struct seed_chapter {
	const char *title;
	char authors[160];   /* joined when the seed breaks them over two lines */
	const char *section; /* the source heading above it, or NULL */
};

/* Phase 4 as the seed writes it; the strings point into BUF. */
struct seed {
	char *buf;
	const char *title, *lead, *figure, *heading;
	const char *intro[SEED_LINES];
	size_t n_intro;
	const char *groups[SEED_LINES];
	size_t n_groups;
	struct seed_row rows[SEED_LINES];
	size_t n_rows;
	const char *citizen_title, *citizen_text, *guide_title, *guide_text;
	const char *chapters_heading, *sources_heading;
	const char *sections[SEED_LINES];
	size_t n_sections;
	struct seed_chapter chapters[SEED_LINES];
	size_t n_chapters;
};

struct fixture {
	struct content *c;
	struct seed seed;
};

/* Reads PATH whole into a malloc'd NUL-terminated buffer, or returns NULL. */
static char *read_text(const char *path)
{
	FILE *f = fopen(path, "rb");
	char *buf = NULL;
	long size;

	if (!f)
		return NULL;
	if (fseek(f, 0, SEEK_END) == 0 && (size = ftell(f)) >= 0 && fseek(f, 0, SEEK_SET) == 0) {
		buf = malloc((size_t)size + 1);
		if (buf && fread(buf, 1, (size_t)size, f) == (size_t)size) {
			buf[size] = '\0';
		} else {
			free(buf);
			buf = NULL;
		}
	}
	fclose(f);
	return buf;
}

/* Splits BUF in place into its lines that hold more than white space; returns their number. */
static size_t split_lines(char *buf, char **lines, size_t max)
{
	size_t n = 0;

	for (char *line = strtok(buf, "\n"); line; line = strtok(NULL, "\n"))
		if (strspn(line, " \t\r") != strlen(line) && n < max)
			lines[n++] = line;
	return n;
}

/* Reads the table from LINES[*I]: group headers ("name<TAB>...") and rows ("name<TAB>cell"). */
static void seed_table(struct seed *s, char **lines, size_t n, size_t *i)
{
	for (; *i < n && strchr(lines[*i], '\t'); (*i)++) {
		char *tab = strchr(lines[*i], '\t');
		/* The first line heads the columns; a line with an empty cell starts a group. */
		bool header = s->n_groups == 0 || tab[1] == '\0';

		*tab = '\0';
		if (header) {
			s->groups[s->n_groups++] = lines[*i];
		} else {
			s->rows[s->n_rows] = (struct seed_row){ lines[*i], tab + 1, s->n_groups - 1 };
			s->n_rows++;
		}
	}
}

/* Returns the last occurrence of NEEDLE in HAY, or NULL. */
static char *last_strstr(char *hay, const char *needle)
{
	char *last = NULL;

	for (char *p = strstr(hay, needle); p; p = strstr(p + 1, needle))
		last = p;
	return last;
}

/* Reads the chapter list from LINES[I..N): "title – authors" lines, a line without " – " or ':'
 * continuing the authors above it, and headings (ending in or holding ':') between them. */
static void seed_chapters(struct seed *s, char **lines, size_t n, size_t i)
{
	const char *section = NULL;

	for (; i < n; i++) {
		char *line = lines[i], *dash = last_strstr(line, DASH);
		struct seed_chapter *ch = &s->chapters[s->n_chapters];

		if (dash) {
			*dash = '\0';
			ch->title = line;
			ch->section = section;
			snprintf(ch->authors, sizeof(ch->authors), "%s", dash + strlen(DASH));
			s->n_chapters++;
		} else if (!strchr(line, ':') && s->n_chapters) {
			ch = &s->chapters[s->n_chapters - 1];
			strncat(ch->authors, " ", sizeof(ch->authors) - strlen(ch->authors) - 1);
			strncat(ch->authors, line, sizeof(ch->authors) - strlen(ch->authors) - 1);
		} else if (!s->sources_heading) {
			s->sources_heading = line;
		} else {
			section = s->sections[s->n_sections++] = line;
		}
	}
}

/* Parses the seed text in S->buf into S: title, lead, figure, heading, the intro paragraphs up
 * to the table, the table, the citizen and reading guide (title and text each), the chapters.
 * Returns false when the text does not have that shape. */
static bool seed_parse(struct seed *s)
{
	char *lines[SEED_LINES];
	size_t n = split_lines(s->buf, lines, SEED_LINES), i = 4;

	if (n < 30 || n >= SEED_LINES)
		return false;
	s->title = lines[0];
	s->lead = lines[1];
	s->figure = lines[2];
	s->heading = lines[3];
	for (; i < n && !strchr(lines[i], '\t'); i++)
		s->intro[s->n_intro++] = lines[i];
	seed_table(s, lines, n, &i);
	if (i + 5 >= n)
		return false;
	s->citizen_title = lines[i++];
	s->citizen_text = lines[i++];
	s->guide_title = lines[i++];
	s->guide_text = lines[i++];
	s->chapters_heading = lines[i++];
	seed_chapters(s, lines, n, i);
	return true;
}

/* Reads and parses the seed and loads the built-in almanac, once for all tests. */
static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof(*f));
	struct diag d;

	if (!f)
		return -1;
	*state = f;
	f->seed.buf = read_text(SEED_PATH);
	if (!f->seed.buf || !seed_parse(&f->seed)) {
		fprintf(stderr, "cannot read %s (run from the top of the source tree)\n", SEED_PATH);
		return -1;
	}
	f->c = content_load_builtin(&d);
	if (!f->c) {
		diag_print(&d, stderr);
		return -1;
	}
	return 0;
}

/* Frees what setup made. */
static int teardown(void **state)
{
	struct fixture *f = *state;

	content_free(f->c);
	free(f->seed.buf);
	free(f);
	return 0;
}

/* Asserts that TEXT from the content equals WANT from the seed, byte for byte; a YAML block
 * (`|`) ends its text with one newline, which is not part of the paragraph. */
static void assert_seed_text(const char *text, const char *want)
{
	size_t n = text ? strlen(text) : 0;
	char *copy;

	assert_non_null(text);
	copy = malloc(n + 1);
	assert_non_null(copy);
	memcpy(copy, text, n + 1);
	if (n && copy[n - 1] == '\n')
		copy[n - 1] = '\0';
	assert_string_equal(copy, want);
	free(copy);
}

/* Four phases, numbered and named as the almanac names them. */
static void test_phases(void **state)
{
	static const char *const names[] = { "de gemeente ontdekt", "de gemeente experimenteert",
					     "de gemeente converseert", "de gemeente werkt samen" };
	const struct content *c = ((struct fixture *)*state)->c;

	assert_int_equal(c->n_phases, 4);
	for (size_t i = 0; i < 4; i++) {
		assert_int_equal(c->phases[i].number, (int)i + 1);
		assert_string_equal(c->phases[i].name, names[i]);
		assert_non_null(c->phases[i].summary);
		assert_non_null(c->phases[i].intro);
		assert_non_null(c->phases[i].citizen.text);
	}
}

/* Ten rows in the two groups, in the almanac's order. */
static void test_rows(void **state)
{
	static const char *const names[] = {
		"content", "customer experience", "context", "conversatie", "collaboratie",
		"visie/ambitie", "functie/resultaat", "processen/activiteiten/eigenaarschap",
		"middelen/ICT/archivering", "mensen"
	};
	const struct content *c = ((struct fixture *)*state)->c;

	assert_int_equal(c->n_groups, 2);
	assert_string_equal(c->groups[0].id, "interactie");
	assert_string_equal(c->groups[1].id, "organisatie");
	assert_int_equal(c->groups[0].first, 0);
	assert_int_equal(c->groups[0].count, 5);
	assert_int_equal(c->groups[1].first, 5);
	assert_int_equal(c->groups[1].count, 5);
	assert_int_equal(c->n_dimensions, 10);
	for (size_t i = 0; i < 10; i++) {
		assert_string_equal(c->dimensions[i].name, names[i]);
		assert_int_equal(c->dimensions[i].group, i / 5);
		assert_true(ident_valid(c->dimensions[i].id));
	}
}

/* Phases 1-3 and all their behaviours are drafts; phase 4 is not. */
static void test_drafts(void **state)
{
	const struct content *c = ((struct fixture *)*state)->c;

	for (size_t p = 0; p < 4; p++) {
		bool draft = p < 3;

		assert_int_equal(c->phases[p].draft, draft);
		for (size_t i = 0; i < c->n_dimensions; i++) {
			assert_non_null(c->dimensions[i].cells[p].text);
			assert_int_equal(c->dimensions[i].cells[p].draft, draft);
		}
	}
}

/* The agenda scores every row exactly once. */
static void test_agenda_scores_every_row(void **state)
{
	const struct content *c = ((struct fixture *)*state)->c;

	for (size_t i = 0; i < c->n_dimensions; i++) {
		size_t scored = 0;

		for (size_t k = 0; k < c->n_steps; k++)
			scored += c->steps[k].kind == STEP_SCORE && c->steps[k].dimension == i;
		assert_int_equal(scored, 1);
	}
}

/* Phase 4's texts are the seed's, byte for byte. */
static void test_phase4_texts(void **state)
{
	struct fixture *f = *state;
	const struct content_phase *p = &f->c->phases[3];
	struct seed *s = &f->seed;
	char *intro = strdup(p->intro);
	size_t n = 0;

	assert_seed_text(p->title, s->title);
	assert_seed_text(p->lead, s->lead);
	assert_seed_text(p->figure, s->figure);
	assert_seed_text(p->heading, s->heading);
	assert_non_null(intro);
	for (char *para = intro, *next; para; para = next, n++) {
		next = strstr(para, "\n\n");
		if (next) {
			*next = '\0';
			next += 2;
		}
		assert_true(n < s->n_intro);
		assert_seed_text(para, s->intro[n]);
	}
	free(intro);
	assert_int_equal(n, s->n_intro);
	assert_int_equal(n, 3);
	assert_seed_text(p->citizen.title, s->citizen_title);
	assert_seed_text(p->citizen.text, s->citizen_text);
	assert_seed_text(p->reading_guide.title, s->guide_title);
	assert_seed_text(p->reading_guide.text, s->guide_text);
	assert_seed_text(p->chapters_heading, s->chapters_heading);
	assert_seed_text(p->sources_heading, s->sources_heading);
}

/* Returns the heading of the source that CH of P names, or NULL when it names none. */
static const char *source_heading(const struct content_phase *p, const struct content_chapter *ch)
{
	for (size_t i = 0; ch->source && i < p->n_sources; i++)
		if (strcmp(p->sources[i].name, ch->source) == 0)
			return p->sources[i].heading;
	return NULL;
}

/* Writes the AUTHORS of CH joined by SEP into BUF. */
static const char *join_authors(const struct content_chapter *ch, const char *sep, char *buf,
				size_t size)
{
	buf[0] = '\0';
	for (size_t i = 0; i < ch->n_authors; i++) {
		if (i)
			strncat(buf, sep, size - strlen(buf) - 1);
		strncat(buf, ch->authors[i], size - strlen(buf) - 1);
	}
	return buf;
}

/* Phase 4's chapters, authors and sources are the seed's. */
static void test_phase4_chapters(void **state)
{
	struct fixture *f = *state;
	const struct content_phase *p = &f->c->phases[3];
	struct seed *s = &f->seed;
	char en[256], amp[256];

	assert_int_equal(p->n_sources, s->n_sections);
	for (size_t i = 0; i < p->n_sources; i++)
		assert_seed_text(p->sources[i].heading, s->sections[i]);
	assert_int_equal(s->n_chapters, 28);
	assert_int_equal(p->n_chapters, s->n_chapters);
	for (size_t i = 0; i < p->n_chapters; i++) {
		const struct content_chapter *ch = &p->chapters[i];
		const char *heading = source_heading(p, ch);

		assert_seed_text(ch->title, s->chapters[i].title);
		join_authors(ch, " en ", en, sizeof(en));
		join_authors(ch, " & ", amp, sizeof(amp));
		if (strcmp(en, s->chapters[i].authors) != 0)
			assert_string_equal(amp, s->chapters[i].authors);
		if (s->chapters[i].section)
			assert_string_equal(heading, s->chapters[i].section);
		else
			assert_null(ch->source);
	}
	/* The name the seed breaks over two lines. */
	assert_string_equal(p->chapters[6].authors[1], "Elien Vanhaesebroeck");
}

/* The phase-4 behaviour of every row is the seed's table cell. */
static void test_phase4_cells(void **state)
{
	struct fixture *f = *state;
	const struct content *c = f->c;
	const struct seed *s = &f->seed;

	assert_int_equal(s->n_groups, 2);
	assert_string_equal(c->groups[0].title, s->groups[0]);
	assert_string_equal(c->groups[1].title, s->groups[1]);
	assert_int_equal(s->n_rows, c->n_dimensions);
	for (size_t i = 0; i < s->n_rows; i++) {
		const struct content_dimension *dim = &c->dimensions[i];

		assert_string_equal(dim->name, s->rows[i].name);
		assert_int_equal(dim->group, s->rows[i].group);
		assert_seed_text(dim->cells[3].text, s->rows[i].cell);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_phase4_texts),
		cmocka_unit_test(test_phase4_chapters),
		cmocka_unit_test(test_phase4_cells),
		cmocka_unit_test(test_phases),
		cmocka_unit_test(test_rows),
		cmocka_unit_test(test_drafts),
		cmocka_unit_test(test_agenda_scores_every_row),
	};

	return cmocka_run_group_tests_name("almanak", tests, setup, teardown);
}
