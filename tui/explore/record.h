/*
 * record.h: the explorer's state recorded as a tour step ('r'): what a
 * step can set, taken from the state, and the step appended to a tour
 * file that `--tour` plays back to the same frame.
 */
#ifndef ISOFLOP_RECORD_H
#define ISOFLOP_RECORD_H

#include <stddef.h>

#include "app.h"

/* The tour 'r' records into when --record names none, under the user's config directory. */
#define RECORD_DEFAULT_ID "recorded"

/*
 * The step that replays state a from any state of the same catalog, with
 * caption (one line): every field a step can set, from a's scene. -1 and
 * why when a shows something a step cannot set (an edited law).
 */
int record_step_of(const struct app *a, const char *caption, struct tour_step *s, char *why,
                   size_t whysize);

/*
 * Append the step of state a to the tour at path (made, with its
 * directory, when missing; never over a file that is no tour). The number
 * of the step, or -1 and why in msg.
 */
int record_append(const struct app *a, const char *caption, const char *path, char *msg,
                  size_t msgsize);

/*
 * Enter after 'r': the caption typed, without blanks at its ends, and the
 * state appended as a step to the --record file; back to MODE_EXPLORE with
 * where it went, or why not (nothing written), in the status line.
 */
void record_entry_done(struct app *a);

#endif
