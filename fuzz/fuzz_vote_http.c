/* fuzz_vote_http.c - libFuzzer target for the vote server's own request handling
 * (start_request, take_body, handle and the answers in vote/vote.c) behind libmicrohttpd: any
 * bytes, with each '@' replaced by the room's join code (so that inputs reach the room's
 * paths), are sent as a request to a room on 127.0.0.1; the server answers with an HTTP status
 * line or closes the connection, never crashes (ASan, UBSan), and every 64 inputs still
 * answers a phone's GET of its page with 200. A loopback connection an input: slow, for
 * short runs.
 *
 *   make build/fuzz/fuzz_vote_http
 *   build/fuzz/fuzz_vote_http -max_len=2048 -max_total_time=60 CORPUS_DIR */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include "vote.h"

/* Sends DATA to the room; libFuzzer calls it for every input. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Stops the run (libFuzzer keeps the input) when a promise is broken. */
static void require(int ok)
{
	if (!ok)
		abort();
}

static struct vote_room *room;
static int port;
static char code[16];

/* Makes the room on 127.0.0.1 (any free port) with a row open, once. */
static void room_up(void)
{
	static const struct vote_row row = {
		.id = "r-1", .name = "Beleid", .group = "Strategie", .lang = "nl",
		.phase_name = { "1", "2", "3", "4" }, .behaviour = { "a", "b", "c", "d" },
	};
	struct vote_options o = { .listen = "127.0.0.1:0" };
	char why[256];
	const char *url;

	room = vote_room_new(&o, why, sizeof(why));
	require(room && vote_room_open(room, &row, why, sizeof(why)));
	url = vote_room_url(room);
	require(sscanf(url, "http://127.0.0.1:%d/%15s", &port, code) == 2);
}

/* Sends the LEN bytes of REQUEST on a new connection, ends the sending side and reads the
 * answer's first bytes into HEAD (SIZE bytes, NUL-terminated); returns how many came. */
static size_t exchange(const char *request, size_t len, char *head, size_t size)
{
	struct sockaddr_in sa = { .sin_family = AF_INET, .sin_port = htons((uint16_t)port) };
	struct timeval tv = { .tv_sec = 2 };
	int fd = socket(AF_INET, SOCK_STREAM, 0);
	size_t got = 0;
	char sink[4096];
	ssize_t n;

	require(fd >= 0);
	sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
	setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof(tv));
	require(connect(fd, (struct sockaddr *)&sa, sizeof(sa)) == 0);
	for (size_t sent = 0; sent < len && (n = send(fd, request + sent, len - sent,
							MSG_NOSIGNAL)) > 0;)
		sent += (size_t)n;
	shutdown(fd, SHUT_WR);
	while ((n = recv(fd, got < size - 1 ? head + got : sink,
			 got < size - 1 ? size - 1 - got : sizeof(sink), 0)) > 0)
		got += got < size - 1 ? (size_t)n : 0;
	close(fd);
	head[got] = '\0';
	return got;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static unsigned inputs;
	struct vote_event events[64];
	char *request = malloc(size * 8 + 1), head[64];
	size_t len = 0, got;

	if (!room)
		room_up();
	for (size_t i = 0; i < size; i++) { /* '@' is the join code */
		if (data[i] == '@') {
			memcpy(request + len, code, strlen(code));
			len += strlen(code);
		} else {
			request[len++] = (char)data[i];
		}
	}
	got = exchange(request, len, head, sizeof(head));
	require(got == 0 || !strncmp(head, "HTTP/1.", got < 7 ? got : 7));
	free(request);
	while (vote_room_take(room, events, 64) == 64)
		; /* the TUI's part: the queue never fills */
	if (++inputs % 64 == 0) {
		char page[128];
		int n = snprintf(page, sizeof(page),
				 "GET /%s HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", code);

		exchange(page, (size_t)n, head, sizeof(head));
		require(!strncmp(head, "HTTP/1.1 200", 12));
	}
	return 0;
}
