/* tui.h - the terminal interface: the facilitator's walk through the agenda. */
#ifndef MEETLAT_TUI_H
#define MEETLAT_TUI_H

#include <stdbool.h>

#include "content.h"

struct tui_options {
	const struct content *c;
	const char *path; /* the session file; NULL: choose on the start screen */
	bool read_only;   /* --review */
};

/* Runs the interface until the facilitator quits or a signal ends it; returns the exit
 * status (0, or 1 when the session could not be opened). */
int tui_run(const struct tui_options *o);

#endif
