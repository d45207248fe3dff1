/* term.h - the terminal: starting and stopping curses, signals, colours and styles. */
#ifndef MEETLAT_TERM_H
#define MEETLAT_TERM_H

#include <curses.h>
#include <stdbool.h>

#include "config.h"
#include "keys.h"
#include "page.h"

/* Catches HUP, TERM, INT and QUIT (only noting them) and ignores PIPE and XFSZ. Must run
 * before curses starts, so that curses does not install handlers that exit without saving. */
void term_catch_signals(void);

/* Returns the termination signal that arrived, or 0. */
int term_signal(void);

/* For term_read_key: poll(2) said the terminal has input waiting; read it without waiting. */
enum { TERM_INPUT_WAITING = -2 };

/* Reads a key like get_wch, waiting at most TIMEOUT_MS milliseconds (-1: until a key or a
 * signal comes; ERR when none came; TERM_INPUT_WAITING: not at all, input being said to wait),
 * and sets *LOST when the terminal has gone away (reads keep failing at once, or find nothing
 * where input was said to wait). */
int term_read_key(wint_t *wch, bool *lost, int timeout_ms);

/* What term_wait saw: the terminal has input, FD is readable, the terminal hung up, a signal
 * came (none: the time ran out). */
enum { TERM_WAIT_KEY = 1, TERM_WAIT_FD = 2, TERM_WAIT_GONE = 4, TERM_WAIT_SIGNAL = 8 };

/* Waits at most TIMEOUT_MS milliseconds (-1: no limit) for input on the terminal or for FD
 * (when >= 0: an inotify watch, the phone votes' queue) to be readable; returns what it saw
 * (TERM_WAIT_*), 0 when the time ran out. Keys that curses holds already are not seen: read
 * them first (term_read_key with no wait), and a key it saw with term_read_key's
 * TERM_INPUT_WAITING. */
int term_wait(int fd, int timeout_ms);

/* Returns the interface's key code (keys.h) for what term_read_key read: R its result, WCH the
 * character or the curses key code. */
int term_key(int r, wint_t wch);

/* Chooses THEME for the styles that term_start sets up (THEME_DEFAULT until called). */
void term_set_theme(enum theme theme);

/* Starts curses on the terminal: no echo, keys one by one. Returns
 * false with *WHY when there is no usable terminal. */
bool term_start(const char **why);

/* Restores the terminal as it was; safe to call twice. */
void term_stop(void);

/* Returns true when text may use UTF-8 glyphs (the locale's character set is UTF-8). */
bool term_unicode(void);

/* Makes draw_text show only ASCII (accents dropped, other characters as '?') when ASCII. */
void term_set_ascii(bool ascii);

/* Returns true when only ASCII is drawn. */
bool term_ascii(void);

/* Returns the attributes (colour included where the terminal has it) of STYLE. */
attr_t term_attr(enum style style);

#endif
