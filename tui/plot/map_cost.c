/*
 * map_cost.c: iso-cost lines on the loss map in the inference view. Where
 * serving is cheap beside training (D large against T) a line runs with the
 * iso-FLOP lines; where it dominates, the line turns down to the N whose
 * serving alone costs its dollars. They complement the iso-FLOP lines rather
 * than replace them: the C slider and the FLOP labels still read off the
 * dots, and the gap between the two families is the serving's share.
 * Drawn sparse ('$' in every third cell the line crosses, only over the
 * background and the dots) so that neither family swamps the other in
 * monochrome, at a few round decades of dollars. The dashes take the
 * shading's style, so that labels, frontiers and markers cover them.
 */
#include "map_cost.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

/* Lines at most: more would be a texture at 80x24. */
#define MAP_COST_LINES 4

void map_cost_format(double usd, char *buf, size_t size)
{
	static const struct {
		double unit;
		const char *suffix;
	} units[] = {{1e12, "T"}, {1e9, "B"}, {1e6, "M"}, {1e3, "K"}, {1, ""}};

	for (size_t i = 0; i < sizeof units / sizeof *units; i++)
		if (usd >= units[i].unit || i + 1 == sizeof units / sizeof *units) {
			snprintf(buf, size, "$%.3g%s", usd / units[i].unit, units[i].suffix);
			return;
		}
}

/* The line's dollars at (n, d). */
static double dollars(const struct map_costs *s, double n, double d)
{
	return s->train * s->k * n * d + s->serve * 2 * n * s->t;
}

/* The tokens that make n parameters cost usd over their life: <= 0 when serving alone does. */
static double tokens_at(const struct map_costs *s, double usd, double n)
{
	return (usd - s->serve * 2 * n * s->t) / (s->train * s->k * n);
}

/* The parameters at which the line of usd meets the row of d tokens. */
static double params_at(const struct map_costs *s, double usd, double d)
{
	return usd / (s->train * s->k * d + s->serve * 2 * s->t);
}

struct dash {
	struct canvas *c;
	int count;  /* cells crossed so far: every third gets the glyph */
	int px, py; /* the last cell, which the next step's walk visits again */
};

static void dash_cell(int x, int y, void *ctx)
{
	struct dash *dh = ctx;
	struct glyph g = canvas_get(dh->c, x, y);

	if (x == dh->px && y == dh->py)
		return;
	dh->px = x;
	dh->py = y;
	if (dh->count++ % 3 != 0)
		return;
	if (g.style == STYLE_BLANK || g.style == STYLE_SHADE || g.style == STYLE_ISOFLOP)
		canvas_put(dh->c, x, y, MAP_COST_GLYPH, STYLE_SHADE);
}

/* The line of usd from the top edge (or the left) to the bottom edge (or the right). */
static void draw_line(struct canvas *c, const struct frame *f, const struct map_costs *s,
                      double usd)
{
	double n0 = fmax(s->n_lo, params_at(s, usd, s->d_hi));
	double n1 = fmin(s->n_hi, params_at(s, usd, s->d_lo));
	struct dash dh = {c, 0, -1, -1};

	if (!(n0 < n1))
		return;
	/* a step of a fifth of a cell in N: the bend where serving takes over is sharp */
	int steps = 5 * f->area.w;
	double l0 = log(n0), l1 = log(n1), pn = n0, pd = fmin(s->d_hi, tokens_at(s, usd, n0));
	for (int i = 1; i <= steps; i++) {
		double n = i == steps ? n1 : exp(l0 + (l1 - l0) * i / steps);
		double d = fmax(s->d_lo, tokens_at(s, usd, n));
		frame_walk(f, pn, pd, n, d, dash_cell, &dh);
		pn = n;
		pd = d;
	}
}

/* Whether cells [x, x + len) of row y hold only the background, dots and dashes. */
static bool label_room(const struct canvas *c, const struct rect *a, int x, int y, int len)
{
	if (x < a->x || x + len > a->x + a->w || y < a->y || y >= a->y + a->h)
		return false;
	for (int i = -1; i <= len; i++) {
		struct glyph g = canvas_get(c, x + i, y);
		bool edge = i < 0 || i == len;
		if (edge && (x + i < a->x || x + i >= a->x + a->w))
			continue;
		if (g.style != STYLE_BLANK && g.style != STYLE_SHADE && g.style != STYLE_ISOFLOP)
			return false;
		if (g.style == STYLE_ISOFLOP && g.ch != '.')
			return false; /* an iso-FLOP label */
	}
	return true;
}

/* Text at (x, y), and a dash touching either end blanked, so that "$1M" never reads "$1M$". */
static void put_label(struct canvas *c, int x, int y, const char *text, int len)
{
	for (int i = -1; i <= len; i += len + 1)
		if (canvas_get(c, x + i, y).ch == MAP_COST_GLYPH &&
		    canvas_get(c, x + i, y).style == STYLE_SHADE)
			canvas_put(c, x + i, y, ' ', STYLE_BLANK);
	canvas_text(c, x, y, text, len, STYLE_LABEL);
}

/*
 * The label: where the line meets the bottom edge (left of it), else the
 * top edge (right of it, as the iso-FLOP labels), else the right edge.
 */
static void label_line(struct canvas *c, const struct frame *f, const struct map_costs *s,
                       double usd)
{
	const struct rect *a = &f->area;
	char text[16];
	int cx, cy, len;

	map_cost_format(usd, text, sizeof text);
	len = (int)strlen(text);
	double n_bottom = params_at(s, usd, s->d_lo);
	int row = a->y + a->h - 1;
	if (n_bottom > s->n_lo && n_bottom < s->n_hi &&
	    frame_cell(f, n_bottom, s->d_lo, &cx, &cy) && label_room(c, a, cx - len, row, len)) {
		put_label(c, cx - len, row, text, len);
		return;
	}
	double n_top = params_at(s, usd, s->d_hi);
	if (n_top > s->n_lo && n_top < s->n_hi && frame_cell(f, n_top, s->d_hi, &cx, &cy) &&
	    label_room(c, a, cx + 1, a->y, len)) {
		put_label(c, cx + 1, a->y, text, len);
		return;
	}
	double d_right = tokens_at(s, usd, s->n_hi);
	if (d_right > s->d_lo && d_right < s->d_hi && frame_cell(f, s->n_hi, d_right, &cx, &cy) &&
	    label_room(c, a, a->x + a->w - len, cy + 1, len))
		put_label(c, a->x + a->w - len, cy + 1, text, len);
}

/* The decades of dollars that get a line: *e0 to *e1, every *stride; false for none. */
static bool decades(const struct map_costs *s, int *e0, int *e1, int *stride)
{
	if (!(s->train > 0) || !(s->serve > 0) || !(s->t > 0))
		return false;
	double lo = dollars(s, s->n_lo, s->d_lo), hi = dollars(s, s->n_hi, s->d_hi);
	if (!(lo > 0) || !isfinite(hi))
		return false;
	*e0 = canvas_clamp_int(ceil(log10(lo)), -30, 30);
	*e1 = canvas_clamp_int(floor(log10(hi)), -30, 30);
	/* every decade, or every second, third ...: at most MAP_COST_LINES, at multiples */
	*stride = (*e1 - *e0) / MAP_COST_LINES + 1;
	return true;
}

/* Each line's dollars in turn to fn: drawn with the picture's lines, labelled after its marks. */
static void each_line(struct canvas *c, const struct frame *f, const struct map_costs *s,
                      void (*fn)(struct canvas *, const struct frame *, const struct map_costs *,
                                 double))
{
	int e0, e1, stride;

	if (!decades(s, &e0, &e1, &stride))
		return;
	for (int e = e0; e <= e1; e++)
		if (((e % stride) + stride) % stride == 0)
			fn(c, f, s, pow(10, e));
}

void map_cost_draw(struct canvas *c, const struct frame *f, const struct map_costs *s)
{
	each_line(c, f, s, draw_line);
}

void map_cost_label(struct canvas *c, const struct frame *f, const struct map_costs *s)
{
	each_line(c, f, s, label_line);
}
