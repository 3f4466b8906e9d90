/*
 * test_compute_view.c: the explorer's compute view (C): its key opens and
 * closes it, it takes the profiles' place from the test-time and hardware
 * views (and gives it back), and its frame at 80x24 shows the law's line,
 * the floor E and the '@' on the line at the point's C, which a step of C
 * moves without rebuilding the base; off the optimum an X stands above the
 * '@' at the point's own loss; the readout adds the next 10x's returns;
 * y's command line says it leaves the view out.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../tui/explore/app.h"
#include "../../tui/explore/app_views.h"
#include "../../tui/explore/cmdline.h"
#include "../../tui/explore/explorer.h"
#include "../../tui/explore/keys.h"
#include "fixtures.h"
#include "catalog_fixture.h"

static void start(struct app *a, const char *law)
{
	const struct catalog_entry *e = catalog_law(&cat, law);

	assert_non_null(e);
	app_init(a, &cat, (size_t)(e - cat.laws));
}

/* Row y of canvas c as text. */
static void row_text(const struct canvas *c, int y, char *buf)
{
	for (int x = 0; x < c->w; x++)
		buf[x] = (char)canvas_get(c, x, y).ch;
	buf[c->w] = '\0';
}

/* Whether text appears anywhere in canvas c. */
static bool shows(const struct canvas *c, const char *text)
{
	char row[512];

	for (int y = 0; y < c->h; y++) {
		row_text(c, y, row);
		if (strstr(row, text) != NULL)
			return true;
	}
	return false;
}

/* C is its key; it shares the profiles' place with t and g; it adds no slider. */
static void key_opens_and_closes_it(void **state)
{
	struct app a;
	const struct app_view *v = app_view_by_key('C');

	(void)state;
	assert_non_null(v);
	assert_int_equal(v->id, TOUR_VIEW_COMPUTE);
	assert_int_equal(v->place, VIEW_PLACE_PROFILES);
	assert_string_equal(tour_view_names[TOUR_VIEW_COMPUTE], "compute");
	start(&a, "hoffmann2022");
	app_view_key(&a, v->id);
	assert_true(app_view_on(&a, TOUR_VIEW_COMPUTE));
	assert_int_equal(a.scene.focus, SLIDER_C); /* its '@' rides C */
	app_view_key(&a, v->id);
	assert_false(app_view_on(&a, TOUR_VIEW_COMPUTE));
	/* one view per place: hardware and test time close it, and it closes them */
	assert_true(app_toggle_hardware(&a));
	app_view_key(&a, TOUR_VIEW_COMPUTE);
	assert_false(app_view_on(&a, TOUR_VIEW_HARDWARE));
	assert_ptr_equal(app_view_in(&a, VIEW_PLACE_PROFILES), v);
	assert_true(app_toggle_testtime(&a));
	assert_false(app_view_on(&a, TOUR_VIEW_COMPUTE));
	app_view_key(&a, TOUR_VIEW_COMPUTE);
	assert_false(app_view_on(&a, TOUR_VIEW_TESTTIME));
	assert_int_equal(app_views_open(&a), 1);
}

/* The 80x24 frame: line, floor and '@'; a step of C moves the '@' and keeps the base. */
static void frame_shows_the_line_the_floor_and_the_point(void **state)
{
	struct app a;
	struct explorer e;
	struct canvas c;
	double c0;

	(void)state;
	start(&a, "hoffmann2022");
	app_view_key(&a, TOUR_VIEW_COMPUTE);
	explorer_init(&e);
	assert_int_equal(canvas_init(&c, 80, 24), 0);
	assert_int_equal(explorer_frame(&e, &a, &c), 0);
	assert_true(e.cmp_ok);
	assert_true(e.lay.profiles.w <= 32); /* the profiles' place at 80 columns */
	assert_true(e.cmp.has_floor);
	assert_true(e.cmp.ncurves == 1);
	assert_true(shows(&c, "E=1.69 irreducible"));
	int x0 = e.cmp.point_x;
	assert_true(x0 >= e.lay.profiles.x);
	assert_int_equal(canvas_get(&c, x0, e.cmp.point_y).ch, '@');
	c0 = app_value(&a, SLIDER_C);
	app_set(&a, SLIDER_C, c0 * 1000);
	struct canvas base = e.base;
	assert_int_equal(explorer_frame(&e, &a, &c), 0);
	assert_ptr_equal(e.base.cells, base.cells);
	assert_true(e.cmp.point_x > x0); /* three decades right */
	assert_int_equal(canvas_get(&c, e.cmp.point_x, e.cmp.point_y).ch, '@');
	assert_true(e.cmp.has_returns);
	canvas_free(&c);
	explorer_free(&e);
}

/* Off the optimum (a small model on many tokens at the same C) an X sits above the '@'. */
static void off_the_optimum_shows_the_gap(void **state)
{
	struct app a;
	struct explorer e;
	struct canvas c;

	(void)state;
	start(&a, "hoffmann2022");
	app_set(&a, SLIDER_C, 1e24);
	app_snap_optimum(&a);
	app_view_key(&a, TOUR_VIEW_COMPUTE);
	explorer_init(&e);
	assert_int_equal(canvas_init(&c, 160, 48), 0);
	assert_int_equal(explorer_frame(&e, &a, &c), 0);
	assert_int_equal(e.cmp.actual_y, -1);  /* on the optimum: the '@' alone */
	app_set(&a, SLIDER_N, a.scene.n / 30); /* C locked: D grows */
	assert_int_equal(explorer_frame(&e, &a, &c), 0);
	assert_true(e.cmp.actual_y >= 0 && e.cmp.actual_y < e.cmp.point_y);
	assert_int_equal(canvas_get(&c, e.cmp.point_x, e.cmp.actual_y).ch, 'X');
	assert_true(shows(&c, "next 10x: dL 0.0659 (30% of reducible)"));
	canvas_free(&c);
	explorer_free(&e);
}

/* A frontier law fits no loss: the view opens, says why, and its place says so. */
static void a_frontier_law_says_so(void **state)
{
	struct app a;
	struct explorer e;
	struct canvas c;

	(void)state;
	start(&a, "hoffmann2022-approach1");
	app_view_key(&a, TOUR_VIEW_COMPUTE);
	assert_true(app_view_on(&a, TOUR_VIEW_COMPUTE));
	assert_non_null(strstr(a.status, "fits no loss against compute"));
	explorer_init(&e);
	assert_int_equal(canvas_init(&c, 80, 24), 0);
	assert_int_equal(explorer_frame(&e, &a, &c), 0);
	assert_false(e.cmp_ok);
	assert_true(shows(&c, "frontier law: no L*(C)"));
	canvas_free(&c);
	explorer_free(&e);
}

/* No option opens the view: y's command line says it leaves it out. */
static void the_command_line_says_it_leaves_it_out(void **state)
{
	struct app a;
	char line[512], missing[128];

	(void)state;
	start(&a, "hoffmann2022");
	app_view_key(&a, TOUR_VIEW_COMPUTE);
	assert_true(cmdline_of(&a, line, sizeof line, missing, sizeof missing));
	assert_non_null(strstr(missing, "the compute view"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(key_opens_and_closes_it),
	        cmocka_unit_test(frame_shows_the_line_the_floor_and_the_point),
	        cmocka_unit_test(off_the_optimum_shows_the_gap),
	        cmocka_unit_test(a_frontier_law_says_so),
	        cmocka_unit_test(the_command_line_says_it_leaves_it_out),
	};
	return cmocka_run_group_tests(tests, load_catalog, free_catalog);
}
