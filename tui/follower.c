/* follower.c - meetlat --follow without a terminal: reading the session again when it is
 * saved, showing what the room is to see, and noticing that the facilitator has closed. */
#include "follower.h"

#include <math.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "baseline.h"
#include "i18n.h"

/* Returns true when A and B tell of the same file in the same state. */
static bool stamp_same(const struct store_stamp *a, const struct store_stamp *b)
{
	return a->known && b->known && a->dev == b->dev && a->ino == b->ino &&
	       a->size == b->size && a->mtime.tv_sec == b->mtime.tv_sec &&
	       a->mtime.tv_nsec == b->mtime.tv_nsec && a->ctime.tv_sec == b->ctime.tv_sec &&
	       a->ctime.tv_nsec == b->ctime.tv_nsec;
}

/* Returns what stat(2) tells of the file at PATH now (not known when it cannot be had). */
static struct store_stamp stamp_now(const char *path)
{
	struct stat st;

	if (stat(path, &st) != 0)
		return (struct store_stamp){ .known = false };
	return (struct store_stamp){ .known = true, .dev = st.st_dev, .ino = st.st_ino,
				     .size = st.st_size, .mtime = st.st_mtim,
				     .ctime = st.st_ctim };
}

/* Shows the overlay the session says the room sees over the step (the summary, or none). */
static void show_overlay(struct ui *u)
{
	enum overlay wanted = u->s->showing == SHOWING_SUMMARY ? OV_SUMMARY : OV_NONE;

	if (u->overlay == wanted)
		return;
	if (wanted == OV_NONE)
		ui_close(u);
	else
		ui_open(u, wanted);
}

/* Puts session S, read from F, in the place of the one shown: its step (from the top of it
 * when the step changed), its rows revealed, its overlay. */
static void show_session(struct follower *fw, struct session *s, struct store_file *f)
{
	struct ui *u = &fw->ui;
	size_t before = u->s ? u->s->position : (size_t)-1;
	const struct content_step *st = &u->c->steps[s->position];

	session_free(u->s);
	store_close(u->f);
	u->s = s;
	u->f = f;
	if (s->position != before) {
		u->scroll = 0;
		u->table_row = st->kind == STEP_SCORE ? st->dimension : 0;
	}
	ui_show_room(u);
	show_overlay(u);
	u->overlay_stale = true;
	fw->reads++;
}

/* Reads the session at PATH read-only and shows it (with last time's actions first when it
 * follows an earlier session that left some open); false with D when it cannot be read. */
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
	fw->seen = stamp_now(f->real_path);
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
	struct store_stamp now = stamp_now(fw->ui.f->real_path);
	struct diag ignored;

	if (stamp_same(&now, &fw->seen))
		return false;
	fw->seen = now; /* a file that cannot be read is tried again when it changes again */
	return read_and_show(fw, fw->ui.f->path, &ignored);
}

bool follower_check_end(struct follower *fw)
{
	struct ui *u = &fw->ui;
	bool ended = !store_held_elsewhere(u->f);

	if (ended == fw->ended)
		return false;
	fw->ended = ended;
	if (ended) {
		ui_flash(u, false, "%s", _("The workshop has ended. Press q to close."));
		u->message_until = HUGE_VAL;
	} else {
		u->message[0] = '\0';
		u->message_until = 0;
	}
	return true;
}

void follower_names(const struct follower *fw, char *dir, char *name, char *lock_name,
		    size_t size)
{
	const char *real = fw->ui.f->real_path, *slash = strrchr(real, '/');
	const char *base = slash ? slash + 1 : real;

	if (!slash)
		snprintf(dir, size, ".");
	else
		snprintf(dir, size, "%.*s", slash == real ? 1 : (int)(slash - real), real);
	snprintf(name, size, "%s", base);
	snprintf(lock_name, size, ".%s.lock", base);
}

void follower_free(struct follower *fw)
{
	ui_free(&fw->ui);
	store_close(fw->ui.f);
	session_free(fw->ui.s);
	fw->ui.f = NULL;
	fw->ui.s = NULL;
}
