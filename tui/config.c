/* config.c - the facilitator's settings file: "key = value" lines, each one used or named
 * on standard error and skipped. No curses. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "diag.h"
#include "i18n.h"
#include "utf8.h"
#include "wrap.h"

bool config_theme(const char *name, enum theme *theme)
{
	if (strcmp(name, "default") == 0)
		*theme = THEME_DEFAULT;
	else if (strcmp(name, "contrast") == 0)
		*theme = THEME_CONTRAST;
	else
		return false;
	return true;
}

bool config_path(char *buf, size_t size)
{
	const char *xdg = getenv("XDG_CONFIG_HOME"), *home = getenv("HOME");
	int n;

	if (xdg && xdg[0] == '/')
		n = snprintf(buf, size, "%s/meetlat/config", xdg);
	else if (home && home[0])
		n = snprintf(buf, size, "%s/.config/meetlat/config", home);
	else
		return false;
	return n > 0 && (size_t)n < size;
}

/* Returns true when C is a space or a tab. */
static bool blank(char c)
{
	return c == ' ' || c == '\t' || c == '\r';
}

/* Narrows [*START, *END) to the text without the blanks around it. */
static void trim(const char **start, const char **end)
{
	while (*start < *end && blank(**start))
		(*start)++;
	while (*end > *start && blank((*end)[-1]))
		(*end)--;
}

/* Names a line that cannot be used on ERR: "NAME:LINE: WHAT; the line is ignored", every
 * control character replaced. */
static void complain(FILE *err, const char *name, unsigned line, const char *what)
{
	char *clean_name = utf8_sanitize(name, strlen(name), false, '?');
	char *clean_what = utf8_sanitize(what, strlen(what), false, '?');

	if (clean_name && clean_what)
		/* TRANSLATORS: %3$s says what is wrong with line %2$u of the settings file %1$s. */
		fprintf(err, _("%1$s:%2$u: %3$s; the line is ignored\n"), clean_name, line,
			clean_what);
	free(clean_name);
	free(clean_what);
}

/* The columns of a key or value that a message quotes; a longer one ends in "…". */
enum { QUOTED_COLUMNS = 40 };

/* Writes TEXT into OUT (SIZE bytes) as a message quotes it: whole when it is short, else its
 * first columns and "…"; returns OUT. */
static const char *quoted(const char *text, char *out, size_t size)
{
	size_t len = strlen(text);

	if (utf8_width(text, len) <= QUOTED_COLUMNS)
		snprintf(out, size, "%s", text);
	else
		snprintf(out, size, "%.*s…", (int)text_fit(text, len, QUOTED_COLUMNS - 1), text);
	return out;
}

/* Uses the setting KEY = VALUE (both NUL-terminated, trimmed) of line LINE of NAME. */
static void use_setting(struct config *cfg, const char *name, unsigned line, const char *key,
			const char *value, FILE *err)
{
	char why[DIAG_MESSAGE_MAX], quote[4 * QUOTED_COLUMNS + 8];

	if (strcmp(key, "theme") != 0) {
		snprintf(why, sizeof(why), _("unknown setting '%s' (known: theme)"),
			 quoted(key, quote, sizeof(quote)));
		complain(err, name, line, why);
	} else if (!config_theme(value, &cfg->theme)) {
		snprintf(why, sizeof(why), _("the theme is default or contrast, not '%s'"),
			 quoted(value, quote, sizeof(quote)));
		complain(err, name, line, why);
	}
}

/* Reads line LINE of NAME, the bytes [START, END) without the newline, into CFG. */
static void read_line(struct config *cfg, const char *name, unsigned line, const char *start,
		      const char *end, FILE *err)
{
	const char *hash = memchr(start, '#', (size_t)(end - start)), *eq, *key_end, *value;
	char key[64], val[64];

	if (hash)
		end = hash;
	trim(&start, &end);
	if (start == end)
		return; /* blank or a comment */
	if (memchr(start, '\0', (size_t)(end - start)) ||
	    !(eq = memchr(start, '=', (size_t)(end - start)))) {
		complain(err, name, line, _("expected a line \"key = value\""));
		return;
	}
	key_end = eq;
	value = eq + 1;
	trim(&start, &key_end);
	trim(&value, &end);
	if (start == key_end || value == end) {
		complain(err, name, line, start == key_end ? _("the key before '=' is missing")
							   : _("the value after '=' is missing"));
		return;
	}
	snprintf(key, sizeof(key), "%.*s", (int)(key_end - start), start);
	snprintf(val, sizeof(val), "%.*s", (int)(end - value), value);
	use_setting(cfg, name, line, key, val, err);
}

void config_read_text(struct config *cfg, const char *name, const char *text, size_t len,
		      FILE *err)
{
	const char *at = text, *stop = text + len;
	unsigned line = 1;

	while (at < stop) {
		const char *nl = memchr(at, '\n', (size_t)(stop - at)), *end = nl ? nl : stop;

		read_line(cfg, name, line++, at, end, err);
		at = nl ? nl + 1 : stop;
	}
}

/* Reads the regular file PATH whole into a malloc'd buffer (*LEN bytes); NULL with *WHY (for
 * the message) when it cannot or is larger than CONFIG_SIZE_MAX; errno ENOENT when absent. */
static char *read_whole(const char *path, size_t *len, const char **why)
{
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	struct stat st;
	char *text = NULL;
	ssize_t n = -1;

	*why = NULL;
	if (fd < 0)
		return NULL;
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode))
		*why = N_("not a regular file");
	else if (st.st_size > CONFIG_SIZE_MAX)
		*why = N_("larger than 64 KB");
	else if ((text = malloc((size_t)st.st_size + 1)))
		n = read(fd, text, (size_t)st.st_size + 1);
	if (!*why && (n < 0 || n > st.st_size))
		*why = text ? N_("cannot be read") : N_("out of memory");
	close(fd);
	if (*why) {
		free(text);
		return NULL;
	}
	*len = (size_t)n;
	return text;
}

void config_read_file(struct config *cfg, const char *path, FILE *err)
{
	size_t len = 0;
	const char *why;
	char *text = read_whole(path, &len, &why);
	struct diag d;

	if (!text && !why && errno != ENOENT && errno != ENOTDIR)
		why = N_("cannot be read");
	if (!text) {
		if (why) {
			/* TRANSLATORS: %s says why the settings file was not read. */
			diag_set(&d, path, 0, 0, _("%s; the settings are not used"), _(why));
			diag_print(&d, err);
		}
		return;
	}
	config_read_text(cfg, path, text, len, err);
	free(text);
}

enum theme config_choose_theme(const char *option, FILE *err)
{
	struct config cfg = { THEME_DEFAULT };
	char path[4096];

	if (config_path(path, sizeof(path)))
		config_read_file(&cfg, path, err);
	if (option)
		config_theme(option, &cfg.theme);
	return cfg.theme;
}
