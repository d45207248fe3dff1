/* i18n.c - chooses the interface's language and binds meetlat's gettext catalogues. */
#include "i18n.h"

#include <limits.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#ifndef LOCALEDIR
#define LOCALEDIR "/usr/local/share/locale"
#endif
#ifndef MEETLAT_LINGUAS
#define MEETLAT_LINGUAS ""
#endif

enum { CODE_SIZE = 16 };

static const char textdomain_name[] = "meetlat";
static char spoken[CODE_SIZE] = "en";
static enum i18n_source chosen_by = I18N_DEFAULT;

/* True when C is a lower-case ASCII letter. */
static bool is_lower(char c)
{
	return c >= 'a' && c <= 'z';
}

bool i18n_code_of(const char *name, char code[CODE_SIZE])
{
	size_t n = 0;

	code[0] = '\0';
	if (!name)
		return false;
	while (n < CODE_SIZE - 1 && is_lower(name[n]))
		n++;
	/* two or three letters, then the end or a territory, codeset or modifier */
	if (n < 2 || n > 3 || (name[n] && !strchr("_.@:", name[n])))
		return false;
	memcpy(code, name, n);
	code[n] = '\0';
	return true;
}

bool i18n_known(const char *code)
{
	static const char linguas[] = MEETLAT_LINGUAS;
	size_t n = strlen(code);

	if (strcmp(code, "en") == 0)
		return true;
	for (const char *p = linguas; n && (p = strstr(p, code)) != NULL; p += n)
		if ((p == linguas || p[-1] == ' ') && (p[n] == ' ' || p[n] == '\0'))
			return true;
	return false;
}

/* The code of LIST (LANGUAGE: codes or locale names separated by ':'): its first entry that
 * meetlat speaks, else its first entry that names a language; false when none does. */
static bool code_of_list(const char *list, char code[CODE_SIZE])
{
	char first[CODE_SIZE] = "";

	for (const char *p = list; p && *p; p = strchr(p, ':') ? strchr(p, ':') + 1 : NULL) {
		if (!i18n_code_of(p, code))
			continue;
		if (i18n_known(code))
			return true;
		if (!first[0])
			memcpy(first, code, CODE_SIZE);
	}
	memcpy(code, first, CODE_SIZE);
	return first[0] != '\0';
}

enum i18n_source i18n_choose(const char *option, const struct i18n_env *env,
			     const char *content, char code[CODE_SIZE])
{
	if (i18n_code_of(option, code))
		return I18N_OPTION;
	if (code_of_list(env->language, code) || i18n_code_of(env->lc_all, code) ||
	    i18n_code_of(env->lc_messages, code))
		return I18N_ENVIRONMENT;
	if (i18n_code_of(content, code))
		return I18N_CONTENT;
	if (i18n_code_of(env->lang, code))
		return I18N_LANG;
	memcpy(code, "en", 3);
	return I18N_DEFAULT;
}

/* Writes into DIR (SIZE bytes) the folder "locale" beside the running program; false when
 * there is none (an installed program). */
static bool locale_beside_program(char *dir, size_t size)
{
	static const char suffix[] = "locale";
	ssize_t n = readlink("/proc/self/exe", dir, size);
	char *slash;
	struct stat st;

	if (n <= 0 || (size_t)n >= size)
		return false;
	dir[n] = '\0';
	slash = strrchr(dir, '/');
	if (!slash || (size_t)(slash + 1 - dir) + sizeof(suffix) > size)
		return false;
	memcpy(slash + 1, suffix, sizeof(suffix));
	return stat(dir, &st) == 0 && S_ISDIR(st.st_mode);
}

/* Makes gettext speak CODE: LANGUAGE names it, and LC_MESSAGES is not "C" (in which gettext
 * ignores LANGUAGE). */
static void speak(const char *code)
{
	const char *messages = setlocale(LC_MESSAGES, NULL);

	if (!messages || strcmp(messages, "C") == 0 || strcmp(messages, "POSIX") == 0)
		setlocale(LC_MESSAGES, "C.UTF-8");
	setenv("LANGUAGE", code, 1);
	textdomain(textdomain_name); /* forgets the translations looked up so far */
	strcpy(spoken, i18n_known(code) ? code : "en"); /* both fit: codes are < CODE_SIZE */
}

void i18n_init(const char *option)
{
	char dir[PATH_MAX], code[CODE_SIZE];
	struct i18n_env env = { getenv("LANGUAGE"), getenv("LC_ALL"), getenv("LC_MESSAGES"),
				getenv("LANG") };

	bindtextdomain(textdomain_name, locale_beside_program(dir, sizeof(dir)) ? dir : LOCALEDIR);
	bind_textdomain_codeset(textdomain_name, "UTF-8");
	chosen_by = i18n_choose(option, &env, NULL, code);
	speak(code);
}

void i18n_follow_content(const char *language)
{
	char code[CODE_SIZE];

	if (chosen_by < I18N_CONTENT || !i18n_code_of(language, code))
		return;
	chosen_by = I18N_CONTENT;
	speak(code);
}

const char *i18n_language(void)
{
	return spoken;
}
