/* follow.c - meetlat --follow on the terminal: watches the folder of the session file with
 * inotify (a save replaces the file by a rename), reads it again on each change and paints
 * what changed through the walk's windows (app.c), in the facilitator's theme. Once a second,
 * whatever else woke it, it also checks whether the facilitator's meetlat holds the session,
 * whether the file changed without an event telling so, and the sidecar of phone voting
 * (whose rename and removal the watch sees too). Keys: q closes, Ctrl-L redraws. */
#include "follow.h"

#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <sys/inotify.h>
#include <unistd.h>

#include "app.h"
#include "clock.h"
#include "config.h"
#include "follower.h"
#include "i18n.h"
#include "keys.h"
#include "term.h"

enum { CHECK_MS = 1000 }; /* the facilitator's lock and the file are checked this often */

/* The follower, the windows that show it (as the walk's: app.c) and its watch. */
struct follow {
	struct follower fw;
	struct app a;             /* a.ui is fw.ui */
	int watch_fd;             /* inotify, or -1 (then only the check once a second) */
	char dir[PATH_MAX], name[PATH_MAX], lock_name[PATH_MAX], vote_name[PATH_MAX];
	double check_at;          /* when (clock_seconds) the lock and the file are checked next */
	bool quit;
};

/* Starts watching the folder of the session file PATH, where each save renames a new file
 * into place: before the file is first read, so that no save made meanwhile goes unseen.
 * Without inotify (or a PATH that cannot be followed) the file is read once a second. */
static void watch_start(struct follow *f, const char *path)
{
	if (!follower_names(path, f->dir, f->name, f->lock_name, f->vote_name,
			    sizeof(f->dir)))
		return; /* follower_start says why the file cannot be read */
	f->watch_fd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
	if (f->watch_fd >= 0 &&
	    inotify_add_watch(f->watch_fd, f->dir,
			      IN_MOVED_TO | IN_CLOSE_WRITE | IN_CREATE | IN_DELETE | IN_MOVED_FROM |
				      IN_ATTRIB) < 0) {
		close(f->watch_fd);
		f->watch_fd = -1;
	}
}

/* Reads the events the watch has; true when one concerns the session file, its lock or its
 * sidecar of phone voting. */
static bool watch_events(struct follow *f)
{
	char buf[4096] __attribute__((aligned(__alignof__(struct inotify_event))));
	bool ours = false;
	ssize_t n;

	while ((n = read(f->watch_fd, buf, sizeof(buf))) > 0)
		for (char *p = buf; p < buf + n;) {
			const struct inotify_event *ev = (const struct inotify_event *)p;

			if (ev->len && (strcmp(ev->name, f->name) == 0 ||
					strcmp(ev->name, f->lock_name) == 0 ||
					strcmp(ev->name, f->vote_name) == 0))
				ours = true;
			if (ev->mask & IN_Q_OVERFLOW)
				ours = true;
			p += sizeof(*ev) + ev->len;
		}
	return ours;
}

/* Handles a key waiting on the terminal (READABLE: poll said one waits); false when the
 * terminal is gone. */
static bool read_keys(struct follow *f, bool readable)
{
	wint_t wch;
	bool lost;
	int r = term_read_key(&wch, &lost, readable ? TERM_INPUT_WAITING : 0);

	if (r == ERR)
		return !lost;
	if (r == KEY_CODE_YES && wch == KEY_RESIZE) {
		app_relayout(&f->a);
		ui_show_view(&f->fw.ui); /* as far down the step as the facilitator, at this size */
	} else if (r == OK && (wch == 'q' || wch == 'Q')) {
		f->quit = true;
	} else if (r == OK && wch == UI_KEY_CTRL('l')) {
		f->fw.ui.redraw = true;
	}
	return true;
}

/* Checks, when it is due, whether the facilitator's meetlat still holds the session and
 * whether the file changed without an event telling so (no inotify, NFS); plans the next. */
static void check_when_due(struct follow *f)
{
	double now = clock_seconds();

	if (now < f->check_at)
		return;
	follower_refresh(&f->fw);
	follower_check_end(&f->fw);
	follower_refresh_vote(&f->fw);
	f->check_at = now + CHECK_MS / 1000.0;
}

/* Returns how long to wait for a key or a change: until the interface has something to show,
 * at the latest until the next check. */
static int wait_ms(const struct follow *f)
{
	int wait = ui_wait_ms(&f->fw.ui);
	double until_check = (f->check_at - clock_seconds()) * 1000;
	/* rounded up, so that the check is not woken for just before it is due (no libm: the
	 * program links no library its start does not need) */
	int check = until_check <= 0	     ? 0
		    : until_check >= CHECK_MS ? CHECK_MS
					      : (int)until_check + (until_check > (int)until_check);

	return wait < 0 || wait > check ? check : wait;
}

/* Waits for a key, a change in the folder or the next check, and handles what came; false
 * when the terminal is gone. */
static bool follow_step(struct follow *f)
{
	int seen = term_wait(f->watch_fd, wait_ms(f));

	if (seen & TERM_WAIT_GONE)
		return false;
	if ((seen & TERM_WAIT_FD) && watch_events(f)) {
		follower_refresh(&f->fw);
		follower_check_end(&f->fw);
		follower_refresh_vote(&f->fw);
	}
	check_when_due(f);
	return read_keys(f, seen & TERM_WAIT_KEY);
}

/* Says on standard error why the follower could not start; returns the exit status 1. */
static int not_started(const char *why)
{
	fprintf(stderr, "meetlat: %s\n", why);
	return 1;
}

int follow_run(const struct tui_options *o)
{
	struct follow f = { .a.cursor = -1, .watch_fd = -1 };
	const char *why;
	struct diag d;
	int sig;

	term_catch_signals();
	watch_start(&f, o->path);
	if (!follower_start(&f.fw, o->c, o->path, o->unicode, 80, 24, &d)) {
		diag_print(&d, stderr);
		if (f.watch_fd >= 0)
			close(f.watch_fd);
		return 1;
	}
	term_set_theme(config_choose_theme(o->theme, stderr));
	if (!term_start(&why)) {
		if (f.watch_fd >= 0)
			close(f.watch_fd);
		follower_free(&f.fw);
		return not_started(_(why));
	}
	term_set_ascii(!o->unicode);
	curs_set(0);
	f.a.ui = &f.fw.ui;
	f.check_at = clock_seconds() + CHECK_MS / 1000.0;
	app_relayout(&f.a);
	ui_show_view(&f.fw.ui);
	while (!f.quit && !term_signal()) {
		app_paint(&f.a);
		if (!follow_step(&f))
			break;
	}
	term_stop();
	sig = term_signal();
	app_close(&f.a);
	if (f.watch_fd >= 0)
		close(f.watch_fd);
	follower_free(&f.fw);
	return sig ? 128 + sig : 0;
}
