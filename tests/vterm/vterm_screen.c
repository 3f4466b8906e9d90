/*
 * vterm_screen.c: the explorer's bytes, as a terminal shows them. Runs the
 * binary in a W x H pseudo-terminal, feeds everything it writes to libvterm
 * (a terminal emulator apart from tmux, which tests/e2e.sh uses) and
 * compares the emulated screen with golden files, each after the keys that
 * lead to it. Rows are compared as text, trailing blanks trimmed; colour and
 * attributes are not compared.
 *
 * usage: vterm_screen [-s SIGNAL] [-b] ISOFLOP W H TERM [GOLDEN [KEYS GOLDEN]...]
 *
 * Each screen is polled until it matches (20 s at most, or
 * VTERM_SCREEN_WAIT_MS: a sanitizer build on a loaded machine can take
 * seconds for a frame). KEYS ending in @WxH resize the terminal to W x H
 * right after the keys (TIOCSWINSZ, which sends SIGWINCH); after an Esc,
 * once curses waits to see whether an escape sequence follows.
 *
 * Then the signal (-s: TERM, the default, HUP, INT, QUIT, USR1, USR2, PIPE,
 * ALRM, VTALRM, PROF, XCPU or XFSZ), which the explorer must die of (its
 * default action, re-raised) leaving the terminal as it found it: the
 * emulator off the alternate screen, the cursor shown, mouse reporting off,
 * and the tty in canonical mode with echo. With -b, the signal comes while
 * the explorer is busy: blocked writing its first frame into a pty nobody
 * reads (a frame bigger than the pty's buffer: a large W x H, no GOLDEN).
 *
 * Exit 0 when every golden matched and all that held; else 1, saying what
 * did not, with the screen as it last was on stdout.
 */
#include <errno.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>
#include <vterm.h>

/* how long a screen may take to match: VTERM_SCREEN_WAIT_MS, else 20 s */
static long wait_ms = 20000;

/* The terminal modes the program leaves on, as the emulator tracks them. */
static struct {
	bool altscreen, cursor_hidden;
	int mouse; /* VTERM_PROP_MOUSE_NONE when off */
} modes;

static int on_termprop(VTermProp prop, VTermValue *val, void *user)
{
	(void)user;
	if (prop == VTERM_PROP_ALTSCREEN)
		modes.altscreen = val->boolean;
	else if (prop == VTERM_PROP_CURSORVISIBLE)
		modes.cursor_hidden = !val->boolean;
	else if (prop == VTERM_PROP_MOUSE)
		modes.mouse = val->number;
	return 1;
}

static const struct {
	const char *name;
	int sig;
} signals[] = {
        {"TERM", SIGTERM},     {"HUP", SIGHUP},   {"INT", SIGINT},   {"QUIT", SIGQUIT},
        {"USR1", SIGUSR1},     {"USR2", SIGUSR2}, {"PIPE", SIGPIPE}, {"ALRM", SIGALRM},
        {"VTALRM", SIGVTALRM}, {"PROF", SIGPROF}, {"XCPU", SIGXCPU}, {"XFSZ", SIGXFSZ},
};

/* Append code point u to out as UTF-8. */
static size_t put_utf8(char *out, uint32_t u)
{
	if (u < 0x80) {
		out[0] = (char)u;
		return 1;
	}
	if (u < 0x800) {
		out[0] = (char)(0xC0 | u >> 6);
		out[1] = (char)(0x80 | (u & 0x3F));
		return 2;
	}
	if (u < 0x10000) {
		out[0] = (char)(0xE0 | u >> 12);
		out[1] = (char)(0x80 | (u >> 6 & 0x3F));
		out[2] = (char)(0x80 | (u & 0x3F));
		return 3;
	}
	out[0] = (char)(0xF0 | u >> 18);
	out[1] = (char)(0x80 | (u >> 12 & 0x3F));
	out[2] = (char)(0x80 | (u >> 6 & 0x3F));
	out[3] = (char)(0x80 | (u & 0x3F));
	return 4;
}

/* The emulated screen as text: a line per row, trailing blanks trimmed. */
static char *render(VTermScreen *vs, int w, int h)
{
	char *text = malloc((size_t)h * ((size_t)w * 4 + 1) + 1), *p = text;

	if (text == NULL)
		return NULL;
	for (int row = 0; row < h; row++) {
		char *line = p;
		for (int col = 0; col < w; col++) {
			VTermScreenCell cell;
			vterm_screen_get_cell(vs, (VTermPos){.row = row, .col = col}, &cell);
			if (cell.chars[0] == (uint32_t)-1)
				continue; /* the right half of a wide character */
			p += put_utf8(p, cell.chars[0] ? cell.chars[0] : ' ');
		}
		while (p > line && p[-1] == ' ')
			p--;
		*p++ = '\n';
	}
	*p = '\0';
	return text;
}

static char *slurp(const char *path)
{
	FILE *f = fopen(path, "rb");
	char *buf = NULL;
	long n;

	if (f == NULL || fseek(f, 0, SEEK_END) != 0 || (n = ftell(f)) < 0 ||
	    fseek(f, 0, SEEK_SET) != 0 || (buf = malloc((size_t)n + 1)) == NULL ||
	    fread(buf, 1, (size_t)n, f) != (size_t)n) {
		fprintf(stderr, "vterm_screen: %s: %s\n", path, strerror(errno));
		free(buf);
		buf = NULL;
	} else {
		buf[n] = '\0';
	}
	if (f != NULL)
		fclose(f);
	return buf;
}

static long now_ms(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec * 1000L + t.tv_nsec / 1000000L;
}

/* Feed the program's output to the emulator until the screen is want (true) or time runs out. */
static bool wait_screen(int fd, VTerm *vt, VTermScreen *vs, int w, int h, const char *want,
                        char **last)
{
	long end = now_ms() + wait_ms;
	char buf[65536];

	for (;;) {
		free(*last);
		*last = render(vs, w, h);
		if (*last != NULL && strcmp(*last, want) == 0)
			return true;
		long left = end - now_ms();
		if (left <= 0)
			return false;
		struct pollfd p = {fd, POLLIN, 0};
		if (poll(&p, 1, left < 100 ? (int)left : 100) > 0) {
			ssize_t n = read(fd, buf, sizeof buf);
			if (n <= 0)
				return false; /* the program ended */
			vterm_input_write(vt, buf, (size_t)n);
		}
	}
}

/* The signal named (TERM) or numbered, or 0. */
static int signal_of(const char *name)
{
	for (size_t i = 0; i < sizeof signals / sizeof *signals; i++)
		if (strcmp(name, signals[i].name) == 0)
			return signals[i].sig;
	return atoi(name);
}

/* The system call pid sleeps in, its arguments in arg (6), or -1 (running, or no /proc). */
static long syscall_of(pid_t pid, unsigned long arg[6])
{
	char path[64], line[256];
	long nr = -1;

	snprintf(path, sizeof path, "/proc/%d/syscall", (int)pid);
	FILE *f = fopen(path, "r");
	if (f == NULL)
		return -1;
	if (fgets(line, sizeof line, f) != NULL &&
	    sscanf(line, "%ld %lx %lx %lx %lx %lx %lx", &nr, &arg[0], &arg[1], &arg[2], &arg[3],
	           &arg[4], &arg[5]) != 7)
		nr = -1;
	fclose(f);
	return nr;
}

#ifdef SYS_poll
#define SYS_POLL SYS_poll
#else
#define SYS_POLL SYS_ppoll
#endif

/*
 * Wait until curses waits, up to its ESCDELAY, for more of an escape
 * sequence: a poll(2) on one descriptor, where the explorer's own wait for
 * keys polls two (the terminal and its self-pipe).
 */
static bool wait_escape_delay(pid_t pid)
{
	long end = now_ms() + wait_ms;
	unsigned long arg[6];

	while (now_ms() < end) {
		if (syscall_of(pid, arg) == SYS_POLL && arg[1] == 1)
			return true;
		nanosleep(&(struct timespec){.tv_nsec = 1000000}, NULL);
	}
	return false;
}

/*
 * Write keys to the program; a trailing @WxH then resizes the pty and the
 * emulator. After an Esc the resize waits until curses waits for what may
 * follow the Esc, so that the SIGWINCH lands inside that wait.
 */
static bool send_keys(int fd, pid_t pid, VTerm *vt, const char *keys, int *w, int *h)
{
	const char *at = strrchr(keys, '@');
	int nw, nh;
	char end;
	size_t len = strlen(keys);

	if (at != NULL && sscanf(at + 1, "%dx%d%c", &nw, &nh, &end) == 2 && nw > 0 && nh > 0)
		len = (size_t)(at - keys);
	else
		at = NULL;
	if (len > 0 && write(fd, keys, len) != (ssize_t)len) {
		perror("vterm_screen: write");
		return false;
	}
	if (at != NULL && len > 0 && keys[len - 1] == '\033' && !wait_escape_delay(pid)) {
		printf("the program never waited for the rest of an escape sequence\n");
		return false;
	}
	if (at != NULL) {
		struct winsize ws = {.ws_row = (unsigned short)nh, .ws_col = (unsigned short)nw};
		if (ioctl(fd, TIOCSWINSZ, &ws) != 0) {
			perror("vterm_screen: TIOCSWINSZ");
			return false;
		}
		vterm_set_size(vt, nh, nw);
		*w = nw;
		*h = nh;
	}
	return true;
}

/*
 * Wait until the program is stuck in write(2): busy drawing, not waiting for
 * a key in poll(2). The same write (same arguments) twice, 50 ms apart, is
 * one that cannot go on.
 */
static bool wait_blocked_in_write(pid_t pid)
{
	unsigned long arg[6], before[6] = {0};
	long end = now_ms() + wait_ms;

	while (now_ms() < end) {
		bool in_write = syscall_of(pid, arg) == SYS_write;
		if (in_write && memcmp(arg, before, sizeof arg) == 0)
			return true;
		memcpy(before, in_write ? arg : (unsigned long[6]){0}, sizeof before);
		nanosleep(&(struct timespec){.tv_nsec = 50000000}, NULL);
	}
	printf("the explorer never blocked writing a frame (or /proc/%d/syscall is not readable)\n",
	       (int)pid);
	return false;
}

/* Feed the output to the emulator until the program ends (10 s at most): its wait status, or -1. */
static int wait_end(pid_t pid, int fd, VTerm *vt)
{
	char buf[4096];
	long end = now_ms() + 10000;
	int wstatus = 0;
	pid_t done = 0;

	while (now_ms() < end && (done = waitpid(pid, &wstatus, WNOHANG)) == 0) {
		struct pollfd p = {fd, POLLIN, 0};
		ssize_t n = 0;
		/* a pty it has closed polls ready at once: then only wait for it */
		if (poll(&p, 1, 100) > 0 && (n = read(fd, buf, sizeof buf)) <= 0)
			nanosleep(&(struct timespec){.tv_nsec = 10000000}, NULL);
		if (n > 0)
			vterm_input_write(vt, buf, (size_t)n);
	}
	if (done <= 0) {
		kill(pid, SIGKILL);
		waitpid(pid, &wstatus, 0);
		printf("the explorer did not end within 10 s of the signal\n");
		return -1;
	}
	/* what it wrote last, still in the pty */
	for (ssize_t n; poll(&(struct pollfd){fd, POLLIN, 0}, 1, 0) > 0 &&
	                (n = read(fd, buf, sizeof buf)) > 0;)
		vterm_input_write(vt, buf, (size_t)n);
	return wstatus;
}

/* Whether the program died of sig and left the terminal as it found it; says what not. */
static bool ended_clean(int wstatus, int sig, int fd)
{
	struct termios t;
	bool ok = true;

	if (!(WIFSIGNALED(wstatus) && WTERMSIG(wstatus) == sig)) {
		/* a sanitizer's exit-time report (a leak) ends it with a status */
		printf("the explorer ended with %s %d, not by signal %d\n",
		       WIFEXITED(wstatus) ? "status" : "signal",
		       WIFEXITED(wstatus) ? WEXITSTATUS(wstatus) : WTERMSIG(wstatus), sig);
		ok = false;
	}
	if (modes.altscreen)
		printf("the terminal was left on the alternate screen\n");
	if (modes.cursor_hidden)
		printf("the terminal was left with the cursor hidden\n");
	if (modes.mouse != VTERM_PROP_MOUSE_NONE)
		printf("the terminal was left reporting the mouse\n");
	ok = ok && !modes.altscreen && !modes.cursor_hidden && modes.mouse == VTERM_PROP_MOUSE_NONE;
	/* the master shares the pty's modes with the slave the program had */
	if (tcgetattr(fd, &t) != 0 || !(t.c_lflag & ICANON) || !(t.c_lflag & ECHO)) {
		printf("the tty was left without icanon or echo\n");
		ok = false;
	}
	return ok;
}

int main(int argc, char **argv)
{
	int sig = SIGTERM, opt;
	bool busy = false;

	while ((opt = getopt(argc, argv, "s:b")) != -1) {
		if (opt == 's' && (sig = signal_of(optarg)) > 0)
			continue;
		if (opt == 'b') {
			busy = true;
			continue;
		}
		argc = 0; /* usage */
	}
	argv += optind;
	argc -= optind;
	if (argc < 4 || (argc > 4 && argc % 2 != 1)) {
		fputs("usage: vterm_screen [-s SIGNAL] [-b] ISOFLOP W H TERM [GOLDEN [KEYS "
		      "GOLDEN]...]\n",
		      stderr);
		return 2;
	}
	int w = atoi(argv[1]), h = atoi(argv[2]);
	if (w < 1 || h < 1 || w > 1000 || h > 1000) {
		fprintf(stderr, "vterm_screen: a size of 1 to 1000 cells, not %s x %s\n", argv[1],
		        argv[2]);
		return 2;
	}
	if (getenv("VTERM_SCREEN_WAIT_MS") != NULL)
		wait_ms = atol(getenv("VTERM_SCREEN_WAIT_MS"));
	struct winsize ws = {.ws_row = (unsigned short)h, .ws_col = (unsigned short)w};
	int fd;
	pid_t pid = forkpty(&fd, NULL, NULL, &ws);

	if (pid < 0) {
		perror("vterm_screen: forkpty");
		return 2;
	}
	if (pid == 0) {
		setenv("TERM", argv[3], 1);
		unsetenv("NO_COLOR");
		unsetenv("COLUMNS");
		unsetenv("LINES");
		/* the signal as a fresh shell gives it, and no core file of a QUIT */
		sigset_t none;
		sigemptyset(&none);
		sigprocmask(SIG_SETMASK, &none, NULL);
		signal(sig, SIG_DFL);
		setrlimit(RLIMIT_CORE, &(struct rlimit){0, 0});
		execl(argv[0], argv[0], (char *)NULL);
		_exit(127);
	}

	VTerm *vt = vterm_new(h, w);
	vterm_set_utf8(vt, 1);
	VTermScreen *vs = vterm_obtain_screen(vt);
	static const VTermScreenCallbacks callbacks = {.settermprop = on_termprop};
	vterm_screen_set_callbacks(vs, &callbacks, NULL);
	vterm_screen_enable_altscreen(vs, 1);
	vterm_screen_reset(vs, 1);

	int status = 0;
	char *last = NULL;
	for (int i = 4; i < argc; i += 2) {
		const char *keys = i > 4 ? argv[i - 1] : "";
		char *want = slurp(argv[i]);
		if (want == NULL) {
			status = 2;
			break;
		}
		if (!send_keys(fd, pid, vt, keys, &w, &h)) {
			status = 2;
		} else if (!wait_screen(fd, vt, vs, w, h, want, &last)) {
			printf("%s differs; the screen was:\n%s", argv[i], last ? last : "");
			status = 1;
		}
		free(want);
		if (status != 0)
			break;
	}
	free(last);
	if (busy && status == 0 && !wait_blocked_in_write(pid))
		status = 1;
	kill(pid, sig);
	int wstatus = wait_end(pid, fd, vt);
	if (wstatus == -1 || !ended_clean(wstatus, sig, fd))
		status = status ? status : 1;
	close(fd);
	vterm_free(vt);
	return status;
}
