/* report_target.c - the temporary file of report_target.h, renamed into place on success. */
#include "report_target.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
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

/* ---- a signal that ends the program removes the temporary file ------------------------ */

/* The signals that end a report begun from a terminal or by a job's end. */
static const int ending_signals[] = { SIGINT, SIGTERM, SIGHUP, SIGQUIT };

/* The temporary file being written (one report at a time), and the actions it replaced. */
static const char *volatile pending_tmp;
static struct sigaction replaced[sizeof(ending_signals) / sizeof(ending_signals[0])];

/* Removes the pending temporary file, then ends the program by SIG as it would have ended. */
static void remove_pending(int sig)
{
	const char *tmp = pending_tmp;

	if (tmp)
		unlink(tmp);
	signal(sig, SIG_DFL);
	raise(sig); /* delivered when this handler returns */
}

/* Makes the signals that end the program remove TMP first; a signal ignored (as nohup and a
 * shell's background job ignore some) stays ignored. */
static void remove_on_signal(const char *tmp)
{
	struct sigaction sa = { .sa_handler = remove_pending };

	sigfillset(&sa.sa_mask);
	pending_tmp = tmp;
	for (size_t i = 0; i < sizeof(ending_signals) / sizeof(ending_signals[0]); i++) {
		sigaction(ending_signals[i], NULL, &replaced[i]);
		if (replaced[i].sa_handler != SIG_IGN)
			sigaction(ending_signals[i], &sa, NULL);
	}
}

/* Gives the signals their actions back, before the temporary file is renamed or freed. */
static void keep_on_signal(void)
{
	if (!pending_tmp)
		return;
	for (size_t i = 0; i < sizeof(ending_signals) / sizeof(ending_signals[0]); i++)
		sigaction(ending_signals[i], &replaced[i], NULL);
	pending_tmp = NULL;
}

/* ---- the target ------------------------------------------------------------------------ */

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
		if (t->fd >= 0)
			remove_on_signal(t->tmp);
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
	keep_on_signal(); /* a signal during the rename finds no temporary file to remove */
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
	keep_on_signal();
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
