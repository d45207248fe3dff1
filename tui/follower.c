/* follower.c - meetlat --follow without a terminal: reading the session again when it is
 * saved, showing what the room is to see (with the box of phone voting the sidecar next to
 * the session names), and noticing that the facilitator has closed. */
#include "follower.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "baseline.h"
#include "i18n.h"
#include "store_vote.h"

/* Shows the overlay the session says the room sees over the step (the summary, or none;
 * the box of phone voting is show_vote's). */
static void show_overlay(struct ui *u)
{
	enum overlay wanted = u->s->showing == SHOWING_SUMMARY ? OV_SUMMARY : OV_NONE;
	enum overlay shown = u->overlay == OV_VOTE ? OV_NONE : u->overlay;

	if (shown == wanted)
		return;
	if (wanted == OV_NONE)
		ui_close(u);
	else
		ui_open(u, wanted);
}

/* Shows the box of phone voting as the facilitator's meetlat shows it while that meetlat
 * holds the session and its sidecar names the row of the step the session is at (a sidecar
 * a kill left, or one of another row, shows nothing); takes it away otherwise. True when
 * what the box shows changed. */
static bool show_vote(struct follower *fw)
{
	struct ui *u = &fw->ui;
	const struct content_step *st = &u->c->steps[u->s->position];
	struct store_vote v = { "", "" };
	const char *url;
	long row = -1;
	bool changed;

	if (!fw->ended && st->kind == STEP_SCORE && store_vote_read(u->f->real_path, &v) &&
	    strcmp(v.row, u->c->dimensions[st->dimension].id) == 0)
		row = (long)st->dimension;
	url = row >= 0 ? v.url : "";
	changed = row != u->vote_row || strcmp(url, u->vote_url_seen) != 0;
	if (changed) {
		u->vote_row = row;
		snprintf(u->vote_url_seen, sizeof(u->vote_url_seen), "%s", url);
		u->overlay_stale = true;
	}
	ui_phone_sync(u);
	return changed;
}

/* Puts session S, read from F, in the place of the one shown: its step, scrolled and its
 * table's row selected as the facilitator's, its rows revealed, its overlay. */
static void show_session(struct follower *fw, struct session *s, struct store_file *f)
{
	struct ui *u = &fw->ui;
	size_t before = u->s ? u->s->position : (size_t)-1;
	const struct content_step *st = &u->c->steps[s->position];

	session_free(u->s);
	store_close(u->f);
	u->s = s;
	u->f = f;
	if (s->position != before)
		u->table_row = st->kind == STEP_SCORE ? st->dimension : 0;
	ui_show_room(u);
	ui_show_view(u);
	show_overlay(u);
	show_vote(fw);
	u->overlay_stale = true;
	fw->reads++;
}

/* Reads the session at PATH read-only and shows it (with last time's actions first when it
 * follows an earlier session that left some open); false with D when it cannot be read. The
 * file is seen as the store found it around the read (unknown when it moved meanwhile: then
 * it is read again at the next refresh), never as it is after: a save renamed into place
 * just after the read is shown by the next refresh. */
static bool read_and_show(struct follower *fw, const char *path, struct diag *d)
{
	struct store_file *f;
	struct session *s;
	struct content *with;

	if (!baseline_open(path, NULL, fw->ui.c, STORE_READ_ONLY | STORE_ANY_CONTENT, &with, &f,
			   &s, d))
		return false;
	if (with) { /* only while the content has no such step: the first time it is needed */
		fw->ui.own_content = with;
		fw->ui.c = with;
	}
	fw->seen = f->disk_stamp;
	show_session(fw, s, f);
	return true;
}

bool follower_start(struct follower *fw, const struct content *c, const char *path,
		    bool unicode, int cols, int rows, struct diag *d)
{
	memset(fw, 0, sizeof(*fw));
	if (!ui_init(&fw->ui, c, true, false, unicode)) {
		diag_set(d, path, 0, 0, _("out of memory"));
		return false;
	}
	fw->ui.following = true; /* says "live", never the presenter panel */
	ui_resize(&fw->ui, cols, rows);
	if (!read_and_show(fw, path, d)) {
		ui_free(&fw->ui);
		return false;
	}
	follower_check_end(fw);
	return true;
}

bool follower_refresh(struct follower *fw)
{
	struct store_stamp now = store_stamp_of(fw->ui.f->real_path);
	struct diag ignored;

	if (store_stamp_same(&now, &fw->seen))
		return false;
	fw->seen = now; /* a file that cannot be read is tried again when it changes again */
	return read_and_show(fw, fw->ui.f->path, &ignored);
}

bool follower_refresh_vote(struct follower *fw)
{
	return show_vote(fw);
}

/* Says in the status line, until it is unsaid, what the follower waits for: the facilitator's
 * meetlat, not seen yet (WAITING), or nothing more, the workshop having ended. */
static void say_unheld(struct ui *u, bool waiting)
{
	if (waiting)
		ui_flash(u, false, "%s", _("Waiting for the facilitator's meetlat…"));
	else
		ui_flash(u, false, "%s", _("The workshop has ended. Press q to close."));
	u->message_until = HUGE_VAL;
}

bool follower_check_end(struct follower *fw)
{
	struct ui *u = &fw->ui;
	bool held = store_held_elsewhere(u->f), waiting;

	fw->held_once = fw->held_once || held;
	waiting = !held && !fw->held_once;
	if (held == !fw->ended && waiting == fw->waiting)
		return false;
	fw->ended = !held;
	fw->waiting = waiting;
	if (held) {
		u->message[0] = '\0';
		u->message_until = 0;
	} else {
		say_unheld(u, waiting);
	}
	show_vote(fw); /* shown only while the facilitator's meetlat holds the session */
	return true;
}

bool follower_names(const char *path, char *dir, char *name, char *lock_name,
		    char *vote_name, size_t size)
{
	char *real = realpath(path, NULL), *lock = real ? store_lock_name(real) : NULL;
	char *vote = lock ? store_vote_name(real) : NULL;
	const char *slash = vote ? strrchr(real, '/') : NULL;
	bool ok = slash != NULL;

	if (ok) {
		snprintf(dir, size, "%.*s", slash == real ? 1 : (int)(slash - real), real);
		snprintf(name, size, "%s", slash + 1);
		snprintf(lock_name, size, "%s", strrchr(lock, '/') + 1);
		snprintf(vote_name, size, "%s", strrchr(vote, '/') + 1);
	}
	free(vote);
	free(lock);
	free(real);
	return ok;
}

void follower_free(struct follower *fw)
{
	ui_free(&fw->ui);
	store_close(fw->ui.f);
	session_free(fw->ui.s);
	fw->ui.f = NULL;
	fw->ui.s = NULL;
}
