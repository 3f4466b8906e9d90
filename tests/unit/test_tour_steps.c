/*
 * test_tour_steps.c: a tour step sets every piece of state a key can
 * reach (view, compared law, difference map, T, M, accelerator, count,
 * days, MFU) and carries speaker notes; a step that names none of them
 * keeps the step before's, and every step replays to the state it names
 * however it is reached (tour_play.h).
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "../../tui/explore/app.h"
#include "../../tui/explore/tour_play.h"
#include "fixtures.h"
#include "catalog_fixture.h"

/* Each step names some of the new fields; the comments say what it keeps. */
static const char tour_yaml[] = "id: views\n"
                                "title: Views\n"
                                "steps:\n"
                                "  - caption: inference\n"
                                "    law: hoffmann2022\n"
                                "    compute: 1e22\n"
                                "    view: inference\n"
                                "    inference_tokens: 1T\n"
                                "    notes: |\n"
                                "      First line of the notes.\n"
                                "      Second line.\n"
                                "  - caption: keeps the inference view and T\n"
                                "    compute: 1e23\n"
                                "  - caption: test time\n"
                                "    view: testtime\n"
                                "    larger: 8\n"
                                "  - caption: hardware\n"
                                "    view: hardware\n"
                                "    accelerator: a100\n"
                                "    mfu: 0.5\n"
                                "    gpus: 2048\n"
                                "    days: 30\n"
                                "  - caption: the count alone, the days follow\n"
                                "    gpus: 4096\n"
                                "  - caption: compare and the difference map\n"
                                "    view: explore\n"
                                "    compare: besiroglu2024\n"
                                "    difference: true\n"
                                "  - caption: edit, the comparison ended\n"
                                "    view: edit\n"
                                "    compare: none\n"
                                "  - caption: data\n"
                                "    law: muennighoff2023\n"
                                "    compute: 1e22\n"
                                "    unique_tokens: 25B\n"
                                "    view: data\n";

/* What each step of tour_yaml must show. */
struct want {
	bool inference, data, testtime, hardware, editing, delta;
	const char *compare; /* or NULL for none */
	double t, m;         /* 0: not checked */
	const char *accel;   /* or NULL: not checked */
	double count, mfu;   /* 0: not checked */
};

static const struct want wants[] = {
        {.inference = true, .t = 1e12},
        {.inference = true, .t = 1e12},
        {.testtime = true, .t = 1e12, .m = 8},
        {.hardware = true, .accel = "a100", .count = 2048, .mfu = 0.5},
        {.hardware = true, .accel = "a100", .count = 4096, .mfu = 0.5},
        {.compare = "besiroglu2024", .delta = true},
        {.editing = true},
        {.data = true},
};

static struct tour tour;

static void load_tour(void)
{
	char err[512];

	if (tour_parse("views.yaml", (const unsigned char *)tour_yaml, strlen(tour_yaml), &tour,
	               err, sizeof err) != 0)
		fail_msg("%s", err);
	assert_int_equal(tour.nsteps, (int)(sizeof wants / sizeof *wants));
}

/* The state at step i (from 0) is the one wants[i] names. */
static void assert_step(const struct app *a, int i)
{
	const struct want *w = &wants[i];

	assert_int_equal(app_view_on(a, TOUR_VIEW_INFERENCE), w->inference);
	assert_int_equal(app_view_on(a, TOUR_VIEW_DATA), w->data);
	assert_int_equal(app_view_on(a, TOUR_VIEW_TESTTIME), w->testtime);
	assert_int_equal(app_view_on(a, TOUR_VIEW_HARDWARE), w->hardware);
	assert_int_equal(app_view_on(a, TOUR_VIEW_EDIT), w->editing);
	assert_int_equal(a->delta, w->delta);
	if (w->compare == NULL)
		assert_true(a->compare < 0);
	else
		assert_string_equal(cat.laws[a->compare].preset.id, w->compare);
	if (w->t > 0)
		assert_true(fabs(a->t - w->t) <= 1e-9 * w->t);
	if (w->m > 0)
		assert_true(fabs(a->m - w->m) <= 1e-12 * w->m);
	if (w->accel != NULL)
		assert_string_equal(cat.accelerators[a->accel].preset.id, w->accel);
	if (w->count > 0)
		assert_true(a->scene.hw.count == w->count);
	if (w->mfu > 0)
		assert_true(fabs(a->scene.hw.mfu - w->mfu) < 1e-12);
}

/* A fresh explorer on the default law, the tour started on it. */
static void begin(struct app *a)
{
	const struct catalog_entry *law = catalog_law(&cat, "besiroglu2024");
	char err[512];

	assert_non_null(law);
	app_init(a, &cat, (size_t)(law - cat.laws));
	if (tour_play_start(a, &tour, err, sizeof err) != 0)
		fail_msg("%s", err);
}

/* Forward, then backward from the last step: each step shows what it names. */
static void each_step_replays_to_its_state(void **state)
{
	struct app a;

	(void)state;
	load_tour();
	begin(&a);
	for (int i = 0; i < tour.nsteps; i++) {
		tour_play_show(&a, i);
		assert_step(&a, i);
	}
	for (int i = tour.nsteps - 1; i >= 0; i--) {
		tour_play_show(&a, i);
		assert_step(&a, i);
	}
}

/* gpus and days together give the budget: the point sits at its optimum. */
static void gpus_and_days_set_the_budget(void **state)
{
	struct app a;

	(void)state;
	load_tour();
	begin(&a);
	tour_play_show(&a, 3);
	double c = app_value(&a, SLIDER_C);
	double want = 2048 * cat.accelerators[a.accel].preset.peak_flops * 0.5 * 30 * 86400;
	assert_true(fabs(c - want) <= 1e-6 * want);
	assert_true(fabs(a.scene.hw.days - 30) < 1e-9);
	/* step 5 doubles the count on the same C: the days halve */
	tour_play_show(&a, 4);
	assert_true(fabs(app_value(&a, SLIDER_C) - want) <= 1e-6 * want);
	assert_true(fabs(a.scene.hw.days - 15) < 1e-6);
}

/* Notes keep their lines; a step without notes has none. */
static void notes_keep_their_lines(void **state)
{
	(void)state;
	load_tour();
	assert_string_equal(tour.steps[0].notes, "First line of the notes.\nSecond line.");
	assert_string_equal(tour.steps[1].notes, "");
}

/* Leaving a view a step opened and coming back: the tour's start is restored. */
static void the_start_is_restored(void **state)
{
	struct app a;

	(void)state;
	load_tour();
	begin(&a);
	tour_play_show(&a, 3);
	tour_play_show(&a, 0);
	assert_false(app_view_on(&a, TOUR_VIEW_HARDWARE));
	assert_true(a.accel < 0); /* as app_init left it: the tour opened the view */
	assert_true(a.m == 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(each_step_replays_to_its_state),
	        cmocka_unit_test(gpus_and_days_set_the_budget),
	        cmocka_unit_test(notes_keep_their_lines),
	        cmocka_unit_test(the_start_is_restored),
	};

	return cmocka_run_group_tests(tests, load_catalog, free_catalog);
}
