/* export_fixture.c - writes an export of the fixed session of tests/export_fixture.h, or the
 * strings its CSV must give back, for tests/cli/export-csv.sh.
 *
 *   export_fixture md|csv|csv-raw|html [SEPARATOR]   the export on standard output
 *   export_fixture strings                           per CSV data line, the texts it must hold
 *
 * csv is the CSV for a spreadsheet, csv-raw the one for programs (--csv-raw); without
 * SEPARATOR the CSV has the default one for the almanac's language (';'). The export is made
 * on FIXTURE_TODAY in the time zone FIXTURE_TZ, in English (the catalogues are not bound).
 * "strings" prints a header line of column names, then one line per row of the session and
 * one per action, each text as 'x' followed by its bytes in hex, so that any text survives. */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "export.h"
#include "export_fixture.h"

/* Writes TEXT (NULL for empty) as a space and 'x' followed by its bytes in hex. */
static void put_hex(const char *text)
{
	printf(" x");
	for (const char *p = text ? text : ""; *p; p++)
		printf("%02x", (unsigned char)*p);
}

/* Writes the session's title, organisation, group and date, which every CSV line holds. */
static void put_session(const struct session *s)
{
	put_hex(s->meta[META_TITLE]);
	put_hex(s->meta[META_ORGANISATION]);
	put_hex(s->meta[META_GROUP]);
	put_hex(s->meta[META_DATE]);
}

/* Prints the texts of every CSV data line, taken straight from S and C. */
static void print_strings(const struct session *s, const struct content *c)
{
	printf("kind session_title session_organisation session_group session_date "
	       "group row_id row note action owner due done\n");
	for (size_t i = 0; i < s->n_scores; i++) {
		const struct session_score *sc = &s->scores[i];
		bool known = i < c->n_dimensions;

		printf("row");
		put_session(s);
		put_hex(known ? c->groups[c->dimensions[i].group].title : "");
		put_hex(sc->dimension);
		put_hex(known ? c->dimensions[i].name : "");
		put_hex(sc->note);
		put_hex("");
		put_hex("");
		put_hex("");
		put_hex("");
		printf("\n");
	}
	for (size_t i = 0; i < s->n_actions; i++) {
		const struct session_action *a = &s->actions[i];
		long d = a->dimension ? content_dimension_index(c, a->dimension) : -1;

		printf("action");
		put_session(s);
		put_hex(d >= 0 ? c->groups[c->dimensions[d].group].title : "");
		put_hex(a->dimension);
		put_hex(d >= 0 ? c->dimensions[d].name : "");
		put_hex("");
		put_hex(a->text);
		put_hex(a->owner);
		put_hex(a->due);
		put_hex(a->done ? "yes" : "no");
		printf("\n");
	}
}

/* Writes what the command line asks for; exit status 0 when it was written. */
int main(int argc, char **argv)
{
	struct diag d;
	struct content *c = content_load_builtin(&d);
	struct session *s = c ? fixture_session(c) : NULL;
	struct export_options opt = { EXPORT_CSV, argc > 2 ? argv[2][0] : 0, false };
	int status = 1;

	if (argc >= 2) {
		opt.csv_raw = strcmp(argv[1], "csv-raw") == 0;
		opt.format = opt.csv_raw ? EXPORT_CSV : export_format_from_name(argv[1]);
	}
	if (!s) {
		fprintf(stderr, "export_fixture: cannot build the fixed session\n");
	} else if (argc >= 2 && strcmp(argv[1], "strings") == 0) {
		print_strings(s, c);
		status = fflush(stdout) == 0 && !ferror(stdout) ? 0 : 1;
	} else if (argc < 2 || opt.format == EXPORT_FORMAT_COUNT) {
		fprintf(stderr,
			"usage: export_fixture md|csv|csv-raw|html [SEPARATOR] | strings\n");
		status = 2;
	} else {
		setenv("TZ", FIXTURE_TZ, 1);
		tzset();
		status = session_export_on(stdout, s, c, &opt, FIXTURE_TODAY) ? 0 : 1;
	}
	session_free(s);
	content_free(c);
	return status;
}
