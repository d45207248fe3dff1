/* follow.c - meetlat --follow on the terminal: watches the folder of the session file with
 * inotify (a save replaces the file by a rename), reads it again on each change and paints
 * what changed through the walk's windows (app.c); once a second it also checks whether the facilitator's meetlat still holds
 * the session. Keys: q closes, Ctrl-L redraws. */
#include "follow.h"

#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <sys/inotify.h>
#include <unistd.h>

#include "app.h"
#include "follower.h"
#include "i18n.h"
#include "keys.h"
#include "term.h"

enum {
	CHECK_MS = 1000, /* the longest wait: the facilitator's lock is checked this often */
};

/* The follower, the windows that show it (as the walk's: app.c) and its watch. */
struct follow {
	struct follower fw;
	struct app a;             /* a.ui is fw.ui */
	int watch_fd;             /* inotify, or -1 (then only the check once a second) */
	char dir[PATH_MAX], name[PATH_MAX], lock_name[PATH_MAX];
	bool quit;
};

/* Starts watching the folder of the followed file, where each save renames a new file into
 * place; without inotify the follower still reads the file once a second. */
static void watch_start(struct follow *f)
{
	follower_names(&f->fw, f->dir, f->name, f->lock_name, sizeof(f->dir));
	f->watch_fd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
	if (f->watch_fd >= 0 &&
	    inotify_add_watch(f->watch_fd, f->dir,
			      IN_MOVED_TO | IN_CLOSE_WRITE | IN_CREATE | IN_DELETE | IN_MOVED_FROM |
				      IN_ATTRIB) < 0) {
		close(f->watch_fd);
		f->watch_fd = -1;
	}
}

/* Reads the events the watch has; true when one concerns the session file or its lock. */
static bool watch_events(struct follow *f)
{
	char buf[4096] __attribute__((aligned(__alignof__(struct inotify_event))));
	bool ours = false;
	ssize_t n;

	while ((n = read(f->watch_fd, buf, sizeof(buf))) > 0)
		for (char *p = buf; p < buf + n;) {
			const struct inotify_event *ev = (const struct inotify_event *)p;

			if (ev->len && (strcmp(ev->name, f->name) == 0 ||
					strcmp(ev->name, f->lock_name) == 0))
				ours = true;
			if (ev->mask & IN_Q_OVERFLOW)
				ours = true;
			p += sizeof(*ev) + ev->len;
		}
	return ours;
}

/* Handles the keys waiting on the terminal; false when the terminal is gone. */
static bool read_keys(struct follow *f, bool readable)
{
	wint_t wch;
	bool lost;
	int r = term_read_waiting_key(&wch, &lost, readable);

	if (r == ERR)
		return !lost;
	if (r == KEY_CODE_YES && wch == KEY_RESIZE)
		app_relayout(&f->a);
	else if (r == OK && (wch == 'q' || wch == 'Q'))
		f->quit = true;
	else if (r == OK && wch == UI_KEY_CTRL('l'))
		f->fw.ui.redraw = true;
	return true;
}

/* Waits for a key, a change in the folder or the next check, and handles what came; false
 * when the terminal is gone. */
static bool follow_step(struct follow *f)
{
	int wait = ui_wait_ms(&f->fw.ui), seen;

	if (wait < 0 || wait > CHECK_MS)
		wait = CHECK_MS;
	seen = term_wait(f->watch_fd, wait);
	if (seen & TERM_WAIT_GONE)
		return false;
	if ((seen & TERM_WAIT_FD) && watch_events(f)) {
		follower_refresh(&f->fw);
		follower_check_end(&f->fw);
	} else if (seen == 0) {
		follower_refresh(&f->fw); /* a change no event told of (no inotify, NFS) */
		follower_check_end(&f->fw);
	}
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
	if (!follower_start(&f.fw, o->c, o->path, o->unicode, 80, 24, &d)) {
		diag_print(&d, stderr);
		return 1;
	}
	if (!term_start(&why)) {
		follower_free(&f.fw);
		return not_started(_(why));
	}
	term_set_ascii(!o->unicode);
	curs_set(0);
	f.a.ui = &f.fw.ui;
	watch_start(&f);
	app_relayout(&f.a);
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
