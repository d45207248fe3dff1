/* report_walk.c - the session files of report_walk.h, found and read.
 *
 * This thread walks the folders; each file found becomes a slot of a ring of
 * REPORT_WALK_AHEAD slots per worker, in the order of the walk. File number I is read by
 * worker I % n_threads, which parses it and renders it; this thread folds the slots in the
 * ring's order (EACH, or the file's error to W->errors), waking once for a run of them, and
 * leaves each session to the worker that read it to free (each thread frees what it
 * allocated). A path that cannot be walked takes a slot too, done at once, so that its error
 * comes in its place. With no worker, each file is read and folded at once, in the same
 * order. */
#include "report_walk.h"

#include <dirent.h>
#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "diag.h"
#include "mem.h"
#include "store.h"
#include "store_scan.h"
#include "ynode.h"

enum { JOBS_MAX = 64 };

/* A slot's state: FREE, QUEUED (its path waits for its worker), TAKEN (being read) and DONE
 * (read, or failed: its session or its error waits to be folded). */
enum slot_state { SLOT_FREE, SLOT_QUEUED, SLOT_TAKEN, SLOT_DONE };

/* One file of the walk, from its path to what it gave. */
struct slot {
	enum slot_state state;
	size_t seq;           /* the file's number in the walk (slot seq % n_slots) */
	char *path;           /* malloc'd; NULL for an error of the walk */
	struct session *s;    /* DONE: the session read, or NULL with the error in D */
	struct diag d;
	struct text text; /* what W->render made for S (kept for the slot's next file) */
	/* A session folded, left for the worker that read it to free when it takes the slot
	 * again: a thread frees what it allocated (no contention for the allocator's locks). */
	struct session *spent;
};

/* A worker thread: it reads the files numbered ME, ME + n_threads, ME + 2 n_threads... */
struct worker {
	struct report_walk_pool *pool;
	const struct report_walk *w;
	pthread_t thread;
	pthread_cond_t work; /* one of its slots was queued, or the walk is over */
	size_t next;         /* the number of the next file it reads */
	bool idle;           /* waiting on WORK */
};

struct report_walk_pool {
	struct store_words words; /* read-only: shared by the workers */
	struct slot *slots;
	size_t n_slots;       /* REPORT_WALK_AHEAD per worker */
	size_t head, tail;    /* the numbers of the next file to queue and to fold */
	bool closing;         /* no more files: the workers end */
	bool folding;         /* this thread waits for the file WAKE_AT to be read */
	size_t wake_at;
	pthread_mutex_t lock; /* guards the slots' states, the counts and the flags */
	pthread_cond_t done;  /* the file WAKE_AT was read */
	struct worker *workers;
	unsigned n_workers;   /* in WORKERS (their condition variables made) */
	unsigned n_threads;   /* of them started; 0: the files are read by this thread */
};

unsigned report_walk_default_jobs(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);

	return n < 1 ? 1 : n > JOBS_MAX ? JOBS_MAX : (unsigned)n;
}

/* Reads the file of slot SL into it (its session, or the error) and renders it for W. Runs in
 * a worker: touches nothing but SL and what W does not change during the walk. */
static void read_slot(const struct report_walk *w, const struct store_words *words,
		      struct slot *sl)
{
	char *buf = NULL;
	size_t len = 0;

	sl->s = NULL;
	if (ydoc_read_file(sl->path, ylimits_default.max_bytes, &buf, &len, &sl->d))
		sl->s = store_read_words(sl->path, buf, len, w->c, STORE_ANY_CONTENT, words,
					 &sl->d);
	mem.free(buf);
	if (sl->s && w->render)
		w->render(w->ctx, sl->s, sl->path, &sl->text);
}

/* Hands what slot SL holds to W: its session to W->each, else its error to W->errors
 * (nothing once the walk stopped); then empties SL, freeing its session when RELEASE (else
 * the caller keeps it for its worker to free). */
static void fold_slot(struct report_walk *w, struct slot *sl, bool release)
{
	if (!sl->s) {
		if (!w->stopped) {
			diag_print(&sl->d, w->errors);
			w->skipped++;
		}
	} else if (!w->stopped) {
		w->read++;
		w->stopped = !w->each(w->ctx, sl->s, sl->path, &sl->text);
	}
	if (release)
		session_free(sl->s);
	sl->s = NULL;
	mem.free(sl->path);
	sl->path = NULL;
	sl->text.len = 0;
	sl->text.failed = false;
}

/* Waits until the worker of file number SEQ of POOL says it was read (or another wakes this
 * thread); the lock is held. */
static void wait_read(struct report_walk_pool *pool, size_t seq)
{
	pool->wake_at = seq;
	pool->folding = true;
	pthread_cond_wait(&pool->done, &pool->lock);
	pool->folding = false;
}

/* Folds the done slots of POOL numbered TAIL to TAIL + N - 1 into W, in their order (the lock
 * not held: a done slot is this thread's alone). */
static void fold_run(struct report_walk *w, struct report_walk_pool *pool, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		struct slot *sl = &pool->slots[(pool->tail + i) % pool->n_slots];
		struct session *s = sl->s;

		fold_slot(w, sl, false);
		if (s)
			sl->spent = s; /* its worker frees it when it takes the slot again */
	}
}

/* Folds the files of POOL numbered below END into W, in their order, waiting for them to be
 * read: first for the last of them, so that this thread wakes once for many, and then each
 * run of files read at once. The lock is held on entry and on return, not while folding. */
static void fold_until(struct report_walk *w, struct report_walk_pool *pool, size_t end)
{
	while (pool->tail < end) {
		size_t run = 0;

		if (pool->slots[(end - 1) % pool->n_slots].state != SLOT_DONE) {
			wait_read(pool, end - 1);
			continue;
		}
		while (pool->tail + run < end &&
		       pool->slots[(pool->tail + run) % pool->n_slots].state == SLOT_DONE)
			run++;
		if (!run) {
			wait_read(pool, pool->tail);
			continue;
		}
		pthread_mutex_unlock(&pool->lock);
		fold_run(w, pool, run);
		pthread_mutex_lock(&pool->lock);
		for (; run; run--)
			pool->slots[pool->tail++ % pool->n_slots].state = SLOT_FREE;
	}
}

/* Returns the next slot that worker ME is to read, waiting for it to be queued; NULL when the
 * walk is over. A slot of its numbers that is done already (an error of the walk) is passed.
 * The lock is held on entry and on return. */
static struct slot *take(struct worker *me)
{
	struct report_walk_pool *pool = me->pool;

	for (;;) {
		struct slot *sl = &pool->slots[me->next % pool->n_slots];

		if (me->next < pool->head) {
			bool queued = sl->seq == me->next && sl->state == SLOT_QUEUED;

			me->next += pool->n_threads;
			if (!queued)
				continue;
			sl->state = SLOT_TAKEN;
			return sl;
		}
		if (pool->closing)
			return NULL;
		me->idle = true;
		pthread_cond_wait(&me->work, &pool->lock);
		me->idle = false;
	}
}

/* A worker (ARG): reads the files of the slots it takes until the walk is over. */
static void *worker(void *arg)
{
	struct worker *me = arg;
	struct report_walk_pool *pool = me->pool;
	struct slot *sl;

	pthread_mutex_lock(&pool->lock);
	while ((sl = take(me))) {
		struct session *spent = sl->spent;

		sl->spent = NULL;
		pthread_mutex_unlock(&pool->lock);
		session_free(spent);
		read_slot(me->w, &pool->words, sl);
		pthread_mutex_lock(&pool->lock);
		sl->state = SLOT_DONE;
		if (pool->folding && sl->seq == pool->wake_at)
			pthread_cond_signal(&pool->done);
	}
	pthread_mutex_unlock(&pool->lock);
	return NULL;
}

/* Hands the file PATH (malloc'd, now W's) to be read, or, with D, the error of the walk at
 * PATH (NULL then), in the order of the walk. When the ring is full, this thread first folds
 * the files read until half of it is free. */
static void hand_in(struct report_walk *w, char *path, const struct diag *d)
{
	struct report_walk_pool *pool = w->pool;
	struct slot *sl;

	if (!pool->n_threads) {
		sl = &pool->slots[0];
		sl->path = path;
		if (d)
			sl->d = *d;
		else
			read_slot(w, &pool->words, sl);
		fold_slot(w, sl, true);
		return;
	}
	pthread_mutex_lock(&pool->lock);
	if (pool->head - pool->tail == pool->n_slots)
		fold_until(w, pool, pool->head - pool->n_slots / 2);
	sl = &pool->slots[pool->head % pool->n_slots];
	sl->seq = pool->head++;
	sl->path = path;
	sl->s = NULL;
	if (d) {
		sl->d = *d;
		sl->state = SLOT_DONE;
	} else {
		struct worker *to = &pool->workers[sl->seq % pool->n_threads];

		sl->state = SLOT_QUEUED;
		if (to->idle)
			pthread_cond_signal(&to->work);
	}
	pthread_mutex_unlock(&pool->lock);
}

/* Hands in the error ERR of the walk at PATH. */
static void skipped_errno(struct report_walk *w, const char *path, int err)
{
	struct diag d;

	diag_set(&d, path, 0, 0, "%s", strerror(err));
	hand_in(w, NULL, &d);
}

/* Hands in the file PATH (a copy of it) to be read. */
static void read_session(struct report_walk *w, const char *path)
{
	size_t len = strlen(path) + 1;
	char *copy = mem.malloc(len);

	if (!copy) {
		skipped_errno(w, path, ENOMEM);
		return;
	}
	hand_in(w, memcpy(copy, path, len), NULL);
}

/* Returns true when NAME is that of a session file in a folder: *.yaml, not hidden. */
static bool session_name(const char *name)
{
	size_t len = strlen(name);

	return name[0] != '.' && len > 5 && strcmp(name + len - 5, ".yaml") == 0;
}

/* Orders names (char *) by their bytes. */
static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Returns the malloc'd, sorted names in DIR that are not hidden (*N of them); NULL with errno
 * when the folder cannot be read or memory is exhausted. */
static char **folder_names(DIR *dir, size_t *n)
{
	char **names = NULL;
	size_t cap = 0;
	struct dirent *e;

	*n = 0;
	errno = 0;
	while ((e = readdir(dir))) {
		size_t len = strlen(e->d_name) + 1;

		if (e->d_name[0] == '.')
			continue;
		if (*n == cap) {
			char **more = mem.realloc(names, (cap = cap ? 2 * cap : 64) * sizeof(*more));

			if (!more)
				break;
			names = more;
		}
		if (!(names[*n] = mem.malloc(len)))
			break;
		memcpy(names[(*n)++], e->d_name, len);
		errno = 0;
	}
	if (errno) {
		int err = errno;

		while (*n)
			mem.free(names[--*n]);
		mem.free(names);
		errno = err;
		return NULL;
	}
	if (!names)
		return mem.malloc(sizeof(*names));
	qsort(names, *n, sizeof(*names), by_name);
	return names;
}

static void walk_folder(struct report_walk *w, const char *path);

/* Walks the entry NAME of the folder FOLDER: a folder within (not a link to one) walked, a
 * session file handed in. */
static void walk_entry(struct report_walk *w, const char *folder, const char *name)
{
	size_t len = strlen(folder) + strlen(name) + 2;
	char *path = mem.malloc(len);
	struct stat st;

	if (!path) {
		skipped_errno(w, folder, ENOMEM);
		return;
	}
	snprintf(path, len, "%s%s%s", folder, folder[strlen(folder) - 1] == '/' ? "" : "/", name);
	if (lstat(path, &st) != 0)
		skipped_errno(w, path, errno);
	else if (S_ISDIR(st.st_mode))
		walk_folder(w, path);
	else if (session_name(name) &&
		 (S_ISREG(st.st_mode) ||
		  /* a link to a file is read; to a folder it is not followed */
		  (S_ISLNK(st.st_mode) && stat(path, &st) == 0 && S_ISREG(st.st_mode)))) {
		hand_in(w, path, NULL);
		return;
	}
	mem.free(path);
}

/* Walks the folder PATH and the folders within, in the order of their names. */
static void walk_folder(struct report_walk *w, const char *path)
{
	DIR *dir = opendir(path);
	char **names;
	size_t n;

	if (!dir) {
		skipped_errno(w, path, errno);
		return;
	}
	names = folder_names(dir, &n);
	if (!names)
		skipped_errno(w, path, errno);
	closedir(dir);
	for (size_t i = 0; names && i < n; i++) {
		if (!w->stopped)
			walk_entry(w, path, names[i]);
		mem.free(names[i]);
	}
	mem.free(names);
}

/* Walks PATH: a folder, or a file read whatever its name. */
static void walk_path(struct report_walk *w, const char *path)
{
	struct stat st;

	if (stat(path, &st) != 0)
		skipped_errno(w, path, errno);
	else if (S_ISDIR(st.st_mode))
		walk_folder(w, path);
	else
		read_session(w, path);
}

/* Releases POOL (its threads ended) and what its slots hold. */
static void pool_free(struct report_walk_pool *pool)
{
	for (size_t i = 0; i < pool->n_slots; i++) {
		session_free(pool->slots[i].s);
		session_free(pool->slots[i].spent);
		mem.free(pool->slots[i].path);
		text_free(&pool->slots[i].text);
	}
	for (unsigned i = 0; i < pool->n_workers; i++)
		pthread_cond_destroy(&pool->workers[i].work);
	pthread_cond_destroy(&pool->done);
	pthread_mutex_destroy(&pool->lock);
	mem.free(pool->slots);
	mem.free(pool->workers);
	mem.free(pool);
}

/* Starts up to JOBS workers for W in POOL (none for one job): as many as can be started. */
static void pool_start(const struct report_walk *w, struct report_walk_pool *pool,
		       unsigned jobs)
{
	if (jobs < 2 || !(pool->workers = mem.calloc(jobs, sizeof(*pool->workers))))
		return;
	for (unsigned i = 0; i < jobs; i++) {
		struct worker *me = &pool->workers[i];

		*me = (struct worker){ .pool = pool, .w = w, .next = i };
		pthread_cond_init(&me->work, NULL);
	}
	pool->n_workers = jobs;
	/* The slots are numbered for as many workers as were asked: they are started before
	 * any file is queued, so one that could not be is counted out. */
	pthread_mutex_lock(&pool->lock);
	while (pool->n_threads < jobs &&
	       pthread_create(&pool->workers[pool->n_threads].thread, NULL, worker,
			      &pool->workers[pool->n_threads]) == 0)
		pool->n_threads++;
	pool->n_slots = (size_t)REPORT_WALK_AHEAD * (pool->n_threads ? pool->n_threads : 1);
	pthread_mutex_unlock(&pool->lock);
}

/* Returns a pool with room for the slots of JOBS workers (not started), or NULL when memory
 * is exhausted. */
static struct report_walk_pool *pool_new(unsigned jobs)
{
	struct report_walk_pool *pool = mem.calloc(1, sizeof(*pool));

	if (!pool)
		return NULL;
	store_words_init(&pool->words);
	pool->n_slots = jobs < 2 ? 1 : (size_t)REPORT_WALK_AHEAD * jobs;
	pool->slots = mem.calloc(pool->n_slots, sizeof(*pool->slots));
	if (!pool->slots) {
		mem.free(pool);
		return NULL;
	}
	pthread_mutex_init(&pool->lock, NULL);
	pthread_cond_init(&pool->done, NULL);
	return pool;
}

/* Folds every file still in W's pool, ends its workers and releases it. */
static void pool_finish(struct report_walk *w)
{
	struct report_walk_pool *pool = w->pool;

	pthread_mutex_lock(&pool->lock);
	if (pool->n_threads)
		fold_until(w, pool, pool->head);
	pool->closing = true;
	for (unsigned i = 0; i < pool->n_threads; i++)
		pthread_cond_signal(&pool->workers[i].work);
	pthread_mutex_unlock(&pool->lock);
	for (unsigned i = 0; i < pool->n_threads; i++)
		pthread_join(pool->workers[i].thread, NULL);
	pool_free(pool);
	w->pool = NULL;
}

bool report_walk(struct report_walk *w, char *const *paths, size_t n)
{
	unsigned jobs = w->jobs > JOBS_MAX ? JOBS_MAX : w->jobs;

	w->pool = pool_new(jobs);
	if (!w->pool) {
		w->failed = true;
		return false;
	}
	pool_start(w, w->pool, jobs);
	for (size_t i = 0; i < n && !w->stopped; i++)
		walk_path(w, paths[i]);
	pool_finish(w);
	return !w->stopped;
}
