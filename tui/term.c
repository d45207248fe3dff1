/* term.c - the terminal: starting and stopping curses, signals, colours and styles. */
#include "term.h"

#include <errno.h>
#include <langinfo.h>
#include <poll.h>
#include <term.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "clock.h"
#include "i18n.h"

static volatile sig_atomic_t caught_signal;
static bool started;
/* Keys are read from this pad, never from a window that is drawn: reading a key from a window
 * changed since its last refresh (stdscr, whose subwindows the program deletes and makes
 * again) would first repaint it, over what the other windows show. */
static WINDOW *input;
static bool ascii_only;
static attr_t styles[STYLE_COUNT];

/* What a crash handler needs to give the terminal back, prepared before anything can crash. */
static struct termios saved_termios;
static bool have_termios;

/* Notes SIG for the main loop; nothing more happens in a signal handler. */
static void note_signal(int sig)
{
	caught_signal = sig;
}

void term_catch_signals(void)
{
	static const int caught[] = { SIGHUP, SIGTERM, SIGINT, SIGQUIT };
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sigemptyset(&sa.sa_mask);
	sa.sa_handler = note_signal; /* no SA_RESTART: a blocked read returns at once */
	for (size_t i = 0; i < sizeof(caught) / sizeof(caught[0]); i++)
		sigaction(caught[i], &sa, NULL);
	sa.sa_handler = SIG_IGN;
	sigaction(SIGPIPE, &sa, NULL);
	sigaction(SIGXFSZ, &sa, NULL);
}

int term_signal(void)
{
	return caught_signal;
}

int term_read_key(wint_t *wch, bool *lost, int timeout_ms)
{
	enum { LOST_AFTER = 40 }; /* immediate failures in a row that mean the terminal is gone */
	enum { SHORT_MS = 100 };  /* a wait this short says nothing when it ends at once */
	static int immediate;
	bool waiting = timeout_ms == TERM_INPUT_WAITING; /* nothing read then is a failure */
	WINDOW *from = input ? input : stdscr;
	double before = clock_seconds();
	int r;

	wtimeout(from, waiting ? 0 : timeout_ms);
	r = wget_wch(from, wch);
	/* A vanished terminal makes every read fail at once, forever, instead of waiting. */
	if (r == ERR && !caught_signal && clock_seconds() - before < 0.05) {
		if (waiting || timeout_ms < 0 || timeout_ms >= SHORT_MS)
			immediate++;
	} else {
		immediate = 0;
	}
	*lost = immediate >= LOST_AFTER;
	return r;
}

int term_wait(int fd, int timeout_ms)
{
	struct pollfd fds[2] = { { .fd = STDIN_FILENO, .events = POLLIN },
				 { .fd = fd, .events = POLLIN } };
	int n = poll(fds, fd >= 0 ? 2 : 1, timeout_ms), seen = 0;

	if (n < 0)
		return errno == EINTR ? TERM_WAIT_SIGNAL : TERM_WAIT_GONE;
	if (fds[0].revents & (POLLHUP | POLLERR | POLLNVAL))
		return TERM_WAIT_GONE;
	if (fds[0].revents & POLLIN)
		seen |= TERM_WAIT_KEY;
	if (fd >= 0 && (fds[1].revents & POLLIN))
		seen |= TERM_WAIT_FD;
	return seen;
}

int term_key(int r, wint_t wch)
{
	static const struct { int curses, key; } keys[] = {
		{ KEY_UP, UI_KEY_UP },               { KEY_DOWN, UI_KEY_DOWN },
		{ KEY_LEFT, UI_KEY_LEFT },           { KEY_RIGHT, UI_KEY_RIGHT },
		{ KEY_PPAGE, UI_KEY_PAGE_UP },       { KEY_NPAGE, UI_KEY_PAGE_DOWN },
		{ KEY_HOME, UI_KEY_HOME },           { KEY_END, UI_KEY_END },
		{ KEY_BACKSPACE, UI_KEY_BACKSPACE }, { KEY_DC, UI_KEY_DELETE },
		{ KEY_ENTER, UI_KEY_ENTER },         { KEY_BTAB, UI_KEY_BACK_TAB },
	};

	if (r != KEY_CODE_YES)
		return wch < UI_KEY_FIRST ? (int)wch : UI_KEY_OTHER;
	for (size_t i = 0; i < sizeof(keys) / sizeof(keys[0]); i++)
		if (keys[i].curses == (int)wch)
			return keys[i].key;
	return UI_KEY_OTHER;
}

/* How a style looks: its colours (-1: the terminal's own) and attributes when the terminal
 * has colours, and its attributes alone in monochrome. */
struct style_look {
	enum style style;
	short fg, bg;
	attr_t attr, mono;
};

/* A QR code in every theme: black ink on white cells; in monochrome reversed, which is dark
 * on light on the usual dark terminal (its light foreground behind, its dark background as
 * the ink). */
#define CODE_LOOK { STYLE_CODE, COLOR_BLACK, COLOR_WHITE, A_NORMAL, A_REVERSE }

/* The default theme: the terminal's own colours behind everything. */
static const struct style_look default_looks[] = {
	{ STYLE_NORMAL, -1, -1, A_NORMAL, A_NORMAL },
	{ STYLE_TITLE, COLOR_CYAN, -1, A_BOLD, A_BOLD },
	{ STYLE_HEADING, -1, -1, A_BOLD, A_BOLD },
	{ STYLE_EMPHASIS, -1, -1, A_BOLD, A_BOLD },
	{ STYLE_DRAFT, COLOR_MAGENTA, -1, A_NORMAL, A_UNDERLINE },
	{ STYLE_CURRENT, COLOR_GREEN, -1, A_REVERSE | A_BOLD, A_REVERSE | A_BOLD },
	{ STYLE_TARGET, COLOR_YELLOW, -1, A_BOLD | A_UNDERLINE, A_BOLD | A_UNDERLINE },
	{ STYLE_WARNING, COLOR_RED, -1, A_BOLD, A_BOLD | A_STANDOUT },
	{ STYLE_SELECTED, -1, -1, A_REVERSE, A_REVERSE },
	{ STYLE_GOOD, COLOR_GREEN, -1, A_NORMAL, A_NORMAL },
	{ STYLE_INPUT, -1, -1, A_UNDERLINE, A_UNDERLINE },
	CODE_LOOK,
};

/* The contrast theme, for a projector: white on black, marks as solid blocks of colour, bold
 * where a thin stroke washes out. Monochrome as the default. */
static const struct style_look contrast_looks[] = {
	{ STYLE_NORMAL, COLOR_WHITE, COLOR_BLACK, A_NORMAL, A_NORMAL },
	{ STYLE_TITLE, COLOR_YELLOW, COLOR_BLACK, A_BOLD, A_BOLD },
	{ STYLE_HEADING, COLOR_WHITE, COLOR_BLACK, A_BOLD, A_BOLD },
	{ STYLE_EMPHASIS, COLOR_WHITE, COLOR_BLACK, A_BOLD, A_BOLD },
	{ STYLE_DRAFT, COLOR_WHITE, COLOR_MAGENTA, A_BOLD, A_UNDERLINE },
	{ STYLE_CURRENT, COLOR_BLACK, COLOR_GREEN, A_BOLD, A_REVERSE | A_BOLD },
	{ STYLE_TARGET, COLOR_BLACK, COLOR_YELLOW, A_BOLD | A_UNDERLINE, A_BOLD | A_UNDERLINE },
	{ STYLE_WARNING, COLOR_WHITE, COLOR_RED, A_BOLD, A_BOLD | A_STANDOUT },
	{ STYLE_SELECTED, COLOR_BLACK, COLOR_WHITE, A_BOLD, A_REVERSE },
	{ STYLE_GOOD, COLOR_GREEN, COLOR_BLACK, A_BOLD, A_BOLD },
	{ STYLE_INPUT, COLOR_WHITE, COLOR_BLACK, A_BOLD | A_UNDERLINE, A_UNDERLINE },
	CODE_LOOK,
};

static enum theme chosen_theme = THEME_DEFAULT;

void term_set_theme(enum theme theme)
{
	chosen_theme = theme;
}

/* Starts the terminal's colours for THEME unless NO_COLOR or the terminal says no: the
 * terminal's own colours behind the default theme, white on black behind the contrast one.
 * Returns true when colours may be used. */
static bool start_colours(enum theme theme)
{
	const char *no_color = getenv("NO_COLOR");

	if (!has_colors() || (no_color && no_color[0]) || start_color() != OK)
		return false;
	if (theme == THEME_CONTRAST)
		return assume_default_colors(COLOR_WHITE, COLOR_BLACK) == OK;
	return use_default_colors() == OK;
}

/* Chooses the attributes of every style for the chosen theme: colour pairs when allowed,
 * else attributes only. */
static void init_styles(void)
{
	const struct style_look *looks = chosen_theme == THEME_CONTRAST ? contrast_looks
									: default_looks;
	size_t n = chosen_theme == THEME_CONTRAST
			   ? sizeof(contrast_looks) / sizeof(contrast_looks[0])
			   : sizeof(default_looks) / sizeof(default_looks[0]);
	bool colour = start_colours(chosen_theme);

	for (size_t i = 0; i < n; i++) {
		short pair = (short)(i + 1);
		bool coloured = looks[i].fg >= 0 || looks[i].bg >= 0;

		styles[looks[i].style] = looks[i].mono;
		if (colour && coloured && init_pair(pair, looks[i].fg, looks[i].bg) == OK)
			styles[looks[i].style] = looks[i].attr | COLOR_PAIR(pair);
	}
}

/* A sanitized build leaves crash signals to the sanitizers, which report them better. */
#if defined(__SANITIZE_ADDRESS__)
#define SANITIZED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define SANITIZED 1
#endif
#endif

#ifndef SANITIZED
static char reset[256];
static size_t reset_len;

/* Appends TEXT to the reset string, when it fits. */
static void add_reset_text(const char *text)
{
	size_t len = strlen(text);

	if (reset_len + len < sizeof(reset)) {
		memcpy(reset + reset_len, text, len);
		reset_len += len;
	}
}

/* Appends the terminfo capability NAME (if the terminal has it) to the reset string. */
static void add_reset(const char *name)
{
	const char *cap = tigetstr(name);

	if (cap && cap != (char *)-1)
		add_reset_text(cap);
}

/* On a crash: gives the terminal back as it was (only async-signal-safe calls), then dies of
 * the same signal. */
static void crash(int sig)
{
	if (have_termios)
		tcsetattr(STDIN_FILENO, TCSANOW, &saved_termios);
	if (reset_len && write(STDOUT_FILENO, reset, reset_len) < 0)
		reset_len = 0;
	signal(sig, SIG_DFL);
	raise(sig);
}

/* Prepares the terminal's reset string and catches the crash signals. */
static void catch_crashes(void)
{
	static const int crashes[] = { SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT };
	struct sigaction sa;

	add_reset("sgr0");
	add_reset("cnorm");
	add_reset("rmkx");
	add_reset("rmcup");
	add_reset_text("\033[?1006;1000l"); /* mouse reporting off, as curses turned it on */
	memset(&sa, 0, sizeof(sa));
	sigemptyset(&sa.sa_mask);
	sa.sa_handler = crash;
	for (size_t i = 0; i < sizeof(crashes) / sizeof(crashes[0]); i++)
		sigaction(crashes[i], &sa, NULL);
}
#else
/* In a sanitized build the sanitizers handle crashes. */
static void catch_crashes(void)
{
}
#endif

bool term_start(const char **why)
{
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		*why = N_("standard input and output must be a terminal");
		return false;
	}
	have_termios = tcgetattr(STDIN_FILENO, &saved_termios) == 0;
	if (!newterm(NULL, stdout, stdin)) {
		*why = N_("cannot use this terminal (is TERM set?)");
		return false;
	}
	started = true;
	catch_crashes();
	cbreak();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	input = newpad(1, 1);
	if (input)
		keypad(input, TRUE);
	set_escdelay(150); /* long enough for an arrow key's bytes over a slow connection */
	/* Home and End as terminals send them whatever their terminfo entry says (tmux, rxvt). */
	define_key("\033[1~", KEY_HOME);
	define_key("\033[4~", KEY_END);
	define_key("\033[H", KEY_HOME);
	define_key("\033[F", KEY_END);
	define_key("\033[7~", KEY_HOME);
	define_key("\033[8~", KEY_END);
	curs_set(0);
	mousemask(BUTTON1_CLICKED | BUTTON4_PRESSED | BUTTON5_PRESSED, NULL);
	init_styles();
	return true;
}

void term_stop(void)
{
	if (!started)
		return;
	started = false;
	curs_set(1);
	if (input)
		delwin(input);
	input = NULL;
	endwin();
}

bool term_unicode(void)
{
	const char *set = nl_langinfo(CODESET);

	return set && (strcmp(set, "UTF-8") == 0 || strcmp(set, "utf8") == 0);
}

void term_set_ascii(bool ascii)
{
	ascii_only = ascii;
}

bool term_ascii(void)
{
	return ascii_only;
}

attr_t term_attr(enum style style)
{
	return styles[style];
}
