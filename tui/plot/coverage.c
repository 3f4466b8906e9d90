/*
 * coverage.c: coverage against samples. The curve is sampled at every
 * column's centre and joined cell by cell (frame_walk), its glyph saying
 * whether that k lies in the paper's fitted samples; the target's row, the
 * drop from where the curve meets it to the k axis and their label go over
 * the gridlines, and the marks last, so that neither '@' nor '#' is hidden.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../model/units.h"
#include "coverage.h"

/* Gridlines every GRID_STEP of coverage, a dot every GRID_DOTS columns. */
#define GRID_STEP 0.2
#define GRID_DOTS 4

void coverage_samples_text(double k, char *buf, size_t size)
{
	units_format_count(k, buf, size);
}

double coverage_samples_needed(const struct tt_law *law, double target)
{
	double k = tt_samples_for(law, target);

	/* 1e-9: a k that is whole up to rounding (100.0000000001) needs 100 */
	return isfinite(k) ? fmax(1, ceil(k - 1e-9)) : k;
}

void coverage_target_text(double k, double target, char *buf, size_t size)
{
	char kb[16];

	coverage_samples_text(isfinite(k) ? fmax(1, ceil(k - 1e-9)) : k, kb, sizeof kb);
	snprintf(buf, size, "k = %s for %.3g", kb, target);
}

/* The round decade at or above the whole number of samples k, or 1 when k is not a number. */
static double decade_at_or_above(double k)
{
	return isfinite(k) && k > 1 ? pow(10, ceil(log10(ceil(k - 1e-9)) - 1e-12)) : 1;
}

double coverage_k_hi(const struct tt_law *law, double k, bool has_target, double target)
{
	double hi = law->samples.hi > 1 ? law->samples.hi : COVERAGE_K_MAX;
	double want = decade_at_or_above(k);

	if (has_target)
		want = fmax(want, decade_at_or_above(tt_samples_for(law, target)));
	return fmax(hi, fmin(want, COVERAGE_K_CAP));
}

/* Dotted rows at 0.2, 0.4, 0.6, 0.8: coverage reads off them across a wide plot. */
static void draw_grid(struct canvas *c, const struct frame *f)
{
	const struct rect *a = &f->area;
	int cx, cy;

	for (double v = GRID_STEP; v < 1 - 1e-9; v += GRID_STEP)
		if (frame_cell(f, 1, v, &cx, &cy))
			for (int x = a->x + GRID_DOTS - 1; x < a->x + a->w; x += GRID_DOTS)
				canvas_put(c, x, cy, COVERAGE_GRID_GLYPH, STYLE_SHADE);
}

/* Over the background and the gridlines only. */
#define UNDER (FRAME_STYLE(STYLE_BLANK) | FRAME_STYLE(STYLE_SHADE))

/* The row of coverage v, rounded to the nearest as the curve's cells are. */
static int coverage_row(const struct frame *f, double v)
{
	return f->area.y + f->area.h - 1 - canvas_clamp_int(axis_pos(&f->y, v), 0, f->area.h - 1);
}

/*
 * c(k) at every column's centre, 'o' within the fitted samples and ':'
 * beyond. The column is known, so a cell one row from the last is put
 * directly; only a steeper step is joined by frame_walk (the log10s of its
 * general stepping were most of the picture's cost over c(k) itself).
 */
static void draw_curve(struct canvas *c, const struct coverage_spec *s, struct coverage_plot *p)
{
	const struct frame *f = &p->frame;
	struct frame_pen pen = {c, COVERAGE_CURVE_GLYPH, STYLE_FRONTIER, FRAME_STYLE(STYLE_AXIS),
	                        false};
	double pk = NAN, pc = NAN;
	int py = -1;

	p->beyond_x = -1;
	for (int col = 0; col < f->area.w; col++) {
		double k = axis_value(&f->x, col + 0.5), cov = tt_coverage(s->law, k);
		bool beyond = !tt_in_range(s->law->samples, k);
		if (beyond && p->beyond_x < 0 && k > s->law->samples.hi)
			p->beyond_x = f->area.x + col;
		pen.ch = beyond ? COVERAGE_BEYOND_GLYPH : COVERAGE_CURVE_GLYPH;
		/* bold where fitted, dim where extrapolated: the same split in colour */
		pen.style = beyond ? STYLE_CURVE : STYLE_FRONTIER;
		int cy = coverage_row(f, cov);
		if (isfinite(cov) && (py < 0 || abs(cy - py) <= 1))
			frame_pen_cell(f->area.x + col, cy, &pen);
		else if (isfinite(cov) && isfinite(pc))
			frame_walk(f, pk, pc, k, cov, frame_pen_cell, &pen);
		py = isfinite(cov) ? cy : -1;
		pk = k;
		pc = cov;
	}
}

/* A mark at (k, v): its glyph when inside the window, else reported outside. */
static void put_mark(struct canvas *c, const struct frame *f, double k, double v, char ch,
                     struct coverage_mark *m)
{
	m->outside = !frame_cell(f, k, v, &m->x, &m->y);
	m->drawn = !m->outside;
	if (m->outside)
		m->x = m->y = -1;
	else
		canvas_put(c, m->x, m->y, ch, STYLE_CURRENT);
}

/*
 * Whether cells [x, x + len) of row y are inside the plot and hold nothing
 * but background, nor do the cells either side ("ooook = 6.52K" misreads).
 */
static bool room(const struct canvas *c, const struct rect *a, int x, int y, int len)
{
	if (x < a->x || x + len > a->x + a->w || y < a->y || y >= a->y + a->h)
		return false;
	for (int i = -1; i <= len; i++) {
		if (x + i < a->x || x + i >= a->x + a->w)
			continue;
		int st = canvas_get(c, x + i, y).style;
		bool gap = i < 0 || i == len;
		/* a dot in the gap joins the text to a curve just beyond it: "ooo.k = 364" */
		int beyond = x + (i < 0 ? -2 : len + 1);
		bool joins = gap && beyond >= a->x && beyond < a->x + a->w &&
		             canvas_get(c, beyond, y).style != STYLE_BLANK;
		if (st != STYLE_BLANK && st != STYLE_HIGHLIGHT && (joins || st != STYLE_SHADE))
			return false;
	}
	return true;
}

/*
 * "k = 190 for 0.9" beside where the curve meets the target: above the
 * row right of it or below, then left, then over it, then at the plot's
 * left; from the row's right end (or left) when the meeting is off the axis.
 */
static void label_target(struct canvas *c, const struct coverage_spec *s, struct coverage_plot *p,
                         int row)
{
	const struct rect *a = &p->frame.area;
	char text[48];
	int len;

	coverage_target_text(p->target_k, s->target, text, sizeof text);
	if (p->meet.outside) /* the k is not on the axis: say so where the '#' would be */
		strcat(text, " (off the axis)");
	len = (int)strlen(text);
	int x = p->meet.drawn ? p->meet.x : p->target_k > 1 ? a->x + a->w - len - 1 : a->x;
	const int xs[4] = {x + 2, x - len - 1, x, a->x + 1}, rows[2] = {row - 1, row + 1};
	for (int i = 0; i < 8; i++)
		if (room(c, a, xs[i / 2], rows[i % 2], len)) {
			canvas_text(c, xs[i / 2], rows[i % 2], text, len, STYLE_LABEL);
			p->target_labelled = true;
			return;
		}
}

/* The target's row '-', the drop '|' from the meeting to the k axis, then its label. */
static void draw_target(struct canvas *c, const struct coverage_spec *s, struct coverage_plot *p)
{
	const struct frame *f = &p->frame;
	struct frame_pen pen = {c, COVERAGE_TARGET_GLYPH, STYLE_HIGHLIGHT, UNDER, true};
	int cx, cy;

	p->target_k = tt_samples_for(s->law, s->target);
	if (!isfinite(p->target_k) || !frame_cell(f, 1, s->target, &cx, &cy))
		return;
	/* on the row the curve takes for that coverage, so that they meet */
	cy = coverage_row(f, s->target);
	for (int x = f->area.x; x < f->area.x + f->area.w; x++)
		frame_pen_cell(x, cy, &pen);
	pen.ch = '|';
	if (p->target_k >= 1 && p->target_k <= p->k_hi)
		frame_walk(f, p->target_k, s->target, p->target_k, 0, frame_pen_cell, &pen);
	put_mark(c, f, p->target_k, s->target, COVERAGE_MEET_GLYPH, &p->meet);
	label_target(c, s, p, cy);
}

/* The axis' end: the spec's, else the fitted samples' end, else COVERAGE_K_MAX. */
static double axis_end(const struct coverage_spec *s)
{
	if (s->k_hi > 0)
		return s->k_hi;
	return s->law->samples.hi > 1 ? s->law->samples.hi : COVERAGE_K_MAX;
}

/* What each glyph is, on one or two rows. */
static int draw_legend(struct canvas *c, struct rect r, int y, const struct coverage_spec *s,
                       int rows)
{
	char e[6][96], kb[16];
	int n = 0, dropped;
	double hi = axis_end(s);

	/* only what the picture holds: ':' where the axis runs past the fit, '#' where on it */
	snprintf(e[n++], 96, "%c coverage exp(a k^b)", COVERAGE_CURVE_GLYPH);
	if (s->law->samples.hi > 0 && s->law->samples.hi < hi * (1 - 1e-9))
		snprintf(e[n++], 96, "%c beyond the fitted k", COVERAGE_BEYOND_GLYPH);
	if (s->has_point) {
		coverage_samples_text(s->k, kb, sizeof kb);
		snprintf(e[n++], 96, "%c k=%s%s", COVERAGE_POINT_GLYPH, kb,
		         s->k >= 1 && s->k <= axis_end(s) ? "" : " (off the axis)");
	}
	if (s->has_target) {
		double kt = tt_samples_for(s->law, s->target);
		if (kt >= 1 && kt <= hi)
			snprintf(e[n++], 96, "%c target %.3g  %c reached", COVERAGE_TARGET_GLYPH,
			         s->target, COVERAGE_MEET_GLYPH);
		else
			snprintf(e[n++], 96, "%c target %.3g", COVERAGE_TARGET_GLYPH, s->target);
	}
	return frame_legend_wrap(c, r.x, y, r.w, e, n, rows, &dropped);
}

/* The title: what is drawn, under which law. */
static void draw_title(struct canvas *c, struct rect r, const struct coverage_spec *s)
{
	char title[256];
	const char *id = s->law_id ? s->law_id : "";

	snprintf(title, sizeof title, "coverage against samples per problem k: %s", id);
	if ((int)strlen(title) > r.w)
		snprintf(title, sizeof title, "coverage vs k: %s", id);
	canvas_text(c, r.x, r.y, title, r.w, STYLE_TEXT);
}

int coverage_draw(struct canvas *c, struct rect r, const struct coverage_spec *s,
                  struct coverage_plot *p)
{
	memset(p, 0, sizeof *p);
	p->point = p->meet = (struct coverage_mark){false, false, -1, -1};
	p->coverage = p->target_k = NAN;
	p->beyond_x = -1;
	if (r.w < COVERAGE_MIN_W || r.h < COVERAGE_MIN_H || s->law == NULL ||
	    s->law->form != TT_COVERAGE || !((p->k_hi = axis_end(s)) > 1))
		return -1;
	p->frame = (struct frame){
	        .x = {0, log10(p->k_hi), true, 0},
	        .y = {0, 1, false, 0},
	        .x_format = TICK_COUNT,
	        .y_format = TICK_PLAIN,
	        .y_ticks = 5,
	};
	p->legend_rows = draw_legend(NULL, r, 0, s, 2);
	if (!frame_layout(&p->frame, r, 1, p->legend_rows + 1))
		return -1;
	p->legend_y = p->frame.area.y + p->frame.area.h + 2;
	canvas_fill_rect(c, r, ' ', STYLE_BLANK);
	draw_title(c, r, s);
	frame_draw_axes(&p->frame, c);
	draw_grid(c, &p->frame);
	draw_curve(c, s, p);
	if (s->has_target)
		draw_target(c, s, p);
	if (s->has_point) {
		p->coverage = tt_coverage(s->law, s->k);
		put_mark(c, &p->frame, s->k, p->coverage, COVERAGE_POINT_GLYPH, &p->point);
		if (!isfinite(p->coverage))
			p->point.outside = true;
	}
	draw_legend(c, r, p->legend_y, s, p->legend_rows);
	return 0;
}
