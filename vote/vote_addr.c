/* vote_addr.c - parsing --listen and finding the room's private network address. */
#include "vote_addr.h"

#include <arpa/inet.h>
#include <ifaddrs.h>
#include <net/if.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"

/* Parses the port text P (1..5 digits, at most 65535; 0: any free port) into *PORT. */
static bool parse_port(const char *p, int *port)
{
	long v = 0;

	if (!*p || strlen(p) > 5 || strspn(p, "0123456789") != strlen(p))
		return false;
	v = strtol(p, NULL, 10);
	if (v > 65535)
		return false;
	*port = (int)v;
	return true;
}

/* Sets A to the numeric address HOST (IPv4, or IPv6 when V6) and PORT; false when HOST is not
 * one. */
static bool set_host(struct vote_addr *a, const char *host, bool v6, int port)
{
	memset(a, 0, sizeof(*a));
	if (v6) {
		struct sockaddr_in6 *s6 = (struct sockaddr_in6 *)&a->sa;

		if (inet_pton(AF_INET6, host, &s6->sin6_addr) != 1)
			return false;
		s6->sin6_family = AF_INET6;
		a->len = sizeof(*s6);
		snprintf(a->host, sizeof(a->host), "[%s]", host);
	} else {
		struct sockaddr_in *s4 = (struct sockaddr_in *)&a->sa;

		if (inet_pton(AF_INET, host, &s4->sin_addr) != 1)
			return false;
		s4->sin_family = AF_INET;
		a->len = sizeof(*s4);
		snprintf(a->host, sizeof(a->host), "%s", host);
	}
	vote_addr_set_port(a, port);
	return true;
}

bool vote_addr_parse(const char *text, struct vote_addr *a, bool *default_host, char *why,
		     size_t why_size)
{
	char host[64] = "";
	const char *colon, *port_text = NULL;
	bool v6 = text[0] == '[';
	int port = VOTE_DEFAULT_PORT;

	*default_host = false;
	if (v6) {
		const char *end = strchr(text, ']');

		if (!end || (size_t)(end - text - 1) >= sizeof(host) ||
		    (end[1] && (end[1] != ':' || !end[2])))
			goto bad;
		memcpy(host, text + 1, (size_t)(end - text - 1));
		port_text = end[1] ? end + 2 : NULL;
	} else {
		colon = strchr(text, ':');
		if (colon && strchr(colon + 1, ':'))
			goto bad; /* an IPv6 address needs its brackets: [::1]:8421 */
		size_t n = colon ? (size_t)(colon - text) : strlen(text);

		if (n >= sizeof(host))
			goto bad;
		memcpy(host, text, n);
		port_text = colon ? colon + 1 : NULL;
	}
	if (port_text && !parse_port(port_text, &port))
		goto bad;
	if (!*host && !v6) {
		*default_host = true;
		memset(a, 0, sizeof(*a));
		a->sa.ss_family = AF_INET;
		a->len = sizeof(struct sockaddr_in);
		vote_addr_set_port(a, port);
		return true;
	}
	if (set_host(a, host, v6, port))
		return true;
bad:
	snprintf(why, why_size,
		 _("cannot listen on \"%s\": give a numeric address and port, such as "
		   "192.168.1.20:8421 or [fd00::5]:8421"),
		 text);
	return false;
}

/* True when the IPv4 address S4 is private: 10/8, 172.16/12 or 192.168/16. */
static bool private_v4(const struct sockaddr_in *s4)
{
	unsigned long ip = ntohl(s4->sin_addr.s_addr);

	return (ip >> 24) == 10 || (ip >> 20) == (172UL << 4 | 1) || (ip >> 16) == (192UL << 8 | 168);
}

/* True when the IPv6 address S6 is a unique local one (fd00::/8). */
static bool private_v6(const struct sockaddr_in6 *s6)
{
	return s6->sin6_addr.s6_addr[0] == 0xfd;
}

/* Finds the first private address of FAMILY among the interfaces that are up into A. */
static bool first_private(const struct ifaddrs *list, int family, struct vote_addr *a)
{
	int port = vote_addr_port(a);

	for (const struct ifaddrs *i = list; i; i = i->ifa_next) {
		char text[INET6_ADDRSTRLEN];

		if (!i->ifa_addr || i->ifa_addr->sa_family != family || !(i->ifa_flags & IFF_UP) ||
		    (i->ifa_flags & IFF_LOOPBACK))
			continue;
		if (family == AF_INET && private_v4((const struct sockaddr_in *)i->ifa_addr)) {
			inet_ntop(AF_INET, &((const struct sockaddr_in *)i->ifa_addr)->sin_addr, text,
				  sizeof(text));
			return set_host(a, text, false, port);
		}
		if (family == AF_INET6 && private_v6((const struct sockaddr_in6 *)i->ifa_addr)) {
			inet_ntop(AF_INET6, &((const struct sockaddr_in6 *)i->ifa_addr)->sin6_addr,
				  text, sizeof(text));
			return set_host(a, text, true, port);
		}
	}
	return false;
}

bool vote_addr_private(struct vote_addr *a, char *why, size_t why_size)
{
	struct ifaddrs *list = NULL;
	bool found;

	if (getifaddrs(&list) != 0)
		list = NULL;
	found = first_private(list, AF_INET, a) || first_private(list, AF_INET6, a);
	if (list)
		freeifaddrs(list);
	if (!found)
		snprintf(why, why_size,
			 _("no network: this computer has no private network address (such as "
			   "192.168.x.x); connect to the room's network or choose one with --listen "
			   "ADDR:PORT"));
	return found;
}

int vote_addr_port(const struct vote_addr *a)
{
	if (a->sa.ss_family == AF_INET6)
		return ntohs(((const struct sockaddr_in6 *)&a->sa)->sin6_port);
	return ntohs(((const struct sockaddr_in *)&a->sa)->sin_port);
}

void vote_addr_set_port(struct vote_addr *a, int port)
{
	if (a->sa.ss_family == AF_INET6)
		((struct sockaddr_in6 *)&a->sa)->sin6_port = htons((unsigned short)port);
	else
		((struct sockaddr_in *)&a->sa)->sin_port = htons((unsigned short)port);
}

bool vote_addr_is_any(const struct vote_addr *a)
{
	if (a->sa.ss_family == AF_INET6)
		return IN6_IS_ADDR_UNSPECIFIED(&((const struct sockaddr_in6 *)&a->sa)->sin6_addr);
	return ((const struct sockaddr_in *)&a->sa)->sin_addr.s_addr == htonl(INADDR_ANY);
}
