/*
 * keys.c: the explore mode's key table and its handlers. Handlers change the
 * state through app.h and never draw.
 */
#include <stdio.h>
#include <string.h>

#include "keys.h"

/* Move the focus by `by` (1 or -1) among the sliders on screen. */
static void focus_by(struct app *a, int by)
{
	enum slider on[APP_MAX_SLIDERS];
	int n = app_sliders(a, on), i = 0;

	while (i < n && on[i] != a->focus)
		i++;
	a->focus = on[((i < n ? i : 0) + by + n) % n];
}

static enum key_result focus_next(struct app *a, int key)
{
	(void)key;
	focus_by(a, 1);
	return KEY_HANDLED;
}

static enum key_result focus_prev(struct app *a, int key)
{
	(void)key;
	focus_by(a, -1);
	return KEY_HANDLED;
}

static enum key_result move(struct app *a, int key)
{
	double step = key == KEYC_LEFT || key == 'h'    ? -APP_STEP_FINE
	              : key == KEYC_RIGHT || key == 'l' ? APP_STEP_FINE
	              : key == KEYC_PGDN || key == 'H'  ? -APP_STEP_COARSE
	                                                : APP_STEP_COARSE;
	app_step(a, a->focus, step);
	return app_slider_redraws(a->focus) ? KEY_REDRAW : KEY_HANDLED;
}

static enum key_result enter_value(struct app *a, int key)
{
	(void)key;
	a->mode = MODE_ENTRY;
	a->entry[0] = '\0';
	return KEY_HANDLED;
}

static enum key_result cycle_lock(struct app *a, int key)
{
	(void)key;
	/* C, N, D: the order a talk goes through (fixed budget, fixed model, fixed data) */
	a->lock = a->lock == SLIDER_C ? SLIDER_N : a->lock == SLIDER_N ? SLIDER_D : SLIDER_C;
	snprintf(a->status, sizeof a->status, "%s locked: moving another slider keeps %s fixed",
	         app_slider_name(a->lock), app_slider_name(a->lock));
	return KEY_HANDLED;
}

static enum key_result snap(struct app *a, int key)
{
	(void)key;
	app_snap_optimum(a);
	return KEY_HANDLED;
}

static enum key_result pick_model(struct app *a, int key)
{
	(void)key;
	if (a->catalog->nmodels == 0) {
		snprintf(a->status, sizeof a->status, "no model presets loaded");
		return KEY_HANDLED;
	}
	a->mode = MODE_PICK_MODEL;
	a->pick = 0;
	return KEY_HANDLED;
}

static enum key_result pick_law(struct app *a, int key)
{
	(void)key;
	a->mode = MODE_PICK_LAW;
	a->pick = a->law;
	return KEY_HANDLED;
}

static enum key_result pick_compare(struct app *a, int key)
{
	(void)key;
	a->mode = MODE_PICK_COMPARE;
	a->pick = a->compare >= 0 ? (size_t)a->compare : a->law;
	return KEY_HANDLED;
}

static enum key_result toggle_delta(struct app *a, int key)
{
	(void)key;
	if (a->compare < 0) {
		snprintf(a->status, sizeof a->status,
		         "d shows L - L(compared): pick a law with c first");
		return KEY_HANDLED;
	}
	if (!law_has_surface(app_law(a)) ||
	    !law_has_surface(&a->catalog->laws[a->compare].preset.law)) {
		snprintf(a->status, sizeof a->status, "d needs two laws with a loss surface");
		return KEY_HANDLED;
	}
	a->delta = !a->delta;
	return KEY_REDRAW;
}

static enum key_result toggle_markers(struct app *a, int key)
{
	(void)key;
	a->markers = !a->markers;
	return KEY_REDRAW;
}

static enum key_result view_inference(struct app *a, int key)
{
	(void)key;
	app_toggle_inference(a);
	if (a->inference && !law_has_surface(app_law(a)))
		snprintf(a->status, sizeof a->status,
		         "T prices a loss: a frontier law has none (w: pick an additive law)");
	return KEY_REDRAW;
}

static enum key_result view_data(struct app *a, int key)
{
	(void)key;
	app_toggle_data(a);
	if (a->data && app_law(a)->family != LAW_DATA_CONSTRAINED)
		snprintf(a->status, sizeof a->status,
		         "U changes the loss only under a data-constrained law (w: "
		         "muennighoff2023)");
	return KEY_REDRAW;
}

static enum key_result view_testtime(struct app *a, int key)
{
	(void)key;
	app_toggle_testtime(a);
	return KEY_REDRAW;
}

static enum key_result view_hardware(struct app *a, int key)
{
	(void)key;
	return app_toggle_hardware(a) ? KEY_REDRAW : KEY_HANDLED;
}

static enum key_result next_accelerator(struct app *a, int key)
{
	(void)key;
	if (!a->hardware)
		snprintf(a->status, sizeof a->status, "a picks the accelerator: g opens the view");
	app_next_accelerator(a);
	return KEY_HANDLED;
}

static enum key_result cycle_follow(struct app *a, int key)
{
	(void)key;
	if (!a->hardware)
		snprintf(a->status, sizeof a->status,
		         "f picks what follows from count, days and C: g opens the view");
	app_cycle_follow(a);
	return KEY_HANDLED;
}

static enum key_result edit_law(struct app *a, int key)
{
	(void)key;
	return app_toggle_editing(a) ? KEY_REDRAW : KEY_HANDLED;
}

static enum key_result save_law(struct app *a, int key)
{
	(void)key;
	if (!a->edited) {
		snprintf(a->status, sizeof a->status, "s saves an edited law: e edits one first");
		return KEY_HANDLED;
	}
	a->mode = MODE_SAVE;
	a->entry[0] = '\0';
	return KEY_HANDLED;
}

static enum key_result help(struct app *a, int key)
{
	(void)key;
	a->mode = MODE_HELP;
	a->pick = 0; /* the help's scroll position */
	return KEY_HANDLED;
}

static enum key_result quit(struct app *a, int key)
{
	(void)a;
	(void)key;
	return KEY_QUIT;
}

/* names | help | codes | handler: the order of the help overlay and the man page */
const struct key_binding key_table[] = {
        {"Tab Down j", "focus the next slider", {KEYC_TAB, KEYC_DOWN, 'j'}, focus_next},
        {"S-Tab Up k", "focus the previous slider", {KEYC_BTAB, KEYC_UP, 'k'}, focus_prev},
        {"Left Right h l", "move the slider 1/20 decade", {KEYC_LEFT, KEYC_RIGHT, 'h', 'l'}, move},
        {"PgDn PgUp H L", "move it half a decade", {KEYC_PGDN, KEYC_PGUP, 'H', 'L'}, move},
        {"=", "type a value: 70B, 1.4T, 3e23", {'='}, enter_value},
        {"x", "lock the next of C, N, D", {'x'}, cycle_lock},
        {"o", "snap to the compute-optimal point at this C", {'o'}, snap},
        {"p", "pick a model and jump to it", {'p'}, pick_model},
        {"w", "pick a law", {'w'}, pick_law},
        {"c", "compare with a second law (its frontier: o)", {'c'}, pick_compare},
        {"d", "map the difference of the two laws' losses", {'d'}, toggle_delta},
        {"m", "model markers on or off", {'m'}, toggle_markers},
        {"i", "inference view: T slider, inference-aware frontier %", {'i'}, view_inference},
        {"u", "data view: U slider, 4 epochs (=), data wall (:)", {'u'}, view_data},
        {"t", "test-time view: T and M sliders, the FLOPs-matched panel", {'t'}, view_testtime},
        {"g", "hardware view: accelerator count, days, MFU give C", {'g'}, view_hardware},
        {"a", "hardware view: the next accelerator", {'a'}, next_accelerator},
        {"f", "hardware view: days, count or C follows", {'f'}, cycle_follow},
        {"e", "edit the law: sliders for E, A, B, alpha, beta", {'e'}, edit_law},
        {"s", "save the edited law under a new id", {'s'}, save_law},
        {"click", "map: move there, a tag: to its model; a bar: set it", {0}, NULL},
        {"?", "show these keys", {'?'}, help},
        {"q Esc", "quit", {'q', KEYC_ESC}, quit},
};

const size_t key_table_len = sizeof key_table / sizeof *key_table;

const struct key_binding *key_lookup(int key)
{
	for (size_t i = 0; i < key_table_len; i++)
		for (int j = 0; key_table[i].codes[j] != 0; j++)
			if (key_table[i].codes[j] == key)
				return &key_table[i];
	return NULL;
}
