/*
 * notes.h: a tour's speaker notes for a second window (--notes PATH): at
 * each step shown, the step's notes and the next step's caption, written
 * to a regular file (replaced whole), a FIFO (only while a reader has it
 * open) or a terminal such as /dev/pts/N (cleared first). Writing never
 * blocks the explorer and never ends it: a note that cannot go out is
 * skipped. No curses here.
 */
#ifndef ISOFLOP_NOTES_H
#define ISOFLOP_NOTES_H

#include <stddef.h>

#include "../../presets/tour.h"

enum notes_kind {
	NOTES_FILE,     /* a regular file, or nothing yet: replaced whole each step */
	NOTES_FIFO,     /* opened each step without blocking: skipped when no reader */
	NOTES_TERMINAL, /* a character device kept open; a terminal is cleared first */
};

struct notes {
	char path[4096];
	enum notes_kind kind;
	int fd;                  /* NOTES_TERMINAL: open until the process exits; else -1 */
	const struct tour *tour; /* the tour and step last written, not to write them twice */
	int step;
};

/*
 * Check that path can take notes and open it if it is a terminal; -1 and
 * "PATH: why" in err when it cannot (a directory, a socket, no permission).
 */
int notes_open(struct notes *n, const char *path, char *err, size_t errsize);

/* Step `step` (from 0) of tour t is on screen: write its notes unless they were the last written.
 */
void notes_show(struct notes *n, const struct tour *t, int step);

/* The text notes_show writes for step `step` of t, into buf (size bytes). */
void notes_text(const struct tour *t, int step, char *buf, size_t size);

#endif
