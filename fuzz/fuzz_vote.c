/* fuzz_vote.c - libFuzzer target for what the phone-vote server parses and writes itself (the
 * HTTP is libmicrohttpd's): any bytes as a vote form, as a token cookie and as the texts of a
 * row end in a refusal or in values within their bounds, and in a page whose markup they do
 * not change (as many '<' and '"' as the page of empty texts) and that is valid UTF-8.
 *
 *   make build/fuzz/fuzz_vote
 *   build/fuzz/fuzz_vote -max_len=4096 CORPUS_DIR */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "utf8.h"
#include "vote_page.h"

/* Parses and renders DATA; libFuzzer calls it for every input. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Stops the run (libFuzzer keeps the input) when a promise is broken. */
static void require(int ok)
{
	if (!ok)
		abort();
}

/* Counts the bytes C in TEXT. */
static size_t count(const char *text, char c)
{
	size_t n = 0;

	for (; *text; text++)
		n += *text == c;
	return n;
}

/* Renders the page of a row whose every text is TEXT, into T. */
static void render(struct text *t, const char *text)
{
	const char *const four[4] = { text, text, text, text };
	struct vote_page_row row;
	struct vote_page_view view = { .row = &row, .serial = 7, .chosen = 2, .code = "abcde",
				       .notice = VOTE_NOTICE_RECEIVED };

	require(vote_page_row_copy(&row, text, text, text, text, four, four));
	vote_page_html(t, &view);
	vote_page_row_free(&row);
	require(!t->failed);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	unsigned serial = 0;
	int phase = 0;
	unsigned char token[16];
	char *text = malloc(size + 1);
	struct text page = { 0 }, plain = { 0 };

	if (vote_form_parse((const char *)data, size, &serial, &phase))
		require(phase >= 1 && phase <= 4);
	memcpy(text, data, size);
	text[size] = '\0';
	if (vote_token_parse(text, token))
		require(strlen(text) == 32);
	render(&page, text);
	render(&plain, "");
	require(count(page.data, '<') == count(plain.data, '<'));
	require(count(page.data, '"') == count(plain.data, '"'));
	require(utf8_invalid_offset(page.data, page.len) == page.len);
	text_free(&page);
	text_free(&plain);
	free(text);
	return 0;
}
