/*
 * notes.c: speaker notes written beside the explorer (notes.h). A FIFO is
 * opened with O_NONBLOCK at every step, so that with no reader the open
 * fails at once (ENXIO) and the step goes by; a note fits one atomic pipe
 * write (PIPE_BUF), so a reader never sees half of one. SIGPIPE, from a
 * reader gone between the open and the write, is held and taken back
 * rather than allowed to end the talk.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "../../presets/write.h"
#include "notes.h"

/* Clear a terminal and home the cursor (ECMA-48 ED 2, CUP), so it shows one step's notes. */
#define NOTES_CLEAR "\033[H\033[2J"

/* A note, less than a pipe's atomic write: notes, two caption lines and the headings. */
#define NOTES_TEXT_MAX (TOUR_NOTES_BYTES + 2 * TOUR_CAPTION_BYTES + 512)
_Static_assert(NOTES_TEXT_MAX + sizeof NOTES_CLEAR <= PIPE_BUF, "a note is one pipe write");

/* Where a path that is there can take notes, or why not (as errno and a noun). */
static int kind_of(const struct stat *st, enum notes_kind *kind, const char **what)
{
	if (S_ISREG(st->st_mode))
		*kind = NOTES_FILE;
	else if (S_ISFIFO(st->st_mode))
		*kind = NOTES_FIFO;
	else if (S_ISCHR(st->st_mode))
		*kind = NOTES_TERMINAL;
	else
		*what = S_ISDIR(st->st_mode) ? "a directory" : "not a file, a FIFO or a terminal";
	return S_ISREG(st->st_mode) || S_ISFIFO(st->st_mode) || S_ISCHR(st->st_mode) ? 0 : -1;
}

/* "PATH: why" from errno into err; -1. */
static int fail_errno(const char *path, char *err, size_t errsize)
{
	snprintf(err, errsize, "%s: %s", path, strerror(errno));
	return -1;
}

/* Whether a file can be made or written at path: made empty if it was not there. */
static int file_writable(const char *path)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_NOCTTY | O_CLOEXEC, 0666);

	if (fd < 0)
		return -1;
	close(fd);
	return 0;
}

int notes_open(struct notes *n, const char *path, char *err, size_t errsize)
{
	struct stat st;
	const char *what = NULL;

	*n = (struct notes){.kind = NOTES_FILE, .fd = -1, .step = -1};
	snprintf(n->path, sizeof n->path, "%s", path);
	if (stat(path, &st) != 0 && errno != ENOENT)
		return fail_errno(path, err, errsize);
	if (stat(path, &st) == 0 && kind_of(&st, &n->kind, &what) != 0) {
		snprintf(err, errsize,
		         "%s is %s: --notes takes a file, a FIFO or a terminal such as /dev/pts/1",
		         path, what);
		return -1;
	}
	switch (n->kind) {
	case NOTES_TERMINAL:
		n->fd = open(path, O_WRONLY | O_NOCTTY | O_NONBLOCK | O_CLOEXEC);
		return n->fd < 0 ? fail_errno(path, err, errsize) : 0;
	case NOTES_FIFO: /* it opens only with a reader: ask for leave to write instead */
		return access(path, W_OK) != 0 ? fail_errno(path, err, errsize) : 0;
	case NOTES_FILE:
		return file_writable(path) != 0 ? fail_errno(path, err, errsize) : 0;
	}
	return 0;
}

/* "TEXT" with each line indented by two blanks, appended to buf at *at. */
static void append(char *buf, size_t size, size_t *at, const char *fmt, const char *text)
{
	if (*at < size) {
		int k = snprintf(buf + *at, size - *at, fmt, text);
		*at += k > 0 ? (size_t)k : 0;
	}
}

void notes_text(const struct tour *t, int step, char *buf, size_t size)
{
	const struct tour_step *s = &t->steps[step];
	char head[256];
	size_t at = 0;

	snprintf(head, sizeof head, "step %d of %d: %.200s", step + 1, t->nsteps, t->title);
	append(buf, size, &at, "%s\n\nNOTES\n", head);
	append(buf, size, &at, "%s\n", s->notes[0] ? s->notes : "(none)");
	if (step + 1 >= t->nsteps) {
		append(buf, size, &at, "%s", "\nNEXT: the end of the tour\n");
		return;
	}
	append(buf, size, &at, "%s", "\nNEXT\n");
	for (int i = 0; i < TOUR_CAPTION_LINES; i++)
		if (t->steps[step + 1].caption[i][0])
			append(buf, size, &at, "%s\n", t->steps[step + 1].caption[i]);
}

/* One write of len bytes to fd, or none: a reader gone (SIGPIPE) or a full pipe skips it. */
static void write_quietly(int fd, const char *buf, size_t len)
{
	sigset_t pipe, old;
	const struct timespec now = {0, 0};
	ssize_t w;

	sigemptyset(&pipe);
	sigaddset(&pipe, SIGPIPE);
	sigprocmask(SIG_BLOCK, &pipe, &old);
	do
		w = write(fd, buf, len);
	while (w < 0 && errno == EINTR);
	if (w < 0 && errno == EPIPE && !sigismember(&old, SIGPIPE))
		sigtimedwait(&pipe, NULL, &now); /* take back the SIGPIPE this write raised */
	sigprocmask(SIG_SETMASK, &old, NULL);
}

static void write_text(FILE *fp, const void *text)
{
	fputs(text, fp);
}

void notes_show(struct notes *n, const struct tour *t, int step)
{
	char text[NOTES_TEXT_MAX + sizeof NOTES_CLEAR];
	size_t off = sizeof NOTES_CLEAR - 1;

	if (n == NULL || t == NULL || (t == n->tour && step == n->step))
		return;
	n->tour = t;
	n->step = step;
	memcpy(text, NOTES_CLEAR, off);
	notes_text(t, step, text + off, sizeof text - off);
	if (n->kind == NOTES_FILE) {
		write_file_atomic(n->path, true, write_text, text + off);
	} else if (n->kind == NOTES_TERMINAL) {
		/* a terminal shows one step's notes; another device (/dev/null) takes the text */
		bool tty = isatty(n->fd);
		write_quietly(n->fd, tty ? text : text + off, strlen(tty ? text : text + off));
	} else {
		int fd = open(n->path, O_WRONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
		if (fd < 0)
			return; /* no reader now (ENXIO): this step goes by */
		write_quietly(fd, text + off, strlen(text + off));
		close(fd);
	}
}
