/*
 * profiles.c: iso-FLOP profiles. Each curve is L(N, C / (k N)) sampled at
 * every column edge and joined cell by cell; its minimum comes from
 * optimum_at_compute, not from the samples, so '*' sits where the model
 * says the optimum is.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "../../model/optimum.h"
#include "../../model/profile.h"
#include "../../model/units.h"
#include "profiles.h"

/* How far a curve reaches either side of its optimum: Chinchilla's sweeps spanned ~2 decades. */
#define SWEEP_DECADES 1.25

/*
 * The N interval of a curve: SWEEP_DECADES either side of the optimum n_opt,
 * within the N window and where D = c / (k N) is within the D window.
 */
static bool n_span(const struct profiles_spec *s, double c, double n_opt, double *lo, double *hi)
{
	double nd = c / s->law->k, reach = pow(10, SWEEP_DECADES);

	*lo = fmax(fmax(s->n_lo, nd / s->d_hi), n_opt / reach);
	*hi = fmin(fmin(s->n_hi, nd / s->d_lo), n_opt * reach);
	return *lo < *hi;
}

static void draw_curve(struct canvas *c, const struct frame *f, const struct profiles_spec *s,
                       double budget, double n_opt, char ch, int style)
{
	/* minima, the point and budget labels stay readable under any curve */
	struct frame_pen mk = {c, ch, style,
	                       FRAME_STYLE(STYLE_FRONTIER) | FRAME_STYLE(STYLE_CURRENT) |
	                               FRAME_STYLE(STYLE_TEXT),
	                       false};
	double lo, hi, pn = 0, pl = 0;
	bool have_prev = false;

	if (!n_span(s, budget, n_opt, &lo, &hi))
		return;
	/* sample at every column edge inside the span, and at its two ends */
	for (int i = 0; i <= f->area.w + 1; i++) {
		double n = i == 0 ? lo : i > f->area.w ? hi : axis_value(&f->x, i - 0.0);
		double l;
		if (n < lo || n > hi)
			continue;
		if (profile_loss(s->law, budget, n, s->u, &l) != MODEL_OK) {
			have_prev = false;
			continue;
		}
		if (have_prev)
			frame_walk(f, pn, pl, n, l, frame_pen_cell, &mk);
		pn = n;
		pl = l;
		have_prev = true;
	}
}

/* Decade budgets whose optimum is inside the window; every other one when crowded. */
static void choose_budgets(const struct profiles_spec *s, struct profiles *p, int max)
{
	double k = s->law->k, all_c[64], all_n[64], all_l[64];
	int e0 = canvas_clamp_int(ceil(log10(k * s->n_lo * s->d_lo)), -400, 400),
	    e1 = canvas_clamp_int(floor(log10(k * s->n_hi * s->d_hi)), -400, 400);
	int n = 0;

	for (int e = e0; e <= e1 && n < 64; e++) {
		struct allocation a;
		double c = pow(10, e);
		if (optimum_at_compute(s->law, c, s->u, &a) != MODEL_OK || !a.has_loss)
			continue;
		if (a.params < s->n_lo || a.params > s->n_hi || a.tokens < s->d_lo ||
		    a.tokens > s->d_hi)
			continue;
		all_c[n] = c;
		all_n[n] = a.params;
		all_l[n] = a.loss;
		n++;
	}
	int stride = 1;
	while (n / stride > max)
		stride++;
	p->nbudgets = 0;
	/* keep the largest budget: it is the one nearest today's frontier */
	for (int i = (n - 1) % stride; i < n && p->nbudgets < PROFILES_MAX; i += stride) {
		p->budgets[p->nbudgets] = all_c[i];
		p->min_n[p->nbudgets] = all_n[i];
		p->min_loss[p->nbudgets] = all_l[i];
		p->nbudgets++;
	}
}

/*
 * A budget label above its minimum, or below, where it covers only blanks
 * and curves and has a blank either side: drawn after every marker, so that
 * a '[', '@' or '*' is never covered and no label reads into one
 * ("1e2[@]1e24"); where neither side has room it is left out.
 */
static void label_budget(struct canvas *c, const struct frame *f, double budget, int cx, int cy)
{
	char text[16];
	int len = snprintf(text, sizeof text, "1e%d",
	                   canvas_clamp_int(round(log10(budget)), -400, 400));
	const struct rect *a = &f->area;

	for (int dy = -1; dy <= 1; dy += 2) {
		int x = cx - len / 2, y = cy + dy;
		bool ok = x >= a->x && x + len <= a->x + a->w && y >= a->y && y < a->y + a->h;
		for (int i = -1; ok && i <= len; i++)
			ok = canvas_get(c, x + i, y).style == STYLE_BLANK ||
			     (i >= 0 && i < len &&
			      (canvas_get(c, x + i, y).style == STYLE_CURVE ||
			       canvas_get(c, x + i, y).style == STYLE_HIGHLIGHT));
		if (ok) {
			canvas_text(c, x, y, text, len, STYLE_TEXT);
			return;
		}
	}
}

/*
 * Budget c's curve over its span [*n_lo, *n_hi] and its loss from *l_min to
 * *l_max: the loss is convex in log N along an iso-FLOP line, so the ends
 * bound it above and the optimum below (or an end, when the window cuts the
 * optimum off). False when the curve has no span or no loss.
 */
static bool curve_extent(const struct profiles_spec *s, double c, double *n_lo, double *n_hi,
                         double *l_min, double *l_max)
{
	struct allocation a;
	double l0, l1;

	if (optimum_at_compute(s->law, c, s->u, &a) != MODEL_OK || !a.has_loss ||
	    !n_span(s, c, a.params, n_lo, n_hi) ||
	    profile_loss(s->law, c, *n_lo, s->u, &l0) != MODEL_OK ||
	    profile_loss(s->law, c, *n_hi, s->u, &l1) != MODEL_OK)
		return false;
	bool inside = a.params >= *n_lo && a.params <= *n_hi;
	*l_min = inside ? fmin(a.loss, fmin(l0, l1)) : fmin(l0, l1);
	*l_max = fmax(l0, l1);
	return isfinite(*l_min) && isfinite(*l_max);
}

/* How many rows of f's plot the losses l_min to l_max cover; 1 when all are off it. */
static int rows_spanned(const struct frame *f, double l_min, double l_max)
{
	double top = f->y.cells - 1;
	int lo = canvas_clamp_int(floor(fmin(fmax(axis_pos(&f->y, l_min), 0), top)), 0, f->y.cells);
	int hi = canvas_clamp_int(floor(fmin(fmax(axis_pos(&f->y, l_max), 0), top)), 0, f->y.cells);

	return hi - lo + 1;
}

/*
 * Whether to zoom on current_c's curve: asked for, or (auto) when the whole
 * panel's frame f would draw it over fewer than PROFILES_ZOOM_ROWS rows, too
 * flat to see where '@' sits against its minimum. Its extent into the rest.
 */
static bool want_zoom(const struct profiles_spec *s, const struct frame *f, double *n_lo,
                      double *n_hi, double *l_min, double *l_max)
{
	if (!s->has_current || s->zoom == 0 ||
	    !curve_extent(s, s->current_c, n_lo, n_hi, l_min, l_max))
		return false;
	return s->zoom > 0 || rows_spanned(f, *l_min, *l_max) < PROFILES_ZOOM_ROWS;
}

/* Lay the frame out on the y range of every budget's minimum; false when r is too small. */
static bool layout_all(struct profiles *p, struct rect r)
{
	double lo = p->min_loss[0], hi = p->min_loss[0];

	for (int i = 1; i < p->nbudgets; i++) {
		lo = fmin(lo, p->min_loss[i]);
		hi = fmax(hi, p->min_loss[i]);
	}
	double span = fmax(hi - lo, 0.05 * lo);
	/* room below the lowest minimum, and for the arms of the highest U above */
	p->frame.y.lo = lo - 0.1 * span;
	p->frame.y.hi = hi + 0.3 * span;
	return frame_layout(&p->frame, r, 1, 1);
}

/*
 * Lay the frame out on one curve: its span across, its losses up, with room
 * under the minimum for the '*' and a y label about every other row, so that
 * a gap of a hundredth of a nat reads off the axis.
 */
static bool layout_zoomed(struct profiles *p, struct rect r, double n_lo, double n_hi, double l_min,
                          double l_max)
{
	double span = fmax(l_max - l_min, 1e-4 * fmax(fabs(l_min), 1));

	p->frame.x.lo = log10(n_lo);
	p->frame.x.hi = log10(n_hi);
	p->frame.y.lo = l_min - 0.1 * span;
	p->frame.y.hi = l_max + 0.05 * span;
	if (!frame_layout(&p->frame, r, 1, 1))
		return false;
	p->frame.y_ticks = p->frame.area.h / 2;
	p->zoomed = true;
	return true;
}

int profiles_draw_base(struct canvas *c, struct rect r, const struct profiles_spec *s,
                       struct profiles *p)
{
	double n_lo, n_hi, l_min, l_max;

	memset(p, 0, sizeof *p);
	if (r.w < PROFILES_MIN_W || r.h < PROFILES_MIN_H || !law_has_surface(s->law))
		return -1;
	p->frame = (struct frame){
	        .x = {log10(s->n_lo), log10(s->n_hi), true, 0},
	        .y = {0, 1, false, 0},
	        .x_format = TICK_COUNT,
	        .y_format = TICK_PLAIN,
	};
	/* lay out once for the y labels' width: the loss range only changes decimals */
	choose_budgets(s, p, r.h / 4 < 3 ? 3 : r.h / 4);
	if (p->nbudgets == 0 || !layout_all(p, r))
		return -1;
	if (want_zoom(s, &p->frame, &n_lo, &n_hi, &l_min, &l_max) &&
	    !layout_zoomed(p, r, n_lo, n_hi, l_min, l_max))
		return -1;

	canvas_fill_rect(c, r, ' ', STYLE_BLANK);
	frame_draw_axes(&p->frame, c);
	/* zoomed, the panel is this C's curve alone: another budget's '*' would pass for its
	 * minimum */
	for (int i = 0; i < p->nbudgets && !p->zoomed; i++) {
		int cx, cy;
		if (frame_cell(&p->frame, p->min_n[i], p->min_loss[i], &cx, &cy))
			canvas_put(c, cx, cy, '*', STYLE_FRONTIER);
		draw_curve(c, &p->frame, s, p->budgets[i], p->min_n[i], '.', STYLE_CURVE);
	}
	return 0; /* the budgets' labels: the overlay's, after its markers */
}

/* Put ch at (n, its loss on budget c's curve), or beside the cell at x `inside` (the minimum's). */
static bool mark_on_curve(struct canvas *c, const struct profiles_spec *s, const struct frame *f,
                          double n, char ch, int inside, int away)
{
	double l;
	int cx, cy;

	if (profile_loss(s->law, s->current_c, n, s->u, &l) != MODEL_OK ||
	    !frame_cell(f, n, l, &cx, &cy))
		return false;
	if (cx == inside) /* narrower than a cell: bracket the minimum's '*' */
		cx += away;
	if (cx < f->area.x || cx >= f->area.x + f->area.w)
		return false;
	canvas_put(c, cx, cy, ch, STYLE_FRONTIER);
	return true;
}

/* '[' and ']' at the ends of the optimum's interval on the current curve; whether drawn. */
static bool mark_spread(struct canvas *c, const struct profiles_spec *s, const struct frame *f,
                        const struct allocation *opt)
{
	int cx, cy;

	if (!(s->spread_lo > 0 && s->spread_hi >= s->spread_lo) || !opt->has_loss ||
	    !frame_cell(f, opt->params, opt->loss, &cx, &cy))
		return false;
	bool lo = mark_on_curve(c, s, f, s->spread_lo, '[', cx, -1);
	bool hi = mark_on_curve(c, s, f, s->spread_hi, ']', cx, +1);
	return lo || hi;
}

void profiles_draw_overlay(struct canvas *c, struct rect r, const struct profiles_spec *s,
                           const struct profiles *p)
{
	char title[256], key[256], cbuf[32], nbuf[32];
	int cx, cy;

	if (p->zoomed) {
		snprintf(title, sizeof title, "iso-FLOP profile, zoomed on this C (z): %s",
		         s->law_name);
		if ((int)strlen(title) > r.w)
			snprintf(title, sizeof title, "zoomed profile: %s", s->law_name);
	} else {
		snprintf(title, sizeof title, "iso-FLOP profiles (loss vs N at fixed C): %s",
		         s->law_name);
		if ((int)strlen(title) > r.w)
			snprintf(title, sizeof title, "iso-FLOP profiles: %s", s->law_name);
	}
	canvas_fill_rect(c, (struct rect){r.x, r.y, r.w, 1}, ' ', STYLE_BLANK);
	canvas_text(c, r.x, r.y, title, r.w, STYLE_TEXT);

	int key_row = p->frame.area.y + p->frame.area.h + 2;
	int len = snprintf(key, sizeof key, s->has_current ? "* min" : "* minimum");
	bool spread = false;
	if (s->has_current) {
		double l;
		struct allocation a;
		units_format_compute(s->current_c, cbuf, sizeof cbuf);
		units_format_count(s->current_n, nbuf, sizeof nbuf);
		if (optimum_at_compute(s->law, s->current_c, s->u, &a) == MODEL_OK) {
			draw_curve(c, &p->frame, s, s->current_c, a.params, 'o', STYLE_HIGHLIGHT);
			/* its own minimum, whether or not a decade budget's '*' is in view */
			if (a.has_loss && frame_cell(&p->frame, a.params, a.loss, &cx, &cy))
				canvas_put(c, cx, cy, '*', STYLE_FRONTIER);
			spread = mark_spread(c, s, &p->frame, &a);
		}
		len += snprintf(key + len, sizeof key - len, "  o C=%s", cbuf);
		char at[64];
		if (profile_loss(s->law, s->current_c, s->current_n, s->u, &l) == MODEL_OK &&
		    frame_cell(&p->frame, s->current_n, l, &cx, &cy)) {
			canvas_put(c, cx, cy, '@', STYLE_CURRENT);
			snprintf(at, sizeof at, "  @ N=%s", nbuf);
		} else {
			snprintf(at, sizeof at, "  @ N=%s off panel", nbuf);
		}
		/* the key stays whole: "@ N=10T off panel" gives its N (the slider says
		 * it), then "* min" goes, never half a word */
		if (len + (int)strlen(at) > r.w && strstr(at, "off panel") != NULL)
			snprintf(at, sizeof at, "  @ off panel");
		if (len + (int)strlen(at) > r.w && strncmp(key, "* min  ", 7) == 0) {
			memmove(key, key + 7, strlen(key + 7) + 1);
			len -= 7;
		}
		if (len + (int)strlen(at) <= r.w)
			len += snprintf(key + len, sizeof key - len, "%s", at);
	}
	/* after every marker, beside none of them */
	for (int i = 0; i < p->nbudgets && !p->zoomed; i++)
		if (frame_cell(&p->frame, p->min_n[i], p->min_loss[i], &cx, &cy))
			label_budget(c, &p->frame, p->budgets[i], cx, cy);
	/* last, and only whole: the readout and the map's legend say 10-90% too */
	if (spread && len + 11 <= r.w)
		snprintf(key + len, sizeof key - len, "  [] 10-90%%");
	canvas_fill_rect(c, (struct rect){r.x, key_row, r.w, 1}, ' ', STYLE_BLANK);
	canvas_text(c, r.x, key_row, key, r.w, STYLE_TEXT);
}
