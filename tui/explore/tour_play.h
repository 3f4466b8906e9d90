/*
 * tour_play.h: playing a tour in the explorer: checked against the catalog
 * before its first step shows, and every step shown by replaying steps
 * 1..N from the state the tour started in, so that a step looks the same
 * whether it is reached forward, back or by 'g N': a step that names no law
 * keeps the law of the step before it in the tour, not of the step last seen.
 */
#ifndef ISOFLOP_TOUR_PLAY_H
#define ISOFLOP_TOUR_PLAY_H

#include <stddef.h>

#include "app.h"

/*
 * Check a tour against the catalog (every law and model it names exists,
 * every point lies in the window) and show its first step. -1 and a
 * "FILE:LINE:COL: message" in err when it cannot be played.
 */
int tour_play_start(struct app *a, const struct tour *t, char *err, size_t errsize);

/*
 * Show step i of the tour (clamped to its steps): the state the tour's start
 * reaches through steps 1..i+1, however the tour got to its current step.
 */
void tour_play_show(struct app *a, int i);

#endif
