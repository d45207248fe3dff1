/* main.c - the command line: parses the mode and hands over to content, sessions or the TUI. */
#include <errno.h>
#include <getopt.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "baseline.h"
#include "config.h"
#include "content.h"
#include "export.h"
#include "follow.h"
#include "i18n.h"
#include "report_cli.h"
#include "store.h"
#include "term.h"
#include "tui.h"
#include "utf8.h"
#include "vote_addr.h"
#include "wrap.h"

enum mode { MODE_RUN, MODE_REVIEW, MODE_FOLLOW, MODE_PREVIEW, MODE_CHECK, MODE_EXPORT, MODE_HELP,
	    MODE_VERSION };

enum exit_status { EXIT_OK = 0, EXIT_INVALID = 1, EXIT_USAGE = 2 };

/* The locale meetlat was started in has a UTF-8 character set (the terminal shows UTF-8). */
static bool terminal_utf8;

struct options {
	enum mode mode;
	const char *content_path; /* -c, or NULL for the built-in almanac */
	const char *format;       /* --export */
	char separator;           /* --separator, for CSV; 0: by the content's language */
	bool csv_raw;             /* --csv-raw: CSV for programs */
	bool drafts;              /* --drafts: the pages mark the draft texts */
	const char *file;         /* the SESSION or CONTENT operand */
	const char *lang;         /* --lang, or NULL: the environment's or the content's */
	const char *theme;        /* --theme, or NULL: the settings file's */
	const char *baseline;     /* --baseline: the earlier session the walk follows, or NULL */
	const char *listen;       /* --listen ADDR:PORT for phone voting, or NULL */
	const char *url_file;     /* --url-file FILE: the phones' address is written there */
	const char *usage_error;  /* what is wrong with the command line, or NULL */
	bool listen_invalid;      /* the usage error is that --listen names no address */
};

static const char *const usage_text = N_(
	"usage: meetlat [-c CONTENT] [SESSION]     run the workshop\n"
	"       meetlat --review SESSION           read a session, changing nothing\n"
	"       meetlat --follow SESSION           the room's view, live (a projector)\n"
	"       meetlat --baseline EARLIER SESSION follow up an earlier session\n"
	"       meetlat --preview CONTENT          walk content; nothing is saved\n"
	"       meetlat --check [CONTENT]          validate content (default: built-in)\n"
	"       meetlat --export md|csv|html SESSION\n"
	"                                          write a report to standard output\n"
	"       meetlat report [--format html|csv|xlsx] [-o FILE] PATH...\n"
	"                                          one report over many sessions\n"
	"       meetlat --help | --version\n");

static const char *const help_text = N_(
	"\n"
	"Walks a group through the Sociale media almanak on a projector and records\n"
	"their votes, agreed phases and actions in SESSION, a file that is saved on\n"
	"every change (and made when it does not exist).\n"
	"\n"
	"options:\n"
	"  -c, --content FILE   use this content file instead of the built-in almanac\n"
	"  -r, --review         open SESSION read-only; the file is not touched\n"
	"      --follow         show SESSION as the room sees it while the facilitator\n"
	"                       runs it elsewhere (a projector): redrawn on each save,\n"
	"                       never written; q closes\n"
	"      --preview        walk CONTENT without a session file: votes and actions\n"
	"                       can be tried, nothing is written\n"
	"      --baseline FILE  SESSION follows the earlier session FILE (read, never\n"
	"                       written): the rows show last time's phases, the summary\n"
	"                       and the reports how they moved; its open actions come\n"
	"                       first\n"
	"      --drafts         mark the texts of the content that are drafts (a\n"
	"                       trainer previewing); the room does not see these marks\n"
	"                       otherwise\n"
	"      --check          validate CONTENT and exit: 0 valid, 1 invalid\n"
	"  -e, --export FORMAT  write SESSION as md, csv or html to standard output\n"
	"      --separator ';'  the CSV separator, ',' or ';'; by default ';' when the\n"
	"                       content is Dutch (as Dutch spreadsheets expect), else\n"
	"                       ','\n"
	"      --csv-raw        CSV for programs: texts exactly as typed, no byte order\n"
	"                       mark (by default =1+1 is written '=1+1 against formulas)\n"
	"      --lang en|nl     the language of the interface and the reports; by\n"
	"                       default LANGUAGE, LC_ALL or LC_MESSAGES, else the\n"
	"                       content's language\n"
	"      --theme NAME     contrast (white on black, for a projector) or default;\n"
	"                       else the theme of $XDG_CONFIG_HOME/meetlat/config\n"
	"      --listen ADDR:PORT\n"
	"                       where phone voting (v) listens, e.g. 192.168.1.20:8421\n"
	"                       or [fd00::5]:8421; port 0 takes a free one; by default\n"
	"                       the first private address, port 8421; nothing listens\n"
	"                       before v\n"
	"      --url-file FILE  write the phones' address (with its port and join code)\n"
	"                       to FILE once the server listens (for scripts and tests)\n"
	"  -h, --help           show this help\n"
	"  -V, --version        show the version\n"
	"\n"
	"meetlat report --help lists the options of the report over many sessions.\n"
	"Press ? in the program for its keys. See meetlat(1) and, for the content\n"
	"format, meetlat(5).\n");

/* Notes MESSAGE (untranslated: it is printed once the language is known) as what is wrong
 * with the command line of OPT and returns the usage exit status. */
static int usage_error(struct options *opt, const char *message)
{
	opt->usage_error = message;
	return EXIT_USAGE;
}

/* True when TEXT is an address --listen takes; else false with the reason in WHY (in the
 * language spoken when it is called). */
static bool listen_parses(const char *text, char *why, size_t why_size)
{
	struct vote_addr a;
	bool default_host;

	return vote_addr_parse(text, &a, &default_host, why, why_size);
}

/* Prints the usage error noted in OPT and the usage. */
static void print_usage_error(const struct options *opt)
{
	char why[256];

	if (opt->listen_invalid && !listen_parses(opt->listen, why, sizeof(why)))
		fprintf(stderr, "meetlat: --listen: %s\n%s", why, _(usage_text));
	else
		fprintf(stderr, "meetlat: %s\n%s", _(opt->usage_error), _(usage_text));
}

/* Fills OPT from the command line; returns -1 when it is valid, else the exit status. */
static int parse_options(int argc, char **argv, struct options *opt)
{
	static const struct option longopts[] = {
		{ "content", required_argument, NULL, 'c' }, { "review", no_argument, NULL, 'r' },
		{ "check", no_argument, NULL, 'C' },        { "export", required_argument, NULL, 'e' },
		{ "help", no_argument, NULL, 'h' },         { "version", no_argument, NULL, 'V' },
		{ "separator", required_argument, NULL, 'S' },
		{ "csv-raw", no_argument, NULL, 'R' },
		{ "preview", no_argument, NULL, 'P' },
		{ "follow", no_argument, NULL, 'F' },
		{ "drafts", no_argument, NULL, 'D' },
		{ "lang", required_argument, NULL, 'L' },
		{ "theme", required_argument, NULL, 'T' },
		{ "baseline", required_argument, NULL, 'B' },
		{ "listen", required_argument, NULL, 'l' },
		{ "url-file", required_argument, NULL, 'U' },
		{ NULL, 0, NULL, 0 }
	};
	int ch, modes = 0;

	memset(opt, 0, sizeof(*opt));
	opterr = 0;
	while ((ch = getopt_long(argc, argv, ":c:re:hV", longopts, NULL)) != -1) {
		switch (ch) {
		case 'c': opt->content_path = optarg; break;
		case 'r': opt->mode = MODE_REVIEW; modes++; break;
		case 'C': opt->mode = MODE_CHECK; modes++; break;
		case 'P': opt->mode = MODE_PREVIEW; modes++; break;
		case 'F': opt->mode = MODE_FOLLOW; modes++; break;
		case 'e': opt->mode = MODE_EXPORT; opt->format = optarg; modes++; break;
		case 'h': opt->mode = MODE_HELP; modes++; break;
		case 'V': opt->mode = MODE_VERSION; modes++; break;
		case 'S':
			if (strcmp(optarg, ",") != 0 && strcmp(optarg, ";") != 0)
				return usage_error(opt, N_("the separator is ',' or ';'"));
			opt->separator = optarg[0];
			break;
		case 'R': opt->csv_raw = true; break;
		case 'B': opt->baseline = optarg; break;
		case 'D': opt->drafts = true; break;
		case 'L':
			if (!i18n_known(optarg))
				return usage_error(opt, N_("the interface languages are en and nl"));
			opt->lang = optarg;
			break;
		case 'T':
			if (!config_theme(optarg, &(enum theme){ THEME_DEFAULT }))
				return usage_error(opt, N_("the themes are default and contrast"));
			opt->theme = optarg;
			break;
		case 'l': opt->listen = optarg; break;
		case 'U': opt->url_file = optarg; break;
		case ':': return usage_error(opt, N_("an option is missing its argument"));
		default: return usage_error(opt, N_("unknown option"));
		}
	}
	if (modes > 1)
		return usage_error(opt, N_("choose one of --review, --follow, --preview, --check, "
				   "--export, --help, --version"));
	if (argc - optind > 1)
		return usage_error(opt, N_("too many arguments"));
	opt->file = optind < argc ? argv[optind] : NULL;
	if ((opt->mode == MODE_REVIEW || opt->mode == MODE_FOLLOW || opt->mode == MODE_EXPORT) &&
	    !opt->file)
		return usage_error(opt, N_("a SESSION file is needed"));
	if (opt->mode == MODE_PREVIEW && (!opt->file || opt->content_path))
		return usage_error(opt, N_("give the CONTENT to preview as the argument: meetlat --preview "
				   "CONTENT"));
	if (opt->mode == MODE_CHECK && opt->content_path && opt->file)
		return usage_error(opt, N_("give the content to check either with -c or as the argument"));
	if (opt->mode == MODE_EXPORT && export_format_from_name(opt->format) == EXPORT_FORMAT_COUNT)
		return usage_error(opt, N_("the export formats are md, csv and html"));
	if (opt->baseline && (opt->mode != MODE_RUN || !opt->file))
		return usage_error(opt, N_("--baseline goes with a SESSION to run: meetlat --baseline "
				   "EARLIER SESSION"));
	if ((opt->separator || opt->csv_raw) &&
	    !(opt->mode == MODE_EXPORT && strcmp(opt->format, "csv") == 0))
		return usage_error(opt, opt->separator ? N_("--separator goes with --export csv")
						       : N_("--csv-raw goes with --export csv"));
	if ((opt->listen || opt->url_file) && opt->mode != MODE_RUN && opt->mode != MODE_PREVIEW)
		return usage_error(opt, opt->listen ? N_("--listen goes with running a workshop")
						    : N_("--url-file goes with running a workshop"));
	if (opt->listen && !listen_parses(opt->listen, NULL, 0)) {
		opt->listen_invalid = true; /* the reason is said once the language is known */
		return usage_error(opt, N_("--listen names no address to listen on"));
	}
	return -1;
}

/* Speaks the language that the content file PATH names in its text, if it names one. */
static void follow_file_language(const char *path)
{
	char code[16];

	if (content_sniff_language(path, code))
		i18n_follow_content(code);
}

/* Speaks the language of the content that OPT names (-c, or the operand of --check or
 * --preview) or else of the built-in almanac, before anything is said: --help, a usage error
 * and the messages about a content file that does not load are in that language. */
static void follow_content_named(const struct options *opt)
{
	struct diag d;
	const char *path = opt->content_path;

	if (opt->mode == MODE_CHECK || opt->mode == MODE_PREVIEW)
		path = path ? path : opt->file;
	if (path)
		follow_file_language(path);
	else
		i18n_follow_content(content_load_builtin(&d)->language);
}

/* Loads the content named by PATH, or the built-in almanac when PATH is NULL, and speaks its
 * language. */
static struct content *load_content(const char *path, struct diag *d)
{
	struct content *c = path ? content_load_file(path, d) : content_load_builtin(d);

	if (c)
		i18n_follow_content(c->language);
	return c;
}

/* Counts the draft texts of C: phases and behaviour cells. */
static size_t count_drafts(const struct content *c)
{
	size_t drafts = 0;

	for (size_t i = 0; i < c->n_phases; i++)
		drafts += c->phases[i].draft;
	for (size_t i = 0; i < c->n_dimensions; i++)
		for (size_t p = 0; p < c->n_phases; p++)
			drafts += c->dimensions[i].cells[p].draft;
	return drafts;
}

/* Prints what the valid content C, called NAME, holds: "NAME: valid: 4 phases, ...". */
static void print_counts(const char *name, const struct content *c)
{
	char phases[64], rows[64], groups[64], steps[64], minutes[64];
	unsigned planned = content_planned_minutes(c);
	size_t drafts = count_drafts(c);

	snprintf(phases, sizeof(phases), ngettext("%zu phase", "%zu phases", c->n_phases),
		 c->n_phases);
	snprintf(rows, sizeof(rows), ngettext("%zu row", "%zu rows", c->n_dimensions),
		 c->n_dimensions);
	snprintf(groups, sizeof(groups), ngettext("%zu group", "%zu groups", c->n_groups),
		 c->n_groups);
	snprintf(steps, sizeof(steps), ngettext("%zu agenda step", "%zu agenda steps", c->n_steps),
		 c->n_steps);
	snprintf(minutes, sizeof(minutes), ngettext("%u minute", "%u minutes", planned), planned);
	/* TRANSLATORS: "kort.yaml: valid: 4 phases, 10 rows in 3 groups, 12 agenda steps
	 * (95 minutes)" */
	printf(_("%s: valid: %s, %s in %s, %s (%s)"), name, phases, rows, groups, steps, minutes);
	if (drafts)
		printf(ngettext("; %zu text marked draft", "; %zu texts marked draft", drafts), drafts);
	printf("\n");
}

/* --check: validates the content at PATH (NULL: built in) and reports what it holds, or every
 * error it can find (at most DIAG_LIST_MAX, in file order) and their number. */
static int run_check(const char *path)
{
	struct diag_list errors;
	struct content *c = path ? content_load_file_all(path, &errors)
				 : content_load_builtin_all(&errors);
	const char *name = path ? path : content_builtin_name;
	char *clean;

	if (!c) {
		diag_list_print(&errors, stderr);
		return EXIT_INVALID;
	}
	clean = utf8_sanitize(name, strlen(name), false, '?');
	print_counts(clean ? clean : _("content"), c);
	free(clean);
	content_free(c);
	return EXIT_OK;
}

/* Prints what was noticed when the session at PATH was read (S's warnings, and the line on
 * a changed agenda) to stderr. */
static void print_warnings(const char *path, const struct session *s)
{
	char note[1024];
	struct diag d;

	for (size_t i = 0; i < s->n_warnings; i++) {
		diag_set(&d, path, 0, 0, _("warning: %s"), s->warnings[i]);
		diag_print(&d, stderr);
	}
	if (s->agenda_notice) {
		diag_set(&d, path, 0, 0, _("note: %s"), s->agenda_notice);
		diag_print(&d, stderr);
	}
	if (baseline_note_warns(s) && baseline_note(s, note, sizeof(note))) {
		diag_set(&d, path, 0, 0, _("note: %s"), note);
		diag_print(&d, stderr);
	}
}

/* --export: writes the report of the session in OPT to standard output. */
static int run_export(const struct options *opt)
{
	struct export_options eo = { export_format_from_name(opt->format), opt->separator,
				     opt->csv_raw };
	struct store_file *f = NULL;
	struct session *s = NULL;
	struct diag d;
	struct content *c = load_content(opt->content_path, &d), *with = NULL;
	int status = EXIT_INVALID;

	if (!c || !baseline_open(opt->file, NULL, c, STORE_READ_ONLY | STORE_ANY_CONTENT, &with,
				 &f, &s, &d)) {
		diag_print(&d, stderr);
		goto cleanup;
	}
	print_warnings(opt->file, s);
	if (session_export(stdout, s, with ? with : c, &eo) && fflush(stdout) == 0)
		status = EXIT_OK;
	else
		fprintf(stderr, "meetlat: %s\n", _("cannot write the report to standard output"));
cleanup:
	store_close(f);
	session_free(s);
	content_free(with);
	content_free(c);
	return status;
}

/* Runs the terminal interface (walk, --review, --follow or --preview) on the content and session of
 * OPT; a preview's content is the operand, and it has no session file. */
static int run_interface(const struct options *opt)
{
	bool preview = opt->mode == MODE_PREVIEW;
	struct diag d;
	struct content *c = load_content(preview ? opt->file : opt->content_path, &d);
	struct tui_options o = { .c = c, .path = preview ? NULL : opt->file,
				 .read_only = opt->mode == MODE_REVIEW, .preview = preview,
				 .unicode = terminal_utf8, .drafts = opt->drafts,
				 .theme = opt->theme, .baseline = opt->baseline, .listen = opt->listen,
				 .url_file = opt->url_file };
	int status;

	if (!c) {
		diag_print(&d, stderr);
		return EXIT_INVALID;
	}
	wrap_set_language(c->language); /* long words are hyphenated as the content's language */
	status = opt->mode == MODE_FOLLOW ? follow_run(&o) : tui_run(&o);
	wrap_close();
	content_free(c);
	return status;
}

/* Returns STATUS once everything written to standard output is known to be out, else (a full
 * disk, a closed or failing file) says so on standard error and returns EXIT_INVALID; a mode
 * that failed already said why and keeps its status. */
static int output_checked(int status)
{
	int err = fflush(stdout) == 0 ? 0 : errno;

	if (!err && !ferror(stdout))
		return status;
	if (status != EXIT_OK)
		return status;
	if (err)
		fprintf(stderr, "meetlat: %s: %s\n", _("cannot write to standard output"), strerror(err));
	else
		fprintf(stderr, "meetlat: %s\n", _("cannot write to standard output"));
	return EXIT_INVALID;
}

int main(int argc, char **argv)
{
	struct options opt;
	int status;

	if (argc > 1 && strcmp(argv[1], "report") == 0)
		return output_checked(report_main(argc - 1, argv + 1));
	status = parse_options(argc, argv, &opt);

	/* Only the character set and the messages follow the environment: numbers, times and
	 * sorting stay those of C, as the files need them, and the other categories of the
	 * locale are never loaded. */
	setlocale(LC_CTYPE, "");
	setlocale(LC_MESSAGES, "");
	i18n_init(opt.lang);
	follow_content_named(&opt);
	if (opt.usage_error)
		print_usage_error(&opt);
	if (status >= 0)
		return status;
	/* Text is UTF-8 throughout, so widths are measured in a UTF-8 locale; a terminal whose
	 * locale is not UTF-8 is then shown only ASCII (see term_set_ascii). */
	terminal_utf8 = term_unicode();
	if (!terminal_utf8)
		setlocale(LC_CTYPE, "C.UTF-8");
	switch (opt.mode) {
	case MODE_HELP:
		printf("%s%s", _(usage_text), _(help_text));
		status = EXIT_OK;
		break;
	case MODE_VERSION:
		printf("meetlat %s\n", MEETLAT_VERSION);
		status = EXIT_OK;
		break;
	case MODE_CHECK:
		status = run_check(opt.content_path ? opt.content_path : opt.file);
		break;
	case MODE_EXPORT:
		status = run_export(&opt);
		break;
	default:
		status = run_interface(&opt);
		break;
	}
	return output_checked(status);
}
