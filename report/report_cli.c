/* report_cli.c - `meetlat report [--format html|csv|xlsx] [-o FILE] PATH...`: reads every
 * session file in PATH... one at a time into the report's aggregates (report.h) and writes
 * the report (report_out.h). */
#include "report_cli.h"

#include <getopt.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "content.h"
#include "i18n.h"
#include "report.h"
#include "report_out.h"
#include "report_target.h"
#include "report_walk.h"
#include "valid.h"

enum report_format { FORMAT_HTML, FORMAT_CSV, FORMAT_XLSX, FORMAT_UNKNOWN };
enum { STATUS_OK = 0, STATUS_SKIPPED = 1, STATUS_USAGE = 2 };

static const char *const format_names[] = { "html", "csv", "xlsx" };

struct report_options {
	enum report_format format;
	bool format_given;
	const char *output;       /* -o, or NULL: standard output */
	const char *content_path; /* -c, or NULL: the built-in almanac */
	const char *lang;
	const char *today;
	unsigned jobs; /* -j, or 0: one per online CPU */
	bool help;
	char **paths;
	int n_paths;
	const char *usage_error; /* untranslated */
};

static const char *const report_usage = N_(
	"usage: meetlat report [--format html|csv|xlsx] [-o FILE] [-c CONTENT] [-j N]\n"
	"                      PATH...\n");

static const char *const report_help = N_(
	"\n"
	"Reads the session files in PATH... (files, and folders with the *.yaml files\n"
	"in them and in their folders) and writes one report over all of them: per row\n"
	"how the sessions scored it, the latest phases of each organisation and group,\n"
	"their trend over the dates, and the open actions. A file that cannot be read is\n"
	"named on standard error and skipped.\n"
	"\n"
	"options:\n"
	"  -f, --format FORMAT  html (a standalone page), csv (one line per session and\n"
	"                       row, then the open actions) or xlsx (sheets and charts);\n"
	"                       by default that of FILE's extension, else html\n"
	"  -o, --output FILE    write the report to FILE (xlsx needs one); else to\n"
	"                       standard output\n"
	"  -c, --content FILE   the content the sessions were scored against (the names\n"
	"                       of its rows and phases); by default the built-in almanac\n"
	"      --today DATE     the day that decides which actions are overdue\n"
	"                       (YYYY-MM-DD)\n"
	"      --lang en|nl     the language of the report\n"
	"  -j, --jobs N         read the files in N threads (1 to 64); by default one\n"
	"                       per CPU; the report is the same whatever N\n"
	"  -h, --help           show this help\n"
	"\n"
	"Exit status: 0 every file read, 1 some skipped or the report not written, 2\n"
	"wrong usage or no session found. See meetlat(1), REPORT.\n");

/* Returns the format named NAME, or FORMAT_UNKNOWN. */
static enum report_format format_named(const char *name)
{
	for (int f = FORMAT_HTML; f < FORMAT_UNKNOWN; f++)
		if (strcmp(name, format_names[f]) == 0)
			return (enum report_format)f;
	return FORMAT_UNKNOWN;
}

/* Returns the format that the extension of PATH names (.htm too), else html. */
static enum report_format format_of_path(const char *path)
{
	const char *dot = path ? strrchr(path, '.') : NULL;
	enum report_format f;

	if (!dot || strchr(dot, '/'))
		return FORMAT_HTML;
	f = strcmp(dot + 1, "htm") == 0 ? FORMAT_HTML : format_named(dot + 1);
	return f == FORMAT_UNKNOWN ? FORMAT_HTML : f;
}

/* Returns the number of threads that TEXT writes (1 to 64), or 0 when it writes none. */
static unsigned jobs_named(const char *text)
{
	size_t len = strlen(text);
	long n;

	if (!len || len > 2 || strspn(text, "0123456789") != len)
		return 0;
	n = strtol(text, NULL, 10);
	return n < 1 || n > 64 ? 0 : (unsigned)n;
}

/* Fills O from the command line; false with O->usage_error when it is wrong. */
static bool parse(int argc, char **argv, struct report_options *o)
{
	static const struct option longopts[] = {
		{ "format", required_argument, NULL, 'f' }, { "output", required_argument, NULL, 'o' },
		{ "content", required_argument, NULL, 'c' }, { "lang", required_argument, NULL, 'L' },
		{ "today", required_argument, NULL, 'T' },  { "help", no_argument, NULL, 'h' },
		{ "jobs", required_argument, NULL, 'j' },   { NULL, 0, NULL, 0 }
	};
	int ch;

	memset(o, 0, sizeof(*o));
	opterr = 0;
	optind = 1;
	while ((ch = getopt_long(argc, argv, ":f:o:c:j:h", longopts, NULL)) != -1) {
		switch (ch) {
		case 'f':
			o->format = format_named(optarg);
			o->format_given = true;
			if (o->format == FORMAT_UNKNOWN)
				o->usage_error = N_("the report formats are html, csv and xlsx");
			break;
		case 'o': o->output = optarg; break;
		case 'c': o->content_path = optarg; break;
		case 'L':
			o->lang = optarg;
			if (strcmp(optarg, "en") != 0 && strcmp(optarg, "nl") != 0)
				o->usage_error = N_("the interface languages are en and nl");
			break;
		case 'T':
			o->today = optarg;
			if (!date_valid(optarg))
				o->usage_error = N_("--today takes a date written YYYY-MM-DD");
			break;
		case 'j':
			o->jobs = jobs_named(optarg);
			if (!o->jobs)
				o->usage_error = N_("-j takes a number of threads from 1 to 64");
			break;
		case 'h': o->help = true; break;
		case ':': o->usage_error = N_("an option is missing its argument"); break;
		default: o->usage_error = N_("unknown option"); break;
		}
		if (o->usage_error)
			return false;
	}
	o->paths = argv + optind;
	o->n_paths = argc - optind;
	if (!o->format_given)
		o->format = format_of_path(o->output);
	if (!o->help && o->n_paths == 0)
		o->usage_error = N_("name the session files or folders to report on");
	else if (o->format == FORMAT_XLSX && !o->output)
		o->usage_error = N_("an xlsx report is written to a file: give it with -o FILE");
	return !o->usage_error;
}

/* What each session read is handed to. */
struct reporting {
	struct report *r;
	struct report_csv csv; /* CSV: its lines are written as the sessions are read */
	bool streams;          /* the format is CSV */
	bool begun;            /* CSV: the header is written */
	bool failed;           /* memory or the spool ran out */
	bool unwritten;        /* CSV: a line could not be written */
};

/* Makes the CSV lines of session S from PATH into TEXT (report_walk's RENDER, in the thread
 * that read S). */
static void render(void *ctx, const struct session *s, const char *path,
		   struct text *text)
{
	const struct reporting *rep = ctx;

	if (rep->streams)
		report_csv_session(&rep->csv, text, s, path);
}

/* Folds session S from PATH into the report (report_walk's EACH) and, for CSV, writes its
 * lines (TEXT). */
static bool fold(void *ctx, const struct session *s, const char *path, struct text *text)
{
	struct reporting *rep = ctx;

	if (rep->streams && !rep->begun) {
		rep->unwritten |= !report_csv_begin(&rep->csv);
		rep->begun = true;
	}
	if (rep->streams && text->failed) {
		fprintf(stderr, "meetlat: %s\n", _("out of memory"));
		rep->failed = true;
		return false;
	}
	if (rep->streams)
		rep->unwritten |= !text_write(text, rep->csv.out);
	if (!report_add(rep->r, s, path)) {
		fprintf(stderr, "meetlat: %s\n", _("out of memory, or no room for the open actions"));
		rep->failed = true;
		return false;
	}
	return true;
}

/* Writes the rest of the report of REP in O's format, to T's temporary file (-o) or to
 * standard output, and puts T's file in place; false when it could not be written (said). */
static bool finish(const struct report_options *o, struct reporting *rep,
		   struct report_target *t)
{
	FILE *out = o->output ? t->stream : stdout;
	bool ok;

	if (o->format == FORMAT_XLSX)
		return report_xlsx(t->tmp, o->output, rep->r) && report_target_commit(t);
	ok = rep->streams ? report_csv_actions(&rep->csv, rep->r) && !rep->unwritten
			  : report_html(out, rep->r);
	if (ok && o->output)
		return report_target_commit(t);
	ok = ok && fflush(out) == 0 && !ferror(out);
	if (!ok)
		fprintf(stderr, "meetlat: %s: %s\n", o->output ? o->output : _("standard output"),
			_("cannot write the report"));
	return ok;
}

/* Opens where O's report goes: T's temporary file for -o (refused when -o names a session
 * file: *STATUS is then STATUS_USAGE), else standard output; false (said). */
static bool open_output(const struct report_options *o, const struct content *c,
			struct report_target *t, int *status)
{
	if (!o->output)
		return true;
	if (report_target_is_session(o->output, c)) {
		fprintf(stderr, "meetlat: %s: %s\n", o->output,
			_("this is a session file: a report never replaces one; name another file "
			  "with -o"));
		*status = STATUS_USAGE;
		return false;
	}
	return report_target_open(t, o->output, o->format != FORMAT_XLSX);
}

/* Reads the paths of O with content C and writes the report; returns the exit status. */
static int run(const struct report_options *o, const struct content *c)
{
	struct reporting rep = { .r = report_new(c, o->today) };
	struct report_walk w = { .c = c, .render = render, .each = fold, .ctx = &rep,
				 .errors = stderr,
				 .jobs = o->jobs ? o->jobs : report_walk_default_jobs() };
	struct report_target t = { .fd = -1 };
	int status = STATUS_SKIPPED;

	if (!rep.r) {
		fprintf(stderr, "meetlat: %s\n", _("out of memory"));
		return STATUS_SKIPPED;
	}
	if (!open_output(o, c, &t, &status))
		goto done;
	rep.streams = o->format == FORMAT_CSV;
	report_csv_init(&rep.csv, o->output ? t.stream : stdout, rep.r);
	report_walk(&w, o->paths, (size_t)o->n_paths);
	if (w.failed)
		fprintf(stderr, "meetlat: %s\n", _("out of memory"));
	if (rep.failed || w.failed)
		goto done;
	if (!w.read) {
		fprintf(stderr, "meetlat: %s\n", _("no session file found to report on"));
		status = STATUS_USAGE;
		goto done;
	}
	if (rep.streams && !rep.begun)
		rep.unwritten |= !report_csv_begin(&rep.csv);
	if (finish(o, &rep, &t))
		status = w.skipped ? STATUS_SKIPPED : STATUS_OK;
done:
	report_target_discard(&t);
	report_free(rep.r);
	return status;
}

int report_main(int argc, char **argv)
{
	struct report_options o;
	bool valid = parse(argc, argv, &o);
	struct content *c;
	struct diag d;
	int status;

	setlocale(LC_CTYPE, "");
	setlocale(LC_MESSAGES, "");
	i18n_init(o.lang);
	c = o.content_path ? content_load_file(o.content_path, &d) : content_load_builtin(&d);
	if (c)
		i18n_follow_content(c->language);
	if (!valid || o.help) {
		FILE *to = valid ? stdout : stderr;

		if (!valid)
			fprintf(stderr, "meetlat: %s\n", _(o.usage_error));
		fprintf(to, "%s%s", _(report_usage), valid ? _(report_help) : "");
		content_free(c);
		return valid ? STATUS_OK : STATUS_USAGE;
	}
	if (!c) {
		diag_print(&d, stderr);
		return STATUS_SKIPPED;
	}
	status = run(&o, c);
	content_free(c);
	return status;
}
