/*
 * app.c: the explorer's state changes, the only writer of struct app.
 * Where a move puts the point, and every slider's range and value, are
 * read from sliders.c; this file stores the result and keeps the lock,
 * the window and the hardware identity.
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
#include "save.h"

/* Append ch to the text in buf (size bytes) if it lies in [lo, hi] and fits. */
static bool append_char(char *buf, size_t size, int ch, int lo, int hi)
{
	size_t len = strlen(buf);

	if (ch < lo || ch > hi || len + 1 >= size)
		return false;
	buf[len] = (char)ch;
	buf[len + 1] = '\0';
	return true;
}

/* Clamp N and D into the window (C follows). */
static void clamp_point(struct app *a)
{
	a->scene.n = fmin(fmax(a->scene.n, a->n_lo), a->n_hi);
	a->scene.d = fmin(fmax(a->scene.d, a->d_lo), a->d_hi);
}

/* The story's models the catalog has, marked: the talk's landmarks are labelled from the start. */
static void mark_story(struct app *a)
{
	static const char *const story[] = {APP_STORY_MODELS};
	size_t ids[sizeof story / sizeof *story];
	int n = 0;

	for (size_t i = 0; i < sizeof story / sizeof *story; i++) {
		const struct catalog_entry *e = catalog_model(a->catalog, story[i]);
		if (e != NULL)
			ids[n++] = (size_t)(e - a->catalog->models);
	}
	app_set_marked(a, ids, n);
}

void app_init(struct app *a, const struct catalog *cat, size_t law)
{
	const struct catalog_entry *chinchilla = catalog_model(cat, "chinchilla");

	memset(a, 0, sizeof *a);
	a->catalog = cat;
	a->scene.law = law;
	/* the window every tour step is checked against when it loads (presets/tour.h) */
	a->n_lo = TOUR_WINDOW_PARAMS_LO;
	a->n_hi = TOUR_WINDOW_PARAMS_HI;
	a->d_lo = TOUR_WINDOW_TOKENS_LO;
	a->d_hi = TOUR_WINDOW_TOKENS_HI;
	app_default_window(a);
	a->scene.focus = SLIDER_N;
	a->scene.lock = SLIDER_C;
	a->scene.markers = true;
	a->scene.zoom = -1;
	a->mode = MODE_EXPLORE;
	a->scene.model = -1;
	a->compare = -1;
	a->accel = -1;
	/* Chinchilla (Hoffmann et al. 2022): 70B parameters on 1.4T tokens */
	a->scene.n = chinchilla != NULL ? chinchilla->preset.params : 70e9;
	a->scene.d = chinchilla != NULL ? chinchilla->preset.tokens : 1.4e12;
	/* the point is Chinchilla's: the title names it ("@ Chinchilla 70B") */
	if (chinchilla != NULL)
		a->scene.model = (long)(chinchilla - cat->models);
	clamp_point(a);
	mark_story(a);
}

/* Where the value of a slider of its own (not N, D, C) is kept. */
static double *own_value(struct app *a, enum slider s)
{
	double *const at[SLIDER_COUNT] = {
	        [SLIDER_T] = &a->t,
	        [SLIDER_U] = &a->scene.u,
	        [SLIDER_M] = &a->m,
	        [SLIDER_GPUS] = &a->scene.hw.count,
	        [SLIDER_DAYS] = &a->scene.hw.days,
	        [SLIDER_MFU] = &a->scene.hw.mfu,
	        [SLIDER_E] = &a->scene.edit.E,
	        [SLIDER_A] = &a->scene.edit.A,
	        [SLIDER_B] = &a->scene.edit.B,
	        [SLIDER_ALPHA] = &a->scene.edit.alpha,
	        [SLIDER_BETA] = &a->scene.edit.beta,
	};

	return at[s];
}

/* A slider of its own (not N, D, C): the value app_own_clamp gives it. */
static void set_own(struct app *a, enum slider s, double v)
{
	if (!app_own_clamp(a, s, v, &v))
		return;
	if (s >= SLIDER_E && !a->scene.edited) { /* the first edit copies the preset's law */
		a->scene.edit = a->catalog->laws[a->scene.law].preset.law;
		a->scene.edited = true;
	}
	if (s >= SLIDER_E)
		a->saved = false;
	*own_value(a, s) = v;
}

static void set_linked(struct app *a, enum slider s, double v);

/*
 * The hardware view keeps C = count x peak x MFU x days: after C moved,
 * `follow` (days or count; a count is rounded up to whole accelerators and
 * the days follow it) takes up the change.
 */
static void hw_sync(struct app *a, enum hw_unknown follow)
{
	if (a->hardware)
		hw_follow(&a->scene.hw, law_compute(app_law(a), a->scene.n, a->scene.d),
		          follow == HW_BUDGET ? HW_DAYS : follow);
}

/* Put the point at (n, d) in the window, the hardware following; `model` the model there, or -1. */
static void put_point(struct app *a, double n, double d, long model)
{
	a->scene.n = n;
	a->scene.d = d;
	clamp_point(a);
	hw_sync(a, a->hw_follow);
	a->scene.model = model;
}

/* After count, days or MFU moved: the follower, or C when the follower itself moved. */
static void hw_moved(struct app *a, enum slider s)
{
	enum hw_unknown follow = a->hw_follow;
	struct hw_plan p = a->scene.hw;

	if ((s == SLIDER_GPUS && follow == HW_COUNT) || (s == SLIDER_DAYS && follow == HW_DAYS))
		follow = HW_BUDGET;
	if (follow != HW_BUDGET) {
		hw_sync(a, follow);
		return;
	}
	if (hw_solve(&p, HW_BUDGET) != MODEL_OK)
		return;
	set_linked(a, SLIDER_C, p.budget);
	/* clamped at the window's edge: the days give way */
	hw_sync(a, s == SLIDER_DAYS ? HW_COUNT : HW_DAYS);
}

void app_set(struct app *a, enum slider s, double v)
{
	if (s > SLIDER_C) {
		set_own(a, s, v);
		if (s == SLIDER_GPUS || s == SLIDER_DAYS || s == SLIDER_MFU)
			hw_moved(a, s);
		return;
	}
	set_linked(a, s, v);
	hw_sync(a, a->hw_follow);
}

static void set_linked(struct app *a, enum slider s, double v)
{
	double n, d;

	if (!app_linked_point(a, s, v, &n, &d))
		return;
	a->scene.n = n;
	a->scene.d = d;
	clamp_point(a); /* rounding in pow() may step a hair outside */
	a->scene.model = -1;
}

void app_step(struct app *a, enum slider s, double decades)
{
	app_set(a, s, app_stepped(a, s, decades));
}

/* Another law: an edited copy of the old one is dropped with it. */
static void switch_law(struct app *a, size_t law)
{
	a->scene.law = law;
	a->scene.edited = false;
	if (a->scene.editing) {
		a->scene.editing = false;
		a->scene.focus = SLIDER_N;
	}
}

void app_toggle_inference(struct app *a)
{
	a->inference = !a->inference;
	if (a->inference && a->t == 0)
		a->t = a->scene.d; /* as many tokens served as trained on: a neutral start */
	if (a->inference)
		a->scene.focus = SLIDER_T;
	app_focus_by(a, 0); /* keep the focus on a slider that is on screen */
}

void app_toggle_data(struct app *a)
{
	a->data = !a->data;
	if (a->data) {
		/*
		 * U as a tour step set it (its data wall), else --unique-tokens if
		 * given, else one epoch: every token unique, as without the view
		 */
		a->scene.u = a->scene.u > 0 ? a->scene.u : a->u_given > 0 ? a->u_given : a->scene.d;
		a->scene.focus = SLIDER_U;
	} else {
		a->scene.u = 0;
		app_status(a, "data view off: every token counts as unique again");
	}
	app_focus_by(a, 0); /* keep the focus on a slider that is on screen */
}

void app_toggle_testtime(struct app *a)
{
	a->testtime = !a->testtime;
	if (a->testtime) {
		a->hardware = false; /* one panel in the profiles' place */
		if (a->t == 0)
			a->t = a->scene.d;
		if (a->m == 0)
			a->m = 4;
		a->scene.focus = SLIDER_M;
	}
	app_focus_by(a, 0); /* keep the focus on a slider that is on screen */
}

/* The accelerator's peak into the plan, and the follower takes up the change. */
static void hw_use(struct app *a, long accel)
{
	a->accel = accel;
	a->scene.hw.peak = a->catalog->accelerators[accel].preset.peak_flops;
	if (a->hw_follow == HW_BUDGET)
		hw_moved(a, SLIDER_MFU); /* as if a term moved: C follows */
	else
		hw_sync(a, a->hw_follow);
}

bool app_toggle_hardware(struct app *a)
{
	if (a->catalog->naccelerators == 0) {
		app_status(a, "g needs accelerator presets: none loaded");
		return false;
	}
	a->hardware = !a->hardware;
	if (a->hardware) {
		a->testtime = false; /* one panel in the profiles' place */
		if (a->accel < 0 || (size_t)a->accel >= a->catalog->naccelerators) {
			/* the H100 (SXM) to start with, the GPU of the example */
			const struct catalog_entry *h = catalog_accelerator(a->catalog, "h100");
			a->accel = h != NULL ? (long)(h - a->catalog->accelerators) : 0;
			a->scene.hw = (struct hw_plan){.count = 1024, .mfu = 0.4, .days = 1};
			a->hw_follow = HW_DAYS;
		}
		hw_use(a, a->accel);
		a->scene.focus = SLIDER_GPUS;
	}
	app_focus_by(a, 0); /* keep the focus on a slider that is on screen */
	return true;
}

void app_next_accelerator(struct app *a)
{
	if (!a->hardware)
		return;
	hw_use(a, (a->accel + 1) % (long)a->catalog->naccelerators);
	app_status(a, "accelerator: %.100s", a->catalog->accelerators[a->accel].preset.name);
}

void app_cycle_follow(struct app *a)
{
	static const char *const names[] = {"the budget C", "the count", "the days"};

	if (!a->hardware)
		return;
	a->hw_follow = a->hw_follow == HW_DAYS    ? HW_COUNT
	               : a->hw_follow == HW_COUNT ? HW_BUDGET
	                                          : HW_DAYS;
	app_status(a, "%s follows from the other two", names[a->hw_follow]);
}

bool app_toggle_editing(struct app *a)
{
	enum law_family f = app_law(a)->family;

	if (!a->scene.editing && f != LAW_ADDITIVE && f != LAW_DATA_CONSTRAINED) {
		app_status(a, "e edits E, A, B, alpha, beta: %s is not an additive law",
		           a->catalog->laws[a->scene.law].preset.id);
		return false;
	}
	a->scene.editing = !a->scene.editing;
	a->scene.focus = a->scene.editing ? SLIDER_E : SLIDER_N;
	if (a->scene.editing)
		app_status(a, "editing %s: the arrows move a coefficient; e returns, s saves",
		           a->catalog->laws[a->scene.law].preset.id);
	app_focus_by(a, 0); /* keep the focus on a slider that is on screen */
	return true;
}

void app_snap_optimum(struct app *a)
{
	struct allocation opt;
	double c = app_value(a, SLIDER_C);
	enum model_status st = optimum_at_compute(app_law(a), c, a->scene.u, &opt);

	if (st != MODEL_OK) {
		app_status(a, "no optimum at this C: %s", model_strerror(st));
		return;
	}
	put_point(a, opt.params, opt.tokens, -1);
	if (a->scene.n != opt.params || a->scene.d != opt.tokens)
		app_status(a, "the optimum lies outside the window: moved to its edge");
	else
		a->status[0] = '\0';
}

void app_jump_model(struct app *a, size_t model)
{
	const struct preset *p = &a->catalog->models[model].preset;
	char nb[16], db[16];

	put_point(a, preset_compute_params(p), p->tokens, (long)model);
	units_format_count(a->scene.n, nb, sizeof nb);
	units_format_count(a->scene.d, db, sizeof db);
	app_status(a, "%.80s: %s%s parameters, %s tokens", p->name, nb,
	           p->active_params > 0 ? " active" : "", db);
}

void app_move_to(struct app *a, double n, double d)
{
	if (!(n > 0) || !(d > 0) || !isfinite(n) || !isfinite(d))
		return;
	put_point(a, n, d, -1);
	app_clear_status(a);
}

bool app_commit_entry(struct app *a)
{
	enum slider s = a->scene.focus;
	double v, lo, hi;

	app_close(a);
	if (s == SLIDER_T && strcmp(a->entry, "0") == 0) { /* no inference at all */
		a->t = 0;
		app_clear_status(a);
		return true;
	}
	if (!app_parse_value(s, a->entry, &v, a->status, sizeof a->status))
		return false;
	app_range(a, s, &lo, &hi); /* the range before the value moves it (C's moves with N, D) */
	app_set(a, s, v);
	app_clamp_note(a, s, v, lo, hi, a->entry, a->status, sizeof a->status);
	return true;
}

int app_save_law(struct app *a, const char *id)
{
	int rc = save_law(a->catalog, &a->catalog->laws[a->scene.law].preset, app_law(a),
	                  a->save_dir, id, a->status, sizeof a->status);

	if (rc == 0)
		a->saved = true;
	return rc;
}

/* ---- setters ---- */

void app_status(struct app *a, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(a->status, sizeof a->status, fmt, ap);
	va_end(ap);
}

void app_clear_status(struct app *a)
{
	a->status[0] = '\0';
}

void app_focus(struct app *a, enum slider s)
{
	a->scene.focus = s;
}

void app_focus_by(struct app *a, int by)
{
	a->scene.focus = app_slider_by(a, by);
}

void app_cycle_lock(struct app *a)
{
	/* C, N, D: the order a talk goes through (fixed budget, fixed model, fixed data) */
	a->scene.lock = a->scene.lock == SLIDER_C   ? SLIDER_N
	                : a->scene.lock == SLIDER_N ? SLIDER_D
	                                            : SLIDER_C;
	app_status(a, "%s locked: moving another slider keeps %s fixed",
	           app_slider_name(a->scene.lock), app_slider_name(a->scene.lock));
}

bool app_model_marked(const struct app *a, size_t model)
{
	for (int i = 0; i < a->scene.marked.n; i++)
		if (a->scene.marked.model[i] == model)
			return true;
	return false;
}

bool app_toggle_mark(struct app *a, size_t model)
{
	struct app_marks *m = &a->scene.marked;

	for (int i = 0; i < m->n; i++)
		if (m->model[i] == model) {
			/* kept in order and zeroed past n: the explorer compares marks whole */
			memmove(&m->model[i], &m->model[i + 1],
			        sizeof *m->model * (size_t)(m->n - i - 1));
			m->model[--m->n] = 0;
			return true;
		}
	if (m->n == APP_MAX_MARKED) {
		app_status(a, "%d models are marked already: Space on one unmarks it",
		           APP_MAX_MARKED);
		return false;
	}
	m->model[m->n++] = model;
	return true;
}

void app_set_marked(struct app *a, const size_t *models, int n)
{
	memset(&a->scene.marked, 0, sizeof a->scene.marked);
	for (int i = 0; i < n && a->scene.marked.n < APP_MAX_MARKED; i++)
		if (!app_model_marked(a, models[i]))
			a->scene.marked.model[a->scene.marked.n++] = models[i];
}

void app_toggle_markers(struct app *a)
{
	a->scene.markers = !a->scene.markers;
}

void app_toggle_zoom(struct app *a)
{
	a->scene.zoom = !a->zoom_shown;
	a->zoom_shown = a->scene.zoom;
	app_status(a, a->scene.zoom ? "profiles: zoomed on this C's curve (z: every budget)"
	                            : "profiles: every budget (z: zoom on this C's curve)");
}

void app_zoom_shown(struct app *a, bool zoomed)
{
	a->zoom_shown = zoomed;
}

void app_toggle_big(struct app *a)
{
	a->big = !a->big;
}

/* The id of a law with a loss surface other than `not` and the current law, for a hint. */
static const char *surface_law_example(const struct app *a, size_t not )
{
	for (size_t i = 0; i < a->catalog->nlaws; i++)
		if (i != not &&i != a->scene.law &&
		    law_has_surface(&a->catalog->laws[i].preset.law))
			return a->catalog->laws[i].preset.id;
	return "an additive law";
}

bool app_toggle_delta(struct app *a)
{
	if (a->compare < 0) {
		app_status(a, "d shows L - L(compared): pick a law with c first");
		return false;
	}
	bool mine = law_has_surface(app_law(a));
	if (!mine || !law_has_surface(&a->catalog->laws[a->compare].preset.law)) {
		/* say which law lacks one, and the key that swaps it for a law that has one */
		size_t lacking = mine ? (size_t)a->compare : a->scene.law;
		app_status(a, "d: %s is a frontier (no loss); %c: pick e.g. %s",
		           a->catalog->laws[lacking].preset.id, mine ? 'c' : 'w',
		           surface_law_example(a, lacking));
		return false;
	}
	a->delta = !a->delta;
	return true;
}

bool app_set_view(struct app *a, enum tour_view view)
{
	if (view == TOUR_VIEW_KEEP)
		return true;
	/* the others off first: test time and hardware share the profiles' place */
	if (a->inference && view != TOUR_VIEW_INFERENCE)
		app_toggle_inference(a);
	if (a->data && view != TOUR_VIEW_DATA)
		app_toggle_data(a);
	if (a->testtime && view != TOUR_VIEW_TESTTIME)
		app_toggle_testtime(a);
	if (a->hardware && view != TOUR_VIEW_HARDWARE)
		app_toggle_hardware(a);
	if (a->scene.editing && view != TOUR_VIEW_EDIT)
		app_toggle_editing(a);
	if (view == TOUR_VIEW_INFERENCE && !a->inference)
		app_toggle_inference(a);
	if (view == TOUR_VIEW_DATA && !a->data)
		app_toggle_data(a);
	if (view == TOUR_VIEW_TESTTIME && !a->testtime)
		app_toggle_testtime(a);
	if (view == TOUR_VIEW_HARDWARE && !a->hardware)
		return app_toggle_hardware(a);
	if (view == TOUR_VIEW_EDIT && !a->scene.editing)
		return app_toggle_editing(a);
	return true;
}

void app_set_compare(struct app *a, long law)
{
	a->compare = law;
	a->delta = a->delta && law >= 0;
}

bool app_set_delta(struct app *a, bool on)
{
	if (on == a->delta)
		return true;
	if (!on) {
		a->delta = false;
		return true;
	}
	return app_toggle_delta(a);
}

void app_set_accelerator(struct app *a, size_t accel)
{
	hw_use(a, (long)accel);
}

void app_set_follow(struct app *a, enum hw_unknown follow)
{
	a->hw_follow = follow;
}

enum model_status app_hw_budget_optimum(struct app *a, double count, double days, double *budget,
                                        double *n, double *d)
{
	struct hw_plan p = a->scene.hw;
	enum model_status st;

	p.count = count;
	p.days = days;
	st = hw_solve(&p, HW_BUDGET);
	*budget = p.budget;
	if (st == MODEL_OK)
		st = optimum_point(app_law(a), 0, 0, p.budget, a->scene.u, n, d);
	if (st != MODEL_OK)
		return st;
	/* the plan as given; only a point the window moved needs the hardware to follow it */
	a->scene.hw = p;
	a->scene.n = *n;
	a->scene.d = *d;
	clamp_point(a);
	if (a->scene.n != *n || a->scene.d != *d)
		hw_sync(a, a->hw_follow);
	return MODEL_OK;
}

void app_set_save_dir(struct app *a, const char *dir)
{
	snprintf(a->save_dir, sizeof a->save_dir, "%s", dir);
}

void app_set_record_path(struct app *a, const char *path)
{
	snprintf(a->record_path, sizeof a->record_path, "%s", path);
}

void app_set_runs(struct app *a, const struct fit_run *runs, size_t n)
{
	a->runs = runs;
	a->nruns = n;
}

void app_set_unique_given(struct app *a, double u)
{
	a->u_given = u;
}

void app_set_notes(struct app *a, struct notes *n)
{
	a->notes = n;
}

void app_open(struct app *a, enum app_mode mode)
{
	a->mode = mode;
	a->seek[0] = '\0';
	switch (mode) {
	case MODE_ENTRY:
	case MODE_SAVE:
	case MODE_RECORD:
		a->entry[0] = '\0';
		break;
	case MODE_PICK_MODEL:
	case MODE_PICK_MARKS:
	case MODE_HELP: /* the pick is the help's scroll position */
		a->pick = 0;
		break;
	case MODE_PICK_LAW:
		a->pick = a->scene.law;
		break;
	case MODE_PICK_COMPARE:
		a->pick = a->compare >= 0 ? (size_t)a->compare : a->scene.law;
		break;
	default:
		break;
	}
}

void app_close(struct app *a)
{
	a->mode = a->tour != NULL ? MODE_TOUR : MODE_EXPLORE;
}

void app_pick_move(struct app *a, int by, size_t rows, bool wrap)
{
	size_t step = (size_t)abs(by);

	a->seek[0] = '\0'; /* a move starts the type-ahead afresh */

	if (by > 0)
		a->pick = a->pick + step < rows ? a->pick + step : wrap ? 0 : rows - 1;
	else
		a->pick = a->pick >= step ? a->pick - step : wrap ? rows - 1 : 0;
}

/* The first row of the open picker whose id or name starts with prefix, or -1. */
static long pick_find(const struct app *a, const char *prefix)
{
	bool models = a->mode == MODE_PICK_MODEL || a->mode == MODE_PICK_MARKS;
	size_t rows = models ? a->catalog->nmodels : a->catalog->nlaws, len = strlen(prefix);

	for (size_t i = 0; i < rows; i++) {
		const struct preset *p =
		        models ? &a->catalog->models[i].preset : &a->catalog->laws[i].preset;
		if (strncasecmp(p->id, prefix, len) == 0 || strncasecmp(p->name, prefix, len) == 0)
			return (long)i;
	}
	return -1;
}

bool app_pick_seek(struct app *a, int ch)
{
	size_t len = strlen(a->seek);
	char alone[2] = {(char)ch, '\0'};
	long row;

	if (ch <= ' ' || ch > '~' || len + 1 >= sizeof a->seek)
		return false;
	a->seek[len] = (char)ch;
	a->seek[len + 1] = '\0';
	row = pick_find(a, a->seek);
	if (row < 0 && len > 0 && (row = pick_find(a, alone)) >= 0)
		snprintf(a->seek, sizeof a->seek, "%s", alone);
	if (row < 0) {
		a->seek[len] = '\0';
		return false;
	}
	a->pick = (size_t)row;
	return true;
}

void app_pick_choose(struct app *a)
{
	enum app_mode mode = a->mode;

	app_close(a);
	if (mode == MODE_PICK_MODEL) {
		app_jump_model(a, a->pick);
	} else if (mode == MODE_PICK_COMPARE) {
		/* picking the current law itself ends the comparison, unless it is
		 * edited: then the preset is what the edit is compared with */
		a->compare = a->pick == a->scene.law && !a->scene.edited ? -1 : (long)a->pick;
		a->delta = a->delta && a->compare >= 0;
		app_status(a, "%s%s", a->compare >= 0 ? "comparing with " : "no comparison",
		           a->compare >= 0 ? a->catalog->laws[a->compare].preset.id : "");
	} else if (mode == MODE_PICK_LAW && a->pick != a->scene.law) {
		bool dropped = a->scene.edited && !a->saved;
		switch_law(a, a->pick);
		app_status(a, "law: %.100s%s", a->catalog->laws[a->scene.law].preset.name,
		           dropped ? " (the edits are gone; s saves them before w)" : "");
	}
}

bool app_entry_type(struct app *a, int ch)
{
	bool caption = a->mode == MODE_RECORD;

	return append_char(a->entry, caption ? sizeof a->entry : APP_VALUE_MAX, ch,
	                   caption ? ' ' : 0x21, 0x7e);
}

void app_entry_erase(struct app *a)
{
	size_t len = strlen(a->entry);

	if (len > 0)
		a->entry[len - 1] = '\0';
}

void app_entry_done(struct app *a)
{
	if (a->mode == MODE_SAVE) {
		app_close(a);
		app_save_law(a, a->entry);
	} else {
		app_commit_entry(a);
	}
}

/* ---- tours ---- */

/* A step's view and comparison; what cannot show is left for tour_play.c to refuse. */
static void apply_views(struct app *a, const struct tour_step *s)
{
	const struct catalog_entry *e;

	app_set_view(a, s->view);
	if (strcmp(s->compare, "none") == 0)
		app_set_compare(a, -1);
	else if (s->compare[0] && (e = catalog_law(a->catalog, s->compare)) != NULL)
		app_set_compare(a, (long)(e - a->catalog->laws));
	if (s->difference >= 0)
		app_set_delta(a, s->difference);
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
	if (!a->hardware)
		return;
	if (s->accelerator[0] && (e = catalog_accelerator(a->catalog, s->accelerator)) != NULL)
		app_set_accelerator(a, (size_t)(e - a->catalog->accelerators));
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
		switch_law(a, (size_t)(e - a->catalog->laws));
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
	clamp_point(a);
	hw_sync(a, a->hw_follow);
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
	        .inference = a->inference,
	        .data = a->data,
	        .testtime = a->testtime,
	        .hardware = a->hardware,
	        .delta = a->delta,
	        .compare = a->compare,
	        .accel = a->accel,
	        .hw_follow = a->hw_follow,
	        .t = a->t,
	        .m = a->m,
	};
}

void app_tour_rewind(struct app *a, int i)
{
	const struct app_tour_start *o = &a->tour_origin;

	a->step = i;
	a->scene = o->scene;
	a->inference = o->inference;
	a->data = o->data;
	a->testtime = o->testtime;
	a->hardware = o->hardware;
	a->delta = o->delta;
	a->compare = o->compare;
	a->accel = o->accel;
	a->hw_follow = o->hw_follow;
	a->t = o->t;
	a->m = o->m;
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
	return append_char(a->jump, sizeof a->jump, digit, '0', '9');
}

int app_jump_end(struct app *a)
{
	a->jumping = false;
	return a->jump[0] ? atoi(a->jump) : -1;
}

/* ---- the map's window ---- */

/* The units' limits of the window (units.h), as log10: [axis][0 lo, 1 hi], N then D. */
#define WINDOW_LIMIT(axis, hi)                                                                     \
	log10((axis) == 0 ? ((hi) ? UNITS_PARAMS_MAX : UNITS_PARAMS_MIN)                           \
	                  : ((hi) ? UNITS_TOKENS_MAX : UNITS_TOKENS_MIN))

/* The window as log10 edges: [axis][0 lo, 1 hi], axis 0 N and 1 D. */
static void window_logs(const struct app_window *w, double e[2][2])
{
	e[0][0] = log10(w->n_lo);
	e[0][1] = log10(w->n_hi);
	e[1][0] = log10(w->d_lo);
	e[1][1] = log10(w->d_hi);
}

/* Back from log10 edges, each clamped into the units' limits. */
static void window_from_logs(double e[2][2], struct app_window *w)
{
	for (int i = 0; i < 2; i++)
		for (int j = 0; j < 2; j++)
			e[i][j] = fmin(fmax(e[i][j], WINDOW_LIMIT(i, 0)), WINDOW_LIMIT(i, 1));
	*w = (struct app_window){pow(10, e[0][0]), pow(10, e[0][1]), pow(10, e[1][0]),
	                         pow(10, e[1][1])};
}

/* Widen edges e[axis] to hold log10 value v with half a decade to spare, when it is outside. */
static void window_hold(double e[2][2], int axis, double v)
{
	if (!isfinite(v))
		return;
	if (v < e[axis][0])
		e[axis][0] = v - 0.5;
	if (v > e[axis][1])
		e[axis][1] = v + 0.5;
}

void app_map_window(const struct app *a, struct app_window *w)
{
	double e[2][2];

	window_logs(&a->scene.window, e);
	window_hold(e, 0, log10(a->scene.n));
	window_hold(e, 1, log10(a->scene.d));
	/* the data view's story is the row of four epochs: 30T of data puts it at 120T */
	if (a->data && a->scene.u > 0)
		window_hold(e, 1, log10(4 * a->scene.u));
	window_from_logs(e, w);
}

bool app_set_window(struct app *a, const struct app_window *w)
{
	double e[2][2];

	window_logs(w, e);
	for (int i = 0; i < 2; i++)
		if (!(e[i][0] >= WINDOW_LIMIT(i, 0) && e[i][1] <= WINDOW_LIMIT(i, 1) &&
		      e[i][0] < e[i][1])) {
			app_status(a, "the map's window: %s from 1e%g to 1e%g, low below high",
			           i == 0 ? "parameters" : "tokens", WINDOW_LIMIT(i, 0),
			           WINDOW_LIMIT(i, 1));
			return false;
		}
	a->scene.window = *w;
	return true;
}

bool app_zoom(struct app *a, int in)
{
	struct app_window w;
	double e[2][2], p[2] = {log10(a->scene.n), log10(a->scene.d)};

	app_map_window(a, &w);
	window_logs(&w, e);
	double was[2][2] = {{e[0][0], e[0][1]}, {e[1][0], e[1][1]}}; /* as shown */
	for (int i = 0; i < 2; i++) {
		double span = e[i][1] - e[i][0];
		double want = in > 0 ? fmax(span - 2 * APP_ZOOM_DECADES, APP_ZOOM_MIN_SPAN)
		                     : span + 2 * APP_ZOOM_DECADES;
		double f = want / span; /* about the point: it keeps its place on the map */
		if (in > 0 && span <= APP_ZOOM_MIN_SPAN)
			f = 1;
		e[i][0] = p[i] - (p[i] - e[i][0]) * f;
		e[i][1] = p[i] + (e[i][1] - p[i]) * f;
	}
	window_from_logs(e, &a->scene.window);
	/* moved by more than log10's round trip: a zoom at its limit leaves it */
	for (int i = 0; i < 2; i++)
		if (fabs(was[i][0] - e[i][0]) > 1e-9 || fabs(was[i][1] - e[i][1]) > 1e-9)
			return true;
	return false;
}

void app_centre_window(struct app *a)
{
	struct app_window w;
	double e[2][2], p[2] = {log10(a->scene.n), log10(a->scene.d)};

	app_map_window(a, &w);
	window_logs(&w, e);
	for (int i = 0; i < 2; i++) {
		double half = (e[i][1] - e[i][0]) / 2;
		/* at a limit the window stops there, whole, rather than shrink */
		double mid = fmin(fmax(p[i], WINDOW_LIMIT(i, 0) + half), WINDOW_LIMIT(i, 1) - half);
		e[i][0] = mid - half;
		e[i][1] = mid + half;
	}
	window_from_logs(e, &a->scene.window);
}

void app_default_window(struct app *a)
{
	a->scene.window = (struct app_window){TOUR_WINDOW_PARAMS_LO, TOUR_WINDOW_PARAMS_HI,
	                                      TOUR_WINDOW_TOKENS_LO, TOUR_WINDOW_TOKENS_HI};
}
