/*
 * screen.h: the explorer on a terminal. The only part of isoflop that
 * includes curses.
 */
#ifndef ISOFLOP_SCREEN_H
#define ISOFLOP_SCREEN_H

#include <stdbool.h>

#include "app.h"

/*
 * Run the explorer until the user quits or a signal (INT, TERM, HUP) ends
 * it; the terminal is restored either way. colour: use colours if the
 * terminal has them; line_drawing: axes and boxes in the terminal's
 * line-drawing characters instead of - | +. Returns the process exit status.
 */
int screen_run(struct app *a, bool colour, bool line_drawing);

#endif
