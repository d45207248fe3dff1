/* vote_load - many phones voting at once on a phone-vote room (loopback only), for the load
 * test and the benchmark.
 *
 *   vote_load URL PHONES SECONDS [HOLD]
 *
 * Each phone is a thread: it joins (GET /CODE, keeping its cookie) and votes phase
 * 1 + (its number mod 4), all starting together; a phone whose connection is refused, reset or
 * closed without an answer (the server's connection limit) tries again, until SECONDS have
 * passed. With HOLD, that many idle connections are opened before the phones start and
 * closed 0.5 s after: with 256 (the server's limit) every phone first finds it full. Prints one line:
 *   phones N voted V wall S.SSS requests R retries T rps X p99_ms Y
 * and the votes per phase ("phase1 A phase2 B ..."); exits 0 when every phone voted. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "vote_client.h"

enum { MAX_PHONES = 2000, MAX_REQUESTS = 8 };

/* What one phone did: the answer times of its requests (ms), its retries, whether it voted. */
struct phone {
	pthread_t thread;
	int number;
	double ms[MAX_REQUESTS];
	int requests, retries;
	bool voted;
};

static struct vote_target target;
static pthread_barrier_t start;
static double deadline;

/* Seconds on the monotonic clock. */
static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Sends one request of phone P until it gets an answer of status WANT (or the deadline);
 * keeps the answer in R. */
static bool ask_until(struct phone *p, const char *method, const char *cookie, const char *body,
		      int want, struct vote_reply *r)
{
	char path[32];

	snprintf(path, sizeof(path), "/%s", target.code);
	while (now() < deadline) {
		double t0 = now();

		vote_request(&target, method, path, cookie, body, r);
		if (r->status == want) {
			if (p->requests < MAX_REQUESTS)
				p->ms[p->requests++] = (now() - t0) * 1000;
			return true;
		}
		vote_reply_free(r);
		p->retries++;
		nanosleep(&(struct timespec){ .tv_nsec = 5 * 1000 * 1000 }, NULL);
	}
	return false;
}

/* One phone: joins, then votes. */
static void *phone_run(void *arg)
{
	struct phone *p = arg;
	struct vote_reply r;
	char cookie[64], body[64];
	unsigned serial;

	pthread_barrier_wait(&start);
	if (!ask_until(p, "GET", NULL, NULL, 200, &r))
		return NULL;
	if (!vote_reply_cookie(&r, cookie)) {
		vote_reply_free(&r);
		return NULL;
	}
	serial = vote_reply_serial(&r);
	vote_reply_free(&r);
	snprintf(body, sizeof(body), "row=%u&phase=%d", serial, 1 + p->number % 4);
	p->voted = ask_until(p, "POST", cookie, body, 303, &r);
	vote_reply_free(&r);
	return NULL;
}

/* Orders answer times. */
static int by_time(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

/* Prints the figures of the N phones that took WALL seconds; returns how many voted. */
static int report(const struct phone *phones, int n, double wall)
{
	double *all = malloc(sizeof(double) * (size_t)n * MAX_REQUESTS);
	int requests = 0, retries = 0, voted = 0, per_phase[4] = { 0 };

	for (int i = 0; i < n; i++) {
		for (int k = 0; k < phones[i].requests; k++)
			all[requests++] = phones[i].ms[k];
		retries += phones[i].retries;
		voted += phones[i].voted;
		per_phase[phones[i].number % 4] += phones[i].voted;
	}
	qsort(all, (size_t)requests, sizeof(double), by_time);
	printf("phones %d voted %d wall %.3f requests %d retries %d rps %.0f p99_ms %.1f\n", n,
	       voted, wall, requests + retries, retries, (requests + retries) / wall,
	       requests ? all[(requests * 99 - 1) / 100] : 0.0);
	printf("phase1 %d phase2 %d phase3 %d phase4 %d\n", per_phase[0], per_phase[1],
	       per_phase[2], per_phase[3]);
	free(all);
	return voted;
}

/* Opens N idle connections to the target into FDS; returns how many opened. */
static int hold_connections(int *fds, int n)
{
	int held = 0;

	for (int i = 0; i < n; i++)
		if ((fds[held] = vote_connect(&target, 5)) >= 0)
			held++;
	return held;
}

int main(int argc, char **argv)
{
	struct phone *phones;
	pthread_attr_t attr;
	int n, hold = argc == 5 ? atoi(argv[4]) : 0, held = 0, fds[1024];
	double t0;

	if ((argc != 4 && argc != 5) || hold < 0 || hold > 1024 || !vote_target_parse(argv[1], &target) || (n = atoi(argv[2])) < 1 ||
	    n > MAX_PHONES) {
		fprintf(stderr, "usage: vote_load URL PHONES SECONDS [HOLD]\n");
		return 2;
	}
	phones = calloc((size_t)n, sizeof(*phones));
	pthread_barrier_init(&start, NULL, (unsigned)n + 1);
	pthread_attr_init(&attr);
	pthread_attr_setstacksize(&attr, 256 * 1024);
	deadline = now() + atof(argv[3]);
	for (int i = 0; i < n; i++) {
		phones[i].number = i;
		if (pthread_create(&phones[i].thread, &attr, phone_run, &phones[i]) != 0) {
			fprintf(stderr, "vote_load: cannot start phone %d\n", i);
			return 1;
		}
	}
	held = hold_connections(fds, hold);
	pthread_barrier_wait(&start);
	t0 = now();
	if (held) {
		nanosleep(&(struct timespec){ .tv_nsec = 500 * 1000 * 1000 }, NULL);
		while (held)
			close(fds[--held]);
	}
	for (int i = 0; i < n; i++)
		pthread_join(phones[i].thread, NULL);
	n = report(phones, n, now() - t0) == n ? 0 : 1;
	pthread_attr_destroy(&attr);
	pthread_barrier_destroy(&start);
	free(phones);
	return n;
}
