/* fuzz_session.c - libFuzzer target for the session reader and writer: any bytes end in a
 * located error, or in a session that can be written, read back and written again to the
 * same bytes. (The first writing may change how an unknown key is quoted: a plain text that
 * libyaml cannot write plain comes out quoted, the same text; from then on nothing changes.)
 *
 *   make build/fuzz/fuzz_session
 *   build/fuzz/fuzz_session -max_len=65536 CORPUS_DIR tests/corpus/yaml-test-suite/valid */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "content.h"
#include "store.h"

/* Reads DATA as a session of the built-in content; libFuzzer calls it for every input. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Stops the run (libFuzzer keeps the input) when a promise is broken. */
static void require(int ok)
{
	if (!ok)
		abort();
}

/* Returns the built-in content, loaded once. */
static const struct content *content(void)
{
	static struct content *c;
	struct diag d;

	if (!c)
		c = content_load_builtin(&d);
	require(c != NULL);
	return c;
}

/* Writes S, reads that back and writes it again into *OUT (*LEN bytes); NULL *OUT never. */
static struct session *rewrite(const struct session *s, const struct content *c, char **out,
			       size_t *len)
{
	struct session *again;
	char *first;
	size_t first_len;
	struct diag d;

	require(store_emit(s, &first, &first_len, &d));
	again = store_parse("again.yaml", first, first_len, c, &d);
	require(again != NULL);
	require(store_emit(again, out, len, &d));
	free(first);
	return again;
}

/* Writes S twice over: from the second writing on, the bytes no longer change. */
static void check_round_trip(const struct session *s, const struct content *c)
{
	char *second, *third;
	size_t second_len, third_len;
	struct session *again = rewrite(s, c, &second, &second_len);
	struct session *thrice = rewrite(again, c, &third, &third_len);

	require(second_len == third_len && memcmp(second, third, second_len) == 0);
	free(second);
	free(third);
	session_free(again);
	session_free(thrice);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const struct content *c = content();
	struct diag d;
	struct session *s = store_parse("fuzz.yaml", (const char *)data, size, c, &d);

	if (!s) {
		require(d.line >= 1 || d.message[0] != '\0');
		return 0;
	}
	check_round_trip(s, c);
	session_free(s);
	return 0;
}
