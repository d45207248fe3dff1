/* yerror.h - libyaml's errors told in plain words, located where the mistake is.
 *
 * libyaml describes a problem as its parser sees it ("mapping values are not allowed in this
 * context"); a trainer who writes a content file by hand needs to hear what is wrong in the
 * file and how to put it right ("a ': ' inside a value: put the whole value in double
 * quotes"). Every problem that libyaml 0.2.5 reports for a file read from memory as UTF-8 has
 * a message here; one it does not know (a later libyaml) is reported with libyaml's words. The
 * messages are in the language the interface speaks when the error is found (i18n.h). */
#ifndef MEETLAT_YERROR_H
#define MEETLAT_YERROR_H

#include <stddef.h>
#include <yaml.h>

#include "diag.h"

/* Records in D the error of PARSER, which read the LEN bytes at BUF of FILE, as a plain
 * message at the line and column (1-based, in characters) where the mistake is. */
void yerror_explain(const yaml_parser_t *parser, const char *file, const char *buf, size_t len,
		    struct diag *d);

/* Returns a plain message for a file whose LEN bytes at BUF start as UTF-16 text, or NULL. */
const char *yerror_utf16(const char *buf, size_t len);

#endif
