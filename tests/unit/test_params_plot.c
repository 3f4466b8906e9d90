/*
 * test_params_plot.c: a power law's L(N) draws what its result says it
 * drew, where the law puts it: '@' on the curve at the point's N, the
 * floor L_inf as a labelled row, 'o' within the fitted parameters and ':'
 * beyond. The law is Henighan et al.'s image 8x8 row as a literal (2020,
 * arXiv:2010.14701, Table 1: L(N) = 3.12 + (N / 8.0e1)^-0.24, fitted
 * over 1.23e4 to 3.22e9 parameters as the research notes give them).
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "fixtures.h"

#include "../../tui/plot/params.h"

static struct law image8(void)
{
	struct law law = {.family = LAW_POWER, .k = 6};

	law.by_params = (struct law_single){3.12, 80, 0.24};
	law.params = (struct law_range){1.23e4, 3.22e9};
	return law;
}

static const int sizes[3][2] = {{78, 16}, {80, 24}, {160, 48}};

/* L(N) at w x h with '@' at N = 1e6. */
static void draw(struct canvas *c, int w, int h, const struct law *law, struct params_plot *p)
{
	struct params_spec s = {
	        .law = law, .law_id = "henighan2020-image8", .has_point = true, .n = 1e6};

	assert_int_equal(canvas_init(c, w, h), 0);
	assert_int_equal(params_draw(c, (struct rect){0, 0, w, h}, &s, p), 0);
}

/* '@' at N = 1e6 with L = 3.12 + (80/1e6)^0.24 = 3.2239 by hand, on the curve's cell. */
static void point_on_the_curve(void **state)
{
	struct law law = image8();

	(void)state;
	for (int i = 0; i < 3; i++) {
		struct canvas c;
		struct params_plot p;
		double want = 3.12 + pow(80 / 1e6, 0.24), n, l;
		draw(&c, sizes[i][0], sizes[i][1], &law, &p);
		assert_true(fabs(p.loss - want) < 1e-12);
		assert_true(fabs(p.loss - 3.2239) < 1e-4);
		assert_true(p.point.drawn);
		assert_int_equal(canvas_get(&c, p.point.x, p.point.y).ch, '@');
		frame_value(&p.frame, p.point.x, p.point.y, &n, &l);
		assert_true(fabs(log10(n) - 6) <= (p.frame.x.hi - p.frame.x.lo) / p.frame.area.w);
		canvas_free(&c);
	}
}

/* The floor is a row of '_' labelled 3.12, below every cell of the curve. */
static void floor_is_labelled_below_the_curve(void **state)
{
	struct law law = image8();
	struct canvas c;
	struct params_plot p;

	(void)state;
	draw(&c, 80, 24, &law, &p);
	assert_true(p.floor_y >= 0);
	assert_true(canvas_has_text(&c, "L_inf=3.12"));
	for (int y = p.floor_y + 1; y < p.frame.area.y + p.frame.area.h; y++)
		for (int x = p.frame.area.x; x < p.frame.area.x + p.frame.area.w; x++)
			assert_int_not_equal(canvas_get(&c, x, y).ch, 'o');
	canvas_free(&c);
	/* a pure power law (floor 0) has no floor row */
	law.by_params.floor = 0;
	draw(&c, 80, 24, &law, &p);
	assert_int_equal(p.floor_y, -1);
	assert_false(canvas_has_text(&c, "L_inf"));
	canvas_free(&c);
}

/* 'o' inside the fitted 1.23e4..3.22e9, ':' outside, on both sides of the default window. */
static void fitted_and_beyond(void **state)
{
	struct law law = image8();
	struct canvas c;
	struct params_plot p;
	double n, l;

	(void)state;
	draw(&c, 80, 24, &law, &p);
	assert_true(p.beyond_lo_x >= 0 && p.beyond_hi_x > p.beyond_lo_x);
	frame_value(&p.frame, p.beyond_lo_x, 0, &n, &l);
	assert_true(n < 1.23e4);
	frame_value(&p.frame, p.beyond_hi_x, 0, &n, &l);
	assert_true(n > 3.22e9);
	assert_true(canvas_has_text(&c, "beyond the fitted N"));
	assert_true(canvas_has_text(&c, "L(N) = 3.12 + (80/N)^0.24"));
	canvas_free(&c);
}

/* No L(N), a rectangle too small or an empty window: -1, nothing claimed drawn. */
static void refuses_what_it_cannot_draw(void **state)
{
	struct law law = image8(), nolaw = {.family = LAW_POWER};
	struct canvas c;
	struct params_plot p;
	struct params_spec s = {.law = &nolaw, .law_id = "x"};

	(void)state;
	assert_int_equal(canvas_init(&c, 80, 24), 0);
	assert_false(params_has_curve(&nolaw));
	assert_int_equal(params_draw(&c, (struct rect){0, 0, 80, 24}, &s, &p), -1);
	s.law = &law;
	assert_int_equal(params_draw(&c, (struct rect){0, 0, 20, 8}, &s, &p), -1);
	s.n_lo = 1e9;
	s.n_hi = 1e6;
	assert_int_equal(params_draw(&c, (struct rect){0, 0, 80, 24}, &s, &p), -1);
	canvas_free(&c);
}

/* A point outside the default window widens it to the point's decades. */
static void window_reaches_the_point(void **state)
{
	struct law law = image8();
	double lo, hi;

	(void)state;
	params_window(&law, false, 0, &lo, &hi);
	assert_true(lo == 1e3 && hi == 1e11);
	params_window(&law, true, 3e13, &lo, &hi);
	assert_true(lo == 1e3 && hi == 1e14);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(point_on_the_curve),
	        cmocka_unit_test(floor_is_labelled_below_the_curve),
	        cmocka_unit_test(fitted_and_beyond),
	        cmocka_unit_test(refuses_what_it_cannot_draw),
	        cmocka_unit_test(window_reaches_the_point),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
