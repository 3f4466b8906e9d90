/*
 * contour.h: marching squares, one cell at a time. Pure geometry: values at
 * the four corners of a unit cell and a level in, the pieces of the level
 * line inside the cell out. The map turns those pieces into characters.
 */
#ifndef ISOFLOP_CONTOUR_H
#define ISOFLOP_CONTOUR_H

/* The most levels contour_levels_linear writes. */
#define CONTOUR_MAX_LEVELS 64

/* A piece of a level line, in cell coordinates: x right, y up, both in [0, 1]. */
struct contour_segment {
	double x0, y0;
	double x1, y1;
};

/*
 * The level line through a unit cell whose corner values are v[0] bottom
 * left, v[1] bottom right, v[2] top right, v[3] top left. Returns how many
 * segments it wrote into seg: 0 (no crossing, or a corner is NaN), 1, or 2
 * at a saddle, which the mean of the corners resolves. A corner counts as
 * inside when its value is >= level.
 */
int contour_cell(const double v[4], double level, struct contour_segment seg[2]);

/*
 * "Nice" contour levels for values in (lo, hi] above a base (the law's
 * irreducible loss, or 0): about n levels evenly spaced in log(value - base),
 * so that power-law surfaces get evenly spaced lines, each rounded to a
 * 1-2-5 step no coarser than half the gap to its neighbours. Writes them
 * ascending into out (room for n) and returns the count; decimals[i] (room
 * for n) gets the decimals level i's label needs: 2.1 but 1.86.
 */
int contour_levels(double lo, double hi, double base, int n, double *out, int *decimals);

/*
 * Round, evenly spaced levels across (lo, hi), about n of them: a 1-2-5 step
 * (for differences, which may be negative). Writes them ascending into out
 * (room for CONTOUR_MAX_LEVELS) and returns the count; *decimals is what
 * labels need. Where the span is below the values' precision, fewer.
 */
int contour_levels_linear(double lo, double hi, int n, double *out, int *decimals);

#endif
