/*
 * test_error_contours.c: --downstream in the explorer and on the map. The
 * readout gives the error the shipped gadre2024 map derives from the point's
 * loss (its closed form, labelled derived), 'A' turns the map's contours
 * between that error and the loss, and the map labels error levels.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../model/downstream.h"
#include "../../tui/explore/app.h"
#include "../../tui/explore/explorer.h"
#include "../../tui/explore/keys.h"
#include "../../tui/plot/map.h"
#include "fixtures.h"
#include "catalog_fixture.h"
#include "app_fixture.h"

/* Chinchilla's point under hoffmann2022 (the fixture's start), with the shipped map or none. */
static void start_chinchilla(struct app *a, bool with_map)
{
	const struct catalog_entry *m = catalog_downstream(&cat, "gadre2024");

	assert_non_null(m);
	app_fixture_start(a, "hoffmann2022");
	a->downstream = with_map ? &m->preset : NULL;
	a->error_contours = with_map;
}

/* The readout's error is epsilon - k exp(-gamma L) at the point's loss, two decimals. */
static void readout_gives_the_closed_form(void **state)
{
	struct app a;
	double loss;
	char want[64];

	(void)state;
	start_chinchilla(&a, true);
	assert_int_equal(law_loss(app_law(&a), a.scene.n, a.scene.d, 0, &loss), MODEL_OK);
	snprintf(want, sizeof want, "top-1 error %.2f (Gadre et al. 2024, derived",
	         0.849742 - 2.07890 * exp(-0.756119 * loss));
	char *text = app_fixture_frame(&a);
	if (strstr(text, want) == NULL)
		fail_msg("no '%s' in\n%s", want, text);
	assert_non_null(strstr(text, "contours: error (derived, fit L>=2.66)"));
	free(text);
}

/* 'A' turns the contours back to loss and again to error; without a map it says how. */
static void a_toggles_the_contours(void **state)
{
	struct app a;

	(void)state;
	start_chinchilla(&a, true);
	assert_int_equal(app_key(&a, 'A'), KEY_HANDLED);
	assert_false(a.error_contours);
	char *text = app_fixture_frame(&a);
	assert_null(strstr(text, "contours: error (derived"));
	assert_non_null(strstr(text, "top-1 error")); /* the readout stays */
	free(text);
	assert_int_equal(app_key(&a, 'A'), KEY_HANDLED);
	assert_true(a.error_contours);

	start_chinchilla(&a, false);
	assert_int_equal(app_key(&a, 'A'), KEY_HANDLED);
	assert_false(a.error_contours);
	assert_non_null(strstr(a.status, "--downstream"));
	text = app_fixture_frame(&a);
	assert_null(strstr(text, "top-1 error"));
	free(text);
}

/* The map's levels are errors, round and inside (0, epsilon), labelled with two decimals. */
static void map_levels_are_errors(void **state)
{
	const struct catalog_entry *l = catalog_law(&cat, "hoffmann2022");
	const struct catalog_entry *m = catalog_downstream(&cat, "gadre2024");
	struct map_spec s = {.law = &l->preset.law,
	                     .law_name = "h",
	                     .dataset = "",
	                     .n_lo = 1e7,
	                     .n_hi = 1e13,
	                     .d_lo = 1e8,
	                     .d_hi = 1e14,
	                     .error_map = &m->preset.ds};
	struct canvas c;
	struct map map;

	(void)state;
	assert_int_equal(canvas_init(&c, 80, 24), 0);
	assert_int_equal(map_draw_base(&c, (struct rect){0, 0, 80, 24}, &s, &map), 0);
	assert_true(map.nlevels >= 4);
	for (int k = 0; k < map.nlevels; k++) {
		assert_true(map.levels[k] > 0 && map.levels[k] < m->preset.ds.epsilon);
		/* round: a multiple of 0.05 at most two decimals */
		double hundredths = map.levels[k] * 100;
		assert_true(fabs(hundredths - round(hundredths)) < 1e-9);
	}
	canvas_free(&c);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(readout_gives_the_closed_form),
	        cmocka_unit_test(a_toggles_the_contours),
	        cmocka_unit_test(map_levels_are_errors),
	};

	return cmocka_run_group_tests(tests, load_catalog, free_catalog);
}
