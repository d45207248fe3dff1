/* builtin_load.c - loads the built-in almanac and releases it, for bench/content-builtin, which
 * counts the instructions of the loading function under callgrind.
 *
 *   builtin_load           content_load_builtin: the compiled content, as the program starts
 *   builtin_load --parse   content_load_builtin_all: the content parsed from its compiled-in
 *                          text, as `meetlat --check` does (and as the program started before
 *                          the content was compiled)
 *
 * Prints the content's id, its number of agenda steps and its SHA-256. */
#include <stdio.h>
#include <string.h>

#include "content.h"

int main(int argc, char **argv)
{
	bool parse = argc == 2 && strcmp(argv[1], "--parse") == 0;
	struct diag_list errors;
	struct content *c;
	struct diag d;

	if (argc > 2 || (argc == 2 && !parse)) {
		fprintf(stderr, "usage: builtin_load [--parse]\n");
		return 2;
	}
	c = parse ? content_load_builtin_all(&errors) : content_load_builtin(&d);
	if (!c) {
		diag_list_print(&errors, stderr);
		return 1;
	}
	printf("%s %zu %s\n", c->id, c->n_steps, c->sha256);
	content_free(c);
	return 0;
}
