/*
 * app.c: the explorer's state changes (with app_pick.c, app_tour.c and
 * app_window.c, the only writers of struct app).
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
#include "law_view.h"
#include "save.h"

/* Append ch to the text in buf (size bytes) if it lies in [lo, hi] and fits. */
bool app_append_char(char *buf, size_t size, int ch, int lo, int hi)
{
	size_t len = strlen(buf);

	if (ch < lo || ch > hi || len + 1 >= size)
		return false;
	buf[len] = (char)ch;
	buf[len + 1] = '\0';
	return true;
}

double app_tokens_hi(const struct app *a)
{
	/* a function of the view, not of its history: a tour step looks the same however reached */
	return app_view_on(a, TOUR_VIEW_DATA) && a->stock.stock > 0
	               ? fmax(a->d_hi, stocks_window_top(&a->stock))
	               : a->d_hi;
}

/* Clamp N and D into the window (C follows). */
void app_clamp_point(struct app *a)
{
	a->scene.n = fmin(fmax(a->scene.n, a->n_lo), a->n_hi);
	a->scene.d = fmin(fmax(a->scene.d, a->d_lo), app_tokens_hi(a));
}

/* The story's models the catalog has, marked: the talk's landmarks are labelled from the start. */
void app_mark_story(struct app *a)
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
	a->runs_from.seed = -1; /* no --seed: the bootstrap's default */
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
	a->domain = -1;
	a->accel = -1;
	a->scene.given.accel = -1;
	/* Chinchilla (Hoffmann et al. 2022): 70B parameters on 1.4T tokens */
	a->scene.n = chinchilla != NULL ? chinchilla->preset.params : 70e9;
	a->scene.d = chinchilla != NULL ? chinchilla->preset.tokens : 1.4e12;
	/* the point is Chinchilla's: the title names it ("@ Chinchilla 70B") */
	if (chinchilla != NULL)
		a->scene.model = (long)(chinchilla - cat->models);
	app_clamp_point(a);
	app_mark_story(a);
	app_tt_init(a);
	/* the data view's band: none when the catalog knows no stock */
	if (!stocks_find(cat, STOCKS_DEFAULT, &a->stock))
		a->stock = (struct stock_numbers){0};
	app_say_lacks(a);
}

void app_say_lacks(struct app *a)
{
	const struct preset *p = &a->catalog->laws[a->scene.law].preset;
	char exps[64];

	/* a frontier law with its coefficients is what the map's title says, "no loss
	   surface": the key hints stay; the laws that lack more say what */
	if (p->law.family == LAW_POWER || law_view_exponent_only(&p->law, exps, sizeof exps))
		law_view_lacks(p, APP_STATUS_COLUMNS, a->status, sizeof a->status);
	else if (law_range_narrow(&p->law.params)) /* isoflop fit's warning, said here too */
		app_status(a, "%.20s: " APP_NARROW_WORDS ": its exponents are poorly determined",
		           p->id);
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
void app_hw_sync(struct app *a, enum hw_unknown follow)
{
	if (app_view_on(a, TOUR_VIEW_HARDWARE))
		hw_follow(&a->scene.hw, law_compute(app_law(a), a->scene.n, a->scene.d),
		          follow == HW_BUDGET ? HW_DAYS : follow);
}

/* Put the point at (n, d) in the window, the hardware following; `model` the model there, or -1. */
static void put_point(struct app *a, double n, double d, long model)
{
	a->scene.n = n;
	a->scene.d = d;
	app_clamp_point(a);
	app_hw_sync(a, a->hw_follow);
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
		app_hw_sync(a, follow);
		return;
	}
	if (hw_solve(&p, HW_BUDGET) != MODEL_OK)
		return;
	set_linked(a, SLIDER_C, p.budget);
	/* clamped at the window's edge: the days give way */
	app_hw_sync(a, s == SLIDER_DAYS ? HW_COUNT : HW_DAYS);
}

void app_set(struct app *a, enum slider s, double v)
{
	if (s >= SLIDER_TRAIN && s <= SLIDER_TARGET) {
		app_tt_set(a, s, v);
		return;
	}
	if (s > SLIDER_C) {
		set_own(a, s, v);
		if (s == SLIDER_GPUS || s == SLIDER_DAYS || s == SLIDER_MFU)
			hw_moved(a, s);
		return;
	}
	set_linked(a, s, v);
	app_hw_sync(a, a->hw_follow);
}

static void set_linked(struct app *a, enum slider s, double v)
{
	double n, d;

	if (!app_linked_point(a, s, v, &n, &d))
		return;
	a->scene.n = n;
	a->scene.d = d;
	app_clamp_point(a); /* rounding in pow() may step a hair outside */
	a->scene.model = -1;
}

void app_step(struct app *a, enum slider s, double decades)
{
	app_set(a, s, app_stepped(a, s, decades));
}

/* Another law: an edited copy of the old one is dropped with it. */
void app_switch_law(struct app *a, size_t law)
{
	a->scene.law = law;
	a->scene.edited = false;
	if (app_view_on(a, TOUR_VIEW_EDIT)) {
		a->scene.views &= ~(1u << TOUR_VIEW_EDIT);
		a->scene.focus = SLIDER_N;
	}
}

/*
 * The views' setters (app_parts.h), called by app_toggle_view once the
 * view's bit is set (on) or cleared: what opening sets up, closing drops.
 */
void app_open_inference(struct app *a, bool on)
{
	if (on && a->t == 0)
		a->t = a->scene.d; /* as many tokens served as trained on: a neutral start */
	if (on)
		a->scene.focus = SLIDER_T;
	app_focus_by(a, 0); /* keep the focus on a slider that is on screen */
}

void app_open_data(struct app *a, bool on)
{
	if (on) {
		/*
		 * U as a tour step set it (its data wall), else --unique-tokens if
		 * given, else one epoch: every token unique, as without the view
		 */
		a->scene.u = a->scene.u > 0 ? a->scene.u : a->u_given > 0 ? a->u_given : a->scene.d;
		a->scene.focus = SLIDER_U;
	} else {
		a->scene.u = 0;
		app_clamp_point(a); /* the D slider stops at 100T again, short of the stock */
		app_status(a, "data view off: every token counts as unique again");
	}
	app_focus_by(a, 0); /* keep the focus on a slider that is on screen */
}

void app_open_testtime(struct app *a, bool on)
{
	if (on) {
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
	/* a price or power given is that accelerator's: others keep their presets' (0: unknown) */
	bool given = accel == a->scene.given.accel;
	const struct preset *p = &a->catalog->accelerators[accel].preset;
	a->scene.hw.price = given && a->scene.given.price > 0 ? a->scene.given.price : p->price;
	a->scene.hw.watts = given && a->scene.given.watts > 0 ? a->scene.given.watts : p->watts;
	if (a->hw_follow == HW_BUDGET)
		hw_moved(a, SLIDER_MFU); /* as if a term moved: C follows */
	else
		app_hw_sync(a, a->hw_follow);
}

bool app_lifecost(const struct app *a, struct lifecost *out)
{
	const struct hw_plan *hw = &a->scene.hw;

	if (!app_view_on(a, TOUR_VIEW_INFERENCE) || a->accel < 0 || !(a->t > 0) ||
	    !(a->scene.serve_mfu > 0) || !(hw->price > 0))
		return false;
	*out = (struct lifecost){hw->peak, hw->mfu, hw->price, a->scene.serve_mfu,
	                         a->scene.serve_price > 0 ? a->scene.serve_price : hw->price};
	double x;
	return lifecost_token_scale(out, &x) == MODEL_OK;
}

void app_open_hardware(struct app *a, bool on)
{
	if (on) {
		if (a->accel < 0 || (size_t)a->accel >= a->catalog->naccelerators) {
			/* the H100 (SXM) to start with, the GPU of the example */
			const struct catalog_entry *h = catalog_accelerator(a->catalog, "h100");
			a->accel = h != NULL ? (long)(h - a->catalog->accelerators) : 0;
			/* PUE 1: the accelerators' own energy, as isoflop(1) says */
			a->scene.hw =
			        (struct hw_plan){.count = 1024, .mfu = 0.4, .days = 1, .pue = 1};
			a->hw_follow = HW_DAYS;
		}
		hw_use(a, a->accel);
		a->scene.focus = SLIDER_GPUS;
	}
	app_focus_by(a, 0); /* keep the focus on a slider that is on screen */
}

void app_next_accelerator(struct app *a)
{
	if (!app_view_on(a, TOUR_VIEW_HARDWARE))
		return;
	hw_use(a, (a->accel + 1) % (long)a->catalog->naccelerators);
	long g = a->scene.given.accel;
	if (g >= 0 && g != a->accel && (a->scene.given.price > 0 || a->scene.given.watts > 0))
		/* a price given was that accelerator's: say that this one's is its preset's */
		app_status(a,
		           "accelerator: %.80s, at its preset's price and power (given for %.20s)",
		           a->catalog->accelerators[a->accel].preset.name,
		           a->catalog->accelerators[g].preset.id);
	else
		app_status(a, "accelerator: %.100s",
		           a->catalog->accelerators[a->accel].preset.name);
}

void app_cycle_follow(struct app *a)
{
	static const char *const names[] = {"the budget C", "the count", "the days"};

	if (!app_view_on(a, TOUR_VIEW_HARDWARE))
		return;
	a->hw_follow = a->hw_follow == HW_DAYS    ? HW_COUNT
	               : a->hw_follow == HW_COUNT ? HW_BUDGET
	                                          : HW_DAYS;
	app_status(a, "%s follows from the other two", names[a->hw_follow]);
}

void app_open_editing(struct app *a, bool on)
{
	a->scene.focus = on ? SLIDER_E : SLIDER_N;
	if (on)
		app_status(a, "editing %s: the arrows move a coefficient; e returns, s saves",
		           a->catalog->laws[a->scene.law].preset.id);
	app_focus_by(a, 0); /* keep the focus on a slider that is on screen */
}

/*
 * Loss against compute: its '@' rides C, so the focus goes to C; the view
 * adds no slider, and closing it leaves the focus where it is.
 */
void app_open_compute(struct app *a, bool on)
{
	if (on)
		a->scene.focus = SLIDER_C;
	app_focus_by(a, 0); /* keep the focus on a slider that is on screen */
}

/*
 * The timeline has no sliders of its own: the point's C is the budget it
 * marks, moved by the C slider as before.
 */
void app_open_timeline(struct app *a, bool on)
{
	(void)on;
	app_focus_by(a, 0); /* keep the focus on a slider that is on screen */
}

/*
 * The domains view has no sliders of its own: the point's C is where the
 * readout reads the current law's L(C), moved by the C slider as before.
 */
void app_open_domains(struct app *a, bool on)
{
	(void)on;
	app_focus_by(a, 0); /* keep the focus on a slider that is on screen */
}

void app_snap_optimum(struct app *a)
{
	struct allocation opt;
	double c = app_value(a, SLIDER_C);
	enum model_status st = optimum_at_compute(app_law(a), c, a->scene.u, &opt);
	char why[APP_STATUS_MAX];

	if (!a->scene.edited && law_view_refusal(&a->catalog->laws[a->scene.law].preset, 'o', why,
	                                         sizeof why) != NULL) {
		app_status(a, "%s", why);
		return;
	}
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
	app_clear_status(a);
	app_set(a, s, v);
	/* the plane's follower that stopped the value has said why ("test at its floor 1: ...") */
	if (!(s >= SLIDER_TRAIN && s <= SLIDER_TOTAL && a->status[0]))
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
	if (app_view_on(a, TOUR_VIEW_TRAINTEST)) { /* the plane's own three: total, train, test */
		app_tt_cycle_lock(a);
		return;
	}
	enum slider shown[APP_MAX_SLIDERS];
	int n = app_sliders(a, shown);
	bool linked = false;
	for (int i = 0; i < n; i++)
		linked = linked || shown[i] == SLIDER_C;
	if (!linked) { /* K, the law editor: no linked sliders on screen, no hidden lock to move */
		app_status(a, "x: nothing to lock here: these sliders move on their own");
		return;
	}
	/* C, N, D: the order a talk goes through (fixed budget, fixed model, fixed data) */
	a->scene.lock = a->scene.lock == SLIDER_C   ? SLIDER_N
	                : a->scene.lock == SLIDER_N ? SLIDER_D
	                                            : SLIDER_C;
	app_status(a, "%s locked: moving another slider keeps %s fixed",
	           app_slider_name(a->scene.lock), app_slider_name(a->scene.lock));
}

void app_toggle_markers(struct app *a)
{
	a->scene.markers = !a->scene.markers;
}

void app_toggle_zoom(struct app *a)
{
	char why[APP_STATUS_MAX];

	if (law_view_refusal(&a->catalog->laws[a->scene.law].preset, 'z', why, sizeof why)) {
		app_status(a, "%s", why);
		return;
	}
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
		app_status(a, "d: %s has no L(N, D); %c: pick e.g. %s",
		           a->catalog->laws[lacking].preset.id, mine ? 'c' : 'w',
		           surface_law_example(a, lacking));
		return false;
	}
	a->delta = !a->delta;
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

/* A price or power given belongs to the accelerator in use; one given before for another goes. */
static void own_given(struct app *a)
{
	if (a->scene.given.accel != a->accel)
		a->scene.given = (struct app_cost_given){a->accel, 0, 0};
}

void app_set_price(struct app *a, double usd)
{
	own_given(a);
	a->scene.given.price = usd;
	a->scene.hw.price = usd;
}

void app_set_watts(struct app *a, double watts)
{
	own_given(a);
	a->scene.given.watts = watts;
	a->scene.hw.watts = watts;
}

void app_set_pue(struct app *a, double pue)
{
	a->scene.hw.pue = pue;
}

void app_set_serve(struct app *a, double mfu, double price)
{
	a->scene.serve_mfu = mfu;
	a->scene.serve_price = price;
}

bool app_set_stock(struct app *a, const char *id)
{
	struct stock_numbers st = {0};

	if (strcmp(id, "none") != 0 && !stocks_find(a->catalog, id, &st))
		return false;
	a->stock = st;
	app_clamp_point(a); /* without a stock the D slider stops at 100T again */
	return true;
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
	app_clamp_point(a);
	if (a->scene.n != *n || a->scene.d != *d)
		app_hw_sync(a, a->hw_follow);
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

void app_set_runs_from(struct app *a, const struct app_runs_from *from)
{
	a->runs_from = *from;
}

void app_set_draws(struct app *a, const struct law *draws, int n, size_t law)
{
	a->draws = draws;
	a->ndraws = n;
	a->draws_law = law;
}

const struct law *app_draws(const struct app *a, int *n)
{
	bool mine = a->draws != NULL && a->scene.law == a->draws_law && !a->scene.edited;

	*n = mine ? a->ndraws : 0;
	return mine ? a->draws : NULL;
}

void app_set_unique_given(struct app *a, double u)
{
	a->u_given = u;
}

void app_set_notes(struct app *a, struct notes *n)
{
	a->notes = n;
}
