/* fuzz_content.c - libFuzzer target for the content loader: any bytes end in a content that
 * keeps its promises (content.h) or in a located error, never in a crash, a leak or undefined
 * behaviour.
 *
 *   make build/fuzz/fuzz_content
 *   build/fuzz/fuzz_content -max_len=65536 CORPUS_DIR tests/corpus/yaml-test-suite/valid */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "content.h"
#include "utf8.h"

/* Loads DATA as a content and checks the outcome; libFuzzer calls it for every input. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Stops the run (libFuzzer keeps the input) when a promise is broken. */
static void require(int ok)
{
	if (!ok)
		abort();
}

/* Stops the run when TEXT (NULL: absent) is not valid UTF-8, which content.h promises: the
 * loader trusts libyaml for it and checks no byte again. */
static void require_utf8(const char *text)
{
	require(!text || utf8_invalid_offset(text, strlen(text)) == strlen(text));
}

/* Checks what content.h promises about the agenda of C: kinds, phases and rows in range, texts
 * in UTF-8. */
static void check_steps(const struct content *c)
{
	char label[256];

	require(c->n_steps >= 1);
	for (size_t i = 0; i < c->n_steps; i++) {
		const struct content_step *s = &c->steps[i];
		const struct step_kind_info *k;

		require(s->kind < STEP_KIND_COUNT);
		k = step_kind_info(s->kind);
		require(!k->takes_phase || content_phase(c, s->phase) != NULL);
		require(!k->takes_dimension || s->dimension < c->n_dimensions);
		require(!k->takes_text || (s->title && s->text));
		require_utf8(s->title);
		require_utf8(s->text);
		require(content_step_label(c, i, label, sizeof(label)) == label);
	}
}

/* Checks what content.h promises about the phases and the table of C, texts in UTF-8. */
static void check_content(const struct content *c)
{
	require(c->n_phases >= 2 && c->n_groups >= 1 && c->n_dimensions >= 1);
	require_utf8(c->title);
	for (size_t p = 0; p < c->n_phases; p++) {
		require(c->phases[p].number == (int)p + 1 && c->phases[p].name[0]);
		require_utf8(c->phases[p].name);
		require_utf8(c->phases[p].summary);
		require_utf8(c->phases[p].intro);
	}
	for (size_t i = 0; i < c->n_dimensions; i++) {
		require(c->dimensions[i].group < c->n_groups);
		require_utf8(c->dimensions[i].name);
		for (size_t p = 0; p < c->n_phases; p++) {
			require(c->dimensions[i].cells[p].text != NULL);
			require_utf8(c->dimensions[i].cells[p].text);
		}
	}
	require(strlen(c->sha256) == 64);
	check_steps(c);
}

/* Checks that the error in D is located and prints without control characters. */
static void check_error(const struct diag *d)
{
	char buf[DIAG_FILE_MAX + DIAG_MESSAGE_MAX + 64];
	size_t len;

	require((d->line >= 1 && d->column >= 1) || strstr(d->message, "out of memory"));
	diag_format(d, buf, sizeof(buf));
	len = strlen(buf);
	for (size_t i = 0; i < len;) {
		uint32_t cp;

		i += utf8_decode(buf + i, len - i, &cp);
		require(cp != UTF8_INVALID && !utf8_is_control(cp));
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct diag d;
	struct content *c = content_load_buffer("fuzz.yaml", (const char *)data, size, &d);

	if (c)
		check_content(c);
	else
		check_error(&d);
	content_free(c);
	return 0;
}
