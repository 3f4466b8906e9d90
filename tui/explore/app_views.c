/*
 * app_views.c: the views' table (one row per view: see app_views.h) and the
 * state changes made by row: a view opened or closed, exactly one view
 * shown (a tour step), a view's key (a part of the state module: see
 * app.h).
 */
#include <stdio.h>

#include "../../model/timeline.h"

#include "app.h"
#include "app_parts.h"
#include "app_views.h"
#include "domains_view.h"
#include "law_view.h"

static bool has_surface(const struct app *a)
{
	return law_has_surface(app_law(a));
}

/* Whether the law fits a loss against compute: L*(C) from L(N, D), or a power law's L(C). */
static bool has_loss_of_compute(const struct app *a)
{
	return has_surface(a) || law_view_fits_compute(app_law(a));
}

static bool data_constrained(const struct app *a)
{
	return app_law(a)->family == LAW_DATA_CONSTRAINED;
}

static bool has_accelerators(const struct app *a)
{
	return a->catalog->naccelerators > 0;
}

static bool additive(const struct app *a)
{
	enum law_family f = app_law(a)->family;
	return f == LAW_ADDITIVE || f == LAW_DATA_CONSTRAINED;
}

/* Whether the law gives a data wall for the stock: some budget's optimum trains on it. */
static bool has_wall(const struct app *a)
{
	double c;

	return a->stock.stock > 0 &&
	       timeline_wall_compute(app_law(a), a->stock.stock, &c) == MODEL_OK;
}

/* Why the timeline has no wall: without a stock the law is not to blame. */
static const char *no_wall(const struct app *a)
{
	return a->stock.stock > 0
	               ? "no data wall under %s: no compute-optimal run trains on the stock"
	               : "no stock of text: the timeline has no wall (--stock ID)";
}

/* In the recorder's order of preference, which is also the order sliders stack in. */
const struct app_view app_views[] = {
        {TOUR_VIEW_INFERENCE,
         'i',
         "inference view: T slider, inference-aware frontier %",
         VIEW_PLACE_NONE,
         {SLIDER_T},
         1,
         false,
         app_open_inference,
         has_surface,
         "T prices a loss: a frontier law has none (w: pick an additive law)",
         false,
         NULL},
        {TOUR_VIEW_DATA,
         'u',
         "data view: U slider, 4 epochs (=), data wall (:)",
         VIEW_PLACE_NONE,
         {SLIDER_U},
         1,
         false,
         app_open_data,
         data_constrained,
         "U changes the loss only under a data-constrained law (w: muennighoff2023)",
         false,
         NULL},
        {TOUR_VIEW_TESTTIME,
         't',
         "test-time view: T and M sliders, FLOPs-matched panel",
         VIEW_PLACE_PROFILES,
         {SLIDER_T, SLIDER_M},
         2,
         false,
         app_open_testtime,
         has_surface,
         "t trades L(N, D) for test time: %s has no L(N, D)",
         false,
         NULL},
        {TOUR_VIEW_HARDWARE,
         'g',
         "hardware view: accelerator count, days, MFU give C",
         VIEW_PLACE_PROFILES,
         {SLIDER_GPUS, SLIDER_DAYS, SLIDER_MFU},
         3,
         false,
         app_open_hardware,
         has_accelerators,
         "g needs accelerator presets: none loaded",
         true,
         NULL},
        {TOUR_VIEW_EDIT,
         'e',
         "edit the law: sliders for E, A, B, alpha, beta",
         VIEW_PLACE_NONE,
         {SLIDER_E, SLIDER_A, SLIDER_B, SLIDER_ALPHA, SLIDER_BETA},
         5,
         true,
         app_open_editing,
         additive,
         "e edits E, A, B, alpha, beta: %s is not an additive law",
         true,
         NULL},
        {TOUR_VIEW_COMPUTE,
         'C',
         "compute view: L*(C), the models, E floor, next 10x",
         VIEW_PLACE_PROFILES,
         {0},
         0,
         false,
         app_open_compute,
         has_loss_of_compute,
         "%s fits no loss against compute: no L*(C) to draw (w: another law)",
         false,
         NULL},
        {TOUR_VIEW_TIMELINE,
         'T',
         "timeline view: models by year, the data wall's year",
         VIEW_PLACE_PANELS,
         {0},
         0,
         false,
         app_open_timeline,
         has_wall,
         NULL,
         false,
         no_wall},
        {TOUR_VIEW_TRAINTEST,
         'X',
         "train x test plane: train/test/problems/total sliders",
         VIEW_PLACE_PANELS,
         {SLIDER_TRAIN, SLIDER_TEST, SLIDER_PROBLEMS, SLIDER_TOTAL},
         4,
         true,
         app_open_traintest,
         app_tt_has_plane,
         NULL,
         true,
         app_tt_no_plane},
        {TOUR_VIEW_COVERAGE,
         'K',
         "coverage view: coverage against samples k, a target",
         VIEW_PLACE_PANELS,
         {SLIDER_SAMPLES, SLIDER_TARGET},
         2,
         true,
         app_open_coverage,
         app_tt_has_coverage,
         NULL,
         true,
         app_tt_no_coverage},
        {TOUR_VIEW_DOMAINS,
         'D',
         "domains view: each domain's L(C), this law's as @",
         VIEW_PLACE_PANELS,
         {0},
         0,
         false,
         app_open_domains,
         domains_view_fits,
         "D compares laws with an L(C): none is loaded",
         true,
         NULL},
};

const size_t app_views_len = sizeof app_views / sizeof *app_views;

const struct app_view *app_view_row(enum tour_view id)
{
	for (size_t i = 0; i < app_views_len; i++)
		if (app_views[i].id == id)
			return &app_views[i];
	return NULL;
}

const struct app_view *app_view_by_key(int key)
{
	for (size_t i = 0; i < app_views_len; i++)
		if (app_views[i].key == key)
			return &app_views[i];
	return NULL;
}

bool app_view_on(const struct app *a, enum tour_view v)
{
	return (a->scene.views >> v & 1u) != 0;
}

const struct app_view *app_view_in(const struct app *a, enum app_view_place place)
{
	for (size_t i = 0; i < app_views_len; i++)
		if (app_views[i].place == place && app_view_on(a, app_views[i].id))
			return &app_views[i];
	return NULL;
}

int app_views_open(const struct app *a)
{
	int n = 0;

	for (size_t i = 0; i < app_views_len; i++)
		n += app_view_on(a, app_views[i].id);
	return n;
}

/* Why the law (or the state) cannot show view r, in the status line. */
static void say_unfit(struct app *a, const struct app_view *r)
{
	const struct preset *p = &a->catalog->laws[a->scene.law].preset;
	char why[APP_STATUS_MAX];

	/* a law without L(N, D) says what it has instead (a power law's L(N), L(C)) */
	if (law_view_refusal(p, r->key, why, sizeof why) != NULL) {
		app_status(a, "%s", why);
		return;
	}
	app_status(a, r->unfit_of != NULL ? r->unfit_of(a) : r->unfit,
	           a->catalog->laws[a->scene.law].preset.id);
}

/* Whether views in places p and q would draw over each other: the panels' place holds the
 * profiles'. */
static bool places_overlap(enum app_view_place p, enum app_view_place q)
{
	if (p == VIEW_PLACE_NONE || q == VIEW_PLACE_NONE)
		return false;
	return p == q || p == VIEW_PLACE_PANELS || q == VIEW_PLACE_PANELS;
}

/* Close the open views that draw where r does: a place shows one view. */
static void make_room(struct app *a, const struct app_view *r)
{
	for (size_t i = 0; i < app_views_len; i++) {
		const struct app_view *o = &app_views[i];
		if (o != r && places_overlap(o->place, r->place) && app_view_on(a, o->id)) {
			a->scene.views &= ~(1u << o->id);
			o->set(a, false);
		}
	}
}

/*
 * A power law keeps a view closed that would show nothing of it (i, u, t;
 * C without L(C)), saying why: its panel already shows its L(C) or L(N).
 */
static bool power_refuses(struct app *a, const struct app_view *r)
{
	const struct preset *p = &a->catalog->laws[a->scene.law].preset;
	char why[APP_STATUS_MAX];

	if (a->scene.edited || law_view_refusal(p, r->key, why, sizeof why) == NULL)
		return false;
	app_status(a, "%s", why);
	return true;
}

bool app_toggle_view(struct app *a, enum tour_view v)
{
	const struct app_view *r = app_view_row(v);
	bool on;

	if (r == NULL)
		return true;
	on = !app_view_on(a, v);
	if (on && power_refuses(a, r))
		return false;
	if (on && r->refuses && r->fits != NULL && !r->fits(a)) {
		say_unfit(a, r);
		return false;
	}
	if (on)
		make_room(a, r);
	a->scene.views ^= 1u << v;
	r->set(a, on);
	return true;
}

bool app_toggle_inference(struct app *a)
{
	return app_toggle_view(a, TOUR_VIEW_INFERENCE);
}

bool app_toggle_data(struct app *a)
{
	return app_toggle_view(a, TOUR_VIEW_DATA);
}

bool app_toggle_testtime(struct app *a)
{
	return app_toggle_view(a, TOUR_VIEW_TESTTIME);
}

bool app_toggle_hardware(struct app *a)
{
	return app_toggle_view(a, TOUR_VIEW_HARDWARE);
}

bool app_toggle_editing(struct app *a)
{
	return app_toggle_view(a, TOUR_VIEW_EDIT);
}

bool app_set_view(struct app *a, enum tour_view view)
{
	if (view == TOUR_VIEW_KEEP)
		return true;
	/* the others off first, in the table's order */
	for (size_t i = 0; i < app_views_len; i++)
		if (app_views[i].id != view && app_view_on(a, app_views[i].id))
			app_toggle_view(a, app_views[i].id);
	if (view != TOUR_VIEW_EXPLORE && !app_view_on(a, view))
		return app_toggle_view(a, view);
	return true;
}

void app_view_recheck(struct app *a, enum tour_view id)
{
	const struct app_view *r = app_view_row(id);

	if (r != NULL && app_view_on(a, id) && r->fits != NULL && !r->fits(a))
		say_unfit(a, r);
}

/* Reopen the views that view id's key closed when it opened, as they were. */
static void give_back_room(struct app *a, enum tour_view id)
{
	unsigned back = a->scene.made_room;

	if (a->scene.made_room_for != (int)id + 1)
		return;
	a->scene.made_room = 0;
	a->scene.made_room_for = 0;
	for (size_t i = 0; i < app_views_len; i++)
		if (back & (1u << app_views[i].id) && !app_view_on(a, app_views[i].id))
			app_toggle_view(a, app_views[i].id);
}

void app_view_key(struct app *a, enum tour_view id)
{
	const struct app_view *r = app_view_row(id);
	unsigned before = a->scene.views;

	app_tt_suit(a, id); /* X or K under a law it cannot show: one it can, if loaded */
	if (r == NULL || !app_toggle_view(a, id))
		return;
	if (!app_view_on(a, id)) {
		give_back_room(a, id);
		return;
	}
	a->scene.made_room = before & ~a->scene.views;
	a->scene.made_room_for = (int)id + 1;
	if (!r->refuses && r->fits != NULL && !r->fits(a))
		say_unfit(a, r);
}
