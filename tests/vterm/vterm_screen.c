/*
 * vterm_screen.c: the explorer's bytes, as a terminal shows them. Runs the
 * binary in a W x H pseudo-terminal, feeds everything it writes to libvterm
 * (a terminal emulator apart from tmux, which tests/e2e.sh uses) and
 * compares the emulated screen with golden files, each after the keys that
 * lead to it. Rows are compared as text, trailing blanks trimmed; colour and
 * attributes are not compared.
 *
 * usage: vterm_screen ISOFLOP W H TERM GOLDEN [KEYS GOLDEN]...
 *
 * Each screen is polled until it matches (20 s at most, or
 * VTERM_SCREEN_WAIT_MS: a sanitizer build on a loaded machine can take
 * seconds for a frame). Then SIGTERM, which the explorer must answer by
 * exiting with status 143. Exit 0 when every golden matched and it did;
 * else 1, with the screen as it last was on stdout.
 */
#include <errno.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <vterm.h>

/* how long a screen may take to match: VTERM_SCREEN_WAIT_MS, else 20 s */
static long wait_ms = 20000;

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

int main(int argc, char **argv)
{
	if (argc < 6 || argc % 2 != 0) {
		fputs("usage: vterm_screen ISOFLOP W H TERM GOLDEN [KEYS GOLDEN]...\n", stderr);
		return 2;
	}
	int w = atoi(argv[2]), h = atoi(argv[3]);
	if (w < 1 || h < 1 || w > 1000 || h > 1000) {
		fprintf(stderr, "vterm_screen: a size of 1 to 1000 cells, not %s x %s\n", argv[2],
		        argv[3]);
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
		setenv("TERM", argv[4], 1);
		unsetenv("NO_COLOR");
		unsetenv("COLUMNS");
		unsetenv("LINES");
		execl(argv[1], argv[1], (char *)NULL);
		_exit(127);
	}

	VTerm *vt = vterm_new(h, w);
	vterm_set_utf8(vt, 1);
	VTermScreen *vs = vterm_obtain_screen(vt);
	vterm_screen_reset(vs, 1);

	int status = 0;
	char *last = NULL;
	for (int i = 5; i < argc; i += 2) {
		const char *keys = i > 5 ? argv[i - 1] : "";
		char *want = slurp(argv[i]);
		if (want == NULL) {
			status = 2;
			break;
		}
		if (keys[0] && write(fd, keys, strlen(keys)) < 0) {
			perror("vterm_screen: write");
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
	/* it ends on SIGTERM; read what it writes meanwhile, so that no write of its blocks */
	kill(pid, SIGTERM);
	char buf[4096];
	long end = now_ms() + 10000;
	int wstatus = 0;
	pid_t done = 0;
	while (now_ms() < end && (done = waitpid(pid, &wstatus, WNOHANG)) == 0) {
		struct pollfd p = {fd, POLLIN, 0};
		/* a pty it has closed polls ready at once: then only wait for it */
		if (poll(&p, 1, 100) > 0 && read(fd, buf, sizeof buf) <= 0)
			nanosleep(&(struct timespec){.tv_nsec = 10000000}, NULL);
	}
	if (done < 0) {
		perror("vterm_screen: waitpid");
		status = status ? status : 2;
	} else if (done == 0) {
		kill(pid, SIGKILL);
		waitpid(pid, &wstatus, 0);
		printf("the explorer did not end within 10 s of SIGTERM\n");
		status = status ? status : 1;
	} else if (!(WIFEXITED(wstatus) && WEXITSTATUS(wstatus) == 128 + SIGTERM)) {
		/* a sanitizer's exit-time report (a leak) ends it with another status */
		printf("the explorer ended with %s %d, not status %d after SIGTERM\n",
		       WIFEXITED(wstatus) ? "status" : "signal",
		       WIFEXITED(wstatus) ? WEXITSTATUS(wstatus) : WTERMSIG(wstatus),
		       128 + SIGTERM);
		status = status ? status : 1;
	}
	close(fd);
	vterm_free(vt);
	return status;
}
