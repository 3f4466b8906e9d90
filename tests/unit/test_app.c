/*
 * test_app.c: the explorer's state changes, without a terminal: the lock
 * holds while a slider moves (C = k N D), values clamp at the window, 'o'
 * snaps to Chinchilla's closed-form optimum, typed values parse or report,
 * and the key table is unambiguous.
 */
#include <errno.h>
#include <glob.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../../model/optimum.h"
#include "../../presets/write.h"
#include "../../tui/explore/app.h"
#include "../../tui/explore/app_views.h"
#include "../../tui/explore/explorer.h"
#include "../../tui/explore/keys.h"
#include "../../tui/explore/tour_play.h"
#include "fixtures.h"
#include "catalog_fixture.h"

static void write_law_for_test(FILE *fp, const void *p)
{
	preset_write_law(fp, p, NULL);
}

static void start(struct app *a, const char *law)
{
	const struct catalog_entry *e = catalog_law(&cat, law);

	assert_non_null(e);
	app_init(a, &cat, (size_t)(e - cat.laws));
}

/* The default start (besiroglu2024, Chinchilla's point) in an explorer drawing 80x24. */
static void start_explorer(struct app *a, struct explorer *e, struct canvas *c)
{
	start(a, "besiroglu2024");
	explorer_init(e);
	assert_int_equal(canvas_init(c, 80, 24), 0);
}

static void press(struct app *a, int key, enum key_result want)
{
	assert_int_equal(app_key(a, key), want);
}

/* The default start is Chinchilla's point (Hoffmann et al. 2022: 70B, 1.4T), C locked. */
static void starts_at_chinchilla(void **state)
{
	(void)state;
	struct app a;

	start(&a, "besiroglu2024");
	assert_rel(a.scene.n, 70e9, 1e-12);
	assert_rel(a.scene.d, 1.4e12, 1e-12);
	assert_int_equal(a.scene.lock, SLIDER_C);
	assert_int_equal(a.scene.focus, SLIDER_N);
	assert_true(a.scene.markers);
}

/* C locked: moving N walks the iso-FLOP line, D = C / (k N). */
static void c_locked_walks_the_isoflop_line(void **state)
{
	(void)state;
	struct app a;

	start(&a, "besiroglu2024");
	double c = 6 * 70e9 * 1.4e12;
	press(&a, KEYC_RIGHT, KEY_HANDLED);
	assert_rel(a.scene.n, 70e9 * pow(10, 0.05), 1e-12);
	assert_rel(a.scene.d, c / (6 * a.scene.n), 1e-12);
	press(&a, 'H', KEY_HANDLED);
	assert_rel(a.scene.n, 70e9 * pow(10, -0.45), 1e-12);
	assert_rel(6 * a.scene.n * a.scene.d, c, 1e-12);
	/* moving D moves N instead */
	press(&a, KEYC_TAB, KEY_HANDLED);
	press(&a, 'l', KEY_HANDLED);
	assert_rel(6 * a.scene.n * a.scene.d, c, 1e-12);
}

/* N locked: moving D changes C; moving C changes D. D locked: moving C changes N. */
static void other_locks_hold(void **state)
{
	(void)state;
	struct app a;

	start(&a, "besiroglu2024");
	press(&a, 'x', KEY_HANDLED);
	assert_int_equal(a.scene.lock, SLIDER_N);
	press(&a, KEYC_DOWN, KEY_HANDLED); /* focus D */
	press(&a, KEYC_PGUP, KEY_HANDLED);
	assert_rel(a.scene.n, 70e9, 1e-12);
	assert_rel(a.scene.d, 1.4e12 * pow(10, 0.5), 1e-12);
	press(&a, KEYC_DOWN, KEY_HANDLED); /* focus C */
	press(&a, KEYC_LEFT, KEY_HANDLED);
	assert_rel(a.scene.n, 70e9, 1e-12);
	assert_rel(a.scene.d, 1.4e12 * pow(10, 0.45), 1e-12);

	press(&a, 'x', KEY_HANDLED);
	assert_int_equal(a.scene.lock, SLIDER_D);
	double d = a.scene.d;
	press(&a, KEYC_RIGHT, KEY_HANDLED); /* C up: N follows */
	assert_rel(a.scene.d, d, 1e-12);
	assert_rel(a.scene.n, 70e9 * pow(10, 0.05), 1e-12);
	press(&a, 'x', KEY_HANDLED);
	assert_int_equal(a.scene.lock, SLIDER_C);
}

/* Values clamp at the window, and the lock still holds at the edge. */
static void clamps_at_the_window(void **state)
{
	(void)state;
	struct app a;

	start(&a, "besiroglu2024");
	double c = 6 * a.scene.n * a.scene.d;
	for (int i = 0; i < 40; i++)
		press(&a, 'L', KEY_HANDLED); /* N up 20 decades, C locked: N stops at 10T */
	assert_rel(a.scene.n, 1e13, 1e-12);
	assert_rel(a.scene.d, c / (6 * 1e13), 1e-12);
	for (int i = 0; i < 60; i++)
		press(&a, 'H', KEY_HANDLED); /* down: D reaches 100T before N reaches 10M */
	assert_rel(a.scene.d, 1e14, 1e-12);
	assert_rel(a.scene.n, c / (6 * 1e14), 1e-12);
	/* C itself stops where N or D would leave the window */
	press(&a, KEYC_TAB, KEY_HANDLED);
	press(&a, KEYC_TAB, KEY_HANDLED);
	press(&a, 'x', KEY_HANDLED); /* N locked: C moves D */
	for (int i = 0; i < 40; i++)
		press(&a, 'L', KEY_HANDLED);
	assert_rel(a.scene.d, 1e14, 1e-12);
	assert_rel(6 * a.scene.n * a.scene.d, 6 * a.scene.n * 1e14, 1e-12);
}

/*
 * 'o' puts the point at Chinchilla's closed form (Hoffmann et al. 2022,
 * Eq. 4) at the current C: N* = G (C/6)^(beta/(alpha+beta)).
 */
static void o_snaps_to_the_closed_form(void **state)
{
	(void)state;
	struct app a;
	struct law law = fixture_law("hoffmann2022-unrounded");

	start(&a, "hoffmann2022-unrounded");
	app_set(&a, SLIDER_C, 5.76e23);
	press(&a, 'o', KEY_HANDLED);
	double ab = law.alpha + law.beta, c6 = 5.76e23 / 6;
	double g = pow(law.alpha * law.A / (law.beta * law.B), 1 / ab);
	assert_rel(a.scene.n, g * pow(c6, law.beta / ab), 1e-9);
	assert_rel(a.scene.d, pow(c6, law.alpha / ab) / g, 1e-9);
	assert_rel(a.scene.n, 40.4e9, 0.01); /* the paper's 40B for Gopher's budget */
}

/* '=' takes a value in short units; bad text leaves the point and says why. */
static void typed_values(void **state)
{
	(void)state;
	struct app a;

	start(&a, "besiroglu2024");
	press(&a, 'x', KEY_HANDLED); /* lock N: typing D moves C */
	press(&a, KEYC_TAB, KEY_HANDLED);
	press(&a, '=', KEY_HANDLED);
	assert_int_equal(a.mode, MODE_ENTRY);
	for (const char *p = "2T"; *p; p++)
		press(&a, *p, KEY_HANDLED);
	press(&a, KEYC_ENTER, KEY_HANDLED);
	assert_int_equal(a.mode, MODE_EXPLORE);
	assert_rel(a.scene.d, 2e12, 1e-12);
	assert_rel(a.scene.n, 70e9, 1e-12);
	assert_string_equal(a.status, "");

	press(&a, '=', KEY_HANDLED);
	press(&a, 'x', KEY_HANDLED);
	press(&a, 'y', KEY_HANDLED);
	press(&a, KEYC_BACKSPACE, KEY_HANDLED);
	press(&a, KEYC_ENTER, KEY_HANDLED);
	assert_rel(a.scene.d, 2e12, 1e-12);
	assert_non_null(strstr(a.status, "'x'"));
	assert_true(strncmp(a.status, "D: ", 3) == 0);

	/* out of the window: clamped, and said so */
	press(&a, '=', KEY_HANDLED);
	for (const char *p = "1e20"; *p; p++)
		press(&a, *p, KEY_HANDLED);
	press(&a, KEYC_ENTER, KEY_HANDLED);
	assert_rel(a.scene.d, 1e14, 1e-12);
	assert_non_null(strstr(a.status, "clamped"));

	press(&a, '=', KEY_HANDLED);
	press(&a, KEYC_ESC, KEY_HANDLED);
	assert_int_equal(a.mode, MODE_EXPLORE);
}

/* Pickers: a model jump moves the point; a law switch asks for a full redraw. */
static void pickers(void **state)
{
	(void)state;
	struct app a;

	start(&a, "besiroglu2024");
	press(&a, 'p', KEY_HANDLED);
	assert_int_equal(a.mode, MODE_PICK_MODEL);
	press(&a, KEYC_ENTER, KEY_HANDLED);
	const struct preset *m = &cat.models[0].preset;
	assert_rel(a.scene.n, m->active_params > 0 ? m->active_params : m->params, 1e-12);
	assert_rel(a.scene.d, m->tokens, 1e-12);

	size_t law = a.scene.law;
	press(&a, 'w', KEY_HANDLED);
	press(&a, KEYC_DOWN, KEY_HANDLED);
	press(&a, KEYC_ENTER, KEY_HANDLED);
	assert_int_equal(a.scene.law, (law + 1) % cat.nlaws);
	press(&a, 'w', KEY_HANDLED);
	press(&a, KEYC_ESC, KEY_HANDLED);
	assert_int_equal(a.scene.law, (law + 1) % cat.nlaws);

	press(&a, 'm', KEY_HANDLED);
	assert_false(a.scene.markers);
	press(&a, '?', KEY_HANDLED);
	assert_int_equal(a.mode, MODE_HELP);
	press(&a, '~', KEY_HANDLED); /* any key closes the help */
	assert_int_equal(a.mode, MODE_EXPLORE);
	press(&a, '~', KEY_IGNORED);
	press(&a, KEYC_ESC, KEY_HANDLED); /* never quits: says which key does */
	assert_non_null(strstr(a.status, "q quits"));
	press(&a, 'q', KEY_QUIT);
}

/* A mixture of experts sits at its active parameters until the point moves. */
static void moe_models_use_active_parameters(void **state)
{
	(void)state;
	struct app a;
	const struct catalog_entry *m = catalog_model(&cat, "deepseek-v3");

	assert_non_null(m);
	start(&a, "besiroglu2024");
	app_jump_model(&a, (size_t)(m - cat.models));
	/* DeepSeek-V3 report, abstract: 37B activated of 671B */
	assert_rel(a.scene.n, 37e9, 1e-12);
	assert_int_equal(a.scene.model, m - cat.models);
	press(&a, KEYC_RIGHT, KEY_HANDLED);
	assert_int_equal(a.scene.model, -1);
}

/* c picks a law to compare with; d maps the difference only once there is one. */
static void compare_and_delta(void **state)
{
	(void)state;
	struct app a;

	start(&a, "besiroglu2024");
	press(&a, 'd', KEY_HANDLED);
	assert_false(a.delta);
	assert_non_null(strstr(a.status, "pick a law with c"));
	press(&a, 'c', KEY_HANDLED);
	assert_int_equal(a.mode, MODE_PICK_COMPARE);
	/* hoffmann2022 sorts right after besiroglu2024 and deepseek2024 */
	const struct catalog_entry *h = catalog_law(&cat, "hoffmann2022");
	while (a.pick != (size_t)(h - cat.laws))
		press(&a, KEYC_DOWN, KEY_HANDLED);
	press(&a, KEYC_ENTER, KEY_HANDLED);
	assert_int_equal(a.compare, h - cat.laws);
	press(&a, 'd', KEY_HANDLED);
	assert_true(a.delta);
	/* picking the current law itself ends the comparison, and the difference map */
	press(&a, 'c', KEY_HANDLED);
	while (a.pick != a.scene.law)
		press(&a, KEYC_UP, KEY_HANDLED);
	press(&a, KEYC_ENTER, KEY_HANDLED);
	assert_int_equal(a.compare, -1);
	assert_false(a.delta);
}

/* No key is bound twice, and every binding says what it does. */
static void key_table_is_unambiguous(void **state)
{
	(void)state;
	for (size_t i = 0; i < key_table_len; i++) {
		/* a row with keys has a handler; the mouse's row (no key) has none */
		assert_int_equal(key_table[i].handler != NULL, key_table[i].codes[0] != 0);
		assert_true(strlen(key_table[i].help) > 0 && strlen(key_table[i].names) > 0);
		for (int j = 0; key_table[i].codes[j]; j++)
			assert_ptr_equal(key_lookup(key_table[i].codes[j]), &key_table[i]);
	}
}

/* 'i', 'u', 't' add their sliders after N, D, C; Tab reaches them; off again, they go. */
static void views_add_their_sliders(void **state)
{
	(void)state;
	struct app a;
	enum slider on[APP_MAX_SLIDERS];

	start(&a, "muennighoff2023");
	assert_int_equal(app_sliders(&a, on), 3);
	press(&a, 'i', KEY_HANDLED);
	press(&a, 'u', KEY_HANDLED);
	press(&a, 't', KEY_HANDLED);
	assert_int_equal(app_sliders(&a, on), 6);
	assert_int_equal(on[3], SLIDER_T);
	assert_int_equal(on[4], SLIDER_U);
	assert_int_equal(on[5], SLIDER_M);
	/* the views start where they change nothing yet: T = D, U = D (one epoch), M = 4 */
	assert_rel(a.t, a.scene.d, 1e-12);
	assert_rel(a.scene.u, a.scene.d, 1e-12);
	assert_rel(a.m, 4, 1e-12);
	assert_int_equal(a.scene.focus, SLIDER_M);
	press(&a, KEYC_TAB, KEY_HANDLED);
	assert_int_equal(a.scene.focus, SLIDER_N); /* wraps */
	press(&a, 'u', KEY_HANDLED);
	assert_int_equal(a.scene.u, 0); /* without the view every token is unique again */
	press(&a, 'i', KEY_HANDLED);
	press(&a, 't', KEY_HANDLED);
	assert_int_equal(app_sliders(&a, on), 3);
}

/* T moves in decades, steps down past its range to none and back; N, D and C stay. */
static void inference_and_unique_sliders(void **state)
{
	(void)state;
	struct app a;
	double lo, hi;

	start(&a, "besiroglu2024");
	press(&a, 'i', KEY_HANDLED);
	assert_int_equal(a.scene.focus, SLIDER_T);
	app_set(&a, SLIDER_T, 2e12);
	press(&a, KEYC_RIGHT, KEY_HANDLED); /* the inference-aware frontier moves */
	assert_rel(a.t, 2e12 * pow(10, APP_STEP_FINE), 1e-12);
	app_range(&a, SLIDER_T, &lo, &hi);
	app_set(&a, SLIDER_T, lo);
	press(&a, KEYC_LEFT, KEY_HANDLED);
	assert_true(a.t == 0);
	press(&a, KEYC_RIGHT, KEY_HANDLED);
	assert_rel(a.t, lo, 1e-12);
	app_set(&a, SLIDER_T, 1e20);
	assert_rel(a.t, hi, 1e-12);
	assert_rel(hi, 1e15, 1e-12); /* the 0 to 1e15 */
	/* typing 0 turns inference off */
	press(&a, '=', KEY_HANDLED);
	press(&a, '0', KEY_HANDLED);
	press(&a, KEYC_ENTER, KEY_HANDLED);
	assert_true(a.t == 0);
	/* N, D, C are unchanged by all of it */
	assert_rel(a.scene.n, 70e9, 1e-12);
	assert_rel(a.scene.d, 1.4e12, 1e-12);
}

/* 'e' edits a copy of the law; the catalog's stays; another law drops the edit. */
static void editing_the_law(void **state)
{
	(void)state;
	struct app a;
	enum slider on[APP_MAX_SLIDERS];
	const struct law *preset = &catalog_law(&cat, "besiroglu2024")->preset.law;

	start(&a, "kaplan2020");
	press(&a, 'e', KEY_HANDLED); /* Kaplan's law has no E, A, B, alpha, beta */
	assert_false(app_view_on(&a, TOUR_VIEW_EDIT));
	assert_non_null(strstr(a.status, "not an additive law"));

	start(&a, "besiroglu2024");
	press(&a, 'e', KEY_HANDLED);
	assert_int_equal(app_sliders(&a, on), 5);
	assert_int_equal(on[0], SLIDER_E);
	assert_int_equal(on[4], SLIDER_BETA);
	assert_int_equal(a.scene.focus, SLIDER_E);
	press(&a, KEYC_RIGHT, KEY_HANDLED); /* E on a linear scale: 1/200 of [0.1, 5] */
	assert_true(a.scene.edited);
	assert_rel(app_law(&a)->E, preset->E + 4.9 / 200, 1e-12);
	assert_rel(preset->E, 1.8172, 1e-12); /* the preset itself is untouched */
	press(&a, KEYC_TAB, KEY_HANDLED);
	press(&a, KEYC_PGUP, KEY_HANDLED); /* A on a log scale: half a decade */
	assert_rel(app_law(&a)->A, preset->A * pow(10, APP_STEP_COARSE), 1e-12);
	/* the loss follows the edited law */
	double l;
	assert_int_equal(law_loss(app_law(&a), 70e9, 1.4e12, 0, &l), MODEL_OK);
	double want = preset->E + 4.9 / 200 + preset->A * pow(10, 0.5) / pow(70e9, preset->alpha) +
	              preset->B / pow(1.4e12, preset->beta);
	assert_rel(l, want, 1e-12);
	/* c on the law itself compares the edit with its preset */
	press(&a, 'c', KEY_HANDLED);
	press(&a, KEYC_ENTER, KEY_HANDLED);
	assert_int_equal(a.compare, (long)a.scene.law);
	press(&a, 'd', KEY_HANDLED);
	assert_true(a.delta);
	press(&a, 'd', KEY_HANDLED);
	press(&a, 'e', KEY_HANDLED); /* back to N, D, C, still with the edited law */
	assert_int_equal(app_sliders(&a, on), 3);
	assert_true(a.scene.edited);
	press(&a, 'w', KEY_HANDLED);
	press(&a, KEYC_UP, KEY_HANDLED);
	press(&a, KEYC_ENTER, KEY_HANDLED);
	assert_false(a.scene.edited);
	assert_non_null(strstr(a.status, "the edits are gone"));
}

/* 's' writes the edited law where presets load from, and never over an existing file. */
static void saving_an_edited_law(void **state)
{
	(void)state;
	struct app a;
	char dir[] = "/tmp/isoflop-test-XXXXXX", path[4200], err[512];
	struct preset p;

	assert_non_null(mkdtemp(dir));
	start(&a, "besiroglu2024");
	snprintf(path, sizeof path, "%s/isoflop/laws", dir);
	app_set_save_dir(&a, path);
	press(&a, 's', KEY_HANDLED); /* nothing edited yet */
	assert_int_equal(a.mode, MODE_EXPLORE);
	press(&a, 'e', KEY_HANDLED);
	app_set(&a, SLIDER_ALPHA, 0.5);
	press(&a, 's', KEY_HANDLED);
	assert_int_equal(a.mode, MODE_SAVE);
	for (const char *k = "mine"; *k; k++)
		press(&a, *k, KEY_HANDLED);
	press(&a, KEYC_ENTER, KEY_HANDLED);
	snprintf(path, sizeof path, "%s/mine.yaml", a.save_dir);
	assert_int_equal(strncmp(a.status, "saved as --law mine: ", 21), 0);
	assert_int_equal(preset_load(path, PRESET_LAW, &p, err, sizeof err), 0);
	assert_string_equal(p.id, "mine");
	assert_rel(p.law.alpha, 0.5, 1e-9);
	assert_rel(p.law.E, 1.8172, 1e-9);
	assert_int_equal(p.law.family, LAW_ADDITIVE);
	assert_rel(p.law.params.hi, 16.2e9, 1e-9); /* the fitted range goes with it */
	/* again under the same id: refused, the first file intact */
	app_set(&a, SLIDER_ALPHA, 0.9);
	assert_int_equal(app_save_law(&a, "mine"), -1);
	assert_int_equal(strncmp(a.status, "mine not saved: File exists (", 29), 0);
	assert_int_equal(preset_load(path, PRESET_LAW, &p, err, sizeof err), 0);
	assert_rel(p.law.alpha, 0.5, 1e-9);
	assert_int_equal(app_save_law(&a, "Bad Id"), -1);
	assert_non_null(strstr(a.status, "not an id"));
	/* a user preset would shadow the shipped law of that id: refused */
	assert_int_equal(app_save_law(&a, "besiroglu2024"), -1);
	assert_non_null(strstr(a.status, "is a law already"));
	unlink(path);
	snprintf(path, sizeof path, "%s/isoflop/laws", dir);
	rmdir(path);
	snprintf(path, sizeof path, "%s/isoflop", dir);
	rmdir(path);
	rmdir(dir);
}

/* C = count x peak x MFU x 86,400 s x days, whichever term follows (from the definition) */
static double hw_budget(const struct app *a)
{
	return a->scene.hw.count * a->catalog->accelerators[a->accel].preset.peak_flops *
	       a->scene.hw.mfu * 86400 * a->scene.hw.days;
}

/* 'g': count, days and MFU give C; f picks what follows; a the accelerator. */
static void hardware_view(void **state)
{
	(void)state;
	struct app a;
	enum slider on[APP_MAX_SLIDERS];

	start(&a, "besiroglu2024");
	press(&a, 'g', KEY_HANDLED);
	assert_true(app_view_on(&a, TOUR_VIEW_HARDWARE));
	assert_int_equal(app_sliders(&a, on), 6);
	assert_int_equal(on[3], SLIDER_GPUS);
	assert_int_equal(on[5], SLIDER_MFU);
	assert_string_equal(a.catalog->accelerators[a.accel].preset.id, "h100");
	assert_rel(a.scene.hw.count, 1024, 0);
	/* days follow from Chinchilla's C: 6 x 70B x 1.4T / (1024 x 989e12 x 0.4 x 86,400) */
	assert_rel(a.scene.hw.days, 6 * 70e9 * 1.4e12 / (1024 * 989e12 * 0.4 * 86400), 1e-9);
	/* more accelerators, fewer days; C holds */
	double c = app_value(&a, SLIDER_C);
	press(&a, KEYC_PGUP, KEY_HANDLED);
	assert_rel(a.scene.hw.count, round(1024 * pow(10, APP_STEP_COARSE)), 0);
	assert_rel(app_value(&a, SLIDER_C), c, 1e-12);
	assert_rel(hw_budget(&a), c, 1e-9);
	/* N with C locked: C holds, so do the days */
	double days = a.scene.hw.days;
	app_step(&a, SLIDER_N, 0.25);
	assert_rel(a.scene.hw.days, days, 1e-9);
	/* D with N locked moves C: the days follow */
	press(&a, 'x', KEY_HANDLED);
	app_step(&a, SLIDER_D, 0.5);
	assert_rel(app_value(&a, SLIDER_C), c * pow(10, 0.5), 1e-9);
	assert_rel(hw_budget(&a), app_value(&a, SLIDER_C), 1e-9);
	/* f: the count follows, in whole accelerators (the days take the rounding) */
	press(&a, 'f', KEY_HANDLED);
	assert_int_equal(a.hw_follow, HW_COUNT);
	app_set(&a, SLIDER_DAYS, 10);
	assert_rel(a.scene.hw.count, ceil(a.scene.hw.count), 0);
	assert_rel(hw_budget(&a), app_value(&a, SLIDER_C), 1e-9);
	/* f again: C follows; 30 days of 1024 H100s at 40% is 1.05e24 FLOPs */
	press(&a, 'f', KEY_HANDLED);
	assert_int_equal(a.hw_follow, HW_BUDGET);
	app_set(&a, SLIDER_GPUS, 1024);
	app_set(&a, SLIDER_MFU, 0.4);
	app_set(&a, SLIDER_DAYS, 30);
	assert_rel(app_value(&a, SLIDER_C), 1024 * 989e12 * 0.4 * 86400 * 30, 1e-9);
	/* another accelerator with C following: C moves with the peak */
	press(&a, 'a', KEY_HANDLED);
	assert_rel(hw_budget(&a), app_value(&a, SLIDER_C), 1e-9);
	press(&a, 'g', KEY_HANDLED);
	assert_int_equal(app_sliders(&a, on), 3);
}

/*
 * A saved law loads back whatever its name holds: a multi-byte character
 * cut in half by a fixed-size field, quotes, a tab, DEL; and its constants
 * to the bit.
 */
static void saved_text_loads_back(void **state)
{
	(void)state;
	struct preset p = {0}, q;
	char path[] = "/tmp/isoflop-law-XXXXXX", err[512];
	int fd = mkstemp(path);

	assert_true(fd >= 0);
	close(fd);
	unlink(path);
	p.kind = PRESET_LAW;
	snprintf(p.id, sizeof p.id, "odd");
	/* 126 bytes of 'e' then an e-acute (2 bytes) cut after its first byte by the field */
	memset(p.name, 'e', 126);
	p.name[126] = (char)0xc3;
	p.name[127] = '\0';
	snprintf(p.source, sizeof p.source, "a \"quoted\" source\twith a tab, a DEL \x7f and \\");
	snprintf(p.dataset, sizeof p.dataset, "caf\xc3\xa9");
	p.law = catalog_law(&cat, "hoffmann2022-unrounded")->preset.law;
	assert_int_equal(write_file_atomic(path, false, write_law_for_test, &p), 0);
	assert_int_equal(preset_load(path, PRESET_LAW, &q, err, sizeof err), 0);
	assert_int_equal((int)strlen(q.name), 126);
	assert_string_equal(q.dataset, "caf\xc3\xa9");
	assert_non_null(strstr(q.source, "\"quoted\""));
	assert_true(q.law.A == p.law.A && q.law.B == p.law.B && q.law.E == p.law.E);
	assert_true(q.law.alpha == p.law.alpha && q.law.beta == p.law.beta);
	/* never over an existing file */
	assert_int_equal(write_file_atomic(path, false, write_law_for_test, &p), -1);
	assert_int_equal(errno, EEXIST);
	unlink(path);
}

/*
 * Every size from the smallest up keeps a map of at least its minimum (or
 * says there is no room, below it), for every number of sliders the views
 * can add: no panel squeezes the map out.
 */
static void layout_keeps_the_map(void **state)
{
	(void)state;
	for (int n = 3; n <= APP_MAX_SLIDERS; n++)
		for (int w = EXPLORER_MIN_W; w <= 200; w += 3)
			for (int h = EXPLORER_MIN_H; h <= 60; h += 2) {
				struct explorer_layout l;
				explorer_layout(w, h, TOUR_PANEL_BOTH, false, n, &l);
				assert_false(l.too_small);
				if (l.profiles.w > 0 && l.map.w < MAP_MIN_W)
					fail_msg("%dx%d, %d sliders: map %d wide beside a panel", w,
					         h, n, l.map.w);
				if (h - n - 1 >= MAP_MIN_H && l.map.h < MAP_MIN_H)
					fail_msg("%dx%d, %d sliders: map %d high, room for %d", w,
					         h, n, l.map.h, h - n - 1);
				assert_int_equal(l.map.h + l.sliders.h + l.readout.h + l.status.h,
				                 h);
			}
}

/* The help lists every key; at 80x24 it is taller than the screen and scrolls to the last. */
static void help_scrolls_to_every_key(void **state)
{
	(void)state;
	struct app a;
	struct explorer e;
	struct canvas c;

	start_explorer(&a, &e, &c);
	press(&a, '?', KEY_HANDLED);
	assert_int_equal(explorer_frame(&e, &a, &c), 0);
	assert_true(canvas_has_text(&c, "Tab Down j"));
	assert_true(canvas_has_text(&c, "j k scroll"));
	press(&a, KEYC_PGDN, KEY_HANDLED);
	press(&a, KEYC_PGDN, KEY_HANDLED);
	press(&a, KEYC_PGDN, KEY_HANDLED);
	assert_int_equal(a.mode, MODE_HELP);
	assert_int_equal(explorer_frame(&e, &a, &c), 0);
	assert_true(canvas_has_text(&c, key_table[key_table_len - 1].names));
	assert_true(canvas_has_text(&c, key_table[key_table_len - 1].help));
	press(&a, 'z', KEY_HANDLED);
	assert_int_equal(a.mode, MODE_EXPLORE);
	canvas_free(&c);
	explorer_free(&e);
}

/*
 * The timeline view derives its numbers (a fit, six optimum solves) once per
 * law and stock: frames and a step of C reuse them, for the panel and the
 * readout alike; a change of stock or an edit of the law derives afresh.
 */
static void timeline_derives_once_per_law_and_stock(void **state)
{
	(void)state;
	struct app a;
	struct explorer e;
	struct canvas c;

	start_explorer(&a, &e, &c);
	app_view_key(&a, TOUR_VIEW_TIMELINE);
	assert_int_equal(explorer_frame(&e, &a, &c), 0);
	assert_int_equal(e.timeline.derivations, 1);
	double year = e.timeline.v.point_year;
	assert_int_equal(explorer_frame(&e, &a, &c), 0);
	app_step(&a, SLIDER_C, 1);
	assert_int_equal(explorer_frame(&e, &a, &c), 0);
	assert_int_equal(e.timeline.derivations, 1);
	assert_true(e.timeline.v.point_year > year); /* the point's year follows C all the same */
	assert_true(app_set_stock(&a, "none"));
	assert_int_equal(explorer_frame(&e, &a, &c), 0);
	assert_int_equal(e.timeline.derivations, 2);
	assert_false(e.timeline.v.t.has_wall);
	canvas_free(&c);
	explorer_free(&e);
}

/*
 * Clicks: on the map the point goes to the cell's centre (C follows), on a
 * model's tag to the model, on a slider's bar to the knob's place there;
 * anywhere else, or with a dialog open, nothing changes.
 */
static void clicks_move_the_point_and_the_sliders(void **state)
{
	(void)state;
	struct app a;
	struct explorer e;
	struct canvas c;

	start_explorer(&a, &e, &c);
	assert_int_equal(explorer_frame(&e, &a, &c), 0);
	const struct rect *ar = &e.map.frame.area;
	/* log10 N and D at a plot cell's centre, from the 10M..10T x 100M..100T window */
	int x = ar->x + 3, y;
	for (y = ar->y; y < ar->y + ar->h; y++)
		if (map_tag_at(&e.map, x, y) < 0)
			break;
	assert_true(y < ar->y + ar->h);
	double ln = 7 + (x - ar->x + 0.5) * 6.0 / ar->w;
	double ld = 8 + (ar->y + ar->h - 1 - y + 0.5) * 6.0 / ar->h;
	assert_true(explorer_click(&e, &a, &c, x, y));
	assert_rel(a.scene.n, pow(10, ln), 1e-9);
	assert_rel(a.scene.d, pow(10, ld), 1e-9);
	assert_rel(app_value(&a, SLIDER_C), 6 * pow(10, ln + ld), 1e-9);

	/* GPT-3's cell (175B, 300B) holds its tag or the '+' it shares with Jurassic-1 */
	const struct catalog_entry *gpt3 = catalog_model(&cat, "gpt3");
	assert_int_equal(explorer_frame(&e, &a, &c), 0);
	x = ar->x + (int)floor((log10(174.6e9) - 7) / 6 * ar->w);
	y = ar->y + ar->h - 1 - (int)floor((log10(300e9) - 8) / 6 * ar->h);
	assert_true(explorer_click(&e, &a, &c, x, y));
	assert_int_equal(a.scene.model, gpt3 - cat.models);
	assert_rel(a.scene.n, 174.6e9, 1e-9);
	assert_rel(a.scene.d, 300e9, 1e-9);

	/* the N bar, where the frame draws it: a third of the way along; C stays locked */
	assert_int_equal(explorer_frame(&e, &a, &c), 0);
	struct rect bar;
	assert_true(explorer_slider_bar(&e, &a, SLIDER_N, &bar));
	assert_int_equal(canvas_get(&c, bar.x, bar.y).ch, '[');
	assert_int_equal(canvas_get(&c, bar.x + bar.w - 1, bar.y).ch, ']');
	int k = (bar.w - 3) / 3;
	double c0 = app_value(&a, SLIDER_C);
	assert_true(explorer_click(&e, &a, &c, bar.x + 1 + k, bar.y));
	assert_int_equal(a.scene.focus, SLIDER_N);
	assert_rel(a.scene.n, pow(10, 7 + 6.0 * k / (bar.w - 3)), 1e-9);
	assert_rel(app_value(&a, SLIDER_C), c0, 1e-9);
	assert_string_equal(a.status, ""); /* GPT-3's line is about another point now */

	/* the status line, or the help open: no change */
	double n0 = a.scene.n;
	assert_false(explorer_click(&e, &a, &c, 5, e.lay.status.y));
	press(&a, '?', KEY_HANDLED);
	assert_false(explorer_click(&e, &a, &c, ar->x + 1, ar->y + 1));
	assert_rel(a.scene.n, n0, 0);
	canvas_free(&c);
	explorer_free(&e);
}

/* A click on the '@' the map recorded leaves the point where it is. */
static void a_click_on_the_point_does_nothing(void **state)
{
	(void)state;
	struct app a;
	struct explorer e;
	struct canvas c;

	start_explorer(&a, &e, &c);
	assert_int_equal(explorer_frame(&e, &a, &c), 0);
	int x = e.map.point_x, y = e.map.point_y;
	assert_true(x >= 0 && y >= 0);
	assert_int_equal(canvas_get(&c, x, y).ch, '@');
	double n = a.scene.n, d = a.scene.d;
	assert_false(explorer_click(&e, &a, &c, x, y));
	assert_rel(a.scene.n, n, 0);
	assert_rel(a.scene.d, d, 0);
	canvas_free(&c);
	explorer_free(&e);
}

/*
 * Every letter of every tag on the map jumps to that tag's model, also where
 * tags touch ("L7L13") and where the '@' pushed one aside. Where each tag is
 * comes from the map (map_tag_of); the frame must show it there.
 */
static void every_tag_letter_clicks_to_its_model(void **state)
{
	(void)state;
	struct app a;
	struct explorer e;
	struct canvas c;
	int clicked = 0, pushed = 0;

	start_explorer(&a, &e, &c);
	for (size_t m = 0; m < cat.nmodels; m++) {
		const struct preset *p = &cat.models[m].preset;
		const char *tag = p->tag[0] ? p->tag : p->id;
		for (int on = 0; on < 2; on++) { /* the point elsewhere, then on the model */
			struct map_tag t;
			if (on)
				app_jump_model(&a, m);
			else
				app_move_to(&a, 1e7, 1e8);
			assert_int_equal(explorer_frame(&e, &a, &c), 0);
			if (!map_tag_of(&e.map, (int)m, &t) || t.place != MARKER_TAG)
				continue;
			assert_int_equal(t.len, (int)strlen(tag));
			for (int i = 0; i < t.len; i++) {
				struct glyph g = canvas_get(&c, t.x + i, t.cy);
				if (g.ch != tag[i] || g.style != STYLE_MODEL)
					fail_msg("%s: the map says its tag is at (%d, %d), the "
					         "frame "
					         "shows '%c' there",
					         tag, t.x + i, t.cy, g.ch);
				app_move_to(&a, 1e7, 1e8); /* no model chosen before the click */
				assert_true(explorer_click(&e, &a, &c, t.x + i, t.cy));
				if (a.scene.model != (long)m)
					fail_msg("%s: a click on '%c' at (%d, %d) gave model %ld",
					         tag, tag[i], t.x + i, t.cy, a.scene.model);
				clicked++;
			}
			/* pushed aside: the tag no longer starts or ends at its model's cell */
			pushed += t.x != t.cx && t.x + t.len - 1 != t.cx;
		}
	}
	assert_true(clicked > 20); /* most tags are on the map at 80x24 */
	assert_true(pushed > 0);   /* and some were pushed aside by the '@' */
	canvas_free(&c);
	explorer_free(&e);
}

/* ---- tours: a step looks the same however it is reached ---- */

/* A tour started afresh from the default law, as `isoflop --tour` starts it. */
static void tour_begin(struct app *a, const struct tour *t)
{
	char err[512];

	start(a, "besiroglu2024");
	if (tour_play_start(a, t, err, sizeof err) != 0)
		fail_msg("%s", err);
}

/* Step `step` (from 0) reached by playing the tour forward with Space. */
static void tour_forward_to(struct app *a, const struct tour *t, int step)
{
	tour_begin(a, t);
	for (int i = 0; i < step; i++)
		press(a, ' ', KEY_HANDLED);
}

/* Type `g`, the step's number (from 1) and Enter. */
static void tour_jump(struct app *a, int number)
{
	char digits[16];

	snprintf(digits, sizeof digits, "%d", number);
	press(a, 'g', KEY_HANDLED);
	for (const char *p = digits; *p; p++)
		press(a, *p, KEY_HANDLED);
	press(a, KEYC_ENTER, KEY_HANDLED);
}

/* Draw the explorer's frame into `into` (w x h cells). */
static void tour_frame(struct app *a, struct canvas *into)
{
	struct explorer e;

	explorer_init(&e);
	assert_int_equal(explorer_frame(&e, a, into), 0);
	explorer_free(&e);
}

/* Both frames cell for cell (glyph and style), or fail showing both. */
static void assert_same_frame(const struct canvas *want, const struct canvas *got, const char *file,
                              int step, const char *how)
{
	size_t cells = (size_t)want->w * (size_t)want->h;

	if (memcmp(want->cells, got->cells, cells * sizeof *want->cells) == 0)
		return;
	fprintf(stderr, "%s step %d played forward:\n", file, step);
	canvas_print(want, stderr, false);
	fprintf(stderr, "%s step %d by %s:\n", file, step, how);
	canvas_print(got, stderr, false);
	fail_msg("%s: step %d by %s differs from step %d played forward", file, step, how, step);
}

/*
 * For every step of every shipped tour, `g N` (from the last step and from
 * the first), Backspace from step N+1 and playing forward from step 1 show
 * the same frame: a step's law, point and values do not depend on the way
 * there (once, step 5 reached back from 6 kept step 6's data-constrained law).
 */
static void tour_steps_are_the_same_however_reached(void **state)
{
	(void)state;
	static struct tour t;
	struct canvas want, got;
	struct app a;
	char err[512];
	glob_t g;
	int tours = 0;

	assert_int_equal(glob("presets/tours/*.yaml", 0, NULL, &g), 0);
	assert_int_equal(canvas_init(&want, 80, 24), 0);
	assert_int_equal(canvas_init(&got, 80, 24), 0);
	for (size_t f = 0; f < g.gl_pathc; f++, tours++) {
		const char *file = g.gl_pathv[f];
		if (tour_load(file, &t, err, sizeof err) != 0)
			fail_msg("%s", err);
		for (int step = 0; step < t.nsteps; step++) {
			tour_forward_to(&a, &t, step);
			tour_frame(&a, &want);

			tour_forward_to(&a, &t, t.nsteps - 1);
			tour_jump(&a, step + 1);
			tour_frame(&a, &got);
			assert_same_frame(&want, &got, file, step + 1, "g N from the last step");

			tour_begin(&a, &t);
			tour_jump(&a, step + 1);
			tour_frame(&a, &got);
			assert_same_frame(&want, &got, file, step + 1, "g N from the first step");

			if (step + 1 < t.nsteps) {
				tour_forward_to(&a, &t, step + 1);
				press(&a, KEYC_BACKSPACE, KEY_HANDLED);
				tour_frame(&a, &got);
				assert_same_frame(&want, &got, file, step + 1,
				                  "Backspace from the next step");
			}
		}
	}
	assert_true(tours > 0);
	globfree(&g);
	canvas_free(&want);
	canvas_free(&got);
}

/*
 * A step's unique tokens (the tour's data wall: 25B) stay when the talk
 * leaves the tour and opens the data view with 'u': the U slider starts at
 * them, not at D.
 */
static void tour_unique_tokens_survive_u(void **state)
{
	(void)state;
	static struct tour t;
	struct app a;
	char err[512];
	int steps = 0;

	if (tour_load("presets/tours/chinchilla-story.yaml", &t, err, sizeof err) != 0)
		fail_msg("%s", err);
	for (int i = 0; i < t.nsteps; i++) {
		double u = t.steps[i].unique_tokens;
		if (!(u > 0))
			continue;
		steps++;
		tour_begin(&a, &t);
		tour_jump(&a, i + 1);
		assert_rel(a.scene.u, u, 1e-12);
		/* a step that does not open the data view itself: 'u' as a detour */
		if (!app_view_on(&a, TOUR_VIEW_DATA))
			press(&a, 'u', KEY_HANDLED);
		assert_true(app_view_on(&a, TOUR_VIEW_DATA));
		assert_rel(app_value(&a, SLIDER_U), u, 1e-12);
		assert_true(a.scene.d != u); /* D is what the old 'u' put in its place */
	}
	assert_true(steps > 0);
}

/* ---- the key tables of every mode and the setters they call ---- */

/* Every mode's table: each key at most once in it, every row with a handler and words. */
static void every_mode_table_is_unambiguous(void **state)
{
	(void)state;
	static const enum app_mode modes[] = {MODE_EXPLORE,  MODE_ENTRY,        MODE_PICK_MODEL,
	                                      MODE_PICK_LAW, MODE_PICK_COMPARE, MODE_HELP,
	                                      MODE_TOUR,     MODE_SAVE};
	struct app a;
	int tables = 0;

	start(&a, "besiroglu2024");
	app_tour_begin(&a, NULL); /* the tour mode's tables; no tour is played */
	for (size_t m = 0; m < sizeof modes / sizeof *modes; m++) {
		for (int jumping = 0; jumping < 2; jumping++) {
			app_open(&a, modes[m]);
			if (jumping)
				app_jump_begin(&a);
			else
				app_jump_end(&a);
			const struct key_mode *km = key_mode_of(&a);
			assert_non_null(km);
			assert_true(km->len > 0);
			tables++;
			for (size_t i = 0; i < km->len; i++) {
				const struct key_binding *b = &km->keys[i];
				assert_true(strlen(b->names) > 0 && strlen(b->help) > 0);
				if (b->codes[0] == 0)
					continue; /* the mouse's row */
				assert_non_null(b->handler);
				for (int j = 0; b->codes[j]; j++)
					assert_ptr_equal(key_in_mode(km, b->codes[j]), b);
			}
		}
	}
	assert_true(tables > 0);
	/* the tour's 'g N' is a mode of its own, the pickers share one */
	app_open(&a, MODE_TOUR);
	app_jump_end(&a);
	const struct key_mode *tour = key_mode_of(&a);
	app_jump_begin(&a);
	assert_ptr_not_equal(key_mode_of(&a), tour);
	app_open(&a, MODE_PICK_LAW);
	const struct key_mode *laws = key_mode_of(&a);
	app_open(&a, MODE_PICK_MODEL);
	assert_ptr_equal(key_mode_of(&a), laws);
	assert_null(key_in_mode(key_mode_of(&a), 'q')); /* a letter types ahead there */
	assert_non_null(key_in_mode(key_mode_of(&a), KEYC_ESC));
}

/* The row whose id is law (catalog order). */
static size_t law_row(const char *law)
{
	const struct catalog_entry *e = catalog_law(&cat, law);

	assert_non_null(e);
	return (size_t)(e - cat.laws);
}

/*
 * Pickers: letters jump to the first row whose id or name starts with what
 * was typed (ignoring case; a letter no row continues with starts afresh),
 * an arrow starts the typing afresh, Home and End go to the first and last
 * row; in every picker.
 */
static void pickers_type_ahead_and_ends(void **state)
{
	(void)state;
	struct app a;

	start(&a, "besiroglu2024");
	press(&a, 'w', KEY_HANDLED);
	press(&a, 'k', KEY_HANDLED);
	assert_int_equal(a.pick, law_row("kaplan2020"));
	press(&a, 'H', KEY_HANDLED); /* no law starts "kH": H starts afresh */
	assert_int_equal(cat.laws[a.pick].preset.id[0], 'h'); /* henighan2020-*, then hoffmann */
	assert_string_equal(a.seek, "H");
	press(&a, 'o', KEY_HANDLED);
	press(&a, 'f', KEY_HANDLED);
	assert_int_equal(a.pick, law_row("hoffmann2022"));
	press(&a, KEYC_END, KEY_HANDLED); /* the last row: the laws are listed by domain */
	assert_int_equal(a.pick, app_law_at(&a, app_law_rows(&a) - 1));
	assert_string_equal(a.seek, "");
	press(&a, KEYC_HOME, KEY_HANDLED);
	assert_int_equal(a.pick, 0);
	press(&a, 'q', KEY_HANDLED); /* q types too: Esc is what closes */
	assert_int_equal(a.mode, MODE_PICK_LAW);
	press(&a, 'k', KEY_HANDLED);
	press(&a, 'a', KEY_HANDLED);
	press(&a, KEYC_ENTER, KEY_HANDLED);
	assert_int_equal(a.scene.law, law_row("kaplan2020"));

	press(&a, 'c', KEY_HANDLED); /* the compare picker too */
	press(&a, 'm', KEY_HANDLED); /* "Math, extrapolate" is a name: mu is Muennighoff */
	press(&a, 'u', KEY_HANDLED);
	assert_int_equal(a.pick, law_row("muennighoff2023"));
	press(&a, KEYC_ESC, KEY_HANDLED);
	assert_int_equal(a.mode, MODE_EXPLORE);

	press(&a, 'p', KEY_HANDLED); /* models, by id or by name */
	press(&a, 'g', KEY_HANDLED);
	press(&a, 'o', KEY_HANDLED);
	assert_string_equal(cat.models[a.pick].preset.id, "gopher");
	press(&a, KEYC_HOME, KEY_HANDLED);
	press(&a, 'C', KEY_HANDLED);
	press(&a, 'h', KEY_HANDLED);
	press(&a, 'i', KEY_HANDLED);
	assert_string_equal(cat.models[a.pick].preset.id, "chinchilla");
	press(&a, KEYC_END, KEY_HANDLED);
	assert_int_equal(a.pick, cat.nmodels - 1);
	press(&a, '~', KEY_HANDLED); /* no row starts so: the pick stays */
	assert_int_equal(a.pick, cat.nmodels - 1);
}

/* Pickers wrap round with the arrows and stop at the ends with the pages; the help stops. */
static void pick_moves_wrap_or_stop(void **state)
{
	(void)state;
	struct app a;

	start(&a, "besiroglu2024");
	app_open(&a, MODE_PICK_MODEL);
	assert_int_equal(a.mode, MODE_PICK_MODEL);
	assert_int_equal(a.pick, 0);
	app_pick_move(&a, -1, 5, true);
	assert_int_equal(a.pick, 4);
	app_pick_move(&a, 1, 5, true);
	assert_int_equal(a.pick, 0);
	app_pick_move(&a, 10, 5, false);
	assert_int_equal(a.pick, 4);
	app_pick_move(&a, -3, 5, false);
	assert_int_equal(a.pick, 1);
	app_pick_move(&a, -10, 5, false);
	assert_int_equal(a.pick, 0);
	app_close(&a);
	assert_int_equal(a.mode, MODE_EXPLORE);
	app_open(&a, MODE_PICK_LAW); /* at the current law */
	assert_int_equal(a.pick, a.scene.law);
	/* the help scrolls to its last row and no further */
	app_open(&a, MODE_HELP);
	for (size_t i = 0; i < key_table_len + 3; i++)
		press(&a, KEYC_DOWN, KEY_HANDLED);
	assert_int_equal(a.pick, key_table_len - 1);
	press(&a, KEYC_PGUP, KEY_HANDLED);
	assert_int_equal(a.pick, key_table_len - 1 > 10 ? key_table_len - 11 : 0);
}

/* Typing after '=': printable characters while there is room, Backspace, Enter sets it. */
static void entry_setters(void **state)
{
	(void)state;
	struct app a;

	start(&a, "besiroglu2024");
	app_open(&a, MODE_ENTRY);
	assert_string_equal(a.entry, "");
	assert_true(app_entry_type(&a, '7'));
	assert_false(app_entry_type(&a, ' ')); /* not printable here */
	assert_false(app_entry_type(&a, KEYC_UP));
	assert_true(app_entry_type(&a, '0'));
	assert_true(app_entry_type(&a, 'x'));
	app_entry_erase(&a);
	assert_true(app_entry_type(&a, 'B'));
	assert_string_equal(a.entry, "70B");
	app_entry_done(&a);
	assert_int_equal(a.mode, MODE_EXPLORE);
	assert_rel(a.scene.n, 70e9, 1e-12);
	app_open(&a, MODE_ENTRY);
	for (int i = 0; i < APP_VALUE_MAX + 5; i++)
		app_entry_type(&a, '9');
	assert_int_equal(strlen(a.entry), APP_VALUE_MAX - 1);
	app_close(&a);
	/* the status line: set, replaced, cleared */
	app_status(&a, "%d %s", 42, "words");
	assert_string_equal(a.status, "42 words");
	app_clear_status(&a);
	assert_string_equal(a.status, "");
}

/* 'x', 'm', the focus, a value parsed per slider. */
static void small_setters(void **state)
{
	(void)state;
	struct app a;
	double v;
	char why[APP_STATUS_MAX];

	start(&a, "besiroglu2024");
	app_cycle_lock(&a);
	assert_int_equal(a.scene.lock, SLIDER_N);
	assert_string_equal(a.status, "N locked: moving another slider keeps N fixed");
	app_cycle_lock(&a);
	app_cycle_lock(&a);
	assert_int_equal(a.scene.lock, SLIDER_C);
	app_toggle_markers(&a);
	assert_false(a.scene.markers);
	app_focus(&a, SLIDER_C);
	app_focus_by(&a, 1); /* round to the first */
	assert_int_equal(a.scene.focus, SLIDER_N);
	app_focus_by(&a, -1);
	assert_int_equal(a.scene.focus, SLIDER_C);
	assert_false(app_toggle_delta(&a)); /* nothing compared yet */
	assert_string_equal(a.status, "d shows L - L(compared): pick a law with c first");
	assert_true(app_parse_value(SLIDER_MFU, "40%", &v, why, sizeof why));
	assert_rel(v, 0.4, 1e-15);
	assert_false(app_parse_value(SLIDER_MFU, "140%", &v, why, sizeof why));
	assert_string_equal(why, "MFU: a share of the peak, 0.4 or 40%, not '140%'");
	assert_true(app_parse_value(SLIDER_C, "3e23", &v, why, sizeof why));
	assert_rel(v, 3e23, 1e-15);
	assert_false(app_parse_value(SLIDER_N, "lots", &v, why, sizeof why));
	assert_int_equal(strncmp(why, "N: ", 3), 0);
}

/*
 * 'z' zooms the profiles on the point's curve or shows every budget: the
 * opposite of the frame drawn last. At GPT-3's point at 80x24 the curve is
 * flat, so the first frame is zoomed by itself; z, z go out and back in.
 */
static void z_toggles_the_profiles_zoom(void **state)
{
	(void)state;
	struct app a;
	struct explorer e;
	struct canvas c;

	start_explorer(&a, &e, &c);
	app_jump_model(&a, (size_t)(catalog_model(&cat, "gpt3") - cat.models));
	assert_int_equal(a.scene.zoom, -1);
	assert_int_equal(explorer_frame(&e, &a, &c), 0);
	assert_true(explorer_zoomed(&e));
	app_zoom_shown(&a, explorer_zoomed(&e)); /* as the screen does after each frame */
	press(&a, 'z', KEY_HANDLED);
	assert_int_equal(a.scene.zoom, 0);
	assert_int_equal(explorer_frame(&e, &a, &c), 0);
	assert_false(explorer_zoomed(&e));
	app_zoom_shown(&a, explorer_zoomed(&e));
	press(&a, 'z', KEY_HANDLED);
	assert_int_equal(a.scene.zoom, 1);
	assert_int_equal(explorer_frame(&e, &a, &c), 0);
	assert_true(explorer_zoomed(&e));
	/* zoomed by hand, it stays zoomed where the curve is deep enough anyway */
	app_set(&a, SLIDER_C, 1e19);
	assert_int_equal(explorer_frame(&e, &a, &c), 0);
	assert_true(explorer_zoomed(&e));
	explorer_free(&e);
	canvas_free(&c);
}

/*
 * With D locked, a step of N moves C and so the zoomed curve: the frame,
 * whose profiles alone are redrawn from the cache, is the one a fresh
 * explorer draws.
 */
static void zoom_follows_c_as_a_fresh_frame(void **state)
{
	(void)state;
	struct app a;
	struct explorer e;
	struct canvas c, fresh;

	start_explorer(&a, &e, &c);
	assert_int_equal(canvas_init(&fresh, 80, 24), 0);
	app_jump_model(&a, (size_t)(catalog_model(&cat, "gpt3") - cat.models));
	app_cycle_lock(&a);
	app_cycle_lock(&a);
	assert_int_equal(a.scene.lock, SLIDER_D);
	for (int i = 0; i < 6; i++) {
		assert_int_equal(explorer_frame(&e, &a, &c), 0);
		tour_frame(&a, &fresh);
		assert_same_frame(&fresh, &c, "gpt3, D locked", i, "the cached explorer");
		app_step(&a, SLIDER_N, i < 3 ? APP_STEP_COARSE : -APP_STEP_FINE);
	}
	explorer_free(&e);
	canvas_free(&c);
	canvas_free(&fresh);
}

/* A step's `zoom: true` or `false` sets the zoom; a step without it keeps the last one. */
static void tour_step_sets_the_zoom(void **state)
{
	(void)state;
	static struct tour t;
	static const char text[] = "id: z\ntitle: zoom\nsteps:\n"
	                           "  - {caption: a, model: gpt3, zoom: false}\n"
	                           "  - {caption: b, zoom: true}\n"
	                           "  - {caption: c, compute: 1e22}\n";
	struct app a;
	char err[512];

	assert_int_equal(tour_parse("z.yaml", (const unsigned char *)text, strlen(text), &t, err,
	                            sizeof err),
	                 0);
	assert_int_equal(t.steps[0].zoom, 0);
	assert_int_equal(t.steps[1].zoom, 1);
	assert_int_equal(t.steps[2].zoom, -1);
	start(&a, "besiroglu2024");
	app_tour_begin(&a, &t);
	app_apply_step(&a, &t.steps[0]);
	assert_int_equal(a.scene.zoom, 0);
	app_apply_step(&a, &t.steps[1]);
	assert_int_equal(a.scene.zoom, 1);
	app_apply_step(&a, &t.steps[2]);
	assert_int_equal(a.scene.zoom, 1);
	app_tour_rewind(&a, 0);
	assert_int_equal(a.scene.zoom, -1); /* the scene it started from */
}

/* A tour rewinds to the scene it started from in one assignment: every field of it. */
static void tour_rewinds_the_whole_scene(void **state)
{
	(void)state;
	static struct tour t;
	struct app a;
	char err[512];

	if (tour_load("presets/tours/chinchilla-story.yaml", &t, err, sizeof err) != 0)
		fail_msg("%s", err);
	start(&a, "besiroglu2024");
	app_cycle_lock(&a);
	app_toggle_markers(&a);
	app_move_to(&a, 1e10, 1e11);
	struct app_scene before = a.scene;
	app_tour_begin(&a, &t);
	assert_int_equal(a.mode, MODE_TOUR);
	for (int i = 0; i < t.nsteps; i++)
		app_apply_step(&a, &t.steps[i]);
	app_tour_rewind(&a, 2);
	assert_int_equal(a.step, 2);
	/* field by field: struct assignment need not copy padding */
	assert_int_equal(a.scene.law, before.law);
	assert_int_equal(a.scene.edited, before.edited);
	assert_int_equal(a.scene.views, before.views);
	assert_true(a.scene.n == before.n && a.scene.d == before.d && a.scene.u == before.u);
	assert_int_equal(a.scene.focus, before.focus);
	assert_int_equal(a.scene.lock, before.lock);
	assert_int_equal(a.scene.markers, before.markers);
	assert_int_equal(a.scene.panel, before.panel);
	assert_int_equal(a.scene.model, before.model);
	assert_true(a.scene.hw.count == before.hw.count && a.scene.hw.days == before.hw.days);
	assert_rel(a.scene.n, 1e10, 1e-12); /* the members read as before */
	assert_int_equal(a.scene.lock, SLIDER_N);
	assert_false(a.scene.markers);
	/* 'g' and digits: a number, none, or no more room */
	app_jump_begin(&a);
	assert_true(a.jumping);
	assert_int_equal(app_jump_end(&a), -1);
	assert_false(a.jumping);
	app_jump_begin(&a);
	assert_true(app_jump_digit(&a, '1'));
	assert_false(app_jump_digit(&a, 'x'));
	assert_true(app_jump_digit(&a, '2'));
	assert_int_equal(app_jump_end(&a), 12);
	app_jump_begin(&a);
	while (app_jump_digit(&a, '9'))
		;
	assert_int_equal(strlen(a.jump), sizeof a.jump - 1);
}

/*
 * A budget whose optimum lies past the window: the caller learns where the
 * optimum was, and the point stays in the window like after any other setter.
 */
static void a_budget_past_the_window_keeps_the_point_in_it(void **state)
{
	(void)state;
	struct app a;
	double budget, n, d;

	start(&a, "besiroglu2024");
	assert_true(app_toggle_hardware(&a));
	app_set(&a, SLIDER_MFU, 0.5);
	assert_int_equal(app_hw_budget_optimum(&a, 1e8, 3650, &budget, &n, &d), MODEL_OK);
	assert_true(n > a.n_hi || d > a.d_hi);
	assert_true(a.scene.n >= a.n_lo && a.scene.n <= a.n_hi);
	assert_true(a.scene.d >= a.d_lo && a.scene.d <= a.d_hi);
}

/* Start options: the hardware budget from count and days, the follower, the runs. */
static void start_setters(void **state)
{
	(void)state;
	struct app a;
	double budget, n, d;

	start(&a, "besiroglu2024");
	assert_true(app_toggle_hardware(&a));
	app_set(&a, SLIDER_MFU, 0.4);
	assert_int_equal(app_hw_budget_optimum(&a, 1024, 30, &budget, &n, &d), MODEL_OK);
	assert_true(a.scene.n == n && a.scene.d == d); /* inside the window: as computed */
	assert_rel(budget, 1024 * a.scene.hw.peak * 0.4 * 30 * 86400, 1e-12);
	assert_true(a.scene.hw.count == 1024 && a.scene.hw.days == 30);
	assert_rel(app_value(&a, SLIDER_C), budget, 1e-9); /* the point is at that budget */
	app_set_follow(&a, HW_COUNT);
	app_set(&a, SLIDER_DAYS, 10); /* the count follows, in whole accelerators */
	assert_true(a.scene.hw.count == 3072);
	app_set_follow(&a, HW_DAYS);
	assert_int_equal(a.hw_follow, HW_DAYS);
	app_set_unique_given(&a, 5e11);
	app_toggle_data(&a);
	assert_rel(a.scene.u, 5e11, 1e-15);
	struct fit_run run = {0};
	app_set_runs(&a, &run, 1);
	assert_ptr_equal(a.runs, &run);
	assert_int_equal(a.nruns, 1);
}

/* ---- marked models: always labelled whole ---- */

/* The index of a model of the fixture catalog. */
static size_t model_index(const char *id)
{
	const struct catalog_entry *e = catalog_model(&cat, id);

	assert_non_null(e);
	return (size_t)(e - cat.models);
}

/* Whether model id's tag reads whole in frame c, where the map says it is. */
static bool tag_shown(const struct explorer *e, const struct canvas *c, const char *id)
{
	const struct preset *p = &cat.models[model_index(id)].preset;
	const char *tag = p->tag[0] ? p->tag : p->id;
	struct map_tag t;

	if (!map_tag_of(&e->map, (int)model_index(id), &t) || t.place != MARKER_TAG)
		return false;
	for (int i = 0; tag[i]; i++)
		if (canvas_get(c, t.x + i, t.cy).ch != tag[i])
			return false;
	return true;
}

/*
 * The first frame labels the story's models whole: GPT-3 (whose cell
 * Jurassic-1, OPT and BLOOM share, once a bare '+'), Gopher, Chinchilla
 * (once under the '@') and Llama 3 70B; and its title names the point's model.
 */
static void the_first_frame_labels_the_story(void **state)
{
	(void)state;
	struct app a;
	struct explorer e;
	struct canvas c;
	static const char *const story[] = {"gpt3", "gopher", "chinchilla", "llama3-70b"};

	start_explorer(&a, &e, &c);
	assert_int_equal(explorer_frame(&e, &a, &c), 0);
	for (size_t i = 0; i < sizeof story / sizeof *story; i++) {
		assert_true(app_model_marked(&a, model_index(story[i])));
		if (!tag_shown(&e, &c, story[i]))
			fail_msg("%s: its tag is not whole in the first frame", story[i]);
	}
	assert_true(canvas_has_text(&c, "@ Chinchilla 70B"));
	canvas_free(&c);
	explorer_free(&e);
}

/* 'M' opens the picker; Space marks and unmarks the row's model; Enter closes. */
static void the_marks_picker_toggles(void **state)
{
	(void)state;
	struct app a;
	struct explorer e;
	struct canvas c;
	size_t opt = model_index("opt-175b"), gpt3 = model_index("gpt3");

	start_explorer(&a, &e, &c);
	assert_false(app_model_marked(&a, opt));
	press(&a, 'M', KEY_HANDLED);
	assert_int_equal(a.mode, MODE_PICK_MARKS);
	assert_int_equal(explorer_frame(&e, &a, &c), 0);
	assert_true(canvas_has_text(&c, "[x] ")); /* the story's are marked */
	while (a.pick != opt)
		press(&a, KEYC_DOWN, KEY_HANDLED);
	press(&a, ' ', KEY_HANDLED);
	assert_true(app_model_marked(&a, opt));
	while (a.pick != gpt3)
		press(&a, KEYC_DOWN, KEY_HANDLED);
	press(&a, ' ', KEY_HANDLED);
	assert_false(app_model_marked(&a, gpt3));
	press(&a, KEYC_ENTER, KEY_HANDLED);
	assert_int_equal(a.mode, MODE_EXPLORE);
	assert_int_equal(a.scene.marked.n, 4); /* three of the story's and OPT */
	/* the marks drive the labels: OPT's is whole now, on GPT-3's shared cell */
	app_move_to(&a, 1e7, 1e8);
	assert_int_equal(explorer_frame(&e, &a, &c), 0);
	assert_true(tag_shown(&e, &c, "opt-175b"));
	/* Space again unmarks; the set is the same as if never marked */
	press(&a, 'M', KEY_HANDLED);
	a.pick = opt;
	press(&a, ' ', KEY_HANDLED);
	press(&a, KEYC_ESC, KEY_HANDLED);
	assert_false(app_model_marked(&a, opt));
	assert_int_equal(a.scene.marked.n, 3);
	assert_true(a.scene.marked.model[3] == 0); /* zeroed past n: the base key compares it */
	canvas_free(&c);
	explorer_free(&e);
}

/* A step's models: replaces the marks; [] clears them; an unknown id is refused at its mark. */
static void tour_models_field(void **state)
{
	(void)state;
	static struct tour t;
	struct app a;
	char err[512];
	const char *text = "id: t\ntitle: T\nsteps:\n"
	                   "  - caption: one\n"
	                   "  - caption: two\n    models: [opt-175b, bloom]\n"
	                   "  - caption: three\n    models: []\n";

	assert_int_equal(tour_parse("t.yaml", (const unsigned char *)text, strlen(text), &t, err,
	                            sizeof err),
	                 0);
	assert_int_equal(t.steps[0].nmodels, -1);
	assert_int_equal(t.steps[1].nmodels, 2);
	assert_int_equal(t.steps[2].nmodels, 0);
	tour_begin(&a, &t);
	assert_int_equal(a.scene.marked.n, 4); /* step 1 keeps the story's */
	press(&a, ' ', KEY_HANDLED);
	assert_int_equal(a.scene.marked.n, 2);
	assert_true(app_model_marked(&a, model_index("opt-175b")));
	assert_true(app_model_marked(&a, model_index("bloom")));
	assert_false(app_model_marked(&a, model_index("gpt3")));
	press(&a, ' ', KEY_HANDLED);
	assert_int_equal(a.scene.marked.n, 0);
	press(&a, KEYC_BACKSPACE, KEY_HANDLED); /* back: step 2's marks again */
	assert_int_equal(a.scene.marked.n, 2);

	const char *bad = "id: t\ntitle: T\nsteps:\n"
	                  "  - caption: one\n    models: [gpt3, nosuch]\n";
	assert_int_equal(
	        tour_parse("t.yaml", (const unsigned char *)bad, strlen(bad), &t, err, sizeof err),
	        0);
	start(&a, "besiroglu2024");
	assert_int_equal(tour_play_start(&a, &t, err, sizeof err), -1);
	assert_string_equal(err, "t.yaml:5:20: unknown model 'nosuch' in models (isoflop presets "
	                         "models lists them)");
	const char *scalar = "id: t\ntitle: T\nsteps:\n  - caption: one\n    models: gpt3\n";
	assert_int_equal(tour_parse("t.yaml", (const unsigned char *)scalar, strlen(scalar), &t,
	                            err, sizeof err),
	                 -1);
	assert_non_null(strstr(err, "t.yaml:5:13: 'models' takes a list of model ids"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(starts_at_chinchilla),
	        cmocka_unit_test(c_locked_walks_the_isoflop_line),
	        cmocka_unit_test(other_locks_hold),
	        cmocka_unit_test(clamps_at_the_window),
	        cmocka_unit_test(o_snaps_to_the_closed_form),
	        cmocka_unit_test(typed_values),
	        cmocka_unit_test(pickers),
	        cmocka_unit_test(moe_models_use_active_parameters),
	        cmocka_unit_test(compare_and_delta),
	        cmocka_unit_test(views_add_their_sliders),
	        cmocka_unit_test(inference_and_unique_sliders),
	        cmocka_unit_test(editing_the_law),
	        cmocka_unit_test(saving_an_edited_law),
	        cmocka_unit_test(hardware_view),
	        cmocka_unit_test(saved_text_loads_back),
	        cmocka_unit_test(help_scrolls_to_every_key),
	        cmocka_unit_test(timeline_derives_once_per_law_and_stock),
	        cmocka_unit_test(layout_keeps_the_map),
	        cmocka_unit_test(key_table_is_unambiguous),
	        cmocka_unit_test(every_mode_table_is_unambiguous),
	        cmocka_unit_test(pick_moves_wrap_or_stop),
	        cmocka_unit_test(pickers_type_ahead_and_ends),
	        cmocka_unit_test(entry_setters),
	        cmocka_unit_test(small_setters),
	        cmocka_unit_test(tour_rewinds_the_whole_scene),
	        cmocka_unit_test(start_setters),
	        cmocka_unit_test(the_first_frame_labels_the_story),
	        cmocka_unit_test(the_marks_picker_toggles),
	        cmocka_unit_test(tour_models_field),
	        cmocka_unit_test(a_budget_past_the_window_keeps_the_point_in_it),
	        cmocka_unit_test(clicks_move_the_point_and_the_sliders),
	        cmocka_unit_test(a_click_on_the_point_does_nothing),
	        cmocka_unit_test(every_tag_letter_clicks_to_its_model),
	        cmocka_unit_test(tour_steps_are_the_same_however_reached),
	        cmocka_unit_test(tour_unique_tokens_survive_u),
	        cmocka_unit_test(z_toggles_the_profiles_zoom),
	        cmocka_unit_test(tour_step_sets_the_zoom),
	        cmocka_unit_test(zoom_follows_c_as_a_fresh_frame),
	};
	return cmocka_run_group_tests(tests, load_catalog, free_catalog);
}
