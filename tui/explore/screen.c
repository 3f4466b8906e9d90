/*
 * screen.c: curses set-up, the blit of a canvas onto the terminal, the event
 * loop and signals. The loop blocks in poll() on the terminal and a
 * self-pipe, so an idle explorer uses no CPU, and a signal (SSH dropping
 * the link sends SIGHUP) wakes it to restore the terminal and leave. A
 * signal that comes while a frame is being made restores the terminal in
 * its handler. Either way the process then dies of the signal.
 *
 * Every frame is drawn whole into a canvas, but only cells that differ from
 * the last frame are handed to curses, and curses sends only what differs
 * on the terminal: a slider step costs a few hundred bytes on the wire.
 */
#include <curses.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <term.h>
#include <termios.h>
#include <unistd.h>

#include "explorer.h"
#include "cmdline.h"
#include "keys.h"
#include "screen.h"

/*
 * Where the main loop is, for the signal handler: before curses or after
 * endwin (OFF), drawing or computing a frame (BUSY), or waiting in poll()
 * for a key (WAITING), where the loop can restore the terminal itself.
 */
enum { SCREEN_OFF, SCREEN_BUSY, SCREEN_WAITING };
static volatile sig_atomic_t screen_state = SCREEN_OFF;
static volatile sig_atomic_t stop_signal;
static int wake_pipe[2] = {-1, -1};

/*
 * What the handler needs to undo curses with async-signal-safe calls only:
 * the tty's modes before curses, and the bytes that leave the terminal's
 * modes, fetched from terminfo while curses starts.
 */
static struct termios shell_modes;
static char restore_bytes[256];
static size_t restore_len;

/*
 * Signals whose default action ends the process: each restores the terminal
 * first. Not SEGV, BUS, FPE, ILL, ABRT (the sanitizers' own reports) nor
 * TRAP (debuggers'); TSTP and WINCH are curses' own.
 */
static const int ending_signals[] = {
        SIGHUP,    SIGINT,    SIGQUIT, SIGTERM, SIGUSR1, SIGUSR2, SIGPIPE,
        SIGALRM,   SIGVTALRM, SIGPROF, SIGXCPU, SIGXFSZ, SIGSYS,
#ifdef SIGPOLL
        SIGPOLL,
#endif
#ifdef SIGPWR
        SIGPWR,
#endif
#ifdef SIGSTKFLT
        SIGSTKFLT,
#endif
};

/* End the process by sig, as if it had not been caught: the exit status says which. */
static void die_of(int sig)
{
	sigset_t one;

	signal(sig, SIG_DFL);
	raise(sig);
	/* inside the handler sig is blocked: let the pending one in */
	sigemptyset(&one);
	sigaddset(&one, sig);
	pthread_sigmask(SIG_UNBLOCK, &one, NULL);
	_exit(128 + sig); /* not reached */
}

/*
 * The restore bytes, from the handler. Output is often full when it runs
 * (a frame stuck on a slow link), so it waits for room, but not for ever:
 * a terminal stopped by Ctrl-S would hold the handler, and with it every
 * other signal, so after 2 s without room it gives up. The O_NONBLOCK it
 * sets is the shell's flag too, so it goes back as it was.
 */
static void write_restore(void)
{
	int flags = fcntl(STDOUT_FILENO, F_GETFL);
	size_t done = 0;

	if (flags >= 0)
		fcntl(STDOUT_FILENO, F_SETFL, flags | O_NONBLOCK);
	for (int waits = 0; done < restore_len && waits < 20;) {
		ssize_t n = write(STDOUT_FILENO, restore_bytes + done, restore_len - done);
		if (n > 0) {
			done += (size_t)n;
			continue;
		}
		if (n < 0 && errno != EAGAIN && errno != EINTR)
			break; /* a dead terminal: nothing to restore */
		struct pollfd room = {STDOUT_FILENO, POLLOUT, 0};
		poll(&room, 1, 100);
		waits++;
	}
	if (flags >= 0)
		fcntl(STDOUT_FILENO, F_SETFL, flags);
}

/*
 * Waiting: wake the loop, which ends curses in order and then dies of the
 * signal. Busy (a long frame, or output blocked): undo curses here, since
 * the loop may not come back soon, then die.
 */
static void on_signal(int sig)
{
	int saved = errno;

	if (screen_state == SCREEN_WAITING) {
		stop_signal = sig;
		char c = 0;
		ssize_t rc = write(wake_pipe[1], &c, 1);
		(void)rc; /* a full pipe already holds a wake-up */
		errno = saved;
		return;
	}
	if (screen_state == SCREEN_BUSY) {
		write_restore();
		tcsetattr(STDOUT_FILENO, TCSANOW, &shell_modes);
	}
	die_of(sig);
}

/* The ending signals and the real-time ones, all of which end the process by default. */
static void ending_set(sigset_t *set)
{
	sigemptyset(set);
	for (size_t i = 0; i < sizeof ending_signals / sizeof *ending_signals; i++)
		sigaddset(set, ending_signals[i]);
	for (int sig = SIGRTMIN; sig <= SIGRTMAX; sig++)
		sigaddset(set, sig);
}

/* Catch every ending signal that is not ignored. */
static int install_signals(void)
{
	struct sigaction sa;

	if (pipe(wake_pipe) != 0)
		return -1;
	for (int i = 0; i < 2; i++) {
		fcntl(wake_pipe[i], F_SETFL, fcntl(wake_pipe[i], F_GETFL) | O_NONBLOCK);
		fcntl(wake_pipe[i], F_SETFD, FD_CLOEXEC);
	}
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	/* one handler at a time: a second signal waits for the first's restore */
	ending_set(&sa.sa_mask);
	for (int sig = 1; sig <= SIGRTMAX; sig++) {
		struct sigaction old;
		/* an ignored signal (nohup) stays ignored */
		if (sigismember(&sa.sa_mask, sig) == 1 && sigaction(sig, NULL, &old) == 0 &&
		    old.sa_handler != SIG_IGN)
			sigaction(sig, &sa, NULL);
	}
	/* and none of them is blocked: a long frame must not hold one back */
	pthread_sigmask(SIG_UNBLOCK, &sa.sa_mask, NULL);
	return 0;
}

/* Append terminfo capability cap, when the terminal has it, to the restore bytes. */
static void add_restore(const char *cap)
{
	size_t len;

	if (cap == NULL || cap == (char *)-1 ||
	    (len = strlen(cap)) >= sizeof restore_bytes - restore_len)
		return;
	memcpy(restore_bytes + restore_len, cap, len);
	restore_len += len;
}

/*
 * Whether leaving curses brings back what the shell showed (rmcup). Without
 * it (a vt100, the Linux console) the last frame stays with the cursor on
 * its bottom row, where the shell's prompt would write over the key hints.
 */
static bool has_alternate_screen(void)
{
	const char *rmcup = tigetstr("rmcup");

	return rmcup != NULL && rmcup != (char *)-1 && rmcup[0] != '\0';
}

/*
 * The bytes endwin would send, for the handler: CAN first, which ends an
 * escape sequence the frame was cut in, then mouse reporting off (ncurses'
 * XM, else xterm's), attributes off, the cursor shown, keypad and
 * alternate screen left.
 */
static void prepare_restore(void)
{
	char *xm = tigetstr("XM");

	restore_len = 0;
	add_restore("\030");
	if (xm != NULL && xm != (char *)-1)
		add_restore(tiparm(xm, 0));
	else if (tigetstr("kmous") != NULL && tigetstr("kmous") != (char *)-1)
		add_restore("\033[?1000l");
	add_restore(tigetstr("sgr0"));
	add_restore(tigetstr("cnorm"));
	add_restore(tigetstr("rmkx"));
	add_restore(tigetstr("rmcup"));
	if (!has_alternate_screen())
		add_restore("\r\n"); /* the frame stays: the shell starts below it */
}

/*
 * Start curses on the terminal, or say why it cannot be done (0 or 2).
 * newterm, unlike initscr, returns rather than exiting on an unknown TERM.
 */
static int start_curses(void)
{
	const char *term = getenv("TERM");
	int err = 1;

	if (tcgetattr(STDOUT_FILENO, &shell_modes) != 0) {
		fputs("isoflop: the explorer needs a terminal\n", stderr);
		return 2;
	}
	if (newterm(NULL, stdout, stdin) == NULL) {
		if (setupterm(NULL, STDOUT_FILENO, &err) == OK || err == 1)
			fprintf(stderr,
			        "isoflop: the explorer cannot drive TERM=%s (no cursor "
			        "movement); try isoflop plot contour\n",
			        term);
		else if (err == 0)
			fprintf(stderr,
			        "isoflop: unknown terminal type '%s' (no terminfo entry; "
			        "try TERM=xterm-256color, or isoflop plot contour)\n",
			        term);
		else
			fputs("isoflop: no terminfo database found (install ncurses-base, or try "
			      "isoflop plot contour)\n",
			      stderr);
		return 2;
	}
	prepare_restore();
	return 0;
}

/* curses key -> the explorer's key codes (keys.h) */
static int translate(int ch)
{
	switch (ch) {
	case KEY_UP:
		return KEYC_UP;
	case KEY_DOWN:
		return KEYC_DOWN;
	case KEY_LEFT:
		return KEYC_LEFT;
	case KEY_RIGHT:
		return KEYC_RIGHT;
	case KEY_PPAGE:
		return KEYC_PGUP;
	case KEY_NPAGE:
		return KEYC_PGDN;
	case KEY_BTAB:
		return KEYC_BTAB;
	case KEY_HOME:
		return KEYC_HOME;
	case KEY_END:
		return KEYC_END;
	case KEY_ENTER:
	case '\r':
		return KEYC_ENTER;
	case KEY_BACKSPACE:
	case '\b':
		return KEYC_BACKSPACE;
	default:
		return ch;
	}
}

/* The curses attributes of a style's look (canvas_look); ink slot k is colour pair k. */
static attr_t attr_of(int style, bool colour)
{
	struct look l = canvas_look(style);
	attr_t a = A_NORMAL;

	if (l.bold)
		a |= A_BOLD;
	if (l.dim)
		a |= A_DIM;
	if (l.reverse)
		a |= A_REVERSE;
	if (colour && l.ink > 0)
		a |= COLOR_PAIR(l.ink);
	return a;
}

/* curses' number for a canvas colour. */
static short curses_colour(enum colour c)
{
	switch (c) {
	case COLOUR_RED:
		return COLOR_RED;
	case COLOUR_GREEN:
		return COLOR_GREEN;
	case COLOUR_YELLOW:
		return COLOR_YELLOW;
	case COLOUR_BLUE:
		return COLOR_BLUE;
	case COLOUR_MAGENTA:
		return COLOR_MAGENTA;
	default:
		return COLOR_CYAN;
	}
}

/* One colour pair per ink slot, on the terminal's own background. */
static void init_colours(void)
{
	start_color();
	use_default_colors();
	for (short i = 1; i <= CANVAS_INKS; i++)
		init_pair(i, curses_colour(canvas_ink(i)), -1);
}

/* An axis or box glyph in the terminal's line-drawing set (curses' ACS, which vt100 has too). */
static chtype line_char(char ch)
{
	switch (ch) {
	case '-':
		return ACS_HLINE;
	case '|':
		return ACS_VLINE;
	case '+':
		return ACS_PLUS;
	default:
		return (chtype)(unsigned char)ch;
	}
}

/* Hand curses the cells that differ from the last frame; `all` after a resize. */
static void blit(const struct canvas *now, struct canvas *last, bool all, bool colour,
                 bool line_drawing)
{
	for (int y = 0; y < now->h; y++)
		for (int x = 0; x < now->w; x++) {
			struct glyph g = now->cells[y * now->w + x];
			struct glyph *o = &last->cells[y * now->w + x];
			if (!all && g.ch == o->ch && g.style == o->style)
				continue;
			chtype ch = line_drawing && g.style == STYLE_AXIS
			                    ? line_char(g.ch)
			                    : (chtype)(unsigned char)g.ch;
			mvaddch(y, x, ch | attr_of(g.style, colour));
			*o = g;
		}
	move(now->h - 1, now->w - 1 < 0 ? 0 : now->w - 1);
}

/* Make the two canvases the terminal's size; -1 when out of memory. */
static int resize(struct canvas *now, struct canvas *last)
{
	int h, w;

	getmaxyx(stdscr, h, w);
	canvas_free(now);
	canvas_free(last);
	if (canvas_init(now, w, h) != 0 || canvas_init(last, w, h) != 0)
		return -1;
	return 0;
}

/*
 * Wait in poll() for a key, so that an idle explorer uses no CPU: 0 with
 * *ch set, or -1 when a signal (stop_signal), a lost terminal (*lost) or a
 * failing poll ends the explorer.
 */
static int wait_key(int *ch, bool *lost)
{
	struct pollfd fds[2] = {{STDIN_FILENO, POLLIN, 0}, {wake_pipe[0], POLLIN, 0}};
	int rc = 0;

	screen_state = SCREEN_WAITING;
	while (!stop_signal && (*ch = getch()) == ERR) {
		if (poll(fds, 2, -1) < 0 && errno != EINTR) {
			rc = -1;
			break;
		}
		if (fds[0].revents & (POLLHUP | POLLERR)) {
			*lost = true;
			rc = -1;
			break;
		}
	}
	screen_state = SCREEN_BUSY;
	return stop_signal ? -1 : rc;
}

/*
 * What an Esc was: Esc alone, or (ERR) the start of an escape sequence
 * curses does not know (an arrow key from a terminal that ignores keypad
 * mode), whose bytes are swallowed rather than quitting on its Esc. A resize
 * is neither: SIGWINCH may queue one right behind an Esc, and it stays
 * queued for the loop.
 */
static int after_escape(void)
{
	int ch = getch();

	if (ch == ERR || ch == KEY_RESIZE) {
		if (ch == KEY_RESIZE)
			ungetch(ch);
		return 27;
	}
	while ((ch = getch()) != ERR)
		if (ch == KEY_RESIZE) {
			ungetch(ch);
			break;
		}
	return ERR;
}

/*
 * How long after an Esc curses waits for the rest of an escape sequence, in
 * ms. Esc quits; an arrow key is Esc and two more bytes. 100 ms (vim's
 * ttimeoutlen) keeps Esc prompt and still joins a sequence a slow SSH link
 * delivers in pieces; curses' default, 1 s, would feel broken. $ESCDELAY,
 * as curses programs read it, overrides it for a link slower still.
 */
static int escape_delay(void)
{
	const char *env = getenv("ESCDELAY");
	char *end;
	long ms = env != NULL ? strtol(env, &end, 10) : -1;

	return env != NULL && *env && *end == '\0' && ms >= 0 && ms <= 10000 ? (int)ms : 100;
}

/*
 * Catch the signals, then start curses with them held back: newterm puts the
 * terminal in curses' modes before the handler knows how to undo them, so a
 * signal in between waits, and comes in once it does. 0, or 2 with the
 * reason said.
 */
static int start_screen(void)
{
	sigset_t ending;
	int started;

	if (install_signals() != 0)
		return 2;
	ending_set(&ending);
	pthread_sigmask(SIG_BLOCK, &ending, NULL);
	started = start_curses();
	if (started == 0) {
		screen_state = SCREEN_BUSY;
		set_escdelay(escape_delay());
	}
	pthread_sigmask(SIG_UNBLOCK, &ending, NULL);
	return started;
}

/*
 * Keys one at a time without echo and without waiting (poll() does the
 * waiting), and colours when asked for and the terminal has them; returns
 * whether frames are drawn in colour.
 */
static bool set_modes(bool colour)
{
	cbreak();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	nodelay(stdscr, TRUE);
	/*
	 * Clicks where the terminal reports them (xterm and its kin; tmux
	 * with its mouse option on; not a vt100). A press acts at once: with no click interval
	 * curses need not wait to tell a click from a drag. Shift-drag still selects text.
	 */
	mousemask(BUTTON1_PRESSED, NULL);
	mouseinterval(0);
	curs_set(0);
	colour = colour && has_colors();
	if (colour)
		init_colours();
	return colour;
}

/* The explorer on the screen: its state, the frame shown and the one before, how to draw. */
struct screen {
	struct explorer e;
	struct canvas now, last;
	bool colour, line_drawing;
	bool lost; /* the terminal went away */
};

/* What a key leaves the loop to do. */
enum step { STEP_DRAW, STEP_DRAW_ALL, STEP_QUIT, STEP_OOM };

/*
 * 'y' left text for the clipboard: send it as OSC 52 between two frames,
 * when curses has flushed all it drew, so the sequence cuts no other one.
 * A terminal without OSC 52 ignores it.
 */
static void send_clipboard(struct app *a)
{
	char bytes[APP_CLIP_MAX / 3 * 4 + 16];
	size_t n = cmdline_osc52(a->clip, bytes, sizeof bytes);

	if (n > 0) {
		fwrite(bytes, 1, n, stdout);
		fflush(stdout);
	}
	app_copy_taken(a);
}

/* Act on one key from curses: a click, a resize, or a key for the explorer. */
static enum step on_key(struct screen *s, struct app *a, int ch)
{
	if (ch == 27 && (ch = after_escape()) == ERR)
		return STEP_DRAW;
	if (ch == KEY_MOUSE) {
		MEVENT ev;
		if (getmouse(&ev) == OK && (ev.bstate & BUTTON1_PRESSED) &&
		    explorer_click(&s->e, a, &s->now, ev.x, ev.y) && a->mode == MODE_TOUR)
			app_detour(a); /* a click in a tour is a detour like a key */
		return STEP_DRAW;
	}
	if (ch == KEY_RESIZE)
		return resize(&s->now, &s->last) != 0 ? STEP_OOM : STEP_DRAW_ALL;
	if (app_key(a, translate(ch)) == KEY_QUIT)
		return STEP_QUIT;
	if (a->clip_pending)
		send_clipboard(a);
	return STEP_DRAW;
}

/*
 * Draw a frame, wait for a key, act on it, until the user quits, a signal
 * or a lost terminal ends it (0), or memory runs out (2). The first frame,
 * and the first after a resize, are sent whole.
 */
static int event_loop(struct screen *s, struct app *a)
{
	bool all = true;

	for (;;) {
		if (explorer_frame(&s->e, a, &s->now) != 0)
			return 2;
		app_zoom_shown(a, explorer_zoomed(&s->e)); /* what 'z' turns the other way */
		if (all)
			clearok(stdscr, TRUE);
		blit(&s->now, &s->last, all, s->colour, s->line_drawing);
		refresh();
		all = false;

		/* wait for a key or a signal; SIGWINCH makes curses queue KEY_RESIZE */
		int ch;
		if (wait_key(&ch, &s->lost) != 0)
			return 0;
		switch (on_key(s, a, ch)) {
		case STEP_DRAW:
			break;
		case STEP_DRAW_ALL:
			all = true;
			break;
		case STEP_QUIT:
			return 0;
		case STEP_OOM:
			return 2;
		}
	}
}

/*
 * Leave curses, then die of the signal that ended the explorer, if one did,
 * now that the terminal is the shell's again.
 */
static void stop_screen(struct screen *s)
{
	endwin();
	screen_state = SCREEN_OFF;
	if (!has_alternate_screen()) {
		fputs("\r\n", stdout); /* below the frame that stays, not over its last row */
		fflush(stdout);
	}
	explorer_free(&s->e);
	canvas_free(&s->now);
	canvas_free(&s->last);
	if (stop_signal)
		die_of(stop_signal);
}

int screen_run(struct app *a, bool colour, bool line_drawing)
{
	struct screen s = {.line_drawing = line_drawing};
	int status;

	if (start_screen() != 0)
		return 2;
	s.colour = set_modes(colour);
	explorer_init(&s.e);
	status = resize(&s.now, &s.last) != 0 ? 2 : event_loop(&s, a);
	stop_screen(&s);
	if (s.lost)
		status = 128 + SIGHUP; /* as if the hangup had come first */
	if (status == 2)
		fputs("isoflop: out of memory\n", stderr);
	return status;
}
