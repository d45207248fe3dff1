/* vote_page.c - the participant's page, its polled state and its security policy. */
#include "vote_page.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "html.h"
#include "i18n.h"
#include "mem.h"
#include "sha256.h"
#include "utf8.h"

/* The page's only style: big buttons, black on white, readable in bright light, phone width. */
static const char page_style[] =
	"body{margin:0;background:#fff;color:#000;font:20px/1.35 system-ui,sans-serif}"
	"main{max-width:34em;margin:0 auto;padding:12px 14px 24px}"
	".grp{margin:0;font-size:17px}"
	"h1{margin:2px 0 14px;font-size:26px;line-height:1.2}"
	".note{margin:0 0 14px;padding:10px 12px;border:3px solid #000;background:#ffe500;"
	"font-weight:bold}"
	"button{display:block;box-sizing:border-box;width:100%;min-height:72px;margin:0 0 14px;"
	"padding:12px 14px;border:3px solid #000;border-radius:10px;background:#fff;color:#000;"
	"font:inherit;text-align:left}"
	"button b{display:block;font-size:18px}"
	"button[aria-pressed=true]{background:#000;color:#fff;outline:4px solid #ffe500}"
	".mine{display:block;margin-top:6px;font-weight:bold}"
	".hint{font-size:17px}";

/* The page's only script: polls ./state every 2 s and shows the page again when the open row
 * changes (the page works without it: a plain form). */
static const char page_script[] =
	"(function(){var k=document.body.getAttribute('data-key'),"
	"p=location.pathname.replace(/\\/+$/,'');"
	"function poll(){var x=new XMLHttpRequest();x.open('GET',p+'/state');"
	"x.onload=function(){try{if(JSON.parse(x.responseText).key!==k)location.replace(p);}"
	"catch(e){}};x.send();}"
	"setInterval(poll,2000);})();";

static char csp[512];
static pthread_once_t csp_once = PTHREAD_ONCE_INIT;

/* Writes the base64 of the SHA-256 of TEXT ("sha256-..." as CSP wants it) into OUT. */
static void csp_hash(const char *text, char out[64])
{
	static const char digits[] =
		"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	char hex[SHA256_HEX];
	unsigned char raw[33] = { 0 };
	size_t o = 0;

	sha256_hex(text, strlen(text), hex);
	for (int i = 0; i < 32; i++)
		sscanf(hex + 2 * i, "%2hhx", &raw[i]);
	o += (size_t)sprintf(out, "sha256-");
	for (int i = 0; i < 33; i += 3) {
		unsigned v = (unsigned)raw[i] << 16 | (unsigned)raw[i + 1] << 8 | raw[i + 2];

		out[o++] = digits[v >> 18 & 63];
		out[o++] = digits[v >> 12 & 63];
		out[o++] = i + 1 < 32 ? digits[v >> 6 & 63] : '=';
		out[o++] = i + 2 < 32 ? digits[v & 63] : '=';
	}
	out[o] = '\0';
}

/* Builds the policy once (pthread_once). */
static void csp_build(void)
{
	char style[64], script[64];

	csp_hash(page_style, style);
	csp_hash(page_script, script);
	snprintf(csp, sizeof(csp),
		 "default-src 'none'; style-src '%s'; script-src '%s'; connect-src 'self'; "
		 "form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
		 style, script);
}

const char *vote_page_csp(void)
{
	pthread_once(&csp_once, csp_build);
	return csp;
}

void vote_add_escaped(struct text *t, const char *s)
{
	size_t len = strlen(s);

	while (len) {
		size_t plain = html_plain_span(s, len);

		text_add(t, s, plain);
		if (plain < len) {
			text_adds(t, html_reference(s[plain]));
			plain++;
		}
		s += plain;
		len -= plain;
	}
}

/* Returns a sanitized copy of S (NULL: ""), or NULL when memory ran out. */
static char *copy_text(const char *s)
{
	if (!s)
		s = "";
	return utf8_sanitize(s, strlen(s), false, ' ');
}

bool vote_page_row_copy(struct vote_page_row *row, const char *id, const char *name,
			const char *group, const char *lang, const char *const phase_name[4],
			const char *const behaviour[4])
{
	bool ok;

	*row = (struct vote_page_row){ 0 };
	row->id = copy_text(id);
	row->name = copy_text(name);
	row->group = copy_text(group);
	row->lang = copy_text(lang && strspn(lang, "abcdefghijklmnopqrstuvwxyz-") == strlen(lang)
			      && *lang ? lang : "en");
	ok = row->id && row->name && row->group && row->lang;
	for (int i = 0; i < 4; i++) {
		row->phase_name[i] = copy_text(phase_name[i]);
		row->behaviour[i] = copy_text(behaviour[i]);
		ok = ok && row->phase_name[i] && row->behaviour[i];
	}
	if (!ok)
		vote_page_row_free(row);
	return ok;
}

void vote_page_row_free(struct vote_page_row *row)
{
	mem.free(row->id);
	mem.free(row->name);
	mem.free(row->group);
	mem.free(row->lang);
	for (int i = 0; i < 4; i++) {
		mem.free(row->phase_name[i]);
		mem.free(row->behaviour[i]);
	}
	*row = (struct vote_page_row){ 0 };
}

/* Appends the document's head, up to and with <body data-key=...>, in language LANG. */
static void page_head(struct text *t, const char *lang, unsigned key)
{
	char number[32];

	text_adds(t, "<!DOCTYPE html>\n<html lang=\"");
	vote_add_escaped(t, lang);
	text_adds(t, "\"><head><meta charset=\"utf-8\">"
	       "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">"
	       "<title>");
	/* TRANSLATORS: the title of the page on a participant's phone */
	vote_add_escaped(t, _("Vote"));
	text_adds(t, "</title><style>");
	text_adds(t, page_style);
	text_adds(t, "</style></head>\n<body data-key=\"");
	snprintf(number, sizeof(number), "%u", key);
	text_adds(t, number);
	text_adds(t, "\"><main>\n");
}

/* Appends the end of the document: the script and the closing tags. */
static void page_tail(struct text *t)
{
	text_adds(t, "</main><script>");
	text_adds(t, page_script);
	text_adds(t, "</script></body></html>\n");
}

/* Appends the notice paragraph of VIEW (nothing for none). */
static void page_notice(struct text *t, const struct vote_page_view *view)
{
	char line[256];
	const char *text = NULL;

	switch (view->notice) {
	case VOTE_NOTICE_NONE:
		return;
	case VOTE_NOTICE_RECEIVED:
		snprintf(line, sizeof(line), _("Your vote has been received: phase %d"),
			 view->chosen);
		text = line;
		break;
	case VOTE_NOTICE_CLOSED:
		text = _("Voting is closed.");
		break;
	case VOTE_NOTICE_STALE:
		text = _("That question has closed, so your vote was not counted. This is the "
			 "question now.");
		break;
	case VOTE_NOTICE_REJOIN:
		text = _("Your phone was not known yet, so your vote was not counted. Tap your "
			 "choice again.");
		break;
	}
	text_adds(t, "<p class=\"note\" role=\"status\">");
	vote_add_escaped(t, text);
	text_adds(t, "</p>\n");
}

/* Appends the button of phase P (1..4) of VIEW's row. */
static void page_button(struct text *t, const struct vote_page_view *view, int p)
{
	char open[96];
	bool chosen = view->chosen == p;

	snprintf(open, sizeof(open), "<button name=\"phase\" value=\"%d\" aria-pressed=\"%s\"><b>",
		 p, chosen ? "true" : "false");
	text_adds(t, open);
	vote_add_escaped(t, view->row->phase_name[p - 1]);
	text_adds(t, "</b>");
	vote_add_escaped(t, view->row->behaviour[p - 1]);
	if (chosen) {
		text_adds(t, "<span class=\"mine\">&#10003; ");
		/* TRANSLATORS: marks the button this phone voted for */
		vote_add_escaped(t, _("Your choice"));
		text_adds(t, "</span>");
	}
	text_adds(t, "</button>\n");
}

/* Appends the body of the page of an open row: heading, notice, the form of four buttons. */
static void page_row(struct text *t, const struct vote_page_view *view)
{
	char hidden[64];

	text_adds(t, "<p class=\"grp\">");
	vote_add_escaped(t, view->row->group);
	text_adds(t, "</p><h1>");
	vote_add_escaped(t, view->row->name);
	text_adds(t, "</h1>\n");
	page_notice(t, view);
	text_adds(t, "<form method=\"post\" action=\"/");
	vote_add_escaped(t, view->code);
	snprintf(hidden, sizeof(hidden), "\"><input type=\"hidden\" name=\"row\" value=\"%u\">\n",
		 view->serial);
	text_adds(t, hidden);
	for (int p = 1; p <= 4; p++)
		page_button(t, view, p);
	text_adds(t, "</form><p class=\"hint\">");
	vote_add_escaped(t, _("Tap the phase that fits best. You can change your vote until "
				   "the question closes."));
	text_adds(t, "</p>\n");
}

/* Appends the body of the waiting page (no row open). */
static void page_waiting(struct text *t, const struct vote_page_view *view)
{
	page_notice(t, view);
	text_adds(t, "<h1>");
	vote_add_escaped(t, _("Waiting for the next question"));
	text_adds(t, "</h1><p class=\"hint\">");
	vote_add_escaped(t, _("This page moves on by itself when voting opens."));
	text_adds(t, "</p><noscript><p class=\"hint\">");
	vote_add_escaped(t, _("Reload this page when the next question opens."));
	text_adds(t, "</p></noscript>\n");
}

void vote_page_html(struct text *t, const struct vote_page_view *view)
{
	page_head(t, view->row ? view->row->lang : i18n_language(), view->row ? view->serial : 0);
	if (view->row)
		page_row(t, view);
	else
		page_waiting(t, view);
	page_tail(t);
}

void vote_page_state_json(struct text *t, unsigned open_serial, int vote)
{
	char json[64];

	snprintf(json, sizeof(json), "{\"key\":\"%u\",\"vote\":%d}\n", open_serial, vote);
	text_adds(t, json);
}

/* Parses the decimal digits at S (N bytes, 1..9 of them) into *VALUE. */
static bool parse_number(const char *s, size_t n, unsigned *value)
{
	unsigned v = 0;

	if (n == 0 || n > 9)
		return false;
	for (size_t i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return false;
		v = v * 10 + (unsigned)(s[i] - '0');
	}
	*value = v;
	return true;
}

bool vote_form_parse(const char *body, size_t len, unsigned *serial, int *phase)
{
	bool have_row = false, have_phase = false;
	const char *end = body + len;

	for (const char *field = body; field < end;) {
		const char *amp = memchr(field, '&', (size_t)(end - field));
		const char *stop = amp ? amp : end;
		const char *eq = memchr(field, '=', (size_t)(stop - field));
		unsigned v;

		if (stop > field) {
			if (!eq || !parse_number(eq + 1, (size_t)(stop - eq - 1), &v))
				return false;
			if (eq - field == 3 && !memcmp(field, "row", 3) && !have_row) {
				*serial = v;
				have_row = true;
			} else if (eq - field == 5 && !memcmp(field, "phase", 5) && !have_phase &&
				   v >= 1 && v <= 4) {
				*phase = (int)v;
				have_phase = true;
			} else {
				return false;
			}
		}
		field = stop + 1;
	}
	return have_row && have_phase;
}

bool vote_token_parse(const char *text, unsigned char token[16])
{
	if (!text || strlen(text) != 32 || strspn(text, "0123456789abcdef") != 32)
		return false;
	for (int i = 0; i < 16; i++)
		sscanf(text + 2 * i, "%2hhx", &token[i]);
	return true;
}
