/*
 * test_plot.c: the pictures, tested as properties of what they must show
 * rather than against their own output: contour cells straddle their level,
 * the frontier passes through Chinchilla's closed-form optimum, iso-FLOP dots
 * lie on k N D = C, markers sit in their model's cell, nothing is dropped
 * silently. The goldens in tests/golden/ catch everything else.
 */
#include <stdlib.h>
#include <string.h>

#include "../../model/contour.h"
#include "../../model/optimum.h"
#include "../../model/profile.h"
#include "../../tui/explore/explorer.h"
#include "../../tui/plot/canvas.h"
#include "../../tui/plot/map.h"
#include "../../tui/plot/profiles.h"
#include "fixtures.h"

/* ---- marching squares ---- */

/* A level halfway between a left column of 0s and a right column of 1s runs down the middle. */
static void contour_cell_vertical(void **state)
{
	(void)state;
	const double v[4] = {0, 1, 1, 0};
	struct contour_segment seg[2];

	assert_int_equal(contour_cell(v, 0.5, seg), 1);
	assert_abs(seg[0].x0, 0.5, 1e-15);
	assert_abs(seg[0].x1, 0.5, 1e-15);
	assert_abs(fabs(seg[0].y1 - seg[0].y0), 1, 1e-15);
	assert_int_equal(contour_cell(v, 1.5, seg), 0);
	const double nan_corner[4] = {0, NAN, 1, 0};
	assert_int_equal(contour_cell(nan_corner, 0.5, seg), 0);
}

/* A saddle gives two segments, each cutting off the corners the centre disagrees with. */
static void contour_cell_saddle(void **state)
{
	(void)state;
	const double high_centre[4] = {1, 0, 1, 0.2}; /* mean 0.55 sides with corners 0, 2 */
	struct contour_segment seg[2];

	assert_int_equal(contour_cell(high_centre, 0.5, seg), 2);
	/* corner 1 (1, 0) is cut off by edges 0 and 1: both ends near it */
	assert_true(seg[0].x0 > 0 && seg[0].y0 == 0 && seg[0].x1 == 1 && seg[0].y1 > 0);
}

/* Levels are ascending, inside the range, and round: 2.1 not 2.0937. */
static void contour_levels_are_nice(void **state)
{
	(void)state;
	double lv[16];
	int dec[16];
	int n = contour_levels(1.85, 5.2, 1.8172, 8, lv, dec);

	assert_true(n >= 6 && n <= 8);
	for (int i = 0; i < n; i++) {
		assert_true(lv[i] > 1.85 && lv[i] < 5.2);
		if (i > 0)
			assert_true(lv[i] > lv[i - 1]);
		double scaled = lv[i] * pow(10, dec[i]);
		assert_abs(scaled, round(scaled), 1e-9);
		assert_true(dec[i] <= 3);
	}
	assert_int_equal(contour_levels(2, 1, 0, 8, lv, dec), 0);
}

/* ---- the map ---- */

struct fixture {
	const char *law;
	double u;
	int w, h;
};

static const struct fixture maps[] = {
        {"besiroglu2024", 0, 80, 24},       {"besiroglu2024", 0, 40, 12},
        {"hoffmann2022", 0, 120, 40},       {"kaplan2020", 0, 80, 24},
        {"muennighoff2023", 25e9, 100, 30},
};

static struct map_spec spec_for(const struct law *law, double u)
{
	return (struct map_spec){
	        .law = law,
	        .law_name = "test",
	        .dataset = "",
	        .u = u,
	        .n_lo = 1e7,
	        .n_hi = 1e13,
	        .d_lo = 1e8,
	        .d_hi = 1e14,
	};
}

/* Values at a cell's corners, computed here from the law, not by the map. */
static void cell_corners(const struct map *m, int cx, int cy, double *n0, double *n1, double *d0,
                         double *d1)
{
	const struct frame *f = &m->frame;
	int i = cx - f->area.x, j = f->area.y + f->area.h - 1 - cy;

	*n0 = axis_value(&f->x, i);
	*n1 = axis_value(&f->x, i + 1);
	*d0 = axis_value(&f->y, j);
	*d1 = axis_value(&f->y, j + 1);
}

/* Every cell drawn for level l has corners on both sides of l. */
static void contour_cells_straddle_their_level(void **state)
{
	(void)state;
	for (size_t t = 0; t < sizeof maps / sizeof *maps; t++) {
		struct law law = fixture_law(maps[t].law);
		struct map_spec s = spec_for(&law, maps[t].u);
		struct canvas c;
		struct map m;
		int drawn = 0;

		assert_int_equal(canvas_init(&c, maps[t].w, maps[t].h), 0);
		assert_int_equal(map_draw_base(&c, (struct rect){0, 0, c.w, c.h}, &s, &m), 0);
		assert_true(m.nlevels >= 4);
		for (int y = 0; y < c.h; y++)
			for (int x = 0; x < c.w; x++) {
				struct glyph g = canvas_get(&c, x, y);
				if (g.style < STYLE_CONTOUR)
					continue;
				double n0, n1, d0, d1, v[4],
				        level = m.levels[g.style - STYLE_CONTOUR];
				cell_corners(&m, x, y, &n0, &n1, &d0, &d1);
				assert_int_equal(law_loss(&law, n0, d0, s.u, &v[0]), MODEL_OK);
				assert_int_equal(law_loss(&law, n1, d0, s.u, &v[1]), MODEL_OK);
				assert_int_equal(law_loss(&law, n1, d1, s.u, &v[2]), MODEL_OK);
				assert_int_equal(law_loss(&law, n0, d1, s.u, &v[3]), MODEL_OK);
				double lo = fmin(fmin(v[0], v[1]), fmin(v[2], v[3]));
				double hi = fmax(fmax(v[0], v[1]), fmax(v[2], v[3]));
				if (!(lo < level && level <= hi))
					fail_msg("%s %dx%d: cell (%d, %d) drawn for %g has corners "
					         "%g..%g",
					         maps[t].law, c.w, c.h, x, y, level, lo, hi);
				drawn++;
			}
		assert_true(drawn > c.w / 2); /* the map does show contours */
		canvas_free(&c);
	}
}

/* A difference map: every cell drawn for level l has L1 - L2 on both sides of l at its corners. */
static void delta_cells_straddle_their_level(void **state)
{
	(void)state;
	struct law l1 = fixture_law("hoffmann2022"), l2 = fixture_law("besiroglu2024");
	struct map_spec s = spec_for(&l1, 0);
	struct canvas c;
	struct map m;
	int drawn = 0;

	s.delta_law = &l2;
	s.delta_name = "besiroglu2024";
	assert_int_equal(canvas_init(&c, 100, 30), 0);
	assert_int_equal(map_draw_base(&c, (struct rect){0, 0, c.w, c.h}, &s, &m), 0);
	assert_true(m.delta && m.nlevels >= 3);
	for (int y = 0; y < c.h; y++)
		for (int x = 0; x < c.w; x++) {
			struct glyph g = canvas_get(&c, x, y);
			if (g.style < STYLE_CONTOUR)
				continue;
			double n0, n1, d0, d1, v[4], a, b,
			        level = m.levels[g.style - STYLE_CONTOUR];
			cell_corners(&m, x, y, &n0, &n1, &d0, &d1);
			const double ns[4] = {n0, n1, n1, n0}, ds[4] = {d0, d0, d1, d1};
			for (int k = 0; k < 4; k++) {
				assert_int_equal(law_loss(&l1, ns[k], ds[k], 0, &a), MODEL_OK);
				assert_int_equal(law_loss(&l2, ns[k], ds[k], 0, &b), MODEL_OK);
				v[k] = a - b;
			}
			double lo = fmin(fmin(v[0], v[1]), fmin(v[2], v[3]));
			double hi = fmax(fmax(v[0], v[1]), fmax(v[2], v[3]));
			if (!(lo < level && level <= hi))
				fail_msg("cell (%d, %d) drawn for %g has differences %g..%g", x, y,
				         level, lo, hi);
			drawn++;
		}
	assert_true(drawn > c.w / 2);
	canvas_free(&c);
}

/*
 * The frontier passes through the cell of Chinchilla's closed-form optimum at
 * Gopher's budget, 5.76e23 FLOPs (Hoffmann et al. 2022, Eq. 4):
 * N* = G (C/6)^a, D* = (C/6)^b / G, G = (alpha A / (beta B))^(1/(alpha+beta)).
 */
static void frontier_contains_the_closed_form_optimum(void **state)
{
	(void)state;
	static const char *const laws[] = {"besiroglu2024", "hoffmann2022",
	                                   "hoffmann2022-unrounded"};
	static const int sizes[][2] = {{80, 24}, {120, 40}, {40, 12}, {300, 100}};

	for (size_t i = 0; i < 3; i++)
		for (size_t k = 0; k < 4; k++) {
			struct law law = fixture_law(laws[i]);
			struct map_spec s = spec_for(&law, 0);
			double ab = law.alpha + law.beta, c6 = 5.76e23 / 6;
			double g = pow(law.alpha * law.A / (law.beta * law.B), 1 / ab);
			double n = g * pow(c6, law.beta / ab), d = pow(c6, law.alpha / ab) / g;
			struct canvas c;
			struct map m;
			int cx, cy;

			assert_int_equal(canvas_init(&c, sizes[k][0], sizes[k][1]), 0);
			assert_int_equal(map_draw_base(&c, (struct rect){0, 0, c.w, c.h}, &s, &m),
			                 0);
			assert_true(frame_cell(&m.frame, n, d, &cx, &cy));
			struct glyph gl = canvas_get(&c, cx, cy);
			if (gl.style != STYLE_FRONTIER || gl.ch != '*')
				fail_msg("%s %dx%d: cell of N*=%g, D*=%g holds '%c' (style %d)",
				         laws[i], c.w, c.h, n, d, gl.ch, gl.style);
			canvas_free(&c);
		}
}

/*
 * Sardana et al. 2023: at the loss Chinchilla's optimum reaches with 5.76e23
 * FLOPs, the model that minimises 6 N D + 2 N T over its life, found here
 * by a plain scan of N with D from the law (L = E + A/N^a + B/D^b solved
 * for D), lies in a cell of the inference-aware frontier '%'.
 */
static void inference_frontier_contains_the_lifetime_optimum(void **state)
{
	(void)state;
	static const double ts[] = {1e12, 1e13, 1e14};

	for (size_t i = 0; i < 3; i++) {
		struct law law = fixture_law("besiroglu2024");
		struct map_spec s = spec_for(&law, 0);
		double ab = law.alpha + law.beta, c6 = 5.76e23 / 6;
		double g = pow(law.alpha * law.A / (law.beta * law.B), 1 / ab);
		double n0 = g * pow(c6, law.beta / ab), d0 = pow(c6, law.alpha / ab) / g;
		double loss = law.E + law.A / pow(n0, law.alpha) + law.B / pow(d0, law.beta);
		double best = INFINITY, bn = 0, bd = 0;
		for (double ln = log10(n0) - 3; ln <= log10(n0); ln += 1e-4) {
			double n = pow(10, ln), rest = loss - law.E - law.A / pow(n, law.alpha);
			if (!(rest > 0))
				continue;
			double d = pow(law.B / rest, 1 / law.beta),
			       cost = 6 * n * d + 2 * n * ts[i];
			if (cost < best) {
				best = cost;
				bn = n;
				bd = d;
			}
		}
		struct canvas c;
		struct map m;
		int cx, cy;
		s.inference_t = ts[i];
		assert_int_equal(canvas_init(&c, 120, 40), 0);
		assert_int_equal(map_draw_base(&c, (struct rect){0, 0, c.w, c.h}, &s, &m), 0);
		assert_true(bn < n0); /* serving pushes N down */
		assert_true(frame_cell(&m.frame, bn, bd, &cx, &cy));
		struct glyph gl = canvas_get(&c, cx, cy);
		if (gl.ch != '%')
			fail_msg("T=%g: cell of N=%g, D=%g holds '%c'", ts[i], bn, bd, gl.ch);
		canvas_free(&c);
	}
}

/*
 * The data view (Muennighoff et al. 2023) with U = 25B unique tokens: the
 * row of D = 4U holds '=', and every ':' lies beyond D = U (1 + R_D*).
 */
static void data_view_marks_four_epochs_and_the_wall(void **state)
{
	(void)state;
	struct law law = fixture_law("muennighoff2023");
	struct map_spec s = spec_for(&law, 25e9);
	struct canvas c;
	struct map m;
	int cx, cy, walls = 0;

	s.wall_u = 25e9;
	assert_int_equal(canvas_init(&c, 120, 40), 0);
	assert_int_equal(map_draw_base(&c, (struct rect){0, 0, c.w, c.h}, &s, &m), 0);
	assert_true(frame_cell(&m.frame, 1e9, 4 * 25e9, &cx, &cy));
	int equals = 0;
	for (int x = m.frame.area.x; x < m.frame.area.x + m.frame.area.w; x++)
		equals += canvas_get(&c, x, cy).ch == '=';
	assert_true(equals > m.frame.area.w / 2);
	const struct rect *a = &m.frame.area;
	for (int y = a->y; y < a->y + a->h; y++)
		for (int x = a->x; x < a->x + a->w; x++) {
			if (canvas_get(&c, x, y).ch != ':')
				continue;
			double ld = 8 + (a->y + a->h - 1 - y + 0.5) * 6.0 / a->h;
			if (!(ld > log10(25e9 * (1 + 15.387756))))
				fail_msg("':' at D = 1e%.2f, below the wall", ld);
			walls++;
		}
	assert_true(walls > 50);
	canvas_free(&c);
}

/* Every iso-FLOP dot lies in a cell that the line k N D = 10^e crosses. */
static void isoflop_dots_lie_on_their_line(void **state)
{
	(void)state;
	struct law law = fixture_law("besiroglu2024");
	struct map_spec s = spec_for(&law, 0);
	struct canvas c;
	struct map m;
	int dots = 0;

	assert_int_equal(canvas_init(&c, 120, 40), 0);
	assert_int_equal(map_draw_base(&c, (struct rect){0, 0, c.w, c.h}, &s, &m), 0);
	for (int y = 0; y < c.h; y++)
		for (int x = 0; x < c.w; x++) {
			struct glyph g = canvas_get(&c, x, y);
			if (g.style != STYLE_ISOFLOP || g.ch != '.')
				continue;
			double n0, n1, d0, d1;
			cell_corners(&m, x, y, &n0, &n1, &d0, &d1);
			/* log10(k N D) over the cell runs from the low corner to the high one */
			double lo = log10(law.k * n0 * d0), hi = log10(law.k * n1 * d1);
			if (floor(hi) < lo)
				fail_msg("dot at (%d, %d): log10 C spans %g..%g, no decade", x, y,
				         lo, hi);
			dots++;
		}
	assert_true(dots > 100);
	canvas_free(&c);
}

/* Whether glyph g is one the map draws over an iso-FLOP line: a mark, a tag, a label, a contour. */
static bool above_isoflops(struct glyph g)
{
	switch (g.style) {
	case STYLE_CURRENT:   /* the point */
	case STYLE_MODEL:     /* a model's tag */
	case STYLE_COLLISION: /* a '+' */
	case STYLE_FRONTIER:  /* '*' */
	case STYLE_FRONTIER2: /* 'o', '%', '=' */
	case STYLE_RUN:       /* 'x' */
	case STYLE_LABEL:     /* a contour's level */
		return true;
	case STYLE_ISOFLOP: /* another line's label, "1e24" */
		return g.ch != MAP_ISOFLOP_GLYPH;
	default: /* a contour crosses it, or runs along it where the budget's optimum is */
		return g.style >= STYLE_CONTOUR;
	}
}

/*
 * The iso-FLOP line through the point can be followed by eye at 80x24 in
 * Chinchilla's corner, where most of besiroglu2024's map is extrapolation:
 * every column it crosses shows its '.' in one of the cells it crosses,
 * unless each of those cells holds something drawn above it (the point, a
 * tag, a frontier, a label, a contour). The crossed cells are computed here from
 * k N D = 1e24 and the map's axes, not read from the drawing.
 */
static void isoflop_line_through_the_point_shows_in_every_column(void **state)
{
	(void)state;
	struct law law = fixture_law("besiroglu2024");
	struct map_spec s = spec_for(&law, 0);
	const struct map_marker models[] = {
	        {"Ch", "Chinchilla 70B", 70e9, 1.4e12, 0},
	        {"Go", "Gopher 280B", 280e9, 300e9, 0},
	        {"G3", "GPT-3 175B", 175e9, 300e9, 0},
	        {"L3", "Llama 3 405B", 405e9, 15.6e12, 0},
	};
	double budget = 1e24;
	struct canvas c;
	struct map m;
	int columns = 0;

	s.markers = models;
	s.nmarkers = (int)(sizeof models / sizeof *models);
	s.has_point = true;
	s.point_n = 70e9;
	s.point_d = budget / (law.k * s.point_n);
	assert_int_equal(canvas_init(&c, 80, 24), 0);
	assert_int_equal(map_draw_base(&c, (struct rect){0, 0, c.w, c.h}, &s, &m), 0);
	map_draw_overlay(&c, (struct rect){0, 0, c.w, c.h}, &s, &m);
	const struct rect *a = &m.frame.area;
	for (int x = a->x; x < a->x + a->w; x++) {
		bool shown = false, crossed = false;
		char blocked[64] = "";
		for (int y = a->y; y < a->y + a->h; y++) {
			double n0, n1, d0, d1;
			cell_corners(&m, x, y, &n0, &n1, &d0, &d1);
			/* the line's D runs from C/(k n1) to C/(k n0) over the column */
			if (!(budget / (law.k * n1) < d1 && budget / (law.k * n0) > d0))
				continue;
			crossed = true;
			struct glyph g = canvas_get(&c, x, y);
			if (g.style == STYLE_ISOFLOP && g.ch == MAP_ISOFLOP_GLYPH)
				shown = true;
			else if (!above_isoflops(g) && blocked[0] == '\0')
				snprintf(blocked, sizeof blocked, "'%c' (style %d) at row %d", g.ch,
				         g.style, y);
		}
		if (!crossed)
			continue;
		columns++;
		if (!shown && blocked[0] != '\0')
			fail_msg("column %d: the 1e24 line is hidden by %s", x, blocked);
	}
	assert_true(columns > a->w / 2);
	canvas_free(&c);
}

/*
 * Shading marks extrapolation: every shaded cell's centre lies outside the
 * law's fitted range (Hoffmann et al. 2022 trained 70M to 16B parameters on
 * 5B to 500B tokens), computed here from the window.
 */
static void shading_lies_outside_the_fitted_range(void **state)
{
	(void)state;
	struct law law = fixture_law("hoffmann2022");
	struct map_spec s = spec_for(&law, 0);
	struct canvas c;
	struct map m;
	int shaded = 0;

	assert_rel(law.params.hi, 16e9, 0);
	assert_int_equal(canvas_init(&c, 120, 40), 0);
	assert_int_equal(map_draw_base(&c, (struct rect){0, 0, c.w, c.h}, &s, &m), 0);
	const struct rect *a = &m.frame.area;
	for (int y = a->y; y < a->y + a->h; y++)
		for (int x = a->x; x < a->x + a->w; x++) {
			if (canvas_get(&c, x, y).style != STYLE_SHADE)
				continue;
			double ln = 7 + (x - a->x + 0.5) * 6.0 / a->w;
			double ld = 8 + (a->y + a->h - 1 - y + 0.5) * 6.0 / a->h;
			bool inside = ln >= log10(70e6) && ln <= log10(16e9) && ld >= log10(5e9) &&
			              ld <= log10(500e9);
			if (inside)
				fail_msg("cell (%d, %d) at N=1e%.2f, D=1e%.2f is shaded inside the "
				         "fit",
				         x, y, ln, ld);
			shaded++;
		}
	assert_true(shaded > a->w * a->h / 20);
	canvas_free(&c);

	/* a law without a fitted range is not shaded */
	struct law dc = fixture_law("muennighoff2023");
	s = spec_for(&dc, 25e9);
	assert_int_equal(canvas_init(&c, 80, 24), 0);
	assert_int_equal(map_draw_base(&c, (struct rect){0, 0, c.w, c.h}, &s, &m), 0);
	for (int i = 0; i < c.w * c.h; i++)
		assert_int_not_equal(c.cells[i].style, STYLE_SHADE);
	canvas_free(&c);
}

/*
 * Kaplan et al. 2020 §6.3, Eq. 6.8: the laws "break down at or before" L* ~
 * 1.7 nats per token. At 80x24 the map marks the cells whose loss, Eq. 1.5
 * with Table 2's constants (N_c = 6.4e13, D_c = 1.8e13, alpha_N = 0.076,
 * alpha_D = 0.103), computed here, lies below 1.7 with '~', and only those;
 * the legend says what '~' is and that the '*' frontier is derived from
 * Eq. 1.5, not Kaplan's own.
 */
static void kaplan_breakdown_is_marked(void **state)
{
	(void)state;
	struct law law = fixture_law("kaplan2020");
	struct map_spec s = spec_for(&law, 0);
	struct canvas c;
	struct map m;
	int marked = 0;

	assert_int_equal(canvas_init(&c, 80, 24), 0);
	assert_int_equal(map_draw_base(&c, (struct rect){0, 0, c.w, c.h}, &s, &m), 0);
	const struct rect *a = &m.frame.area;
	for (int y = a->y; y < a->y + a->h; y++)
		for (int x = a->x; x < a->x + a->w; x++) {
			if (canvas_get(&c, x, y).ch != '~')
				continue;
			double n = pow(10, 7 + (x - a->x + 0.5) * 6.0 / a->w);
			double d = pow(10, 8 + (a->y + a->h - 1 - y + 0.5) * 6.0 / a->h);
			double l = pow(pow(6.4e13 / n, 0.076 / 0.103) + 1.8e13 / d, 0.103);
			if (!(l < 1.7 + 1e-9))
				fail_msg("cell (%d, %d) marked '~' at L = %.4f", x, y, l);
			marked++;
		}
	assert_true(marked > 10);
	assert_true(canvas_has_text(&c, "~ L<1.7 invalid"));
	assert_true(canvas_has_text(&c, "* Eq.1.5 optimum"));
	canvas_free(&c);

	/* a law whose paper names no breakdown has no '~' and no such entry */
	struct law b = fixture_law("besiroglu2024");
	s = spec_for(&b, 0);
	assert_int_equal(canvas_init(&c, 80, 24), 0);
	assert_int_equal(map_draw_base(&c, (struct rect){0, 0, c.w, c.h}, &s, &m), 0);
	for (int i = 0; i < c.w * c.h; i++)
		assert_int_not_equal(c.cells[i].ch, '~');
	assert_true(canvas_has_text(&c, "* optimal"));
	canvas_free(&c);
}

/* Markers sit in their model's cell; collisions show '+'; off-map ones say so. */
static void markers_are_never_dropped(void **state)
{
	(void)state;
	struct law law = fixture_law("besiroglu2024");
	struct map_spec s = spec_for(&law, 0);
	/* GPT-3 and Jurassic-1 share a cell: 175B/300B and 178B/300B */
	const struct map_marker mk[] = {
	        {"G3", "GPT-3", 175e9, 300e9, 0},
	        {"J1", "Jurassic-1", 178e9, 300e9, 0},
	        {"Ch", "Chinchilla", 70e9, 1.4e12, 0},
	        {"X", "Too big", 1e15, 1e15, 0},
	};
	struct canvas c;
	struct map m;

	s.markers = mk;
	s.nmarkers = 4;
	assert_int_equal(canvas_init(&c, 80, 24), 0);
	assert_int_equal(map_draw_base(&c, (struct rect){0, 0, c.w, c.h}, &s, &m), 0);
	/* where each marker went, as the map recorded it */
	enum marker_place places[4];
	struct map_tag t;
	for (int i = 0; i < 4; i++)
		places[i] = map_tag_of(&m, i, &t) ? t.place : MARKER_OFF_MAP;
	/* the cell of (N, D), computed here from the window, not by the map's own mapping */
	const struct rect *a = &m.frame.area;
	for (int i = 0; i < 3; i++) {
		int cx = a->x + (int)floor((log10(mk[i].n) - 7) / 6 * a->w);
		int cy = a->y + a->h - 1 - (int)floor((log10(mk[i].d) - 8) / 6 * a->h);
		int st = canvas_get(&c, cx, cy).style;
		if (st != STYLE_MODEL && st != STYLE_COLLISION)
			fail_msg("%s: cell (%d, %d) holds '%c'", mk[i].name, cx, cy,
			         canvas_get(&c, cx, cy).ch);
	}
	/* Chinchilla has room: its tag reads whole from its cell */
	int chx = a->x + (int)floor((log10(70e9) - 7) / 6 * a->w);
	int chy = a->y + a->h - 1 - (int)floor((log10(1.4e12) - 8) / 6 * a->h);
	assert_int_equal(canvas_get(&c, chx, chy).ch, 'C');
	assert_int_equal(canvas_get(&c, chx + 1, chy).ch, 'h');
	/* GPT-3 and Jurassic-1 share a '+': both are marked collided */
	assert_int_equal(places[0], MARKER_COLLISION);
	assert_int_equal(places[1], MARKER_COLLISION);
	assert_int_equal(places[2], MARKER_TAG);
	assert_int_equal(places[3], MARKER_OFF_MAP);

	/* the legend names all four, the collision and the off-map one marked */
	char text[4096] = "";
	for (int y = 0; y < c.h; y++) {
		for (int x = 0; x < c.w; x++)
			text[strlen(text)] = canvas_get(&c, x, y).ch;
		strcat(text, "\n");
	}
	assert_non_null(strstr(text, "G3(+) GPT-3"));
	assert_non_null(strstr(text, "J1(+) Jurassic-1"));
	assert_non_null(strstr(text, "Ch Chinchilla"));
	assert_non_null(strstr(text, "X Too big (off map)"));

	/* no tag is left cut: every run of tag cells spells whole placed tags (no "+3") */
	for (int y = 0; y < c.h; y++)
		for (int x = 0; x < c.w;) {
			if (canvas_get(&c, x, y).style != STYLE_MODEL) {
				x++;
				continue;
			}
			int matched = 0;
			for (int i = 0; i < 4 && !matched; i++) {
				int len = (int)strlen(mk[i].tag), k = 0;
				while (places[i] == MARKER_TAG && k < len &&
				       canvas_get(&c, x + k, y).style == STYLE_MODEL &&
				       canvas_get(&c, x + k, y).ch == mk[i].tag[k])
					k++;
				matched = k == len ? len : 0;
			}
			if (!matched)
				fail_msg("row %d, column %d: a tag cell that starts no whole tag "
				         "('%c')",
				         y, x, canvas_get(&c, x, y).ch);
			x += matched;
		}

	/* the point on Chinchilla: its tag steps right of the '@' rather than lose its C */
	s.has_point = true;
	s.point_n = 70e9;
	s.point_d = 1.4e12;
	map_draw_overlay(&c, (struct rect){0, 0, c.w, c.h}, &s, &m);
	assert_int_equal(canvas_get(&c, chx, chy).ch, '@');
	assert_int_equal(canvas_get(&c, chx + 1, chy).ch, 'C');
	assert_int_equal(canvas_get(&c, chx + 2, chy).ch, 'h');
	canvas_free(&c);
}

/*
 * The point on a tag whose right is another tag ("LaOPT"): the tag moves
 * whole to the left of the '@' ("La@ OPT") rather than lose a letter.
 */
static void point_moves_a_blocked_tag_aside(void **state)
{
	(void)state;
	struct law law = fixture_law("besiroglu2024");
	struct map_spec s = spec_for(&law, 0);
	struct canvas c;
	struct map m;

	assert_int_equal(canvas_init(&c, 80, 24), 0);
	assert_int_equal(map_draw_base(&c, (struct rect){0, 0, c.w, c.h}, &s, &m), 0);
	/* the N at the middle of plot column k, from the window (10M..10T over w cells) */
	const struct rect *a = &m.frame.area;
	int k = a->w / 2, cy = a->y + a->h / 2;
	double n_la = pow(10, 7 + (k + 0.5) * 6.0 / a->w);
	double n_opt = pow(10, 7 + (k + 2.5) * 6.0 / a->w);
	double d = pow(10, 8 + (a->y + a->h - 1 - cy + 0.5) * 6.0 / a->h);
	const struct map_marker mk[] = {{"La", "LaMDA", n_la, d, 0}, {"OPT", "OPT", n_opt, d, 0}};
	s.markers = mk;
	s.nmarkers = 2;
	assert_int_equal(map_draw_base(&c, (struct rect){0, 0, c.w, c.h}, &s, &m), 0);
	int x = a->x + k;
	char got[8] = "";
	for (int i = 0; i < 7; i++)
		got[i] = (char)canvas_get(&c, x - 2 + i, cy).ch;
	assert_memory_equal(got + 2, "LaOPT", 5);
	s.has_point = true;
	s.point_n = n_la;
	s.point_d = d;
	map_draw_overlay(&c, (struct rect){0, 0, c.w, c.h}, &s, &m);
	for (int i = 0; i < 7; i++)
		got[i] = (char)canvas_get(&c, x - 2 + i, cy).ch;
	assert_string_equal(got, "La@ OPT");
	canvas_free(&c);
}

/* When the legend cannot hold every model, it says how many it left out. */
static void a_full_legend_counts_what_it_left_out(void **state)
{
	(void)state;
	struct law law = fixture_law("besiroglu2024");
	struct map_spec s = spec_for(&law, 0);
	struct map_marker mk[60];
	struct canvas c;
	struct map m;
	char want[32];

	for (int i = 0; i < 60; i++)
		mk[i] = (struct map_marker){"M", "A model with a long name", 1e9 * (i + 1), 1e11,
		                            0};
	s.markers = mk;
	s.nmarkers = 60;
	assert_int_equal(canvas_init(&c, 40, 12), 0);
	assert_int_equal(map_draw_base(&c, (struct rect){0, 0, c.w, c.h}, &s, &m), 0);
	assert_true(m.dropped > 0);
	snprintf(want, sizeof want, "+%d more", m.dropped);
	bool found = false;
	for (int y = 0; y < c.h && !found; y++) {
		char row[64] = "";
		for (int x = 0; x < c.w; x++)
			row[x] = canvas_get(&c, x, y).ch;
		found = strstr(row, want) != NULL;
	}
	assert_true(found);
	canvas_free(&c);
}

/*
 * A canvas stays ASCII whatever a preset's name holds, one cell a
 * character: the two bytes of U+00E9 are one '?', as a caption's length
 * counts them.
 */
static void canvas_is_ascii(void **state)
{
	(void)state;
	struct canvas c;

	assert_int_equal(canvas_init(&c, 8, 1), 0);
	assert_int_equal(canvas_text(&c, 0, 0, "M\xc3\xa9ga\t", 8, STYLE_TEXT), 5);
	assert_int_equal(canvas_get(&c, 1, 0).ch, '?');
	assert_int_equal(canvas_get(&c, 2, 0).ch, 'g');
	assert_int_equal(canvas_get(&c, 4, 0).ch, '?');
	assert_int_equal(canvas_get(&c, 5, 0).ch, ' ');
	canvas_free(&c);
}

/* ---- profiles ---- */

/* The explorer's window, with the point at 20B parameters on a 1e23 budget. */
static struct profiles_spec profiles_for(const struct law *law, const char *name)
{
	return (struct profiles_spec){
	        .law = law,
	        .law_name = name,
	        .n_lo = 1e7,
	        .n_hi = 1e13,
	        .d_lo = 1e8,
	        .d_hi = 1e14,
	        .has_current = true,
	        .current_c = 1e23,
	        .current_n = 20e9,
	};
}

/* Each '*' is in the cell of its budget's optimum; '@' sits on the current curve. */
static void profile_minima_and_point(void **state)
{
	(void)state;
	struct law law = fixture_law("besiroglu2024");
	struct profiles_spec s = profiles_for(&law, "test");
	struct canvas c;
	struct profiles p;
	int cx, cy;
	double l;

	assert_int_equal(canvas_init(&c, 80, 24), 0);
	assert_int_equal(profiles_draw_base(&c, (struct rect){0, 0, c.w, c.h}, &s, &p), 0);
	profiles_draw_overlay(&c, (struct rect){0, 0, c.w, c.h}, &s, &p);
	assert_true(p.nbudgets >= 3);
	for (int i = 0; i < p.nbudgets; i++) {
		struct allocation a;
		assert_int_equal(optimum_at_compute(&law, p.budgets[i], 0, &a), MODEL_OK);
		if (!frame_cell(&p.frame, a.params, a.loss, &cx, &cy))
			continue; /* above the panel: its U is clipped */
		assert_int_equal(canvas_get(&c, cx, cy).ch, '*');
	}
	assert_int_equal(law_loss(&law, 20e9, 1e23 / (6 * 20e9), 0, &l), MODEL_OK);
	assert_true(frame_cell(&p.frame, 20e9, l, &cx, &cy));
	assert_int_equal(canvas_get(&c, cx, cy).ch, '@');
	canvas_free(&c);
}

/* Rows of c holding a glyph ch of style st inside rect r. */
static int rows_with(const struct canvas *c, struct rect r, char ch, int st)
{
	int rows = 0;

	for (int y = r.y; y < r.y + r.h; y++) {
		bool hit = false;
		for (int x = r.x; x < r.x + r.w; x++)
			hit |= canvas_get(c, x, y).ch == ch && canvas_get(c, x, y).style == st;
		rows += hit;
	}
	return rows;
}

/* The profiles of spec s drawn into a fresh w x h canvas at rect r; 0 or -1. */
static int draw_profiles(struct canvas *c, int w, int h, struct rect r,
                         const struct profiles_spec *s, struct profiles *p)
{
	assert_int_equal(canvas_init(c, w, h), 0);
	if (profiles_draw_base(c, r, s, p) != 0)
		return -1;
	profiles_draw_overlay(c, r, s, p);
	return 0;
}

/*
 * GPT-3 (175B on 300B tokens) under besiroglu2024 is 0.016 nats above its
 * budget's minimum. In the profiles panel of an 80x24 explorer, zoomed on
 * that budget, '@' and the curve's own '*' sit on different rows.
 */
static void zoomed_profile_separates_point_and_minimum(void **state)
{
	(void)state;
	struct law law = fixture_law("besiroglu2024");
	struct profiles_spec s = profiles_for(&law, "besiroglu2024");
	struct explorer_layout lay;
	struct allocation a;
	struct canvas c;
	struct profiles p;
	int px, py, mx, my;
	double l;

	s.current_n = 175e9;
	s.current_c = law_compute(&law, 175e9, 300e9);
	s.zoom = 1;
	explorer_layout(80, 24, TOUR_PANEL_BOTH, false, 3, &lay);
	assert_true(lay.profiles.w > 0);
	assert_int_equal(draw_profiles(&c, 80, 24, lay.profiles, &s, &p), 0);
	assert_true(p.zoomed);
	assert_int_equal(optimum_at_compute(&law, s.current_c, 0, &a), MODEL_OK);
	assert_int_equal(profile_loss(&law, s.current_c, 175e9, 0, &l), MODEL_OK);
	assert_true(l - a.loss > 0.015 && l - a.loss < 0.017);
	assert_true(frame_cell(&p.frame, 175e9, l, &px, &py));
	assert_true(frame_cell(&p.frame, a.params, a.loss, &mx, &my));
	assert_int_equal(canvas_get(&c, px, py).ch, '@');
	assert_int_equal(canvas_get(&c, mx, my).ch, '*');
	assert_true(py < my); /* the point above its minimum */
	/* enough y labels to read the gap: a tick at least every third row */
	int ticks = 0;
	for (int y = p.frame.area.y; y < p.frame.area.y + p.frame.area.h; y++)
		ticks += canvas_get(&c, p.frame.area.x - 1, y).ch == '+';
	assert_true(ticks >= p.frame.area.h / 3);
	canvas_free(&c);
}

/*
 * The zoom's default (PROFILES_ZOOM_AUTO): on exactly when the current
 * budget's curve, drawn among every budget's, covers fewer than three rows.
 * A small budget's deep U is left alone; GPT-3's flat one is zoomed.
 */
static void auto_zoom_when_the_curve_is_flat(void **state)
{
	(void)state;
	struct law law = fixture_law("besiroglu2024");
	const double budgets[] = {1e19, 3.14e23};
	const bool want[] = {false, true};
	struct rect r = {0, 0, 80, 24};

	for (int i = 0; i < 2; i++) {
		struct profiles_spec s = profiles_for(&law, "besiroglu2024");
		struct allocation a;
		struct canvas c;
		struct profiles p;

		assert_int_equal(optimum_at_compute(&law, budgets[i], 0, &a), MODEL_OK);
		s.current_c = budgets[i];
		s.current_n = a.params * 2;
		s.zoom = 0;
		assert_int_equal(draw_profiles(&c, 80, 24, r, &s, &p), 0);
		assert_false(p.zoomed);
		int rows = rows_with(&c, r, 'o', STYLE_HIGHLIGHT);
		canvas_free(&c);
		assert_int_equal(rows < PROFILES_ZOOM_ROWS, want[i]);

		s.zoom = PROFILES_ZOOM_AUTO;
		assert_int_equal(draw_profiles(&c, 80, 24, r, &s, &p), 0);
		assert_int_equal(p.zoomed, want[i]);
		if (p.zoomed) /* and then the curve has room */
			assert_true(rows_with(&c, r, 'o', STYLE_HIGHLIGHT) >= PROFILES_ZOOM_ROWS);
		canvas_free(&c);
	}
}

/*
 * With a window (--range) where no decade budget's minimum lies on the
 * current curve, the curve still has its own '*' at its optimum.
 */
static void current_curve_has_its_minimum_under_a_range(void **state)
{
	(void)state;
	struct law law = fixture_law("besiroglu2024");
	struct profiles_spec s = profiles_for(&law, "besiroglu2024");
	struct allocation a;
	struct canvas c;
	struct profiles p;
	int cx, cy;

	s.n_lo = 1e10;
	s.n_hi = 1e12;
	s.d_lo = 1e11;
	s.d_hi = 1e13;
	s.current_c = law_compute(&law, 175e9, 300e9);
	s.current_n = 175e9;
	assert_int_equal(draw_profiles(&c, 80, 24, (struct rect){0, 0, 80, 24}, &s, &p), 0);
	assert_int_equal(optimum_at_compute(&law, s.current_c, 0, &a), MODEL_OK);
	assert_true(frame_cell(&p.frame, a.params, a.loss, &cx, &cy));
	assert_int_equal(canvas_get(&c, cx, cy).ch, '*');
	assert_int_equal(canvas_get(&c, cx, cy).style, STYLE_FRONTIER);
	canvas_free(&c);
}

/* ---- extreme values: no float -> int conversion of inf or NaN ---- */

/* canvas_clamp_int keeps every double, even inf and NaN, within its bounds. */
static void clamp_int_bounds_everything(void **state)
{
	(void)state;
	assert_int_equal(canvas_clamp_int(INFINITY, -5, 5), 5);
	assert_int_equal(canvas_clamp_int(-INFINITY, -5, 5), -5);
	assert_int_equal(canvas_clamp_int(NAN, -5, 5), -5);
	assert_int_equal(canvas_clamp_int(1e308, 0, 100), 100);
	assert_int_equal(canvas_clamp_int(3.7, 0, 100), 3);
	assert_int_equal(canvas_clamp_int(-3.7, -10, 10), -3);
}

/* Draw a map and the profiles of law; under UBSan any cast of inf or NaN aborts. */
static void draw_both(const struct law *law)
{
	struct map_spec s = spec_for(law, 0);
	struct profiles_spec ps = profiles_for(law, "extreme");
	struct canvas c;
	struct map m;
	struct profiles p;

	s.has_point = true;
	s.point_n = 70e9;
	s.point_d = 1.4e12;
	assert_int_equal(canvas_init(&c, 80, 24), 0);
	if (map_draw_base(&c, (struct rect){0, 0, c.w, c.h}, &s, &m) == 0)
		map_draw_overlay(&c, (struct rect){0, 0, c.w, c.h}, &s, &m);
	if (profiles_draw_base(&c, (struct rect){0, 0, c.w, c.h}, &ps, &p) == 0)
		profiles_draw_overlay(&c, (struct rect){0, 0, c.w, c.h}, &ps, &p);
	/* whatever was drawn is printable: no "nan" or "inf" in any row */
	for (int y = 0; y < c.h; y++) {
		char row[96] = "";
		for (int x = 0; x < c.w; x++)
			row[x] = canvas_get(&c, x, y).ch;
		if (strstr(row, "nan") != NULL || strstr(row, "inf") != NULL)
			fail_msg("row %d: %s", y, row);
	}
	canvas_free(&c);
}

/* k = 1e308 (log10 k N D is inf), Kaplan's N_c = 1e-300, and huge A, B. */
static void extreme_laws_draw_without_undefined_behaviour(void **state)
{
	(void)state;
	struct law law = fixture_law("besiroglu2024");

	law.k = 1e308;
	draw_both(&law);
	law.k = 1e-300;
	draw_both(&law);
	law = fixture_law("besiroglu2024");
	law.A = law.B = 1e300; /* losses of 1e290: a linear loss axis far from 2.0 */
	draw_both(&law);
	law = fixture_law("kaplan2020");
	law.nc = 1e-300;
	law.dc = 1e-300;
	draw_both(&law);
	law = fixture_law("kaplan2020");
	law.k = 1e308;
	draw_both(&law);
}

/* ---- tags: where the map says each marker is, the canvas shows it ---- */

/*
 * Every plot cell agrees with the map's records both ways: a cell map_tag_at
 * gives to model i shows i's tag letter (or its '+'), and every tag or '+'
 * cell on the canvas has an owner, but for what is left of a tag cut by the
 * '@' at (px, py) (tags are 3 cells at most); map_tag_of covers the same cells.
 */
static void tags_agree_with_canvas(const struct canvas *c, const struct map *m,
                                   const struct map_marker *mk, int n, int px, int py)
{
	const struct rect *a = &m->frame.area;

	for (int y = a->y; y < a->y + a->h; y++)
		for (int x = a->x; x < a->x + a->w; x++) {
			struct glyph g = canvas_get(c, x, y);
			int i = map_tag_at(m, x, y);
			struct map_tag t;
			bool shown = g.style == STYLE_MODEL || g.style == STYLE_COLLISION;
			if (i < 0) {
				if (shown && !(y == py && abs(x - px) < 3))
					fail_msg("(%d, %d) shows '%c' of a tag the map does not "
					         "record",
					         x, y, g.ch);
				continue;
			}
			assert_true(i < n);
			assert_true(map_tag_of(m, i, &t));
			assert_true(t.cy == y && x >= t.x && x < t.x + t.len);
			char want = t.place == MARKER_COLLISION ? '+' : mk[i].tag[x - t.x];
			if (!shown || g.ch != want)
				fail_msg("%s: recorded at (%d, %d) as '%c', the canvas holds '%c'",
				         mk[i].name, x, y, want, g.ch);
		}
}

/* Whether marker i's tag reads whole on the canvas, where the map says it is. */
static bool tag_whole(const struct canvas *c, const struct map *m, const struct map_marker *mk,
                      int i)
{
	struct map_tag t;

	if (!map_tag_of(m, i, &t) || t.place != MARKER_TAG || t.len != (int)strlen(mk[i].tag))
		return false;
	for (int k = 0; k < t.len; k++)
		if (canvas_get(c, t.x + k, t.cy).ch != mk[i].tag[k])
			return false;
	return true;
}

/*
 * A crowd of 60 unmarked tags of one to three letters into mk, on a
 * lattice: N = n0 fn^(i mod per_row), D = d0 fd^(i / per_row). Returns 60.
 */
static int crowd(struct map_marker *mk, double n0, double fn, double d0, double fd, int per_row)
{
	static const char *const tags[] = {"A", "Bb", "Ccc"};

	for (int i = 0; i < 60; i++)
		mk[i] = (struct map_marker){tags[i % 3], tags[i % 3], n0 * pow(fn, i % per_row),
		                            d0 * pow(fd, i / per_row), 0};
	return 60;
}

/*
 * Marked models are labelled whole whatever the crowd: GPT-3, whose cell
 * Jurassic-1, OPT and BLOOM share (today a '+' for all four), and Gopher
 * and Chinchilla, listed after a crowd of unmarked tags that would have
 * taken their cells first. The unmarked ones yield: a '+' or not drawn.
 */
static void marked_tags_are_whole_in_a_crowd(void **state)
{
	(void)state;
	struct law law = fixture_law("besiroglu2024");
	struct map_spec s = spec_for(&law, 0);
	struct map_marker mk[80];
	struct canvas c;
	struct map m;
	struct map_tag t;
	/* the crowd surrounds the marked models' cells (N 50B..700B, D 200B..2T) */
	int n = crowd(mk, 4e10, 1.25, 2e11, 1.6, 12);
	int first = n;
	mk[n++] = (struct map_marker){"J1", "Jurassic-1", 178e9, 300e9, 0};
	mk[n++] = (struct map_marker){"OPT", "OPT-175B", 175e9, 180e9, 0};
	mk[n++] = (struct map_marker){"BL", "BLOOM", 176e9, 366e9, 0};
	mk[n++] = (struct map_marker){"G3", "GPT-3", 174.6e9, 300e9, MAP_MARKED};
	mk[n++] = (struct map_marker){"Go", "Gopher", 280e9, 300e9, MAP_MARKED};
	mk[n++] = (struct map_marker){"Ch", "Chinchilla", 70e9, 1.4e12, MAP_MARKED};
	mk[n++] = (struct map_marker){"L3", "Llama 3 70B", 70e9, 15e12, MAP_MARKED};
	s.markers = mk;
	s.nmarkers = n;
	for (int size = 0; size < 2; size++) { /* the explorer's half map and a full 80x24 */
		assert_int_equal(canvas_init(&c, size ? 80 : 50, size ? 24 : 16), 0);
		assert_int_equal(map_draw_base(&c, (struct rect){0, 0, c.w, c.h}, &s, &m), 0);
		tags_agree_with_canvas(&c, &m, mk, n, -1, -1);
		for (int i = first + 3; i < n; i++)
			if (!tag_whole(&c, &m, mk, i))
				fail_msg("%dx%d: marked %s is not labelled whole", c.w, c.h,
				         mk[i].name);
		/* the unmarked that share GPT-3's cell yield to it */
		for (int i = first; i < first + 3; i++)
			assert_true(!map_tag_of(&m, i, &t) || t.place == MARKER_COLLISION ||
			            tag_whole(&c, &m, mk, i));
		int yielded = 0;
		for (int i = 0; i < first + 3; i++)
			yielded += !map_tag_of(&m, i, &t) || t.place == MARKER_COLLISION;
		assert_true(yielded > 0);
		canvas_free(&c);
	}
}

/* The '@' on a marked model's cell moves its tag aside, and the title names the model. */
static void the_point_names_its_model(void **state)
{
	(void)state;
	struct law law = fixture_law("besiroglu2024");
	struct map_spec s = spec_for(&law, 0);
	const struct map_marker mk[] = {
	        {"Go", "Gopher", 280e9, 300e9, MAP_MARKED},
	        {"Ch", "Chinchilla", 70e9, 1.4e12, MAP_MARKED},
	};
	struct canvas c;
	struct map m;

	s.markers = mk;
	s.nmarkers = 2;
	s.has_point = true;
	s.point_n = 70e9;
	s.point_d = 1.4e12;
	s.point_label = "Chinchilla 70B";
	assert_int_equal(canvas_init(&c, 50, 16), 0);
	assert_int_equal(map_draw_base(&c, (struct rect){0, 0, c.w, c.h}, &s, &m), 0);
	map_draw_overlay(&c, (struct rect){0, 0, c.w, c.h}, &s, &m);
	assert_true(canvas_has_text(&c, "@ Chinchilla 70B"));
	assert_true(tag_whole(&c, &m, mk, 1));
	assert_true(tag_whole(&c, &m, mk, 0));
	canvas_free(&c);
}

/* Touching tags, a shared '+' and one off the map: the records say where each went. */
static void tags_are_recorded_where_they_are_drawn(void **state)
{
	(void)state;
	struct law law = fixture_law("besiroglu2024");
	struct map_spec s = spec_for(&law, 0);
	struct map_marker mk[64];
	struct canvas c;
	struct map m;
	struct map_tag t;
	/* a lattice tight enough that many tags touch or meet */
	int n = crowd(mk, 1e8, 1.35, 1e10, 3, 20);
	mk[n++] = (struct map_marker){"G3", "GPT-3", 175e9, 300e9, 0};
	mk[n++] = (struct map_marker){"J1", "Jurassic-1", 178e9, 300e9, 0};
	mk[n++] = (struct map_marker){"X", "Too big", 1e15, 1e15, 0};
	s.markers = mk;
	s.nmarkers = n;
	assert_int_equal(canvas_init(&c, 80, 24), 0);
	assert_int_equal(map_draw_base(&c, (struct rect){0, 0, c.w, c.h}, &s, &m), 0);
	tags_agree_with_canvas(&c, &m, mk, n, -1, -1);
	/* GPT-3 and Jurassic-1 share a cell: one '+' for both, GPT-3 (first) answers there */
	assert_true(map_tag_of(&m, n - 3, &t));
	assert_int_equal(t.place, MARKER_COLLISION);
	assert_int_equal(map_tag_at(&m, t.cx, t.cy), n - 3);
	assert_true(map_tag_of(&m, n - 2, &t));
	assert_int_equal(t.place, MARKER_COLLISION);
	assert_false(map_tag_of(&m, n - 1, &t)); /* off the map */
	assert_false(map_tag_of(&m, n, &t));     /* no such marker */
	int plain = 0, plus = 0;
	for (int i = 0; i < 60; i++)
		if (map_tag_of(&m, i, &t)) {
			plain += t.place == MARKER_TAG;
			plus += t.place == MARKER_COLLISION;
		}
	assert_true(plain > 10 && plus > 0); /* the crowd has both */

	/* the point on a crowd's tag: the records follow it aside, the '@' answers no model */
	int moved = 0;
	for (int i = 0; i < 60; i++) {
		if (!map_tag_of(&m, i, &t) || t.place != MARKER_TAG)
			continue;
		map_draw_base(&c, (struct rect){0, 0, c.w, c.h}, &s, &m);
		s.has_point = true;
		s.point_n = mk[i].n;
		s.point_d = mk[i].d;
		map_draw_overlay(&c, (struct rect){0, 0, c.w, c.h}, &s, &m);
		s.has_point = false;
		assert_int_equal(canvas_get(&c, t.cx, t.cy).ch, '@');
		assert_int_equal(map_tag_at(&m, t.cx, t.cy), -1);
		tags_agree_with_canvas(&c, &m, mk, n, t.cx, t.cy);
		struct map_tag now;
		moved += map_tag_of(&m, i, &now) && now.x != t.x;
	}
	assert_true(moved > 0); /* some tags stepped aside for the '@' */
	canvas_free(&c);
}

/*
 * The point on a tag with neighbours on both sides ("XYABOPQ"): the '@'
 * cuts it ("XY@BOPQ"), and the 'B' left answers no model, since the tag no
 * longer shows whole; its neighbours still answer for themselves.
 */
static void a_cut_tag_answers_no_model(void **state)
{
	(void)state;
	struct law law = fixture_law("besiroglu2024");
	struct map_spec s = spec_for(&law, 0);
	struct canvas c;
	struct map m;
	struct map_tag t;

	assert_int_equal(canvas_init(&c, 80, 24), 0);
	assert_int_equal(map_draw_base(&c, (struct rect){0, 0, c.w, c.h}, &s, &m), 0);
	/* N at the middle of plot column k, from the window (10M..10T over w cells) */
	const struct rect *a = &m.frame.area;
	int k = a->w / 2, cy = a->y + a->h / 2, x = a->x + k;
	double d = pow(10, 8 + (a->y + a->h - 1 - cy + 0.5) * 6.0 / a->h);
	const struct map_marker mk[] = {
	        {"XY", "XY", pow(10, 7 + (k - 1.5) * 6.0 / a->w), d, 0},
	        {"AB", "AB", pow(10, 7 + (k + 0.5) * 6.0 / a->w), d, 0},
	        {"OPQ", "OPQ", pow(10, 7 + (k + 2.5) * 6.0 / a->w), d, 0},
	};
	s.markers = mk;
	s.nmarkers = 3;
	assert_int_equal(map_draw_base(&c, (struct rect){0, 0, c.w, c.h}, &s, &m), 0);
	assert_true(canvas_has_text(&c, "XYABOPQ"));
	assert_int_equal(map_tag_at(&m, x + 1, cy), 1);
	s.has_point = true;
	s.point_n = mk[1].n;
	s.point_d = d;
	map_draw_overlay(&c, (struct rect){0, 0, c.w, c.h}, &s, &m);
	assert_true(canvas_has_text(&c, "XY@BOPQ"));
	assert_false(map_tag_of(&m, 1, &t));
	assert_int_equal(map_tag_at(&m, x, cy), -1);
	assert_int_equal(map_tag_at(&m, x + 1, cy), -1);
	assert_int_equal(map_tag_at(&m, x - 1, cy), 0);
	assert_int_equal(map_tag_at(&m, x + 2, cy), 2);
	canvas_free(&c);
}

/*
 * One look per style, printed as it says: the ANSI print wraps a glyph in
 * exactly the look's SGR (bold 1, dim 2, reverse 7, ink 30 + colour), and
 * what the map must not lose is bold or reverse, which need no colour.
 */
static void styles_print_as_their_look(void **state)
{
	(void)state;
	struct canvas c;

	assert_int_equal(canvas_init(&c, 1, 1), 0);
	for (int style = STYLE_BLANK; style < STYLE_CONTOUR + 12; style++) {
		struct look l = canvas_look(style);
		char want[64] = "", got[64] = "", *buf = NULL;
		size_t size = 0;
		FILE *fp = open_memstream(&buf, &size);
		assert_non_null(fp);
		canvas_put(&c, 0, 0, 'x', style);
		canvas_print(&c, fp, true);
		fclose(fp);
		snprintf(got, sizeof got, "%s", buf);
		free(buf);
		if (l.bold || l.dim || l.reverse || l.ink > 0) {
			strcat(want, "\033[");
			strcat(want, l.bold ? "1;" : "");
			strcat(want, l.dim ? "2;" : "");
			strcat(want, l.reverse ? "7;" : "");
			if (l.ink > 0) {
				assert_true(l.ink <= CANVAS_INKS);
				snprintf(want + strlen(want), sizeof want - strlen(want), "%d;",
				         30 + (int)canvas_ink(l.ink));
			}
			strcpy(want + strlen(want) - 1, "mx\033[0m\n");
		} else {
			strcpy(want, "x\n");
		}
		assert_string_equal(got, want);
	}
	static const int marks[] = {STYLE_FRONTIER, STYLE_FRONTIER2, STYLE_MODEL, STYLE_COLLISION,
	                            STYLE_CURRENT,  STYLE_HIGHLIGHT, STYLE_LABEL};
	for (size_t i = 0; i < sizeof marks / sizeof *marks; i++)
		assert_true(canvas_look(marks[i]).bold || canvas_look(marks[i]).reverse);
	/* neighbouring contour levels differ in colour */
	for (int k = 0; k < 8; k++)
		assert_int_not_equal(canvas_ink(canvas_look(STYLE_CONTOUR + k).ink),
		                     canvas_ink(canvas_look(STYLE_CONTOUR + k + 1).ink));
	canvas_free(&c);
}

/* 300 models: the map still draws, the named one is on it, the legend counts the rest. */
static void more_markers_than_fit_draw_by_priority(void **state)
{
	(void)state;
	struct law law = fixture_law("besiroglu2024");
	struct map_spec s = spec_for(&law, 0);
	static struct map_marker mk[300];
	struct canvas c;
	struct map m;

	for (int i = 0; i < 300; i++)
		mk[i] = (struct map_marker){"m", "synthetic", 1e8 * (1 + i % 50),
		                            1e10 * (1 + i / 50), 0};
	/* the last and smallest one matters most: it must be drawn all the same */
	mk[299] = (struct map_marker){"Me", "Mine", 2e7, 3e8, 2};
	s.markers = mk;
	s.nmarkers = 300;
	assert_int_equal(canvas_init(&c, 80, 24), 0);
	assert_int_equal(map_draw_base(&c, (struct rect){0, 0, c.w, c.h}, &s, &m), 0);
	assert_int_equal(m.hidden, 300 - MAP_MAX_MARKERS);
	/* all 300 are inside the window: the map shows exactly those it did not hide */
	struct map_tag t;
	int hidden = 0;
	for (int i = 0; i < 300; i++)
		hidden += !map_tag_of(&m, i, &t);
	assert_int_equal(hidden, 300 - MAP_MAX_MARKERS);
	/* the smallest compute goes first: markers 0 (1e8 x 1e10) is hidden */
	assert_false(map_tag_of(&m, 0, &t));
	char want[32], text[80 * 25] = "";
	snprintf(want, sizeof want, "%d models not drawn", 300 - MAP_MAX_MARKERS);
	for (int y = 0; y < c.h; y++) {
		for (int x = 0; x < c.w; x++)
			text[strlen(text)] = canvas_get(&c, x, y).ch;
		strcat(text, "\n");
	}
	if (strstr(text, want) == NULL)
		fail_msg("no '%s' in\n%s", want, text);
	/* the map's records name markers by the caller's index, hidden ones by none */
	assert_true(map_tag_of(&m, 299, &t));
	assert_int_equal(canvas_get(&c, t.x, t.cy).ch, 'M');
	for (int i = 0; i < 300; i++)
		if (map_tag_of(&m, i, &t) && t.place == MARKER_TAG)
			assert_int_equal(canvas_get(&c, t.x, t.cy).ch, mk[i].tag[0]);
	canvas_free(&c);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(contour_cell_vertical),
	        cmocka_unit_test(contour_cell_saddle),
	        cmocka_unit_test(contour_levels_are_nice),
	        cmocka_unit_test(contour_cells_straddle_their_level),
	        cmocka_unit_test(delta_cells_straddle_their_level),
	        cmocka_unit_test(frontier_contains_the_closed_form_optimum),
	        cmocka_unit_test(inference_frontier_contains_the_lifetime_optimum),
	        cmocka_unit_test(data_view_marks_four_epochs_and_the_wall),
	        cmocka_unit_test(isoflop_dots_lie_on_their_line),
	        cmocka_unit_test(shading_lies_outside_the_fitted_range),
	        cmocka_unit_test(isoflop_line_through_the_point_shows_in_every_column),
	        cmocka_unit_test(markers_are_never_dropped),
	        cmocka_unit_test(point_moves_a_blocked_tag_aside),
	        cmocka_unit_test(a_full_legend_counts_what_it_left_out),
	        cmocka_unit_test(kaplan_breakdown_is_marked),
	        cmocka_unit_test(canvas_is_ascii),
	        cmocka_unit_test(profile_minima_and_point),
	        cmocka_unit_test(zoomed_profile_separates_point_and_minimum),
	        cmocka_unit_test(auto_zoom_when_the_curve_is_flat),
	        cmocka_unit_test(current_curve_has_its_minimum_under_a_range),
	        cmocka_unit_test(clamp_int_bounds_everything),
	        cmocka_unit_test(extreme_laws_draw_without_undefined_behaviour),
	        cmocka_unit_test(more_markers_than_fit_draw_by_priority),
	        cmocka_unit_test(tags_are_recorded_where_they_are_drawn),
	        cmocka_unit_test(marked_tags_are_whole_in_a_crowd),
	        cmocka_unit_test(the_point_names_its_model),
	        cmocka_unit_test(a_cut_tag_answers_no_model),
	        cmocka_unit_test(styles_print_as_their_look),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
