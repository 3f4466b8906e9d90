/*
 * tour_play.c: a tour's playback: its check against the catalog and the
 * replay of its steps from the state it started in (tour_play.h). A step
 * is checked twice: its ids against the catalog before it is applied, and
 * what it names against the state it reached, so that no value a step
 * gives is dropped without a word.
 */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "../../model/units.h"
#include "notes.h"
#include "tour_play.h"

/* "FILE:LINE:COL: message" into err, at mark m of tour t; -1. */
static int step_fail(const struct tour *t, struct tour_mark m, char *err, size_t errsize,
                     const char *fmt, ...) __attribute__((format(printf, 5, 6)));

static int step_fail(const struct tour *t, struct tour_mark m, char *err, size_t errsize,
                     const char *fmt, ...)
{
	va_list ap;
	int n = snprintf(err, errsize, "%s:%d:%d: ", t->file, m.line, m.col);

	va_start(ap, fmt);
	if (n >= 0 && (size_t)n < errsize)
		vsnprintf(err + n, errsize - (size_t)n, fmt, ap);
	va_end(ap);
	return -1;
}

/* Why step s cannot be played from state probe, into err; 0 when it can. */
static int step_error(const struct app *probe, const struct tour *t, const struct tour_step *s,
                      char *err, size_t errsize)
{
	const struct catalog *cat = probe->catalog;

	/* law 'runs' is the fit of runs the tour names (or --runs gives), as in the explorer */
	if (s->law[0] && catalog_law(cat, s->law) == NULL && tour_law_is_runs(s->law) &&
	    probe->runs == NULL)
		return step_fail(t, s->law_at, err, errsize,
		                 "law '%s' is the fit of your runs: give the tour 'runs: FILE' "
		                 "(or --runs FILE)",
		                 s->law);
	if (s->law[0] && catalog_law(cat, s->law) == NULL)
		return step_fail(t, s->law_at, err, errsize,
		                 "unknown law '%s' (isoflop presets laws lists them)", s->law);
	if (s->model[0] && catalog_model(cat, s->model) == NULL)
		return step_fail(t, s->model_at, err, errsize,
		                 "unknown model '%s' (isoflop presets models lists them)",
		                 s->model);
	if (s->compare[0] && strcmp(s->compare, "none") != 0 &&
	    catalog_law(cat, s->compare) == NULL)
		return step_fail(t, s->compare_at, err, errsize,
		                 "unknown law '%s' to compare with (isoflop presets laws lists "
		                 "them; none ends the comparison)",
		                 s->compare);
	if (s->accelerator[0] && catalog_accelerator(cat, s->accelerator) == NULL)
		return step_fail(
		        t, s->accelerator_at, err, errsize,
		        "unknown accelerator '%s' (isoflop presets accelerators lists them)",
		        s->accelerator);
	if (s->stock[0] && strcmp(s->stock, "none") != 0 && catalog_stock(cat, s->stock) == NULL)
		return step_fail(
		        t, s->stock_at, err, errsize,
		        "unknown stock '%s' (isoflop presets stocks lists them; none hides "
		        "the band)",
		        s->stock);
	if (s->downstream[0] && strcmp(s->downstream, "none") != 0 &&
	    catalog_downstream(cat, s->downstream) == NULL)
		return step_fail(t, s->downstream_at, err, errsize,
		                 "unknown downstream map '%s' (isoflop presets downstream lists "
		                 "them; none drops the map)",
		                 s->downstream);
	if (s->tt_law[0] && catalog_testtime(cat, s->tt_law) == NULL)
		return step_fail(t, s->tt_law_at, err, errsize,
		                 "unknown test-time law '%s' (isoflop presets testtime lists them)",
		                 s->tt_law);
	for (int i = 0; i < s->nmodels; i++)
		if (catalog_model(cat, s->models[i]) == NULL)
			return step_fail(
			        t, s->models_at[i], err, errsize,
			        "unknown model '%s' in models (isoflop presets models lists "
			        "them)",
			        s->models[i]);
	return 0;
}

/* A slider's value as its bar shows it: FLOPs, a count with a suffix, or plain. */
static void format_value(enum units_kind kind, double v, char *buf, size_t size)
{
	if (kind == UNITS_COMPUTE)
		units_format_compute(v, buf, size);
	else if (kind == UNITS_COUNT)
		units_format_count(v, buf, size);
	else
		snprintf(buf, size, "%g", v);
}

/* A view's slider value v, written at m as `key`: in the slider's range, or why not. */
static int slider_error(const struct app *probe, const struct tour *t, enum slider sl, double v,
                        const char *key, struct tour_mark m, char *err, size_t errsize)
{
	double lo, hi;
	char a[16], b[16], c[16];
	/* as the slider shows them: FLOPs (1e15), counts (1B, 1000T); days, M, MFU, target plain */
	enum units_kind kind = sl == SLIDER_TRAIN || sl == SLIDER_TEST ? UNITS_COMPUTE
	                       : sl == SLIDER_T || sl == SLIDER_GPUS || sl == SLIDER_PROBLEMS ||
	                                       sl == SLIDER_SAMPLES
	                               ? UNITS_COUNT
	                               : UNITS_PLAIN;

	if (v == 0) /* not given */
		return 0;
	app_range(probe, sl, &lo, &hi);
	if (v < lo || v > hi) {
		format_value(kind, lo, a, sizeof a);
		format_value(kind, hi, b, sizeof b);
		format_value(kind, v, c, sizeof c);
		return step_fail(t, m, err, errsize,
		                 "'%s' must lie in the %s slider's range, %s to %s, not %s", key,
		                 app_slider_name(sl), a, b, c);
	}
	if (sl == SLIDER_GPUS && v != floor(v))
		return step_fail(t, m, err, errsize,
		                 "'gpus' is a whole number of accelerators, not %g", v);
	return 0;
}

/* The view a value shows in, or why the step that gives it names none. */
static int view_needed(const struct tour *t, bool shown, double v, const char *key,
                       const char *view, struct tour_mark m, char *err, size_t errsize)
{
	if (v == 0 || shown)
		return 0;
	return step_fail(t, m, err, errsize, "'%s' shows in the %s view: add 'view: %s' to a step",
	                 key, view, strchr(view, ' ') ? "inference" : view);
}

/* The cost (price, watts, pue) and the stock a step gives: each in the view that shows it. */
static int cost_error(const struct app *p, const struct tour *t, const struct tour_step *s,
                      char *err, size_t errsize)
{
	bool hw_on = app_view_on(p, TOUR_VIEW_HARDWARE), data_on = app_view_on(p, TOUR_VIEW_DATA);

	if (view_needed(t, hw_on, s->price, "price", "hardware", s->price_at, err, errsize) ||
	    view_needed(t, hw_on, s->watts, "watts", "hardware", s->watts_at, err, errsize) ||
	    view_needed(t, hw_on, s->pue, "pue", "hardware", s->pue_at, err, errsize))
		return -1;
	bool inf_on = app_view_on(p, TOUR_VIEW_INFERENCE);
	if (view_needed(t, inf_on, s->serve_mfu, "serve_mfu", "inference", s->serve_mfu_at, err,
	                errsize) ||
	    view_needed(t, inf_on, s->serve_price, "serve_price", "inference", s->serve_price_at,
	                err, errsize))
		return -1;
	return view_needed(t, data_on, s->stock[0] ? 1 : 0, "stock", "data", s->stock_at, err,
	                   errsize);
}

/* The views' sliders a step sets: each in its range and on screen. */
static int sliders_error(const struct app *p, const struct tour *t, const struct tour_step *s,
                         char *err, size_t errsize)
{
	double accel = s->accelerator[0] ? 1 : 0;
	bool t_on = app_view_on(p, TOUR_VIEW_INFERENCE) || app_view_on(p, TOUR_VIEW_TESTTIME);
	bool m_on = app_view_on(p, TOUR_VIEW_TESTTIME), hw_on = app_view_on(p, TOUR_VIEW_HARDWARE);

	if (slider_error(p, t, SLIDER_T, s->inference_tokens, "inference_tokens",
	                 s->inference_tokens_at, err, errsize) ||
	    slider_error(p, t, SLIDER_M, s->larger, "larger", s->larger_at, err, errsize) ||
	    slider_error(p, t, SLIDER_GPUS, s->gpus, "gpus", s->gpus_at, err, errsize) ||
	    slider_error(p, t, SLIDER_DAYS, s->days, "days", s->days_at, err, errsize) ||
	    slider_error(p, t, SLIDER_MFU, s->mfu, "mfu", s->mfu_at, err, errsize))
		return -1;
	if (view_needed(t, t_on, s->inference_tokens, "inference_tokens", "inference or testtime",
	                s->inference_tokens_at, err, errsize) ||
	    view_needed(t, m_on, s->larger, "larger", "testtime", s->larger_at, err, errsize) ||
	    view_needed(t, hw_on, accel, "accelerator", "hardware", s->accelerator_at, err,
	                errsize) ||
	    view_needed(t, hw_on, s->gpus, "gpus", "hardware", s->gpus_at, err, errsize) ||
	    view_needed(t, hw_on, s->days, "days", "hardware", s->days_at, err, errsize) ||
	    view_needed(t, hw_on, s->mfu, "mfu", "hardware", s->mfu_at, err, errsize))
		return -1;
	return cost_error(p, t, s, err, errsize);
}

/* The test-time views' point: each value in its slider's range (the setters would clamp it). */
static int tt_point_error(const struct app *p, const struct tour *t, const struct tour_step *s,
                          char *err, size_t errsize)
{
	return slider_error(p, t, SLIDER_TRAIN, s->train, "train", s->train_at, err, errsize) ||
	       slider_error(p, t, SLIDER_TEST, s->test, "test", s->test_at, err, errsize) ||
	       slider_error(p, t, SLIDER_PROBLEMS, s->problems, "problems", s->problems_at, err,
	                    errsize) ||
	       slider_error(p, t, SLIDER_SAMPLES, s->samples, "samples", s->samples_at, err,
	                    errsize) ||
	       slider_error(p, t, SLIDER_TARGET, s->target, "target", s->target_at, err, errsize);
}

/* View X or K named but closed: the test-time law has not the axes it draws. */
static int tt_view_error(const struct app *p, const struct tour *t, const struct tour_step *s,
                         char *err, size_t errsize)
{
	const struct catalog_entry *e = app_tt_law(p);
	const char *id = e != NULL ? e->preset.id : "none loaded";

	if (s->view == TOUR_VIEW_TRAINTEST && !app_view_on(p, TOUR_VIEW_TRAINTEST))
		return step_fail(t, s->view_at, err, errsize,
		                 "view: traintest needs a test-time law with a train x test plane "
		                 "such as jones2021-hex9, not %s%s",
		                 id,
		                 app_tt_has_coverage(p) ? " (a coverage law: view: coverage)" : "");
	if (s->view == TOUR_VIEW_COVERAGE && !app_view_on(p, TOUR_VIEW_COVERAGE))
		return step_fail(t, s->view_at, err, errsize,
		                 "view: coverage needs a coverage law such as "
		                 "brown2024-llama3-8b-math, not %s",
		                 id);
	/* a view kept from a step before, under a test-time law it cannot show */
	if ((app_view_on(p, TOUR_VIEW_TRAINTEST) && !app_tt_has_plane(p)) ||
	    (app_view_on(p, TOUR_VIEW_COVERAGE) && !app_tt_has_coverage(p)))
		return step_fail(t, s->tt_law_at, err, errsize,
		                 "the %s view a step before opened cannot show %s: give this step "
		                 "another 'view:'",
		                 app_view_on(p, TOUR_VIEW_TRAINTEST) ? "traintest" : "coverage",
		                 id);
	return 0;
}

/* Tokens past 100T: in the data view's window, which reaches the stock of text. */
static int tokens_error(const struct app *p, const struct tour *t, double v, const char *key,
                        struct tour_mark m, char *err, size_t errsize)
{
	char hb[16], vb[16];

	if (!(v > app_tokens_hi(p)))
		return 0;
	units_format_count(app_tokens_hi(p), hb, sizeof hb);
	units_format_count(v, vb, sizeof vb);
	return step_fail(t, m, err, errsize,
	                 "'%s' %s lies past the window's %s: only the data view with a stock "
	                 "(view: data) reaches further",
	                 key, vb, hb);
}

/* Why the state step s reached is not the one it names; 0 when it is. */
static int reached_error(const struct app *p, const struct tour *t, const struct tour_step *s,
                         char *err, size_t errsize)
{
	const struct law *law = app_law(p);

	if (tokens_error(p, t, s->tokens, "tokens", s->tokens_at, err, errsize) ||
	    tokens_error(p, t, s->unique_tokens, "unique_tokens", s->unique_tokens_at, err,
	                 errsize))
		return -1;

	if (s->unique_tokens > 0 && law->family != LAW_DATA_CONSTRAINED)
		return step_fail(
		        t, s->at, err, errsize,
		        "unique_tokens needs a data-constrained law such as muennighoff2023");
	if (s->view == TOUR_VIEW_EDIT && !app_view_on(p, TOUR_VIEW_EDIT))
		return step_fail(t, s->view_at, err, errsize,
		                 "view: edit needs an additive law such as hoffmann2022, not %s",
		                 p->catalog->laws[p->scene.law].preset.id);
	if (s->view == TOUR_VIEW_HARDWARE && !app_view_on(p, TOUR_VIEW_HARDWARE))
		return step_fail(t, s->view_at, err, errsize,
		                 "view: hardware needs accelerator presets: none loaded");
	if (s->difference == 1 && !p->delta)
		return step_fail(t, s->difference_at, err, errsize,
		                 p->compare < 0 ? "difference needs a law to compare with: add "
		                                  "'compare: ID' to this step or one before"
		                                : "difference needs two laws with a loss surface, "
		                                  "such as hoffmann2022 and besiroglu2024");
	if (s->contours == 1 && p->downstream == NULL)
		return step_fail(t, s->contours_at, err, errsize,
		                 "contours: error needs a downstream map: add 'downstream: ID' "
		                 "to this step or one before");
	if (tt_view_error(p, t, s, err, errsize) || tt_point_error(p, t, s, err, errsize))
		return -1;
	return sliders_error(p, t, s, err, errsize);
}

int tour_play_start(struct app *a, const struct tour *t, char *err, size_t errsize)
{
	struct app probe = *a; /* the steps played through, to check each on its law */

	for (int i = 0; i < t->nsteps; i++) {
		const struct tour_step *s = &t->steps[i];
		if (step_error(&probe, t, s, err, errsize) != 0)
			return -1;
		app_apply_step(&probe, s);
		if (reached_error(&probe, t, s, err, errsize) != 0)
			return -1;
	}
	app_tour_begin(a, t);
	tour_play_show(a, 0);
	return 0;
}

void tour_play_show(struct app *a, int i)
{
	if (a->tour == NULL)
		return;
	app_tour_rewind(a, i < 0 ? 0 : i >= a->tour->nsteps ? a->tour->nsteps - 1 : i);
	for (int k = 0; k <= a->step; k++) /* at most 64 steps, each a closed form or a solve */
		app_apply_step(a, &a->tour->steps[k]);
	if (a->notes != NULL)
		notes_show(a->notes, a->tour, a->step);
}
