/* follow.c - meetlat --follow on the terminal: watches the folder of the session file with
 * inotify (a save replaces the file by a rename), reads it again on each change and paints
 * what changed; once a second it also checks whether the facilitator's meetlat still holds
 * the session. Keys: q closes, Ctrl-L redraws. */
#include "follow.h"

#include <curses.h>
#include <errno.h>
#include <limits.h>
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <sys/inotify.h>
#include <unistd.h>

#include "draw.h"
#include "follower.h"
#include "i18n.h"
#include "keys.h"
#include "screens.h"
#include "term.h"

enum {
	CHECK_MS = 1000, /* the longest wait: the facilitator's lock is checked this often */
	LOST_AFTER = 40, /* reads failing at once in a row that mean the terminal is gone */
};

/* The windows of the follower and what they show. */
struct follow {
	struct follower fw;
	WINDOW *header, *body, *status, *box, *inner;
	struct page status_shown; /* the status line as the terminal shows it */
	unsigned long body_build; /* the build of the page the body shows, 0: none */
	int body_scroll;
	int watch_fd;             /* inotify, or -1 (then only the check once a second) */
	char dir[PATH_MAX], name[PATH_MAX], lock_name[PATH_MAX];
	bool quit;
};

/* Deletes window *W (if any) and sets it to NULL. */
static void drop_window(WINDOW **w)
{
	if (*w)
		delwin(*w);
	*w = NULL;
}

/* Deletes every window of F. */
static void drop_windows(struct follow *f)
{
	drop_window(&f->header);
	drop_window(&f->body);
	drop_window(&f->status);
	drop_window(&f->inner);
	drop_window(&f->box);
}

/* Lays the screens out for the terminal's size and makes the windows for it. */
static void relayout(struct follow *f)
{
	struct ui *u = &f->fw.ui;
	const struct layout *l = &u->l;
	int rows, cols;

	getmaxyx(stdscr, rows, cols);
	ui_resize(u, cols, rows);
	drop_windows(f);
	page_clear(&f->status_shown);
	f->body_build = 0;
	erase();
	wnoutrefresh(stdscr);
	u->repaint = true;
	if (l->too_small)
		return;
	f->header = subwin(stdscr, 1, cols, 0, 0);
	f->body = subwin(stdscr, l->body_rows, cols, l->body_top, 0);
	f->status = newwin(1, cols, rows - 1, 0);
	f->box = newwin(l->box_height, l->box_width, l->box_y, l->box_x);
	f->inner = derwin(f->box, l->box_height - 2, l->box_width - 4, 1, 2);
}

/* Paints the step's page into the body: only the rows that changed when the body shows the
 * page's previous build, else all of it. */
static void paint_body(struct follow *f)
{
	struct ui *u = &f->fw.ui;
	struct page head = { .focus_top = -1, .focus_bottom = -1 };

	u->scroll = page_clamp_scroll(&u->page, u->scroll, u->l.body_rows);
	if (f->body_build && f->body_build + 1 == u->page_builds && !u->page_before.failed &&
	    !u->page.failed)
		draw_page_changes(f->body, &u->page, u->scroll, &u->page_before, f->body_scroll);
	else
		draw_page(f->body, &u->page, u->scroll);
	f->body_build = u->page_builds;
	f->body_scroll = u->scroll;
	wnoutrefresh(f->body);
	ui_header(&head, u);
	draw_page(f->header, &head, 0);
	page_clear(&head);
	wnoutrefresh(f->header);
}

/* Paints the status line (its last line, the news wrapped above it given the lines it takes
 * over the body) when it differs from what is shown; true when it did. */
static bool paint_status(struct follow *f)
{
	struct ui *u = &f->fw.ui;
	struct page p = { .focus_top = -1, .focus_bottom = -1 };
	int height;

	ui_status(&p, u);
	height = p.n > 1 && (int)p.n < u->l.body_rows ? (int)p.n : 1;
	if (page_equal(&p, &f->status_shown)) {
		page_clear(&p);
		return false;
	}
	if (getmaxy(f->status) != height) {
		drop_window(&f->status);
		f->status = newwin(height, u->l.cols, u->l.rows - height, 0);
		touchwin(f->body);
		wnoutrefresh(f->body);
	}
	draw_page(f->status, &p, (int)p.n - height);
	wnoutrefresh(f->status);
	page_clear(&f->status_shown);
	f->status_shown = p;
	return true;
}

/* Builds the open overlay (the summary) again and paints it over the body. */
static void paint_overlay(struct follow *f)
{
	struct ui *u = &f->fw.ui;

	ui_build_overlay(u);
	werase(f->box);
	box(f->box, 0, 0);
	u->overlay_scroll = page_clamp_scroll(&u->overlay_page, u->overlay_scroll,
					      getmaxy(f->inner));
	draw_page(f->inner, &u->overlay_page, u->overlay_scroll);
	wnoutrefresh(f->box);
	wnoutrefresh(f->inner);
}

/* Paints the notice shown instead of the screens when the terminal is too small. */
static void paint_too_small(struct follow *f)
{
	struct ui *u = &f->fw.ui;
	struct page p = { .focus_top = -1, .focus_bottom = -1 };

	if (!u->repaint)
		return;
	screen_too_small(&p, u->l.cols, u->l.rows);
	draw_page(stdscr, &p, 0);
	page_clear(&p);
	wnoutrefresh(stdscr);
	doupdate();
	u->repaint = false;
}

/* Paints what changed, only that, and sends it to the terminal. */
static void paint(struct follow *f)
{
	struct ui *u = &f->fw.ui;
	bool body, sent;

	if (u->l.too_small) {
		paint_too_small(f);
		return;
	}
	if (u->redraw)
		clearok(curscr, TRUE);
	if (u->uncovered || u->redraw)
		u->repaint = true;
	ui_build_page(u);
	body = u->repaint;
	if (body)
		paint_body(f);
	if (u->uncovered || u->redraw) { /* the box is gone: the body under it is sent whole */
		touchwin(f->body);
		wnoutrefresh(f->body);
	}
	u->redraw = u->uncovered = false;
	u->repaint = false;
	sent = paint_status(f) || body;
	if (u->overlay != OV_NONE && (u->overlay_stale || body)) {
		paint_overlay(f);
		sent = true;
	}
	if (sent)
		doupdate();
}

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
	static int immediate;
	wint_t wch;
	bool lost;
	int r = term_read_key(&wch, &lost, 0);

	if (r == ERR) {
		immediate = readable ? immediate + 1 : 0; /* readable, yet nothing: hung up */
		return immediate < LOST_AFTER;
	}
	immediate = 0;
	if (r == KEY_CODE_YES && wch == KEY_RESIZE)
		relayout(f);
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
	struct pollfd fds[2] = { { .fd = STDIN_FILENO, .events = POLLIN },
				 { .fd = f->watch_fd, .events = POLLIN } };
	int wait = ui_wait_ms(&f->fw.ui), n;

	if (wait < 0 || wait > CHECK_MS)
		wait = CHECK_MS;
	n = poll(fds, f->watch_fd >= 0 ? 2 : 1, wait);
	if (n < 0 && errno != EINTR)
		return false;
	if (n > 0 && (fds[0].revents & (POLLHUP | POLLERR | POLLNVAL)))
		return false;
	if (n > 0 && f->watch_fd >= 0 && (fds[1].revents & POLLIN) && watch_events(f)) {
		follower_refresh(&f->fw);
		follower_check_end(&f->fw);
	} else if (n == 0) {
		follower_refresh(&f->fw); /* a change no event told of (no inotify, NFS) */
		follower_check_end(&f->fw);
	}
	return read_keys(f, n > 0 && (fds[0].revents & POLLIN));
}

/* Says on standard error why the follower could not start; returns the exit status 1. */
static int not_started(const char *why)
{
	fprintf(stderr, "meetlat: %s\n", why);
	return 1;
}

int follow_run(const struct tui_options *o)
{
	struct follow f = { .watch_fd = -1 };
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
	watch_start(&f);
	relayout(&f);
	while (!f.quit && !term_signal()) {
		paint(&f);
		if (!follow_step(&f))
			break;
	}
	term_stop();
	sig = term_signal();
	drop_windows(&f);
	page_clear(&f.status_shown);
	if (f.watch_fd >= 0)
		close(f.watch_fd);
	follower_free(&f.fw);
	return sig ? 128 + sig : 0;
}
