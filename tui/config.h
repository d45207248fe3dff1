/* config.h - the facilitator's settings file, $XDG_CONFIG_HOME/meetlat/config (by default
 * ~/.config/meetlat/config): "key = value" lines, '#' starts a comment. Only `theme` is known
 * today. A line that cannot be used is named on standard error (file:line: why) and ignored:
 * a settings file never stops the program. No curses. */
#ifndef MEETLAT_CONFIG_H
#define MEETLAT_CONFIG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

/* The look of the screens: the default one, or strong contrast for a projector. */
enum theme { THEME_DEFAULT, THEME_CONTRAST };

struct config {
	enum theme theme;
};

enum { CONFIG_SIZE_MAX = 64 * 1024 }; /* a settings file larger than this is not read */

/* Sets *THEME to the theme NAME names ("default", "contrast"); false when it names none. */
bool config_theme(const char *name, enum theme *theme);

/* Writes the path of the settings file into BUF ($XDG_CONFIG_HOME when set and absolute,
 * else $HOME/.config); false when neither is known or the path does not fit. */
bool config_path(char *buf, size_t size);

/* Reads the settings of TEXT (LEN bytes; the file NAME, for the messages) into CFG, which
 * keeps what no line sets; every line it cannot use is named on ERR and skipped. */
void config_read_text(struct config *cfg, const char *name, const char *text, size_t len,
		      FILE *err);

/* Reads the settings file PATH into CFG as config_read_text does; a file that does not exist
 * is no error (CFG is left as it is); one that cannot be read is named on ERR. */
void config_read_file(struct config *cfg, const char *path, FILE *err);

/* Returns the theme to use: OPTION's (--theme, NULL when not given) when it names one, else
 * the settings file's (whose lines that cannot be used are named on ERR), else the default. */
enum theme config_choose_theme(const char *option, FILE *err);

#endif
