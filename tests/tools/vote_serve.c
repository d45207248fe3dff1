/* vote_serve - a phone-vote room for the tests: opens a fixture row on an address, writes the
 * room's URL to a file and prints each vote it takes as a line "vote ROW PHASE REPLACES".
 *
 *   vote_serve ADDR:PORT URLFILE SECONDS [LANG]
 *
 * Lines on stdin steer it: "open ID" opens the fixture row under that id, "close" closes
 * voting, "keep" / "nokeep" keep the page served between rows or not. It exits when stdin
 * closes or after SECONDS. With LANG (nl, en) the page speaks it, from the catalogues of
 * $BUILD/locale. Exit 1 (with the reason on stderr) when the room cannot open. */
#include <limits.h>
#include <locale.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "i18n.h"
#include "vote.h"

/* The fixture row under ID, with texts that must be escaped. */
static struct vote_row fixture_row(const char *id)
{
	struct vote_row row = {
		.id = id,
		.name = "Beleid <& \"social\">",
		.group = "Strategie",
		.phase_name = { "Fase 1", "Fase 2", "Fase 3", "Fase 4" },
		.behaviour = { "Er is geen beleid.", "Losse afspraken <b>per team</b>.",
			       "Er is beleid; iedereen kent het.", "Het beleid wordt elk jaar herzien." },
		.lang = "nl",
	};

	return row;
}

/* Writes TEXT and a newline to PATH through a temporary file, so that a reader sees it whole. */
static int write_url(const char *path, const char *text)
{
	char tmp[4096];
	FILE *f;

	snprintf(tmp, sizeof(tmp), "%s.tmp", path);
	f = fopen(tmp, "w");
	if (!f || fprintf(f, "%s\n", text) < 0 || fclose(f) != 0)
		return -1;
	return rename(tmp, path);
}

/* Prints the queued votes of ROOM. */
static void print_votes(struct vote_room *room)
{
	struct vote_event e[64];
	size_t n;

	while ((n = vote_room_take(room, e, 64)) > 0)
		for (size_t i = 0; i < n; i++)
			printf("vote %s %d %d\n", e[i].row, e[i].phase, e[i].replaces);
	fflush(stdout);
}

/* Acts on the command LINE from stdin; false when it is not one. */
static int command(struct vote_room *room, char *line, char *id, size_t id_size)
{
	char why[256];
	struct vote_row row;

	line[strcspn(line, "\n")] = '\0';
	if (!strncmp(line, "open ", 5)) {
		snprintf(id, id_size, "%.63s", line + 5);
		row = fixture_row(id);
		if (!vote_room_open(room, &row, why, sizeof(why)))
			fprintf(stderr, "vote_serve: %s\n", why);
	} else if (!strcmp(line, "close")) {
		vote_room_close(room);
	} else if (!strcmp(line, "keep") || !strcmp(line, "nokeep")) {
		vote_room_keep_open(room, line[0] == 'k');
	} else {
		return 0;
	}
	printf("ok %s\n", line);
	fflush(stdout);
	return 1;
}

/* Reads what stdin has into INPUT (HAVE bytes kept of SIZE) and runs each whole line; false
 * when stdin has closed. */
static int read_commands(struct vote_room *room, char *input, size_t *have, size_t size,
			 char *id, size_t id_size)
{
	ssize_t n = read(0, input + *have, size - 1 - *have);
	char *nl;

	if (n <= 0)
		return 0;
	*have += (size_t)n;
	input[*have] = '\0';
	while ((nl = strchr(input, '\n'))) {
		*nl = '\0';
		if (!command(room, input, id, id_size))
			fprintf(stderr, "vote_serve: unknown command: %s\n", input);
		*have -= (size_t)(nl + 1 - input);
		memmove(input, nl + 1, *have + 1);
	}
	if (*have == size - 1)
		*have = 0; /* a line too long: dropped */
	return 1;
}

/* Speaks LANG from the catalogues of $BUILD/locale (the tool is not beside them). */
static void speak_language(const char *lang)
{
	char dir[PATH_MAX];

	setlocale(LC_ALL, "");
	i18n_init(lang);
	snprintf(dir, sizeof(dir), "%s/locale", getenv("BUILD") ? getenv("BUILD") : ".");
	bindtextdomain("meetlat", dir);
}

int main(int argc, char **argv)
{
	struct vote_options o;
	struct vote_room *room;
	struct vote_row row;
	char why[256], id[64] = "r1", input[1024];
	size_t have = 0;
	time_t end;

	if (argc != 4 && argc != 5) {
		fprintf(stderr, "usage: vote_serve ADDR:PORT URLFILE SECONDS [LANG]\n");
		return 2;
	}
	if (argc == 5)
		speak_language(argv[4]);
	o.listen = argv[1];
	end = time(NULL) + atoi(argv[3]);
	room = vote_room_new(&o, why, sizeof(why));
	row = fixture_row(id);
	if (!room || !vote_room_open(room, &row, why, sizeof(why)) ||
	    write_url(argv[2], vote_room_url(room)) != 0) {
		fprintf(stderr, "vote_serve: %s\n", why);
		vote_room_free(room);
		return 1;
	}
	while (time(NULL) < end) {
		struct pollfd p[2] = { { .fd = 0, .events = POLLIN },
				       { .fd = vote_room_wake_fd(room), .events = POLLIN } };

		if (poll(p, 2, 200) < 0)
			break;
		if (p[1].revents)
			print_votes(room);
		if (p[0].revents && !read_commands(room, input, &have, sizeof(input), id, sizeof(id)))
			break;
	}
	print_votes(room);
	vote_room_free(room);
	return 0;
}
