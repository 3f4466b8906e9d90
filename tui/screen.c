/*
 * screen.c: curses set-up, the blit of a canvas onto the terminal, the event
 * loop and signals. The loop blocks in poll() on the terminal and a
 * self-pipe, so an idle explorer uses no CPU, and a signal (SSH dropping
 * the link sends SIGHUP) wakes it to restore the terminal and leave.
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
#include <unistd.h>

#include "explorer.h"
#include "keys.h"
#include "screen.h"

static volatile sig_atomic_t stop_signal;
static int wake_pipe[2] = {-1, -1};

static void on_stop(int sig)
{
	int saved = errno;

	stop_signal = sig;
	if (wake_pipe[1] >= 0) {
		char c = 0;
		ssize_t rc = write(wake_pipe[1], &c, 1);
		(void)rc; /* a full pipe already holds a wake-up */
	}
	errno = saved;
}

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
	sa.sa_handler = on_stop;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
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

/* Attributes of a style: bold and reverse carry the meaning without colour. */
static attr_t attr_of(int style, bool colour)
{
	attr_t a = A_NORMAL;
	short pair = 0;

	switch (style) {
	case STYLE_AXIS:
	case STYLE_ISOFLOP:
	case STYLE_CURVE:
	case STYLE_SHADE:
		a = A_DIM;
		break;
	case STYLE_HIGHLIGHT:
	case STYLE_LABEL:
		a = A_BOLD;
		break;
	case STYLE_FRONTIER:
		a = A_BOLD;
		pair = 1;
		break;
	case STYLE_FRONTIER2:
		a = A_BOLD;
		pair = 2;
		break;
	case STYLE_MODEL:
	case STYLE_COLLISION:
		a = A_BOLD;
		pair = 3;
		break;
	case STYLE_CURRENT:
		a = A_BOLD | A_REVERSE;
		break;
	case STYLE_RUN:
		pair = 2;
		break;
	default:
		if (style >= STYLE_CONTOUR)
			pair = (short)(4 + (style - STYLE_CONTOUR) % 6);
		break;
	}
	if (colour && pair > 0)
		a |= COLOR_PAIR(pair);
	return a;
}

static void init_colours(void)
{
	static const short contour_colours[] = {COLOR_BLUE,   COLOR_CYAN,    COLOR_GREEN,
	                                        COLOR_YELLOW, COLOR_MAGENTA, COLOR_RED};

	start_color();
	use_default_colors();
	init_pair(1, COLOR_YELLOW, -1);
	init_pair(2, COLOR_MAGENTA, -1);
	init_pair(3, COLOR_CYAN, -1);
	for (short i = 0; i < 6; i++)
		init_pair((short)(4 + i), contour_colours[i], -1);
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

int screen_run(struct app *a, bool colour, bool line_drawing)
{
	struct explorer e;
	struct canvas now = {0}, last = {0};
	int status = 0;
	bool all = true;

	if (install_signals() != 0)
		return 2;
	/*
	 * Esc quits; an arrow key is Esc and two more bytes. 100 ms (vim's
	 * ttimeoutlen) keeps Esc prompt and still joins a sequence a slow SSH link
	 * delivers in pieces; the default, 1 s, would feel broken.
	 */
	set_escdelay(100);
	if (initscr() == NULL)
		return 2;
	cbreak();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	nodelay(stdscr, TRUE); /* poll() does the waiting */
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
	explorer_init(&e);
	if (resize(&now, &last) != 0)
		goto oom;

	for (;;) {
		if (explorer_frame(&e, a, &now) != 0)
			goto oom;
		if (all)
			clearok(stdscr, TRUE);
		blit(&now, &last, all, colour, line_drawing);
		refresh();
		all = false;

		/* wait for a key or a signal; SIGWINCH makes curses queue KEY_RESIZE */
		struct pollfd fds[2] = {{STDIN_FILENO, POLLIN, 0}, {wake_pipe[0], POLLIN, 0}};
		int ch = ERR;
		while (!stop_signal && (ch = getch()) == ERR) {
			if (poll(fds, 2, -1) < 0 && errno != EINTR)
				break;
			if (fds[0].revents & (POLLHUP | POLLERR))
				stop_signal = SIGHUP; /* the terminal went away */
		}
		if (stop_signal)
			break;
		if (ch == 27 && (ch = getch()) != ERR) {
			/*
			 * More bytes right behind an Esc: an escape sequence curses does
			 * not know (an arrow key from a terminal that ignores keypad
			 * mode). Swallow it rather than quit on its Esc.
			 */
			while (getch() != ERR)
				;
			continue;
		} else if (ch == ERR) {
			ch = 27;
		}
		if (ch == KEY_MOUSE) {
			MEVENT ev;
			if (getmouse(&ev) == OK && (ev.bstate & BUTTON1_PRESSED))
				explorer_click(&e, a, &now, ev.x, ev.y);
			continue;
		}
		if (ch == KEY_RESIZE) {
			if (resize(&now, &last) != 0)
				goto oom;
			all = true;
			continue;
		}
		enum key_result r = app_key(a, translate(ch));
		if (r == KEY_QUIT)
			break;
		if (r == KEY_REDRAW)
			explorer_invalidate(&e);
	}
	goto done;
oom:
	status = 2;
done:
	endwin();
	explorer_free(&e);
	canvas_free(&now);
	canvas_free(&last);
	if (stop_signal)
		status = 128 + stop_signal;
	if (status == 2)
		fputs("isoflop: out of memory\n", stderr);
	return status;
}
