/*
 * test_traintest_plot.c: the train x test plane draws what its result says
 * it drew, where the law puts it: '@' at the point's cell, '*' at the
 * cheapest pair's (tt_cheapest), contours on their level's cells and
 * labelled, the totals labelled, every glyph in the legend; a point
 * outside the window is reported, not silently dropped. Sizes: the
 * explorer's panel at 80x24 (78x16), a plot at 80x24, and 160x48. The law
 * is Jones's shape as a literal (Jones 2021, arXiv:2104.03113: Hex, Elo
 * against perfect play), so that the test does not hang on a preset.
 */
#include <stdlib.h>
#include <string.h>

#include "fixtures.h"

#include "../../model/units.h"
#include "../../tui/plot/traintest.h"

static const struct tt_law jones = {
        .form = TT_LOG_LINEAR,
        .units = "Elo",
        .exchange = 1.2,
        .per_unit = 0.004,
        .offset = 29,
        .train = {1e12, 1e17},
        .performance = {-1500, 0},
};

static const int sizes[3][2] = {{78, 16}, {80, 24}, {160, 48}};

/* The plane at w x h with '@' at (1e14, 1e10) and Q = 1e6, in the window traintest_window picks. */
static void draw(struct canvas *c, int w, int h, struct traintest_spec *s, struct traintest_plot *p)
{
	*s = (struct traintest_spec){.law = &jones,
	                             .law_id = "jones2021-hex9",
	                             .has_point = true,
	                             .train = 1e14,
	                             .test = 1e10,
	                             .problems = 1e6};
	assert_true(traintest_window(s));
	assert_int_equal(canvas_init(c, w, h), 0);
	assert_int_equal(traintest_draw(c, (struct rect){0, 0, w, h}, s, p), 0);
}

/* Whether (x, y) is a cell of the plot area. */
static bool in_plot(const struct traintest_plot *p, int x, int y)
{
	const struct rect *a = &p->frame.area;
	return x >= a->x && x < a->x + a->w && y >= a->y && y < a->y + a->h;
}

/* '@' at the point's cell, '*' at the cheapest pair's, which is tt_cheapest's. */
static void marks_where_the_law_puts_them(void **state)
{
	(void)state;
	for (int i = 0; i < 3; i++) {
		struct canvas c;
		struct traintest_spec s;
		struct traintest_plot p;
		double tr, te;
		int x, y;
		draw(&c, sizes[i][0], sizes[i][1], &s, &p);
		assert_true(p.point.drawn && !p.point.outside);
		assert_true(frame_cell(&p.frame, 1e14, 1e10, &x, &y));
		assert_int_equal(p.point.x, x);
		assert_int_equal(p.point.y, y);
		assert_int_equal(canvas_get(&c, x, y).ch, '@');
		assert_rel(p.performance, tt_performance(&jones, 1e14, 1e10), 1e-12);
		assert_true(tt_cheapest(&jones, p.performance, 1e6, &tr, &te));
		assert_rel(p.cheap_train, tr, 1e-12);
		assert_rel(p.cheap_test, te, 1e-12);
		assert_true(p.cheapest.drawn);
		assert_true(frame_cell(&p.frame, tr, te, &x, &y));
		assert_int_equal(p.cheapest.x, x);
		assert_int_equal(p.cheapest.y, y);
		assert_true(in_plot(&p, x, y));
		assert_int_equal(canvas_get(&c, x, y).ch, '*');
		canvas_free(&c);
	}
}

/*
 * Every cell drawn in a contour's style lies on its level: the law's
 * performance at the cell's centre is within one cell's worth of it.
 */
static void contours_on_their_levels(void **state)
{
	(void)state;
	for (int i = 0; i < 3; i++) {
		struct canvas c;
		struct traintest_spec s;
		struct traintest_plot p;
		draw(&c, sizes[i][0], sizes[i][1], &s, &p);
		const struct frame *f = &p.frame;
		double dx = (f->x.hi - f->x.lo) / f->area.w, dy = (f->y.hi - f->y.lo) / f->area.h;
		double tol = (jones.exchange * dx + dy) / jones.per_unit;
		int cells = 0;
		assert_true(p.nlevels >= 3);
		for (int y = f->area.y; y < f->area.y + f->area.h; y++)
			for (int x = f->area.x; x < f->area.x + f->area.w; x++) {
				struct glyph g = canvas_get(&c, x, y);
				double tr, te;
				if (g.style < STYLE_CONTOUR)
					continue;
				frame_value(f, x, y, &tr, &te);
				assert_abs(tt_performance(&jones, tr, te),
				           p.levels[g.style - STYLE_CONTOUR], tol);
				assert_non_null(strchr("-\\|", g.ch));
				cells++;
			}
		assert_true(cells >= 3 * f->area.w / 2);
		canvas_free(&c);
	}
}

/* At least two contours carry their "-500 Elo" label, and each label said so is on the canvas. */
static void contours_labelled(void **state)
{
	(void)state;
	for (int i = 0; i < 3; i++) {
		struct canvas c;
		struct traintest_spec s;
		struct traintest_plot p;
		char text[32];
		int labelled = 0;
		draw(&c, sizes[i][0], sizes[i][1], &s, &p);
		for (int k = 0; k < p.nlevels; k++) {
			traintest_performance_text(&jones, p.levels[k], text, sizeof text);
			if (p.level_labelled[k])
				assert_true(canvas_has_text(&c, text));
			labelled += p.level_labelled[k];
		}
		assert_true(labelled >= 2);
		/* round levels a round step apart, within the paper's -1500 to 0 */
		double step = p.levels[1] - p.levels[0];
		assert_true(step == 100 || step == 250 || step == 500 || step == 1000);
		for (int k = 0; k < p.nlevels; k++) {
			assert_true(p.levels[k] >= -1500 && p.levels[k] <= 0);
			assert_abs(fmod(p.levels[k], step), 0, 1e-9);
		}
		canvas_free(&c);
	}
}

/* The totals (train + Q test) are drawn and labelled "1e16", and the legend names each glyph. */
static void totals_and_legend(void **state)
{
	(void)state;
	for (int i = 0; i < 3; i++) {
		struct canvas c;
		struct traintest_spec s;
		struct traintest_plot p;
		char text[16];
		draw(&c, sizes[i][0], sizes[i][1], &s, &p);
		assert_true(p.ntotals >= 2);
		for (int k = 0; k < p.ntotals; k++) {
			assert_true(p.total_drawn[k] && p.total_labelled[k]);
			units_format_compute(p.totals[k], text, sizeof text);
			assert_true(canvas_has_text(&c, text));
		}
		assert_true(canvas_has_text(&c, "@ point"));
		assert_true(canvas_has_text(&c, "* cheapest"));
		assert_true(canvas_has_text(&c, ". train+1M*test FLOPs"));
		assert_true(canvas_has_text(&c, "` beyond the fit"));
		assert_true(canvas_has_text(&c, "jones2021-hex9"));
		canvas_free(&c);
	}
}

/* A point outside the window is reported outside, and no '@' stands in for it. */
static void point_outside_reported(void **state)
{
	(void)state;
	struct canvas c;
	struct traintest_spec s;
	struct traintest_plot p;

	draw(&c, 80, 24, &s, &p);
	s.train = 1e20; /* past the window's 1e18 */
	assert_int_equal(traintest_draw(&c, (struct rect){0, 0, 80, 24}, &s, &p), 0);
	assert_true(p.point.outside && !p.point.drawn);
	assert_int_equal(p.point.x, -1);
	assert_true(canvas_has_text(&c, "@ point (outside the window)"));
	for (int y = 0; y < 24; y++)
		for (int x = 0; x < 80; x++)
			assert_true(canvas_get(&c, x, y).ch != '@' ||
			            canvas_get(&c, x, y).style != STYLE_CURRENT);
	canvas_free(&c);
}

/* The cheapest pair past the window's right edge: reported outside, and the legend says so. */
static void cheapest_outside_reported(void **state)
{
	(void)state;
	struct canvas c;
	struct traintest_spec s;
	struct traintest_plot p;

	draw(&c, 80, 24, &s, &p);
	s.train_hi = 5e14; /* the cheapest trains on 8.8e14 FLOPs, the point on 1e14 */
	assert_int_equal(traintest_draw(&c, (struct rect){0, 0, 80, 24}, &s, &p), 0);
	assert_true(p.point.drawn);
	assert_true(p.cheap_train > 5e14);
	assert_true(p.cheapest.outside && !p.cheapest.drawn);
	assert_true(canvas_has_text(&c, "* cheapest (outside the window)"));
	canvas_free(&c);
}

/* No plane, no window, no room: -1, nothing claimed. */
static void refuses_what_it_cannot_draw(void **state)
{
	(void)state;
	struct canvas c;
	struct traintest_spec s;
	struct traintest_plot p;
	struct tt_law coverage = {.form = TT_COVERAGE, .a = -1.33, .b = -0.43};

	draw(&c, 80, 24, &s, &p);
	assert_int_equal(traintest_draw(&c, (struct rect){0, 0, 30, 8}, &s, &p), -1);
	s.law = &coverage;
	assert_int_equal(traintest_draw(&c, (struct rect){0, 0, 80, 24}, &s, &p), -1);
	assert_false(traintest_window(&s));
	s.law = &jones;
	s.train_lo = s.train_hi;
	assert_int_equal(traintest_draw(&c, (struct rect){0, 0, 80, 24}, &s, &p), -1);
	canvas_free(&c);
}

/*
 * The readout's sentences, against hand computations from the constants:
 * 10^1.2 = 15.85 (Jones: "about 15x"), and at -500 Elo for 1e6 problems
 * train = (1.2e6 10^27)^(1/2.2) = 1.086e15, test = 10^27 / train^1.2 = 9.053e8.
 */
static void readout_sentences(void **state)
{
	(void)state;
	char buf[160];

	traintest_exchange_text(&jones, 1e14, -500, buf, sizeof buf);
	assert_string_equal(buf, "10x training saves 15.8x test compute (derived)");
	traintest_cheapest_text(&jones, -500, 1e6, buf, sizeof buf);
	assert_string_equal(buf, "cheapest for 1M problems: train 1.09e15, test 9.05e8, total "
	                         "1.99e15 (derived)");
	traintest_performance_text(&jones, -500, buf, sizeof buf);
	assert_string_equal(buf, "-500 Elo");
	traintest_cheapest_text(&jones, -500, 0, buf, sizeof buf);
	assert_non_null(strstr(buf, "problems > 0"));
}

/* The shared helpers: one rule for the default problems; the fitted test on all three ranges. */
static void shared_helpers(void **state)
{
	(void)state;
	struct tt_law law = jones;

	assert_float_equal(traintest_default_problems(1e15, 1e8), 1e7, 1);
	assert_float_equal(traintest_default_problems(1e15, 3.5e8), 1e6, 1);
	assert_float_equal(traintest_default_problems(1e8, 1e9), 1, 0);
	law.train = (struct tt_range){1e12, 1e17};
	assert_true(traintest_point_fitted(&law, 1e15, 1e8));
	assert_false(traintest_point_fitted(&law, 1e18, 1e4));
	assert_false(traintest_point_fitted(&law, 1e15, 1e12)); /* above 0 Elo */
	assert_false(traintest_compute_unchecked(&law));
	struct tt_law bare = jones; /* as shipped: no compute range (Fig. 9 unread) */
	bare.train = bare.test = (struct tt_range){0, 0};
	assert_true(traintest_compute_unchecked(&bare));
	strcpy(law.per, "move");
	char buf[160];
	traintest_cheapest_text(&law, -500, 1.12e7, buf, sizeof buf);
	assert_non_null(strstr(buf, "cheapest for 11.2M moves"));
	/* -500 Elo for 1e6 problems needs train 1.09e15: past a range ending at 1e14 */
	law.train = (struct tt_range){1e12, 1e14};
	traintest_cheapest_text(&law, -500, 1e6, buf, sizeof buf);
	assert_non_null(strstr(buf, "(extrapolated)"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(marks_where_the_law_puts_them),
	        cmocka_unit_test(contours_on_their_levels),
	        cmocka_unit_test(contours_labelled),
	        cmocka_unit_test(totals_and_legend),
	        cmocka_unit_test(point_outside_reported),
	        cmocka_unit_test(cheapest_outside_reported),
	        cmocka_unit_test(refuses_what_it_cannot_draw),
	        cmocka_unit_test(readout_sentences),
	        cmocka_unit_test(shared_helpers),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
