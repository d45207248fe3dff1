/* fuzz_ysubset.c - libFuzzer target for the promise of the subset reader (content/ysubset.h):
 * for any bytes, where it gives a tree, libyaml gives the same tree (every node's kind, line,
 * column, style and text), and ydoc_parse gives libyaml's result: the same tree, or the same
 * formatted message. Checked within the default limits and within small ones (so that the
 * limits' messages are compared too). A broken promise aborts, its reason on stderr.
 *
 *   make build/fuzz/fuzz_ysubset
 *   build/fuzz/fuzz_ysubset -max_len=65536 CORPUS_DIR tests/corpus/yaml-test-suite/valid \
 *       tests/corpus/yaml-test-suite/invalid SESSION_FILES_DIR */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "../tests/ysubset_check.h"

/* Reads DATA with each reader; libFuzzer calls it for every input. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Limits that a few bytes reach. */
static const struct ylimits small = {
	.max_bytes = 4096, .max_depth = 4, .max_nodes = 40, .max_scalar = 24
};

/* Aborts (libFuzzer keeps the input) when the promise is broken on DATA within LIMITS. */
static void require_promise(const uint8_t *data, size_t size, const struct ylimits *limits)
{
	char why[YCHECK_WHY_MAX];

	if (ycheck_promise((const char *)data, size, limits, why, NULL) == YCHECK_BROKEN) {
		fprintf(stderr, "the promise of ysubset.h is broken: %s\n", why);
		abort();
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	require_promise(data, size, &ylimits_default);
	require_promise(data, size, &small);
	return 0;
}
