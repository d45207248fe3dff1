/* qrlib.h - the functions of libqrencode that the QR code of phone voting calls, loaded when
 * a code is first drawn (base/dynlib.h), so that a workshop without phone voting never maps
 * the library (issue 10). Called as qrlib.QRcode_free(code), after qrlib_load(). */
#ifndef MEETLAT_QRLIB_H
#define MEETLAT_QRLIB_H

#include <qrencode.h>
#include <stdbool.h>

/* The functions, each by its name in the library (X is applied to each). */
#define QRLIB_FUNCTIONS(X) X(QRcode_encodeString8bit) X(QRcode_free)

/* A pointer of the library's own type for each function. */
struct qrlib {
#define QRLIB_POINTER(name) __typeof__(name) *name;
	QRLIB_FUNCTIONS(QRLIB_POINTER)
#undef QRLIB_POINTER
};

/* libqrencode's functions: NULL until qrlib_load() succeeded. */
extern struct qrlib qrlib;

/* Loads libqrencode once (QRENCODE_SONAME); false when it cannot be. */
bool qrlib_load(void);

#endif
