/* report_target.c - the temporary file of report_target.h, renamed into place on success. */
#include "report_target.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
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
enum { N_ENDING = 4 };
static const int ending_signals[N_ENDING] = { SIGINT, SIGTERM, SIGHUP, SIGQUIT };

/* The temporary file being written (one report at a time): a copy of its path, so that a
 * handler never reads memory that may be freed, and whether there is one to remove; and the
 * actions the handler replaced. */
static char pending_path[PATH_MAX + 64];
static volatile sig_atomic_t pending;
static struct sigaction replaced[N_ENDING];

/* Removes the pending temporary file, then ends the program by SIG as it would have ended. */
static void remove_pending(int sig)
{
	if (pending)
		unlink(pending_path);
	signal(sig, SIG_DFL);
	raise(sig); /* delivered when this handler returns */
}

/* Blocks the ending signals in this thread, keeping the mask it had in SAVED. */
static void block_ending_signals(sigset_t *saved)
{
	sigset_t set;

	sigemptyset(&set);
	for (size_t i = 0; i < N_ENDING; i++)
		sigaddset(&set, ending_signals[i]);
	pthread_sigmask(SIG_BLOCK, &set, saved);
}

/* Makes the signals that end the program remove TMP first; a signal ignored (as nohup and a
 * shell's background job ignore some) stays ignored. A path too long to copy is not removed. */
static void remove_on_signal(const char *tmp)
{
	struct sigaction sa = { .sa_handler = remove_pending };

	if (strlen(tmp) >= sizeof(pending_path))
		return;
	strcpy(pending_path, tmp);
	pending = 1;
	sigfillset(&sa.sa_mask);
	for (size_t i = 0; i < N_ENDING; i++) {
		sigaction(ending_signals[i], NULL, &replaced[i]);
		if (replaced[i].sa_handler != SIG_IGN)
			sigaction(ending_signals[i], &sa, NULL);
	}
}

/* Gives the signals their actions back, once the temporary file is renamed or removed. */
static void keep_on_signal(void)
{
	if (!pending)
		return;
	for (size_t i = 0; i < N_ENDING; i++)
		sigaction(ending_signals[i], &replaced[i], NULL);
	pending = 0;
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
		sigset_t saved;

		block_ending_signals(&saved); /* until the file made is one a signal removes */
		t->fd = mkstemp(t->tmp);      /* mode 0600, O_EXCL: safe against links */
		err = errno;
		if (t->fd >= 0)
			remove_on_signal(t->tmp);
		pthread_sigmask(SIG_SETMASK, &saved, NULL);
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
	keep_on_signal(); /* a signal during the rename removes the file, or finds it renamed */
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
	keep_on_signal();
	mem.free(t->tmp);
	mem.free(t->path);
	*t = (struct report_target){ .name = t->name, .fd = -1 };
}
