/* test_builtin.c - the almanac compiled in at build time is the content the loader builds from
 * the same file: every field compared, byte for byte, and every id found through its indexes. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "builtin.h"
#include "content.h"

/* Asserts that texts A and B are both absent or hold the same bytes. */
static void assert_same_text(const char *a, const char *b)
{
	if (!a || !b) {
		assert_ptr_equal(a, b);
		return;
	}
	assert_int_equal(strlen(a), strlen(b));
	assert_memory_equal(a, b, strlen(a) + 1);
}

/* Asserts that titled texts A and B are the same. */
static void assert_same_block(const struct content_block *a, const struct content_block *b)
{
	assert_same_text(a->title, b->title);
	assert_same_text(a->text, b->text);
}

/* Asserts that chapters A and B are the same, their authors too. */
static void assert_same_chapter(const struct content_chapter *a, const struct content_chapter *b)
{
	assert_same_text(a->title, b->title);
	assert_int_equal(a->n_authors, b->n_authors);
	for (size_t i = 0; i < a->n_authors; i++)
		assert_same_text(a->authors[i], b->authors[i]);
	assert_same_text(a->source, b->source);
	assert_same_text(a->text, b->text);
}

/* Asserts that phases A and B are the same, with their chapters and sources. */
static void assert_same_phase(const struct content_phase *a, const struct content_phase *b)
{
	assert_int_equal(a->number, b->number);
	assert_same_text(a->name, b->name);
	assert_same_text(a->summary, b->summary);
	assert_same_text(a->intro, b->intro);
	assert_same_text(a->title, b->title);
	assert_same_text(a->lead, b->lead);
	assert_same_text(a->figure, b->figure);
	assert_same_text(a->heading, b->heading);
	assert_same_block(&a->citizen, &b->citizen);
	assert_same_block(&a->reading_guide, &b->reading_guide);
	assert_same_text(a->chapters_heading, b->chapters_heading);
	assert_same_text(a->sources_heading, b->sources_heading);
	assert_int_equal(a->n_chapters, b->n_chapters);
	for (size_t i = 0; i < a->n_chapters; i++)
		assert_same_chapter(&a->chapters[i], &b->chapters[i]);
	assert_int_equal(a->n_sources, b->n_sources);
	for (size_t i = 0; i < a->n_sources; i++) {
		assert_same_text(a->sources[i].name, b->sources[i].name);
		assert_same_text(a->sources[i].heading, b->sources[i].heading);
	}
	assert_int_equal(a->draft, b->draft);
}

/* Asserts that the groups and rows of A and B, every cell of every row, are the same. */
static void assert_same_table(const struct content *a, const struct content *b)
{
	assert_int_equal(a->n_groups, b->n_groups);
	for (size_t i = 0; i < a->n_groups; i++) {
		assert_same_text(a->groups[i].id, b->groups[i].id);
		assert_same_text(a->groups[i].title, b->groups[i].title);
		assert_int_equal(a->groups[i].first, b->groups[i].first);
		assert_int_equal(a->groups[i].count, b->groups[i].count);
	}
	assert_int_equal(a->n_dimensions, b->n_dimensions);
	for (size_t i = 0; i < a->n_dimensions; i++) {
		const struct content_dimension *da = &a->dimensions[i], *db = &b->dimensions[i];

		assert_same_text(da->id, db->id);
		assert_same_text(da->name, db->name);
		assert_int_equal(da->group, db->group);
		for (size_t p = 0; p < a->n_phases; p++) {
			assert_same_text(da->cells[p].text, db->cells[p].text);
			assert_int_equal(da->cells[p].draft, db->cells[p].draft);
		}
	}
}

/* Asserts that the agendas of A and B are the same, step ids included. */
static void assert_same_steps(const struct content *a, const struct content *b)
{
	assert_int_equal(a->n_steps, b->n_steps);
	for (size_t i = 0; i < a->n_steps; i++) {
		const struct content_step *sa = &a->steps[i], *sb = &b->steps[i];

		assert_same_text(sa->id, sb->id);
		assert_int_equal(sa->kind, sb->kind);
		assert_int_equal(sa->phase, sb->phase);
		assert_int_equal(sa->dimension, sb->dimension);
		assert_same_text(sa->title, sb->title);
		assert_same_text(sa->text, sb->text);
		assert_int_equal(sa->minutes, sb->minutes);
	}
}

/* Asserts that every row id and step id of C is found at its own index, and that ids C does
 * not have (a prefix, a longer name, a step id as a row id) are not. */
static void assert_indexes_work(const struct content *c)
{
	char longer[128];

	for (size_t i = 0; i < c->n_dimensions; i++) {
		assert_int_equal(content_dimension_index(c, c->dimensions[i].id), (long)i);
		snprintf(longer, sizeof(longer), "%s-x", c->dimensions[i].id);
		assert_int_equal(content_dimension_index(c, longer), -1);
	}
	for (size_t i = 0; i < c->n_steps; i++) {
		assert_int_equal(content_step_index(c, c->steps[i].id), (long)i);
		assert_int_equal(content_dimension_index(c, c->steps[i].id), -1);
		snprintf(longer, sizeof(longer), "%s#9", c->steps[i].id);
		assert_int_equal(content_step_index(c, longer), -1);
	}
	assert_int_equal(content_dimension_index(c, ""), -1);
	assert_int_equal(content_step_index(c, ""), -1);
	assert_int_equal(content_step_index(c, "score:"), -1);
}

/* Asserts that contents A and B are the same in every field. */
static void assert_same_content(const struct content *a, const struct content *b)
{
	assert_same_text(a->id, b->id);
	assert_same_text(a->title, b->title);
	assert_same_text(a->language, b->language);
	assert_int_equal(a->n_phases, b->n_phases);
	for (size_t i = 0; i < a->n_phases; i++)
		assert_same_phase(&a->phases[i], &b->phases[i]);
	assert_same_table(a, b);
	assert_same_steps(a, b);
	assert_string_equal(a->sha256, b->sha256);
}

/* The compiled almanac is the shipped file as the loader reads it from disk, field by field;
 * its indexes find every id; it is static data (no arena), which content_free leaves alone. */
static void test_compiled_equals_loaded(void **state)
{
	struct diag d;
	struct content *compiled = content_load_builtin(&d);
	struct content *loaded = content_load_file("content/almanak.yaml", &d);

	(void)state;
	assert_non_null(loaded);
	assert_ptr_equal(compiled, &content_builtin);
	assert_null(compiled->arena);
	assert_true(compiled->n_phases >= 2 && compiled->n_dimensions > 0 && compiled->n_steps > 0);
	assert_same_content(compiled, loaded);
	assert_indexes_work(compiled);
	assert_indexes_work(loaded);
	content_free(compiled);
	content_free(loaded);
}

/* The bytes compiled in are the shipped file's, and load (as --check reads them) into the
 * same content as the compiled one. */
static void test_compiled_bytes_load_the_same(void **state)
{
	struct diag_list errors;
	struct content *checked = content_load_builtin_all(&errors);
	char hex[SHA256_HEX];

	(void)state;
	assert_non_null(checked);
	assert_int_equal(errors.count, 0);
	assert_same_content(&content_builtin, checked);
	sha256_hex(content_builtin_yaml, content_builtin_yaml_len, hex);
	assert_string_equal(content_builtin.sha256, hex);
	assert_int_equal(content_builtin_yaml[content_builtin_yaml_len], 0);
	content_free(checked);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_compiled_equals_loaded),
		cmocka_unit_test(test_compiled_bytes_load_the_same),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
