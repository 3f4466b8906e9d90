/*
 * map_spread.c: how well a fit to the user's runs pins down the frontier,
 * drawn on the loss map. For each plot column, the budget C whose optimum
 * (under the fit) has that column's N; across the bootstrap laws, N* at C
 * from its 10th to its 90th percentile; and the stretch of C's iso-FLOP
 * line between them, in '^'. Where the interval is narrower than a cell
 * the frontier's own '*' covers it and the legend says so.
 */
#include <math.h>
#include <stdio.h>

#include "../../model/optimum.h"
#include "../../model/uncertainty.h"
#include "map_spread.h"

/* What the band keeps clear of: everything that names or marks something. */
#define SPREAD_KEEPS_OFF                                                                           \
	(FRAME_STYLE(STYLE_TEXT) | FRAME_STYLE(STYLE_AXIS) | FRAME_STYLE(STYLE_TICK) |             \
	 FRAME_STYLE(STYLE_FRONTIER) | FRAME_STYLE(STYLE_FRONTIER2) | FRAME_STYLE(STYLE_MODEL) |   \
	 FRAME_STYLE(STYLE_COLLISION) | FRAME_STYLE(STYLE_CURRENT) | FRAME_STYLE(STYLE_RUN) |      \
	 FRAME_STYLE(STYLE_LABEL))

/* Counts the cells a pen drew in, for the legend's "under *". */
struct spread_pen {
	struct frame_pen pen;
	int cells;
};

static void spread_cell(int x, int y, void *ctx)
{
	struct spread_pen *p = ctx;
	struct glyph before = canvas_get(p->pen.c, x, y);

	frame_pen_cell(x, y, &p->pen);
	if (before.ch != MAP_SPREAD_GLYPH && canvas_get(p->pen.c, x, y).ch == MAP_SPREAD_GLYPH)
		p->cells++;
}

/* The band's stretch at the compute whose optimum under the fit has n parameters. */
static void spread_at(const struct frame *f, const struct map_spread *s, double n,
                      struct spread_pen *pen)
{
	struct allocation at;
	struct fit_spread np;

	if (optimum_for_size(s->law, OPTIMUM_PARAMS, n, s->u, &at) != MODEL_OK)
		return;
	optimum_spread(s->draws, s->ndraws, at.compute, &np, NULL, NULL);
	if (!isfinite(np.p10) || !isfinite(np.p90))
		return;
	/* along C's iso-FLOP line: D = C / (k N) at each end */
	double nd = at.compute / s->law->k;
	frame_walk(f, np.p10, nd / np.p10, np.p90, nd / np.p90, spread_cell, pen);
}

int map_spread_draw(struct canvas *c, const struct frame *f, const struct map_spread *s)
{
	struct spread_pen pen = {{c, MAP_SPREAD_GLYPH, STYLE_FRONTIER, SPREAD_KEEPS_OFF, false}, 0};

	if (s->draws == NULL || s->ndraws < 2)
		return 0;
	for (int x = f->area.x; x < f->area.x + f->area.w; x++) {
		double n, d;
		frame_value(f, x, f->area.y, &n, &d);
		spread_at(f, s, n, &pen);
	}
	return pen.cells;
}

int map_spread_legend(const struct map_spread *s, int cells, char (*out)[96], int max)
{
	if (s->draws == NULL || s->ndraws < 2 || max < 1)
		return 0;
	snprintf(out[0], 96, "%c N* 10-90%%%s", MAP_SPREAD_GLYPH, cells > 0 ? "" : " (within *)");
	return 1;
}
