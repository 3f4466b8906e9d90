/*
 * map.c: the loss-contour map. L is evaluated once per grid corner; each
 * cell then asks marching squares (model/contour.c) which levels cross it and
 * draws the first as a line character. Layers go down in order of what a
 * reader must never lose: the fitted range's edge and sparse marks beyond
 * it, iso-FLOP lines ('.' in every cell they cross, so that a budget can be
 * followed by eye), contours over them (at 40x12 lines drawn over contours
 * left no contour to read), frontiers, markers, then labels only where they
 * cover nothing of those.
 */
#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../model/contour.h"
#include "../../model/optimum.h"
#include "../../model/units.h"
#include "map.h"
#include "map_cost.h"
#include "map_spread.h"
#include "map_stock.h"

_Static_assert(MAP_ISOFLOP_GLYPH == MAP_STOCK_ISOFLOP_DOT, "the stock's median covers the dots");

/* Whether the map draws lifetime dollars: the inference view, priced. */
static bool priced(const struct map_spec *s)
{
	return s->inference_t > 0 && s->usd_train_flop > 0 && s->usd_serve_flop > 0;
}

/* The iso-cost lines of s, as map_cost.c takes them. */
static struct map_costs costs_of(const struct map_spec *s)
{
	return (struct map_costs){priced(s) ? s->usd_train_flop : 0,
	                          s->usd_serve_flop,
	                          s->law->k,
	                          s->inference_t,
	                          s->n_lo,
	                          s->n_hi,
	                          s->d_lo,
	                          s->d_hi};
}

/* The frontier's bootstrap band of s, as map_spread.c takes it. */
static struct map_spread spread_of(const struct map_spec *s)
{
	return (struct map_spread){s->law, s->draws, s->ndraws, s->u};
}

/* The stock band of s, as map_stock.c takes it. */
static struct map_band band_of(const struct map_spec *s)
{
	return (struct map_band){s->stock,       s->stock_low,  s->stock_high,
	                         s->stock_level, s->stock_name, s->n_lo};
}

/* A character cell is about twice as tall as it is wide. */
#define CELL_ASPECT 2.0

/* The character that best draws a contour segment inside its cell. */
static char segment_char(const struct contour_segment *s)
{
	double dx = s->x1 - s->x0, dy = (s->y1 - s->y0) * CELL_ASPECT;

	if (fabs(dy) < 0.45 * fabs(dx))
		return (s->y0 + s->y1) / 2 < 0.3 ? '_' : '-';
	if (fabs(dy) > 2.2 * fabs(dx))
		return '|';
	return dx * dy > 0 ? '/' : '\\';
}

/* Whether a glyph is a label of any kind (they must not touch each other). */
static bool is_label(struct glyph g)
{
	return g.style == STYLE_LABEL || (g.style == STYLE_ISOFLOP && g.ch != MAP_ISOFLOP_GLYPH);
}

/* Whether a label may cover this glyph: background, iso-FLOP lines, or its own line. */
static bool coverable(struct glyph g, int own_style)
{
	return g.style == STYLE_BLANK || g.style == STYLE_SHADE ||
	       (g.style == STYLE_ISOFLOP && g.ch == MAP_ISOFLOP_GLYPH) || g.style == own_style;
}

/* Whether text of length len fits at (x, y) inside the plot, not touching another label. */
static bool label_fits(const struct canvas *c, const struct rect *a, int x, int y, int len,
                       int own_style)
{
	if (x < a->x || x + len > a->x + a->w || y < a->y || y >= a->y + a->h)
		return false;
	for (int i = 0; i < len; i++)
		if (!coverable(canvas_get(c, x + i, y), own_style))
			return false;
	/* a gap of one cell to the next label or model tag, so neither reads into the other */
	for (int i = -1; i <= len; i += len + 1) {
		struct glyph g = canvas_get(c, x + i, y);
		if (is_label(g) || g.style == STYLE_MODEL || g.style == STYLE_COLLISION)
			return false;
	}
	return true;
}

/* ---- contours ---- */

/* Whether the contours are of the error a downstream map derives, not of L. */
static bool error_contours(const struct map_spec *s)
{
	return s->error_map != NULL && s->delta_law == NULL;
}

/* L at every grid corner, row-major from the bottom-left; NaN where undefined. */
static double *corner_grid(const struct map_spec *s, const struct frame *f)
{
	int w = f->area.w, h = f->area.h;
	double *z = malloc(sizeof *z * (size_t)(w + 1) * (size_t)(h + 1));

	if (z == NULL)
		return NULL;
	for (int j = 0; j <= h; j++) {
		double d = axis_value(&f->y, j);
		for (int i = 0; i <= w; i++) {
			double l, l2 = 0, n = axis_value(&f->x, i);
			if (law_loss(s->law, n, d, s->u, &l) != MODEL_OK ||
			    (s->delta_law != NULL &&
			     law_loss(s->delta_law, n, d, s->u, &l2) != MODEL_OK))
				l = NAN;
			z[j * (w + 1) + i] =
			        error_contours(s) ? downstream_error(s->error_map, l) : l - l2;
		}
	}
	return z;
}

/* Nice levels over the finite range of the grid. */
static void choose_levels(const struct map_spec *s, const double *z, int ncorners, struct map *m,
                          int *decimals)
{
	double lo = INFINITY, hi = -INFINITY;
	/* levels are spaced evenly in log of the reducible loss */
	double base = s->law->family == LAW_KAPLAN ? 0 : s->law->E;
	int want = m->frame.area.h / 2;

	for (int i = 0; i < ncorners; i++)
		if (isfinite(z[i])) {
			lo = fmin(lo, z[i]);
			hi = fmax(hi, z[i]);
		}
	want = want < 4 ? 4 : want > 9 ? 9 : want;
	/* a difference, or an error: round, evenly spaced levels (0.5, 0.45, 0.4 ...) */
	if (s->delta_law != NULL || error_contours(s)) {
		double lv[64];
		int dec, n = isfinite(lo) ? contour_levels_linear(lo, hi, want, lv, &dec) : 0;
		m->nlevels = n < CANVAS_MAX_LEVELS ? n : CANVAS_MAX_LEVELS;
		for (int k = 0; k < m->nlevels; k++) {
			m->levels[k] = lv[k];
			decimals[k] = dec;
		}
		return;
	}
	m->nlevels = isfinite(lo) ? contour_levels(lo, hi, base, want, m->levels, decimals) : 0;
}

static void draw_contours(struct canvas *c, const struct frame *f, const double *z,
                          const struct map *m)
{
	int w = f->area.w, h = f->area.h;

	for (int j = 0; j < h; j++)
		for (int i = 0; i < w; i++) {
			const double *row = z + j * (w + 1), *up = row + (w + 1);
			double v[4] = {row[i], row[i + 1], up[i + 1], up[i]};
			double vmin = fmin(fmin(v[0], v[1]), fmin(v[2], v[3]));
			double vmax = fmax(fmax(v[0], v[1]), fmax(v[2], v[3]));
			struct contour_segment seg[2];
			for (int k = 0; k < m->nlevels; k++) {
				if (m->levels[k] <= vmin || m->levels[k] > vmax)
					continue;
				if (contour_cell(v, m->levels[k], seg) == 0)
					continue;
				canvas_put(c, f->area.x + i, f->area.y + h - 1 - j,
				           segment_char(&seg[0]), STYLE_CONTOUR + k);
				break;
			}
		}
}

/* Label each level once, on a flat stretch of its line near the right if it can. */
static void label_contours(struct canvas *c, const struct frame *f, const struct map *m,
                           const int *decimals)
{
	const struct rect *a = &f->area;

	for (int k = 0; k < m->nlevels; k++) {
		char text[16];
		int len = snprintf(text, sizeof text, m->delta ? "%+.*f" : "%.*f", decimals[k],
		                   m->levels[k]);
		if (m->delta && m->levels[k] == 0)
			len = snprintf(text, sizeof text, "0");
		int style = STYLE_CONTOUR + k, best_x = -1, best_y = -1;
		double best = -INFINITY;
		for (int y = a->y; y < a->y + a->h; y++)
			for (int x = a->x; x < a->x + a->w; x++) {
				struct glyph g = canvas_get(c, x, y);
				if (g.style != style)
					continue;
				int x0 = x - len / 2;
				if (!label_fits(c, a, x0, y, len, style))
					continue;
				bool flat = g.ch == '-' || g.ch == '_';
				double score =
				        (flat ? 1.0 : 0.0) - fabs((x - a->x) / (double)a->w - 0.8);
				if (score > best) {
					best = score;
					best_x = x0;
					best_y = y;
				}
			}
		if (best_x >= 0)
			canvas_text(c, best_x, best_y, text, len, STYLE_LABEL);
	}
}

/* ---- lines ---- */

/* Only over the background: iso-FLOP lines yield to everything else. */
#define UNDER (FRAME_STYLE(STYLE_BLANK) | FRAME_STYLE(STYLE_SHADE))

/* Whether the cell's centre lies outside the law's fitted range (where its preset gives one). */
static bool beyond_fit(const struct frame *f, const struct map_spec *s, int x, int y)
{
	const struct law_range *rn = &s->law->params, *rd = &s->law->tokens;
	double n, d;

	frame_value(f, x, y, &n, &d);
	return (rn->hi > 0 && (n < rn->lo || n > rn->hi)) ||
	       (rd->hi > 0 && (d < rd->lo || d > rd->hi));
}

/* Whether cell (x, y) is beyond the fit but touches a cell inside it: the fit's edge. */
static bool fit_edge(const struct frame *f, const struct map_spec *s, int x, int y)
{
	static const int dx[4] = {1, -1, 0, 0}, dy[4] = {0, 0, 1, -1};
	const struct rect *a = &f->area;

	for (int i = 0; i < 4; i++) {
		int nx = x + dx[i], ny = y + dy[i];
		if (nx >= a->x && nx < a->x + a->w && ny >= a->y && ny < a->y + a->h &&
		    !beyond_fit(f, s, nx, ny))
			return true;
	}
	return false;
}

/*
 * Outside the law's fitted range (from its preset, where the paper gives one)
 * the map is extrapolation. A carpet of marks over all of it buried the
 * iso-FLOP lines at Chinchilla's scale, where most of the map lies beyond the
 * fit; instead the fit's edge is drawn whole in '`' (one cell outside it), and
 * beyond it only one cell in twelve carries a '`', enough to say which side
 * is which without colour. Where the loss is below the paper's breakdown
 * loss (Kaplan's L* ~ 1.7, Section 6.3) the law is not merely extrapolated
 * but said to fail: '~' on every other cell there instead.
 */
static void draw_shading(struct canvas *c, const struct frame *f, const struct map_spec *s)
{
	const struct rect *a = &f->area;
	double floor = law_has_surface(s->law) ? s->law->breakdown_loss : 0;
	bool ranged = s->law->params.hi > 0 || s->law->tokens.hi > 0;

	if (!ranged && floor <= 0)
		return;
	for (int y = a->y; y < a->y + a->h; y++)
		for (int x = a->x; x < a->x + a->w; x++) {
			double n, d, loss;
			bool tilde = (x + y) % 2 == 0, tick = (x + 5 * y) % 12 == 0;
			if (canvas_get(c, x, y).style != STYLE_BLANK)
				continue;
			frame_value(f, x, y, &n, &d);
			bool broken = floor > 0 && law_loss(s->law, n, d, 0, &loss) == MODEL_OK &&
			              loss < floor;
			if (broken) {
				if (tilde)
					canvas_put(c, x, y, '~', STYLE_SHADE);
			} else if (ranged && beyond_fit(f, s, x, y) &&
			           (tick || fit_edge(f, s, x, y)))
				canvas_put(c, x, y, '`', STYLE_SHADE);
		}
}

/* Whether any cell of the window lies below the law's breakdown loss (its corner of most N, D). */
static bool below_breakdown(const struct map_spec *s)
{
	double loss;

	return law_has_surface(s->law) && s->law->breakdown_loss > 0 &&
	       law_loss(s->law, s->n_hi, s->d_hi, 0, &loss) == MODEL_OK &&
	       loss < s->law->breakdown_loss;
}

/*
 * The data view (Muennighoff et al. 2023): the row D = 4U, up to which
 * repeated data is about as good as new (their abstract: "up to 4 epochs
 * ... negligible changes to loss"), and under a data-constrained law the
 * rows beyond D = U (1 + R_D*), where each further repeated token is worth
 * less than 1/e (37%) of a new one (dD'/dD = e^(-R_D/R_D*)): the returns of
 * more data have mostly run out.
 */
static void draw_data_wall(struct canvas *c, const struct frame *f, const struct map_spec *s)
{
	const struct rect *a = &f->area;
	int cx, cy;

	if (s->law->family == LAW_DATA_CONSTRAINED && s->law->rd_star > 0)
		for (int y = a->y; y < a->y + a->h; y++)
			for (int x = a->x; x < a->x + a->w; x++) {
				double n, d;
				if ((x + y) % 3 != 0)
					continue;
				frame_value(f, x, y, &n, &d);
				struct glyph g = canvas_get(c, x, y);
				if (d > s->wall_u * (1 + s->law->rd_star) &&
				    (g.style == STYLE_BLANK || g.style == STYLE_SHADE))
					canvas_put(c, x, y, ':', STYLE_SHADE);
			}
	if (s->n_lo > 0 && frame_cell(f, s->n_lo, 4 * s->wall_u, &cx, &cy))
		for (int x = a->x; x < a->x + a->w; x++) {
			struct glyph g = canvas_get(c, x, cy);
			if (g.style == STYLE_BLANK || g.style == STYLE_SHADE ||
			    g.style == STYLE_ISOFLOP)
				canvas_put(c, x, cy, '=', STYLE_FRONTIER2);
		}
}

/* Iso-FLOP lines k N D = 10^e for the decades that cross the window. */
static void draw_isoflops(struct canvas *c, const struct frame *f, const struct map_spec *s)
{
	double k = s->law->k;
	int e0 = canvas_clamp_int(ceil(log10(k * s->n_lo * s->d_lo)), -400, 400),
	    e1 = canvas_clamp_int(floor(log10(k * s->n_hi * s->d_hi)), -400, 400);
	struct frame_pen mk = {c, MAP_ISOFLOP_GLYPH, STYLE_ISOFLOP, UNDER, true};

	for (int e = e0; e <= e1; e++) {
		double tokens_x_params = pow(10, e) / k;
		double na = fmax(s->n_lo, tokens_x_params / s->d_hi);
		double nb = fmin(s->n_hi, tokens_x_params / s->d_lo);
		if (!(na < nb))
			continue;
		frame_walk(f, na, tokens_x_params / na, nb, tokens_x_params / nb, frame_pen_cell,
		           &mk);
	}
}

/* Their labels, 1e21, where each line meets the top edge (or else the bottom). */
static void label_isoflops(struct canvas *c, const struct frame *f, const struct map_spec *s)
{
	const struct rect *a = &f->area;
	double k = s->law->k;
	int e0 = canvas_clamp_int(ceil(log10(k * s->n_lo * s->d_lo)), -400, 400),
	    e1 = canvas_clamp_int(floor(log10(k * s->n_hi * s->d_hi)), -400, 400);

	for (int e = e0; e <= e1; e++) {
		double tokens_x_params = pow(10, e) / k;
		char text[16];
		int len = snprintf(text, sizeof text, "1e%d", e), cx, cy;
		double n_top = tokens_x_params / s->d_hi, n_bottom = tokens_x_params / s->d_lo;
		if (n_top > s->n_lo && frame_cell(f, n_top, s->d_hi, &cx, &cy) &&
		    label_fits(c, a, cx + 1, a->y, len, STYLE_ISOFLOP)) {
			canvas_text(c, cx + 1, a->y, text, len, STYLE_ISOFLOP);
			continue;
		}
		int row = a->y + a->h - 1;
		if (n_bottom < s->n_hi && frame_cell(f, n_bottom, s->d_lo, &cx, &cy) &&
		    label_fits(c, a, cx - len, row, len, STYLE_ISOFLOP)) {
			canvas_text(c, cx - len, row, text, len, STYLE_ISOFLOP);
			continue;
		}
		/* a line that crosses from the left edge to the right: label it at the right */
		double d_right = tokens_x_params / s->n_hi;
		if (frame_cell(f, s->n_hi, d_right, &cx, &cy) && cy - 1 >= a->y &&
		    label_fits(c, a, a->x + a->w - len, cy - 1, len, STYLE_ISOFLOP))
			canvas_text(c, a->x + a->w - len, cy - 1, text, len, STYLE_ISOFLOP);
	}
}

/* Whether the segment between two (N, D) points can touch the window. */
static bool segment_near_window(const struct map_spec *s, double n0, double d0, double n1,
                                double d1)
{
	return fmax(n0, n1) >= s->n_lo && fmin(n0, n1) <= s->n_hi && fmax(d0, d1) >= s->d_lo &&
	       fmin(d0, d1) <= s->d_hi;
}

/* A frontier point: log10 of compute, parameters and tokens. */
struct fpoint {
	double lc, ln, ld;
};

struct frontier_walk {
	const struct frame *f;
	const struct map_spec *s;
	const struct law *law;
	double t; /* > 0: the inference-aware model of each optimum's loss instead */
	struct frame_pen *mk;
	double cx, cy; /* one cell in decades of N and of D */
};

static bool frontier_at(const struct frontier_walk *w, double lc, struct fpoint *p)
{
	struct allocation a;

	if (optimum_at_compute(w->law, pow(10, lc), w->s->u, &a) != MODEL_OK)
		return false;
	if (w->t > 0) { /* Sardana et al. 2023: the cheapest model over its life at that loss */
		struct inference_plan plan;
		if (!a.has_loss ||
		    optimum_inference(w->law, a.loss, w->s->u, w->t, &plan) != MODEL_OK)
			return false;
		a = plan.aware;
	}
	*p = (struct fpoint){lc, log10(a.params), log10(a.tokens)};
	return true;
}

/*
 * Draw the frontier between p and q, bisecting in compute while the true
 * midpoint strays more than a fifth of a cell from the straight join (or the
 * join is long): a nearly straight frontier costs a few searches per decade,
 * a bent one (a data wall) gets the points it needs.
 */
static void frontier_between(const struct frontier_walk *w, struct fpoint p, struct fpoint q,
                             int depth)
{
	struct fpoint m;
	double cells = fmax(fabs(q.ln - p.ln) / w->cx, fabs(q.ld - p.ld) / w->cy);

	if (!segment_near_window(w->s, pow(10, p.ln), pow(10, p.ld), pow(10, q.ln), pow(10, q.ld)))
		return;
	if (depth >= 12 || !frontier_at(w, (p.lc + q.lc) / 2, &m)) {
		frame_walk(w->f, pow(10, p.ln), pow(10, p.ld), pow(10, q.ln), pow(10, q.ld),
		           frame_pen_cell, w->mk);
		return;
	}
	double stray = fmax(fabs(m.ln - (p.ln + q.ln) / 2) / w->cx,
	                    fabs(m.ld - (p.ld + q.ld) / 2) / w->cy);
	if (stray < 0.2 && (cells <= 32 || depth >= 2)) {
		frame_walk(w->f, pow(10, p.ln), pow(10, p.ld), pow(10, m.ln), pow(10, m.ld),
		           frame_pen_cell, w->mk);
		frame_walk(w->f, pow(10, m.ln), pow(10, m.ld), pow(10, q.ln), pow(10, q.ld),
		           frame_pen_cell, w->mk);
		return;
	}
	frontier_between(w, p, m, depth + 1);
	frontier_between(w, m, q, depth + 1);
}

/*
 * A law's compute-optimal frontier: one search per two decades of compute over
 * the window (padded, since a frontier can leave the window in N before it
 * does in C), then bisection where the curve needs it. Each search costs
 * tens of microseconds for the data-constrained law, so the count matters.
 */
static void draw_frontier(struct canvas *c, const struct frame *f, const struct map_spec *s,
                          const struct law *law, double t, char ch, int style)
{
	double lc0 = log10(fmax(law->k * s->n_lo * s->d_lo / 10, LAW_COMPUTE_MIN));
	double lc1 = log10(fmin(law->k * s->n_hi * s->d_hi * 10, LAW_COMPUTE_MAX));
	struct frame_pen mk = {c, ch, style, 0, false}; /* over anything */
	struct frontier_walk w = {f,
	                          s,
	                          law,
	                          t,
	                          &mk,
	                          (f->x.hi - f->x.lo) / f->area.w,
	                          (f->y.hi - f->y.lo) / f->area.h};
	struct fpoint prev, p;
	bool have_prev = false;

	/* every second decade of C, and lc1 last: a count, never a running sum */
	int steps = canvas_clamp_int(ceil((lc1 - lc0) / 2), 0, 64);
	for (int i = 0; i <= steps; i++) {
		double at = fmin(lc0 + 2 * i, lc1);
		if (!frontier_at(&w, at, &p)) {
			have_prev = false;
		} else {
			if (have_prev)
				frontier_between(&w, prev, p, 0);
			prev = p;
			have_prev = true;
		}
	}
}

/* ---- markers and legend ---- */

/* Whether cells [x, x + len) of row y meet what marker t occupies. */
static bool meets(const struct map_tag *t, int x, int y, int len)
{
	return t->place != MARKER_OFF_MAP && t->cy == y && t->x < x + len && x < t->x + t->len;
}

/* Marker t becomes a '+' at its cell: it met another marker there. */
static void make_plus(struct map_tag *t)
{
	t->place = MARKER_COLLISION;
	t->x = t->cx;
	t->len = 1;
}

/* Whether cells [start, start + len) of row cy are in the plot and meet none of tags[0..n). */
static bool tag_free(const struct rect *a, const struct map_tag *tags, int n, int start, int cy,
                     int len)
{
	if (start < a->x || start + len > a->x + a->w)
		return false;
	for (int j = 0; j < n; j++)
		if (meets(&tags[j], start, cy, len))
			return false;
	return true;
}

/* The first start from cx leftwards where a tag of len fits beside tags[0..n), or INT_MIN. */
static int free_start(const struct rect *a, const struct map_tag *tags, int n, int cx, int cy,
                      int len)
{
	for (int start = cx; start >= cx - len + 1; start -= len > 1 ? len - 1 : 1)
		if (tag_free(a, tags, n, start, cy, len))
			return start;
	return INT_MIN;
}

/*
 * Where a marked tag goes: touching its cell as any tag, else one cell
 * away on either side (so that two marked models a cell apart both read),
 * or INT_MIN. Only marked tags are placed when it is asked.
 */
static int marked_start(const struct rect *a, const struct map_tag *tags, int n, int cx, int cy,
                        int len)
{
	int start = free_start(a, tags, n, cx, cy, len);

	if (start == INT_MIN && tag_free(a, tags, n, cx + 1, cy, len))
		start = cx + 1;
	if (start == INT_MIN && tag_free(a, tags, n, cx - len, cy, len))
		start = cx - len;
	return start;
}

/* Whether cell (x, y) lies under a placed marked tag among tags[0..n). */
static bool under_marked(const struct map_spec *s, const struct map_tag *tags, int n, int x, int y)
{
	for (int j = 0; j < n; j++)
		if (s->markers[tags[j].model].priority >= MAP_MARKED &&
		    tags[j].place == MARKER_TAG && meets(&tags[j], x, y, 1))
			return true;
	return false;
}

/*
 * Marker i when nothing is left for its tag. An unmarked one yields: under
 * a marked tag it is not drawn; elsewhere it becomes a '+' at its cell, and
 * so does every unmarked tag that covers that cell: a '+' stands for all of
 * them (the legend says "(+)" after each), and no tag is left with a
 * letter cut. A marked one that found no room (marked tags crowding each
 * other) does the same, but never turns a marked tag into a '+'.
 */
static void crowd_out(const struct map_spec *s, struct map_tag *tags, int n, int i)
{
	int cx = tags[i].cx, cy = tags[i].cy;

	if (under_marked(s, tags, n, cx, cy)) {
		tags[i].place = MARKER_YIELDED;
		tags[i].x = cx;
		tags[i].len = 0;
		return;
	}
	make_plus(&tags[i]);
	for (int j = 0; j < n; j++)
		if (j != i && tags[j].place == MARKER_TAG && meets(&tags[j], cx, cy, 1))
			make_plus(&tags[j]);
}

/*
 * Where each marker goes, recorded in m->tags: marked ones first, so that
 * their tags are always whole, then the rest in order. A tag starts at
 * its cell, or ends there when the right is taken; crowd_out says what
 * happens when neither fits.
 */
static void place_markers(const struct frame *f, const struct map_spec *s, struct map *m)
{
	struct map_tag *tags = m->tags;
	int n = s->nmarkers;

	m->ntags = n;
	for (int i = 0; i < n; i++) {
		tags[i] = (struct map_tag){i, MARKER_OFF_MAP, 0, -1, 0, 0};
		if (strlen(s->markers[i].tag) < 1 ||
		    !frame_cell(f, s->markers[i].n, s->markers[i].d, &tags[i].cx, &tags[i].cy))
			tags[i].cy = -1; /* never placed */
	}
	/* a tag not yet placed is MARKER_OFF_MAP, which meets nothing */
	for (int pass = 0; pass < 2; pass++)
		for (int i = 0; i < n; i++) {
			bool marked = s->markers[i].priority >= MAP_MARKED;
			int len = (int)strlen(s->markers[i].tag);
			if (tags[i].cy < 0 || marked != (pass == 0))
				continue;
			int start =
			        marked ? marked_start(&f->area, tags, n, tags[i].cx, tags[i].cy,
			                              len)
			               : free_start(&f->area, tags, n, tags[i].cx, tags[i].cy, len);
			if (start != INT_MIN) {
				tags[i].place = MARKER_TAG;
				tags[i].x = start;
				tags[i].len = len;
			} else {
				crowd_out(s, tags, n, i);
			}
		}
}

static void draw_markers(struct canvas *c, const struct map_spec *s, const struct map *m)
{
	for (int i = 0; i < m->ntags; i++)
		if (m->tags[i].place == MARKER_TAG)
			canvas_text(c, m->tags[i].x, m->tags[i].cy, s->markers[i].tag,
			            m->tags[i].len, STYLE_MODEL);
	/* no tag covers a '+': tags avoid them, and a tag a '+' lands on becomes one */
	for (int i = 0; i < m->ntags; i++)
		if (m->tags[i].place == MARKER_COLLISION)
			canvas_put(c, m->tags[i].cx, m->tags[i].cy, '+', STYLE_COLLISION);
}

/* The legend's entries as they are collected: each with its short form and whether it shows. */
struct legend_list {
	char (*out)[96];
	char (*shorts)[96];
	bool *seen; /* its glyph is on the map (or it is no glyph's: a count, a name) */
	int n, max;
};

static void legend_add(struct legend_list *l, bool seen, const char *shortf, const char *fmt, ...)
        __attribute__((format(printf, 4, 5)));

/* Append an entry (and its short form, or NULL), while there is room. */
static void legend_add(struct legend_list *l, bool seen, const char *shortf, const char *fmt, ...)
{
	va_list ap;

	if (l->n >= l->max)
		return;
	va_start(ap, fmt);
	vsnprintf(l->out[l->n], 96, fmt, ap);
	va_end(ap);
	snprintf(l->shorts[l->n], 96, "%s", shortf != NULL ? shortf : "");
	l->seen[l->n++] = seen;
}

/*
 * Entries whose glyph is on the map first, in their order, then the rest
 * (a band within '*', markers off the map): a full legend gives up what
 * the reader cannot see before what they can.
 */
static void legend_seen_first(struct legend_list *l)
{
	char tmp[96], tmps[96];

	for (int done = 0, i = 0; i < l->n; i++) {
		if (!l->seen[i])
			continue;
		/* move entry i down to done, shifting the unseen ones up: stable */
		memcpy(tmp, l->out[i], 96);
		memcpy(tmps, l->shorts[i], 96);
		for (int j = i; j > done; j--) {
			memcpy(l->out[j], l->out[j - 1], 96);
			memcpy(l->shorts[j], l->shorts[j - 1], 96);
			l->seen[j] = l->seen[j - 1];
		}
		memcpy(l->out[done], tmp, 96);
		memcpy(l->shorts[done], tmps, 96);
		l->seen[done++] = true;
	}
}

/* The legend's entries a view adds (inference, prices, epochs, where the law fails). */
static void legend_view_entries(struct legend_list *l, const struct map_spec *s, bool has_surface)
{
	if (s->inference_t > 0 && has_surface) {
		char tb[16];
		units_format_count(s->inference_t, tb, sizeof tb);
		legend_add(l, true, NULL, "%% inference-aware, T = %s", tb);
	}
	if (priced(s) && has_surface)
		legend_add(l, true, NULL, "& USD-optimal (derived)");
	if (priced(s))
		legend_add(l, true, NULL, "$ lifetime USD");
	if (s->wall_u > 0)
		legend_add(l, true, NULL, "= 4 epochs");
	if (s->wall_u > 0 && s->law->family == LAW_DATA_CONSTRAINED)
		legend_add(l, true, NULL, ": D > U(1+R_D*)");
	/* before the common glyphs: where the law is said to fail matters more than dots */
	if (below_breakdown(s))
		legend_add(l, true, NULL, "~ L<%g invalid", s->law->breakdown_loss);
}

/*
 * The legend's entries: a key to the glyphs, how many markers were not
 * drawn, then one per marker; with their short forms into shorts. With
 * runs, the runs come right after the optimum, then the band, then the
 * fit's edge '`' (listed only when a '`' is on the map): they are what a
 * map of one's own fit is about.
 */
static int legend_entries(const struct map_spec *s, const enum marker_place *places,
                          const struct map *m, int hidden, char (*out)[96], char (*shorts)[96],
                          int max)
{
	bool has_surface = m->has_surface;
	bool seen[MAP_MAX_MARKERS + 20];
	struct legend_list l = {out, shorts, seen, 0,
	                        max < MAP_MAX_MARKERS + 20 ? max : MAP_MAX_MARKERS + 20};
	bool ranged = s->law->params.hi > 0 || s->law->tokens.hi > 0;
	bool beyond = ranged && m->beyond_cells > 0;

	/* a law compared with is what the viewer asked for: named before all else */
	if (s->frontier2 != NULL && s->compared)
		legend_add(&l, true, NULL, "# %s", s->frontier2_name);
	/* error contours replace the loss's: the legend says what the numbers are */
	if (error_contours(s) && has_surface) {
		/* the map holds for the losses it was fitted on; a law's lower losses,
		   the common case, are extrapolation: say where the fit ends */
		const struct law_range *r = &s->error_map->loss;
		if (r->hi > r->lo)
			legend_add(&l, true, NULL, "contours: error (derived, fit L>=%.2f)", r->lo);
		else
			legend_add(&l, true, NULL, "contours: top-1 error (derived)");
	}
	/* models left off a crowded map: first, so that a full legend never drops the count */
	if (hidden > 0)
		legend_add(&l, true, NULL, "%d models not drawn", hidden);
	/* what a view adds comes next: it is what the viewer just asked for */
	legend_view_entries(&l, s, has_surface);
	/* the frontiers next: on a narrow map they are the story, the dots are labelled;
	   a law that fits no allocation (L(N) alone, exponents alone) draws none to key */
	if (has_surface || law_fits_allocation(s->law))
		legend_add(&l, true, NULL, "%s",
		           !has_surface                  ? "* frontier"
		           : law_optimum_derived(s->law) ? "* Eq.1.5 optimum"
		                                         : "* optimal");
	/* a difference map's lines are of dL, not of L: its '/' and '-' are no new glyph */
	if (m->delta && m->nlevels > 0)
		legend_add(&l, true, "/ dL", "/ dL contours");
	/* the user's runs: the data the band and the fit's edge are drawn around */
	if (s->nruns > 0)
		legend_add(&l, m->run_cells > 0, NULL, "x %s (%d)",
		           s->runs_legend ? s->runs_legend : "runs", s->nruns);
	if (s->nproposed > 0)
		legend_add(&l, true, NULL, "+ proposed (%d)", s->nproposed);
	struct map_spread spread = spread_of(s);
	char band[1][96];
	if (has_surface && map_spread_legend(&spread, m->band_cells, band, 1) == 1)
		legend_add(&l, m->band_cells > 0, NULL, "%s", band[0]);
	if (beyond && s->nruns > 0)
		legend_add(&l, true, "` beyond fit", "` beyond the fit");
	if (s->frontier2 != NULL && !s->compared)
		legend_add(&l, true, NULL, "o %s", s->frontier2_name);
	/* the stock before the dots: its interval is drawn unlabelled */
	struct map_band stock = band_of(s);
	char sk[4][96];
	int ns = map_stock_legend(&stock, sk, 4);
	for (int i = 0; i < ns; i++)
		legend_add(&l, true, NULL, "%s", sk[i]);
	legend_add(&l, true, NULL, ". FLOPs");
	if (beyond && s->nruns == 0)
		legend_add(&l, true, "` beyond fit", "` beyond the fit");
	if (s->has_point)
		legend_add(&l, true, NULL, "@ %s", s->point_legend ? s->point_legend : "point");
	for (int i = 0; i < s->nmarkers; i++)
		legend_add(&l, places[i] != MARKER_OFF_MAP && places[i] != MARKER_YIELDED, NULL,
		           "%s%s %s%s", s->markers[i].tag,
		           places[i] == MARKER_COLLISION ? "(+)" : "", s->markers[i].name,
		           places[i] == MARKER_OFF_MAP   ? " (off map)"
		           : places[i] == MARKER_YIELDED ? " (hidden)"
		                                         : "");
	legend_seen_first(&l);
	return l.n;
}

/* How many cells of the plot show glyph ch in style, after every layer. */
static int cells_showing(const struct canvas *c, const struct rect *a, char ch, int style)
{
	int k = 0;

	for (int y = a->y; y < a->y + a->h; y++)
		for (int x = a->x; x < a->x + a->w; x++) {
			struct glyph g = canvas_get(c, x, y);
			k += g.ch == ch && g.style == style;
		}
	return k;
}

/* Everything but the legend, into a frame laid out for `lines` legend lines. */
static int draw_layers(struct canvas *c, struct rect r, const struct map_spec *s, struct map *m,
                       enum marker_place *places, int lines)
{
	int decimals[CANVAS_MAX_LEVELS];

	m->frame = (struct frame){
	        .x = {log10(s->n_lo), log10(s->n_hi), true, 0},
	        .y = {log10(s->d_lo), log10(s->d_hi), true, 0},
	        .x_format = TICK_COUNT,
	        .y_format = TICK_COUNT,
	};
	if (!frame_layout(&m->frame, r, 1, lines))
		return -1;
	canvas_fill_rect(c, r, ' ', STYLE_BLANK);
	frame_draw_axes(&m->frame, c);
	draw_shading(c, &m->frame, s);
	draw_isoflops(c, &m->frame, s);
	m->nlevels = 0;
	if (m->has_surface) {
		int nz = (m->frame.area.w + 1) * (m->frame.area.h + 1);
		double *z = corner_grid(s, &m->frame);
		if (z == NULL)
			return -1;
		choose_levels(s, z, nz, m, decimals);
		draw_contours(c, &m->frame, z, m);
		free(z);
	}
	if (s->wall_u > 0)
		draw_data_wall(c, &m->frame, s);
	struct map_costs costs = costs_of(s);
	map_cost_draw(c, &m->frame, &costs); /* over the dots, under everything after */
	struct map_band band = band_of(s);
	map_stock_draw(c, &m->frame, &band); /* under the frontiers, models and point */
	if (s->frontier2 != NULL)
		draw_frontier(c, &m->frame, s, s->frontier2, 0, s->compared ? '#' : 'o',
		              STYLE_FRONTIER2);
	if (priced(s) && m->has_surface) /* Sardana's frontier at T x serve/train dollars a FLOP */
		draw_frontier(c, &m->frame, s, s->law,
		              s->inference_t * (s->usd_serve_flop / s->usd_train_flop), '&',
		              STYLE_FRONTIER2);
	if (s->inference_t > 0 && m->has_surface)
		draw_frontier(c, &m->frame, s, s->law, s->inference_t, '%', STYLE_FRONTIER2);
	draw_frontier(c, &m->frame, s, s->law, 0, '*', STYLE_FRONTIER);
	if (m->has_surface) { /* around the frontier, never over it */
		struct map_spread spread = spread_of(s);
		m->band_cells = map_spread_draw(c, &m->frame, &spread);
	}
	/* the runs show where the law is data and where it is extrapolation */
	for (int i = 0; i < s->nruns; i++) {
		int cx, cy;
		if (frame_cell(&m->frame, s->runs[i].params, s->runs[i].tokens, &cx, &cy))
			canvas_put(c, cx, cy, 'x', STYLE_RUN);
	}
	for (int i = 0; i < s->nproposed; i++) { /* over the user's where they meet */
		int cx, cy;
		if (frame_cell(&m->frame, s->proposed[i].params, s->proposed[i].tokens, &cx, &cy))
			canvas_put(c, cx, cy, '+', STYLE_RUN);
	}
	place_markers(&m->frame, s, m);
	for (int i = 0; i < m->ntags; i++)
		places[i] = m->tags[i].place;
	draw_markers(c, s, m);
	if (m->has_surface)
		label_contours(c, &m->frame, m, decimals);
	map_cost_label(c, &m->frame, &costs);
	label_isoflops(c, &m->frame, s);
	/* what the legend keys is what shows: labels and tags may have covered it */
	m->beyond_cells = cells_showing(c, &m->frame.area, '`', STYLE_SHADE);
	m->run_cells = cells_showing(c, &m->frame.area, 'x', STYLE_RUN);
	return 0;
}

/* A marker's claim to a place on a crowded map. */
struct marker_rank {
	int priority;   /* the marker's own */
	double compute; /* N D: the bigger run first */
	int index;      /* in the caller's order, which breaks ties */
};

/* Marker order when not all fit: priority, then compute, then the caller's order. */
static int by_rank(const void *pa, const void *pb)
{
	const struct marker_rank *a = pa, *b = pb;

	if (a->priority != b->priority)
		return a->priority > b->priority ? -1 : 1;
	if (a->compute != b->compute)
		return a->compute > b->compute ? -1 : 1;
	return a->index - b->index;
}

/*
 * The MAP_MAX_MARKERS markers drawn when there are more, by priority, kept
 * in the caller's order; idx[i] is chosen[i]'s index in s->markers.
 */
static int choose_markers(const struct map_spec *s, struct map_marker *chosen, int *idx)
{
	struct marker_rank *rank = malloc(sizeof *rank * (size_t)s->nmarkers);
	bool *keep = calloc((size_t)s->nmarkers, sizeof *keep);
	int n = 0;

	if (rank == NULL || keep == NULL) {
		free(rank);
		free(keep);
		return -1;
	}
	for (int i = 0; i < s->nmarkers; i++)
		rank[i] = (struct marker_rank){s->markers[i].priority,
		                               s->markers[i].n * s->markers[i].d, i};
	qsort(rank, (size_t)s->nmarkers, sizeof *rank, by_rank);
	for (int i = 0; i < MAP_MAX_MARKERS; i++)
		keep[rank[i].index] = true;
	for (int i = 0; i < s->nmarkers; i++)
		if (keep[i]) {
			idx[n] = i;
			chosen[n++] = s->markers[i];
		}
	free(rank);
	free(keep);
	return n;
}

/* map_draw_base for at most MAP_MAX_MARKERS markers. */
static int draw_base(struct canvas *c, struct rect r, const struct map_spec *s, struct map *m,
                     int hidden)
{
	enum { MAX_ENTRIES = MAP_MAX_MARKERS + 20 };
	char entries[MAX_ENTRIES][96], shorts[MAX_ENTRIES][96];
	enum marker_place places[MAP_MAX_MARKERS]; /* the legend's view of m->tags */

	memset(m, 0, sizeof *m);
	m->hidden = hidden;
	m->point_x = m->point_y = m->pushed = -1;
	if (r.w < MAP_MIN_W || r.h < MAP_MIN_H)
		return -1;
	m->has_surface =
	        law_has_surface(s->law) && (s->delta_law == NULL || law_has_surface(s->delta_law));
	m->delta = s->delta_law != NULL;

	/*
	 * The legend's height depends on where the markers land ("(off map)" is
	 * longer), which depends on the plot's height: guess with every marker
	 * on the map, and lay out again if the legend turns out longer.
	 */
	int max_lines = r.h / 3 < r.h - 10 ? r.h / 3 : r.h - 10;
	if (s->max_legend > 0 && max_lines > s->max_legend)
		max_lines = s->max_legend;
	if (max_lines < 1)
		max_lines = 1;
	for (int i = 0; i < s->nmarkers; i++)
		places[i] = MARKER_TAG;
	/* the guess: the runs and the fit's edge show */
	m->beyond_cells = 1;
	m->run_cells = s->nruns;
	int n = legend_entries(s, places, m, hidden, entries, shorts, MAX_ENTRIES);
	int lines = frame_legend_wrap_short(NULL, 0, 0, r.w, entries, shorts, n, max_lines,
	                                    &m->dropped);
	for (int attempt = 0; attempt < 3; attempt++) {
		if (draw_layers(c, r, s, m, places, lines) != 0)
			return -1;
		n = legend_entries(s, places, m, hidden, entries, shorts, MAX_ENTRIES);
		int need = frame_legend_wrap_short(NULL, 0, 0, r.w, entries, shorts, n, max_lines,
		                                   &m->dropped);
		if (need <= lines)
			break;
		lines = need;
	}
	int legend_y = m->frame.area.y + m->frame.area.h + 2;
	m->nlegend = frame_legend_wrap_short(c, r.x, legend_y, r.w, entries, shorts, n, lines,
	                                     &m->dropped);
	return 0;
}

int map_draw_base(struct canvas *c, struct rect r, const struct map_spec *s, struct map *m)
{
	if (s->nmarkers <= MAP_MAX_MARKERS)
		return draw_base(c, r, s, m, 0);

	/* too many to draw or list: the most important ones, and a count of the rest */
	struct map_spec few = *s;
	struct map_marker *chosen = malloc(sizeof *chosen * MAP_MAX_MARKERS);
	int *idx = malloc(sizeof *idx * MAP_MAX_MARKERS), rc = -1;
	if (chosen != NULL && idx != NULL && (few.nmarkers = choose_markers(s, chosen, idx)) >= 0) {
		few.markers = chosen;
		rc = draw_base(c, r, &few, m, s->nmarkers - few.nmarkers);
		for (int k = 0; k < m->ntags; k++) /* the caller's indices, not few's */
			m->tags[k].model = idx[m->tags[k].model];
	}
	free(chosen);
	free(idx);
	return rc;
}

/* Whether cells [x, x + len) of row y are inside the plot and hold no tag or '+'. */
static bool tag_room(const struct map *m, int x, int y, int len)
{
	const struct rect *a = &m->frame.area;

	if (x < a->x || x + len > a->x + a->w)
		return false;
	for (int k = 0; k < m->ntags; k++)
		if (meets(&m->tags[k], x, y, len))
			return false;
	return true;
}

/* The tag (index in m->tags) placed with its model's cell at (cx, cy), or -1. */
static int tag_from(const struct map *m, int cx, int cy)
{
	for (int k = 0; k < m->ntags; k++)
		if (m->tags[k].place == MARKER_TAG && m->tags[k].cx == cx && m->tags[k].cy == cy)
			return k;
	return -1;
}

/*
 * '@' at the point's cell. When the point sits on a model (the picker
 * jumps there, and the explorer opens on Chinchilla), '@' would hide the
 * first or last letter of its tag ("@h"). The tag steps aside by one cell
 * ("@Ch", "Ch@"), or when a neighbour's tag is in the way moves whole to the
 * other side of the '@' ("La@ OPT", the cell it left blank); it never
 * covers another tag, so where both sides are taken it stays cut. m notes
 * the '@' and the move.
 */
static void draw_point(struct canvas *c, const struct map_spec *s, struct map *m, int cx, int cy)
{
	int k = tag_from(m, cx, cy);

	m->point_x = cx;
	m->point_y = cy;
	if (k >= 0 && meets(&m->tags[k], cx, cy, 1)) { /* a marked tag may sit a cell away */
		const struct map_tag *t = &m->tags[k];
		int from = t->x, len = t->len, to;
		/* one cell away from the '@' if that cell is free, else whole across it */
		int near = from == cx ? cx + 1 : cx - len, far = from == cx ? cx - len : cx + 1;
		if (tag_room(m, from == cx ? cx + len : cx - len, cy, 1))
			to = near;
		else if (tag_room(m, far, cy, len))
			to = far;
		else
			to = INT_MIN;
		if (to != INT_MIN) {
			for (int x = from; x < from + len; x++)
				if (x < to || x >= to + len)
					canvas_put(c, x, cy, ' ', STYLE_BLANK);
			canvas_text(c, to, cy, s->markers[t->model].tag, len, STYLE_MODEL);
			m->pushed = k;
			m->pushed_x = to;
		}
	}
	canvas_put(c, cx, cy, '@', STYLE_CURRENT);
}

/*
 * With error contours, the error at the point after its loss, when the
 * title keeps the law's id beside it in width w: the contours' numbers
 * then read against the point's.
 */
static void error_tail(const struct map_spec *s, double loss, int w, char *tail, size_t size)
{
	const char *id = s->law_id != NULL ? s->law_id : s->law_name;
	size_t len = strlen(tail);

	if (!error_contours(s))
		return;
	snprintf(tail + len, size - len, ", error %.2f (%s)", downstream_error(s->error_map, loss),
	         downstream_outside(s->error_map, loss) ? "extrapolated" : "derived");
	if ((int)(strlen(id) + strlen(tail)) > w)
		tail[len] = '\0';
}

/* A difference map's title: it names the difference, and its value at the point leads, the
 * point's place giving way first (the sliders say it), then the value, never cut mid-word. */
static void delta_title(const struct map_spec *s, const char *nbuf, const char *dbuf, int w,
                        char *title, size_t size)
{
	char dtitle[256], tail[128] = "", lbuf[32];
	double l1, l2;

	snprintf(dtitle, sizeof dtitle, "dL = %s - %s", s->law_id ? s->law_id : s->law_name,
	         s->delta_name);
	if (s->has_point && law_loss(s->law, s->point_n, s->point_d, s->u, &l1) == MODEL_OK &&
	    law_loss(s->delta_law, s->point_n, s->point_d, s->u, &l2) == MODEL_OK &&
	    isfinite(l1 - l2)) {
		const char *sign = l1 >= l2 ? "+" : "";
		units_format_fixed(l1 - l2, 4, lbuf, sizeof lbuf);
		snprintf(tail, sizeof tail, ": %s%s at (%s, %s)", sign, lbuf, nbuf, dbuf);
		if ((int)(strlen(dtitle) + strlen(tail)) > w)
			snprintf(tail, sizeof tail, ": %s%s at @", sign, lbuf);
		if ((int)(strlen(dtitle) + strlen(tail)) > w)
			snprintf(tail, sizeof tail, ": %s%s", sign, lbuf);
		if ((int)(strlen(dtitle) + strlen(tail)) > w)
			tail[0] = '\0';
	}
	snprintf(title, size, "%s%s", dtitle, tail);
}

void map_draw_overlay(struct canvas *c, struct rect r, const struct map_spec *s, struct map *m)
{
	char tail[128] = "", nbuf[16], dbuf[16], title[512];
	int cx, cy;
	double loss = NAN;

	m->point_x = m->point_y = m->pushed = -1;

	/* the numbers matter most: the dataset goes first, then the name is cut */
	if (s->has_point) {
		units_format_count(s->point_n, nbuf, sizeof nbuf);
		units_format_count(s->point_d, dbuf, sizeof dbuf);
		if (m->has_surface &&
		    law_loss(s->law, s->point_n, s->point_d, s->u, &loss) == MODEL_OK &&
		    isfinite(loss)) {
			char lbuf[32];
			units_format_fixed(loss, 4, lbuf, sizeof lbuf);
			if (s->point_label != NULL) /* the model says where: N and D are its */
				snprintf(tail, sizeof tail, ": @ %s, L = %s", s->point_label, lbuf);
			else
				snprintf(tail, sizeof tail, ": L(%s, %s) = %s", nbuf, dbuf, lbuf);
		} else if (!m->has_surface)
			snprintf(tail, sizeof tail, ": no loss surface; @ %s, %s", nbuf, dbuf);
		else
			snprintf(tail, sizeof tail, ": @ %s, %s", nbuf, dbuf);
	} else if (!m->has_surface) {
		snprintf(tail, sizeof tail, ": no loss surface, frontier only");
	}
	if (m->has_surface && s->has_point && isfinite(loss))
		error_tail(s, loss, r.w, tail, sizeof tail);
	if (m->delta) {
		delta_title(s, nbuf, dbuf, r.w, title, sizeof title);
		canvas_fill_rect(c, (struct rect){r.x, r.y, r.w, 1}, ' ', STYLE_BLANK);
		canvas_text(c, r.x, r.y, title, r.w, STYLE_TEXT);
		if (s->has_point && frame_cell(&m->frame, s->point_n, s->point_d, &cx, &cy))
			draw_point(c, s, m, cx, cy);
		return;
	}
	/* without a loss the tail holds no number: rather than cut an id into another law's
	 * (henighan2020-image1 for -image16) it gives way, to its point, then to nothing */
	const char *id = s->law_id != NULL ? s->law_id : s->law_name;
	if ((int)(strlen(id) + strlen(tail)) > r.w && !m->has_surface && s->has_point)
		snprintf(tail, sizeof tail, ": @ %s, %s", nbuf, dbuf);
	if ((int)(strlen(id) + strlen(tail)) > r.w && !m->has_surface)
		snprintf(tail, sizeof tail, "%s", "");
	int room = r.w - (int)strlen(tail);
	snprintf(title, sizeof title, "%s, %s", s->law_name, s->dataset);
	if (!s->dataset[0] || (int)strlen(title) > room)
		snprintf(title, sizeof title, "%s", s->law_name);
	if ((int)strlen(title) > room && s->law_id != NULL)
		snprintf(title, sizeof title, "%s", s->law_id);
	if ((int)strlen(title) > room)
		title[room > 0 ? room : 0] = '\0';
	snprintf(title + strlen(title), sizeof title - strlen(title), "%s", tail);

	canvas_fill_rect(c, (struct rect){r.x, r.y, r.w, 1}, ' ', STYLE_BLANK);
	canvas_text(c, r.x, r.y, title, r.w, STYLE_TEXT);
	if (s->has_point && frame_cell(&m->frame, s->point_n, s->point_d, &cx, &cy))
		draw_point(c, s, m, cx, cy);
}

/* Where tag k shows after the overlay: false when the '@' cuts it (or hides its '+'). */
static bool shown_tag(const struct map *m, int k, struct map_tag *t)
{
	*t = m->tags[k];
	if (t->place == MARKER_OFF_MAP || t->place == MARKER_YIELDED)
		return false;
	if (k == m->pushed) {
		t->x = m->pushed_x;
		return true;
	}
	return !meets(t, m->point_x, m->point_y, 1);
}

int map_tag_at(const struct map *m, int x, int y)
{
	struct map_tag t;

	for (int k = 0; k < m->ntags; k++)
		if (shown_tag(m, k, &t) && meets(&t, x, y, 1))
			return t.model;
	return -1;
}

bool map_tag_of(const struct map *m, int model, struct map_tag *t)
{
	for (int k = 0; k < m->ntags; k++)
		if (m->tags[k].model == model)
			return shown_tag(m, k, t);
	return false;
}
