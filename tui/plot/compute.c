/*
 * compute.c: the loss-against-compute picture. Each line is L*(C) sampled
 * at every column's centre through model/returns.h and joined cell by cell
 * (frame_walk), so the picture evaluates exactly the optimum its CSV
 * prints. Models sit where L(N, D) of the first law puts them: above its
 * line, since no run at C beats the compute-optimal one.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../model/units.h"
#include "compute.h"

/* The style of law i's line: the first two as the map's frontiers, the rest as curves. */
static int law_style(int i)
{
	return i == 0 ? STYLE_FRONTIER : i == 1 ? STYLE_FRONTIER2 : STYLE_CURVE;
}

/* Whether law i draws a line: frontier laws fit no loss; a power law draws its L(C). */
static bool law_drawn(const struct compute_spec *s, int i)
{
	const struct law *law = i < COMPUTE_MAX_LAWS ? s->laws[i].law : NULL;

	return law != NULL &&
	       (law_has_surface(law) || (law->family == LAW_POWER && law->by_compute.scale > 0));
}

/* A model's training compute: the published figure, else 6ND. */
static double model_compute(const struct compute_model *m)
{
	return m->compute > 0 ? m->compute : law_training_compute(m->n, m->d);
}

/* Samples of L*(C) that set the loss range: four a decade, ends included. */
#define RANGE_SAMPLES_PER_DECADE 4

/*
 * The loss range: L* at a few budgets across the window, lowest to highest
 * (where L* is defined: a data-constrained search can fail on its plateau),
 * and laws[0]'s E, which the floor line must show.
 */
static bool loss_range(const struct compute_spec *s, double *lo, double *hi)
{
	int steps =
	        canvas_clamp_int(ceil(RANGE_SAMPLES_PER_DECADE * log10(s->c_hi / s->c_lo)), 1, 200);

	*lo = INFINITY;
	*hi = -INFINITY;
	for (int i = 0; i < s->nlaws; i++)
		for (int k = 0; law_drawn(s, i) && k <= steps; k++) {
			double l, c = s->c_lo * pow(s->c_hi / s->c_lo, (double)k / steps);
			if (returns_loss(s->laws[i].law, c, s->u, &l) != MODEL_OK)
				continue;
			*lo = fmin(*lo, l);
			*hi = fmax(*hi, l);
		}
	if (!isfinite(*lo) || !isfinite(*hi))
		return false;
	double e = returns_floor(s->laws[0].law, 0);
	if (law_drawn(s, 0) && e > 0)
		*lo = fmin(*lo, e);
	double span = fmax(*hi - *lo, 0.05 * fabs(*hi));
	*lo -= 0.04 * span;
	*hi += 0.06 * span;
	return true;
}

/*
 * L*(C) of one law at every column's centre, joined cell by cell. Where two
 * samples fall in neighbouring cells (a flat stretch, most of a line) the
 * cell is put directly: frame_walk's general stepping was a fifth of the
 * picture's cost over the arithmetic.
 */
static void draw_line(struct canvas *c, const struct frame *f, const struct compute_spec *s, int i)
{
	/* text (the floor's label, tags) stays readable under a line */
	struct frame_pen mk = {c, COMPUTE_GLYPHS[i], law_style(i), FRAME_STYLE(STYLE_TEXT), false};
	double pc = 0, pl = 0;
	bool have_prev = false;
	int px = -1, py = -1;

	for (int col = 0; col < f->area.w; col++) {
		double cc = axis_value(&f->x, col + 0.5), l;
		int cx, cy;
		if (returns_loss(s->laws[i].law, cc, s->u, &l) != MODEL_OK) {
			have_prev = false;
			continue;
		}
		bool in = frame_cell(f, cc, l, &cx, &cy);
		if (in && (!have_prev || (px >= 0 && abs(cy - py) <= 1)))
			frame_pen_cell(cx, cy, &mk);
		else if (have_prev)
			frame_walk(f, pc, pl, cc, l, frame_pen_cell, &mk);
		px = in ? cx : -1;
		py = in ? cy : -1;
		pc = cc;
		pl = l;
		have_prev = true;
	}
}

/* laws[0]'s E as a row of '_' labelled at its left, where the lines are highest. */
static void draw_floor(struct canvas *c, const struct compute_spec *s, struct compute_plot *p)
{
	const struct frame *f = &p->frame;
	char label[48], e[16];
	int cx, cy;

	p->floor_y = -1;
	p->floor = returns_floor(s->laws[0].law, 0);
	if (!law_drawn(s, 0) || !(p->floor > 0) ||
	    !frame_cell(f, axis_value(&f->x, 0.5), p->floor, &cx, &cy))
		return;
	p->has_floor = true;
	p->floor_y = cy;
	for (int x = f->area.x; x < f->area.x + f->area.w; x++)
		canvas_put(c, x, cy, COMPUTE_FLOOR_GLYPH, STYLE_AXIS);
	units_format_fixed(p->floor, 2, e, sizeof e);
	/* a one-variable law's floor is its L_inf (Henighan et al. Eq. 1.1), not an E */
	const char *name = s->laws[0].law->family == LAW_POWER ? "L_inf" : "E";
	int len = snprintf(label, sizeof label, " %s=%s irreducible ", name, e);
	if (len + 1 > f->area.w) /* a narrow panel keeps the number whole */
		len = snprintf(label, sizeof label, " %s=%s ", name, e);
	canvas_text(c, f->area.x + 1, cy, label, len, STYLE_TEXT);
}

/* Whether cells [x, x + len) of row y are free for a tag: blank, or under a line if `lines`. */
static bool tag_fits(const struct canvas *c, const struct frame *f, int x, int y, int len,
                     bool lines)
{
	if (x < f->area.x || x + len > f->area.x + f->area.w)
		return false;
	for (int i = 0; i < len; i++) {
		int st = canvas_get(c, x + i, y).style;
		if (st != STYLE_BLANK &&
		    !(lines && (st == STYLE_FRONTIER || st == STYLE_FRONTIER2 ||
		                st == STYLE_CURVE || st == STYLE_AXIS)))
			return false;
	}
	return true;
}

/*
 * A model's tag, starting or ending at its cell: over blanks if it can,
 * else over a line, else a '+' that says "a model here" when two meet.
 */
static void place_model(struct canvas *c, const struct compute_spec *s, struct compute_plot *p,
                        int k)
{
	const struct compute_model *m = &s->models[k];
	struct compute_tag *t = &p->tags[k];
	double l;
	int len = (int)strlen(m->tag);

	memset(t, 0, sizeof *t);
	if (law_loss(s->laws[0].law, m->n, m->d, s->u, &l) != MODEL_OK ||
	    !frame_cell(&p->frame, model_compute(m), l, &t->cx, &t->cy))
		return;
	t->shown = true;
	for (int pass = 0; pass < 2; pass++) {
		int xs[2] = {t->cx, t->cx - len + 1};
		for (int j = 0; j < 2; j++)
			if (tag_fits(c, &p->frame, xs[j], t->cy, len, pass == 1)) {
				t->x = xs[j];
				t->len = len;
				canvas_text(c, t->x, t->cy, m->tag, len, STYLE_MODEL);
				return;
			}
	}
	t->merged = true;
	t->x = t->cx;
	t->len = 1;
	canvas_put(c, t->cx, t->cy, '+', STYLE_COLLISION);
}

/* Legend entries: "* id" per law, then the floor's. Returns how many. */
/* Entries of the legend at most: the laws, the floor, the models. */
#define COMPUTE_LEGEND_MAX (COMPUTE_MAX_LAWS + 1 + COMPUTE_MAX_MODELS)

static int legend_entries(const struct compute_spec *s, const struct compute_plot *p, bool floor,
                          char out[][96], int max)
{
	int n = 0;

	for (int i = 0; i < s->nlaws && i < COMPUTE_MAX_LAWS && n < max; i++)
		snprintf(out[n++], 96, "%c %s%s", law_drawn(s, i) ? COMPUTE_GLYPHS[i] : '-',
		         s->laws[i].id,
		         law_drawn(s, i)                       ? ""
		         : s->laws[i].law->family == LAW_POWER ? " (no L(C))"
		                                               : " (no loss fit)");
	if (floor && n < max)
		snprintf(out[n++], 96, "%c %s floor", COMPUTE_FLOOR_GLYPH,
		         s->laws[0].law->family == LAW_POWER ? "L_inf" : "E");
	/* the models drawn whole (before the base is drawn: all that may be) */
	for (int k = 0; s->legend_models && k < s->nmodels && k < COMPUTE_MAX_MODELS && n < max;
	     k++)
		if (p == NULL || (p->tags[k].shown && !p->tags[k].merged))
			snprintf(out[n++], 96, "%.3s %.80s", s->models[k].tag,
			         s->models[k].name ? s->models[k].name : "");
	return n;
}

/* The legend's rows at most: one more where it keys the models. */
static int legend_rows_max(const struct compute_spec *s)
{
	return COMPUTE_LEGEND_ROWS + (s->legend_models ? 1 : 0);
}

/* The frame: log C across the window, the loss range up, a title row and two rows below. */
static bool layout(struct compute_plot *p, struct rect r, const struct compute_spec *s)
{
	double lo, hi;

	if (!loss_range(s, &lo, &hi))
		return false;
	p->frame = (struct frame){
	        .x = {log10(s->c_lo), log10(s->c_hi), true, 0},
	        .y = {lo, hi, false, 0},
	        .x_format = TICK_COMPUTE,
	        .y_format = TICK_PLAIN,
	};
	char entries[COMPUTE_LEGEND_MAX][96];
	int n = legend_entries(s, NULL, law_drawn(s, 0) && returns_floor(s->laws[0].law, 0) > 0,
	                       entries, COMPUTE_LEGEND_MAX);
	int dropped;
	p->legend_rows =
	        frame_legend_wrap(NULL, r.x, 0, r.w, entries, n, legend_rows_max(s), &dropped);
	if (!frame_layout(&p->frame, r, 1, p->legend_rows + 1))
		return false;
	/* under the axis line and its labels */
	p->legend_y = p->frame.area.y + p->frame.area.h + 2;
	p->readout_y = p->legend_y + p->legend_rows;
	return true;
}

int compute_draw_base(struct canvas *c, struct rect r, const struct compute_spec *s,
                      struct compute_plot *p)
{
	memset(p, 0, sizeof *p);
	p->point_x = p->point_y = p->floor_y = p->actual_y = -1;
	if (r.w < COMPUTE_MIN_W || r.h < COMPUTE_MIN_H || s->nlaws < 1 || !(s->c_lo > 0) ||
	    !(s->c_lo < s->c_hi) || !layout(p, r, s))
		return -1;
	canvas_fill_rect(c, r, ' ', STYLE_BLANK);
	frame_draw_axes(&p->frame, c);
	draw_floor(c, s, p);
	/* the first law last, so that its line is whole where lines cross */
	for (int i = (s->nlaws < COMPUTE_MAX_LAWS ? s->nlaws : COMPUTE_MAX_LAWS) - 1; i >= 0; i--)
		if (law_drawn(s, i)) {
			draw_line(c, &p->frame, s, i);
			p->ncurves++;
		}
	p->nmodels = s->nmodels < COMPUTE_MAX_MODELS ? s->nmodels : COMPUTE_MAX_MODELS;
	if (law_drawn(s, 0))
		for (int k = 0; k < p->nmodels; k++)
			place_model(c, s, p, k);
	char entries[COMPUTE_LEGEND_MAX][96];
	int n = legend_entries(s, p, p->has_floor, entries, COMPUTE_LEGEND_MAX);
	/* what the laid-out rows cannot key ends "+N more" */
	int dropped;
	frame_legend_wrap(c, r.x, p->legend_y, r.w, entries, n, p->legend_rows, &dropped);
	return 0;
}

void compute_readout(const struct returns *r, char *buf, size_t size)
{
	char cb[16], gain[16], left[16];

	units_format_compute(r->compute, cb, sizeof cb);
	units_format_fixed(r->gain, 4, gain, sizeof gain);
	/* at the floor the share is of nothing: no number to print */
	if (!isfinite(r->share)) {
		snprintf(buf, size, "C=%s: the next 10x buys dL=%s (at the floor: nothing left)",
		         cb, gain);
		return;
	}
	units_format_fixed(r->at.loss - r->floor, 3, left, sizeof left);
	snprintf(buf, size, "C=%s: the next 10x buys dL=%s (%.1f%% of the %s %s)", cb, gain,
	         100 * r->share, left,
	         r->floor > 0 ? "reducible left" : "loss: the law fits no floor");
}

/*
 * The readout in a narrow place (the explorer's panel beside the map for a
 * power law, whose point has no loss of its own to show): the loss at C and
 * what the next 10x buys, whole rather than cut mid-word.
 */
static void short_readout(const struct returns *r, char *buf, size_t size)
{
	char at[16], gain[16];

	units_format_fixed(r->at.loss, 4, at, sizeof at);
	units_format_fixed(r->gain, 4, gain, sizeof gain);
	snprintf(buf, size, "@ %s  next 10x: dL=%s", at, gain);
}

/* The title: what is drawn, and under which law the models sit. */
static void draw_title(struct canvas *c, struct rect r, const struct compute_spec *s)
{
	char title[256];

	/* a power law's L(C) is its paper's fit to the frontier, not a minimum isoflop takes */
	snprintf(title, sizeof title, "%s vs compute C (FLOPs): %s",
	         s->laws[0].law->family == LAW_POWER ? "the law's fit L(C)"
	                                             : "compute-optimal loss L*(C)",
	         s->laws[0].id);
	if ((int)strlen(title) > r.w)
		snprintf(title, sizeof title, "loss vs compute: %s", s->laws[0].id);
	if ((int)strlen(title) > r.w) /* the id whole: cut, it would name another law */
		snprintf(title, sizeof title, "%s", s->laws[0].id);
	canvas_fill_rect(c, (struct rect){r.x, r.y, r.w, 1}, ' ', STYLE_BLANK);
	canvas_text(c, r.x, r.y, title, r.w, STYLE_TEXT);
}

/* A loss in 4 decimals (+0.0000 at the optimum), an exponent form past 1e5. */
static void loss_text(double v, char *buf, size_t size)
{
	if (fabs(v) < 1e5)
		snprintf(buf, size, "%.4f", v);
	else
		units_format_fixed(v, 4, buf, size);
}

/*
 * The point's own loss: an X above the '@' with '|' down to it, so that
 * moving N and D off the optimum opens a gap; the readout row says both
 * losses (the numbers the picture cannot, in a narrow place too).
 */
static void draw_actual(struct canvas *c, const struct compute_spec *s, struct compute_plot *p,
                        char *line, size_t size, int w)
{
	char at[16], own[16], gap[16];
	double diff = s->actual_loss - p->returns.at.loss;
	int x, y;

	loss_text(p->returns.at.loss, at, sizeof at);
	loss_text(s->actual_loss, own, sizeof own);
	loss_text(diff, gap, sizeof gap);
	snprintf(line, size, "@ L*=%s  X L=%s (+%s)", at, own, gap);
	if ((int)strlen(line) > w)
		snprintf(line, size, "@ %s  X %s", at, own);
	if (p->point_x < 0 || !frame_cell(&p->frame, s->point_c, s->actual_loss, &x, &y) ||
	    y == p->point_y)
		return;
	for (int yy = y + 1; yy < p->point_y; yy++)
		canvas_put(c, x, yy, '|', STYLE_CURRENT);
	canvas_put(c, x, y, COMPUTE_ACTUAL_GLYPH, STYLE_CURRENT);
	p->actual_y = y;
}

/*
 * The '@' landed on model k's tag: the tag yields, as tags yield to the
 * point on the map, to the cells right of the '@' (or left) when they hold
 * no other tag; its old cells go blank so that no half tag is left ("G@").
 */
static void yield_tag(struct canvas *c, const struct compute_spec *s, struct compute_plot *p, int k)
{
	const struct compute_tag *t = &p->tags[k];
	int len = (int)strlen(s->models[k].tag), px = p->point_x, py = p->point_y;
	int xs[2] = {px + 1, px - len};

	for (int i = 0; i < t->len; i++)
		if (t->x + i != px)
			canvas_put(c, t->x + i, py, ' ', STYLE_BLANK);
	for (int j = 0; j < 2; j++)
		if (tag_fits(c, &p->frame, xs[j], py, len, true)) {
			canvas_text(c, xs[j], py, s->models[k].tag, len, STYLE_MODEL);
			return;
		}
}

/* The tag '@' covers, if any: one of those shown whole in the point's row. */
static void clear_point(struct canvas *c, const struct compute_spec *s, struct compute_plot *p)
{
	for (int k = 0; k < p->nmodels; k++) {
		const struct compute_tag *t = &p->tags[k];
		if (t->shown && !t->merged && t->cy == p->point_y && p->point_x >= t->x &&
		    p->point_x < t->x + t->len) {
			yield_tag(c, s, p, k);
			return;
		}
	}
}

void compute_draw_overlay(struct canvas *c, struct rect r, const struct compute_spec *s,
                          struct compute_plot *p)
{
	char line[256];

	draw_title(c, r, s);
	p->point_x = p->point_y = p->actual_y = -1;
	p->has_returns = false;
	canvas_fill_rect(c, (struct rect){r.x, p->readout_y, r.w, 1}, ' ', STYLE_BLANK);
	if (!s->has_point)
		return;
	if (!law_drawn(s, 0)) {
		snprintf(line, sizeof line, "%s fits no loss: no L*(C) to read at C",
		         s->laws[0].id);
	} else if (returns_at_compute(s->laws[0].law, s->point_c, s->u, &p->returns) == MODEL_OK) {
		p->has_returns = true;
		compute_readout(&p->returns, line, sizeof line);
		if (frame_cell(&p->frame, s->point_c, p->returns.at.loss, &p->point_x,
		               &p->point_y)) {
			canvas_put(c, p->point_x, p->point_y, '@', STYLE_CURRENT);
			clear_point(c, s, p);
		} else
			p->point_x = p->point_y = -1;
		if (s->has_actual)
			draw_actual(c, s, p, line, sizeof line, r.w);
		else if ((int)strlen(line) > r.w)
			short_readout(&p->returns, line, sizeof line);
	} else {
		snprintf(line, sizeof line, "no readout at this C: its next 10x is past 1e35");
	}
	canvas_text(c, r.x, p->readout_y, line, r.w, STYLE_TEXT);
}
