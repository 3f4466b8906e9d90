/*
 * test_window.c: the map's window (app.h): + and - zoom about the point,
 * '.' centres it, '0' gives the first window back, the window grows to hold
 * the point and the data view's row of four epochs, and every edge stays
 * inside the units' limits. Also that a new window rebuilds the map.
 */
#include <math.h>
#include <string.h>

#include "../../model/units.h"
#include "../../tui/explore/app.h"
#include "../../tui/explore/explorer.h"
#include "../../tui/explore/keys.h"
#include "fixtures.h"
#include "catalog_fixture.h"

static void start(struct app *a)
{
	const struct catalog_entry *e = catalog_law(&cat, "besiroglu2024");

	assert_non_null(e);
	app_init(a, &cat, (size_t)(e - cat.laws));
}

/* Whether the shown window holds (n, d). */
static bool holds(const struct app_window *w, double n, double d)
{
	return n >= w->n_lo && n <= w->n_hi && d >= w->d_lo && d <= w->d_hi;
}

/* Every edge of the shown window inside units.h's limits, low below high. */
static void assert_within_limits(const struct app_window *w)
{
	assert_true(w->n_lo >= UNITS_PARAMS_MIN * (1 - 1e-12) &&
	            w->n_hi <= UNITS_PARAMS_MAX * (1 + 1e-12));
	assert_true(w->d_lo >= UNITS_TOKENS_MIN * (1 - 1e-12) &&
	            w->d_hi <= UNITS_TOKENS_MAX * (1 + 1e-12));
	assert_true(w->n_lo < w->n_hi && w->d_lo < w->d_hi);
}

/* The log10 span of [lo, hi]. */
static double span(double lo, double hi)
{
	return log10(hi) - log10(lo);
}

/* + narrows each edge by a decade about the point, - widens it back; the point keeps its place. */
static void zoom_is_about_the_point(void **state)
{
	(void)state;
	struct app a;
	struct app_window w0, w;

	start(&a);
	app_map_window(&a, &w0);
	assert_rel(w0.n_lo, 1e7, 1e-12);
	assert_rel(w0.d_hi, 1e14, 1e-12);
	double at = (log10(a.scene.n) - log10(w0.n_lo)) / span(w0.n_lo, w0.n_hi);
	assert_int_equal(app_key(&a, '+'), KEY_HANDLED);
	app_map_window(&a, &w);
	assert_abs(span(w.n_lo, w.n_hi), 4, 1e-9);
	assert_abs(span(w.d_lo, w.d_hi), 4, 1e-9);
	assert_abs((log10(a.scene.n) - log10(w.n_lo)) / span(w.n_lo, w.n_hi), at, 1e-9);
	assert_true(holds(&w, a.scene.n, a.scene.d));
	assert_int_equal(app_key(&a, '-'), KEY_HANDLED);
	app_map_window(&a, &w);
	assert_rel(w.n_lo, w0.n_lo, 1e-9);
	assert_rel(w.n_hi, w0.n_hi, 1e-9);
	/* + stops at a span of APP_ZOOM_MIN_SPAN decades, the point inside */
	for (int i = 0; i < 10; i++)
		app_key(&a, '+');
	app_map_window(&a, &w);
	assert_abs(span(w.n_lo, w.n_hi), APP_ZOOM_MIN_SPAN, 1e-9);
	assert_true(holds(&w, a.scene.n, a.scene.d));
	/* - stops at the units' limits */
	for (int i = 0; i < 20; i++)
		app_key(&a, '-');
	app_map_window(&a, &w);
	assert_within_limits(&w);
	assert_rel(w.n_lo, UNITS_PARAMS_MIN, 1e-9);
	assert_rel(w.d_hi, UNITS_TOKENS_MAX, 1e-9);
	/* 0: the first window again */
	assert_int_equal(app_key(&a, '0'), KEY_HANDLED);
	app_map_window(&a, &w);
	assert_rel(w.n_lo, w0.n_lo, 1e-12);
	assert_rel(w.d_hi, w0.d_hi, 1e-12);
}

/* '.' puts the point in the middle of the window, keeping its spans, but never past a limit. */
static void centre_on_the_point(void **state)
{
	(void)state;
	struct app a;
	struct app_window w;

	start(&a);
	app_key(&a, '+');
	app_key(&a, '.');
	app_map_window(&a, &w);
	assert_abs(log10(a.scene.n), (log10(w.n_lo) + log10(w.n_hi)) / 2, 1e-9);
	assert_abs(log10(a.scene.d), (log10(w.d_lo) + log10(w.d_hi)) / 2, 1e-9);
	assert_abs(span(w.n_lo, w.n_hi), 4, 1e-9);
	/* a wide window at the point's corner stops at the limit whole */
	struct app_window wide = {1e3, 1e15, 1e4, 1e17};
	assert_true(app_set_window(&a, &wide));
	app_move_to(&a, 1e7, 1e8);
	app_key(&a, '.');
	app_map_window(&a, &w);
	assert_within_limits(&w);
	assert_abs(span(w.n_lo, w.n_hi), 12, 1e-9);
	assert_rel(w.n_lo, UNITS_PARAMS_MIN, 1e-9);
}

/*
 * The window grows to keep the point on the map: zoomed in on Chinchilla,
 * a 1e26 budget's optimum (about 2T parameters) is still on it; and the
 * data view's row D = 4U for 30T unique tokens (a 120T row) is on it,
 * though the first window ends at 100T.
 */
static void window_grows_to_hold_the_point_and_the_four_epochs(void **state)
{
	(void)state;
	struct app a;
	struct app_window w;

	start(&a);
	for (int i = 0; i < 2; i++)
		app_key(&a, '+');
	app_move_to(&a, 1e12, 1e26 / (app_law(&a)->k * 1e12));
	app_snap_optimum(&a);
	app_map_window(&a, &w);
	assert_true(app_value(&a, SLIDER_C) > 0.99e26);
	assert_true(holds(&w, a.scene.n, a.scene.d));
	assert_within_limits(&w);

	start(&a);
	app_toggle_data(&a);
	app_set(&a, SLIDER_U, 30e12);
	app_map_window(&a, &w);
	assert_rel(a.scene.u, 30e12, 1e-12);
	assert_true(w.d_hi >= 120e12);
	assert_within_limits(&w);
	/* a window of its own that misses the point grows too */
	struct app_window far = {1e2, 1e4, 1e3, 1e5};
	assert_true(app_set_window(&a, &far));
	app_map_window(&a, &w);
	assert_true(holds(&w, a.scene.n, a.scene.d));
}

/* A window outside the units' limits, or upside down, is refused and changes nothing. */
static void bad_windows_are_refused(void **state)
{
	(void)state;
	struct app a;
	struct app_window w0, w;
	const struct app_window bad[] = {
	        {1e1, 1e10, 1e8, 1e14}, {1e7, 1e17, 1e8, 1e14}, {1e10, 1e9, 1e8, 1e14},
	        {1e7, 1e13, 1e8, 1e19}, {NAN, 1e13, 1e8, 1e14},
	};

	start(&a);
	app_map_window(&a, &w0);
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		assert_false(app_set_window(&a, &bad[i]));
		assert_true(strstr(a.status, "window") != NULL);
		app_map_window(&a, &w);
		assert_memory_equal(&w, &w0, sizeof w);
	}
}

/* A zoom changes what the map's cached base depends on: the next frame draws the new window. */
static void zoom_rebuilds_the_map(void **state)
{
	(void)state;
	struct app a;
	struct explorer e;
	struct canvas c;

	start(&a);
	explorer_init(&e);
	assert_int_equal(canvas_init(&c, 80, 24), 0);
	assert_int_equal(explorer_frame(&e, &a, &c), 0);
	double lo = e.map.frame.x.lo;
	app_key(&a, '+');
	assert_int_equal(explorer_frame(&e, &a, &c), 0);
	assert_true(e.map.frame.x.lo > lo + 0.5);
	explorer_free(&e);
	canvas_free(&c);
}

/* A tour step's `window:` sets the window; the next steps keep it; the point still shows. */
static void a_tour_step_sets_the_window(void **state)
{
	(void)state;
	static const char yaml[] = "id: t\ntitle: T\nsteps:\n"
	                           "  - caption: zoomed\n    window: 1B:1T,10B:10T\n"
	                           "  - caption: kept\n    params: 70B\n    tokens: 1.4T\n";
	static struct tour t;
	struct app a;
	struct app_window w;
	char err[256];

	assert_int_equal(tour_parse("t.yaml", (const unsigned char *)yaml, strlen(yaml), &t, err,
	                            sizeof err),
	                 0);
	start(&a);
	for (int i = 0; i < t.nsteps; i++)
		app_apply_step(&a, &t.steps[i]);
	app_map_window(&a, &w);
	assert_rel(w.n_lo, 1e9, 1e-12);
	assert_rel(w.n_hi, 1e12, 1e-12);
	assert_rel(w.d_lo, 1e10, 1e-12);
	assert_rel(w.d_hi, 1e13, 1e-12);
	assert_true(holds(&w, a.scene.n, a.scene.d));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(zoom_is_about_the_point),
	        cmocka_unit_test(centre_on_the_point),
	        cmocka_unit_test(window_grows_to_hold_the_point_and_the_four_epochs),
	        cmocka_unit_test(bad_windows_are_refused),
	        cmocka_unit_test(zoom_rebuilds_the_map),
	        cmocka_unit_test(a_tour_step_sets_the_window),
	};

	return cmocka_run_group_tests(tests, load_catalog, free_catalog);
}
