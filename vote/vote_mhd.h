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

/* The library's functions that the server calls, each by its name in the library (X is
 * applied to each). */
#define VOTE_MHD_FUNCTIONS(X)                                                                    \
	X(MHD_start_daemon) X(MHD_stop_daemon) X(MHD_lookup_connection_value)                   \
	X(MHD_get_connection_info) X(MHD_create_response_from_buffer) X(MHD_add_response_header) \
	X(MHD_queue_response) X(MHD_destroy_response)

/* A pointer of the library's own type for each function: a call or a symbol of another
 * signature does not compile. */
struct vote_mhd {
#define VOTE_MHD_POINTER(name) __typeof__(name) *name;
	VOTE_MHD_FUNCTIONS(VOTE_MHD_POINTER)
#undef VOTE_MHD_POINTER
};

/* Loads the library on the first call (from one thread) and returns its functions; NULL and
 * the reason in WHY when it is not installed. */
const struct vote_mhd *vote_mhd_load(char *why, size_t why_size);

/* True once vote_mhd_load has loaded the library. */
bool vote_mhd_loaded(void);

#endif
