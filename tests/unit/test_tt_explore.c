/*
 * test_tt_explore.c: the explorer's test-time views (issue 16). The plane's
 * linked sliders keep total = train + problems x test as the lock says (a
 * total that cannot hold clamps and says so), X and K refuse a law they
 * cannot show with a status line naming it, W closes an open view the new
 * law cannot show, the readout gives the point's numbers, and the start
 * setters refuse what is no value. Loaded with the shipped presets and the
 * made-up test-time laws of tests/testtime-presets.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../tui/explore/app.h"
#include "../../tui/explore/app_views.h"
#include "../../tui/explore/explorer.h"
#include "../../tui/explore/keys.h"
#include "../../tui/explore/readout.h"
#define CATALOG_FIXTURE_EXTRA_DIR "tests/testtime-presets"
#include "catalog_fixture.h"

/* A fresh state under Hoffmann's law, the test-time law `tt` chosen. */
static void start(struct app *a, const char *tt)
{
	const struct catalog_entry *law = catalog_law(&cat, "hoffmann2022");
	const struct catalog_entry *e = catalog_testtime(&cat, tt);

	assert_non_null(law);
	assert_non_null(e);
	app_init(a, &cat, (size_t)(law - cat.laws));
	assert_true(app_set_tt_law(a, (size_t)(e - cat.testtimes)));
}

static double total(const struct app *a)
{
	return app_value(a, SLIDER_TOTAL);
}

/* Equal to 1e-12 relative: the link is exact arithmetic, not a solve. */
static void assert_close(double got, double want)
{
	if (!(fabs(got - want) <= 1e-12 * fabs(want)))
		fail_msg("got %.17g, want %.17g", got, want);
}

/* The default: Jones's Hex plane, the total locked. */
static void defaults_are_jones_and_total_locked(void **state)
{
	struct app a;

	(void)state;
	app_init(&a, &cat, 0);
	assert_string_equal(app_tt_law(&a)->preset.id, "jones2021-hex9");
	assert_int_equal(a.scene.tt.lock, SLIDER_TOTAL);
	assert_true(a.scene.tt.train > 0 && a.scene.tt.test > 0 && a.scene.tt.problems >= 1);
	assert_close(total(&a), a.scene.tt.train + a.scene.tt.problems * a.scene.tt.test);
}

/* Total locked: train, test and problems each move, and the total holds. */
static void total_locked_holds_the_total(void **state)
{
	struct app a;
	double t;

	(void)state;
	start(&a, "jones2021-hex9");
	app_set_train(&a, 1e15);
	app_set_test(&a, 1e8);
	app_set_problems(&a, 1e6);
	t = total(&a); /* 1.1e15 */
	app_set(&a, SLIDER_TRAIN, 5e14);
	assert_close(a.scene.tt.train, 5e14);
	assert_close(a.scene.tt.test, (t - 5e14) / 1e6); /* test took up the rest: 6e8 */
	assert_close(total(&a), t);
	app_set(&a, SLIDER_TEST, 2e8);
	assert_close(a.scene.tt.test, 2e8);
	assert_close(a.scene.tt.train, t - 1e6 * 2e8); /* train followed: 9e14 */
	assert_close(total(&a), t);
	app_set(&a, SLIDER_PROBLEMS, 1e5);
	assert_close(a.scene.tt.problems, 1e5);
	assert_close(a.scene.tt.train, 9e14); /* problems move test, not train */
	assert_close(total(&a), t);
	assert_string_equal(a.status, "");
}

/* Total locked, train above it: train stops where test reaches its floor, said. */
static void a_follower_at_its_end_stops_the_mover(void **state)
{
	struct app a;
	double t;

	(void)state;
	start(&a, "jones2021-hex9");
	app_set_train(&a, 1e15);
	app_set_test(&a, 1e8);
	app_set_problems(&a, 1e6);
	t = total(&a);
	app_set(&a, SLIDER_TRAIN, 1e17);
	assert_close(a.scene.tt.train, t - 1e6); /* 1e6 problems at test's floor, 1 FLOP */
	assert_close(a.scene.tt.test, 1);
	assert_close(total(&a), t);
	assert_string_equal(a.status, "test at its floor 1e0: train stops at 1.1e15");
}

/* Total locked, test moved up until train reaches its floor: the total holds, and says which. */
static void total_locked_test_up_stops_at_trains_floor(void **state)
{
	struct app a;
	double t;

	(void)state;
	start(&a, "jones2021-hex9");
	app_set_train(&a, 1e15);
	app_set_test(&a, 1e8);
	app_set_problems(&a, 1e6);
	t = total(&a); /* 1.1e15 */
	app_set(&a, SLIDER_TEST, 1e10);
	assert_close(a.scene.tt.train, 1e6);
	assert_close(a.scene.tt.test, (t - 1e6) / 1e6);
	assert_close(total(&a), t);
	assert_null(strstr(a.status, "cannot hold"));
	assert_string_equal(a.status, "train at its floor 1e6: test stops at 1.1e9");
}

/* Total locked, problems to their maximum: the total does not drift, problems stop. */
static void total_locked_problems_stop_where_the_total_holds(void **state)
{
	struct app a;
	double t;

	(void)state;
	start(&a, "jones2021-hex9");
	app_set_train(&a, 1e15);
	app_set_test(&a, 1e9);
	app_set_problems(&a, 1e6);
	t = total(&a); /* 2e15 */
	app_set(&a, SLIDER_PROBLEMS, 1e18);
	assert_close(total(&a), t);
	assert_close(a.scene.tt.train, 1e15);
	assert_close(a.scene.tt.test, 1);
	assert_close(a.scene.tt.problems, 1e15); /* (2e15 - 1e15) / 1 FLOP each */
	assert_string_equal(a.status, "test at its floor 1e0: problems stop at 1e15");
}

/* Test locked, the total moved down: it stops at train's floor + Q x test, test untouched. */
static void test_locked_total_down_leaves_test(void **state)
{
	struct app a;

	(void)state;
	start(&a, "jones2021-hex9");
	app_set_train(&a, 1e15);
	app_set_test(&a, 1e8);
	app_set_problems(&a, 1e6);
	app_tt_cycle_lock(&a);
	app_tt_cycle_lock(&a);
	assert_int_equal(a.scene.tt.lock, SLIDER_TEST);
	app_set(&a, SLIDER_TOTAL, 1e10);
	assert_close(a.scene.tt.test, 1e8);
	assert_close(a.scene.tt.train, 1e6);
	assert_close(total(&a), 1e6 + 1e6 * 1e8);
	assert_string_equal(a.status, "train at its floor 1e6: total stops at 1e14");
}

/* Train locked: moving test or problems moves the total; moving the total moves test. */
static void train_locked_the_total_follows(void **state)
{
	struct app a;

	(void)state;
	start(&a, "jones2021-hex9");
	app_set_train(&a, 1e15);
	app_set_test(&a, 1e8);
	app_set_problems(&a, 1e6);
	app_tt_cycle_lock(&a);
	assert_int_equal(a.scene.tt.lock, SLIDER_TRAIN);
	app_set(&a, SLIDER_TEST, 1e9);
	assert_close(a.scene.tt.train, 1e15);
	assert_close(total(&a), 1e15 + 1e15);
	app_set(&a, SLIDER_TOTAL, 3e15);
	assert_close(a.scene.tt.train, 1e15);
	assert_close(a.scene.tt.test, 2e9);
	/* below the locked train no test is left: the total stops where test reaches its floor */
	app_set(&a, SLIDER_TOTAL, 5e14);
	assert_close(a.scene.tt.test, 1);
	assert_close(a.scene.tt.train, 1e15);
	assert_close(total(&a), 1e15 + 1e6);
	assert_string_equal(a.status, "test at its floor 1e0: total stops at 1e15");
}

/* Test locked: moving train moves the total; moving the total moves train. */
static void test_locked_train_follows_the_total(void **state)
{
	struct app a;

	(void)state;
	start(&a, "jones2021-hex9");
	app_set_train(&a, 1e15);
	app_set_test(&a, 1e8);
	app_set_problems(&a, 1e6);
	app_tt_cycle_lock(&a);
	app_tt_cycle_lock(&a);
	assert_int_equal(a.scene.tt.lock, SLIDER_TEST);
	app_set(&a, SLIDER_TRAIN, 2e15);
	assert_close(a.scene.tt.test, 1e8);
	assert_close(total(&a), 2e15 + 1e14);
	app_set(&a, SLIDER_TOTAL, 1e16);
	assert_close(a.scene.tt.test, 1e8);
	assert_close(a.scene.tt.train, 1e16 - 1e14);
	app_tt_cycle_lock(&a);
	assert_int_equal(a.scene.tt.lock, SLIDER_TOTAL);
}

/* 'x' in view X cycles total, train, test; outside it C, N, D as before. */
static void x_cycles_the_planes_lock_in_x(void **state)
{
	struct app a;

	(void)state;
	start(&a, "jones2021-hex9");
	assert_int_equal(app_key(&a, 'X'), KEY_HANDLED);
	assert_true(app_view_on(&a, TOUR_VIEW_TRAINTEST));
	app_key(&a, 'x');
	assert_int_equal(a.scene.tt.lock, SLIDER_TRAIN);
	assert_int_equal(a.scene.lock, SLIDER_C);
	assert_true(app_slider_locked(&a, SLIDER_TRAIN));
	assert_false(app_slider_locked(&a, SLIDER_C));
	assert_non_null(strstr(a.status, "train locked"));
	app_key(&a, 'X');
	app_key(&a, 'x');
	assert_int_equal(a.scene.lock, SLIDER_N);
	assert_int_equal(a.scene.tt.lock, SLIDER_TRAIN);
	/* K's sliders are not linked: x moves no lock hidden behind it, and says so */
	start(&a, "test-coverage");
	app_key(&a, 'K');
	assert_true(app_view_on(&a, TOUR_VIEW_COVERAGE));
	app_key(&a, 'x');
	assert_int_equal(a.scene.lock, SLIDER_C);
	assert_string_equal(a.status, "x: nothing to lock here: these sliders move on their own");
}

/* The sliders X and K show, in place of N, D, C. */
static void views_show_their_own_sliders(void **state)
{
	struct app a;
	enum slider on[APP_MAX_SLIDERS];

	(void)state;
	start(&a, "jones2021-hex9");
	assert_true(app_toggle_view(&a, TOUR_VIEW_TRAINTEST));
	assert_int_equal(app_sliders(&a, on), 4);
	assert_int_equal(on[0], SLIDER_TRAIN);
	assert_int_equal(on[1], SLIDER_TEST);
	assert_int_equal(on[2], SLIDER_PROBLEMS);
	assert_int_equal(on[3], SLIDER_TOTAL);
	assert_int_equal(a.scene.focus, SLIDER_TRAIN);
	start(&a, "test-coverage");
	assert_true(app_toggle_view(&a, TOUR_VIEW_COVERAGE));
	assert_int_equal(app_sliders(&a, on), 2);
	assert_int_equal(on[0], SLIDER_SAMPLES);
	assert_int_equal(on[1], SLIDER_TARGET);
	assert_int_equal(a.scene.focus, SLIDER_SAMPLES);
}

/* The status fits an 80-column status line whole. */
static void assert_fits_80(const struct app *a)
{
	if (strlen(a->status) > 80)
		fail_msg("%zu columns: %s", strlen(a->status), a->status);
}

/* X or K under a law it cannot show switches to the default one of its kind, said in 80 columns. */
static void views_switch_to_a_law_they_can_show(void **state)
{
	struct app a;

	(void)state;
	start(&a, "brown2024-llama3-8b-math");
	app_key(&a, 'X');
	assert_true(app_view_on(&a, TOUR_VIEW_TRAINTEST));
	assert_string_equal(app_tt_law(&a)->preset.id, "jones2021-hex9");
	assert_string_equal(a.status, "X: jones2021-hex9 (brown2024-llama3-8b-math: no "
	                              "train axis; W picks)");
	assert_fits_80(&a);
	app_key(&a, 'K');
	assert_true(app_view_on(&a, TOUR_VIEW_COVERAGE));
	assert_string_equal(app_tt_law(&a)->preset.id, "brown2024-llama3-8b-math");
	assert_string_equal(a.status, "K: brown2024-llama3-8b-math (jones2021-hex9: no "
	                              "samples axis; W picks)");
	assert_fits_80(&a);
	start(&a, "snell2024");
	app_key(&a, 'K');
	assert_true(app_view_on(&a, TOUR_VIEW_COVERAGE));
	assert_fits_80(&a);
	/* the key's switch is the key's: a tour's toggle still refuses (tour errors stay) */
	start(&a, "test-coverage");
	assert_false(app_toggle_view(&a, TOUR_VIEW_TRAINTEST));
	assert_string_equal(a.status, "test-coverage has no training axis: K shows it");
}

/* W: a law the open view cannot show closes it and opens the view that shows it. */
static void w_opens_the_view_the_law_needs(void **state)
{
	struct app a;
	const struct catalog_entry *cov = catalog_testtime(&cat, "brown2024-llama3-70b-code");
	const struct catalog_entry *snell = catalog_testtime(&cat, "snell2024");

	(void)state;
	assert_non_null(cov);
	start(&a, "jones2021-hex9");
	app_key(&a, 'X');
	assert_true(app_view_on(&a, TOUR_VIEW_TRAINTEST));
	app_key(&a, 'W');
	assert_int_equal(a.mode, MODE_PICK_TT);
	assert_int_equal(a.pick, (size_t)a.scene.tt.law);
	a.pick = (size_t)(cov - cat.testtimes);
	app_key(&a, KEYC_ENTER);
	assert_int_equal(a.mode, MODE_EXPLORE);
	assert_ptr_equal(app_tt_law(&a), cov);
	assert_false(app_view_on(&a, TOUR_VIEW_TRAINTEST));
	assert_true(app_view_on(&a, TOUR_VIEW_COVERAGE));
	assert_string_equal(a.status, "K: brown2024-llama3-70b-code is a coverage law (X closed)");
	assert_fits_80(&a);
	/* X goes back to the plane W left, and K then to the coverage law W picked, not the default
	 */
	app_key(&a, 'X');
	assert_string_equal(app_tt_law(&a)->preset.id, "jones2021-hex9");
	app_key(&a, 'K');
	assert_ptr_equal(app_tt_law(&a), cov);
	app_key(&a, 'W');
	a.pick = (size_t)(snell - cat.testtimes);
	app_key(&a, KEYC_ENTER);
	assert_false(app_view_on(&a, TOUR_VIEW_COVERAGE));
	assert_string_equal(a.status, "K closed: snell2024: a FLOPs match, no plane: t shows it");
	assert_fits_80(&a);
	assert_int_equal(a.scene.focus, SLIDER_N); /* the focus came back to the map's */
	/* after a FLOPs match in between, X and K still return to the last of their kinds */
	app_key(&a, 'X');
	assert_string_equal(app_tt_law(&a)->preset.id, "jones2021-hex9");
	app_key(&a, 'K');
	assert_ptr_equal(app_tt_law(&a), cov);
}

/* The fields' texts joined, for strstr. */
static void readout_text(const struct app *a, char *buf, size_t size)
{
	struct readout_field f[READOUT_MAX_FIELDS];
	int n = readout_fields(a, f);
	size_t len = 0;

	buf[0] = '\0';
	for (int i = 0; i < n && len < size; i++)
		len += (size_t)snprintf(buf + len, size - len, "%s|", f[i].text);
}

/* X's readout: the performance with units, the cheapest pair, Jones's 15.8x; outside the fit, none.
 */
static void x_readout_gives_the_points_numbers(void **state)
{
	struct app a;
	char text[2048];

	(void)state;
	start(&a, "jones2021-hex9");
	app_set_train(&a, 1e15);
	app_set_test(&a, 1e8);
	app_set_problems(&a, 1e6);
	app_toggle_view(&a, TOUR_VIEW_TRAINTEST);
	readout_text(&a, text, sizeof text);
	/* log10 test = 29 - 1.2 x 15 + 0.004 P: P = (8 - 11) / 0.004 = -750 Elo */
	assert_non_null(strstr(text, "-750 Elo|"));
	assert_non_null(strstr(text, "cheapest for 1M moves"));
	assert_non_null(strstr(text, "10x training saves 15.8x test compute"));
	assert_null(strstr(text, "extrapolated"));
	assert_null(strstr(text, "L = "));
	app_set_test(&a, 1e15); /* far above the fitted Elo range's top (0): no number backs it */
	readout_text(&a, text, sizeof text);
	assert_non_null(strstr(text, "outside the fitted -1500 Elo to 0 Elo"));
	assert_null(strstr(text, "cheapest for"));
	assert_null(strstr(text, "saves"));
}

/* K's readout: coverage at k and the samples the target needs, exp(a k^b) by hand. */
static void k_readout_gives_coverage_and_samples(void **state)
{
	struct app a;
	char text[2048], want[64];

	(void)state;
	start(&a, "test-coverage"); /* a = -2.5, b = -0.4 */
	app_set_samples(&a, 30);
	app_set_target(&a, 0.9);
	app_toggle_view(&a, TOUR_VIEW_COVERAGE);
	readout_text(&a, text, sizeof text);
	snprintf(want, sizeof want, "coverage %.3f at k = 30", exp(-2.5 * pow(30, -0.4)));
	assert_non_null(strstr(text, want));
	/* k = (ln 0.9 / -2.5)^(1 / -0.4) = 2736.6..., rounded up to a whole sample */
	assert_non_null(strstr(text, "samples needed: k = 2.74K for 0.9 (derived)"));
	/* 0.97 needs (ln 0.97 / -2.5)^(1 / -0.4) = 61,031.4 samples, past the fitted 10K */
	app_set_target(&a, 0.97);
	readout_text(&a, text, sizeof text);
	assert_non_null(strstr(text, "samples needed: k = 61K for 0.97 (extrapolated)"));
}

/* The setters refuse what is no value and clamp into the sliders' ranges. */
static void setters_refuse_and_clamp(void **state)
{
	struct app a;

	(void)state;
	start(&a, "jones2021-hex9");
	assert_false(app_set_tt_law(&a, cat.ntesttimes));
	assert_false(app_set_train(&a, 0));
	assert_false(app_set_test(&a, -1));
	assert_false(app_set_problems(&a, NAN));
	assert_false(app_set_target(&a, 1.5));
	assert_false(app_set_target(&a, 0));
	assert_true(app_set_samples(&a, 1e9));
	assert_close(a.scene.tt.samples, 1e6);
	assert_true(app_set_target(&a, 0.5));
	assert_close(a.scene.tt.target, 0.5);
}

/* Whether the frame has ch inside rows [y0, y1), and text anywhere there. */
static bool frame_has(const struct canvas *c, int y0, int y1, int ch)
{
	for (int y = y0; y < y1; y++)
		for (int x = 0; x < c->w; x++)
			if (canvas_get(c, x, y).ch == ch)
				return true;
	return false;
}

static bool frame_text(const struct canvas *c, int y0, int y1, const char *text)
{
	char row[512];

	for (int y = y0; y < y1; y++) {
		for (int x = 0; x < c->w && x < (int)sizeof row - 1; x++)
			row[x] = (char)canvas_get(c, x, y).ch;
		row[c->w < (int)sizeof row - 1 ? c->w : (int)sizeof row - 1] = '\0';
		if (strstr(row, text) != NULL)
			return true;
	}
	return false;
}

/*
 * At 80x24, monochrome: the panel area holds the plane's '@', the cheapest
 * '*' and a labelled contour; K's the '@' on the curve and the target's
 * samples; a law X cannot show leaves a sentence, not a blank.
 */
static void frames_at_80x24_are_legible(void **state)
{
	struct app a;
	struct explorer e;
	struct canvas c;

	(void)state;
	start(&a, "jones2021-hex9");
	app_toggle_view(&a, TOUR_VIEW_TRAINTEST);
	explorer_init(&e);
	assert_int_equal(canvas_init(&c, 80, 24), 0);
	assert_int_equal(explorer_frame(&e, &a, &c), 0);
	int top = e.lay.map.y, bottom = e.lay.sliders.y;
	assert_true(frame_has(&c, top, bottom, '@'));
	assert_true(frame_has(&c, top, bottom, '*'));
	assert_true(frame_text(&c, top, bottom, " Elo"));
	assert_false(frame_text(&c, top, bottom, "N params")); /* no map under it */
	start(&a, "test-coverage");
	app_set_samples(&a, 30);
	app_toggle_view(&a, TOUR_VIEW_COVERAGE);
	assert_int_equal(explorer_frame(&e, &a, &c), 0);
	assert_true(frame_has(&c, top, bottom, '@'));
	assert_true(frame_text(&c, top, bottom, "k = 2.74K for 0.9"));
	/* a target past the fitted 10K: the k axis widens to show where the curve meets it */
	app_set_target(&a, 0.97);
	assert_int_equal(explorer_frame(&e, &a, &c), 0);
	assert_true(frame_has(&c, top, bottom, '#'));
	assert_true(frame_text(&c, top, bottom, "100K"));
	assert_false(frame_text(&c, top, bottom, "off the axis"));
	/* the plane's sliders count test compute per the law's word: Jones's moves */
	start(&a, "jones2021-hex9");
	app_toggle_view(&a, TOUR_VIEW_TRAINTEST);
	assert_int_equal(explorer_frame(&e, &a, &c), 0);
	assert_true(frame_text(&c, bottom, bottom + 4, "test/move "));
	assert_true(frame_text(&c, bottom, bottom + 4, "moves "));
	assert_false(frame_text(&c, bottom, bottom + 4, "problem"));
	start(&a, "test-coverage");
	app_set_samples(&a, 30);
	app_toggle_view(&a, TOUR_VIEW_COVERAGE);
	/* X forced open under a law without a plane (as a tour could): a sentence */
	a.scene.views = 1u << TOUR_VIEW_TRAINTEST;
	assert_int_equal(explorer_frame(&e, &a, &c), 0);
	assert_true(frame_text(&c, top, bottom, "no training axis"));
	canvas_free(&c);
	explorer_free(&e);
}

/* The big readout's three rows as text. */
static void big_rows(const struct app *a, char *buf, size_t size)
{
	struct canvas c;
	size_t len = 0;

	assert_int_equal(canvas_init(&c, 80, 3), 0);
	readout_draw_big(&c, a, (struct rect){0, 0, 80, 3});
	for (int y = 0; y < 3; y++)
		for (int x = 0; x < 80 && len + 1 < size; x++)
			buf[len++] = (char)canvas_get(&c, x, y).ch;
	buf[len] = '\0';
	canvas_free(&c);
}

/* 'b' in X shows the plane's numbers: they follow the test-time point, not the map's point. */
static void big_readout_follows_the_plane(void **state)
{
	struct app a;
	char before[256], after[256];

	(void)state;
	start(&a, "jones2021-hex9");
	app_toggle_view(&a, TOUR_VIEW_TRAINTEST);
	big_rows(&a, before, sizeof before);
	app_move_to(&a, a.scene.n * 10, a.scene.d); /* the loss map's point: not on screen in X */
	big_rows(&a, after, sizeof after);
	assert_string_equal(before, after);
	app_set_test(&a, a.scene.tt.test * 10); /* +250 Elo and a larger total */
	big_rows(&a, after, sizeof after);
	assert_string_not_equal(before, after);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(defaults_are_jones_and_total_locked),
	        cmocka_unit_test(total_locked_holds_the_total),
	        cmocka_unit_test(a_follower_at_its_end_stops_the_mover),
	        cmocka_unit_test(total_locked_test_up_stops_at_trains_floor),
	        cmocka_unit_test(total_locked_problems_stop_where_the_total_holds),
	        cmocka_unit_test(test_locked_total_down_leaves_test),
	        cmocka_unit_test(train_locked_the_total_follows),
	        cmocka_unit_test(test_locked_train_follows_the_total),
	        cmocka_unit_test(x_cycles_the_planes_lock_in_x),
	        cmocka_unit_test(views_show_their_own_sliders),
	        cmocka_unit_test(views_switch_to_a_law_they_can_show),
	        cmocka_unit_test(w_opens_the_view_the_law_needs),
	        cmocka_unit_test(x_readout_gives_the_points_numbers),
	        cmocka_unit_test(k_readout_gives_coverage_and_samples),
	        cmocka_unit_test(setters_refuse_and_clamp),
	        cmocka_unit_test(frames_at_80x24_are_legible),
	        cmocka_unit_test(big_readout_follows_the_plane),
	};
	return cmocka_run_group_tests(tests, load_catalog, free_catalog);
}
