/*
 * map_stock.c: the stock of data (Villalobos et al. 2024's public human
 * text, or any stock preset) drawn on the loss map as a band across the
 * tokens axis: its interval as a sparse ';' in every other empty cell, its
 * median as a row of '"' labelled with the number. It goes down after the
 * contours and iso-FLOP lines and before the frontiers, models and point,
 * and only over empty or shaded cells, so that it hides none of them.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "../../model/units.h"
#include "map_stock.h"

/* Whether the band may draw over this glyph: the background or the shading. */
static bool stock_may_cover(struct glyph g)
{
	return g.style == STYLE_BLANK || g.style == STYLE_SHADE;
}

/*
 * The interval's fill may take an empty cell or an iso-FLOP dot: on a busy
 * map the dots fill most of the empty cells, and a band drawn only between
 * them would not be seen. The dotted lines stay readable through it, every
 * other cell.
 */
static bool stock_fill_may_cover(struct glyph g)
{
	/* never the shading: the data wall's ':' and the fit's edge '`' say more */
	return g.style == STYLE_BLANK ||
	       (g.style == STYLE_ISOFLOP && g.ch == MAP_STOCK_ISOFLOP_DOT);
}

/*
 * Whether row y's span of tokens meets the interval: a row reaches half a
 * row above and below its centre. On a small map a decade is under two rows,
 * and a band drawn only where the centre falls in it would vanish.
 */
static bool row_meets(const struct frame *f, int y, const struct map_band *s)
{
	double n, d, below;

	frame_value(f, f->area.x, y, &n, &d);
	frame_value(f, f->area.x, y + 1, &n, &below);
	double half = below > 0 && d > below ? sqrt(d / below) : 1;
	return d / half <= s->stock_high && d * half >= s->stock_low;
}

/*
 * The interval: every other cell of the rows it meets. A checkerboard of
 * ';' reads as grey at the back of a room, where a solid fill would read as
 * a wall and bury the contours it crosses.
 */
static void stock_fill(struct canvas *c, const struct frame *f, const struct map_band *s)
{
	const struct rect *a = &f->area;

	for (int y = a->y; y < a->y + a->h; y++) {
		if (!row_meets(f, y, s))
			continue;
		for (int x = a->x; x < a->x + a->w; x++)
			if ((x + y) % 2 == 0 && stock_fill_may_cover(canvas_get(c, x, y)))
				canvas_put(c, x, y, MAP_STOCK_FILL, STYLE_SHADE);
	}
}

/* Whether cells [x, x + len) of row y are all the median's own. */
static bool median_free(const struct canvas *c, int x, int y, int len)
{
	for (int i = 0; i < len; i++)
		if (canvas_get(c, x + i, y).style != STYLE_FRONTIER2)
			return false;
	return true;
}

/* Write text on row y at the leftmost stretch of the median it fits in; false if none. */
static bool median_label(struct canvas *c, const struct rect *a, int y, const char *text)
{
	int len = (int)strlen(text);

	for (int x = a->x + 1; x + len <= a->x + a->w; x++)
		if (median_free(c, x, y, len)) {
			canvas_text(c, x, y, text, len, STYLE_LABEL);
			return true;
		}
	return false;
}

/*
 * The median: a row of '"' across the plot (over the band and the iso-FLOP
 * dots, never a contour), and its number, " stock 300T ", or " 300T " where
 * contours leave no room for the word, on the leftmost stretch of the row
 * that holds it.
 */
static void stock_median(struct canvas *c, const struct frame *f, const struct map_band *s)
{
	const struct rect *a = &f->area;
	char text[32], num[16];
	int cx, cy;

	if (!frame_cell(f, s->n_lo, s->stock, &cx, &cy))
		return;
	for (int x = a->x; x < a->x + a->w; x++) {
		struct glyph g = canvas_get(c, x, cy);
		if (stock_may_cover(g) ||
		    (g.style == STYLE_ISOFLOP && g.ch == MAP_STOCK_ISOFLOP_DOT))
			canvas_put(c, x, cy, MAP_STOCK_MEDIAN, STYLE_FRONTIER2);
	}
	units_format_tokens(s->stock, num, sizeof num);
	snprintf(text, sizeof text, " stock %s ", num);
	if (!median_label(c, a, cy, text)) {
		snprintf(text, sizeof text, " %s ", num);
		median_label(c, a, cy, text);
	}
}

void map_stock_draw(struct canvas *c, const struct frame *f, const struct map_band *s)
{
	if (!(s->stock > 0))
		return;
	stock_fill(c, f, s);
	stock_median(c, f, s);
}

int map_stock_legend(const struct map_band *s, char (*out)[96], int max)
{
	char med[16], lo[16], hi[16];
	int n = 0;

	if (!(s->stock > 0))
		return 0;
	units_format_tokens(s->stock, med, sizeof med);
	units_format_tokens(s->stock_low, lo, sizeof lo);
	units_format_tokens(s->stock_high, hi, sizeof hi);
	if (n < max)
		snprintf(out[n++], 96, "\" %s %s", s->name ? s->name : "stock", med);
	if (n < max && s->level > 0)
		snprintf(out[n++], 96, "; %s-%s (%g%%)", lo, hi, round(100 * s->level));
	else if (n < max)
		snprintf(out[n++], 96, "; %s-%s", lo, hi);
	return n;
}
