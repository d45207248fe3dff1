/* screens_golden.c - writes the golden pages of tests/screens_fixture.h into DIR (by default
 * tests/golden/pages), one folder per size, as `make golden-pages` does: run it from the top
 * of the tree, then review the difference (git diff tests/golden/pages) before committing. */
#include <errno.h>
#include <locale.h>
#include <stdio.h>
#include <sys/stat.h>

#include "screens_fixture.h"

/* Writes case K at size S into DIR; false with a message on standard error. */
static bool write_case(const struct content *c, const char *dir, size_t k, size_t s)
{
	char folder[4096], path[8192];
	FILE *out;
	bool ok;

	snprintf(folder, sizeof(folder), "%s/%dx%d", dir, golden_sizes[s].cols, golden_sizes[s].rows);
	if (mkdir(dir, 0755) != 0 && errno != EEXIST)
		return perror(dir), false;
	if (mkdir(folder, 0755) != 0 && errno != EEXIST)
		return perror(folder), false;
	golden_path(dir, k, golden_sizes[s].cols, golden_sizes[s].rows, path, sizeof(path));
	out = fopen(path, "w");
	if (!out)
		return perror(path), false;
	ok = golden_render(c, k, golden_sizes[s].cols, golden_sizes[s].rows, out);
	if (fclose(out) != 0 || !ok) {
		fprintf(stderr, "screens_golden: %s not written\n", path);
		return false;
	}
	return true;
}

int main(int argc, char **argv)
{
	const char *dir = argc > 1 ? argv[1] : GOLDEN_PAGES_DIR;
	struct diag d;
	struct content *c;
	bool ok = true;

	setlocale(LC_CTYPE, "C.UTF-8");
	c = content_load_builtin(&d);
	if (!c) {
		diag_print(&d, stderr);
		return 1;
	}
	for (size_t s = 0; s < sizeof(golden_sizes) / sizeof(golden_sizes[0]); s++)
		for (size_t k = 0; k < sizeof(page_cases) / sizeof(page_cases[0]); k++)
			ok = write_case(c, dir, k, s) && ok;
	wrap_close();
	content_free(c);
	return ok ? 0 : 1;
}
