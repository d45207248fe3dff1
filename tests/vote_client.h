/* vote_client.h - a tiny HTTP/1.1 client for the tests of the phone-vote server: it sends a
 * request as written, reads the whole answer (the server closes, or the length is reached) and
 * splits it into status, headers and body. Loopback addresses only; every wait is bounded. */
#ifndef MEETLAT_TESTS_VOTE_CLIENT_H
#define MEETLAT_TESTS_VOTE_CLIENT_H

#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <poll.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

/* Where a room listens, from its URL "http://HOST:PORT/CODE". */
struct vote_target {
	char host[64]; /* without brackets */
	int port;
	char code[16];
};

/* One answer: STATUS (0: none came), the header block and the body (NUL-terminated copies). */
struct vote_reply {
	int status;
	char *head, *body;
	size_t body_len;
};

/* Parses URL into T; false when it is not such a URL. */
static inline bool vote_target_parse(const char *url, struct vote_target *t)
{
	const char *h = url + strlen("http://"), *end, *colon;

	memset(t, 0, sizeof(*t));
	if (!url || strncmp(url, "http://", 7))
		return false;
	if (*h == '[') {
		end = strchr(h, ']');
		if (!end)
			return false;
		snprintf(t->host, sizeof(t->host), "%.*s", (int)(end - h - 1), h + 1);
		colon = end + 1;
	} else {
		colon = strchr(h, ':');
		if (!colon)
			return false;
		snprintf(t->host, sizeof(t->host), "%.*s", (int)(colon - h), h);
	}
	if (*colon != ':')
		return false;
	t->port = atoi(colon + 1);
	end = strchr(colon, '/');
	if (!end)
		return false;
	snprintf(t->code, sizeof(t->code), "%s", end + 1);
	return true;
}

/* A socket connected to T (timeouts of SECONDS on reading and writing), or -1 with errno. */
static inline int vote_connect(const struct vote_target *t, int seconds)
{
	struct sockaddr_storage sa = { 0 };
	socklen_t len;
	struct timeval tv = { .tv_sec = seconds };
	int fd, err;

	if (strchr(t->host, ':')) {
		struct sockaddr_in6 *s6 = (struct sockaddr_in6 *)&sa;

		s6->sin6_family = AF_INET6;
		s6->sin6_port = htons((unsigned short)t->port);
		inet_pton(AF_INET6, t->host, &s6->sin6_addr);
		len = sizeof(*s6);
	} else {
		struct sockaddr_in *s4 = (struct sockaddr_in *)&sa;

		s4->sin_family = AF_INET;
		s4->sin_port = htons((unsigned short)t->port);
		inet_pton(AF_INET, t->host, &s4->sin_addr);
		len = sizeof(*s4);
	}
	fd = socket(sa.ss_family, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (fd < 0)
		return -1;
	setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
	setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof(tv));
	if (connect(fd, (struct sockaddr *)&sa, len) != 0) {
		err = errno;
		close(fd);
		errno = err;
		return -1;
	}
	return fd;
}

/* Writes the LEN bytes of DATA to FD; false when it could not. */
static inline bool vote_send_all(int fd, const char *data, size_t len)
{
	while (len) {
		ssize_t n = send(fd, data, len, MSG_NOSIGNAL);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return false;
		data += n;
		len -= (size_t)n;
	}
	return true;
}

/* Reads from FD until it closes, an error or a timeout; returns the malloc'd bytes (their
 * count in *LEN), NUL-terminated. */
static inline char *vote_read_all(int fd, size_t *len)
{
	size_t cap = 8192;
	char *buf = malloc(cap);

	*len = 0;
	for (;;) {
		ssize_t n;

		if (*len + 4096 + 1 > cap)
			buf = realloc(buf, cap *= 2);
		n = recv(fd, buf + *len, cap - *len - 1, 0);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		*len += (size_t)n;
	}
	buf[*len] = '\0';
	return buf;
}

/* Splits the answer RAW (LEN bytes; taken over) into R. */
static inline void vote_reply_split(char *raw, size_t len, struct vote_reply *r)
{
	char *blank = strstr(raw, "\r\n\r\n");

	memset(r, 0, sizeof(*r));
	if (sscanf(raw, "HTTP/1.%*d %d", &r->status) != 1)
		r->status = 0;
	r->head = raw;
	r->body = blank ? blank + 4 : raw + len;
	r->body_len = (size_t)(raw + len - r->body);
	if (blank)
		blank[2] = '\0'; /* the head keeps its last line's CRLF */
}

/* Frees R's text. */
static inline void vote_reply_free(struct vote_reply *r)
{
	free(r->head);
	memset(r, 0, sizeof(*r));
}

/* Sends REQUEST (a whole HTTP request, which should say Connection: close) to T and reads the
 * answer into R; false (R's status 0) when no connection could be made. */
static inline bool vote_exchange(const struct vote_target *t, const char *request, size_t len,
				 struct vote_reply *r)
{
	int fd = vote_connect(t, 5);
	size_t got;
	char *raw;

	memset(r, 0, sizeof(*r));
	if (fd < 0)
		return false;
	if (!vote_send_all(fd, request, len)) {
		close(fd);
		return false;
	}
	raw = vote_read_all(fd, &got);
	vote_reply_split(raw, got, r);
	close(fd);
	return true;
}

/* Sends METHOD PATH with the COOKIE header value (NULL: none) and BODY (NULL: none, for a
 * form POST its text) to T; reads the answer into R. */
static inline bool vote_request(const struct vote_target *t, const char *method, const char *path,
				const char *cookie, const char *body, struct vote_reply *r)
{
	char head[1024];
	char *request;
	size_t body_len = body ? strlen(body) : 0, len;
	bool ok;

	snprintf(head, sizeof(head),
		 "%s %s HTTP/1.1\r\nHost: %s:%d\r\nConnection: close\r\n%s%s%s%s",
		 method, path, t->host, t->port, cookie ? "Cookie: " : "", cookie ? cookie : "",
		 cookie ? "\r\n" : "",
		 body ? "Content-Type: application/x-www-form-urlencoded\r\n" : "");
	len = strlen(head) + body_len + 64;
	request = malloc(len);
	snprintf(request, len, "%sContent-Length: %zu\r\n\r\n%s", head, body_len, body ? body : "");
	if (!body) /* no body: no Content-Length either */
		snprintf(request, len, "%s\r\n", head);
	ok = vote_exchange(t, request, strlen(request), r);
	free(request);
	return ok;
}

/* The value of header NAME in R's head, copied into OUT (SIZE bytes); false when absent. */
static inline bool vote_reply_header(const struct vote_reply *r, const char *name, char *out,
				     size_t size)
{
	size_t n = strlen(name);

	for (const char *line = r->head; line && *line;) {
		const char *end = strstr(line, "\r\n");

		if (!end)
			break;
		if (!strncasecmp(line, name, n) && line[n] == ':') {
			const char *v = line + n + 1;

			while (*v == ' ')
				v++;
			snprintf(out, size, "%.*s", (int)(end - v), v);
			return true;
		}
		line = end + 2;
	}
	return false;
}

/* Writes "meetlat=TOKEN" from R's Set-Cookie into COOKIE (64 bytes); false when none. */
static inline bool vote_reply_cookie(const struct vote_reply *r, char cookie[64])
{
	char value[256];
	size_t n;

	if (!vote_reply_header(r, "Set-Cookie", value, sizeof(value)))
		return false;
	n = strcspn(value, ";");
	snprintf(cookie, 64, "%.*s", (int)n, value);
	return true;
}

/* The row serial the page in R's body votes on (its hidden field), or 0. */
static inline unsigned vote_reply_serial(const struct vote_reply *r)
{
	const char *f = r->body ? strstr(r->body, "name=\"row\" value=\"") : NULL;

	return f ? (unsigned)strtoul(f + strlen("name=\"row\" value=\""), NULL, 10) : 0;
}

#endif
