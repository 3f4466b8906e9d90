/*
 * frame.c: axes, ticks and the value <-> cell mapping. Plot cells are
 * addressed in screen coordinates (y down); values grow up the y axis, so
 * this is the one file that flips y.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../model/units.h"
#include "frame.h"

double axis_pos(const struct axis *a, double v)
{
	double t = a->log ? log10(v) : v;

	return (t - a->lo) / (a->hi - a->lo) * a->cells;
}

double axis_value(const struct axis *a, double pos)
{
	double t = a->lo + pos / a->cells * (a->hi - a->lo);

	return a->log ? pow(10, t) : t;
}

/* Largest 1-2-5 step <= x. */
static double step_125(double x)
{
	double p = pow(10, floor(log10(x)));
	double m = x / p;

	return (m >= 5 ? 5 : m >= 2 ? 2 : 1) * p;
}

/*
 * Tick positions (in the axis' own units: log10 or plain) for about `want`
 * ticks: whole decades on a log axis (every 2nd, 3rd ... when crowded),
 * 1-2-5 steps on a linear one. Returns the count; *decimals for labels.
 */
static int ticks(const struct axis *a, int want, double *out, int max, int *decimals)
{
	double span = a->hi - a->lo, step;
	int n = 0;

	if (want < 2)
		want = 2;
	if (a->log) {
		step = ceil(span / want);
		if (step < 1)
			step = 1;
		*decimals = 0;
	} else {
		/* the smallest 1-2-5 step that gives no more than `want` + 1 ticks */
		step = step_125(span / want);
		if (span / step > want)
			step = step_125(step * 2.5) > step ? step_125(step * 2.5) : step * 2;
		/* a zero or denormal step (a flat axis) would ask for hundreds of places */
		*decimals = step >= 1 ? 0 : canvas_clamp_int(ceil(-log10(step) - 1e-9), 0, 12);
	}
	/* + 0.0: ceil(-1e-9) is -0, which an axis from 0 would label "-0.0" */
	for (double t = ceil(a->lo / step - 1e-9) * step + 0.0; t <= a->hi + 1e-9 && n < max;
	     t += step)
		out[n++] = t;
	return n;
}

static void tick_label(const struct axis *a, enum tick_format fmt, int decimals, double t,
                       char *buf, size_t size)
{
	double v = a->log ? pow(10, t) : t;

	if (fmt == TICK_COUNT)
		units_format_count(v, buf, size);
	else if (fmt == TICK_COMPUTE)
		units_format_compute(v, buf, size);
	else
		units_format_fixed(v, decimals, buf, size);
}

/* Widest y label over every tick the axis could show. */
static int y_label_width(const struct axis *a, enum tick_format fmt)
{
	double t[64];
	char buf[32];
	int decimals, width = 0;
	int n = ticks(a, 10, t, 64, &decimals);

	for (int i = 0; i < n; i++) {
		tick_label(a, fmt, decimals, t[i], buf, sizeof buf);
		if ((int)strlen(buf) > width)
			width = (int)strlen(buf);
	}
	return width;
}

bool frame_layout(struct frame *f, struct rect r, int top, int bottom)
{
	int margin = y_label_width(&f->y, f->y_format) + 1; /* labels, then the axis line */

	f->area.x = r.x + margin + 1;
	f->area.y = r.y + top;
	f->area.w = r.w - margin - 1;
	f->area.h = r.h - top - 2 - bottom; /* the x axis line and its labels */
	f->x.cells = f->area.w;
	f->y.cells = f->area.h;
	return f->area.w >= 8 && f->area.h >= 4;
}

bool frame_cell(const struct frame *f, double xv, double yv, int *cx, int *cy)
{
	double px = axis_pos(&f->x, xv), py = axis_pos(&f->y, yv);

	if (!(px >= 0 && px <= f->area.w && py >= 0 && py <= f->area.h))
		return false;
	/* the top and right edges belong to the last cell */
	int ix = canvas_clamp_int(px, 0, f->area.w - 1);
	int iy = canvas_clamp_int(py, 0, f->area.h - 1);
	*cx = f->area.x + ix;
	*cy = f->area.y + f->area.h - 1 - iy;
	return true;
}

void frame_value(const struct frame *f, int cx, int cy, double *xv, double *yv)
{
	*xv = axis_value(&f->x, cx - f->area.x + 0.5);
	*yv = axis_value(&f->y, f->area.y + f->area.h - 1 - cy + 0.5);
}

void frame_draw_axes(const struct frame *f, struct canvas *c)
{
	const struct rect *a = &f->area;
	int axis_row = a->y + a->h, axis_col = a->x - 1;
	double t[64];
	char buf[32];
	int decimals, n;

	for (int y = a->y; y < axis_row; y++)
		canvas_put(c, axis_col, y, '|', STYLE_AXIS);
	for (int x = a->x; x < a->x + a->w; x++)
		canvas_put(c, x, axis_row, '-', STYLE_AXIS);
	canvas_put(c, axis_col, axis_row, '+', STYLE_AXIS);

	/* y ticks: about one per 3 rows, labels right-aligned in the margin */
	/* decades on a log axis, as room allows; 3 to 5 round values on a linear one */
	/* y_ticks at most 10, as y_label_width allows for: their decimals fit the margin */
	int want = f->y.log         ? a->h / 3
	           : f->y_ticks > 0 ? canvas_clamp_int(f->y_ticks, 2, 10)
	           : a->h >= 8      ? 4
	                            : 2;
	n = ticks(&f->y, want, t, 64, &decimals);
	int last_row = -1;
	for (int i = 0; i < n; i++) {
		int row = a->y + a->h - 1 -
		          canvas_clamp_int(floor(axis_pos(&f->y, f->y.log ? pow(10, t[i]) : t[i])),
		                           0, a->h);
		if (row < a->y)
			row = a->y;
		if (row == last_row)
			continue;
		last_row = row;
		tick_label(&f->y, f->y_format, decimals, t[i], buf, sizeof buf);
		canvas_put(c, axis_col, row, '+', STYLE_AXIS);
		canvas_text(c, axis_col - 1 - (int)strlen(buf), row, buf, 32, STYLE_TICK);
	}

	/* x ticks: labels centred under their tick, never touching a neighbour */
	n = ticks(&f->x, a->w / 7, t, 64, &decimals);
	int free_from = -1; /* labels may run under the y labels, not off the canvas */
	for (int i = 0; i < n; i++) {
		int col = a->x +
		          canvas_clamp_int(floor(axis_pos(&f->x, f->x.log ? pow(10, t[i]) : t[i])),
		                           0, a->w);
		if (col >= a->x + a->w)
			col = a->x + a->w - 1;
		canvas_put(c, col, axis_row, '+', STYLE_AXIS);
		tick_label(&f->x, f->x_format, decimals, t[i], buf, sizeof buf);
		int len = (int)strlen(buf), start = col - len / 2;
		if (start + len > a->x + a->w)
			start = a->x + a->w - len;
		if (start < 0)
			start = 0;
		if (start <= free_from)
			continue;
		canvas_text(c, start, axis_row + 1, buf, len, STYLE_TICK);
		free_from = start + len;
	}
}

void frame_walk(const struct frame *f, double x0, double y0, double x1, double y1,
                void (*visit)(int cx, int cy, void *ctx), void *ctx)
{
	/* Amanatides and Woo's grid traversal, in fractional plot cells with y up */
	double px = axis_pos(&f->x, x0), py = axis_pos(&f->y, y0);
	double qx = axis_pos(&f->x, x1), qy = axis_pos(&f->y, y1);

	if (!isfinite(px) || !isfinite(py) || !isfinite(qx) || !isfinite(qy))
		return;
	/* far outside the plot nothing is drawn: keep the cell indices small */
	px = fmax(-1e4, fmin(1e4, px));
	py = fmax(-1e4, fmin(1e4, py));
	qx = fmax(-1e4, fmin(1e4, qx));
	qy = fmax(-1e4, fmin(1e4, qy));

	double dx = qx - px, dy = qy - py;
	int ix = canvas_clamp_int(floor(px), -10000, 10000);
	int iy = canvas_clamp_int(floor(py), -10000, 10000);
	int jx = canvas_clamp_int(floor(qx), -10000, 10000);
	int jy = canvas_clamp_int(floor(qy), -10000, 10000);
	int sx = dx > 0 ? 1 : -1, sy = dy > 0 ? 1 : -1;
	double tdx = dx != 0 ? fabs(1 / dx) : INFINITY, tdy = dy != 0 ? fabs(1 / dy) : INFINITY;
	double tmx = dx > 0 ? (ix + 1 - px) * tdx : dx < 0 ? (px - ix) * tdx : INFINITY;
	double tmy = dy > 0 ? (iy + 1 - py) * tdy : dy < 0 ? (py - iy) * tdy : INFINITY;

	for (int guard = abs(jx - ix) + abs(jy - iy) + 1; guard >= 0; guard--) {
		if (ix >= 0 && iy >= 0 && ix < f->area.w && iy < f->area.h)
			visit(f->area.x + ix, f->area.y + f->area.h - 1 - iy, ctx);
		if (ix == jx && iy == jy)
			break;
		if (tmx < tmy) {
			tmx += tdx;
			ix += sx;
		} else {
			tmy += tdy;
			iy += sy;
		}
	}
}

/*
 * Wrap entries into lines of width w, two spaces apart, at most max_lines.
 * When they do not all fit, the last line ends "+K more" instead of the K
 * entries left out. Draws into c at rows y.. unless c is NULL. Returns the
 * lines used; *dropped gets K.
 */
int frame_legend_wrap(struct canvas *c, int x, int y, int w, char (*e)[96], int n, int max_lines,
                      int *dropped)
{
	return frame_legend_wrap_short(c, x, y, w, e, NULL, n, max_lines, dropped);
}

/*
 * As frame_legend_wrap; on the last line an entry that does not fit whole
 * beside the count of what is left gives its short form (shorts[i], "" for
 * none) before it gives way to the count: "` beyond fit" keeps its glyph
 * keyed where "` beyond the fit" would not.
 */
int frame_legend_wrap_short(struct canvas *c, int x, int y, int w, char (*e)[96],
                            char (*shorts)[96], int n, int max_lines, int *dropped)
{
	int line = 0, col = 0;

	*dropped = 0;
	for (int i = 0; i < n; i++) {
		const char *text = e[i];
		int len = (int)strlen(text) < w ? (int)strlen(text) : w;
		int sep = col > 0 ? 2 : 0;
		char more[24];
		int mlen = snprintf(more, sizeof more, "+%d more", n - i - 1);
		/*
		 * On the last line an entry must leave room to say what else there
		 * is; when it cannot, its short form may, else the count of what is
		 * left takes its place.
		 */
		bool last = line == max_lines - 1;
		if (last && shorts != NULL && shorts[i][0] &&
		    (col + sep + len > w || (i + 1 < n && col + sep + len + 2 + mlen > w))) {
			int slen = (int)strlen(shorts[i]);
			if (col + sep + slen <= w &&
			    (i + 1 >= n || col + sep + slen + 2 + mlen <= w)) {
				text = shorts[i];
				len = slen;
			}
		}
		if (last &&
		    (col + sep + len > w || (i + 1 < n && col + sep + len + 2 + mlen > w))) {
			snprintf(more, sizeof more, "+%d more", n - i);
			if (c != NULL)
				canvas_text(c, x + col + sep, y + line, more, w - col - sep,
				            STYLE_TEXT);
			*dropped = n - i;
			return line + 1;
		}
		if (col + sep + len > w) {
			line++;
			col = sep = 0;
			if (line == max_lines - 1 && i + 1 < n &&
			    len + 2 + mlen > w) { /* too long to share the last line with a count */
				snprintf(more, sizeof more, "+%d more", n - i);
				if (c != NULL)
					canvas_text(c, x, y + line, more, w, STYLE_TEXT);
				*dropped = n - i;
				return line + 1;
			}
		}
		if (c != NULL)
			canvas_text(c, x + col + sep, y + line, text, len, STYLE_TEXT);
		col += sep + len;
	}
	return n == 0 ? 0 : line + 1;
}

void frame_pen_cell(int x, int y, void *ctx)
{
	const struct frame_pen *pen = ctx;
	int st = canvas_get(pen->c, x, y).style;
	bool in = st < 64 && (pen->styles & FRAME_STYLE(st));

	if (in == pen->only)
		canvas_put(pen->c, x, y, pen->ch, pen->style);
}
