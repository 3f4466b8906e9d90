/*
 * app_tt.c: the test-time views' state (a part of the state module: see
 * app.h): the test-time law, the plane's point and its three linked
 * sliders (total = train + problems x test, one of total, train and test
 * locked), the coverage view's samples and target, and what opening X or K
 * sets up.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "../../model/traintest.h"
#include "../../model/units.h"
#include "../plot/coverage.h"
#include "../plot/traintest.h"
#include "app.h"
#include "app_parts.h"
#include "app_views.h"

static long tt_law_for(const struct app *a, enum tour_view id);

const struct catalog_entry *app_tt_law(const struct app *a)
{
	long i = a->scene.tt.law;

	return i >= 0 && (size_t)i < a->catalog->ntesttimes ? &a->catalog->testtimes[i] : NULL;
}

/*
 * A first point for law `e`: 1e15 FLOPs of training (the fitted range's
 * middle when given), the test compute that reaches the middle of the
 * fitted performance there, and as many problems (a round decade) as make
 * serving cost about what training does, so that a step of either moves
 * the other with the total held; 100 samples, 90% coverage.
 */
static void tt_defaults(struct app_tt *t, const struct catalog_entry *e)
{
	const struct tt_law *law = e != NULL ? &e->preset.tt : NULL;
	double test;

	t->train = 1e15;
	t->test = 1e8;
	t->problems = 1e6;
	t->samples = 100;
	t->target = 0.9;
	t->lock = SLIDER_TOTAL;
	if (law == NULL || !tt_has_plane(law))
		return;
	if (law->train.hi > 0)
		t->train = sqrt(law->train.lo * law->train.hi);
	test = tt_test_for(law, t->train, (law->performance.lo + law->performance.hi) / 2);
	if (isfinite(test) && test > 0)
		t->test = test;
	t->problems = traintest_default_problems(t->train, t->test);
}

void app_tt_init(struct app *a)
{
	const struct catalog_entry *e = catalog_testtime(a->catalog, TRAINTEST_DEFAULT_LAW);

	a->scene.tt.law = e != NULL                ? (long)(e - a->catalog->testtimes)
	                  : a->catalog->ntesttimes ? 0
	                                           : -1;
	a->scene.tt.last_plane = a->scene.tt.last_coverage = -1;
	tt_defaults(&a->scene.tt, app_tt_law(a));
}

/* v into slider s's range; false when v is no value for it. */
static bool tt_clamp(const struct app *a, enum slider s, double v, double *to)
{
	double lo, hi;

	if (!isfinite(v) || !(v > 0))
		return false;
	app_range(a, s, &lo, &hi);
	*to = fmin(fmax(v, lo), hi);
	return true;
}

/* A value of slider s as its slider shows it: FLOPs, or a count of problems. */
static void tt_format(enum slider s, double v, char *buf, size_t size)
{
	if (s == SLIDER_PROBLEMS)
		units_format_count(v, buf, size);
	else
		units_format_compute(v, buf, size);
}

/* "train at its floor 1e6: test stops at 2e8": the follower reached an end, the mover stops. */
static void say_end(struct app *a, enum slider end, bool floor, double at, enum slider moved,
                    double to)
{
	char ab[16], tb[16];

	tt_format(end, at, ab, sizeof ab);
	tt_format(moved, to, tb, sizeof tb);
	app_status(a, "%s at its %s %s: %s %s at %s", app_slider_name(end),
	           floor ? "floor" : "ceiling", ab, app_slider_name(moved),
	           moved == SLIDER_PROBLEMS ? "stop" : "stops", tb);
}

/*
 * Slider s moved to v while follower f takes up the rest: f stays in its
 * range only for v in [vlo, vhi], so v stops there (f rises with v when
 * `rising`, so at vlo f sits at its floor). The current point lies in that
 * interval and in s's own range, so the stop stays in s's range and the
 * locked slider is never written.
 */
static double tt_stop(struct app *a, enum slider s, double v, enum slider f, double vlo, double vhi,
                      bool rising)
{
	double flo, fhi;

	app_range(a, f, &flo, &fhi);
	if (v < vlo) {
		say_end(a, f, rising, rising ? flo : fhi, s, vlo);
		return vlo;
	}
	if (v > vhi) {
		say_end(a, f, !rising, rising ? fhi : flo, s, vhi);
		return vhi;
	}
	return v;
}

/* x into slider s's range: the follower's rounding must not leave it. */
static double tt_within(const struct app *a, enum slider s, double x)
{
	double lo, hi;

	app_range(a, s, &lo, &hi);
	return fmin(fmax(x, lo), hi);
}

/* Total held, train moved to v: test takes up what training leaves. */
static void tt_train_moved(struct app *a, double total, double v)
{
	struct app_tt *t = &a->scene.tt;
	double lo, hi;

	app_range(a, SLIDER_TEST, &lo, &hi);
	t->train = tt_stop(a, SLIDER_TRAIN, v, SLIDER_TEST, total - t->problems * hi,
	                   total - t->problems * lo, false);
	t->test = tt_within(a, SLIDER_TEST, (total - t->train) / t->problems);
}

/* Total held, test moved to v: training takes up what the problems' test compute leaves. */
static void tt_test_moved(struct app *a, double total, double v)
{
	struct app_tt *t = &a->scene.tt;
	double lo, hi;

	app_range(a, SLIDER_TRAIN, &lo, &hi);
	t->test = tt_stop(a, SLIDER_TEST, v, SLIDER_TRAIN, (total - hi) / t->problems,
	                  (total - lo) / t->problems, false);
	t->train = tt_within(a, SLIDER_TRAIN, total - t->problems * t->test);
}

/* Total held, problems moved to v: test shares out what training leaves. */
static void tt_problems_moved(struct app *a, double total, double v)
{
	struct app_tt *t = &a->scene.tt;
	double lo, hi, serving = total - t->train;

	app_range(a, SLIDER_TEST, &lo, &hi);
	t->problems =
	        tt_stop(a, SLIDER_PROBLEMS, v, SLIDER_TEST, serving / hi, serving / lo, false);
	t->test = tt_within(a, SLIDER_TEST, serving / t->problems);
}

/* The total moved to v: test follows unless it is locked, then training does. */
static void tt_total_moved(struct app *a, double v)
{
	struct app_tt *t = &a->scene.tt;
	double serving = t->problems * t->test, lo, hi;

	if (t->lock == SLIDER_TEST) {
		app_range(a, SLIDER_TRAIN, &lo, &hi);
		v = tt_stop(a, SLIDER_TOTAL, v, SLIDER_TRAIN, lo + serving, hi + serving, true);
		t->train = tt_within(a, SLIDER_TRAIN, v - serving);
	} else {
		app_range(a, SLIDER_TEST, &lo, &hi);
		v = tt_stop(a, SLIDER_TOTAL, v, SLIDER_TEST, t->train + t->problems * lo,
		            t->train + t->problems * hi, true);
		t->test = tt_within(a, SLIDER_TEST, (v - t->train) / t->problems);
	}
}

void app_tt_set(struct app *a, enum slider s, double v)
{
	struct app_tt *t = &a->scene.tt;
	double total = tt_total(t->train, t->test, t->problems);
	bool held = t->lock == SLIDER_TOTAL;

	if (!tt_clamp(a, s, v, &v))
		return;
	switch (s) {
	case SLIDER_TRAIN:
		if (held)
			tt_train_moved(a, total, v);
		else
			t->train = v;
		break;
	case SLIDER_TEST:
		if (held)
			tt_test_moved(a, total, v);
		else
			t->test = v;
		break;
	case SLIDER_PROBLEMS:
		if (held)
			tt_problems_moved(a, total, v);
		else
			t->problems = v;
		break;
	case SLIDER_TOTAL:
		tt_total_moved(a, v);
		break;
	case SLIDER_SAMPLES:
		t->samples = v;
		break;
	case SLIDER_TARGET:
	default:
		t->target = v;
		break;
	}
}

void app_tt_cycle_lock(struct app *a)
{
	struct app_tt *t = &a->scene.tt;

	/* total, train, test: a fixed budget first, as C leads N and D */
	t->lock = t->lock == SLIDER_TOTAL   ? SLIDER_TRAIN
	          : t->lock == SLIDER_TRAIN ? SLIDER_TEST
	                                    : SLIDER_TOTAL;
	app_status(a, "%s locked: moving another slider keeps %s fixed", app_slider_name(t->lock),
	           app_slider_name(t->lock));
}

bool app_set_tt_law(struct app *a, size_t index)
{
	struct app_tt *t = &a->scene.tt;
	const struct tt_law *law;

	if (index >= a->catalog->ntesttimes)
		return false;
	t->law = (long)index;
	law = &a->catalog->testtimes[index].preset.tt;
	if (tt_has_plane(law))
		t->last_plane = t->law;
	else if (law->form == TT_COVERAGE)
		t->last_coverage = t->law;
	return true;
}

/* A slider of the test-time views set as a start option or a tour step: no total to hold. */
static bool tt_put(struct app *a, enum slider s, double v, double *field)
{
	if (!tt_clamp(a, s, v, &v))
		return false;
	*field = v;
	return true;
}

bool app_set_train(struct app *a, double flops)
{
	return tt_put(a, SLIDER_TRAIN, flops, &a->scene.tt.train);
}

bool app_set_test(struct app *a, double flops)
{
	return tt_put(a, SLIDER_TEST, flops, &a->scene.tt.test);
}

bool app_set_problems(struct app *a, double q)
{
	return tt_put(a, SLIDER_PROBLEMS, q, &a->scene.tt.problems);
}

bool app_set_samples(struct app *a, double k)
{
	return tt_put(a, SLIDER_SAMPLES, k, &a->scene.tt.samples);
}

bool app_set_target(struct app *a, double p)
{
	if (!(p > 0 && p < 1))
		return false;
	return tt_put(a, SLIDER_TARGET, p, &a->scene.tt.target);
}

/* ---- the views X and K: what they need of the law, what opening sets up ---- */

bool app_tt_has_plane(const struct app *a)
{
	const struct catalog_entry *e = app_tt_law(a);

	return e != NULL && tt_has_plane(&e->preset.tt);
}

bool app_tt_has_coverage(const struct app *a)
{
	const struct catalog_entry *e = app_tt_law(a);

	return e != NULL && e->preset.tt.form == TT_COVERAGE;
}

/*
 * "K: brown2024-llama3-8b-math (jones2021-hex9: no samples axis;
 * W picks)", shorter when that passes 80 columns: the new law first.
 */
static void tt_say_switch(struct app *a, char view, const char *old, const char *lacks)
{
	const struct catalog_entry *e = app_tt_law(a);
	if (e == NULL) /* the caller switched to a loaded law; never reached otherwise */
		return;
	const char *id = e->preset.id;

	if (strlen(id) + strlen(old) + strlen(lacks) + 17 <= 80)
		app_status(a, "%c: %s (%s: %s; W picks)", view, id, old, lacks);
	else
		app_status(a, "%c: %.60s (W picks another)", view, id);
}

/* What the law has instead of a plane, and where it shows (a status line, no '%'). */
const char *app_tt_no_plane(const struct app *a)
{
	static char line[APP_STATUS_MAX];
	const struct catalog_entry *e = app_tt_law(a);

	if (e == NULL)
		return "X needs a test-time law: none loaded (presets/testtime)";
	if (e->preset.tt.form == TT_COVERAGE)
		snprintf(line, sizeof line, "%.42s has no training axis: K shows it", e->preset.id);
	else
		snprintf(line, sizeof line, "%.42s: a FLOPs match, no plane: t shows it",
		         e->preset.id);
	return line;
}

/* Why K cannot show the law (a status line, no '%'). */
const char *app_tt_no_coverage(const struct app *a)
{
	static char line[APP_STATUS_MAX];
	const struct catalog_entry *e = app_tt_law(a);

	if (e == NULL)
		return "K needs a test-time law: none loaded (presets/testtime)";
	if (tt_law_for(a, TOUR_VIEW_COVERAGE) < 0)
		snprintf(line, sizeof line, "K: no coverage law loaded; %.42s has no samples axis",
		         e->preset.id);
	else
		snprintf(line, sizeof line, "%.42s has no samples axis: W picks a coverage law",
		         e->preset.id);
	return line;
}

/*
 * The law a view opens on when the current one has not its axes: the last
 * of its kind picked or shown (K after X returns to the coverage law W
 * picked), else the default, else the first of the kind.
 */
static long tt_law_for(const struct app *a, enum tour_view id)
{
	const char *want = id == TOUR_VIEW_TRAINTEST ? TRAINTEST_DEFAULT_LAW : COVERAGE_DEFAULT_LAW;
	enum tt_form form = id == TOUR_VIEW_TRAINTEST ? TT_LOG_LINEAR : TT_COVERAGE;
	const struct catalog_entry *e = catalog_testtime(a->catalog, want);
	long last = id == TOUR_VIEW_TRAINTEST ? a->scene.tt.last_plane : a->scene.tt.last_coverage;

	if (last >= 0 && (size_t)last < a->catalog->ntesttimes)
		return last;
	if (e != NULL && e->preset.tt.form == form)
		return (long)(e - a->catalog->testtimes);
	for (size_t i = 0; i < a->catalog->ntesttimes; i++)
		if (a->catalog->testtimes[i].preset.tt.form == form)
			return (long)i;
	return -1;
}

/*
 * X or K about to open under a law it cannot show: switch to one it can
 * (false when none of the kind is loaded: the view then refuses). The
 * status names the new law first, so an 80-column line keeps it.
 */
bool app_tt_suit(struct app *a, enum tour_view id)
{
	bool plane = id == TOUR_VIEW_TRAINTEST;
	const struct catalog_entry *old = app_tt_law(a);
	long to;

	if ((id != TOUR_VIEW_TRAINTEST && id != TOUR_VIEW_COVERAGE) || app_view_on(a, id) ||
	    (plane ? app_tt_has_plane(a) : app_tt_has_coverage(a)) || (to = tt_law_for(a, id)) < 0)
		return false;
	app_set_tt_law(a, (size_t)to);
	tt_say_switch(a, plane ? 'X' : 'K', old != NULL ? old->preset.id : "",
	              plane ? "no train axis" : "no samples axis");
	return true;
}

void app_open_traintest(struct app *a, bool on)
{
	a->scene.focus = on ? SLIDER_TRAIN : SLIDER_N;
	app_focus_by(a, 0); /* keep the focus on a slider that is on screen */
}

void app_open_coverage(struct app *a, bool on)
{
	a->scene.focus = on ? SLIDER_SAMPLES : SLIDER_N;
	app_focus_by(a, 0);
}

/*
 * After W: a view the new law cannot show closes and the one that shows it
 * opens (a coverage law in X opens K), the status line naming the law first.
 */
static void tt_recheck(struct app *a, enum tour_view id, bool fits)
{
	const char *law = app_tt_law(a)->preset.id;

	if (!app_view_on(a, id) || fits)
		return;
	app_toggle_view(a, id);
	if (app_tt_has_coverage(a) && app_toggle_view(a, TOUR_VIEW_COVERAGE))
		app_status(a, "K: %.60s is a coverage law (X closed)", law);
	else if (app_tt_has_plane(a) && app_toggle_view(a, TOUR_VIEW_TRAINTEST))
		app_status(a, "X: %.60s is a train x test plane (K closed)", law);
	else
		app_status(a, "%c closed: %s", id == TOUR_VIEW_TRAINTEST ? 'X' : 'K',
		           app_tt_no_plane(a)); /* neither view: a FLOPs match, t shows it */
}

void app_tt_pick(struct app *a, size_t index)
{
	if (!app_set_tt_law(a, index))
		return;
	/* the id (what X, K and --tt-law name) and the task, the task dropped past 80 columns */
	const struct preset *p = &a->catalog->testtimes[index].preset;
	if (strlen(p->id) + strlen(p->task) + 18 <= 80)
		app_status(a, "test-time law: %s (%s)", p->id, p->task);
	else
		app_status(a, "test-time law: %.64s", p->id);
	tt_recheck(a, TOUR_VIEW_TRAINTEST, app_tt_has_plane(a));
	tt_recheck(a, TOUR_VIEW_COVERAGE, app_tt_has_coverage(a));
}
