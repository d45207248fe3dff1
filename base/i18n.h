/* i18n.h - the language the interface speaks: gettext catalogues (po/), chosen by --lang, the
 * environment or the content.
 *
 * Every user-visible string of the interface, --help, --check's messages and the exports is
 * written in English in the source and goes through _() (one message), N_() (a string in a
 * table, translated where it is used) or ngettext() (a count). The language is chosen in this
 * order, the first that names one winning:
 *   1. --lang en|nl on the command line;
 *   2. LANGUAGE, then LC_ALL, then LC_MESSAGES in the environment (a locale such as nl_NL.UTF-8
 *      names "nl" even when that locale is not installed; C, POSIX and C.UTF-8 name none);
 *   3. the content's `language:` (nl for the shipped almanac), once the content is known;
 *   4. LANG;
 *   5. English.
 * The catalogues are looked up in the folder "locale" beside the program when it has one (the
 * build folder: build/rel/locale) and else in LOCALEDIR (the installed ones). */
#ifndef MEETLAT_I18N_H
#define MEETLAT_I18N_H

#include <libintl.h>
#include <stdbool.h>

#define _(msgid) gettext(msgid)
#define N_(msgid) (msgid)

/* Where a language choice comes from, strongest first (see the order above). */
enum i18n_source { I18N_OPTION, I18N_ENVIRONMENT, I18N_CONTENT, I18N_LANG, I18N_DEFAULT };

/* What the environment says, as i18n_choose reads it (NULL: not set). */
struct i18n_env {
	const char *language, *lc_all, *lc_messages, *lang;
};

/* The language code ("nl", "en", ...; at most 15 bytes) named by a LANGUAGE list or a locale
 * name such as "nl_NL.UTF-8@euro", written into CODE; false (CODE "") when it names none (unset,
 * empty, C, POSIX, C.UTF-8 or malformed). */
bool i18n_code_of(const char *name, char code[16]);

/* Chooses the interface's language from the --lang OPTION (NULL: none), ENV and the CONTENT's
 * language (NULL: not known yet) in the order above; writes its code into CODE and returns
 * where it came from. */
enum i18n_source i18n_choose(const char *option, const struct i18n_env *env,
			     const char *content, char code[16]);

/* True when CODE is a language meetlat speaks: "en" or one of the catalogues it was built
 * with (MEETLAT_LINGUAS, from po/LINGUAS). */
bool i18n_known(const char *code);

/* Binds meetlat's catalogues and speaks the language chosen from the --lang OPTION (NULL: none)
 * and the environment. Call once, after setlocale(LC_MESSAGES, "") (and LC_CTYPE). */
void i18n_init(const char *option);

/* Speaks the language of content whose `language:` is LANGUAGE (NULL: none given) unless the
 * command line or the environment chose one. */
void i18n_follow_content(const char *language);

/* The code of the language spoken now ("en" before i18n_init). */
const char *i18n_language(void);

#endif
