/*
 * test_views.c: the views' table (tui/explore/app_views.h) holds what the
 * explorer did by hand per view before: each row's key and help are its
 * key_table row's, the sliders stack in one order whichever views are
 * open, views of one place exclude each other (the panels' place holding
 * the profiles'), the timeline opens and closes, a row that refuses leaves
 * the view closed with its message, and app_set_view shows exactly one.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../tui/explore/app.h"
#include "../../tui/explore/app_views.h"
#include "../../tui/explore/keys.h"
#include "fixtures.h"
#include "catalog_fixture.h"

static void start(struct app *a, const char *law)
{
	const struct catalog_entry *e = catalog_law(&cat, law);

	assert_non_null(e);
	app_init(a, &cat, (size_t)(e - cat.laws));
}

/* The sliders on screen as their names, "N D C T", for a readable failure. */
static void sliders_of(const struct app *a, char *buf, size_t size)
{
	enum slider on[APP_MAX_SLIDERS];
	int n = app_sliders(a, on);
	size_t len = 0;

	buf[0] = '\0';
	for (int i = 0; i < n && len < size; i++)
		len += (size_t)snprintf(buf + len, size - len, "%s%s", i ? " " : "",
		                        app_slider_name(on[i]));
}

/* Every view has one row, named as tours name it, with its key_table row's key and help. */
static void rows_match_the_keys_and_the_tour(void **state)
{
	bool seen[TOUR_VIEW_COUNT] = {false};

	(void)state;
	assert_int_equal(app_views_len, TOUR_VIEW_COUNT - TOUR_VIEW_INFERENCE);
	for (size_t i = 0; i < app_views_len; i++) {
		const struct app_view *v = &app_views[i];
		const struct key_binding *k = key_lookup(v->key);
		assert_true(v->id > TOUR_VIEW_EXPLORE && v->id < TOUR_VIEW_COUNT);
		assert_false(seen[v->id]);
		seen[v->id] = true;
		assert_ptr_equal(app_view_row(v->id), v);
		assert_ptr_equal(app_view_by_key(v->key), v);
		assert_non_null(tour_view_names[v->id]);
		assert_non_null(k);
		assert_string_equal(k->help, v->help);
		assert_non_null(v->set);
		assert_true(v->nsliders >= 0 && v->nsliders <= APP_VIEW_MAX_SLIDERS);
		/* a view without sliders shows something of its own */
		assert_true(v->nsliders > 0 || v->place != VIEW_PLACE_NONE);
		/* a row with a condition says what is missing */
		assert_true((v->fits == NULL) == (v->unfit == NULL && v->unfit_of == NULL));
	}
	assert_null(app_view_row(TOUR_VIEW_KEEP));
	assert_null(app_view_row(TOUR_VIEW_EXPLORE));
}

/* The sliders stack N D C T U M count days MFU, whichever order the views opened in. */
static void sliders_stack_in_one_order(void **state)
{
	struct app a;
	char s[128];

	(void)state;
	start(&a, "muennighoff2023");
	app_toggle_data(&a);
	app_toggle_testtime(&a);
	sliders_of(&a, s, sizeof s);
	assert_string_equal(s, "N D C T U M");
	app_toggle_inference(&a); /* T once, though two views add it */
	sliders_of(&a, s, sizeof s);
	assert_string_equal(s, "N D C T U M");
	app_toggle_hardware(&a); /* closes test time: one panel in the profiles' place */
	sliders_of(&a, s, sizeof s);
	assert_string_equal(s, "N D C T U count days MFU");
	app_toggle_editing(&a); /* its sliders replace every other */
	sliders_of(&a, s, sizeof s);
	assert_string_equal(s, "E A B alpha beta");
	assert_int_equal(app_views_open(&a), 4);
}

/* Test time and hardware draw in the profiles' place: opening one closes the other. */
static void one_view_per_place(void **state)
{
	struct app a;

	(void)state;
	start(&a, "hoffmann2022");
	assert_true(app_toggle_testtime(&a));
	assert_ptr_equal(app_view_in(&a, VIEW_PLACE_PROFILES), app_view_row(TOUR_VIEW_TESTTIME));
	assert_true(app_toggle_hardware(&a));
	assert_false(app_view_on(&a, TOUR_VIEW_TESTTIME));
	assert_ptr_equal(app_view_in(&a, VIEW_PLACE_PROFILES), app_view_row(TOUR_VIEW_HARDWARE));
	assert_true(app_toggle_testtime(&a));
	assert_false(app_view_on(&a, TOUR_VIEW_HARDWARE));
	assert_null(app_view_in(&a, VIEW_PLACE_PANELS));
}

/* T opens the timeline in the panels' place with no sliders of its own, and T closes it. */
static void timeline_opens_and_closes(void **state)
{
	struct app a;
	char s[128];

	(void)state;
	start(&a, "hoffmann2022");
	app_view_key(&a, TOUR_VIEW_TIMELINE);
	assert_true(app_view_on(&a, TOUR_VIEW_TIMELINE));
	assert_ptr_equal(app_view_by_key('T'), app_view_row(TOUR_VIEW_TIMELINE));
	assert_ptr_equal(app_view_in(&a, VIEW_PLACE_PANELS), app_view_row(TOUR_VIEW_TIMELINE));
	assert_string_equal(a.status, ""); /* the law gives a wall: nothing to say */
	sliders_of(&a, s, sizeof s);
	assert_string_equal(s, "N D C");
	app_view_key(&a, TOUR_VIEW_TIMELINE);
	assert_false(app_view_on(&a, TOUR_VIEW_TIMELINE));
	assert_int_equal(app_views_open(&a), 0);
}

/*
 * The panels' place holds the map's and the profiles': the timeline closes
 * a view of the profiles' place and is closed by one, and leaves the views
 * that only draw lines or add readout fields (the data view) open.
 */
static void panels_place_excludes_profiles(void **state)
{
	struct app a;

	(void)state;
	start(&a, "muennighoff2023");
	assert_true(app_toggle_hardware(&a));
	assert_true(app_toggle_data(&a));
	assert_true(app_toggle_view(&a, TOUR_VIEW_TIMELINE));
	assert_false(app_view_on(&a, TOUR_VIEW_HARDWARE));
	assert_true(app_view_on(&a, TOUR_VIEW_DATA));
	assert_null(app_view_in(&a, VIEW_PLACE_PROFILES));
	assert_true(app_toggle_testtime(&a));
	assert_false(app_view_on(&a, TOUR_VIEW_TIMELINE));
	assert_null(app_view_in(&a, VIEW_PLACE_PANELS));
	assert_true(app_view_on(&a, TOUR_VIEW_DATA));
}

/* A frontier law gives no data wall: the timeline opens all the same and the status says so. */
static void timeline_without_a_wall_says_so(void **state)
{
	struct app a;

	(void)state;
	start(&a, "kaplan2020-frontier");
	app_view_key(&a, TOUR_VIEW_TIMELINE);
	assert_true(app_view_on(&a, TOUR_VIEW_TIMELINE));
	assert_non_null(strstr(a.status, "no data wall under kaplan2020-frontier"));
}

/* Picking a law without a wall ('w') while the timeline is open says so too. */
static void picking_a_law_without_a_wall_says_so(void **state)
{
	struct app a;
	const struct catalog_entry *e = catalog_law(&cat, "kaplan2020-frontier");

	(void)state;
	start(&a, "hoffmann2022");
	app_view_key(&a, TOUR_VIEW_TIMELINE);
	app_open(&a, MODE_PICK_LAW);
	while (a.pick != (size_t)(e - cat.laws))
		app_pick_move(&a, 1, cat.nlaws, true);
	app_pick_choose(&a);
	assert_true(app_view_on(&a, TOUR_VIEW_TIMELINE));
	assert_non_null(strstr(a.status, "no data wall under kaplan2020-frontier"));
}

/* Without a stock (--stock none) the timeline has no wall, and the status blames no law. */
static void timeline_without_a_stock_says_so(void **state)
{
	struct app a;

	(void)state;
	start(&a, "hoffmann2022");
	assert_true(app_set_stock(&a, "none"));
	app_view_key(&a, TOUR_VIEW_TIMELINE);
	assert_true(app_view_on(&a, TOUR_VIEW_TIMELINE));
	assert_non_null(strstr(a.status, "no stock of text"));
	assert_null(strstr(a.status, "hoffmann2022"));
}

/* A row that refuses keeps the view closed and says why; one that does not opens and says so. */
static void unfit_laws_say_so(void **state)
{
	struct app a;

	(void)state;
	start(&a, "kaplan2020"); /* a power law: no E, A, B to edit */
	assert_false(app_toggle_editing(&a));
	assert_false(app_view_on(&a, TOUR_VIEW_EDIT));
	assert_non_null(strstr(a.status, "kaplan2020 is not an additive law"));
	start(&a, "hoffmann2022");
	app_view_key(&a, TOUR_VIEW_DATA);
	assert_true(app_view_on(&a, TOUR_VIEW_DATA));
	assert_non_null(strstr(a.status, "only under a data-constrained law"));
}

/* app_set_view (a tour step's view:) leaves exactly the view it names open. */
static void set_view_shows_exactly_one(void **state)
{
	struct app a;

	(void)state;
	start(&a, "muennighoff2023");
	app_toggle_inference(&a);
	app_toggle_data(&a);
	for (size_t i = 0; i < app_views_len; i++) {
		const struct app_view *v = &app_views[i];
		if (v->refuses && v->fits != NULL && !v->fits(&a)) { /* K under Jones's plane */
			assert_false(app_set_view(&a, v->id));
			continue;
		}
		assert_true(app_set_view(&a, app_views[i].id));
		assert_int_equal(app_views_open(&a), 1);
		assert_true(app_view_on(&a, app_views[i].id));
	}
	assert_true(app_set_view(&a, TOUR_VIEW_EXPLORE));
	assert_int_equal(app_views_open(&a), 0);
	assert_int_equal(a.scene.views, 0);
}

/* T T returns to the view T closed: a speaker's detour comes back to where it left. */
static void a_key_gives_back_what_it_closed(void **state)
{
	(void)state;
	struct app a;

	start(&a, "hoffmann2022");
	assert_true(app_toggle_hardware(&a));
	app_view_key(&a, TOUR_VIEW_TIMELINE);
	assert_false(app_view_on(&a, TOUR_VIEW_HARDWARE));
	app_view_key(&a, TOUR_VIEW_TIMELINE);
	assert_false(app_view_on(&a, TOUR_VIEW_TIMELINE));
	assert_true(app_view_on(&a, TOUR_VIEW_HARDWARE));
	/* C in the profiles' place closes g; C again brings g back, once */
	app_view_key(&a, TOUR_VIEW_COMPUTE);
	assert_false(app_view_on(&a, TOUR_VIEW_HARDWARE));
	app_view_key(&a, TOUR_VIEW_COMPUTE);
	assert_true(app_view_on(&a, TOUR_VIEW_HARDWARE));
	app_view_key(&a, TOUR_VIEW_HARDWARE);
	app_view_key(&a, TOUR_VIEW_COMPUTE);
	app_view_key(&a, TOUR_VIEW_COMPUTE);
	assert_false(app_view_on(&a, TOUR_VIEW_HARDWARE)); /* nothing was closed this time */
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(rows_match_the_keys_and_the_tour),
	        cmocka_unit_test(sliders_stack_in_one_order),
	        cmocka_unit_test(one_view_per_place),
	        cmocka_unit_test(unfit_laws_say_so),
	        cmocka_unit_test(set_view_shows_exactly_one),
	        cmocka_unit_test(timeline_opens_and_closes),
	        cmocka_unit_test(panels_place_excludes_profiles),
	        cmocka_unit_test(timeline_without_a_wall_says_so),
	        cmocka_unit_test(picking_a_law_without_a_wall_says_so),
	        cmocka_unit_test(a_key_gives_back_what_it_closed),
	        cmocka_unit_test(timeline_without_a_stock_says_so),
	};
	return cmocka_run_group_tests(tests, load_catalog, free_catalog);
}
