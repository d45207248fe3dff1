/* vote.c - the phone-vote room: join code, devices and their votes, the queue for the TUI and
 * the embedded HTTP server (libmicrohttpd, its own polling thread) that serves the page.
 *
 * Every request the server thread handles reads and changes the room under its mutex; the
 * TUI's calls take the same mutex. Nothing about a device (its token, its address, the time
 * or content of its vote) is logged or written anywhere: libmicrohttpd's error log is off. */
#include "vote.h"

#include <errno.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/eventfd.h>
#include <sys/random.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "i18n.h"
#include "mem.h"
#include "vote_addr.h"
#include "vote_mhd.h"
#include "vote_page.h"

enum {
	CODE_LENGTH = 7,          /* characters of the join code: 31^7, about 34.7 bits */
	TOKEN_BYTES = 16,         /* 128 bits */
	MAX_DEVICES = 4096,       /* devices a room remembers */
	MAX_ROWS = 64,            /* rows whose votes a room remembers (a workshop has fewer) */
	DEVICE_BUCKETS = 8192,    /* of the token hash table */
	MAX_BODY = 1024,          /* bytes of a request body */
	MAX_CONNECTIONS = 256,    /* open at once */
	CONNECTION_TIMEOUT = 10,  /* seconds a connection may be idle */
	RATE_WINDOW = 10,         /* seconds over which the limits count */
	VOTES_PER_WINDOW = 20,    /* per device */
	REQUESTS_PER_WINDOW = 60, /* per connection */
	MISSES_PER_WINDOW = 200,  /* requests with a wrong join code, over all connections */
	MAX_QUEUE = 65536,        /* votes waiting for the TUI */
	COOKIE_MAX_AGE = 12 * 3600,
};

/* libmicrohttpd's functions, loaded when a server first starts. */
static const struct vote_mhd *mhd;

/* The join code's characters: lower-case letters and digits that cannot be taken for one
 * another (no 0/o, 1/l/i). */
static const char code_alphabet[] = "23456789abcdefghjkmnpqrstuvwxyz";

/* A phone (a browser) that joined: its token, its vote on each row the room remembers, its
 * rate. */
struct device {
	unsigned char token[TOKEN_BYTES];
	int next;                       /* the next device in its hash bucket, -1: none */
	unsigned char phase[MAX_ROWS];  /* by the room's row slot; 0: no vote */
	bool voted;                     /* on any row: then its place is never given away */
	time_t window;        /* start of the current rate window */
	int votes_in_window;
};

/* Requests counted on one connection (libmicrohttpd's socket context). */
struct connection_count {
	time_t window;
	int requests;
};

/* A request between its first call (its headers) and its answer: what it asks for and, for a
 * vote, its body as it arrives. */
struct request {
	int route; /* enum route */
	bool post;
	size_t len;
	char body[]; /* MAX_BODY + 1 bytes for a POST */
};

struct vote_room {
	pthread_mutex_t lock;
	char code[CODE_LENGTH + 1];
	struct vote_addr addr;
	bool default_host, resolved, bound;
	char url[128];
	struct MHD_Daemon *daemon;
	bool open, keep;
	struct vote_page_row row;
	bool has_row;
	unsigned serial; /* counts the rows opened: the page's form names the one it votes on */
	char row_ids[MAX_ROWS][64]; /* the rows opened so far, by slot: the devices' votes */
	size_t row_slots, row_slot; /* slots in use; the open row's slot */
	size_t row_recycled;        /* the slot to forget next once all are in use */
	struct device *devices;
	size_t device_count;
	size_t reuse_from; /* with all places taken: where to look for one that never voted */
	int buckets[DEVICE_BUCKETS];
	time_t miss_window; /* the rate of wrong join codes (the server's thread only) */
	int misses;
	struct vote_event *queue; /* a ring of CAP events from HEAD, COUNT long */
	size_t queue_head, queue_count, queue_cap;
	int wake_fd;
};

/* Fills BUF with LEN random bytes from getrandom; false when the kernel gives none. */
static bool random_bytes(void *buf, size_t len)
{
	unsigned char *p = buf;

	while (len) {
		ssize_t n = getrandom(p, len, 0);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return false;
		p += n;
		len -= (size_t)n;
	}
	return true;
}

/* Writes a new random join code into CODE (CODE_LENGTH characters of code_alphabet). */
static bool make_code(char code[CODE_LENGTH + 1])
{
	size_t alphabet = sizeof(code_alphabet) - 1, limit = 256 - 256 % alphabet;

	for (int i = 0; i < CODE_LENGTH;) {
		unsigned char b;

		if (!random_bytes(&b, 1))
			return false;
		if (b < limit) /* rejection keeps every character equally likely */
			code[i++] = code_alphabet[b % alphabet];
	}
	code[CODE_LENGTH] = '\0';
	return true;
}

/* Seconds on the monotonic clock. */
static time_t now_seconds(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec;
}

/* Counts one event in a rate window (*WINDOW, *COUNT) and returns false when it is more than
 * LIMIT in the current window. */
static bool within_rate(time_t *window, int *count, int limit)
{
	time_t now = now_seconds();

	if (now - *window >= RATE_WINDOW) {
		*window = now;
		*count = 0;
	}
	return ++*count <= limit;
}

struct vote_room *vote_room_new(const struct vote_options *o, char *why, size_t why_size)
{
	struct vote_room *r = mem.calloc(1, sizeof(*r));

	if (!r) {
		snprintf(why, why_size, "%s", strerror(ENOMEM));
		return NULL;
	}
	r->wake_fd = -1;
	if (!vote_addr_parse(o && o->listen ? o->listen : ":8421", &r->addr, &r->default_host,
			     why, why_size))
		goto fail;
	if (!make_code(r->code)) {
		snprintf(why, why_size, _("no random numbers for the join code: %s"),
			 strerror(errno));
		goto fail;
	}
	r->wake_fd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
	r->devices = mem.calloc(MAX_DEVICES, sizeof(*r->devices));
	if (r->wake_fd < 0 || !r->devices) {
		snprintf(why, why_size, "%s", strerror(r->wake_fd < 0 ? errno : ENOMEM));
		goto fail;
	}
	for (size_t i = 0; i < DEVICE_BUCKETS; i++)
		r->buckets[i] = -1;
	pthread_mutex_init(&r->lock, NULL);
	return r;
fail:
	if (r->wake_fd >= 0)
		close(r->wake_fd);
	mem.free(r->devices);
	mem.free(r);
	return NULL;
}

/* The hash bucket of TOKEN (tokens are random: their first bytes will do). */
static size_t bucket_of(const unsigned char token[TOKEN_BYTES])
{
	return ((size_t)token[0] << 8 | token[1]) % DEVICE_BUCKETS;
}

/* The device with TOKEN, or NULL. Under the lock. */
static struct device *find_device(struct vote_room *r, const unsigned char token[TOKEN_BYTES])
{
	for (int i = r->buckets[bucket_of(token)]; i >= 0; i = r->devices[i].next)
		if (!memcmp(r->devices[i].token, token, TOKEN_BYTES))
			return &r->devices[i];
	return NULL;
}

/* Takes device I out of its hash bucket. Under the lock. */
static void unlink_device(struct vote_room *r, int i)
{
	int *link = &r->buckets[bucket_of(r->devices[i].token)];

	while (*link != i)
		link = &r->devices[*link].next;
	*link = r->devices[i].next;
}

/* The index of a place for a new device: a free one, else (all MAX_DEVICES taken) the one
 * that joined longest ago of those that never voted, taken out of its bucket; -1 when every
 * place holds a device that voted. Under the lock. */
static int free_place(struct vote_room *r)
{
	if (r->device_count < MAX_DEVICES)
		return (int)r->device_count++;
	/* places are taken in order and a reused one joins anew: going round from where the
	 * last search stopped meets the devices that never voted oldest first */
	for (size_t n = 0; n < MAX_DEVICES; n++) {
		int i = (int)r->reuse_from;

		r->reuse_from = (r->reuse_from + 1) % MAX_DEVICES;
		if (!r->devices[i].voted) {
			unlink_device(r, i);
			return i;
		}
	}
	return -1;
}

/* A new device with a fresh random token, or NULL when every place holds a device that voted
 * (or no random numbers came). Under the lock. */
static struct device *add_device(struct vote_room *r)
{
	unsigned char token[TOKEN_BYTES];
	struct device *d;
	size_t b;
	int i;

	if (!random_bytes(token, TOKEN_BYTES) || find_device(r, token) || (i = free_place(r)) < 0)
		return NULL;
	d = &r->devices[i];
	*d = (struct device){ .next = -1 };
	memcpy(d->token, token, TOKEN_BYTES);
	b = bucket_of(d->token);
	d->next = r->buckets[b];
	r->buckets[b] = i;
	return d;
}

/* The device named by the request's cookie, or NULL. Under the lock. */
static struct device *device_of(struct vote_room *r, struct MHD_Connection *c)
{
	unsigned char token[TOKEN_BYTES];
	const char *cookie = mhd->MHD_lookup_connection_value(c, MHD_COOKIE_KIND, "meetlat");

	return vote_token_parse(cookie, token) ? find_device(r, token) : NULL;
}

/* Queues the vote event E and wakes the TUI; false when the queue is full. Under the lock. */
static bool queue_push(struct vote_room *r, const struct vote_event *e)
{
	uint64_t one = 1;

	if (r->queue_count == r->queue_cap) {
		size_t cap = r->queue_cap ? r->queue_cap * 2 : 256;
		struct vote_event *q;

		if (cap > MAX_QUEUE || !(q = mem.malloc(cap * sizeof(*q))))
			return false;
		for (size_t i = 0; i < r->queue_count; i++)
			q[i] = r->queue[(r->queue_head + i) % r->queue_cap];
		mem.free(r->queue);
		r->queue = q;
		r->queue_cap = cap;
		r->queue_head = 0;
	}
	r->queue[(r->queue_head + r->queue_count++) % r->queue_cap] = *e;
	(void)!write(r->wake_fd, &one, sizeof(one)); /* failing, the counter is full: readable */
	return true;
}

/* ---- Answers ------------------------------------------------------------------------------ */

/* Adds the headers every answer carries: no caching, no sniffing, no referrer, the policy. */
static void add_security_headers(struct MHD_Response *resp)
{
	mhd->MHD_add_response_header(resp, "Content-Security-Policy", vote_page_csp());
	mhd->MHD_add_response_header(resp, "X-Content-Type-Options", "nosniff");
	mhd->MHD_add_response_header(resp, "Referrer-Policy", "no-referrer");
	mhd->MHD_add_response_header(resp, "Cache-Control", "no-store");
	mhd->MHD_add_response_header(resp, "X-Frame-Options", "DENY");
}

/* Sends STATUS with the text T (of TYPE) and, when TOKEN is given, the device's cookie for
 * the room R. Frees T. */
static enum MHD_Result answer(struct vote_room *r, struct MHD_Connection *c, unsigned status,
			      struct text *t, const char *type, const struct device *cookie)
{
	struct MHD_Response *resp;
	enum MHD_Result result;

	if (t->failed) {
		text_free(t);
		return MHD_NO; /* out of memory: libmicrohttpd closes the connection */
	}
	resp = mhd->MHD_create_response_from_buffer(t->len, t->data, MHD_RESPMEM_MUST_COPY);
	text_free(t);
	if (!resp)
		return MHD_NO;
	add_security_headers(resp);
	mhd->MHD_add_response_header(resp, "Content-Type", type);
	if (cookie) {
		char value[160];
		int o = snprintf(value, sizeof(value), "meetlat=");

		for (int i = 0; i < TOKEN_BYTES; i++)
			o += snprintf(value + o, sizeof(value) - (size_t)o, "%02x", cookie->token[i]);
		snprintf(value + o, sizeof(value) - (size_t)o,
			 "; Path=/%s; Max-Age=%d; HttpOnly; SameSite=Lax", r->code,
			 COOKIE_MAX_AGE);
		mhd->MHD_add_response_header(resp, "Set-Cookie", value);
	}
	result = mhd->MHD_queue_response(c, status, resp);
	mhd->MHD_destroy_response(resp);
	return result;
}

/* Sends STATUS with a small page that says MESSAGE. */
static enum MHD_Result answer_message(struct vote_room *r, struct MHD_Connection *c,
				      unsigned status, const char *message)
{
	struct text t = { 0 };

	text_adds(&t, "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>");
	vote_add_escaped(&t, message);
	text_adds(&t, "</title></head><body><p>");
	vote_add_escaped(&t, message);
	text_adds(&t, "</p></body></html>\n");
	return answer(r, c, status, &t, "text/html; charset=utf-8", NULL);
}

/* Sends the participant's page for device D (NULL: none) with NOTICE and STATUS; sets the
 * cookie when NEW_DEVICE. Under the lock. */
static enum MHD_Result answer_page(struct vote_room *r, struct MHD_Connection *c,
				   unsigned status, const struct device *d, bool new_device,
				   enum vote_notice notice)
{
	struct text t = { 0 };
	struct vote_page_view view = { .serial = r->serial, .notice = notice, .code = r->code };

	if (r->open) {
		view.row = &r->row;
		view.chosen = d ? d->phase[r->row_slot] : 0;
		if (view.chosen && notice == VOTE_NOTICE_NONE)
			view.notice = VOTE_NOTICE_RECEIVED;
	}
	vote_page_html(&t, &view);
	return answer(r, c, status, &t, "text/html; charset=utf-8", new_device ? d : NULL);
}

/* Answers GET /CODE: the page, with a new token for a device that has none (429 when all the
 * room's places hold devices that voted). Under the lock. */
static enum MHD_Result get_page(struct vote_room *r, struct MHD_Connection *c)
{
	struct device *d = device_of(r, c);
	bool new_device = false;

	if (!d) {
		d = add_device(r);
		if (!d)
			return answer_message(r, c, MHD_HTTP_TOO_MANY_REQUESTS,
					      _("Too many phones have joined this vote."));
		new_device = true;
	}
	return answer_page(r, c, MHD_HTTP_OK, d, new_device, VOTE_NOTICE_NONE);
}

/* Answers GET /CODE/state: the open row's key and this device's vote. Under the lock. */
static enum MHD_Result get_state(struct vote_room *r, struct MHD_Connection *c)
{
	struct text t = { 0 };
	const struct device *d = device_of(r, c);
	int vote = r->open && d ? d->phase[r->row_slot] : 0;

	vote_page_state_json(&t, r->open ? r->serial : 0, vote);
	return answer(r, c, MHD_HTTP_OK, &t, "application/json", NULL);
}

/* Sends 303 See Other to the room's own page (/CODE): the Post/Redirect/Get of a vote. */
static enum MHD_Result answer_redirect(struct vote_room *r, struct MHD_Connection *c)
{
	struct MHD_Response *resp;
	enum MHD_Result result;
	char location[16];

	snprintf(location, sizeof(location), "/%s", r->code);
	resp = mhd->MHD_create_response_from_buffer(0, NULL, MHD_RESPMEM_PERSISTENT);
	if (!resp)
		return MHD_NO;
	add_security_headers(resp);
	mhd->MHD_add_response_header(resp, "Location", location);
	result = mhd->MHD_queue_response(c, MHD_HTTP_SEE_OTHER, resp);
	mhd->MHD_destroy_response(resp);
	return result;
}

/* Records device D's vote for PHASE on the open row and queues its event; false when the
 * queue is full. A vote for the phase it already has changes nothing. Under the lock. */
static bool record_vote(struct vote_room *r, struct device *d, int phase)
{
	struct vote_event e = { .phase = phase };

	e.replaces = d->phase[r->row_slot];
	if (e.replaces == phase)
		return true;
	snprintf(e.row, sizeof(e.row), "%s", r->row.id);
	if (!queue_push(r, &e))
		return false;
	d->phase[r->row_slot] = (unsigned char)phase;
	d->voted = true;
	return true;
}

/* Answers POST /CODE with the form BODY (LEN bytes): records the vote and sends the device
 * back to its page (Post/Redirect/Get), or says why it was not counted. Under the lock. */
static enum MHD_Result post_vote(struct vote_room *r, struct MHD_Connection *c, const char *body,
				 size_t len)
{
	struct device *d = device_of(r, c);
	unsigned serial;
	int phase;

	if (!d) { /* no valid token: one now, and the page again: the participant taps again */
		d = add_device(r);
		if (!d)
			return answer_message(r, c, MHD_HTTP_TOO_MANY_REQUESTS,
					      _("Too many phones have joined this vote."));
		return answer_page(r, c, MHD_HTTP_OK, d, true, VOTE_NOTICE_REJOIN);
	}
	if (!vote_form_parse(body, len, &serial, &phase))
		return answer_message(r, c, MHD_HTTP_BAD_REQUEST, _("This is not a vote."));
	if (!within_rate(&d->window, &d->votes_in_window, VOTES_PER_WINDOW))
		return answer_message(r, c, MHD_HTTP_TOO_MANY_REQUESTS,
				      _("Too many votes at once; wait a moment and try again."));
	if (!r->open)
		return answer_page(r, c, MHD_HTTP_CONFLICT, d, false, VOTE_NOTICE_CLOSED);
	if (serial != r->serial)
		return answer_page(r, c, MHD_HTTP_CONFLICT, d, false, VOTE_NOTICE_STALE);
	if (!record_vote(r, d, phase))
		return answer_message(r, c, MHD_HTTP_SERVICE_UNAVAILABLE,
				      _("Too many votes at once; wait a moment and try again."));
	return answer_redirect(r, c);
}

/* ---- Requests ----------------------------------------------------------------------------- */

/* The room's own paths; anything else is not found. */
enum route { ROUTE_NONE, ROUTE_PAGE, ROUTE_STATE };

/* True when the request path URL starts with room R's join code: /CODE. */
static bool has_code(const struct vote_room *r, const char *url)
{
	return url[0] == '/' && !strncmp(url + 1, r->code, CODE_LENGTH);
}

/* The route of the request path URL in room R: /CODE (or /CODE/) and /CODE/state. */
static enum route route_of(const struct vote_room *r, const char *url)
{
	if (!has_code(r, url))
		return ROUTE_NONE;
	url += 1 + CODE_LENGTH;
	if (!strcmp(url, "") || !strcmp(url, "/"))
		return ROUTE_PAGE;
	if (!strcmp(url, "/state"))
		return ROUTE_STATE;
	return ROUTE_NONE;
}

/* The request count of connection C, or NULL when there was no memory for it. */
static struct connection_count *count_of(struct MHD_Connection *c)
{
	const union MHD_ConnectionInfo *info =
		mhd->MHD_get_connection_info(c, MHD_CONNECTION_INFO_SOCKET_CONTEXT);

	return info ? info->socket_context : NULL;
}

/* True when the request on C announces a body: a Content-Length other than 0, or any
 * Transfer-Encoding (a chunked body). */
static bool has_body(struct MHD_Connection *c)
{
	const char *length =
		mhd->MHD_lookup_connection_value(c, MHD_HEADER_KIND,
						 MHD_HTTP_HEADER_CONTENT_LENGTH);

	return (length && strspn(length, "0") != strlen(length)) ||
	       mhd->MHD_lookup_connection_value(c, MHD_HEADER_KIND,
						MHD_HTTP_HEADER_TRANSFER_ENCODING);
}

/* Answers the first call of a request (its headers are in) when it is refused: not found,
 * too many, too large, not allowed (the connection is then closed); else sets *REQUEST to
 * what the next calls answer. */
static enum MHD_Result start_request(struct vote_room *r, struct MHD_Connection *c,
				     const char *url, const char *method, void **request)
{
	enum route route = route_of(r, url);
	bool get = !strcmp(method, MHD_HTTP_METHOD_GET) || !strcmp(method, MHD_HTTP_METHOD_HEAD);
	bool post = !strcmp(method, MHD_HTTP_METHOD_POST) && route == ROUTE_PAGE;
	struct connection_count *count = count_of(c);
	const char *length;
	struct request *req;

	if (!count)
		return MHD_NO; /* a connection that cannot be counted is refused: closed */
	if (route == ROUTE_NONE && !has_code(r, url) &&
	    !within_rate(&r->miss_window, &r->misses, MISSES_PER_WINDOW))
		return answer_message(r, c, MHD_HTTP_TOO_MANY_REQUESTS,
				      _("Too many requests; wait a moment and try again."));
	if (route == ROUTE_NONE)
		return answer_message(r, c, MHD_HTTP_NOT_FOUND, _("Not found."));
	if (!within_rate(&count->window, &count->requests, REQUESTS_PER_WINDOW))
		return answer_message(r, c, MHD_HTTP_TOO_MANY_REQUESTS,
				      _("Too many requests; wait a moment and try again."));
	if (!get && !post)
		return answer_message(r, c, MHD_HTTP_METHOD_NOT_ALLOWED, _("Not allowed."));
	if (!post && has_body(c))
		return answer_message(r, c, MHD_HTTP_BAD_REQUEST,
				      _("This kind of request has no body."));
	length = mhd->MHD_lookup_connection_value(c, MHD_HEADER_KIND,
						  MHD_HTTP_HEADER_CONTENT_LENGTH);
	if (length && strtoull(length, NULL, 10) > MAX_BODY)
		return answer_message(r, c, MHD_HTTP_CONTENT_TOO_LARGE, _("Too large."));
	req = mem.calloc(1, sizeof(*req) + (post ? MAX_BODY + 1 : 0));
	if (!req)
		return MHD_NO;
	req->route = route;
	req->post = post;
	*request = req;
	return MHD_YES;
}

/* Adds the piece DATA (LEN bytes) of a vote's body to REQ; false (nothing copied) when REQ
 * takes no body (not a POST) or the body grows past MAX_BODY. */
static bool take_body(struct request *req, const char *data, size_t len)
{
	if (!req->post || len > MAX_BODY - req->len)
		return false;
	memcpy(req->body + req->len, data, len);
	req->len += len;
	return true;
}

/* Answers the request REQ, whose body (if any) is in, under the room's lock. */
static enum MHD_Result finish_request(struct vote_room *r, struct MHD_Connection *c,
				      const struct request *req)
{
	enum MHD_Result result;

	pthread_mutex_lock(&r->lock);
	if (req->post)
		result = post_vote(r, c, req->body, req->len);
	else if (req->route == ROUTE_PAGE)
		result = get_page(r, c);
	else
		result = get_state(r, c);
	pthread_mutex_unlock(&r->lock);
	return result;
}

/* libmicrohttpd's access handler: called once with the headers, then with each piece of a
 * body, then once more with none (answering on that call keeps the connection alive). */
static enum MHD_Result handle(void *cls, struct MHD_Connection *c, const char *url,
			      const char *method, const char *version, const char *data,
			      size_t *data_size, void **request)
{
	struct vote_room *r = cls;
	struct request *req = *request;

	(void)version;
	if (!req)
		return start_request(r, c, url, method, request);
	if (*data_size) {
		if (!take_body(req, data, *data_size))
			return MHD_NO; /* too big, or where none belongs: the connection closes */
		*data_size = 0;
		return MHD_YES;
	}
	return finish_request(r, c, req);
}

/* libmicrohttpd's unescaping of the path, turned off: the room's paths have no %-escapes, so
 * "/CODE%2F" or "/CODE/%00" are not found rather than decoded into the page. */
static size_t unescape_nothing(void *cls, struct MHD_Connection *c, char *s)
{
	(void)cls;
	(void)c;
	return strlen(s);
}

/* Frees a request when it ends. */
static void request_done(void *cls, struct MHD_Connection *c, void **request,
			 enum MHD_RequestTerminationCode code)
{
	(void)cls;
	(void)c;
	(void)code;
	mem.free(*request);
	*request = NULL;
}

/* Gives each connection its request count (NULL without memory: its requests are refused),
 * and frees it when the connection closes. */
static void connection_notice(void *cls, struct MHD_Connection *c, void **context,
			      enum MHD_ConnectionNotificationCode code)
{
	(void)cls;
	(void)c;
	if (code == MHD_CONNECTION_NOTIFY_STARTED) {
		*context = mem.calloc(1, sizeof(struct connection_count));
	} else {
		mem.free(*context);
		*context = NULL;
	}
}

/* ---- The server --------------------------------------------------------------------------- */

/* Writes why binding the room's address failed with ERR into WHY. */
static void bind_failure(const struct vote_room *r, int err, char *why, size_t why_size)
{
	int port = vote_addr_port(&r->addr);

	if (err == EADDRINUSE)
		snprintf(why, why_size,
			 _("port %d on %s is in use (by another program, or another meetlat); "
			   "choose another with --listen ADDR:PORT"),
			 port, r->addr.host);
	else if (err == EADDRNOTAVAIL)
		snprintf(why, why_size,
			 _("%s is not an address of this computer; choose one with --listen "
			   "ADDR:PORT"),
			 r->addr.host);
	else if (err == EACCES)
		snprintf(why, why_size, _("port %d needs administrator rights; choose one above 1023"),
			 port);
	else
		snprintf(why, why_size, _("cannot listen on %s port %d: %s"), r->addr.host, port,
			 strerror(err));
}

/* A socket bound to the room's address and listening, or -1 with the reason in WHY. */
static int listen_socket(struct vote_room *r, char *why, size_t why_size)
{
	int family = r->addr.sa.ss_family, one = 1;
	int fd = socket(family, SOCK_STREAM | SOCK_CLOEXEC, 0);
	struct sockaddr_storage got;
	socklen_t len = sizeof(got);

	if (fd < 0) {
		bind_failure(r, errno, why, why_size);
		return -1;
	}
	setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
	if (family == AF_INET6)
		setsockopt(fd, IPPROTO_IPV6, IPV6_V6ONLY, &one, sizeof(one));
	if (bind(fd, (struct sockaddr *)&r->addr.sa, r->addr.len) != 0 ||
	    listen(fd, SOMAXCONN) != 0 || getsockname(fd, (struct sockaddr *)&got, &len) != 0) {
		bind_failure(r, errno, why, why_size);
		close(fd);
		return -1;
	}
	/* port 0 took any free port: keep it, so that phones find the same address again */
	r->addr.sa.ss_family = got.ss_family;
	vote_addr_set_port(&r->addr, family == AF_INET6
					     ? ntohs(((struct sockaddr_in6 *)&got)->sin6_port)
					     : ntohs(((struct sockaddr_in *)&got)->sin_port));
	return fd;
}

/* Writes the URL of the room: its host (or, listening on all interfaces, the first private
 * address), port and code. */
static void make_url(struct vote_room *r)
{
	struct vote_addr shown = r->addr;
	char ignored[256];

	if (vote_addr_is_any(&r->addr) && !vote_addr_private(&shown, ignored, sizeof(ignored)))
		shown = r->addr;
	snprintf(r->url, sizeof(r->url), "http://%s:%d/%s", shown.host, vote_addr_port(&r->addr),
		 r->code);
}

/* Starts the server unless it runs; false with the reason in WHY. */
static bool server_start(struct vote_room *r, char *why, size_t why_size)
{
	int fd;

	if (r->daemon)
		return true;
	if (!mhd && !(mhd = vote_mhd_load(why, why_size)))
		return false;
	if (r->default_host && !r->resolved && !vote_addr_private(&r->addr, why, why_size))
		return false;
	r->resolved = true;
	fd = listen_socket(r, why, why_size);
	if (fd < 0)
		return false;
	/* poll(), not epoll: with libmicrohttpd 0.9.75's epoll a server at its connection limit
	 * sometimes stopped accepting for good once connections closed (tests/cli/vote-load.sh) */
	r->daemon = mhd->MHD_start_daemon(
		MHD_USE_POLL_INTERNAL_THREAD | (r->addr.sa.ss_family == AF_INET6 ? MHD_USE_IPv6 : 0),
		0, NULL, NULL, handle, r, MHD_OPTION_LISTEN_SOCKET, fd,
		MHD_OPTION_CONNECTION_LIMIT, (unsigned)MAX_CONNECTIONS,
		MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)CONNECTION_TIMEOUT,
		MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)16384,
		MHD_OPTION_NOTIFY_COMPLETED, request_done, r,
		MHD_OPTION_NOTIFY_CONNECTION, connection_notice, r,
		MHD_OPTION_UNESCAPE_CALLBACK, unescape_nothing, r, MHD_OPTION_END);
	if (!r->daemon) {
		close(fd);
		snprintf(why, why_size, _("cannot start the vote server on %s port %d"),
			 r->addr.host, vote_addr_port(&r->addr));
		return false;
	}
	if (!r->bound)
		make_url(r);
	r->bound = true;
	return true;
}

/* Stops the server if it runs: nothing listens after it. */
static void server_stop(struct vote_room *r)
{
	if (r->daemon)
		mhd->MHD_stop_daemon(r->daemon);
	r->daemon = NULL;
}

/* ---- The room ----------------------------------------------------------------------------- */

/* The slot of the row ID: the one it had when it was opened before, else a new one; once
 * MAX_ROWS rows were opened, the slot of the row opened first of those remembered, whose
 * votes every device forgets. Under the lock. */
static size_t row_slot_of(struct vote_room *r, const char *id)
{
	size_t slot;

	for (slot = 0; slot < r->row_slots; slot++)
		if (!strcmp(r->row_ids[slot], id))
			return slot;
	if (r->row_slots < MAX_ROWS) {
		slot = r->row_slots++;
	} else {
		slot = r->row_recycled;
		r->row_recycled = (r->row_recycled + 1) % MAX_ROWS;
		for (size_t i = 0; i < r->device_count; i++)
			r->devices[i].phase[slot] = 0;
	}
	snprintf(r->row_ids[slot], sizeof(r->row_ids[slot]), "%s", id);
	return slot;
}

bool vote_room_open(struct vote_room *r, const struct vote_row *row, char *why, size_t why_size)
{
	struct vote_page_row copy;
	bool same;

	if (!vote_page_row_copy(&copy, row->id, row->name, row->group, row->lang,
				row->phase_name, row->behaviour)) {
		snprintf(why, why_size, "%s", strerror(ENOMEM));
		return false;
	}
	if (!server_start(r, why, why_size)) {
		vote_page_row_free(&copy);
		return false;
	}
	pthread_mutex_lock(&r->lock);
	same = r->has_row && !strcmp(r->row.id, copy.id);
	vote_page_row_free(&r->row);
	r->row = copy;
	r->has_row = true;
	if (!same)
		r->serial++; /* pages of the earlier row are stale */
	r->row_slot = row_slot_of(r, copy.id);
	r->open = true;
	pthread_mutex_unlock(&r->lock);
	return true;
}

void vote_room_close(struct vote_room *r)
{
	pthread_mutex_lock(&r->lock);
	r->open = false;
	pthread_mutex_unlock(&r->lock);
	if (!r->keep)
		server_stop(r);
}

void vote_room_keep_open(struct vote_room *r, bool keep)
{
	char ignored[256];

	r->keep = keep;
	if (keep && r->bound)
		server_start(r, ignored, sizeof(ignored)); /* a failure shows at the next open */
	else if (!keep && !r->open)
		server_stop(r);
}

bool vote_room_is_open(const struct vote_room *r)
{
	return r->open;
}

const char *vote_room_url(const struct vote_room *r)
{
	return r->bound ? r->url : NULL;
}

int vote_room_wake_fd(const struct vote_room *r)
{
	return r->wake_fd;
}

size_t vote_room_take(struct vote_room *r, struct vote_event *out, size_t max)
{
	size_t n = 0;
	uint64_t count;

	pthread_mutex_lock(&r->lock);
	for (; n < max && r->queue_count; n++) {
		out[n] = r->queue[r->queue_head];
		r->queue_head = (r->queue_head + 1) % r->queue_cap;
		r->queue_count--;
	}
	if (!r->queue_count && read(r->wake_fd, &count, sizeof(count)) < 0)
		count = 0; /* nothing to clear */
	pthread_mutex_unlock(&r->lock);
	return n;
}

void vote_room_free(struct vote_room *r)
{
	if (!r)
		return;
	server_stop(r);
	pthread_mutex_destroy(&r->lock);
	close(r->wake_fd);
	/* the tokens are forgotten: nothing of them stays in memory either */
	explicit_bzero(r->devices, MAX_DEVICES * sizeof(*r->devices));
	mem.free(r->devices);
	mem.free(r->queue);
	vote_page_row_free(&r->row);
	mem.free(r);
}
