/*
 * params.c: a power law's L(N). The curve is sampled at every column's
 * centre and joined cell by cell (frame_walk), its glyph saying whether
 * that N lies in the parameters the paper fitted; the floor goes under the
 * curve and its label over it, and '@' last so that nothing hides it.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../model/units.h"
#include "params.h"

bool params_has_curve(const struct law *law)
{
	return law != NULL && law->family == LAW_POWER && law->by_params.scale > 0;
}

void params_window(const struct law *law, bool has_point, double n, double *lo, double *hi)
{
	double m = pow(10, PARAMS_MARGIN_DECADES);

	*lo = PARAMS_N_LO;
	*hi = PARAMS_N_HI;
	if (law->params.lo > 0 && law->params.hi > law->params.lo) {
		*lo = pow(10, floor(log10(law->params.lo / m)));
		*hi = pow(10, ceil(log10(law->params.hi * m)));
	}
	/* a point off the window: widen to the decades around it */
	if (has_point && n > 0 && isfinite(n)) {
		*lo = fmin(*lo, pow(10, floor(log10(n))));
		*hi = fmax(*hi, pow(10, ceil(log10(n) + 1e-9)));
	}
}

void params_formula(const struct law_single *s, char x, char *buf, size_t size)
{
	char scale[16], floor_text[16];

	units_format_short(s->scale, scale, sizeof scale);
	units_format_short(s->floor, floor_text, sizeof floor_text);
	if (s->floor > 0)
		snprintf(buf, size, "L(%c) = %s + (%s/%c)^%.3g", x, floor_text, scale, x,
		         s->exponent);
	else
		snprintf(buf, size, "L(%c) = (%s/%c)^%.3g", x, scale, x, s->exponent);
}

/* L(N), NaN where the law gives none. */
static double loss_at(const struct law *law, double n)
{
	double l;

	return law_single_loss(&law->by_params, n, &l) == MODEL_OK ? l : NAN;
}

/* Whether n is inside the fitted parameters (everywhere, when the paper gives none). */
static bool fitted(const struct law *law, double n)
{
	return !(law->params.hi > 0) || (n >= law->params.lo && n <= law->params.hi);
}

/* The loss axis: the curve's ends and the floor, with a little room above and below. */
static void loss_range(const struct law *law, double n_lo, double n_hi, double *lo, double *hi)
{
	double top = loss_at(law, n_lo), bottom = loss_at(law, n_hi);

	if (law->by_params.floor > 0)
		bottom = fmin(bottom, law->by_params.floor);
	double span = fmax(top - bottom, 0.05 * fabs(top));
	*lo = fmax(0, bottom - 0.04 * span);
	*hi = top + 0.06 * span;
}

/* The row of loss v, rounded to the nearest as the curve's cells are. */
static int loss_row(const struct frame *f, double v)
{
	return f->area.y + f->area.h - 1 - canvas_clamp_int(axis_pos(&f->y, v), 0, f->area.h - 1);
}

/* L_inf as a row of '_' under the curve, "L_inf=3.12" at its left, where the curve is highest. */
static void draw_floor(struct canvas *c, const struct params_spec *s, struct params_plot *p)
{
	const struct frame *f = &p->frame;
	char label[48], e[16];
	double fl = s->law->by_params.floor;

	p->floor_y = -1;
	if (!(fl > 0) || fl < f->y.lo)
		return;
	p->floor_y = loss_row(f, fl);
	for (int x = f->area.x; x < f->area.x + f->area.w; x++)
		canvas_put(c, x, p->floor_y, PARAMS_FLOOR_GLYPH, STYLE_AXIS);
	units_format_fixed(fl, 2, e, sizeof e);
	int len = snprintf(label, sizeof label, " L_inf=%s irreducible ", e);
	canvas_text(c, f->area.x + 1, p->floor_y, label, len, STYLE_TEXT);
}

/* Note the columns where the curve leaves the fitted parameters. */
static void note_beyond(const struct law *law, double n, int x, struct params_plot *p)
{
	if (fitted(law, n))
		return;
	if (n < law->params.lo)
		p->beyond_lo_x = x;
	else if (p->beyond_hi_x < 0)
		p->beyond_hi_x = x;
}

/* L(N) at every column's centre, 'o' within the fitted N and ':' beyond. */
static void draw_curve(struct canvas *c, const struct params_spec *s, struct params_plot *p)
{
	const struct frame *f = &p->frame;
	/* the floor's label stays readable under the curve */
	struct frame_pen pen = {c, PARAMS_CURVE_GLYPH, STYLE_FRONTIER, FRAME_STYLE(STYLE_TEXT),
	                        false};
	double pn = NAN, pl = NAN;
	int py = -1;

	for (int col = 0; col < f->area.w; col++) {
		double n = axis_value(&f->x, col + 0.5), l = loss_at(s->law, n);
		bool beyond = !fitted(s->law, n);
		note_beyond(s->law, n, f->area.x + col, p);
		pen.ch = beyond ? PARAMS_BEYOND_GLYPH : PARAMS_CURVE_GLYPH;
		/* bold where fitted, dim where extrapolated: the same split in colour */
		pen.style = beyond ? STYLE_CURVE : STYLE_FRONTIER;
		int cy = loss_row(f, l);
		if (isfinite(l) && (py < 0 || abs(cy - py) <= 1))
			frame_pen_cell(f->area.x + col, cy, &pen);
		else if (isfinite(l) && isfinite(pl))
			frame_walk(f, pn, pl, n, l, frame_pen_cell, &pen);
		py = isfinite(l) ? cy : -1;
		pn = n;
		pl = l;
	}
}

/* '@' at (n, L(n)) when inside the window, else reported outside. */
static void draw_point(struct canvas *c, const struct params_spec *s, struct params_plot *p)
{
	struct params_mark *m = &p->point;

	p->loss = loss_at(s->law, s->n);
	m->outside = !isfinite(p->loss) || !frame_cell(&p->frame, s->n, p->loss, &m->x, &m->y);
	m->drawn = !m->outside;
	if (m->outside)
		m->x = m->y = -1;
	else
		canvas_put(c, m->x, m->y, PARAMS_POINT_GLYPH, STYLE_CURRENT);
}

/* What each glyph is, on one or two rows. */
static int draw_legend(struct canvas *c, struct rect r, int y, const struct params_spec *s,
                       const struct params_plot *p, int rows)
{
	char e[4][96], formula[64], nb[16];
	int n = 0, dropped;
	const struct law *law = s->law;

	params_formula(&law->by_params, 'N', formula, sizeof formula);
	snprintf(e[n++], 96, "%c %s", PARAMS_CURVE_GLYPH, formula);
	if (law->params.hi > 0 && (law->params.lo > p->n_lo || law->params.hi < p->n_hi))
		snprintf(e[n++], 96, "%c beyond the fitted N", PARAMS_BEYOND_GLYPH);
	if (s->has_point) {
		units_format_count(s->n, nb, sizeof nb);
		snprintf(e[n++], 96, "%c N=%s%s", PARAMS_POINT_GLYPH, nb,
		         p->point.outside ? " (off the axis)" : "");
	}
	snprintf(e[n++], 96, "loss in %s", s->units && s->units[0] ? s->units : "nats per token");
	return frame_legend_wrap(c, r.x, y, r.w, e, n, rows, &dropped);
}

/* The title: what is drawn, under which law. */
static void draw_title(struct canvas *c, struct rect r, const struct params_spec *s)
{
	char title[256];
	const char *id = s->law_id ? s->law_id : "";

	snprintf(title, sizeof title, "loss against parameters N: %s", id);
	if ((int)strlen(title) > r.w)
		snprintf(title, sizeof title, "L(N): %s", id);
	canvas_text(c, r.x, r.y, title, r.w, STYLE_TEXT);
}

/* The frame's axes: log10 N across, loss up; false when the window is empty. */
static bool set_axes(const struct params_spec *s, struct params_plot *p)
{
	double lo, hi;

	p->n_lo = s->n_lo;
	p->n_hi = s->n_hi;
	if (!(p->n_lo > 0))
		params_window(s->law, s->has_point, s->n, &p->n_lo, &p->n_hi);
	if (!(p->n_lo > 0 && p->n_hi > p->n_lo && isfinite(p->n_hi)))
		return false;
	loss_range(s->law, p->n_lo, p->n_hi, &lo, &hi);
	if (!(isfinite(lo) && isfinite(hi) && hi > lo))
		return false;
	p->frame = (struct frame){
	        .x = {log10(p->n_lo), log10(p->n_hi), true, 0},
	        .y = {lo, hi, false, 0},
	        .x_format = TICK_COUNT,
	        .y_format = TICK_PLAIN,
	};
	return true;
}

int params_draw(struct canvas *c, struct rect r, const struct params_spec *s, struct params_plot *p)
{
	memset(p, 0, sizeof *p);
	p->point = (struct params_mark){false, false, -1, -1};
	p->loss = NAN;
	p->floor_y = p->beyond_lo_x = p->beyond_hi_x = -1;
	if (r.w < PARAMS_MIN_W || r.h < PARAMS_MIN_H || !params_has_curve(s->law) ||
	    !set_axes(s, p))
		return -1;
	p->legend_rows = draw_legend(NULL, r, 0, s, p, 2);
	if (!frame_layout(&p->frame, r, 1, p->legend_rows + 1))
		return -1;
	p->legend_y = p->frame.area.y + p->frame.area.h + 2;
	canvas_fill_rect(c, r, ' ', STYLE_BLANK);
	draw_title(c, r, s);
	frame_draw_axes(&p->frame, c);
	draw_floor(c, s, p);
	draw_curve(c, s, p);
	if (s->has_point)
		draw_point(c, s, p);
	draw_legend(c, r, p->legend_y, s, p, p->legend_rows);
	return 0;
}
