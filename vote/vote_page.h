/* vote_page.h - what the phone-vote server answers with: the participant's page (HTML), the
 * small state the page polls (JSON) and the security headers that go with them. Plain text in,
 * text out: no sockets, so tests and the fuzz target call it directly. */
#ifndef MEETLAT_VOTE_PAGE_H
#define MEETLAT_VOTE_PAGE_H

#include <stdbool.h>
#include <stddef.h>

#include "text.h"

/* The open row as the page shows it: sanitized copies (no control or format characters, valid
 * UTF-8), made by vote_page_row_copy. */
struct vote_page_row {
	char *id, *name, *group, *lang;
	char *phase_name[4], *behaviour[4];
};

/* What a page says above the buttons. */
enum vote_notice {
	VOTE_NOTICE_NONE,
	VOTE_NOTICE_RECEIVED, /* this device's vote for the open row is in */
	VOTE_NOTICE_CLOSED,   /* the device voted, but no row is open */
	VOTE_NOTICE_STALE,    /* the device voted on a row that is no longer open */
	VOTE_NOTICE_REJOIN,   /* the device had no valid token: it has one now, tap again */
};

/* What one page shows: ROW (NULL: no row open: the waiting page), its SERIAL (which opening
 * of a row the form votes on), this device's CHOSEN phase (0: none), the NOTICE and the join
 * CODE (the form posts to /CODE). */
struct vote_page_view {
	const struct vote_page_row *row;
	unsigned serial;
	int chosen;
	enum vote_notice notice;
	const char *code;
};

/* Fills ROW with sanitized copies of the texts given (NULL counts as ""); false when memory
 * ran out (ROW is then freed). */
bool vote_page_row_copy(struct vote_page_row *row, const char *id, const char *name,
			const char *group, const char *lang, const char *const phase_name[4],
			const char *const behaviour[4]);

/* Frees the copies of ROW (and zeroes it). */
void vote_page_row_free(struct vote_page_row *row);

/* Appends the string S to T with &, <, >, " and ' written as character references. */
void vote_add_escaped(struct text *t, const char *s);

/* Appends the whole HTML page of VIEW to T. */
void vote_page_html(struct text *t, const struct vote_page_view *view);

/* Appends the JSON state the page's script polls to T: {"key":"K","vote":P}, K the serial of
 * the open row ("0": none open), P this device's phase for it (0: none). */
void vote_page_state_json(struct text *t, unsigned open_serial, int vote);

/* Parses a vote form BODY (LEN bytes, "row=SERIAL&phase=P" in any order, nothing else but
 * empty fields) into *SERIAL and *PHASE (1..4); false when it is not such a form. */
bool vote_form_parse(const char *body, size_t len, unsigned *serial, int *phase);

/* Parses the device token cookie TEXT (exactly 32 hexadecimal digits) into TOKEN; false
 * when it is not one. */
bool vote_token_parse(const char *text, unsigned char token[16]);

/* The Content-Security-Policy of the page: nothing but its own inline style and script (by
 * their SHA-256), polling its own origin and posting its form to itself. */
const char *vote_page_csp(void);

#endif
