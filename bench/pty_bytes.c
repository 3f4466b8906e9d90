/*
 * pty_bytes.c: what the explorer sends over the wire. Runs the real binary
 * in a 160x48 pseudo-terminal (TERM=xterm-256color, as over SSH) and counts
 * the bytes it writes for the first frame, for each slider step, a law
 * switch, a zoom toggle of the profiles, a step of C and of D in the
 * compute view, a step of C in the timeline view, a step of train in the
 * train x test plane (X) and a step of the shipped tour. It prints; it asserts nothing.
 *
 * usage: pty_bytes ISOFLOP
 */
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

/* Read until the program has been quiet for quiet_ms; returns the bytes read. */
static long drain(int fd, int quiet_ms)
{
	char buf[65536];
	long total = 0;
	struct pollfd p = {fd, POLLIN, 0};

	while (poll(&p, 1, quiet_ms) > 0) {
		ssize_t n = read(fd, buf, sizeof buf);
		if (n <= 0)
			break;
		total += n;
	}
	return total;
}

static long send_key(int fd, const char *keys)
{
	if (write(fd, keys, strlen(keys)) < 0)
		return -1;
	return drain(fd, 150);
}

/* Start isoflop (with one option and its value, or none) in a 160x48 pty; -1 on failure. */
static int spawn(const char *isoflop, const char *opt, const char *value, pid_t *pid)
{
	struct winsize ws = {.ws_row = 48, .ws_col = 160};
	int fd;

	*pid = forkpty(&fd, NULL, NULL, &ws);
	if (*pid < 0) {
		perror("forkpty");
		return -1;
	}
	if (*pid == 0) {
		setenv("TERM", "xterm-256color", 1);
		unsetenv("NO_COLOR");
		if (opt != NULL)
			execl(isoflop, isoflop, opt, value, (char *)NULL);
		else
			execl(isoflop, isoflop, (char *)NULL);
		_exit(127);
	}
	return fd;
}

static void stop(int fd, pid_t pid)
{
	send_key(fd, "q");
	kill(pid, SIGTERM);
	waitpid(pid, NULL, 0);
	close(fd);
}

/* Bytes per step of the shipped tour, forward through its first steps. */
static double tour_step_bytes(const char *isoflop)
{
	pid_t pid;
	int fd = spawn(isoflop, "--tour", "chinchilla-story", &pid), nsteps = 4;
	long bytes = 0;

	if (fd < 0)
		return -1;
	drain(fd, 500);
	for (int i = 0; i < nsteps; i++)
		bytes += send_key(fd, " ");
	stop(fd, pid);
	return (double)bytes / nsteps;
}

/* Bytes per step of train in the train x test plane (X; the total locked, test follows). */
static double traintest_step_bytes(const char *isoflop, long *open)
{
	pid_t pid;
	int fd = spawn(isoflop, NULL, NULL, &pid), nsteps = 20;
	long bytes = 0;

	if (fd < 0)
		return -1;
	drain(fd, 500);
	*open = send_key(fd, "X"); /* the focus goes to train */
	for (int i = 0; i < nsteps; i++)
		bytes += send_key(fd, i % 2 ? "\033OD" : "l");
	stop(fd, pid);
	return (double)bytes / nsteps;
}

int main(int argc, char **argv)
{
	int fd;
	pid_t pid;

	if (argc != 2) {
		fprintf(stderr, "usage: pty_bytes ISOFLOP\n");
		return 2;
	}
	if ((fd = spawn(argv[1], NULL, NULL, &pid)) < 0)
		return 1;
	long first = drain(fd, 500);
	long steps = 0, nsteps = 20;
	for (int i = 0; i < nsteps; i++)
		steps += send_key(fd, i % 2 ? "\033OD" : "l"); /* l, then Left in keypad mode */
	long tab = send_key(fd, "\t");
	long lawswitch = send_key(fd, "w");
	lawswitch += send_key(fd, "\t"); /* Tab: the next row (letters type ahead) */
	lawswitch += send_key(fd, "\r");
	/* the views: a step of N with the inference view on, then of T itself */
	send_key(fd, "w");
	send_key(fd, "\033OA"); /* Up: back to the first law */
	send_key(fd, "\r");
	send_key(fd, "i");
	send_key(fd, "\t"); /* T -> N */
	long istep = 0, tstep = 0;
	for (int i = 0; i < nsteps; i++)
		istep += send_key(fd, i % 2 ? "\033OD" : "l");
	send_key(fd, "\033OA"); /* Up: back to T */
	for (int i = 0; i < nsteps; i++)
		tstep += send_key(fd, i % 2 ? "\033OD" : "l");
	/* the profiles' zoom, off and on again: the whole panel is redrawn each time */
	long zoom = send_key(fd, "z");
	zoom += send_key(fd, "z");
	/* the compute view (C, which focuses C): its base is cached, a step redraws '@' */
	send_key(fd, "i");
	send_key(fd, "C");
	long cstep = 0, dstep = 0;
	for (int i = 0; i < nsteps; i++)
		cstep += send_key(fd, i % 2 ? "\033OD" : "l");
	send_key(fd, "\033OA"); /* Up: C -> D; C locked, N follows: the X moves off the '@' */
	for (int i = 0; i < nsteps; i++)
		dstep += send_key(fd, i % 2 ? "\033OD" : "l");
	/* the timeline view (T): a step of C moves its line and '@' and the readout's year */
	send_key(fd, "T");
	send_key(fd, "\033OB"); /* Down: D -> C */
	long ystep = 0;
	for (int i = 0; i < nsteps; i++)
		ystep += send_key(fd, i % 2 ? "\033OD" : "l");
	stop(fd, pid);
	double tour = tour_step_bytes(argv[1]);
	long xopen = 0;
	double xstep = traintest_step_bytes(argv[1], &xopen);

	printf("%-34s %-24s %10ld bytes\n", "explorer first frame", "160x48 xterm-256color", first);
	printf("%-34s %-24s %10.0f bytes (goal <= 600)\n", "  per slider step (N, C locked)", "",
	       (double)steps / nsteps);
	printf("%-34s %-24s %10ld bytes\n", "  focus change (Tab)", "", tab);
	printf("%-34s %-24s %10ld bytes\n", "  law switch (w Tab Enter)", "", lawswitch);
	printf("%-34s %-24s %10.0f bytes (goal <= 600)\n", "  per N step, inference view (i)", "",
	       (double)istep / nsteps);
	printf("%-34s %-24s %10.0f bytes\n", "  per T step (the % frontier moves)", "",
	       (double)tstep / nsteps);
	printf("%-34s %-24s %10.0f bytes\n", "  per zoom toggle (z)", "", zoom / 2.0);
	printf("%-34s %-24s %10.0f bytes (goal <= 600)\n", "  per C step, compute view (C)", "",
	       (double)cstep / nsteps);
	printf("%-34s %-24s %10.0f bytes (goal <= 600)\n", "  per D step, compute view (C)", "",
	       (double)dstep / nsteps);
	printf("%-34s %-24s %10.0f bytes\n", "  per C step, timeline view (T)", "",
	       (double)ystep / nsteps);
	printf("%-34s %-24s %10ld bytes\n", "  opening the plane (X)", "", xopen);
	printf("%-34s %-24s %10.0f bytes (goal <= 600)\n", "  per train step, plane (X)", "",
	       xstep);
	printf("%-34s %-24s %10.0f bytes\n", "  per tour step (Space)", "chinchilla-story", tour);
	return 0;
}
