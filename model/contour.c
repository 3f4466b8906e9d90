/*
 * contour.c: marching squares over a unit cell, and the choice of levels.
 * Coordinates are the cell's own: the caller maps them to its grid.
 */
#include <math.h>

#include "contour.h"

/* Where the level crosses the edge from a (at t = 0) to b (at t = 1). */
static double crossing(double a, double b, double level)
{
	return (level - a) / (b - a);
}

int contour_cell(const double v[4], double level, struct contour_segment seg[2])
{
	/* edge e runs from corner e to corner e + 1, counter-clockwise */
	static const double corner_x[4] = {0, 1, 1, 0}, corner_y[4] = {0, 0, 1, 1};
	double px[4], py[4];
	int n = 0;

	for (int i = 0; i < 4; i++)
		if (isnan(v[i]))
			return 0;
	for (int e = 0; e < 4; e++) {
		int a = e, b = (e + 1) % 4;
		if ((v[a] >= level) == (v[b] >= level))
			continue;
		double t = crossing(v[a], v[b], level);
		px[n] = corner_x[a] + t * (corner_x[b] - corner_x[a]);
		py[n] = corner_y[a] + t * (corner_y[b] - corner_y[a]);
		n++;
	}
	if (n == 2) {
		seg[0] = (struct contour_segment){px[0], py[0], px[1], py[1]};
		return 1;
	}
	if (n != 4)
		return 0;
	/*
	 * Saddle: corners 0 and 2 on one side, 1 and 3 on the other, crossings on
	 * all four edges in order 0..3. If the centre sides with corner 0, the
	 * lines cut off corners 1 (edges 0, 1) and 3 (edges 2, 3); else 0 and 2.
	 */
	double centre = (v[0] + v[1] + v[2] + v[3]) / 4;
	if ((centre >= level) == (v[0] >= level)) {
		seg[0] = (struct contour_segment){px[0], py[0], px[1], py[1]};
		seg[1] = (struct contour_segment){px[2], py[2], px[3], py[3]};
	} else {
		seg[0] = (struct contour_segment){px[3], py[3], px[0], py[0]};
		seg[1] = (struct contour_segment){px[1], py[1], px[2], py[2]};
	}
	return 2;
}

/* The largest 1, 2 or 5 times a power of ten that is <= x (x > 0). */
static double nice_floor(double x)
{
	double p = pow(10, floor(log10(x)));
	double m = x / p;

	return (m >= 5 ? 5 : m >= 2 ? 2 : 1) * p;
}

int contour_levels(double lo, double hi, double base, int n, double *out, int *decimals)
{
	double raw[64], f_lo = lo - base, f_hi = hi - base;
	int count = 0;

	if (n < 1 || n > 64 || !(f_lo > 0) || !(f_hi > f_lo) || !isfinite(f_hi))
		return 0;
	for (int i = 0; i < n; i++)
		raw[i] = base + f_lo * pow(f_hi / f_lo, (i + 0.5) / n);
	for (int i = 0; i < n; i++) {
		double gap = INFINITY;
		if (i > 0)
			gap = raw[i] - raw[i - 1];
		if (i + 1 < n && raw[i + 1] - raw[i] < gap)
			gap = raw[i + 1] - raw[i];
		if (n == 1)
			gap = (hi - lo) / 2;
		/* labels of at most 3 decimals: closer levels merge into one */
		double step = fmax(nice_floor(gap / 2), 1e-3);
		double level = round(raw[i] / step) * step;
		int d = step >= 1 ? 0 : (int)ceil(-log10(step) - 1e-9);
		if (level <= lo || level >= hi || (count > 0 && level <= out[count - 1]))
			continue;
		decimals[count] = d;
		out[count++] = level;
	}
	return count;
}

int contour_levels_linear(double lo, double hi, int n, double *out, int *decimals)
{
	int count = 0;

	*decimals = 0;
	if (n < 1 || !(hi > lo) || !isfinite(lo) || !isfinite(hi))
		return 0;
	double step = nice_floor((hi - lo) / n);
	if (!(step > 0) || !isfinite(step)) /* a span that underflows, or overflows */
		return 0;
	*decimals = step >= 1 ? 0 : (int)ceil(-log10(step) - 1e-9);
	/*
	 * Count steps with an integer, never by adding step to a level: once
	 * step is below a level's precision (1e16 + 0.01 == 1e16) the sum stops
	 * moving. There, neighbouring multiples round to the same double; only
	 * distinct levels are kept.
	 */
	double first = ceil(lo / step);
	for (int i = 0; i <= CONTOUR_MAX_LEVELS && count < CONTOUR_MAX_LEVELS; i++) {
		double level = (first + i) * step; /* no drift, and an exact 0 */
		if (level >= hi)
			break;
		if (level > lo && (count == 0 || level > out[count - 1]))
			out[count++] = level == 0 ? 0 : level;
	}
	return count;
}
