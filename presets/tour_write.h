/*
 * tour_write.h: tour steps written as YAML that tour.c reads back to the
 * same struct tour_step, and the one way a step is added to a tour file:
 * appended to the old bytes, never over them (the explorer's 'r').
 */
#ifndef ISOFLOP_TOUR_WRITE_H
#define ISOFLOP_TOUR_WRITE_H

#include <stddef.h>
#include <stdio.h>

#include "tour.h"

/*
 * A step's text as one item of a block list whose '-' sits at column
 * indent: every field that differs from what tour.c gives a key left out.
 * Numbers are written in the fewest digits that read back to the same
 * double, so that a replayed step lands on the same point.
 */
void tour_write_step(FILE *fp, const struct tour_step *s, int indent);

/* A new tour's head, up to its "steps:" line: with runs' runs:, bootstrap: and seed: unless NULL.
 */
void tour_write_head(FILE *fp, const char *id, const char *title, const struct tour_runs *runs);

/*
 * Append step s to the tour at path, or create it as tour `id` titled
 * `title` when nothing is there: the old bytes then the step, into a
 * temporary that takes the name by rename, with the old file's mode. The
 * result is loaded before it is written and must read back as the old
 * steps plus s, so nothing is written when the old file is not a tour, not
 * a regular file, full or laid out so that the step cannot follow its last
 * one. runs (NULL: none) are the runs the step was recorded with, file as
 * the session names it: a new tour is played with them (runs: relative to
 * its directory when the file lies there or below), an old one must be
 * played with the same (file, bootstrap and seed) or nothing is written.
 * How many steps it has now, or -1 and why in msg.
 */
int tour_append_step(const char *path, const struct tour_step *s, const char *id, const char *title,
                     const struct tour_runs *runs, char *msg, size_t msgsize);

#endif
