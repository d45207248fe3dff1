/* keys.c - the interface's own key codes and their names. No curses. */
#include "keys.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "i18n.h"
#include "utf8.h"

/* Returns the name of a key that is no character, or NULL. */
static const char *special_name(int key)
{
	static const char *const names[UI_KEY_LAST - UI_KEY_FIRST + 1] = {
		[UI_KEY_UP - UI_KEY_FIRST] = "↑",
		[UI_KEY_DOWN - UI_KEY_FIRST] = "↓",
		[UI_KEY_LEFT - UI_KEY_FIRST] = "←",
		[UI_KEY_RIGHT - UI_KEY_FIRST] = "→",
		[UI_KEY_PAGE_UP - UI_KEY_FIRST] = "PgUp",
		[UI_KEY_PAGE_DOWN - UI_KEY_FIRST] = "PgDn",
		[UI_KEY_HOME - UI_KEY_FIRST] = "Home",
		[UI_KEY_END - UI_KEY_FIRST] = "End",
		[UI_KEY_BACKSPACE - UI_KEY_FIRST] = "Backspace",
		[UI_KEY_DELETE - UI_KEY_FIRST] = "Delete",
		[UI_KEY_ENTER - UI_KEY_FIRST] = "Enter",
		[UI_KEY_BACK_TAB - UI_KEY_FIRST] = "Shift-Tab",
		[UI_KEY_OTHER - UI_KEY_FIRST] = "?",
	};

	return key >= UI_KEY_FIRST && key <= UI_KEY_LAST ? names[key - UI_KEY_FIRST] : NULL;
}

/* Returns the name of a character that names a key of its own, or NULL. Terminals send DEL or
 * Ctrl-H for Backspace, and CR or LF for Enter. Only the space bar's name is translated: the
 * others are written on the keys. */
static const char *character_name(int key)
{
	switch (key) {
	/* TRANSLATORS: the name of the space bar, as the help lists the keys. */
	case ' ': return _("Space");
	case UI_KEY_TAB: return "Tab";
	case UI_KEY_ESC: return "Esc";
	case UI_KEY_DEL: case UI_KEY_CTRL('h'): return "Backspace";
	case '\n': case '\r': return "Enter";
	default: return NULL;
	}
}

const char *ui_key_name(int key, char buf[KEY_NAME_SIZE])
{
	const char *name = key >= UI_KEY_FIRST ? special_name(key) : character_name(key);

	if (name)
		snprintf(buf, KEY_NAME_SIZE, "%s", name);
	else if (key >= 0 && key < 0x20)
		snprintf(buf, KEY_NAME_SIZE, "Ctrl-%c", key + 'A' - 1);
	else if (key >= 0 && key < UI_KEY_FIRST && !utf8_is_control((uint32_t)key))
		buf[utf8_encode((uint32_t)key, buf)] = '\0';
	else
		snprintf(buf, KEY_NAME_SIZE, "?");
	return buf;
}

/* Returns true when KEY is a printable character with no name of its own ('a', '1', '?'). */
static bool plain_character(int key)
{
	return key > ' ' && key < UI_KEY_FIRST && !utf8_is_control((uint32_t)key);
}

/* Returns how many keys from KEYS[I] on (N in all) are consecutive plain characters. */
static size_t run_length(const int *keys, size_t n, size_t i)
{
	size_t k = i + 1;

	if (!plain_character(keys[i]))
		return 1;
	while (k < n && plain_character(keys[k]) && keys[k] == keys[k - 1] + 1)
		k++;
	return k - i;
}

/* Returns true when NAME is already among the names in BUF (two spaces apart). */
static bool named(const char *buf, const char *name)
{
	size_t len = strlen(name);

	for (const char *at = buf; (at = strstr(at, name)); at += len)
		if ((at == buf || (at - buf >= 2 && strncmp(at - 2, "  ", 2) == 0)) &&
		    (at[len] == '\0' || at[len] == ' '))
			return true;
	return false;
}

const char *ui_key_names(const int *keys, size_t n, char *buf, size_t size)
{
	size_t used = 0;

	buf[0] = '\0';
	for (size_t i = 0; i < n; i++) {
		char first[KEY_NAME_SIZE], last[KEY_NAME_SIZE], name[2 * KEY_NAME_SIZE + 4];
		size_t run = run_length(keys, n, i);

		ui_key_name(keys[i], first);
		if (run >= 3)
			snprintf(name, sizeof(name), "%s–%s", first, ui_key_name(keys[i + run - 1], last));
		else
			snprintf(name, sizeof(name), "%s", first);
		i += run >= 3 ? run - 1 : 0;
		if (named(buf, name))
			continue;
		used += (size_t)snprintf(buf + used, used < size ? size - used : 0, "%s%s",
					 used ? "  " : "", name);
		if (used >= size)
			break;
	}
	return buf;
}
