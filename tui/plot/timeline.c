/*
 * timeline.c: the timeline picture on a frame whose x axis is the decimal
 * year (linear) and whose y axis is training FLOPs (log10). Lines go down
 * first and marks last, so that a model's tag is never hidden by a line; the
 * wall's year and interval sit on its own row, under the legend's words.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "../../model/units.h"
#include "timeline.h"

/* A line's pen: its glyph goes where nothing but blanks or an earlier line lies. */
static struct frame_pen ink(struct canvas *c, char ch, int style)
{
	return (struct frame_pen){c, ch, style,
	                          FRAME_STYLE(STYLE_BLANK) | FRAME_STYLE(STYLE_FRONTIER) |
	                                  FRAME_STYLE(STYLE_FRONTIER2),
	                          true};
}

/* The years and the compute the window must show; false when there is no model. */
static bool window(const struct timeline_spec *s, struct frame *f)
{
	double y0 = INFINITY, y1 = -INFINITY, c0 = INFINITY, c1 = -INFINITY;

	for (int i = 0; i < s->nmarks; i++) {
		y0 = fmin(y0, s->marks[i].year);
		y1 = fmax(y1, s->marks[i].year);
		c0 = fmin(c0, s->marks[i].compute);
		c1 = fmax(c1, s->marks[i].compute);
	}
	if (!(y0 <= y1) || !(c0 > 0))
		return false;
	if (s->has_point && s->point_compute > 0) {
		c0 = fmin(c0, s->point_compute);
		c1 = fmax(c1, s->point_compute);
	}
	if (s->has_wall && s->wall_compute > 0) {
		c1 = fmax(c1, s->wall_compute);
		/* the interval's ']' too, which the legend prints */
		if (isfinite(s->wall_year))
			y1 = fmax(y1, s->wall_year);
		if (isfinite(s->wall_late))
			y1 = fmax(y1, s->wall_late);
	}
	f->x.lo = floor(y0);
	f->x.hi = fmin(ceil(y1) + 1, f->x.lo + TIMELINE_MAX_YEARS);
	f->y.lo = floor(log10(c0));
	f->y.hi = ceil(log10(c1) + 0.3);
	return true;
}

/* A line log10 C = a + b * year from year x0 to the plot's right edge. */
static void draw_line(struct canvas *c, const struct frame *f, double a, double b, double x0,
                      char ch, int style)
{
	struct frame_pen k = ink(c, ch, style);
	double x1 = f->x.hi;

	frame_walk(f, x0, pow(10, a + b * x0), x1, pow(10, a + b * x1), frame_pen_cell, &k);
}

/* The wall: '=' across at C_wall, '|' at its year and '[' ']' at its interval's ends. */
static void draw_wall(struct canvas *c, const struct frame *f, const struct timeline_spec *s)
{
	struct frame_pen k = ink(c, '=', STYLE_HIGHLIGHT);
	int cx, cy;

	frame_walk(f, f->x.lo, s->wall_compute, f->x.hi, s->wall_compute, frame_pen_cell, &k);
	/* named on the plot, at its left end, where no model has reached yet */
	if (frame_cell(f, f->x.lo, s->wall_compute, &cx, &cy))
		canvas_text(c, cx + 1, cy, " data wall ", 11, STYLE_TEXT);
	const double at[3] = {s->wall_early, s->wall_late, s->wall_year};
	const char ch[3] = {'[', ']', '|'};
	for (int i = 0; i < 3; i++)
		if (isfinite(at[i]) && frame_cell(f, at[i], s->wall_compute, &cx, &cy))
			canvas_put(c, cx, cy, ch[i], STYLE_CURRENT);
}

/*
 * The point's compute: '-' across and "this run" at its right end, over the
 * lines but under the models' tags.
 */
static void draw_point(struct canvas *c, const struct frame *f, const struct timeline_spec *s)
{
	struct frame_pen k = ink(c, '-', STYLE_CURRENT);
	int cx, cy;

	frame_walk(f, f->x.lo, s->point_compute, f->x.hi, s->point_compute, frame_pen_cell, &k);
	if (frame_cell(f, f->x.hi, s->point_compute, &cx, &cy))
		canvas_text(c, cx - 8, cy, " this run", 9, STYLE_CURRENT);
}

/*
 * And its '@', at the year the trend reaches it: over everything, a model's
 * tag too, as on the map, so that the point the caption talks about is seen.
 */
static void draw_point_at(struct canvas *c, const struct frame *f, const struct timeline_spec *s)
{
	int cx, cy;

	if (isfinite(s->point_year) && frame_cell(f, s->point_year, s->point_compute, &cx, &cy))
		canvas_put(c, cx, cy, '@', STYLE_CURRENT);
}

/* Each model's tag from its cell rightwards; '+' where it would cover another's. */
static void draw_marks(struct canvas *c, const struct frame *f, const struct timeline_spec *s)
{
	const struct rect *a = &f->area;

	for (int i = 0; i < s->nmarks; i++) {
		const struct timeline_mark *m = &s->marks[i];
		int cx, cy, len = (int)strlen(m->tag);
		bool free = true;
		if (!frame_cell(f, m->year, m->compute, &cx, &cy))
			continue;
		if (cx + len > a->x + a->w)
			cx = a->x + a->w - len;
		for (int j = 0; j < len; j++)
			free = free && canvas_get(c, cx + j, cy).style != STYLE_MODEL &&
			       canvas_get(c, cx + j, cy).style != STYLE_COLLISION;
		if (free)
			canvas_text(c, cx, cy, m->tag, len, STYLE_MODEL);
		else
			canvas_put(c, cx, cy, '+', STYLE_COLLISION);
	}
}

/* One row of text, the rest of the row blanked. */
static void text_row(struct canvas *c, struct rect r, int y, const char *text)
{
	canvas_fill_rect(c, (struct rect){r.x, y, r.w, 1}, ' ', STYLE_BLANK);
	canvas_text(c, r.x, y, text, r.w, STYLE_TEXT);
}

/* The two legend rows: what each line is, and which is derived and which cited. */
static void draw_legend(struct canvas *c, struct rect r, int row, const struct timeline_spec *s)
{
	char line[256], cbuf[32], y0[16], y1[16], y2[16];
	int len = snprintf(line, sizeof line, "Tag: model");

	if (s->has_fit)
		len += snprintf(line + len, sizeof line - len, "  . fit %.1fx/yr (derived)",
		                s->fit_growth);
	if (s->has_trend)
		snprintf(line + len, sizeof line - len, "  ~ %s %.1fx/yr (cited)",
		         s->trend_name ? s->trend_name : "trend", s->trend_growth);
	text_row(c, r, row, line);
	if (!s->has_wall)
		return;
	units_format_compute(s->wall_compute, cbuf, sizeof cbuf);
	units_format_year(s->wall_year, y0, sizeof y0);
	units_format_year(s->wall_early, y1, sizeof y1);
	units_format_year(s->wall_late, y2, sizeof y2);
	snprintf(line, sizeof line, "= data wall C=%s (derived), | %s [%s, %s] on ~", cbuf, y0, y1,
	         y2);
	text_row(c, r, row + 1, line);
}

int timeline_draw(struct canvas *c, struct rect r, const struct timeline_spec *s)
{
	struct frame f = {
	        .x = {0, 1, false, 0},
	        .y = {0, 1, true, 0},
	        .x_format = TICK_PLAIN,
	        .y_format = TICK_COUNT,
	};

	if (r.w < TIMELINE_MIN_W || r.h < TIMELINE_MIN_H || !window(s, &f) ||
	    !frame_layout(&f, r, 1, 2))
		return -1;
	canvas_fill_rect(c, r, ' ', STYLE_BLANK);
	text_row(c, r, r.y,
	         s->title ? s->title
	                  : "training compute (FLOPs) by release year, and the data wall");
	frame_draw_axes(&f, c);
	if (s->has_wall && s->wall_compute > 0)
		draw_wall(c, &f, s);
	if (s->has_trend && s->trend_growth > 0 && s->trend_from.compute > 0) {
		double b = log10(s->trend_growth);
		/* a projection: from the frontier on, not back over the models */
		draw_line(c, &f, log10(s->trend_from.compute) - b * s->trend_from.year, b,
		          s->trend_from.year, '~', STYLE_FRONTIER2);
	}
	if (s->has_fit)
		draw_line(c, &f, s->fit_intercept, s->fit_slope, f.x.lo, '.', STYLE_FRONTIER);
	if (s->has_point && s->point_compute > 0)
		draw_point(c, &f, s);
	draw_marks(c, &f, s);
	if (s->has_point && s->point_compute > 0)
		draw_point_at(c, &f, s);
	draw_legend(c, r, f.area.y + f.area.h + 2, s);
	return 0;
}
