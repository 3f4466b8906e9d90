/*
 * screen.h: the explorer on a terminal. The only part of isoflop that
 * includes curses.
 */
#ifndef ISOFLOP_SCREEN_H
#define ISOFLOP_SCREEN_H

#include <stdbool.h>

#include "app.h"

/*
 * Run the explorer until the user quits or a signal ends it; the terminal
 * is restored either way. After a signal whose default action ends the
 * process (INT, TERM, HUP, QUIT, USR1, PIPE, ALRM...) it does not return:
 * the process dies of that signal. colour: use colours if the terminal has
 * them; line_drawing: axes and boxes in the terminal's line-drawing
 * characters instead of - | +. Returns the process exit status, 2 when
 * TERM names no terminal curses can drive.
 */
int screen_run(struct app *a, bool colour, bool line_drawing);

#endif
