/*
 * app_tour.c: a tour step applied to the explorer's state, the tour's
 * start and rewind, detours, the quit question, the clipboard and the
 * 'g N' jump (a part of the state module: see app.h).
 */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <strings.h>
#include <stdlib.h>
#include <string.h>

#include "../../model/optimum.h"
#include "../../model/units.h"
#include "app.h"
#include "app_parts.h"
#include "save.h"

/* ---- tours ---- */

/* A step's loss-to-error map, which turns its contours on as --downstream does, and 'A'. */
static void apply_downstream(struct app *a, const struct tour_step *s)
{
	const struct catalog_entry *e;

	if (strcmp(s->downstream, "none") == 0) {
		a->downstream = NULL;
		a->error_contours = false;
	} else if (s->downstream[0] &&
	           (e = catalog_downstream(a->catalog, s->downstream)) != NULL) {
		a->downstream = &e->preset;
		a->error_contours = true;
	}
	if (s->contours >= 0 && a->downstream != NULL)
		a->error_contours = s->contours == 1;
}

/* A step's view and comparison; what cannot show is left for tour_play.c to refuse. */
static void apply_views(struct app *a, const struct tour_step *s)
{
	const struct catalog_entry *e;

	/* before the view: X and K open only on a law they can show */
	if (s->tt_law[0] && (e = catalog_testtime(a->catalog, s->tt_law)) != NULL)
		app_set_tt_law(a, (size_t)(e - a->catalog->testtimes));
	app_set_view(a, s->view);
	if (s->stock[0]) /* before the point: the stock's window holds it */
		app_set_stock(a, s->stock);
	if (strcmp(s->compare, "none") == 0)
		app_set_compare(a, -1);
	else if (s->compare[0] && (e = catalog_law(a->catalog, s->compare)) != NULL)
		app_set_compare(a, (long)(e - a->catalog->laws));
	if (s->difference >= 0)
		app_set_delta(a, s->difference);
	apply_downstream(a, s);
}

/*
 * A step's sliders of the views: T, M, and the hardware's, where gpus
 * and days together give the budget (the point goes to its optimum) and
 * one of them alone moves the other, as --gpus and --days do.
 */
static void apply_view_sliders(struct app *a, const struct tour_step *s)
{
	const struct catalog_entry *e;
	double budget, n, d;

	if (s->inference_tokens > 0)
		app_set(a, SLIDER_T, s->inference_tokens);
	if (s->larger > 0)
		app_set(a, SLIDER_M, s->larger);
	if (s->serve_mfu > 0 || s->serve_price > 0)
		app_set_serve(a, s->serve_mfu > 0 ? s->serve_mfu : a->scene.serve_mfu,
		              s->serve_price > 0 ? s->serve_price : a->scene.serve_price);
	if (!app_view_on(a, TOUR_VIEW_HARDWARE))
		return;
	if (s->accelerator[0] && (e = catalog_accelerator(a->catalog, s->accelerator)) != NULL)
		app_set_accelerator(a, (size_t)(e - a->catalog->accelerators));
	/* after the accelerator: a price or power given is the one named's */
	if (s->price > 0)
		app_set_price(a, s->price);
	if (s->watts > 0)
		app_set_watts(a, s->watts);
	if (s->pue > 0)
		app_set_pue(a, s->pue);
	if (s->mfu > 0)
		app_set(a, SLIDER_MFU, s->mfu);
	if (s->gpus > 0 && s->days > 0) {
		app_hw_budget_optimum(a, s->gpus, s->days, &budget, &n, &d);
	} else if (s->gpus > 0) {
		a->hw_follow = HW_DAYS;
		app_set(a, SLIDER_GPUS, s->gpus);
	} else if (s->days > 0) {
		a->hw_follow = HW_COUNT;
		app_set(a, SLIDER_DAYS, s->days);
		a->hw_follow = HW_DAYS;
	}
}

/* The test-time views' point: set whatever the view, as the setters clamp it (tour_play.c checks
 * the ranges). */
static void apply_tt_point(struct app *a, const struct tour_step *s)
{
	if (s->train > 0)
		app_set_train(a, s->train);
	if (s->test > 0)
		app_set_test(a, s->test);
	if (s->problems > 0)
		app_set_problems(a, s->problems);
	if (s->samples > 0)
		app_set_samples(a, s->samples);
	if (s->target > 0)
		app_set_target(a, s->target);
}

/* Exactly the models of these ids marked; ids the catalog lacks are skipped (tour_play checks). */
static void mark_ids(struct app *a, const char (*ids)[64], int n)
{
	size_t models[TOUR_MAX_MODELS];
	int k = 0;

	for (int i = 0; i < n && k < TOUR_MAX_MODELS; i++) {
		const struct catalog_entry *e = catalog_model(a->catalog, ids[i]);
		if (e != NULL)
			models[k++] = (size_t)(e - a->catalog->models);
	}
	app_set_marked(a, models, k);
}

void app_apply_step(struct app *a, const struct tour_step *s)
{
	const struct catalog_entry *e;
	const struct law *law;

	if (s->law[0] && (e = catalog_law(a->catalog, s->law)) != NULL)
		app_switch_law(a, (size_t)(e - a->catalog->laws));
	if (s->unique_tokens > 0 || s->law[0])
		a->scene.u = s->unique_tokens;
	apply_views(a, s);
	law = app_law(a);
	if (s->model[0] && (e = catalog_model(a->catalog, s->model)) != NULL) {
		app_jump_model(a, (size_t)(e - a->catalog->models));
	} else if (optimum_point(law, s->params, s->tokens, s->compute, a->scene.u, &a->scene.n,
	                         &a->scene.d) == MODEL_OK) {
		a->scene.model = -1; /* moved off the model an earlier step put it at */
	}
	app_clamp_point(a);
	app_hw_sync(a, a->hw_follow);
	if (s->lock)
		a->scene.lock = s->lock == 'N' ? SLIDER_N : s->lock == 'D' ? SLIDER_D : SLIDER_C;
	if (s->markers >= 0)
		a->scene.markers = s->markers;
	if (s->zoom >= 0)
		a->scene.zoom = s->zoom;
	if (s->nmodels >= 0)
		mark_ids(a, s->models, s->nmodels);
	a->scene.panel = s->panel;
	apply_view_sliders(a, s);
	apply_tt_point(a, s);
	if (s->window[1] > 0) /* the loader checked it against the units' limits */
		app_set_window(a, &(struct app_window){s->window[0], s->window[1], s->window[2],
		                                       s->window[3]});
	a->status[0] = '\0';
}

void app_tour_begin(struct app *a, const struct tour *t)
{
	a->tour = t;
	a->mode = MODE_TOUR;
	a->tour_origin = (struct app_tour_start){
	        .scene = a->scene,
	        .delta = a->delta,
	        .compare = a->compare,
	        .accel = a->accel,
	        .hw_follow = a->hw_follow,
	        .t = a->t,
	        .m = a->m,
	        .stock = a->stock,
	        .downstream = a->downstream,
	        .error_contours = a->error_contours,
	};
}

void app_tour_rewind(struct app *a, int i)
{
	const struct app_tour_start *o = &a->tour_origin;

	a->step = i;
	a->scene = o->scene;
	a->delta = o->delta;
	a->compare = o->compare;
	a->accel = o->accel;
	a->hw_follow = o->hw_follow;
	a->t = o->t;
	a->m = o->m;
	a->stock = o->stock;
	a->downstream = o->downstream;
	a->error_contours = o->error_contours;
	a->detoured = false;
}

void app_detour(struct app *a)
{
	if (!a->detoured) {
		a->detoured = true;
		a->detour_from = a->step;
	}
	if (!a->status[0])
		app_status(a, "detour from step %d: Enter returns, Space goes on",
		           a->detour_from + 1);
}

void app_ask_quit(struct app *a, bool ask)
{
	a->asking_quit = ask;
	if (ask)
		app_status(a, "quit the tour and isoflop? y/n");
	else
		app_clear_status(a);
}

void app_copy(struct app *a, const char *text)
{
	snprintf(a->clip, sizeof a->clip, "%s", text);
	a->clip_pending = true;
}

void app_copy_taken(struct app *a)
{
	a->clip_pending = false;
}

void app_jump_begin(struct app *a)
{
	a->jumping = true;
	a->jump[0] = '\0';
}

bool app_jump_digit(struct app *a, int digit)
{
	return app_append_char(a->jump, sizeof a->jump, digit, '0', '9');
}

int app_jump_end(struct app *a)
{
	a->jumping = false;
	return a->jump[0] ? atoi(a->jump) : -1;
}
