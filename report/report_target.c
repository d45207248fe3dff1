/* report_target.c - the temporary file of report_target.h, renamed into place on success. */
#include "report_target.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "diag.h"
#include "i18n.h"
#include "mem.h"
#include "store.h"
#include "ynode.h"

bool report_target_is_session(const char *file, const struct content *c)
{
	struct session *s = NULL;
	struct diag d;
	struct stat st;
	char *buf = NULL;
	size_t len = 0;

	if (stat(file, &st) != 0 || !S_ISREG(st.st_mode))
		return false;
	if (ydoc_read_file(file, ylimits_default.max_bytes, &buf, &len, &d))
		s = store_read(file, buf, len, c, STORE_ANY_CONTENT, &d);
	mem.free(buf);
	session_free(s);
	return s != NULL;
}

/* Says on stderr that T's report cannot be written, for the system error ERR. */
static void target_error(const struct report_target *t, int err)
{
	fprintf(stderr, "meetlat: %s: %s (%s)\n", t->name, _("cannot write the report"),
		strerror(err));
}

/* Returns the mode the report's file gets: that of the file it replaces (PATH), or 0666 less
 * the umask for a new one. */
static mode_t target_mode(const char *path)
{
	struct stat st;
	mode_t mask;

	if (stat(path, &st) == 0)
		return st.st_mode & 07777;
	mask = umask(0);
	umask(mask);
	return 0666 & ~mask;
}

bool report_target_open(struct report_target *t, const char *file, bool stream)
{
	char *real = realpath(file, NULL);
	int err = ENOMEM;

	*t = (struct report_target){ .name = file, .fd = -1 };
	t->path = real ? real : mem.malloc(strlen(file) + 1);
	if (t->path && !real)
		strcpy(t->path, file);
	if (t->path && (t->tmp = store_hidden_sibling(t->path, ".tmp-XXXXXX"))) {
		t->fd = mkstemp(t->tmp); /* mode 0600, O_EXCL: safe against links */
		err = errno;
		if (t->fd < 0) {
			mem.free(t->tmp);
			t->tmp = NULL;
		}
	}
	if (t->fd >= 0 && fcntl(t->fd, F_SETFD, FD_CLOEXEC) == 0 &&
	    fchmod(t->fd, target_mode(t->path)) == 0 &&
	    (!stream || (t->stream = fdopen(t->fd, "w"))))
		return true;
	if (t->fd >= 0)
		err = errno;
	target_error(t, err);
	report_target_discard(t);
	return false;
}

/* Flushes T's temporary file to disk and closes it; returns 0 or the errno of the step that
 * failed. */
static int target_close(struct report_target *t)
{
	int err = 0;

	if (t->stream && (fflush(t->stream) != 0 || ferror(t->stream)))
		err = errno ? errno : EIO;
	if (!err && fsync(t->fd) != 0)
		err = errno;
	if ((t->stream ? fclose(t->stream) : close(t->fd)) != 0 && !err)
		err = errno;
	t->stream = NULL;
	t->fd = -1;
	return err;
}

bool report_target_commit(struct report_target *t)
{
	int err = target_close(t);

	if (!err && rename(t->tmp, t->path) != 0)
		err = errno;
	if (err) {
		target_error(t, err);
	} else {
		mem.free(t->tmp);
		t->tmp = NULL;
	}
	report_target_discard(t);
	return !err;
}

void report_target_discard(struct report_target *t)
{
	if (t->stream)
		fclose(t->stream);
	else if (t->fd >= 0)
		close(t->fd);
	if (t->tmp)
		unlink(t->tmp);
	mem.free(t->tmp);
	mem.free(t->path);
	*t = (struct report_target){ .name = t->name, .fd = -1 };
}
