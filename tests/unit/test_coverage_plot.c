/*
 * test_coverage_plot.c: coverage against samples draws what its result
 * says it drew, where the law puts it: '@' on c(k) at the point's k, the
 * target's row with '#' at tt_samples_for and "k = 364 for 0.9" beside,
 * 'o' within the fitted samples and ':' beyond; a point or a target off
 * the axis is reported, not silently dropped. The law is Brown et al.'s
 * shape as a literal (2024, arXiv:2407.21787, Eq. 3: c = exp(a k^b)).
 */
#include <stdlib.h>
#include <string.h>

#include "fixtures.h"

#include "../../tui/plot/coverage.h"

static const struct tt_law brown = {
        .form = TT_COVERAGE,
        .units = "coverage",
        .a = -1.33,
        .b = -0.43,
        .samples = {1, 1e4},
};

static const int sizes[3][2] = {{78, 16}, {80, 24}, {160, 48}};

/* Coverage at w x h with '@' at k = 100 and a target of 0.9. */
static void draw(struct canvas *c, int w, int h, struct coverage_spec *s, struct coverage_plot *p)
{
	*s = (struct coverage_spec){.law = &brown,
	                            .law_id = "brown2024-llama3-8b-math",
	                            .has_point = true,
	                            .k = 100,
	                            .has_target = true,
	                            .target = 0.9};
	assert_int_equal(canvas_init(c, w, h), 0);
	assert_int_equal(coverage_draw(c, (struct rect){0, 0, w, h}, s, p), 0);
}

/* '@' on the curve at k = 100: c = exp(-1.33 100^-0.43) = 0.8323 by hand. */
static void point_on_the_curve(void **state)
{
	(void)state;
	for (int i = 0; i < 3; i++) {
		struct canvas c;
		struct coverage_spec s;
		struct coverage_plot p;
		int x, y;
		draw(&c, sizes[i][0], sizes[i][1], &s, &p);
		assert_rel(p.coverage, 0.83227605, 1e-7);
		assert_true(p.point.drawn && !p.point.outside);
		assert_true(frame_cell(&p.frame, 100, p.coverage, &x, &y));
		assert_int_equal(p.point.x, x);
		assert_int_equal(p.point.y, y);
		assert_int_equal(canvas_get(&c, x, y).ch, '@');
		canvas_free(&c);
	}
}

/*
 * The target: (ln 0.9 / -1.33)^(1 / -0.43) = 363.8 samples by hand, '#'
 * where the curve meets the row, the row itself, and the label.
 */
static void target_and_its_k(void **state)
{
	(void)state;
	for (int i = 0; i < 3; i++) {
		struct canvas c;
		struct coverage_spec s;
		struct coverage_plot p;
		int x, y, dashes = 0;
		draw(&c, sizes[i][0], sizes[i][1], &s, &p);
		assert_rel(p.target_k, 363.80544, 1e-6);
		assert_true(p.meet.drawn);
		assert_true(frame_cell(&p.frame, p.target_k, 0.9, &x, &y));
		assert_int_equal(p.meet.x, x);
		assert_int_equal(p.meet.y, y);
		assert_int_equal(canvas_get(&c, x, y).ch, '#');
		for (int cx = p.frame.area.x; cx < p.frame.area.x + p.frame.area.w; cx++)
			dashes += canvas_get(&c, cx, y).ch == '-';
		assert_true(dashes >= p.frame.area.w / 4);
		assert_true(p.target_labelled);
		assert_true(canvas_has_text(&c, "k = 364 for 0.9"));
		assert_true(canvas_has_text(&c, "- target 0.9"));
		assert_true(canvas_has_text(&c, "@ k=100"));
		canvas_free(&c);
	}
}

/*
 * Each curve column's glyph says whether its k was fitted: 'o' up to the
 * samples the paper fitted (here 1e3 of the axis' 1e4), ':' past them.
 */
static void beyond_the_fit_drawn_apart(void **state)
{
	(void)state;
	struct tt_law short_fit = brown;
	struct canvas c;
	struct coverage_spec s;
	struct coverage_plot p;
	int fitted = 0, beyond = 0;

	short_fit.samples.hi = 1e3;
	draw(&c, 80, 24, &s, &p);
	s.law = &short_fit;
	s.k_hi = 1e4;
	s.has_target = false;
	assert_int_equal(coverage_draw(&c, (struct rect){0, 0, 80, 24}, &s, &p), 0);
	assert_true(p.beyond_x > p.frame.area.x);
	for (int y = p.frame.area.y; y < p.frame.area.y + p.frame.area.h; y++)
		for (int x = p.frame.area.x; x < p.frame.area.x + p.frame.area.w; x++) {
			char ch = canvas_get(&c, x, y).ch;
			if (ch == 'o') {
				assert_true(x <= p.beyond_x);
				fitted++;
			} else if (ch == ':') {
				assert_true(x >= p.beyond_x - 1);
				beyond++;
			}
		}
	assert_true(fitted >= (p.beyond_x - p.frame.area.x) / 2 && beyond >= 5);
	assert_true(canvas_has_text(&c, ": beyond the fitted k"));
	canvas_free(&c);
}

/* A point past the axis and a target it never reaches there: reported, not drawn. */
static void off_the_axis_reported(void **state)
{
	(void)state;
	struct canvas c;
	struct coverage_spec s;
	struct coverage_plot p;

	draw(&c, 80, 24, &s, &p);
	s.k = 1e6;
	s.target = 0.999; /* (ln 0.999 / -1.33)^(1 / -0.43) = 1.84e7 samples */
	assert_int_equal(coverage_draw(&c, (struct rect){0, 0, 80, 24}, &s, &p), 0);
	assert_true(p.point.outside && !p.point.drawn);
	assert_true(p.meet.outside && !p.meet.drawn);
	assert_true(p.target_k > 1e4);
	assert_true(p.target_labelled);
	assert_true(canvas_has_text(&c, "k = 18.4M for 0.999 (off the axis)"));
	assert_true(canvas_has_text(&c, "@ k=1M (off the axis)"));
	canvas_free(&c);
}

/* The label's sentence: whole samples, rounded up, at least one. */
static void target_sentence(void **state)
{
	(void)state;
	char buf[48];

	coverage_target_text(363.8, 0.9, buf, sizeof buf);
	assert_string_equal(buf, "k = 364 for 0.9");
	coverage_target_text(0.3, 0.2, buf, sizeof buf);
	assert_string_equal(buf, "k = 1 for 0.2");
	coverage_target_text(1.7e7, 0.999, buf, sizeof buf);
	assert_string_equal(buf, "k = 17M for 0.999");
}

/* Not a coverage law, or no room: -1. */
static void refuses_what_it_cannot_draw(void **state)
{
	(void)state;
	struct tt_law plane = {.form = TT_LOG_LINEAR, .exchange = 1.2, .per_unit = 0.004};
	struct canvas c;
	struct coverage_spec s;
	struct coverage_plot p;

	draw(&c, 80, 24, &s, &p);
	assert_int_equal(coverage_draw(&c, (struct rect){0, 0, 20, 8}, &s, &p), -1);
	s.law = &plane;
	assert_int_equal(coverage_draw(&c, (struct rect){0, 0, 80, 24}, &s, &p), -1);
	canvas_free(&c);
}

/*
 * The k axis' end: the fitted 1e4, a round decade past a target just beyond
 * it (0.975 needs (ln 0.975 / -1.33)^(1 / -0.43) = 10,070 samples by hand:
 * not "k = 10.1K (off the axis)"), and no further than 1e6.
 */
static void k_axis_reaches_point_and_target(void **state)
{
	(void)state;
	assert_float_equal(coverage_k_hi(&brown, 100, true, 0.9), 1e4, 0);
	assert_float_equal(coverage_k_hi(&brown, 1e4, false, 0), 1e4, 0);
	assert_float_equal(coverage_k_hi(&brown, 100, true, 0.975), 1e5, 0);
	assert_float_equal(coverage_k_hi(&brown, 2e4, false, 0), 1e5, 0);
	assert_float_equal(coverage_k_hi(&brown, 5e8, true, 0.9999), 1e6, 0);
}

/* "k = 364 for 0.9" keeps a cell from the curve each side ("ooook = 6.52K" misreads). */
static void target_label_apart_from_the_curve(void **state)
{
	(void)state;
	/* 72x16: plot coverage --width 72 --height 18, where the label ran into the curve */
	static const int more[4][2] = {{72, 16}, {78, 16}, {80, 24}, {160, 48}};
	for (int i = 0; i < 4; i++) {
		struct canvas c;
		struct coverage_spec s;
		struct coverage_plot p;
		draw(&c, more[i][0], more[i][1], &s, &p);
		for (int y = 0; y < c.h; y++)
			for (int x = 1; x + 4 < c.w; x++) {
				if (canvas_get(&c, x, y).ch != 'k' ||
				    canvas_get(&c, x + 1, y).ch != ' ' ||
				    canvas_get(&c, x + 2, y).ch != '=')
					continue;
				/* a blank (or the target's row) before it: never a curve or a dot
				 */
				int before = canvas_get(&c, x - 1, y).ch;
				assert_true(before == ' ' || before == COVERAGE_TARGET_GLYPH);
			}
		canvas_free(&c);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(point_on_the_curve),
	        cmocka_unit_test(target_and_its_k),
	        cmocka_unit_test(beyond_the_fit_drawn_apart),
	        cmocka_unit_test(off_the_axis_reported),
	        cmocka_unit_test(target_sentence),
	        cmocka_unit_test(refuses_what_it_cannot_draw),
	        cmocka_unit_test(k_axis_reaches_point_and_target),
	        cmocka_unit_test(target_label_apart_from_the_curve),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
