/*
 * keys.c: the key tables of every mode and their handlers, and the dispatch
 * of a key to its mode's table. Handlers change the state through app.h's
 * setters and never draw.
 */
#include <stdio.h>
#include <string.h>

#include "app_views.h"
#include "cmdline.h"
#include "keys.h"
#include "record.h"
#include "tour_play.h"

/* A table and its length, for struct key_mode. */
#define ROWS(t) t, sizeof t / sizeof *t

/* ---- the explore mode ---- */

static enum key_result focus_next(struct app *a, int key)
{
	(void)key;
	app_focus_by(a, 1);
	return KEY_HANDLED;
}

static enum key_result focus_prev(struct app *a, int key)
{
	(void)key;
	app_focus_by(a, -1);
	return KEY_HANDLED;
}

static enum key_result move(struct app *a, int key)
{
	double step = key == KEYC_LEFT || key == 'h'    ? -APP_STEP_FINE
	              : key == KEYC_RIGHT || key == 'l' ? APP_STEP_FINE
	              : key == KEYC_PGDN || key == 'H'  ? -APP_STEP_COARSE
	                                                : APP_STEP_COARSE;
	app_step(a, a->scene.focus, step);
	return KEY_HANDLED;
}

static enum key_result enter_value(struct app *a, int key)
{
	(void)key;
	app_open(a, MODE_ENTRY);
	return KEY_HANDLED;
}

static enum key_result cycle_lock(struct app *a, int key)
{
	(void)key;
	app_cycle_lock(a);
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
		app_status(a, "no model presets loaded");
		return KEY_HANDLED;
	}
	app_open(a, MODE_PICK_MODEL);
	return KEY_HANDLED;
}

static enum key_result pick_marks(struct app *a, int key)
{
	(void)key;
	if (a->catalog->nmodels == 0) {
		app_status(a, "no model presets loaded");
		return KEY_HANDLED;
	}
	app_open(a, MODE_PICK_MARKS);
	return KEY_HANDLED;
}

static enum key_result pick_law(struct app *a, int key)
{
	(void)key;
	app_open(a, MODE_PICK_LAW);
	return KEY_HANDLED;
}

static enum key_result pick_testtime(struct app *a, int key)
{
	(void)key;
	if (a->catalog->ntesttimes == 0) {
		app_status(a, "no test-time law presets loaded (presets/testtime)");
		return KEY_HANDLED;
	}
	app_open(a, MODE_PICK_TT);
	return KEY_HANDLED;
}

static enum key_result pick_compare(struct app *a, int key)
{
	(void)key;
	app_open(a, MODE_PICK_COMPARE);
	return KEY_HANDLED;
}

static enum key_result toggle_delta(struct app *a, int key)
{
	(void)key;
	app_toggle_delta(a);
	return KEY_HANDLED;
}

/* 'A': the map's contours of the error --downstream derives from L, or of L again. */
static enum key_result toggle_error_contours(struct app *a, int key)
{
	(void)key;
	if (a->downstream == NULL) {
		app_status(a,
		           "A: no downstream map: start with --downstream gadre2024 (or your own)");
		return KEY_HANDLED;
	}
	a->error_contours = !a->error_contours;
	app_status(a, "%s",
	           a->error_contours ? "contours: top-1 error (derived)" : "contours: loss");
	return KEY_HANDLED;
}

static enum key_result toggle_markers(struct app *a, int key)
{
	(void)key;
	app_toggle_markers(a);
	return KEY_HANDLED;
}

static enum key_result toggle_zoom(struct app *a, int key)
{
	(void)key;
	app_toggle_zoom(a);
	return KEY_HANDLED;
}

static enum key_result toggle_big(struct app *a, int key)
{
	(void)key;
	app_toggle_big(a);
	return KEY_HANDLED;
}

/* A view's key, as its row in app_views.c's table names it: the view opens or closes. */
static enum key_result view_key(struct app *a, int key)
{
	const struct app_view *v = app_view_by_key(key);

	if (v != NULL)
		app_view_key(a, v->id);
	return KEY_HANDLED;
}

static enum key_result next_accelerator(struct app *a, int key)
{
	(void)key;
	if (!app_view_on(a, TOUR_VIEW_HARDWARE))
		app_status(a, "a picks the accelerator: g opens the view");
	app_next_accelerator(a);
	return KEY_HANDLED;
}

static enum key_result cycle_follow(struct app *a, int key)
{
	(void)key;
	if (!app_view_on(a, TOUR_VIEW_HARDWARE))
		app_status(a, "f picks what follows from count, days and C: g opens the view");
	app_cycle_follow(a);
	return KEY_HANDLED;
}

static enum key_result open_save(struct app *a, int key)
{
	(void)key;
	if (!a->scene.edited) {
		app_status(a, "s saves an edited law: e edits one first");
		return KEY_HANDLED;
	}
	app_open(a, MODE_SAVE);
	return KEY_HANDLED;
}

static enum key_result open_record(struct app *a, int key)
{
	(void)key;
	if (!a->record_path[0]) {
		app_status(a,
		           "r records into a tour: set HOME or XDG_CONFIG_HOME, or --record FILE");
		return KEY_HANDLED;
	}
	app_open(a, MODE_RECORD);
	return KEY_HANDLED;
}

static enum key_result help(struct app *a, int key)
{
	(void)key;
	app_open(a, MODE_HELP);
	return KEY_HANDLED;
}

/* 'y': the command line of this view to the clipboard (OSC 52) and the status line. */
static enum key_result copy_cmdline(struct app *a, int key)
{
	char line[APP_CLIP_MAX], missing[96], status[APP_STATUS_MAX];

	(void)key;
	if (!cmdline_of(a, line, sizeof line, missing, sizeof missing)) {
		app_status(a, "y: the command line is too long to copy");
		return KEY_HANDLED;
	}
	app_copy(a, line);
	/* what is left out named first, briefly; the line cut to the narrowest status line */
	cmdline_status(line, missing, APP_STATUS_COLUMNS, status, sizeof status);
	app_status(a, "%s", status);
	return KEY_HANDLED;
}

/* + - . 0: the map's window about the point, centred on it, or the first one. */
static enum key_result window_key(struct app *a, int key)
{
	if (key == '.')
		app_centre_window(a);
	else if (key == '0')
		app_default_window(a);
	else if (!app_zoom(a, key == '+' ? 1 : -1)) /* at its limit: said, not silent */
		app_status(a, key == '+' ? "the map is as narrow as it goes: a decade each way"
		                         : "the map spans all it can: 100 to 1e16 parameters");
	return KEY_HANDLED;
}

static enum key_result quit(struct app *a, int key)
{
	(void)a;
	(void)key;
	return KEY_QUIT;
}

/* Esc where no dialog is open: never the end of a talk, a hint at what is. */
static enum key_result esc_hint(struct app *a, int key)
{
	(void)key;
	if (a->detoured)
		app_status(a, "Esc stays: Enter returns to step %d, q quits", a->detour_from + 1);
	else
		app_status(a, "Esc closes dialogs; q quits");
	return KEY_HANDLED;
}

/* names | help | codes | handler: the order of the help overlay and the man page */
const struct key_binding key_table[] = {
        {"Tab Down j", "focus the next slider", {KEYC_TAB, KEYC_DOWN, 'j'}, focus_next},
        {"S-Tab Up k", "focus the previous slider", {KEYC_BTAB, KEYC_UP, 'k'}, focus_prev},
        {"Left Right h l", "move the slider 1/20 decade", {KEYC_LEFT, KEYC_RIGHT, 'h', 'l'}, move},
        {"PgDn PgUp H L", "move it half a decade", {KEYC_PGDN, KEYC_PGUP, 'H', 'L'}, move},
        {"=", "type a value: 70B, 1.4T, 3e23", {'='}, enter_value},
        {"x", "lock the next of C, N, D (in X: total, train, test)", {'x'}, cycle_lock},
        {"o", "snap to the compute-optimal point at this C", {'o'}, snap},
        {"p", "pick a model and jump to it", {'p'}, pick_model},
        {"M", "mark models: always labelled whole (Space toggles)", {'M'}, pick_marks},
        {"w", "pick a law", {'w'}, pick_law},
        {"c", "compare with a law, or this law to stop (frontier: #)", {'c'}, pick_compare},
        {"d", "map the difference of the two laws' losses", {'d'}, toggle_delta},
        {"m", "model markers on or off", {'m'}, toggle_markers},
        {"A",
         "map contours of top-1 error (--downstream) or of loss",
         {'A'},
         toggle_error_contours},
        {"z", "profiles: zoom on this C's curve, or every budget", {'z'}, toggle_zoom},
        {"+ -", "zoom the map in or out about the point", {'+', '-'}, window_key},
        {".", "centre the map on the point", {'.'}, window_key},
        {"0", "the map's first window", {'0'}, window_key},
        {"b", "big readout: L, efficiency, C (in X and K: their own)", {'b'}, toggle_big},
        {"i", "inference view: T slider, inference-aware frontier %", {'i'}, view_key},
        {"u", "data view: U slider, 4 epochs (=), data wall (:)", {'u'}, view_key},
        {"t", "test-time view: T and M sliders, FLOPs-matched panel", {'t'}, view_key},
        {"g", "hardware view: accelerator count, days, MFU give C", {'g'}, view_key},
        {"a", "hardware view: the next accelerator", {'a'}, next_accelerator},
        {"f", "hardware view: days, count or C follows", {'f'}, cycle_follow},
        {"e", "edit the law: sliders for E, A, B, alpha, beta", {'e'}, view_key},
        {"C", "compute view: L*(C), the models, E floor, next 10x", {'C'}, view_key},
        {"T", "timeline view: models by year, the data wall's year", {'T'}, view_key},
        {"X", "train x test plane: train/test/problems/total sliders", {'X'}, view_key},
        {"K", "coverage view: coverage against samples k, a target", {'K'}, view_key},
        {"D", "domains view: each domain's L(C), this law's as @", {'D'}, view_key},
        {"W", "pick a test-time law (for X and K)", {'W'}, pick_testtime},
        {"s", "save the edited law under a new id", {'s'}, open_save},
        {"r", "record this view as a tour step (asks a caption)", {'r'}, open_record},
        {"y", "copy the command line of this view (OSC 52)", {'y'}, copy_cmdline},
        {"click", "map: move there, a tag: to its model; a bar: set it", {0}, NULL},
        {"?", "show these keys", {'?'}, help},
        {"Esc", "close a dialog; never quits", {KEYC_ESC}, esc_hint},
        {"q", "quit (in a tour: asks first)", {'q'}, quit},
};

const size_t key_table_len = sizeof key_table / sizeof *key_table;

/* ---- typing a value after '=', an id after 's' or a caption after 'r' ---- */

static enum key_result entry_done(struct app *a, int key)
{
	(void)key;
	if (a->mode == MODE_RECORD)
		record_entry_done(a);
	else
		app_entry_done(a);
	return KEY_HANDLED;
}

static enum key_result close_dialog(struct app *a, int key)
{
	(void)key;
	app_close(a);
	return KEY_HANDLED;
}

static enum key_result entry_erase(struct app *a, int key)
{
	(void)key;
	app_entry_erase(a);
	return KEY_HANDLED;
}

static enum key_result entry_type(struct app *a, int key)
{
	return app_entry_type(a, key) ? KEY_HANDLED : KEY_IGNORED;
}

static const struct key_binding entry_keys[] = {
        {"Enter", "set the value (save the law, record the step)", {KEYC_ENTER, '\r'}, entry_done},
        {"Esc", "cancel", {KEYC_ESC}, close_dialog},
        {"Backspace", "erase a character", {KEYC_BACKSPACE, '\b'}, entry_erase},
};

/* ---- the pickers of models (p), laws (w) and the law compared with (c) ---- */

static size_t picker_rows(const struct app *a)
{
	return a->mode == MODE_PICK_MODEL || a->mode == MODE_PICK_MARKS ? a->catalog->nmodels
	       : a->mode == MODE_PICK_TT                                ? a->catalog->ntesttimes
	                                                                : app_law_rows(a);
}

static enum key_result pick_up(struct app *a, int key)
{
	app_pick_move(a, key == KEYC_PGUP ? -10 : -1, picker_rows(a), key != KEYC_PGUP);
	return KEY_HANDLED;
}

static enum key_result pick_down(struct app *a, int key)
{
	app_pick_move(a, key == KEYC_PGDN ? 10 : 1, picker_rows(a), key != KEYC_PGDN);
	return KEY_HANDLED;
}

static enum key_result pick_choose(struct app *a, int key)
{
	(void)key;
	app_pick_choose(a);
	return KEY_HANDLED;
}

static enum key_result pick_first(struct app *a, int key)
{
	(void)key;
	app_pick_move(a, -(int)picker_rows(a), picker_rows(a), false);
	return KEY_HANDLED;
}

static enum key_result pick_last(struct app *a, int key)
{
	(void)key;
	app_pick_move(a, (int)picker_rows(a), picker_rows(a), false);
	return KEY_HANDLED;
}

/* Any other printable key: type-ahead, to the first row whose id or name starts so. */
static enum key_result pick_seek(struct app *a, int key)
{
	if (key <= ' ' || key > '~')
		return KEY_IGNORED;
	app_pick_seek(a, key);
	return KEY_HANDLED;
}

/* letters are type-ahead here, so only keys that type nothing move the row */
static const struct key_binding picker_keys[] = {
        {"Up", "the row above (round to the last)", {KEYC_UP}, pick_up},
        {"Down Tab", "the row below (round to the first)", {KEYC_DOWN, KEYC_TAB}, pick_down},
        {"PgUp", "ten rows up", {KEYC_PGUP}, pick_up},
        {"PgDn", "ten rows down", {KEYC_PGDN}, pick_down},
        {"Home", "the first row", {KEYC_HOME}, pick_first},
        {"End", "the last row", {KEYC_END}, pick_last},
        {"Enter", "take the row", {KEYC_ENTER, '\r'}, pick_choose},
        {"Esc", "cancel", {KEYC_ESC}, close_dialog},
};

static enum key_result mark_toggle(struct app *a, int key)
{
	(void)key;
	app_toggle_mark(a, a->pick);
	return KEY_HANDLED;
}

/* the marks picker: rows move as in the others; Space marks, Enter is done */
static const struct key_binding marks_keys[] = {
        {"Up k", "the row above (round to the last)", {KEYC_UP, 'k'}, pick_up},
        {"Down j Tab", "the row below (round to the first)", {KEYC_DOWN, 'j', KEYC_TAB}, pick_down},
        {"PgUp", "ten rows up", {KEYC_PGUP}, pick_up},
        {"PgDn", "ten rows down", {KEYC_PGDN}, pick_down},
        {"Space", "mark or unmark the row's model", {' '}, mark_toggle},
        {"Enter Esc q", "close", {KEYC_ENTER, '\r', KEYC_ESC, 'q'}, close_dialog},
};

/* ---- the help: the arrows scroll a help taller than the screen (the drawing clamps) ---- */

static enum key_result help_up(struct app *a, int key)
{
	app_pick_move(a, key == KEYC_PGUP ? -10 : -1, key_help_len(a), false);
	return KEY_HANDLED;
}

static enum key_result help_down(struct app *a, int key)
{
	app_pick_move(a, key == KEYC_PGDN ? 10 : 1, key_help_len(a), false);
	return KEY_HANDLED;
}

static const struct key_binding help_keys[] = {
        {"Up k PgUp", "scroll up", {KEYC_UP, 'k', KEYC_PGUP}, help_up},
        {"Down j PgDn", "scroll down", {KEYC_DOWN, 'j', KEYC_PGDN}, help_down},
};

/* ---- a tour: its own keys, then every explorer key as a detour ---- */

static enum key_result tour_next(struct app *a, int key)
{
	(void)key;
	if (a->step + 1 >= a->tour->nsteps)
		app_status(a, "the last step: q quits; the explorer's keys explore from here");
	else
		tour_play_show(a, a->step + 1);
	return KEY_HANDLED;
}

/* Enter: back to the step a detour left, shown afresh; else the next step. */
static enum key_result tour_enter(struct app *a, int key)
{
	if (!a->detoured)
		return tour_next(a, key);
	tour_play_show(a, a->detour_from);
	return KEY_HANDLED;
}

static enum key_result tour_back(struct app *a, int key)
{
	(void)key;
	tour_play_show(a, a->step - 1);
	return KEY_HANDLED;
}

static enum key_result tour_jump(struct app *a, int key)
{
	(void)key;
	app_jump_begin(a);
	app_clear_status(a);
	return KEY_HANDLED;
}

static enum key_result tour_ask_quit(struct app *a, int key)
{
	(void)key;
	app_ask_quit(a, true);
	return KEY_HANDLED;
}

/*
 * Any other key in a tour: the explorer's own, as a detour from the step
 * (Enter comes back); the status line says how to return.
 */
static enum key_result tour_detour(struct app *a, int key)
{
	const struct key_binding *b = key_lookup(key);

	if (b == NULL)
		return KEY_IGNORED;
	app_clear_status(a);
	enum key_result r = b->handler(a, key);
	app_detour(a);
	return r;
}

/* PgDn and PgUp step as a presenter's remote sends them; the arrows move sliders. */
static const struct key_binding tour_keys[] = {
        {"Space PgDn", "the next step", {' ', KEYC_PGDN}, tour_next},
        {"Enter",
         "back to the step a detour left; else the next step",
         {KEYC_ENTER, '\r'},
         tour_enter},
        {"Backspace PgUp", "the step before", {KEYC_BACKSPACE, '\b', KEYC_PGUP}, tour_back},
        {"g", "go to step number N: g N Enter", {'g'}, tour_jump},
        {"Esc", "stays in the tour", {KEYC_ESC}, esc_hint},
        {"q", "quit, after y to the question", {'q'}, tour_ask_quit},
};

#define TOUR_KEYS_LEN (sizeof tour_keys / sizeof *tour_keys)

/* In a tour the help lists the tour's keys first: there g goes to a step, not the hardware. */
size_t key_help_len(const struct app *a)
{
	return key_table_len + (a->tour != NULL ? TOUR_KEYS_LEN + 1 : 0);
}

void key_help_line(const struct app *a, size_t i, char *buf, size_t size)
{
	size_t tour = a->tour != NULL ? TOUR_KEYS_LEN + 1 : 0;

	if (i + 1 < tour)
		snprintf(buf, size, "%-16s %s", tour_keys[i].names, tour_keys[i].help);
	else if (i + 1 == tour)
		snprintf(buf, size, "in a tour every key below is a detour: Enter returns");
	else
		snprintf(buf, size, "%-16s %s", key_table[i - tour].names,
		         key_table[i - tour].help);
}

/* ---- 'q' in a tour: y quits, any other key goes on with the tour ---- */

static enum key_result quit_cancel(struct app *a, int key)
{
	(void)key;
	app_ask_quit(a, false);
	return KEY_HANDLED;
}

static const struct key_binding confirm_keys[] = {
        {"y", "quit the tour and isoflop", {'y', 'Y'}, quit},
};

/* ---- 'g N' in a tour: digits, then Enter; any other key cancels ---- */

static enum key_result jump_digit(struct app *a, int key)
{
	if (!app_jump_digit(a, key))
		app_jump_end(a); /* no room for more: as any other key */
	return KEY_HANDLED;
}

static enum key_result jump_go(struct app *a, int key)
{
	(void)key;
	int number = app_jump_end(a);
	if (number >= 1 && number <= a->tour->nsteps)
		tour_play_show(a, number - 1);
	else if (number >= 0) /* a step the tour lacks is said, not silently clamped */
		app_status(a, "no step %d: the tour has steps 1 to %d", number, a->tour->nsteps);
	return KEY_HANDLED;
}

static enum key_result jump_cancel(struct app *a, int key)
{
	(void)key;
	app_jump_end(a);
	return KEY_HANDLED;
}

static const struct key_binding jump_keys[] = {
        {"0-9",
         "the step's number",
         {'0', '1', '2', '3', '4', '5', '6', '7', '8', '9'},
         jump_digit},
        {"Enter", "go to that step", {KEYC_ENTER, '\r'}, jump_go},
};

/* ---- dispatch ---- */

static const struct key_mode explore_mode = {ROWS(key_table), NULL, true};
static const struct key_mode entry_mode = {ROWS(entry_keys), entry_type, false};
static const struct key_mode picker_mode = {ROWS(picker_keys), pick_seek, false};
static const struct key_mode marks_mode = {ROWS(marks_keys), pick_seek, false};
static const struct key_mode help_mode = {ROWS(help_keys), close_dialog, false};
static const struct key_mode tour_mode = {ROWS(tour_keys), tour_detour, false};
static const struct key_mode confirm_mode = {ROWS(confirm_keys), quit_cancel, false};
static const struct key_mode jump_mode = {ROWS(jump_keys), jump_cancel, false};

const struct key_mode *key_mode_of(const struct app *a)
{
	switch (a->mode) {
	case MODE_TOUR:
		return a->asking_quit ? &confirm_mode : a->jumping ? &jump_mode : &tour_mode;
	case MODE_ENTRY:
	case MODE_SAVE:
	case MODE_RECORD:
		return &entry_mode;
	case MODE_HELP:
		return &help_mode;
	case MODE_PICK_MODEL:
	case MODE_PICK_LAW:
	case MODE_PICK_COMPARE:
	case MODE_PICK_TT:
		return &picker_mode;
	case MODE_PICK_MARKS:
		return &marks_mode;
	case MODE_EXPLORE:
	default:
		return &explore_mode;
	}
}

const struct key_binding *key_in_mode(const struct key_mode *m, int key)
{
	for (size_t i = 0; i < m->len; i++)
		for (int j = 0; m->keys[i].codes[j] != 0; j++)
			if (m->keys[i].codes[j] == key)
				return &m->keys[i];
	return NULL;
}

const struct key_binding *key_lookup(int key)
{
	return key_in_mode(&explore_mode, key);
}

enum key_result app_key(struct app *a, int key)
{
	const struct key_mode *m = key_mode_of(a);
	const struct key_binding *b = key_in_mode(m, key);

	if (b == NULL)
		return m->other != NULL ? m->other(a, key) : KEY_IGNORED;
	if (m->clears_status)
		app_clear_status(a);
	return b->handler(a, key);
}
