/* clock.h - the one clock the interface measures time with. No curses. */
#ifndef MEETLAT_CLOCK_H
#define MEETLAT_CLOCK_H

/* Returns a monotonic clock in seconds (never jumps when the wall clock is set). */
double clock_seconds(void);

#endif
