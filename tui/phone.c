/* phone.c - phone voting as the interface drives it: v opens a row to the participants'
 * phones (the server of vote/, started at the first v), the votes they send are taken in
 * batches and applied to the session as typed ones are, and the box on the projector shows
 * where to go; the sidecar next to the session file (store_vote.h) says the same to a
 * follower (--follow) on the projector. No curses. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "i18n.h"
#include "ui.h"
#include "vote.h"

enum { PHONE_PHASES = 4 }; /* the phone page has four buttons (vote.h) */

/* Writes the address the phones go to into the file --url-file names, when it is not there
 * yet: a temporary file beside it renamed over it, so that a reader sees all of it or none.
 * A failure is said in the status line; voting goes on. */
static void write_url_file(struct ui *u, const char *url)
{
	char tmp[4096];
	size_t len = strlen(url);
	int fd, n, err;

	if (!u->vote_url_file || strcmp(u->vote_url_written, url) == 0)
		return;
	n = snprintf(tmp, sizeof(tmp), "%s.XXXXXX", u->vote_url_file);
	fd = n > 0 && (size_t)n < sizeof(tmp) ? mkstemp(tmp) : -1;
	if (fd >= 0 && write(fd, url, len) == (ssize_t)len && write(fd, "\n", 1) == 1 &&
	    close(fd) == 0 && rename(tmp, u->vote_url_file) == 0) {
		snprintf(u->vote_url_written, sizeof(u->vote_url_written), "%s", url);
		return;
	}
	err = errno;
	if (fd >= 0) {
		close(fd); /* again after a failed write; a failed close leaves it closed */
		unlink(tmp);
	}
	ui_flash(u, true, _("The address could not be written to %s: %s"), u->vote_url_file,
		 strerror(err));
}

/* Removes the sidecar this meetlat wrote, if any. */
static void unpublish(struct ui *u)
{
	if (!u->vote_sidecar_of)
		return;
	store_vote_remove(u->vote_sidecar_of);
	free(u->vote_sidecar_of);
	u->vote_sidecar_of = NULL;
}

/* Makes the sidecar next to the session file say what the room's box needs while something
 * is open to the phones (the address, and the row open or none while V keeps the page
 * open), or removes it when nothing is: what a follower on the projector shows. Never
 * written in --review or --preview; a failure is said in the status line. */
static void publish(struct ui *u)
{
	const char *url = u->room ? vote_room_url(u->room) : NULL;
	struct store_vote v = { "", "" };

	if (!url || (u->vote_row < 0 && !u->vote_kept) || u->read_only || u->preview || !u->f) {
		unpublish(u);
		return;
	}
	if (u->vote_sidecar_of && strcmp(u->vote_sidecar_of, u->f->real_path) != 0)
		unpublish(u); /* saving went to a conflict copy: the sidecar goes with it */
	snprintf(v.url, sizeof(v.url), "%s", url);
	if (u->vote_row >= 0)
		snprintf(v.row, sizeof(v.row), "%s", u->c->dimensions[u->vote_row].id);
	if (!u->vote_sidecar_of && !(u->vote_sidecar_of = strdup(u->f->real_path)))
		return;
	if (!store_vote_write(u->f->real_path, &v))
		ui_flash(u, true, _("The room's view (--follow) cannot show the code: %s"),
			 strerror(errno));
}

/* Fills ROW with what the phone page shows of row DIM: its name, group, phases and the four
 * behaviour texts. */
static void phone_row(const struct ui *u, size_t dim, struct vote_row *row)
{
	const struct content_dimension *d = &u->c->dimensions[dim];

	memset(row, 0, sizeof(*row));
	row->id = d->id;
	row->name = d->name;
	row->group = u->c->groups[d->group].title;
	row->lang = i18n_language();
	for (size_t p = 0; p < PHONE_PHASES && p < u->c->n_phases; p++) {
		row->phase_name[p] = u->c->phases[p].name;
		row->behaviour[p] = d->cells[p].text;
	}
}

/* Makes the room at the first v; false with the reason in WHY when it cannot be made. */
static bool room_made(struct ui *u, char *why, size_t size)
{
	struct vote_options o = { u->vote_listen };

	if (!u->room)
		u->room = vote_room_new(&o, why, size);
	return u->room != NULL;
}

/* Says in the status line that phone voting could not start (WHY), and that typing votes
 * goes on. */
static void not_available(struct ui *u, const char *why)
{
	ui_flash(u, true, _("Phone voting is not available: %s. Type the votes with 1-%zu."), why,
		 u->c->n_phases);
}

/* Opens row DIM to the phones. */
static void phone_open(struct ui *u, size_t dim)
{
	char why[256] = "";
	struct vote_row row;

	if (u->c->n_phases != PHONE_PHASES) {
		not_available(u, _("the phone page has four phases"));
		return;
	}
	if (u->revealed[dim]) { /* votes after the reveal would follow the others' */
		ui_flash(u, true, "%s",
			 _("The votes of this row are shown: phones cannot vote now. "
			   "Press r to hide them first."));
		return;
	}
	phone_row(u, dim, &row);
	if (!room_made(u, why, sizeof(why)) || !vote_room_open(u->room, &row, why, sizeof(why))) {
		not_available(u, why[0] ? why : _("the server did not start"));
		return;
	}
	u->vote_row = (long)dim;
	if (vote_room_url(u->room))
		write_url_file(u, vote_room_url(u->room));
	ui_flash(u, false, "%s", _("Phone voting is open for this row: v or r closes it."));
}

void ui_phone_close(struct ui *u)
{
	if (u->vote_row < 0)
		return;
	vote_room_close(u->room);
	u->vote_row = -1;
	publish(u);
	ui_phone_sync(u);
}

void ui_phone_toggle(struct ui *u, size_t dim)
{
	bool was_open = u->vote_row == (long)dim;

	ui_phone_close(u);
	if (was_open)
		ui_flash(u, false, "%s", _("Phone voting is closed; the votes stay."));
	else
		phone_open(u, dim);
	publish(u);
	ui_phone_sync(u);
}

void ui_phone_keep(struct ui *u)
{
	char why[256] = "";

	if (!room_made(u, why, sizeof(why))) {
		not_available(u, why);
		return;
	}
	u->vote_kept = !u->vote_kept;
	vote_room_keep_open(u->room, u->vote_kept);
	publish(u);
	if (u->vote_kept)
		ui_flash(u, false, "%s", _("The participants' page stays open between rows."));
	else
		ui_flash(u, false, "%s", _("The participants' page closes when no row is open."));
}

bool ui_phone_apply(struct ui *u, const struct vote_event *ev, size_t n)
{
	const char *why = NULL, *refusal = NULL;
	size_t applied = 0;

	for (size_t i = 0; i < n; i++) {
		long dim = content_dimension_index(u->c, ev[i].row);
		bool ok;

		if (dim < 0)
			continue; /* a row the content does not have: never offered */
		ok = ev[i].replaces ? session_vote_replace(u->s, u->c, (size_t)dim, ev[i].replaces,
							   ev[i].phase, &why)
				    : session_vote_add(u->s, u->c, (size_t)dim, ev[i].phase, &why);
		if (ok)
			applied++;
		else
			refusal = why;
	}
	if (refusal)
		ui_flash(u, true, _("A phone vote was not counted: %s"), _(refusal));
	if (applied)
		ui_changed(u);
	return applied > 0;
}

size_t ui_phone_take(struct ui *u)
{
	struct vote_event batch[UI_PHONE_BATCH];
	size_t n;

	if (!u->room)
		return 0;
	n = vote_room_take(u->room, batch, UI_PHONE_BATCH);
	ui_phone_apply(u, batch, n);
	return n;
}

int ui_phone_fd(const struct ui *u)
{
	return u->room ? vote_room_wake_fd(u->room) : -1;
}

const char *ui_phone_url(const struct ui *u)
{
	if (u->vote_row < 0)
		return NULL;
	return u->room ? vote_room_url(u->room) : u->vote_url_seen;
}

void ui_phone_end(struct ui *u)
{
	if (!u->room)
		return;
	while (ui_phone_take(u) == UI_PHONE_BATCH)
		;
	ui_phone_free(u); /* nothing listens after this */
	ui_phone_sync(u);
}

void ui_phone_free(struct ui *u)
{
	vote_room_free(u->room);
	u->room = NULL;
	u->vote_row = -1;
	unpublish(u);
}

void ui_phone_sync(struct ui *u)
{
	bool shown = u->vote_row >= 0 && !u->presenter;

	if (shown && u->overlay == OV_NONE) {
		u->overlay = OV_VOTE;
		u->overlay_stale = true;
	} else if (!shown && u->overlay == OV_VOTE) {
		u->overlay = OV_NONE;
		u->overlay_stale = true;
		u->repaint = true;
		u->uncovered = true;
	}
}

void ui_phone_view(const struct ui *u, struct vote_view *vv)
{
	size_t dim = u->vote_row >= 0 ? (size_t)u->vote_row : 0;

	*vv = (struct vote_view){ .url = ui_phone_url(u), .row = u->c->dimensions[dim].name,
				  .votes = u->s->scores[dim].n_votes,
				  .participants = screen_participants(u->s) };
	if (!vv->url)
		vv->url = "";
}
