/* vote_mhd.h - libmicrohttpd, loaded when the first vote opens (dlopen), so that a meetlat
 * that never opens voting never loads it (nor GnuTLS, which it brings): start-up costs what
 * it cost before phone voting. Its header gives the types and constants at build time. */
#ifndef MEETLAT_VOTE_MHD_H
#define MEETLAT_VOTE_MHD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/socket.h>

#include <microhttpd.h>

/* The library's functions that the server calls. */
struct vote_mhd {
	struct MHD_Daemon *(*start_daemon)(unsigned int flags, uint16_t port,
					   MHD_AcceptPolicyCallback apc, void *apc_cls,
					   MHD_AccessHandlerCallback dh, void *dh_cls, ...);
	void (*stop_daemon)(struct MHD_Daemon *daemon);
	const char *(*lookup_connection_value)(struct MHD_Connection *c, enum MHD_ValueKind kind,
					       const char *key);
	const union MHD_ConnectionInfo *(*get_connection_info)(struct MHD_Connection *c,
							       enum MHD_ConnectionInfoType type,
							       ...);
	struct MHD_Response *(*create_response_from_buffer)(size_t size, void *buffer,
							    enum MHD_ResponseMemoryMode mode);
	enum MHD_Result (*add_response_header)(struct MHD_Response *r, const char *header,
					       const char *content);
	enum MHD_Result (*queue_response)(struct MHD_Connection *c, unsigned int status,
					  struct MHD_Response *r);
	void (*destroy_response)(struct MHD_Response *r);
};

/* Loads the library on the first call (from one thread) and returns its functions; NULL and
 * the reason in WHY when it is not installed. */
const struct vote_mhd *vote_mhd_load(char *why, size_t why_size);

/* True once vote_mhd_load has loaded the library. */
bool vote_mhd_loaded(void);

#endif
