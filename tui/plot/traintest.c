/*
 * traintest.c: the train x test plane. A log-linear law's contours are
 * straight lines in log-log (log test = offset + per_unit P - exchange log
 * train), so each is drawn in closed form, clipped to the window, with one
 * character for the slope the window gives it: no grid of values and no
 * marching squares. The iso-total lines are sampled five times a column
 * and joined cell by cell (frame_walk), since their knee is sharp. Layers
 * go down in the order of what must never be lost: the fitted range's edge,
 * totals, contours, the marks, then labels only where they cover nothing of
 * those.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../model/units.h"
#include "traintest.h"

/* A character cell is about twice as tall as it is wide. */
#define CELL_ASPECT 2.0

/* The cells a line crossed, in order, for its label. */
#define TRAIL_MAX 1024
struct trail {
	struct frame_pen pen;
	int n;
	short x[TRAIL_MAX], y[TRAIL_MAX];
};

/*
 * The cheapest pair for the point's performance p, only where the law was
 * fitted: past its performance range (above 0 Elo is beyond perfect play)
 * the line says nothing, so no '*' is drawn for it.
 */
static bool fitted_cheapest(const struct tt_law *law, double p, double problems, double *tr,
                            double *te)
{
	*tr = *te = NAN;
	return tt_in_range(law->performance, p) && tt_cheapest(law, p, problems, tr, te);
}

/* frame_walk's visit: draw with the pen, remember the cell once. */
static void trail_cell(int x, int y, void *ctx)
{
	struct trail *t = ctx;

	frame_pen_cell(x, y, &t->pen);
	if (t->n > 0 && t->x[t->n - 1] == x && t->y[t->n - 1] == y)
		return;
	if (t->n < TRAIL_MAX) {
		t->x[t->n] = (short)x;
		t->y[t->n] = (short)y;
		t->n++;
	}
}

/* ---- labels ---- */

/* Whether a glyph is a label or a mark (a label keeps a cell's gap from them). */
static bool is_taken(struct glyph g)
{
	return g.style == STYLE_LABEL || g.style == STYLE_CURRENT || g.style == STYLE_FRONTIER;
}

/*
 * Whether text of length len fits at (x, y): over the background, the dots
 * or its own line, and with `crowded` over other contours too (where they
 * run closer than a label is long), never over a label or a mark.
 */
static bool label_fits(const struct canvas *c, const struct rect *a, int x, int y, int len, int own,
                       bool crowded)
{
	if (x < a->x || x + len > a->x + a->w || y < a->y || y >= a->y + a->h)
		return false;
	for (int i = -1; i <= len; i++) {
		struct glyph g = canvas_get(c, x + i, y);
		if (is_taken(g))
			return false;
		if (i >= 0 && i < len && g.style != STYLE_BLANK && g.style != STYLE_SHADE &&
		    g.style != STYLE_ISOFLOP && g.style != own &&
		    !(crowded && g.style >= STYLE_CONTOUR))
			return false;
	}
	return true;
}

/*
 * The label at the first cell of the trail where it fits, on the line, right
 * of it or left, with a blank each side so that a '-' of a line never reads as a
 * minus sign, nor a '.' as a decimal point. Over nothing else if it can.
 */
static bool label_trail(struct canvas *c, const struct rect *a, const struct trail *t,
                        const char *word, int own)
{
	char text[40];
	int len = snprintf(text, sizeof text, " %.30s ", word);

	for (int pass = 0; pass < 2; pass++)
		for (int i = 0; i < t->n; i++) {
			/* over the line's own cell (it runs out of the label), right, left */
			int xs[3] = {t->x[i] > a->x ? t->x[i] - 1 : a->x, t->x[i] + 1,
			             t->x[i] - len};
			for (int j = 0; j < 3; j++)
				if (label_fits(c, a, xs[j], t->y[i], len, own, pass == 1)) {
					canvas_text(c, xs[j], t->y[i], text, len, STYLE_LABEL);
					return true;
				}
		}
	return false;
}

/* ---- the fitted range ---- */

double traintest_default_problems(double train, double test)
{
	return fmax(1, pow(10, round(log10(train / test))));
}

bool traintest_point_fitted(const struct tt_law *law, double train, double test)
{
	return tt_in_range(law->train, train) && tt_in_range(law->test, test) &&
	       tt_in_range(law->performance, tt_performance(law, train, test));
}

/* Whether the cell's centre lies outside what the paper fitted (where it says). */
static bool beyond_fit(const struct frame *f, const struct tt_law *law, int x, int y)
{
	double train, test;

	frame_value(f, x, y, &train, &test);
	return !traintest_point_fitted(law, train, test);
}

/*
 * Beyond the fit, as on the map: its edge whole in '`' (one cell outside),
 * one cell in twelve past it, so that monochrome says which side is which.
 * The mask is computed once: each cell's four neighbours ask it again.
 */
static void draw_shading(struct canvas *c, const struct frame *f, const struct tt_law *law)
{
	const struct rect *a = &f->area;
	bool *out = malloc((size_t)a->w * (size_t)a->h);

	if (out == NULL)
		return;
	for (int j = 0; j < a->h; j++)
		for (int i = 0; i < a->w; i++)
			out[j * a->w + i] = beyond_fit(f, law, a->x + i, a->y + j);
	for (int j = 0; j < a->h; j++)
		for (int i = 0; i < a->w; i++) {
			if (!out[j * a->w + i])
				continue;
			bool edge = (i > 0 && !out[j * a->w + i - 1]) ||
			            (i + 1 < a->w && !out[j * a->w + i + 1]) ||
			            (j > 0 && !out[(j - 1) * a->w + i]) ||
			            (j + 1 < a->h && !out[(j + 1) * a->w + i]);
			if (edge || (i + 5 * j) % 12 == 0)
				canvas_put(c, a->x + i, a->y + j, TRAINTEST_BEYOND_GLYPH,
				           STYLE_SHADE);
		}
	free(out);
}

/* ---- contours ---- */

/*
 * A contour's slope in cells: rows it falls per column. Above 1 it is
 * drawn a cell a row, else a cell a column, so that it is one cell thick.
 */
static double cell_slope(const struct frame *f, double exchange)
{
	double cells_x = f->area.w / (f->x.hi - f->x.lo), cells_y = f->area.h / (f->y.hi - f->y.lo);

	return exchange * cells_y / cells_x;
}

/* Rows apart that neighbouring flat contours keep at least, and columns apart steep ones. */
#define LEVEL_GAP_ROWS 2.2
#define LEVEL_GAP_COLS 4.0

/*
 * Whether levels `step` apart are far enough apart on screen to read as
 * lines rather than a texture: a step moves a contour per_unit * step
 * decades up, or that over `exchange` decades across.
 */
static bool step_reads(const struct frame *f, const struct tt_law *law, double step)
{
	double rows = law->per_unit * step * f->area.h / (f->y.hi - f->y.lo);

	if (cell_slope(f, law->exchange) <= 1)
		return rows >= LEVEL_GAP_ROWS;
	return rows / cell_slope(f, law->exchange) >= LEVEL_GAP_COLS;
}

/*
 * The smallest round step (1, 2.5, 5 times a power of ten) that gives
 * at most TRAINTEST_MAX_LEVELS levels far enough apart to read.
 */
static double level_step(const struct frame *f, const struct tt_law *law, double lo, double hi)
{
	/* no 2: Elo reads in 250s and 500s, as the papers' axes step */
	static const double m[3] = {1, 2.5, 5};
	double p = pow(10, floor(log10((hi - lo) / TRAINTEST_MAX_LEVELS)));

	for (int k = 0; k < 12; k++) {
		double step = m[k % 3] * p * pow(10, k / 3);
		if (floor(hi / step) - ceil(lo / step) + 1 <= TRAINTEST_MAX_LEVELS &&
		    step_reads(f, law, step))
			return step;
	}
	return hi - lo;
}

/* Round levels over the window's performance, within the law's range where it gives one. */
static void choose_levels(const struct traintest_spec *s, struct traintest_plot *p)
{
	const struct tt_law *law = s->law;
	double lo = tt_performance(law, s->train_lo, s->test_lo);
	double hi = tt_performance(law, s->train_hi, s->test_hi);

	if (law->performance.lo < law->performance.hi) {
		lo = fmax(lo, law->performance.lo);
		hi = fmin(hi, law->performance.hi);
	}
	p->nlevels = 0;
	if (!(lo < hi))
		return;
	double step = level_step(&p->frame, law, lo, hi), first = ceil(lo / step);
	/* by index: v += step stalls where step is below v's precision */
	for (int i = 0; i < TRAINTEST_MAX_LEVELS; i++) {
		double v = (first + i) * step;
		if (!(v <= hi + 1e-9 * step))
			break;
		p->levels[p->nlevels++] = fabs(v) < 1e-9 * step ? 0 : v;
	}
}

/*
 * The characters a contour is drawn with: '\\' where it steps, and between
 * steps '-' when flat or '|' when steep ("----\\----\\" reads as a
 * falling line where a run of '\\' read as a thick bar).
 */
static const char *contour_chars(const struct frame *f, double exchange)
{
	double m = cell_slope(f, exchange);

	return m < 0.5 ? "-\\" : m > 2 ? "|\\" : "\\";
}

/* One cell of a contour: its run character, or '\\' where it stepped from the last cell. */
static void contour_cell(struct trail *t, int x, int y, char run, bool stepped)
{
	t->pen.ch = stepped ? '\\' : run;
	trail_cell(x, y, t);
}

/*
 * One contour, log test = at - e log train, a cell a column when flat and
 * a cell a row when steep (each at the line's value at the cell's centre),
 * clipped to the window in closed form; its cells kept for its label.
 */
static void draw_contour(struct canvas *c, const struct frame *f, const struct tt_law *law,
                         double level, int style, struct trail *t)
{
	double e = law->exchange, at = law->offset + law->per_unit * level;
	bool steep = cell_slope(f, e) > 1;
	char run = cell_slope(f, e) < 0.5 ? '-' : cell_slope(f, e) > 2 ? '|' : '\\';
	const struct rect *a = &f->area;
	int last = -1;

	t->n = 0;
	t->pen = (struct frame_pen){c, run, style,
	                            FRAME_STYLE(STYLE_LABEL) | FRAME_STYLE(STYLE_CURRENT), false};
	for (int i = 0; i < (steep ? a->h : a->w); i++) {
		double xv, yv;
		int cx, cy;
		if (steep) { /* row i from the top */
			yv = f->y.hi - (i + 0.5) * (f->y.hi - f->y.lo) / a->h;
			xv = (at - yv) / e;
		} else {
			xv = f->x.lo + (i + 0.5) * (f->x.hi - f->x.lo) / a->w;
			yv = at - e * xv;
		}
		if (!frame_cell(f, pow(10, xv), pow(10, yv), &cx, &cy))
			continue;
		int across = steep ? cx : cy;
		contour_cell(t, cx, cy, run, last >= 0 && across != last);
		last = across;
	}
}

/* ---- iso-total lines ---- */

/* The line train + Q test = total, from the left edge to where test leaves the bottom. */
static void draw_total(struct canvas *c, const struct frame *f, double total, double q,
                       struct trail *t)
{
	double x0 = f->x.lo, end = total - q * pow(10, f->y.lo);

	t->n = 0;
	t->pen = (struct frame_pen){c, TRAINTEST_TOTAL_GLYPH, STYLE_ISOFLOP,
	                            FRAME_STYLE(STYLE_BLANK) | FRAME_STYLE(STYLE_SHADE), true};
	if (!(end > 0))
		return;
	double x1 = fmin(f->x.hi, log10(end));
	int steps = 5 * f->area.w;
	double ptr = pow(10, x0), pte = (total - ptr) / q;
	for (int i = 1; x0 < x1 && i <= steps; i++) {
		double tr = pow(10, x0 + (x1 - x0) * i / steps), te = (total - tr) / q;
		frame_walk(f, ptr, pte, tr, te, trail_cell, t);
		ptr = tr;
		pte = te;
	}
}

/* Round decades of total cost: from just above the cheapest's total up to the point's. */
static void choose_totals(const struct traintest_spec *s, struct traintest_plot *p)
{
	double lo, hi;

	p->ntotals = 0;
	if (!(s->problems > 0))
		return;
	if (s->ntotals > 0) {
		for (int i = 0; i < s->ntotals && i < TRAINTEST_MAX_TOTALS; i++)
			if (s->totals[i] > 0)
				p->totals[p->ntotals++] = s->totals[i];
		return;
	}
	if (isfinite(p->cheap_train)) {
		lo = ceil(log10(tt_total(p->cheap_train, p->cheap_test, s->problems)));
		hi = ceil(log10(tt_total(s->train, s->test, s->problems)));
	} else {
		lo = ceil(log10(tt_total(s->train_lo, s->test_lo, s->problems)) + 0.5);
		hi = floor(log10(tt_total(s->train_hi, s->test_hi, s->problems)) - 0.5);
	}
	double step = fmax(1, ceil((hi - lo) / 2));
	for (double d = lo; d <= fmax(hi, lo) && p->ntotals < 3; d += step)
		p->totals[p->ntotals++] = pow(10, d);
}

/* ---- marks and text ---- */

/* A mark at (xv, yv): its glyph when inside the window, else reported outside. */
static void put_mark(struct canvas *c, const struct frame *f, double xv, double yv, char ch,
                     int style, struct traintest_mark *m)
{
	m->outside = !frame_cell(f, xv, yv, &m->x, &m->y);
	m->drawn = !m->outside;
	if (m->outside)
		m->x = m->y = -1;
	else
		canvas_put(c, m->x, m->y, ch, style);
}

void traintest_performance_text(const struct tt_law *law, double p, char *buf, size_t size)
{
	if (!isfinite(p))
		snprintf(buf, size, "-");
	else if (fabs(p) >= 100 || p == round(p))
		snprintf(buf, size, "%.0f%s%s", p, law->units[0] ? " " : "", law->units);
	else
		snprintf(buf, size, "%.3g%s%s", p, law->units[0] ? " " : "", law->units);
}

const char *traintest_per(const struct tt_law *law)
{
	return law->per[0] ? law->per : "problem";
}

bool traintest_compute_unchecked(const struct tt_law *law)
{
	return !(law->train.lo < law->train.hi) && !(law->test.lo < law->test.hi);
}

void traintest_exchange_text(const struct tt_law *law, double train, double p, char *buf,
                             size_t size)
{
	double x = tt_exchange_10x(law, train, p);

	if (isfinite(x))
		snprintf(buf, size, "10x training saves %.3gx test compute (derived)", x);
	else
		snprintf(buf, size, "no exchange rate: the law has no train x test plane");
}

void traintest_cheapest_text(const struct tt_law *law, double p, double problems, char *buf,
                             size_t size)
{
	double tr, te;
	char q[16], a[16], b[16], t[16];

	if (!tt_cheapest(law, p, problems, &tr, &te)) {
		snprintf(buf, size, "no cheapest pair: it needs a plane and %ss > 0",
		         traintest_per(law));
		return;
	}
	units_format_count(problems, q, sizeof q);
	units_format_compute(tr, a, sizeof a);
	units_format_compute(te, b, sizeof b);
	units_format_compute(tt_total(tr, te, problems), t, sizeof t);
	/* isoflop's closed-form minimum, not the paper's; past the fit, an extrapolation */
	snprintf(buf, size, "cheapest for %s %ss: train %s, test %s, total %s (%s)", q,
	         traintest_per(law), a, b, t,
	         traintest_point_fitted(law, tr, te) ? "derived" : "extrapolated");
}

/* Whether (train, test) lies in the spec's window. */
static bool in_window(const struct traintest_spec *s, double train, double test)
{
	return train >= s->train_lo && train <= s->train_hi && test >= s->test_lo &&
	       test <= s->test_hi;
}

/* The legend: what each character is. */
static void draw_legend(struct canvas *c, struct rect r, const struct traintest_spec *s,
                        struct traintest_plot *p, const char *contour, bool draw)
{
	/* '@' hides '*' in a shared cell: the legend says where it is; the layout counts it */
	bool under = !draw || (p->cheapest.x == p->point.x && p->cheapest.y == p->point.y &&
	                       p->point.drawn && !p->cheapest.drawn);
	char e[6][96], q[16];
	int n = 0, dropped;

	units_format_count(s->problems, q, sizeof q);
	snprintf(e[n++], 96, "%s %s", contour, s->law->units[0] ? s->law->units : "performance");
	/* from the spec alone: the layout counts the rows before anything is drawn */
	if (s->problems > 0)
		snprintf(e[n++], 96, "%c train+%s*test FLOPs", TRAINTEST_TOTAL_GLYPH, q);
	if (s->has_point)
		snprintf(e[n++], 96, "%c point%s", TRAINTEST_POINT_GLYPH,
		         in_window(s, s->train, s->test) ? "" : " (outside the window)");
	double tr, te;
	if (s->has_point && s->problems > 0 &&
	    fitted_cheapest(s->law, tt_performance(s->law, s->train, s->test), s->problems, &tr,
	                    &te))
		snprintf(e[n++], 96, "%c cheapest%s", TRAINTEST_CHEAPEST_GLYPH,
		         !in_window(s, tr, te) ? " (outside the window)"
		         : under               ? " (under @)"
		                               : "");
	snprintf(e[n++], 96, "%c beyond the fit", TRAINTEST_BEYOND_GLYPH);
	p->legend_rows = frame_legend_wrap(draw ? c : NULL, r.x, p->legend_y, r.w, e, n,
	                                   p->legend_rows > 0 ? p->legend_rows : 2, &dropped);
}

/* The title: what is drawn, under which law. */
static void draw_title(struct canvas *c, struct rect r, const struct traintest_spec *s)
{
	char title[256];
	const char *id = s->law_id ? s->law_id : "";
	const char *u = s->law->units[0] ? s->law->units : "performance";

	snprintf(title, sizeof title, "%s over training x test-time compute per %s: %s", u,
	         traintest_per(s->law), id);
	if ((int)strlen(title) > r.w)
		snprintf(title, sizeof title, "%s, train x test FLOPs: %s", u, id);
	canvas_text(c, r.x, r.y, title, r.w, STYLE_TEXT);
}

/* The frame: log train across, log test up, a title row and the legend's rows below. */
static bool layout(struct canvas *c, struct rect r, const struct traintest_spec *s,
                   struct traintest_plot *p)
{
	p->frame = (struct frame){
	        .x = {log10(s->train_lo), log10(s->train_hi), true, 0},
	        .y = {log10(s->test_lo), log10(s->test_hi), true, 0},
	        .x_format = TICK_COMPUTE,
	        .y_format = TICK_COMPUTE,
	};
	p->legend_rows = 0;
	draw_legend(c, r, s, p, "-\\", false);
	if (!frame_layout(&p->frame, r, 1, p->legend_rows + 1))
		return false;
	p->legend_y = p->frame.area.y + p->frame.area.h + 2;
	return true;
}

/* The point's performance and the cheapest pair that reaches it for Q problems. */
static void point_numbers(const struct traintest_spec *s, struct traintest_plot *p)
{
	p->performance = p->cheap_train = p->cheap_test = NAN;
	if (!s->has_point)
		return;
	p->performance = tt_performance(s->law, s->train, s->test);
	fitted_cheapest(s->law, p->performance, s->problems, &p->cheap_train, &p->cheap_test);
}

/* Contours, then totals' dots under them, then their labels once the marks are down. */
static void draw_lines(struct canvas *c, const struct traintest_spec *s, struct traintest_plot *p)
{
	/* 64 KB of cells: static, off the stack (drawing is single-threaded) */
	static struct trail totals[TRAINTEST_MAX_TOTALS], levels[TRAINTEST_MAX_LEVELS];
	const struct frame *f = &p->frame;
	char text[32];

	for (int i = 0; i < p->ntotals; i++) {
		draw_total(c, f, p->totals[i], s->problems, &totals[i]);
		p->total_drawn[i] = totals[i].n > 0;
	}
	for (int k = 0; k < p->nlevels; k++)
		draw_contour(c, f, s->law, p->levels[k], STYLE_CONTOUR + k, &levels[k]);
	if (s->has_point)
		put_mark(c, f, s->train, s->test, TRAINTEST_POINT_GLYPH, STYLE_CURRENT, &p->point);
	if (isfinite(p->cheap_train)) {
		put_mark(c, f, p->cheap_train, p->cheap_test, TRAINTEST_CHEAPEST_GLYPH,
		         STYLE_FRONTIER, &p->cheapest);
		if (p->point.drawn && p->cheapest.x == p->point.x && p->cheapest.y == p->point.y) {
			canvas_put(c, p->point.x, p->point.y, TRAINTEST_POINT_GLYPH, STYLE_CURRENT);
			p->cheapest.drawn = false;
		}
	}
	for (int k = p->nlevels - 1; k >= 0; k--) {
		traintest_performance_text(s->law, p->levels[k], text, sizeof text);
		p->level_labelled[k] =
		        label_trail(c, &f->area, &levels[k], text, STYLE_CONTOUR + k);
	}
	for (int i = 0; i < p->ntotals; i++) {
		units_format_compute(p->totals[i], text, sizeof text);
		p->total_labelled[i] = label_trail(c, &f->area, &totals[i], text, STYLE_ISOFLOP);
	}
}

/* Widen [*lo, *hi] (log10) to hold log10(v) with half a decade to spare, when v is a number. */
static void widen(double *lo, double *hi, double v)
{
	if (v > 0 && isfinite(v)) {
		*lo = fmin(*lo, floor(log10(v) - 0.5));
		*hi = fmax(*hi, ceil(log10(v) + 0.5));
	}
}

bool traintest_window(struct traintest_spec *s)
{
	const struct tt_law *law = s->law;
	double x0 = 12, x1 = 18, y0, y1, tr, te;

	if (law == NULL || !tt_has_plane(law))
		return false;
	if (law->train.lo > 0 && law->train.lo < law->train.hi) {
		x0 = floor(log10(law->train.lo)) - 1;
		x1 = ceil(log10(law->train.hi)) + 1;
	} else if (s->has_point && s->train > 0) {
		x0 = floor(log10(s->train)) - 3;
		x1 = x0 + 6;
	}
	bool ranged = law->performance.lo < law->performance.hi;
	double mid = pow(10, (x0 + x1) / 2);
	double p0 = ranged ? law->performance.lo : 0, p1 = ranged ? law->performance.hi : 0;
	y0 = floor(log10(tt_test_for(law, mid, p0))) - (ranged ? 1 : 4);
	y1 = ceil(log10(tt_test_for(law, mid, p1))) + (ranged ? 1 : 4);
	if (s->has_point) {
		widen(&x0, &x1, s->train);
		widen(&y0, &y1, s->test);
		if (fitted_cheapest(law, tt_performance(law, s->train, s->test), s->problems, &tr,
		                    &te)) {
			widen(&x0, &x1, tr);
			widen(&y0, &y1, te);
		}
	}
	if (!isfinite(y0) || !isfinite(y1) || !(y0 < y1))
		return false;
	s->train_lo = pow(10, x0);
	s->train_hi = pow(10, x1);
	s->test_lo = pow(10, y0);
	s->test_hi = pow(10, y1);
	return true;
}

int traintest_draw(struct canvas *c, struct rect r, const struct traintest_spec *s,
                   struct traintest_plot *p)
{
	memset(p, 0, sizeof *p);
	p->point = p->cheapest = (struct traintest_mark){false, false, -1, -1};
	if (r.w < TRAINTEST_MIN_W || r.h < TRAINTEST_MIN_H || s->law == NULL ||
	    !tt_has_plane(s->law) || !(s->train_lo > 0 && s->train_lo < s->train_hi) ||
	    !(s->test_lo > 0 && s->test_lo < s->test_hi) || !layout(c, r, s, p))
		return -1;
	canvas_fill_rect(c, r, ' ', STYLE_BLANK);
	draw_title(c, r, s);
	frame_draw_axes(&p->frame, c);
	draw_shading(c, &p->frame, s->law);
	point_numbers(s, p);
	choose_levels(s, p);
	choose_totals(s, p);
	draw_lines(c, s, p);
	draw_legend(c, r, s, p, contour_chars(&p->frame, s->law->exchange), true);
	return 0;
}
