/*
 * test_downstream_tour.c: the loss-to-error map (--downstream) and its
 * contours ('A') in every place an explorer state goes: 'y' copies a
 * command line that draws the same frame, 'r' records steps that replay
 * to the same frames, a tour step's downstream: and contours: set them and
 * a rewind forgets them, the player refuses what cannot show, and the map's
 * title gives the error at the point when it has the room.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
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

/* As --downstream ID starts the explorer: the map, and its contours on. */
static void with_map(struct app *a, const char *id)
{
	const struct catalog_entry *e = catalog_downstream(&cat, id);

	assert_non_null(e);
	a->downstream = &e->preset;
	a->error_contours = true;
}

static void at_model(struct app *a, const char *id)
{
	const struct catalog_entry *e = catalog_model(&cat, id);

	assert_non_null(e);
	app_jump_model(a, (size_t)(e - cat.models));
}

/* ---- 'y': the command line draws the same frame ---- */

/* The line of a's state, which must hold want_option; "" when missing is as it must be. */
static void line_of(struct app *a, char *line, size_t size, const char *want_option,
                    const char *want_missing)
{
	char missing[96];

	app_focus(a, SLIDER_N); /* where a command line's explorer starts */
	app_clear_status(a);
	assert_true(cmdline_of(a, line, size, missing, sizeof missing));
	assert_string_equal(missing, want_missing);
	if (strstr(line, want_option) == NULL)
		fail_msg("no '%s' in %s", want_option, line);
}

static void the_command_line_carries_the_map(void **state)
{
	(void)state;
	char line[APP_CLIP_MAX];
	struct app a;

	app_fixture_start(&a, "hoffmann2022");
	with_map(&a, "gadre2024");
	at_model(&a, "chinchilla");
	line_of(&a, line, sizeof line, " --downstream gadre2024", "");
	char *got = app_fixture_dump(line);
	char *want = app_fixture_frame_shown(&a);
	if (strcmp(got, want) != 0)
		fail_msg("%s --dump draws:\n%s\nnot the state's frame:\n%s", line, got, want);
	free(got);
	free(want);
	/* 'A' back to the loss's contours: no option says so, and the line names it */
	a.error_contours = false;
	line_of(&a, line, sizeof line, " --downstream gadre2024", "loss contours (A)");
	/* without a map, nothing */
	app_fixture_start(&a, "hoffmann2022");
	line_of(&a, line, sizeof line, "isoflop", "");
	assert_null(strstr(line, "downstream"));
}

/* ---- 'r': recorded steps replay to the same frames ---- */

#define NSTATES 3

static void reach_state(struct app *a, int i)
{
	switch (i) {
	case 0: /* the map, its contours, at Chinchilla */
		with_map(a, "gadre2024");
		at_model(a, "chinchilla");
		break;
	case 1: /* 'A': the loss's contours again, the map kept for the readout */
		a->error_contours = false;
		break;
	default: /* and the error's again, at a small model's loss, inside the map's fit */
		a->error_contours = true;
		app_move_to(a, 1e9, 2e10);
		break;
	}
}

static void recorded_map_and_contours_replay(void **state)
{
	(void)state;
	static struct tour t;
	struct app a, b;
	char dir[64] = "/tmp/isoflop-dstour.XXXXXX", path[128], msg[256], err[512];
	char *want[NSTATES];

	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof path, "%s/ds.yaml", dir);
	app_fixture_start(&a, "hoffmann2022");
	for (int i = 0; i < NSTATES; i++) {
		reach_state(&a, i);
		want[i] = app_fixture_frame_shown(&a);
		if (record_append(&a, "a step", path, msg, sizeof msg) != i + 1)
			fail_msg("step %d: %s", i + 1, msg);
	}
	if (tour_load(path, &t, err, sizeof err) != 0)
		fail_msg("%s", err);
	for (int i = 0; i < NSTATES; i++)
		assert_string_equal(t.steps[i].downstream, "gadre2024");
	assert_int_equal(t.steps[0].contours, -1); /* the map turns them on */
	assert_int_equal(t.steps[1].contours, 0);
	assert_int_equal(t.steps[2].contours, -1);
	/* the frames differ where the contours do: their legend */
	assert_non_null(strstr(want[0], "contours: error (derived"));
	assert_null(strstr(want[1], "contours: error (derived"));
	app_fixture_start(&b, "hoffmann2022"); /* a session without the map: the steps bring it */
	if (tour_play_start(&b, &t, err, sizeof err) != 0)
		fail_msg("%s", err);
	for (int i = NSTATES - 1; i >= 0; i--) {
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

/* ---- a step's fields, a rewind, and what the player refuses ---- */

static void parse(const char *steps, struct tour *t)
{
	char buf[1024], err[512];

	snprintf(buf, sizeof buf, "id: x\ntitle: x\nsteps:\n%s", steps);
	if (tour_parse("t.yaml", (const unsigned char *)buf, strlen(buf), t, err, sizeof err) != 0)
		fail_msg("%s", err);
}

static void steps_set_and_rewind_forgets(void **state)
{
	(void)state;
	static struct tour t;
	char err[512];
	struct app a;

	parse("  - caption: a\n"
	      "  - caption: b\n    downstream: gadre2024\n"
	      "  - caption: c\n    contours: loss\n"
	      "  - caption: d\n    downstream: none\n",
	      &t);
	app_fixture_start(&a, "hoffmann2022");
	assert_int_equal(tour_play_start(&a, &t, err, sizeof err), 0);
	tour_play_show(&a, 1);
	assert_non_null(a.downstream);
	assert_true(a.error_contours);
	tour_play_show(&a, 2);
	assert_non_null(a.downstream);
	assert_false(a.error_contours);
	tour_play_show(&a, 3);
	assert_null(a.downstream);
	tour_play_show(&a, 1);
	tour_play_show(&a, 0); /* the state the tour started from: no map */
	assert_null(a.downstream);
	assert_false(a.error_contours);
}

static void load_error(const char *step, const char *want)
{
	static struct tour t;
	char buf[1024], err[512];
	struct app a;

	snprintf(buf, sizeof buf, "id: x\ntitle: x\nsteps:\n  - caption: c\n    %s\n", step);
	if (tour_parse("t.yaml", (const unsigned char *)buf, strlen(buf), &t, err, sizeof err) ==
	    0) {
		app_fixture_start(&a, "hoffmann2022");
		assert_int_not_equal(tour_play_start(&a, &t, err, sizeof err), 0);
	}
	if (strcmp(err, want) != 0)
		fail_msg("%s gave\n%s\nnot\n%s", step, err, want);
}

static void bad_values_are_refused_where_written(void **state)
{
	(void)state;
	load_error("downstream: nope", "t.yaml:5:17: unknown downstream map 'nope' (isoflop "
	                               "presets downstream lists them; none drops the map)");
	load_error("contours: error", "t.yaml:5:15: contours: error needs a downstream map: add "
	                              "'downstream: ID' to this step or one before");
	load_error("contours: accuracy",
	           "t.yaml:5:15: 'contours' must be loss or error, not 'accuracy'");
}

/* ---- the map's title: the error at the point where it fits ---- */

static bool starts(const char *s, const char *prefix)
{
	return strncmp(s, prefix, strlen(prefix)) == 0;
}

static void the_title_gives_the_error_where_it_fits(void **state)
{
	(void)state;
	struct app a;

	app_fixture_start(&a, "hoffmann2022");
	with_map(&a, "gadre2024");
	at_model(&a, "chinchilla");
	a.scene.panel = TOUR_PANEL_MAP; /* 80 columns: it fits */
	char *f = app_fixture_frame_shown(&a);
	if (!starts(f, "hoffmann2022: @ Chinchilla 70B, L = 1.9366, error 0.37 (extrapolated)\n"))
		fail_msg("the title is not the error's:\n%s", f);
	free(f);
	a.error_contours = false; /* 'A': the loss's contours, no error in the title */
	f = app_fixture_frame_shown(&a);
	if (!starts(f, "Chinchilla Approach 3 (Eq. 10 as printed): @ Chinchilla 70B, L = 1.9366\n"))
		fail_msg("the loss's title changed:\n%s", f);
	free(f);
	a.error_contours = true;
	a.scene.panel = TOUR_PANEL_BOTH; /* half the width: the title stays the loss's */
	f = app_fixture_frame_shown(&a);
	if (!starts(f, "hoffmann2022: @ Chinchilla 70B, L = 1.9366  "))
		fail_msg("the narrow title is cut, not left:\n%s", f);
	free(f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(the_command_line_carries_the_map),
	        cmocka_unit_test(recorded_map_and_contours_replay),
	        cmocka_unit_test(steps_set_and_rewind_forgets),
	        cmocka_unit_test(bad_values_are_refused_where_written),
	        cmocka_unit_test(the_title_gives_the_error_where_it_fits),
	};
	return cmocka_run_group_tests(tests, load_catalog, free_catalog);
}
