/* tui.h - the terminal interface: the facilitator's walk through the agenda. */
#ifndef MEETLAT_TUI_H
#define MEETLAT_TUI_H

#include <stdbool.h>

#include "content.h"

struct tui_options {
	const struct content *c;
	const char *path; /* the session file; NULL: choose on the start screen */
	bool read_only;   /* --review */
	bool preview;     /* --preview: PATH is NULL; a session in memory, never written */
	bool unicode;     /* the terminal shows UTF-8; else everything is drawn in ASCII */
	bool drafts;      /* --drafts: the pages mark the content's draft texts */
	const char *theme; /* --theme (a name config_theme knows), or NULL: the settings file's */
	const char *baseline; /* --baseline: the earlier session this one follows, or NULL */
	const char *listen;   /* --listen ADDR:PORT for phone voting, or NULL: the first private
			       * address, port 8421 */
	const char *url_file; /* --url-file: where the phones' address is written once bound */
};

/* Runs the interface until the facilitator quits or a signal ends it; returns the exit
 * status: 0; 1 when the session could not be opened or the last changes not saved (then
 * they are in a rescue copy, named on standard error); 128+N after signal N. */
int tui_run(const struct tui_options *o);

#endif
