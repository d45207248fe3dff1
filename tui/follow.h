/* follow.h - meetlat --follow SESSION: the room view on a second terminal (the projector),
 * redrawn as soon as the facilitator's meetlat saves the session. */
#ifndef MEETLAT_FOLLOW_H
#define MEETLAT_FOLLOW_H

#include "tui.h"

/* Follows the session O->path on the terminal until q or a signal; returns the exit status:
 * 0, 1 when the session cannot be read or there is no terminal, 128+N after signal N. */
int follow_run(const struct tui_options *o);

#endif
