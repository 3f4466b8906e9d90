/*
 * test_tourfields.c: the hardware view's price, power and PUE and the data
 * view's stock, in every place a state goes: a tour step sets them, 'r'
 * records them and the recording replays to the same frames, 'y' copies a
 * command line that draws the same frame, and a price given is its
 * accelerator's alone ('a' moves on to the next one's preset and says so).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../../presets/tour_write.h"
#include "../../tui/explore/app.h"
#include "../../tui/explore/app_parts.h"
#include "../../tui/explore/cmdline.h"
#include "../../tui/explore/explorer.h"
#include "../../tui/explore/record.h"
#include "../../tui/explore/tour_play.h"
#include "fixtures.h"
#include "catalog_fixture.h"
#include "app_fixture.h"

static size_t accel_index(const char *id)
{
	const struct catalog_entry *e = catalog_accelerator(&cat, id);

	assert_non_null(e);
	return (size_t)(e - cat.accelerators);
}

/* ---- a price given is its accelerator's ---- */

static void a_price_given_stays_with_its_accelerator(void **state)
{
	(void)state;
	struct app a;
	size_t h100 = accel_index("h100");

	app_fixture_start(&a, "besiroglu2024");
	assert_true(app_toggle_hardware(&a));
	app_set_accelerator(&a, h100);
	app_set_price(&a, 2.5);
	app_set_watts(&a, 650);
	app_set_pue(&a, 1.2);
	assert_true(a.scene.hw.price == 2.5 && a.scene.hw.watts == 650);
	app_next_accelerator(&a);
	const struct preset *next = &cat.accelerators[a.accel].preset;
	/* the next accelerator's own figures, the PUE the session's */
	assert_true(a.scene.hw.price == next->price);
	assert_true(a.scene.hw.watts == next->watts);
	assert_true(a.scene.hw.pue == 1.2);
	if (strstr(a.status, "preset's price") == NULL || strstr(a.status, "h100") == NULL)
		fail_msg("the status line does not say the price given was the h100's: %s",
		         a.status);
	/* round again: the H100 has its given price back */
	for (size_t i = 1; i < cat.naccelerators; i++)
		app_next_accelerator(&a);
	assert_int_equal(a.accel, (long)h100);
	assert_true(a.scene.hw.price == 2.5 && a.scene.hw.watts == 650);
}

/* ---- 'y': the command line draws the same frame ---- */

static void assert_line_redraws(struct app *a, const char *want_option)
{
	char line[APP_CLIP_MAX], missing[96];

	app_focus(a, SLIDER_N); /* where a command line's explorer starts */
	app_clear_status(a);
	assert_true(cmdline_of(a, line, sizeof line, missing, sizeof missing));
	assert_string_equal(missing, "");
	if (strstr(line, want_option) == NULL)
		fail_msg("no '%s' in %s", want_option, line);
	char *got = app_fixture_dump(line);
	char *want = app_fixture_frame_shown(a);
	if (strcmp(got, want) != 0)
		fail_msg("%s --dump draws:\n%s\nnot the state's frame:\n%s", line, got, want);
	free(got);
	free(want);
}

static void the_command_line_carries_cost_and_stock(void **state)
{
	(void)state;
	struct app a;

	app_fixture_start(&a, "besiroglu2024");
	assert_true(app_toggle_hardware(&a));
	app_set_accelerator(&a, accel_index("h100"));
	app_set_price(&a, 2.5);
	assert_line_redraws(&a, " --price 2.5");
	app_set_watts(&a, 650);
	app_set_pue(&a, 1.25);
	assert_line_redraws(&a, " --watts 6.5e+02 --pue 1.25");
	/* the data view under an additive law: --stock opens it */
	app_fixture_start(&a, "besiroglu2024");
	assert_true(app_toggle_data(&a));
	assert_line_redraws(&a, " --stock villalobos2024");
	assert_true(app_set_stock(&a, "none"));
	assert_line_redraws(&a, " --stock none");
	/* under a data-constrained law --unique-tokens opens it; none is named */
	app_fixture_start(&a, "muennighoff2023");
	assert_true(app_toggle_data(&a));
	assert_true(app_set_stock(&a, "none"));
	assert_line_redraws(&a, " --stock none");
}

/* ---- 'r': recorded steps replay to the same frames ---- */

#define NSTATES 6

/* State i: each through the setters keys, start options and steps use. */
static void reach_state(struct app *a, int i)
{
	switch (i) {
	case 0: /* the hardware view, the H100 at a price and power of one's own */
		assert_true(app_toggle_hardware(a));
		app_set_accelerator(a, accel_index("h100"));
		app_set_price(a, 2.25);
		app_set_watts(a, 690);
		app_set_pue(a, 1.1);
		break;
	case 1: /* the next accelerator: its preset's price, the PUE kept */
		app_next_accelerator(a);
		break;
	case 2: /* the PUE back to 1 after a step that set 1.1 */
		app_set_pue(a, 1);
		break;
	case 3:                                      /* the data view without the stock */
		assert_true(app_toggle_hardware(a)); /* a step opens one view */
		/* a data-constrained law: a step writes U only under one */
		app_switch_law(a, (size_t)(catalog_law(&cat, "muennighoff2023") - cat.laws));
		assert_true(app_toggle_data(a));
		assert_true(app_set_stock(a, "none"));
		break;
	case 4: /* and with it again, the point past 100T */
		assert_true(app_set_stock(a, "villalobos2024"));
		app_move_to(a, 1e12, 3e14);
		break;
	default: /* the inference view priced: the accelerator above, serving at 20% MFU */
		assert_true(app_toggle_data(a));
		app_move_to(a, 7e10, 1.5e13);
		assert_true(app_toggle_inference(a));
		app_set(a, SLIDER_T, 1e14);
		app_set_serve(a, 0.2, 0);
		break;
	}
}

static void recorded_cost_and_stock_replay(void **state)
{
	(void)state;
	static struct tour t;
	struct app a, b;
	char dir[64] = "/tmp/isoflop-tourfields.XXXXXX", path[128], msg[256], err[512];
	char *want[NSTATES];

	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof path, "%s/fields.yaml", dir);
	app_fixture_start(&a, "besiroglu2024");
	for (int i = 0; i < NSTATES; i++) {
		reach_state(&a, i);
		want[i] = app_fixture_frame_shown(&a);
		if (record_append(&a, "a step", path, msg, sizeof msg) != i + 1) {
			static struct tour_step st;
			record_step_of(&a, "a step", &st, msg, sizeof msg);
			tour_write_step(stderr, &st, 2);
			fail_msg("step %d: %s", i + 1, msg);
		}
	}
	if (tour_load(path, &t, err, sizeof err) != 0)
		fail_msg("%s", err);
	assert_true(t.steps[0].price == 2.25 && t.steps[0].watts == 690 && t.steps[0].pue == 1.1);
	assert_true(t.steps[1].price == 0 && t.steps[2].pue == 1);
	assert_string_equal(t.steps[3].stock, "none");
	assert_string_equal(t.steps[4].stock, "villalobos2024");
	assert_true(t.steps[5].serve_mfu == 0.2 && t.steps[5].serve_price == 0);
	assert_non_null(strstr(want[5], "lifetime $")); /* priced, so its replay is too */
	app_fixture_start(&b, "besiroglu2024");
	if (tour_play_start(&b, &t, err, sizeof err) != 0)
		fail_msg("%s", err);
	for (int i = 0; i < NSTATES; i++) {
		tour_play_show(&b, i);
		char *got = app_fixture_frame_shown(&b);
		if (strcmp(got, want[i]) != 0)
			fail_msg("step %d replays to another frame:\n%s\nwant\n%s", i + 1, got,
			         want[i]);
		free(got);
		free(want[i]);
	}
	unlink(path);
	rmdir(dir);
}

/* ---- 'r' in views X and K: the test-time law and point replay ---- */

static size_t tt_index(const char *id)
{
	const struct catalog_entry *e = catalog_testtime(&cat, id);

	assert_non_null(e);
	return (size_t)(e - cat.testtimes);
}

/* The plane moved off its first point with the total held, then K on a coverage law. */
static void reach_tt_state(struct app *a, int i)
{
	if (i == 0) {
		assert_true(app_set_view(a, TOUR_VIEW_TRAINTEST));
		app_set(a, SLIDER_PROBLEMS, 3e6);
		app_set(a, SLIDER_TRAIN, 4e14); /* test follows: the total holds */
		return;
	}
	app_tt_pick(a, tt_index("brown2024-llama3-8b-math"));
	assert_true(app_set_view(a, TOUR_VIEW_COVERAGE));
	app_set(a, SLIDER_SAMPLES, 250);
	app_set(a, SLIDER_TARGET, 0.8);
}

static void recorded_tt_views_replay(void **state)
{
	(void)state;
	static struct tour t;
	struct app a, b;
	char dir[64] = "/tmp/isoflop-tourfields.XXXXXX", path[128], msg[256], err[512];
	char *want[2];

	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof path, "%s/tt.yaml", dir);
	app_fixture_start(&a, "besiroglu2024");
	for (int i = 0; i < 2; i++) {
		reach_tt_state(&a, i);
		want[i] = app_fixture_frame_shown(&a);
		if (record_append(&a, "a step", path, msg, sizeof msg) != i + 1)
			fail_msg("step %d: %s", i + 1, msg);
	}
	if (tour_load(path, &t, err, sizeof err) != 0)
		fail_msg("%s", err);
	assert_int_equal(t.steps[0].view, TOUR_VIEW_TRAINTEST);
	assert_string_equal(t.steps[0].tt_law, "jones2021-hex9");
	assert_true(t.steps[0].train == 4e14 && t.steps[0].problems == 3e6 && t.steps[0].test > 0);
	assert_true(t.steps[0].samples == 0 && t.steps[0].target == 0);
	assert_int_equal(t.steps[1].view, TOUR_VIEW_COVERAGE);
	assert_string_equal(t.steps[1].tt_law, "brown2024-llama3-8b-math");
	assert_true(t.steps[1].samples == 250 && t.steps[1].target == 0.8 && t.steps[1].train == 0);
	app_fixture_start(&b, "besiroglu2024");
	if (tour_play_start(&b, &t, err, sizeof err) != 0)
		fail_msg("%s", err);
	for (int i = 0; i < 2; i++) {
		tour_play_show(&b, i);
		char *got = app_fixture_frame_shown(&b);
		if (strcmp(got, want[i]) != 0)
			fail_msg("step %d replays to another frame:\n%s\nwant\n%s", i + 1, got,
			         want[i]);
		free(got);
		free(want[i]);
	}
	unlink(path);
	rmdir(dir);
}

/* The plane's lock is no step field: 'r' says so rather than record another screen. */
static void recording_x_needs_the_total_locked(void **state)
{
	(void)state;
	static struct tour_step st;
	char why[256] = "";
	struct app a;

	app_fixture_start(&a, "besiroglu2024");
	assert_true(app_set_view(&a, TOUR_VIEW_TRAINTEST));
	app_tt_cycle_lock(&a); /* train */
	assert_int_equal(record_step_of(&a, "c", &st, why, sizeof why), -1);
	assert_string_equal(why, "a step keeps the total locked in X: x until total is locked");
	app_tt_cycle_lock(&a);
	app_tt_cycle_lock(&a); /* total again */
	assert_int_equal(record_step_of(&a, "c", &st, why, sizeof why), 0);
}

/* A step that sets the plane's point outside view X still sets it, for a later step's X. */
static void tt_point_is_set_outside_its_view(void **state)
{
	(void)state;
	static struct tour t;
	const char *yaml = "id: x\ntitle: x\nsteps:\n  - caption: c\n    train: 3e16\n"
	                   "    test: 2e7\n    problems: 1K\n  - caption: d\n    view: traintest\n";
	char err[512];
	struct app a;

	if (tour_parse("t.yaml", (const unsigned char *)yaml, strlen(yaml), &t, err, sizeof err) !=
	    0)
		fail_msg("%s", err);
	app_fixture_start(&a, "besiroglu2024");
	if (tour_play_start(&a, &t, err, sizeof err) != 0)
		fail_msg("%s", err);
	assert_false(app_view_on(&a, TOUR_VIEW_TRAINTEST));
	assert_true(a.scene.tt.train == 3e16 && a.scene.tt.test == 2e7 &&
	            a.scene.tt.problems == 1e3);
	tour_play_show(&a, 1);
	assert_true(app_view_on(&a, TOUR_VIEW_TRAINTEST));
	assert_true(a.scene.tt.train == 3e16 && a.scene.tt.test == 2e7);
}

/* ---- bad values: the loader's and the player's errors ---- */

static void load_error(const char *step, const char *want)
{
	static struct tour t;
	char buf[1024], err[512];
	struct app a;

	snprintf(buf, sizeof buf, "id: x\ntitle: x\nsteps:\n  - caption: c\n    %s\n", step);
	if (tour_parse("t.yaml", (const unsigned char *)buf, strlen(buf), &t, err, sizeof err) ==
	    0) {
		app_fixture_start(&a, "besiroglu2024");
		assert_int_not_equal(tour_play_start(&a, &t, err, sizeof err), 0);
	}
	if (strcmp(err, want) != 0)
		fail_msg("%s gave\n%s\nnot\n%s", step, err, want);
}

static void bad_values_are_refused_where_written(void **state)
{
	(void)state;
	load_error("price: -1", "t.yaml:5:12: 'price': must be positive: '-1'");
	load_error("pue: 0.9", "t.yaml:5:10: 'pue' must lie between 1 and 10, not 0.9");
	load_error("view: data\n    stock: nowhere",
	           "t.yaml:6:12: unknown stock 'nowhere' (isoflop presets stocks lists them; "
	           "none hides the band)");
	load_error("price: 2", "t.yaml:5:12: 'price' shows in the hardware view: add 'view: "
	                       "hardware' to a step");
	load_error("stock: none",
	           "t.yaml:5:12: 'stock' shows in the data view: add 'view: data' to a step");
	load_error(
	        "tt_law: nope",
	        "t.yaml:5:13: unknown test-time law 'nope' (isoflop presets testtime lists them)");
	load_error("train: 0", "t.yaml:5:12: 'train': must be positive: '0'");
	load_error("test: 1e30", "t.yaml:5:11: 'test' must lie in the test slider's range, 1e0 to "
	                         "1e25, not 1e30");
	load_error("problems: 0.5", "t.yaml:5:15: 'problems' must lie in the problems slider's "
	                            "range, 1 to 1e18, not 0.5");
	load_error("samples: 2M", "t.yaml:5:14: 'samples' must lie in the k slider's range, 1 to "
	                          "1M, not 2M");
	load_error("target: 1", "t.yaml:5:13: 'target' must lie in the target slider's range, "
	                        "0.01 to 0.99, not 1");
	load_error("view: coverage", "t.yaml:5:11: view: coverage needs a coverage law such as "
	                             "brown2024-llama3-8b-math, not jones2021-hex9");
	load_error("view: traintest\n  - caption: d\n    tt_law: brown2024-llama3-8b-math",
	           "t.yaml:7:13: the traintest view a step before opened cannot show "
	           "brown2024-llama3-8b-math: give this step another 'view:'");
	load_error("tt_law: snell2024\n    view: traintest",
	           "t.yaml:6:11: view: traintest needs a test-time law with a train x test plane "
	           "such as jones2021-hex9, not snell2024");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(a_price_given_stays_with_its_accelerator),
	        cmocka_unit_test(the_command_line_carries_cost_and_stock),
	        cmocka_unit_test(recorded_cost_and_stock_replay),
	        cmocka_unit_test(recorded_tt_views_replay),
	        cmocka_unit_test(tt_point_is_set_outside_its_view),
	        cmocka_unit_test(recording_x_needs_the_total_locked),
	        cmocka_unit_test(bad_values_are_refused_where_written),
	};
	return cmocka_run_group_tests(tests, load_catalog, free_catalog);
}
