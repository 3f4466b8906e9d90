/*
 * record.c: the explorer's state as a tour step, one row per part of the
 * step (the caption, the law, the point, the switches), and its append to
 * a tour file through presets/tour_write.h.
 */
#include <errno.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../model/optimum.h"
#include "../../model/units.h"
#include "../../presets/tour_write.h"
#include "app_views.h"
#include "record.h"
#include "save.h"

/* A part of the step: 0, or -1 and why when the state has it in a form no step can set. */
typedef int (*record_part)(const struct app *a, struct tour_step *s, char *why, size_t whysize);

static int part_law(const struct app *a, struct tour_step *s, char *why, size_t whysize)
{
	const char *id = a->catalog->laws[a->scene.law].preset.id;

	if (a->scene.edited) {
		snprintf(why, whysize, "a step names a law: s saves the edit of %s first", id);
		return -1;
	}
	snprintf(s->law, sizeof s->law, "%s", id);
	return 0;
}

/* U: what a data-constrained law's loss reads; tour.c refuses it under other laws. */
static int part_unique(const struct app *a, struct tour_step *s, char *why, size_t whysize)
{
	(void)why;
	(void)whysize;
	if (app_law(a)->family == LAW_DATA_CONSTRAINED && a->scene.u > 0)
		s->unique_tokens = a->scene.u;
	return 0;
}

/* Which view is open, as a step names it: always, so that a step never keeps the one before's. */
static enum tour_view view_of(const struct app *a)
{
	for (size_t i = 0; i < app_views_len; i++)
		if (app_view_on(a, app_views[i].id))
			return app_views[i].id;
	return TOUR_VIEW_EXPLORE;
}

/* "a step opens one view: close all but one (i u t g e C T)", the keys from the table. */
static void one_view_only(char *why, size_t whysize)
{
	char keys[2 * TOUR_VIEW_COUNT + 1] = "";
	size_t n = 0;

	for (size_t i = 0; i < app_views_len && n + 2 < sizeof keys; i++)
		n += (size_t)snprintf(keys + n, sizeof keys - n, "%s%c", i ? " " : "",
		                      app_views[i].key);
	snprintf(why, whysize, "a step opens one view: close all but one (%s)", keys);
}

/*
 * The hardware view's price and power when given for this accelerator (the
 * accelerator a step names starts from its preset's), and the PUE always,
 * which the session keeps from step to step.
 */
static void part_cost(const struct app *a, struct tour_step *s)
{
	const struct app_cost_given *g = &a->scene.given;

	if (g->accel == a->accel) {
		s->price = g->price;
		s->watts = g->watts;
	}
	s->pue = a->scene.hw.pue;
}

/*
 * The test-time views' law and what of their point shows: in X the plane's
 * train, test and problems, in K the samples and the target, so that the
 * step replays to the same picture and readout.
 */
static int part_tt(const struct app *a, struct tour_step *s, char *why, size_t whysize)
{
	const struct app_tt *t = &a->scene.tt;
	const struct catalog_entry *e = app_tt_law(a);

	/* no step field holds the plane's lock: a step replays with the total locked */
	if (app_view_on(a, TOUR_VIEW_TRAINTEST) && t->lock != SLIDER_TOTAL) {
		snprintf(why, whysize,
		         "a step keeps the total locked in X: x until total is locked");
		return -1;
	}
	if (e != NULL)
		snprintf(s->tt_law, sizeof s->tt_law, "%s", e->preset.id);
	if (app_view_on(a, TOUR_VIEW_TRAINTEST)) {
		s->train = t->train;
		s->test = t->test;
		s->problems = t->problems;
	} else {
		s->samples = t->samples;
		s->target = t->target;
	}
	return 0;
}

/*
 * The view, the compared law and the difference map, and the view's own
 * sliders: T, M, and the hardware's, where the slider that does not follow
 * is written (count when days follow, days when the count follows, both
 * when the budget follows: then they set the point, which is not written).
 */
static int part_views(const struct app *a, struct tour_step *s, char *why, size_t whysize)
{
	if (app_views_open(a) > 1) {
		one_view_only(why, whysize);
		return -1;
	}
	s->view = view_of(a);
	snprintf(s->compare, sizeof s->compare, "%s",
	         a->compare >= 0 ? a->catalog->laws[a->compare].preset.id : "none");
	s->difference = a->compare >= 0 ? a->delta : -1;
	if ((app_view_on(a, TOUR_VIEW_INFERENCE) || app_view_on(a, TOUR_VIEW_TESTTIME)) && a->t > 0)
		s->inference_tokens = a->t;
	if (app_view_on(a, TOUR_VIEW_INFERENCE)) { /* the lifetime dollars' serving terms */
		s->serve_mfu = a->scene.serve_mfu;
		s->serve_price = a->scene.serve_price;
	}
	if (app_view_on(a, TOUR_VIEW_TESTTIME))
		s->larger = a->m;
	if ((app_view_on(a, TOUR_VIEW_TRAINTEST) || app_view_on(a, TOUR_VIEW_COVERAGE)) &&
	    part_tt(a, s, why, whysize) != 0)
		return -1;
	if (app_view_on(a, TOUR_VIEW_DATA)) /* always: a step never keeps the one before's */
		snprintf(s->stock, sizeof s->stock, "%s",
		         a->stock.stock > 0 ? a->stock.id : "none");
	if (!app_view_on(a, TOUR_VIEW_HARDWARE))
		return 0;
	snprintf(s->accelerator, sizeof s->accelerator, "%s",
	         a->catalog->accelerators[a->accel].preset.id);
	part_cost(a, s);
	s->mfu = a->scene.hw.mfu;
	if (a->hw_follow != HW_COUNT)
		s->gpus = a->scene.hw.count;
	if (a->hw_follow != HW_DAYS)
		s->days = a->scene.hw.days;
	return 0;
}

/*
 * The loss-to-error map and, when 'A' turned them off, its contours: the
 * map turns them on as a step replays it. No key drops the map, so a
 * session without one writes nothing.
 */
static int part_downstream(const struct app *a, struct tour_step *s, char *why, size_t whysize)
{
	(void)why;
	(void)whysize;
	if (a->downstream == NULL)
		return 0;
	snprintf(s->downstream, sizeof s->downstream, "%s", a->downstream->id);
	if (!a->error_contours)
		s->contours = 0;
	return 0;
}

/*
 * x in the fewest of 12 significant digits that read back to it: a
 * slider's steps leave float noise (9.999999999999996e23) that a tour need
 * not carry; 12 digits lie far inside any slider's step and any digit a
 * frame shows.
 */
static double record_short(double x)
{
	char buf[64];

	units_format_exact(x, 12, buf, sizeof buf);
	return strtod(buf, NULL);
}

/*
 * The point: its model if it sits at one, C alone if it is the optimum
 * there (as the step replays it, to the last bit), else N and D.
 */
static int part_point(const struct app *a, struct tour_step *s, char *why, size_t whysize)
{
	const struct law *law = app_law(a);
	double n = a->scene.n, d = a->scene.d, c = law_compute(law, n, d), on, od;

	(void)why;
	(void)whysize;
	if (s->gpus > 0 && s->days > 0)
		return 0; /* the hardware's budget sets the point */
	if (a->scene.model >= 0) {
		snprintf(s->model, sizeof s->model, "%s",
		         a->catalog->models[a->scene.model].preset.id);
	} else if (optimum_point(law, 0, 0, c, s->unique_tokens, &on, &od) == MODEL_OK && on == n &&
	           od == d) {
		s->compute = record_short(c);
	} else {
		s->params = record_short(n);
		s->tokens = record_short(d);
	}
	return 0;
}

/* Lock, markers, panel, zoom, window and the marked models, always: a step after another must not
 * keep that one's. */
static int part_switches(const struct app *a, struct tour_step *s, char *why, size_t whysize)
{
	if (a->scene.marked.n > TOUR_MAX_MODELS) {
		snprintf(why, whysize, "a step marks %d models at most (M unmarks)",
		         TOUR_MAX_MODELS);
		return -1;
	}
	s->nmodels = a->scene.marked.n;
	for (int i = 0; i < s->nmodels; i++)
		snprintf(s->models[i], sizeof s->models[i], "%s",
		         a->catalog->models[a->scene.marked.model[i]].preset.id);
	s->lock = app_slider_name(a->scene.lock)[0];
	s->markers = a->scene.markers;
	s->panel = a->scene.panel;
	s->zoom = a->scene.zoom; /* -1, automatic, is written as nothing */
	s->window[0] = a->scene.window.n_lo;
	s->window[1] = a->scene.window.n_hi;
	s->window[2] = a->scene.window.d_lo;
	s->window[3] = a->scene.window.d_hi;
	return 0;
}

/* In the order app_apply_step applies them: the point reads the law and U. */
static const record_part record_parts[] = {
        part_law, part_unique, part_views, part_downstream, part_point, part_switches,
};

int record_step_of(const struct app *a, const char *caption, struct tour_step *s, char *why,
                   size_t whysize)
{
	tour_step_init(s); /* as the loader starts a step: read back, they compare equal */
	snprintf(s->caption[0], sizeof s->caption[0], "%s", caption);
	for (size_t i = 0; i < sizeof record_parts / sizeof *record_parts; i++)
		if (record_parts[i](a, s, why, whysize) != 0)
			return -1;
	return 0;
}

/* The id of a new tour at path: its file name less .yaml when that is an id. */
static void new_tour_id(const char *path, char *id, size_t size)
{
	char copy[4096], *base;
	size_t len;

	snprintf(copy, sizeof copy, "%s", path);
	base = basename(copy);
	len = strlen(base);
	if (len > 5 && strcmp(base + len - 5, ".yaml") == 0)
		base[len - 5] = '\0';
	snprintf(id, size, "%s", preset_id_valid(base) ? base : RECORD_DEFAULT_ID);
}

int record_append(const struct app *a, const char *caption, const char *path, char *msg,
                  size_t msgsize)
{
	static struct tour_step s;
	char id[64], dir[4096];

	if (record_step_of(a, caption, &s, msg, msgsize) != 0)
		return -1;
	/* the runs on the map, and law 'runs' if a step names it, play as the tour's runs: */
	struct tour_runs runs = {.bootstrap = a->runs_from.bootstrap, .seed = a->runs_from.seed};
	if (a->runs_from.file != NULL && (size_t)snprintf(runs.file, sizeof runs.file, "%s",
	                                                  a->runs_from.file) >= sizeof runs.file) {
		snprintf(msg, msgsize,
		         "the runs' path is longer than %zu bytes: a tour names it whole",
		         sizeof runs.file - 1);
		return -1;
	}
	new_tour_id(path, id, sizeof id);
	snprintf(dir, sizeof dir, "%s", path);
	if (save_make_dirs(dirname(dir)) != 0) {
		snprintf(msg, msgsize, "%s: %s", dir, strerror(errno));
		return -1;
	}
	return tour_append_step(path, &s, id, "Recorded in the isoflop explorer",
	                        a->runs_from.file != NULL ? &runs : NULL, msg, msgsize);
}

void record_entry_done(struct app *a)
{
	char caption[APP_ENTRY_MAX], msg[APP_STATUS_MAX];
	char *start = caption;
	size_t len;
	int n;

	snprintf(caption, sizeof caption, "%s", a->entry);
	app_close(a);
	while (*start == ' ')
		start++;
	len = strlen(start);
	while (len > 0 && start[len - 1] == ' ')
		start[--len] = '\0';
	if (len == 0) {
		app_status(a, "not recorded: a step needs a caption (r, then type it)");
		return;
	}
	n = record_append(a, start, a->record_path, msg, sizeof msg);
	if (n < 0)
		app_status(a, "not recorded: %s", msg);
	else
		app_status(a, "step %d recorded: %.120s", n, a->record_path);
}
