/*
 * app.c: the explorer's state changes. Values move in log10 space, where the
 * link C = k N D is a sum: log(C/k) = log N + log D.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../model/optimum.h"
#include "../model/units.h"
#include "app.h"
#include "keys.h"

static const char *const slider_names[SLIDER_COUNT] = {"N", "D", "C"};

const struct law *app_law(const struct app *a)
{
	return &a->catalog->laws[a->law].preset.law;
}

double app_value(const struct app *a, enum slider s)
{
	return s == SLIDER_N ? a->n : s == SLIDER_D ? a->d : law_compute(app_law(a), a->n, a->d);
}

void app_range(const struct app *a, enum slider s, double *lo, double *hi)
{
	double k = app_law(a)->k;

	*lo = s == SLIDER_N ? a->n_lo : s == SLIDER_D ? a->d_lo : k * a->n_lo * a->d_lo;
	*hi = s == SLIDER_N ? a->n_hi : s == SLIDER_D ? a->d_hi : k * a->n_hi * a->d_hi;
}

/* Clamp N and D into the window (C follows). */
static void clamp_point(struct app *a)
{
	a->n = fmin(fmax(a->n, a->n_lo), a->n_hi);
	a->d = fmin(fmax(a->d, a->d_lo), a->d_hi);
}

void app_init(struct app *a, const struct catalog *cat, size_t law)
{
	const struct catalog_entry *chinchilla = catalog_model(cat, "chinchilla");

	memset(a, 0, sizeof *a);
	a->catalog = cat;
	a->law = law;
	a->n_lo = 1e7;
	a->n_hi = 1e13;
	a->d_lo = 1e8;
	a->d_hi = 1e14;
	a->focus = SLIDER_N;
	a->lock = SLIDER_C;
	a->markers = true;
	a->mode = MODE_EXPLORE;
	a->model = -1;
	a->compare = -1;
	/* Chinchilla (Hoffmann et al. 2022): 70B parameters on 1.4T tokens */
	a->n = chinchilla != NULL ? chinchilla->preset.params : 70e9;
	a->d = chinchilla != NULL ? chinchilla->preset.tokens : 1.4e12;
	clamp_point(a);
}

/* The slider that follows s: the free one, or when s is the lock, D for N and C, N for D. */
static enum slider follower(const struct app *a, enum slider s)
{
	if (s != a->lock)
		return (enum slider)(SLIDER_COUNT * (SLIDER_COUNT - 1) / 2 - s - a->lock);
	return s == SLIDER_D ? SLIDER_N : SLIDER_D;
}

void app_set(struct app *a, enum slider s, double v)
{
	enum slider f = follower(a, s);
	double x = log10(a->n), y = log10(a->d), z = x + y; /* z = log10(C / k) */
	double xlo = log10(a->n_lo), xhi = log10(a->n_hi);
	double ylo = log10(a->d_lo), yhi = log10(a->d_hi);
	double lk = log10(app_law(a)->k), t = log10(v), lo, hi;

	if (!(v > 0) || !isfinite(v))
		return;
	switch (s) {
	case SLIDER_N: /* D follows (C holds) or C follows (D holds) */
		lo = f == SLIDER_D ? fmax(xlo, z - yhi) : xlo;
		hi = f == SLIDER_D ? fmin(xhi, z - ylo) : xhi;
		x = fmin(fmax(t, lo), hi);
		if (f == SLIDER_D)
			y = z - x;
		break;
	case SLIDER_D:
		lo = f == SLIDER_N ? fmax(ylo, z - xhi) : ylo;
		hi = f == SLIDER_N ? fmin(yhi, z - xlo) : yhi;
		y = fmin(fmax(t, lo), hi);
		if (f == SLIDER_N)
			x = z - y;
		break;
	case SLIDER_C:
	default:
		t -= lk;
		if (f == SLIDER_D) { /* N holds */
			z = fmin(fmax(t, x + ylo), x + yhi);
			y = z - x;
		} else { /* D holds */
			z = fmin(fmax(t, y + xlo), y + xhi);
			x = z - y;
		}
		break;
	}
	a->n = pow(10, x);
	a->d = pow(10, y);
	clamp_point(a); /* rounding in pow() may step a hair outside */
	a->model = -1;
}

void app_step(struct app *a, enum slider s, double decades)
{
	app_set(a, s, app_value(a, s) * pow(10, decades));
}

void app_snap_optimum(struct app *a)
{
	struct allocation opt;
	double c = app_value(a, SLIDER_C);
	enum model_status st = optimum_at_compute(app_law(a), c, a->u, &opt);

	if (st != MODEL_OK) {
		snprintf(a->status, sizeof a->status, "no optimum at this C: %s",
		         model_strerror(st));
		return;
	}
	a->n = opt.params;
	a->d = opt.tokens;
	clamp_point(a);
	a->model = -1;
	if (a->n != opt.params || a->d != opt.tokens)
		snprintf(a->status, sizeof a->status,
		         "the optimum lies outside the window: moved to its edge");
	else
		a->status[0] = '\0';
}

void app_jump_model(struct app *a, size_t model)
{
	const struct preset *p = &a->catalog->models[model].preset;
	char nb[16], db[16];

	a->n = preset_compute_params(p);
	a->d = p->tokens;
	clamp_point(a);
	a->model = (long)model;
	units_format_count(a->n, nb, sizeof nb);
	units_format_count(a->d, db, sizeof db);
	snprintf(a->status, sizeof a->status, "%.80s: %s%s parameters, %s tokens", p->name, nb,
	         p->active_params > 0 ? " active" : "", db);
}

bool app_commit_entry(struct app *a)
{
	enum slider s = a->focus;
	const char *why;
	double v, lo, hi;

	a->mode = MODE_EXPLORE;
	if (!units_parse(a->entry, s == SLIDER_C ? UNITS_COMPUTE : UNITS_COUNT, &v, &why)) {
		snprintf(a->status, sizeof a->status, "%s: %s: '%s'", slider_names[s], why,
		         a->entry);
		return false;
	}
	app_set(a, s, v);
	app_range(a, s, &lo, &hi);
	double got = app_value(a, s);
	if (fabs(got - v) > 1e-9 * v) {
		char gb[16];
		if (s == SLIDER_C)
			units_format_compute(got, gb, sizeof gb);
		else
			units_format_count(got, gb, sizeof gb);
		snprintf(a->status, sizeof a->status, "%s = %s is out of reach here: clamped to %s",
		         slider_names[s], a->entry, gb);
	} else {
		a->status[0] = '\0';
	}
	return true;
}

static enum key_result tour_key(struct app *a, int key);

/* Keys while typing a value. */
static enum key_result entry_key(struct app *a, int key)
{
	size_t len = strlen(a->entry);

	if (key == KEYC_ENTER || key == '\r') {
		app_commit_entry(a);
		return KEY_HANDLED;
	}
	if (key == KEYC_ESC) {
		a->mode = MODE_EXPLORE;
		return KEY_HANDLED;
	}
	if (key == KEYC_BACKSPACE || key == '\b') {
		if (len > 0)
			a->entry[len - 1] = '\0';
		return KEY_HANDLED;
	}
	if (key >= 0x21 && key <= 0x7e && len + 1 < sizeof a->entry) {
		a->entry[len] = (char)key;
		a->entry[len + 1] = '\0';
		return KEY_HANDLED;
	}
	return KEY_IGNORED;
}

/* Keys in a picker of n rows. */
static enum key_result picker_key(struct app *a, int key, size_t n)
{
	switch (key) {
	case KEYC_UP:
	case 'k':
		a->pick = a->pick > 0 ? a->pick - 1 : n - 1;
		return KEY_HANDLED;
	case KEYC_DOWN:
	case 'j':
	case KEYC_TAB:
		a->pick = (a->pick + 1) % n;
		return KEY_HANDLED;
	case KEYC_PGUP:
		a->pick = a->pick >= 10 ? a->pick - 10 : 0;
		return KEY_HANDLED;
	case KEYC_PGDN:
		a->pick = a->pick + 10 < n ? a->pick + 10 : n - 1;
		return KEY_HANDLED;
	case KEYC_ENTER:
	case '\r':
		a->mode = MODE_EXPLORE;
		return KEY_REDRAW;
	case KEYC_ESC:
	case 'q':
		a->mode = MODE_EXPLORE;
		return KEY_HANDLED;
	default:
		return KEY_IGNORED;
	}
}

enum key_result app_key(struct app *a, int key)
{
	enum key_result r;

	switch (a->mode) {
	case MODE_TOUR:
		return tour_key(a, key);
	case MODE_ENTRY:
		return entry_key(a, key);
	case MODE_HELP:
		a->mode = MODE_EXPLORE; /* any key closes the help */
		return KEY_HANDLED;
	case MODE_PICK_MODEL:
		r = picker_key(a, key, a->catalog->nmodels);
		if (r == KEY_REDRAW) {
			app_jump_model(a, a->pick);
			r = KEY_HANDLED; /* the point moved; the map did not change */
		}
		return r;
	case MODE_PICK_COMPARE:
		r = picker_key(a, key, a->catalog->nlaws);
		if (r == KEY_REDRAW) {
			/* picking the current law itself ends the comparison */
			a->compare = a->pick == a->law ? -1 : (long)a->pick;
			a->delta = a->delta && a->compare >= 0;
			snprintf(a->status, sizeof a->status, "%s%s",
			         a->compare >= 0 ? "comparing with " : "no comparison",
			         a->compare >= 0 ? a->catalog->laws[a->compare].preset.id : "");
		}
		return r;
	case MODE_PICK_LAW:
		r = picker_key(a, key, a->catalog->nlaws);
		if (r == KEY_REDRAW && a->pick != a->law) {
			a->law = a->pick;
			snprintf(a->status, sizeof a->status, "law: %s",
			         a->catalog->laws[a->law].preset.name);
		} else if (r == KEY_REDRAW) {
			r = KEY_HANDLED;
		}
		return r;
	case MODE_EXPLORE:
	default:
		break;
	}
	const struct key_binding *b = key_lookup(key);
	if (b == NULL)
		return KEY_IGNORED;
	a->status[0] = '\0';
	return b->handler(a, key);
}

/* ---- tours ---- */

/* Apply a step to a state: law, then the point, then lock, markers and panel. */
static void apply_step(struct app *a, const struct tour_step *s)
{
	const struct catalog_entry *e;
	const struct law *law;

	if (s->law[0] && (e = catalog_law(a->catalog, s->law)) != NULL)
		a->law = (size_t)(e - a->catalog->laws);
	law = app_law(a);
	if (s->unique_tokens > 0 || s->law[0])
		a->u = s->unique_tokens;
	if (s->model[0] && (e = catalog_model(a->catalog, s->model)) != NULL)
		app_jump_model(a, (size_t)(e - a->catalog->models));
	else
		optimum_point(law, s->params, s->tokens, s->compute, a->u, &a->n, &a->d);
	clamp_point(a);
	if (s->lock)
		a->lock = s->lock == 'N' ? SLIDER_N : s->lock == 'D' ? SLIDER_D : SLIDER_C;
	if (s->markers >= 0)
		a->markers = s->markers;
	a->panel = s->panel;
	a->status[0] = '\0';
}

int app_tour_start(struct app *a, const struct tour *t, char *err, size_t errsize)
{
	struct app probe = *a;

	for (int i = 0; i < t->nsteps; i++) {
		const struct tour_step *s = &t->steps[i];
		const struct catalog_entry *law = NULL;
		if (s->law[0] && (law = catalog_law(a->catalog, s->law)) == NULL) {
			snprintf(err, errsize,
			         "%s:%d:%d: unknown law '%s' (isoflop presets laws lists them)",
			         t->file, s->law_at.line, s->law_at.col, s->law);
			return -1;
		}
		if (s->model[0] && catalog_model(a->catalog, s->model) == NULL) {
			snprintf(err, errsize,
			         "%s:%d:%d: unknown model '%s' (isoflop presets models lists them)",
			         t->file, s->model_at.line, s->model_at.col, s->model);
			return -1;
		}
		apply_step(&probe, s);
		if (s->unique_tokens > 0 && app_law(&probe)->family != LAW_DATA_CONSTRAINED) {
			snprintf(err, errsize,
			         "%s:%d:%d: unique_tokens needs a data-constrained law such as "
			         "muennighoff2023",
			         t->file, s->at.line, s->at.col);
			return -1;
		}
	}
	a->tour = t;
	a->mode = MODE_TOUR;
	app_tour_show(a, 0);
	return 0;
}

void app_tour_show(struct app *a, int i)
{
	if (a->tour == NULL)
		return;
	a->step = i < 0 ? 0 : i >= a->tour->nsteps ? a->tour->nsteps - 1 : i;
	apply_step(a, &a->tour->steps[a->step]);
}

/* Keys while a tour plays: stepping, 'g' and a number, Esc to explore from here. */
static enum key_result tour_key(struct app *a, int key)
{
	if (a->jumping) {
		size_t len = strlen(a->jump);
		if (key >= '0' && key <= '9' && len + 1 < sizeof a->jump) {
			a->jump[len] = (char)key;
			a->jump[len + 1] = '\0';
			return KEY_HANDLED;
		}
		a->jumping = false;
		if ((key == KEYC_ENTER || key == '\r') && len > 0) {
			app_tour_show(a, atoi(a->jump) - 1);
			return KEY_REDRAW;
		}
		return KEY_HANDLED;
	}
	switch (key) {
	case ' ':
	case KEYC_RIGHT:
	case 'l':
	case KEYC_ENTER:
	case '\r':
	case KEYC_PGDN:
		if (a->step + 1 >= a->tour->nsteps) {
			snprintf(a->status, sizeof a->status,
			         "the last step; Esc explores from here");
			return KEY_HANDLED;
		}
		app_tour_show(a, a->step + 1);
		return KEY_REDRAW;
	case KEYC_BACKSPACE:
	case '\b':
	case KEYC_LEFT:
	case 'h':
	case KEYC_PGUP:
		app_tour_show(a, a->step - 1);
		return KEY_REDRAW;
	case 'g':
		a->jumping = true;
		a->jump[0] = '\0';
		return KEY_HANDLED;
	case KEYC_ESC:
		a->mode = MODE_EXPLORE;
		a->tour = NULL;
		a->panel = TOUR_PANEL_BOTH;
		snprintf(a->status, sizeof a->status, "tour left: exploring from here");
		return KEY_REDRAW;
	case 'q':
		return KEY_QUIT;
	default:
		return KEY_IGNORED;
	}
}
