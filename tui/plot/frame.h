/*
 * frame.h: the axes of a plot: a rectangle of plot cells, a horizontal and a
 * vertical axis (log10 or linear), the mapping between values and cells, tick
 * marks with labels, and a walk over the cells a straight segment crosses.
 * The map and the profiles panel both stand on it. No curses.
 */
#ifndef ISOFLOP_FRAME_H
#define ISOFLOP_FRAME_H

#include <stdbool.h>

#include "canvas.h"

/* One axis: the window [lo, hi] (in log10 units when log) over `cells` cells. */
struct axis {
	double lo, hi;
	bool log;
	int cells;
};

/* How an axis labels its ticks. */
enum tick_format {
	TICK_COUNT,   /* 10M, 1B, 100T */
	TICK_PLAIN,   /* 2.1, 1.86: with the decimals the step needs */
	TICK_COMPUTE, /* FLOPs: 1e21, 1e24 (a count's 100T would read as tokens) */
};

struct frame {
	struct rect area; /* the plot cells; axes sit left of and below it */
	struct axis x, y;
	enum tick_format x_format, y_format;
	int y_ticks; /* about how many y ticks on a linear axis (at most 10); 0: 4 or 2 */
};

/* Fractional position of v along the axis: 0 at lo, cells at hi. */
double axis_pos(const struct axis *a, double v);

/* The value at a fractional position. */
double axis_value(const struct axis *a, double pos);

/*
 * Lay a frame out inside r: `top` rows above the plot (title), `bottom` rows
 * under the axis labels (legend). The left margin fits the widest y label.
 * False when r is too small for a plot of at least 8 x 4 cells.
 */
bool frame_layout(struct frame *f, struct rect r, int top, int bottom);

/* Screen cell of a value pair; false when it lies outside the plot. */
bool frame_cell(const struct frame *f, double xv, double yv, int *cx, int *cy);

/* The value pair at a screen cell's centre. */
void frame_value(const struct frame *f, int cx, int cy, double *xv, double *yv);

/* Draw the axis lines, tick marks and tick labels. */
void frame_draw_axes(const struct frame *f, struct canvas *c);

/*
 * Visit every plot cell that the straight segment between two value pairs
 * crosses (straight in the axes' own scales), in order, each once.
 */
void frame_walk(const struct frame *f, double x0, double y0, double x1, double y1,
                void (*visit)(int cx, int cy, void *ctx), void *ctx);

/* A style's bit in a frame_pen's set (styles past the 64th are in no set). */
#define FRAME_STYLE(s) (1ull << (s))

/*
 * A line's pen for frame_walk: each visited cell gets ch in style, except
 * that a pen with `only` draws only over cells whose style is in `styles`,
 * and one without never draws over them (text, marks that must stay legible).
 */
struct frame_pen {
	struct canvas *c;
	char ch;
	int style;
	unsigned long long styles; /* a set of FRAME_STYLE(s) */
	bool only;                 /* true: draw only over `styles`; false: never over them */
};

/* frame_walk's visit for a struct frame_pen. */
void frame_pen_cell(int x, int y, void *ctx);

/*
 * Wrap legend entries into lines of width w, two spaces apart, at most
 * max_lines. When they do not all fit, the last line ends "+K more" instead
 * of the K entries left out, so no drawn thing is silently unkeyed. Draws
 * into c at rows y.. unless c is NULL. Returns the lines used; *dropped gets K.
 */
int frame_legend_wrap(struct canvas *c, int x, int y, int w, char (*e)[96], int n, int max_lines,
                      int *dropped);

/*
 * As frame_legend_wrap, with a short form for each entry (shorts[i], ""
 * for none; shorts NULL: none) that the last line takes when the entry
 * does not fit whole beside the count of what is left.
 */
int frame_legend_wrap_short(struct canvas *c, int x, int y, int w, char (*e)[96],
                            char (*shorts)[96], int n, int max_lines, int *dropped);

#endif
