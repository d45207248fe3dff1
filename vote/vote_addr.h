/* vote_addr.h - where the phone-vote server listens: the --listen text parsed, or the first
 * private address of this computer's network. */
#ifndef MEETLAT_VOTE_ADDR_H
#define MEETLAT_VOTE_ADDR_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/socket.h>

enum { VOTE_DEFAULT_PORT = 8421 };

/* An address to listen on: the socket address and the host as a URL writes it ("192.168.1.20",
 * "[fd00::5]"). */
struct vote_addr {
	struct sockaddr_storage sa;
	socklen_t len;
	char host[64];
};

/* Parses TEXT: "ADDR:PORT", "[V6ADDR]:PORT", "ADDR" (port 8421) or ":PORT" (the default
 * address); only numeric addresses. Sets *DEFAULT_HOST when TEXT names no address (the
 * caller then finds one with vote_addr_private). False and the reason in WHY when it is not
 * such a text. */
bool vote_addr_parse(const char *text, struct vote_addr *a, bool *default_host, char *why,
		     size_t why_size);

/* Sets A's address (keeping its port) to the first private address of an interface that is
 * up: IPv4 10/8, 172.16/12, 192.168/16 first, then IPv6 fd00::/8. False and the reason in WHY
 * when there is none (no network). */
bool vote_addr_private(struct vote_addr *a, char *why, size_t why_size);

/* The port of A. */
int vote_addr_port(const struct vote_addr *a);

/* Sets the port of A. */
void vote_addr_set_port(struct vote_addr *a, int port);

/* True when A is 0.0.0.0 or :: (all interfaces). */
bool vote_addr_is_any(const struct vote_addr *a);

#endif
