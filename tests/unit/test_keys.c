/*
 * test_keys.c: what a speaker's keys do, without a terminal: Esc never
 * ends the program, q asks first in a tour, every explorer key works in a
 * tour as a detour that Enter comes back from, and 'y' builds a command
 * line that draws the same frame and the OSC 52 bytes that copy it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../../presets/text.h"
#include "../../tui/cmd/runs_law.h"
#include "../../tui/explore/app.h"
#include "../../tui/explore/cmdline.h"
#include "../../tui/explore/explorer.h"
#include "../../tui/explore/keys.h"
#include "../../tui/explore/tour_play.h"
#include "fixtures.h"
#include "catalog_fixture.h"
#include "app_fixture.h"

#define STORY "presets/tours/chinchilla-story.yaml"

static void press(struct app *a, int key, enum key_result want)
{
	assert_int_equal(app_key(a, key), want);
}

/* The shipped story, played from its first step as `isoflop --tour` plays it. */
static void story(struct app *a)
{
	static struct tour t;
	char err[512];

	if (tour_load(STORY, &t, err, sizeof err) != 0)
		fail_msg("%s", err);
	app_fixture_start(a, "besiroglu2024");
	if (tour_play_start(a, &t, err, sizeof err) != 0)
		fail_msg("%s", err);
}

/* ---- Esc and q ---- */

/* Esc in the explorer says which key quits; two after an error message quit nothing. */
static void esc_never_quits(void **state)
{
	(void)state;
	struct app a;

	app_fixture_start(&a, "besiroglu2024");
	press(&a, KEYC_ESC, KEY_HANDLED);
	assert_int_equal(a.mode, MODE_EXPLORE);
	assert_non_null(strstr(a.status, "q quits"));
	/* an error message, then the double Esc of a startled speaker */
	press(&a, '=', KEY_HANDLED);
	press(&a, 'z', KEY_HANDLED);
	press(&a, KEYC_ENTER, KEY_HANDLED);
	assert_true(a.status[0] != '\0');
	press(&a, KEYC_ESC, KEY_HANDLED);
	press(&a, KEYC_ESC, KEY_HANDLED);
	assert_int_equal(a.mode, MODE_EXPLORE);
	/* Esc closes a dialog and no more */
	press(&a, 'p', KEY_HANDLED);
	press(&a, KEYC_ESC, KEY_HANDLED);
	assert_int_equal(a.mode, MODE_EXPLORE);
	press(&a, KEYC_ESC, KEY_HANDLED);
	press(&a, 'q', KEY_QUIT);
}

/* In a tour a double Esc after an error message leaves the tour playing. */
static void esc_keeps_the_tour(void **state)
{
	(void)state;
	struct app a;

	story(&a);
	press(&a, 's', KEY_HANDLED); /* "s saves an edited law: e edits one first" */
	assert_true(a.status[0] != '\0');
	press(&a, KEYC_ESC, KEY_HANDLED);
	press(&a, KEYC_ESC, KEY_HANDLED);
	assert_int_equal(a.mode, MODE_TOUR);
	assert_non_null(a.tour);
	press(&a, '=', KEY_HANDLED); /* a prompt in a tour: Esc closes it, back to the tour */
	press(&a, KEYC_ESC, KEY_HANDLED);
	assert_int_equal(a.mode, MODE_TOUR);
}

/* q in a tour asks; y quits, any other key (Esc, n, Space) goes on with the tour. */
static void q_asks_in_a_tour(void **state)
{
	(void)state;
	static const int no[] = {'n', KEYC_ESC, ' ', 'q'};
	struct app a;

	story(&a);
	for (size_t i = 0; i < sizeof no / sizeof *no; i++) {
		press(&a, 'q', KEY_HANDLED);
		assert_non_null(strstr(a.status, "quit the tour and isoflop? y/n"));
		press(&a, no[i], KEY_HANDLED);
		assert_int_equal(a.mode, MODE_TOUR);
		assert_int_equal(a.step, 0); /* the answer is no key of the tour */
		assert_string_equal(a.status, "");
	}
	press(&a, 'q', KEY_HANDLED);
	press(&a, 'y', KEY_QUIT);
}

/* ---- detours ---- */

/*
 * Every key of the explore table, pressed in a tour, acts (the frame or the
 * mode changes) or says something in the status line: none is ignored.
 */
static void no_key_is_ignored_in_a_tour(void **state)
{
	(void)state;
	struct app a;
	int keys = 0;

	for (size_t i = 0; i < key_table_len; i++) {
		for (int j = 0; key_table[i].codes[j] != 0; j++, keys++) {
			int key = key_table[i].codes[j];
			story(&a);
			press(&a, ' ', KEY_HANDLED); /* step 2: one to go back to */
			char *before = app_fixture_frame(&a);
			enum key_result r = app_key(&a, key);
			char *after = app_fixture_frame(&a);
			if (r == KEY_IGNORED || (a.mode == MODE_TOUR && strcmp(before, after) == 0))
				fail_msg("key %d (%s) does nothing in a tour:\n%s", key,
				         key_table[i].names, after);
			free(before);
			free(after);
		}
	}
	assert_true(keys > 20);
}

/* A step number the tour lacks, or a zoom past the map's limit, says so: never silent. */
static void out_of_range_keys_say_so(void **state)
{
	(void)state;
	struct app a;

	story(&a);
	press(&a, 'g', KEY_HANDLED);
	press(&a, '1', KEY_HANDLED);
	press(&a, '1', KEY_HANDLED);
	press(&a, KEYC_ENTER, KEY_HANDLED);
	assert_int_equal(a.step, 0);
	assert_string_equal(a.status, "no step 11: the tour has steps 1 to 10");
	press(&a, '?', KEY_HANDLED); /* the help in a tour lists the tour's keys first */
	char line[128];
	key_help_line(&a, 3, line, sizeof line);
	assert_non_null(strstr(line, "go to step number N"));
	press(&a, KEYC_ESC, KEY_HANDLED);
	for (int i = 0; i < 20; i++)
		press(&a, '+', KEY_HANDLED);
	assert_non_null(strstr(a.status, "as narrow as it goes"));
	for (int i = 0; i < 40; i++)
		press(&a, '-', KEY_HANDLED);
	assert_non_null(strstr(a.status, "spans all it can"));
}

/* A detour from step 3, then Enter: step 3 exactly as it was; Space: step 4. */
static void enter_returns_from_a_detour(void **state)
{
	(void)state;
	/* views too (i, t, then u): the tour's start holds them, so Enter shuts them again */
	static const int detour[] = {KEYC_RIGHT, KEYC_DOWN, 'l', 'x', 'o',       'm',
	                             'i',        't',       'u', 'p', KEYC_DOWN, KEYC_ENTER};
	struct app a;

	story(&a);
	press(&a, ' ', KEY_HANDLED);
	press(&a, ' ', KEY_HANDLED);
	char *step3 = app_fixture_frame(&a);
	press(&a, ' ', KEY_HANDLED);
	char *step4 = app_fixture_frame(&a);
	press(&a, KEYC_BACKSPACE, KEY_HANDLED);
	for (size_t i = 0; i < sizeof detour / sizeof *detour; i++)
		press(&a, detour[i], KEY_HANDLED);
	assert_int_equal(a.mode, MODE_TOUR);
	assert_true(a.detoured);
	char *away = app_fixture_frame(&a);
	assert_string_not_equal(away, step3);
	press(&a, KEYC_RIGHT, KEY_HANDLED); /* the status line says how to come back */
	assert_string_equal(a.status, "detour from step 3: Enter returns, Space goes on");
	press(&a, KEYC_ENTER, KEY_HANDLED);
	assert_false(a.detoured);
	char *back = app_fixture_frame(&a);
	assert_string_equal(back, step3);
	press(&a, 'o', KEY_HANDLED);
	press(&a, ' ', KEY_HANDLED); /* Space goes on from the step left */
	char *on = app_fixture_frame(&a);
	assert_string_equal(on, step4);
	free(step3);
	free(step4);
	free(away);
	free(back);
	free(on);
}

/* ---- 'y': the command line and its OSC 52 bytes ---- */

/* The line for a, run with --dump by the isoflop under test: a's own frame. */
static void assert_line_redraws(struct app *a)
{
	char line[APP_CLIP_MAX], missing[96];

	app_focus(a, SLIDER_N); /* where a command line's explorer starts */
	app_clear_status(a);
	assert_true(cmdline_of(a, line, sizeof line, missing, sizeof missing));
	assert_string_equal(missing, "");
	assert_int_equal(strncmp(line, "isoflop --law ", 14), 0);
	char *got = app_fixture_dump(line);
	char *want = app_fixture_frame(a);
	if (strcmp(got, want) != 0)
		fail_msg("%s --dump draws:\n%s\nnot the state's frame:\n%s", line, got, want);
	free(got);
	free(want);
}

static void the_command_line_redraws_the_view(void **state)
{
	(void)state;
	struct app a;

	app_fixture_start(&a, "besiroglu2024"); /* the default start */
	assert_line_redraws(&a);
	/* at a marked model (--model M marks M: an unmarked one is named as left out) */
	app_jump_model(&a, (size_t)(catalog_model(a.catalog, "gopher") - a.catalog->models));
	assert_line_redraws(&a);
	app_step(&a, SLIDER_N, 0.35); /* C locked, moved along its line */
	app_step(&a, SLIDER_C, -0.8);
	assert_line_redraws(&a);
	app_toggle_inference(&a);
	app_set(&a, SLIDER_T, 3e13);
	assert_line_redraws(&a);
	app_fixture_start(&a, "besiroglu2024"); /* test time with no inference tokens */
	app_toggle_testtime(&a);
	app_set(&a, SLIDER_M, 12);
	assert_line_redraws(&a);
	app_toggle_testtime(&a);
	assert_true(app_toggle_hardware(&a));
	app_next_accelerator(&a);
	app_set(&a, SLIDER_GPUS, 4096);
	app_set(&a, SLIDER_MFU, 0.35);
	assert_line_redraws(&a);
	app_fixture_start(&a, "muennighoff2023");
	app_toggle_data(&a);
	app_set(&a, SLIDER_U, 2e11);
	assert_line_redraws(&a);
}

/* A priced inference view: the line carries serving's MFU and price, and redraws it. */
static void the_command_line_carries_the_serving_terms(void **state)
{
	(void)state;
	struct app a;
	char line[APP_CLIP_MAX], missing[96];

	app_fixture_start(&a, "besiroglu2024");
	app_toggle_inference(&a);
	app_set(&a, SLIDER_T, 2e13);
	app_set_serve(&a, 0.2, 2);
	assert_true(cmdline_of(&a, line, sizeof line, missing, sizeof missing));
	assert_string_equal(missing, "the serving MFU"); /* --serve-mfu opens the hardware view */
	assert_true(app_toggle_hardware(&a));
	assert_true(cmdline_of(&a, line, sizeof line, missing, sizeof missing));
	if (strstr(line, " --serve-mfu 0.2 --serve-price 2") == NULL)
		fail_msg("%s", line);
	assert_line_redraws(&a);
	app_set_serve(&a, 0.3, 0); /* serving at the training price */
	assert_true(cmdline_of(&a, line, sizeof line, missing, sizeof missing));
	if (strstr(line, " --serve-mfu 0.3") == NULL || strstr(line, "--serve-price") != NULL)
		fail_msg("%s", line);
	assert_line_redraws(&a);
}

/* No option starts the explorer in the timeline view: 'y' says it leaves the view out. */
static void the_command_line_leaves_the_timeline_out(void **state)
{
	(void)state;
	struct app a;
	char line[APP_CLIP_MAX], missing[96];

	app_fixture_start(&a, "besiroglu2024");
	assert_true(app_toggle_view(&a, TOUR_VIEW_TIMELINE));
	assert_true(cmdline_of(&a, line, sizeof line, missing, sizeof missing));
	assert_string_equal(missing, "the timeline view");
	assert_true(app_toggle_view(&a, TOUR_VIEW_TIMELINE));
	assert_true(cmdline_of(&a, line, sizeof line, missing, sizeof missing));
	assert_string_equal(missing, "");
}

/* What no option carries is named, so that the status line can say so. */
static void the_command_line_names_what_it_leaves_out(void **state)
{
	(void)state;
	struct app a;
	char line[APP_CLIP_MAX], missing[96];

	app_fixture_start(&a, "besiroglu2024");
	app_cycle_lock(&a);
	app_toggle_markers(&a);
	assert_true(cmdline_of(&a, line, sizeof line, missing, sizeof missing));
	assert_string_equal(missing, "the lock, markers off");
	/* the start is at Chinchilla, with the story's models marked */
	if (strstr(line, " --model chinchilla,gpt3,gopher,llama3-70b") == NULL)
		fail_msg("%s", line);
	char small[20];
	assert_false(cmdline_of(&a, small, sizeof small, missing, sizeof missing));
	/* 'y' shows the line in the status line and leaves it for the screen */
	press(&a, 'y', KEY_HANDLED);
	assert_true(a.clip_pending);
	assert_string_equal(a.clip, line);
	/* what is left out first, then the line, all within the narrowest status line */
	assert_int_equal(strncmp(a.status, "copied, not the lock, markers off: isoflop --law ", 49),
	                 0);
	assert_true(text_utf8_length(a.status) <= APP_STATUS_COLUMNS);
	const char *shown = strstr(a.status, ": isoflop") + 2;
	size_t len = strlen(shown);
	if (len >= 3 && strcmp(shown + len - 3, "...") == 0)
		len -= 3; /* cut: what is shown is the line's start */
	assert_int_equal(strncmp(shown, line, len), 0);
}

/* The status line after 'y': a long list of what is left out is counted, the line cut. */
static void the_status_line_fits_80_columns(void **state)
{
	char out[APP_STATUS_MAX];
	const char *line =
	        "isoflop --runs tests/runs/besiroglu-sweeps.csv --bootstrap 50 --compute "
	        "7.56e+24 --params 1.26e+10 --downstream gadre2024";

	(void)state;
	cmdline_status(line, "the comparison, loss contours (A)", 80, out, sizeof out);
	assert_string_equal(out, "copied, not the comparison and 1 more: isoflop --runs "
	                         "tests/runs/besiroglu-sw...");
	assert_int_equal(strlen(out), 80);
	cmdline_status("isoflop --law chinchilla", "", 80, out, sizeof out);
	assert_string_equal(out, "copied: isoflop --law chinchilla");
	/* a path in UTF-8 is cut between characters, never inside one */
	cmdline_status("isoflop --runs 'données/ééééééééééééééééééééééééééééééééééééééééééééééééé"
	               "éééééééééééééééééééééé.csv'",
	               "", 80, out, sizeof out);
	assert_int_equal(text_utf8_length(out), 80);
}

/*
 * A runs view (--runs FILE --bootstrap N --seed S): the line carries them
 * (the path quoted, for it has a space), no --law runs, numbers without
 * float noise, and run with --dump it draws the same frame: the band and
 * the readout's intervals.
 */
static void the_command_line_of_a_runs_view(void **state)
{
	static struct cli cli;
	static struct app a;
	struct runs_law r = {0};
	struct law *draws = NULL;
	int ndraws = 0;
	char dir[] = "/tmp/isoflop-y-XXXXXX", path[128], cmd[400], line[APP_CLIP_MAX], missing[96];

	(void)state;
	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof path, "%s/my runs.csv", dir);
	snprintf(cmd, sizeof cmd, "cp tests/runs/besiroglu-sweeps.csv '%s'", path);
	assert_int_equal(system(cmd), 0);
	cli.catalog = &cat;
	cli.runs = path;
	cli.bootstrap = 50;
	cli.seed = 3;
	cli.given = OPT_RUNS | OPT_BOOTSTRAP | OPT_SEED;
	assert_int_equal(runs_law_load(&cli, "draw", &r), 0);
	assert_int_equal(runs_law_bootstrap(&cli, &r, &draws, &ndraws), 0);
	size_t law = (size_t)(catalog_law(&cat, r.id) - cat.laws);
	app_init(&a, &cat, law);
	app_set_runs(&a, r.runs, r.n);
	app_set_draws(&a, draws, ndraws, law);
	app_set_runs_from(&a, &(struct app_runs_from){path, 50, 3, law});
	/* C locked, moved along its line (float noise), the point well off the optimum: its '@'
	   clear of the interval's brackets, whose cells a last-digit difference moves (valgrind) */
	app_step(&a, SLIDER_N, 1.5);
	app_step(&a, SLIDER_C, 0.4);
	app_focus(&a, SLIDER_N);
	assert_true(cmdline_of(&a, line, sizeof line, missing, sizeof missing));
	snprintf(cmd, sizeof cmd, "isoflop --runs '%s' --bootstrap 50 --seed 3 --compute ", path);
	if (strncmp(line, cmd, strlen(cmd)) != 0 || strstr(line, "--law") != NULL)
		fail_msg("%s", line);
	/* seven significant digits at most: no 7.560000000000008e+24 */
	for (const char *c = strstr(line, "--compute"); *c; c++)
		assert_false(strspn(c, "0123456789") > 7);
	char *got = app_fixture_dump(line);
	char *want = app_fixture_frame(&a);
	/* under valgrind (tests/run.sh sets VALGRIND=1) this process's floating point differs
	   from the native --dump's in the last digits, and 4,500 fits from them can land N* a
	   cell apart: there the frames are not compared, natively they are */
	const char *vg = getenv("VALGRIND");
	if ((vg == NULL || strcmp(vg, "1") != 0) && strcmp(got, want) != 0)
		fail_msg("%s --dump draws:\n%s\nnot the state's frame:\n%s", line, got, want);
	/* the readout's interval, as in the view: N* = 12.6B (12-13.2B) */
	size_t at = strcspn(want, "*");
	assert_true(want[at] != '\0' && strchr(want + at, '(') != NULL);
	free(got);
	free(want);
	free(draws);
	free(r.runs);
	unlink(path);
	rmdir(dir);
}

/* c: 'y' carries --compare ID, which redraws the compare view; d's map is named left out. */
static void the_command_line_carries_the_comparison(void **state)
{
	struct app a;
	char line[APP_CLIP_MAX], missing[96];

	(void)state;
	app_fixture_start(&a, "besiroglu2024");
	app_set_compare(&a, catalog_law(a.catalog, "hoffmann2022") - a.catalog->laws);
	assert_true(cmdline_of(&a, line, sizeof line, missing, sizeof missing));
	if (strstr(line, " --compare hoffmann2022") == NULL)
		fail_msg("%s", line);
	assert_line_redraws(&a);
	assert_true(app_set_delta(&a, true));
	assert_true(cmdline_of(&a, line, sizeof line, missing, sizeof missing));
	assert_string_equal(missing, "the difference map (d)");
}

/*
 * Runs read from standard input: a pasted --runs - would wait on the
 * terminal, so they are named left out; a path starting with '=' (zsh
 * expands =cmd) is quoted.
 */
static void the_command_line_leaves_piped_runs_out(void **state)
{
	struct app a;
	char line[APP_CLIP_MAX], missing[96];
	size_t law = (size_t)(catalog_law(&cat, "hoffmann2022") - cat.laws);

	(void)state;
	app_fixture_start(&a, "besiroglu2024");
	app_set_runs_from(&a, &(struct app_runs_from){"-", 0, -1, law});
	app_set_compare(&a, (long)law);
	assert_true(cmdline_of(&a, line, sizeof line, missing, sizeof missing));
	if (strstr(line, "--runs") != NULL || strstr(line, "--compare") != NULL)
		fail_msg("%s", line);
	assert_string_equal(missing, "the runs from standard input, the comparison");
	app_set_compare(&a, -1);
	app_set_runs_from(&a, &(struct app_runs_from){"=x.csv", 0, -1, law});
	assert_true(cmdline_of(&a, line, sizeof line, missing, sizeof missing));
	if (strstr(line, " --runs '=x.csv'") == NULL)
		fail_msg("%s", line);
}

/* ESC ] 52 ; c ; BASE64 BEL, base64 padded as RFC 4648 says. */
static void osc52_bytes(void **state)
{
	(void)state;
	char out[256];

	assert_int_equal(
	        cmdline_osc52("isoflop --law besiroglu2024 --model chinchilla", out, sizeof out),
	        8 + 64);
	assert_string_equal(out, "\033]52;c;aXNvZmxvcCAtLWxhdyBiZXNpcm9nbHUyMDI0IC0tbW9kZWwgY2hpbm"
	                         "NoaWxsYQ==\a");
	cmdline_osc52("a", out, sizeof out);
	assert_string_equal(out, "\033]52;c;YQ==\a");
	cmdline_osc52("ab", out, sizeof out);
	assert_string_equal(out, "\033]52;c;YWI=\a");
	cmdline_osc52("abc", out, sizeof out);
	assert_string_equal(out, "\033]52;c;YWJj\a");
	cmdline_osc52("", out, sizeof out);
	assert_string_equal(out, "\033]52;c;\a");
	assert_int_equal(cmdline_osc52("abc", out, 12), 0); /* 12 bytes and a NUL do not fit */
	assert_int_equal(cmdline_osc52("abc", out, 13), 12);
}

/* X: 'y' carries the test-time law and the plane's point, and names the view it cannot open. */
static void the_command_line_carries_the_plane(void **state)
{
	struct app a;
	char line[APP_CLIP_MAX], missing[128];

	(void)state;
	app_fixture_start(&a, "hoffmann2022");
	press(&a, 'X', KEY_HANDLED);
	assert_true(app_set_train(&a, 1e15));
	assert_true(app_set_test(&a, 1e8));
	assert_true(app_set_problems(&a, 1e6));
	assert_true(cmdline_of(&a, line, sizeof line, missing, sizeof missing));
	assert_non_null(strstr(
	        line, " --tt-law jones2021-hex9 --train 1e+15 --test 1e+08 --problems 1e+06"));
	assert_non_null(strstr(missing, "the train x test view"));
	assert_null(strstr(missing, "the plane's lock"));
	press(&a, 'x', KEY_HANDLED);
	assert_true(cmdline_of(&a, line, sizeof line, missing, sizeof missing));
	assert_non_null(strstr(missing, "the plane's lock"));
}

/* W: the test-time laws' picker, its type-ahead, Esc leaving the law as it was. */
static void w_picks_a_test_time_law(void **state)
{
	struct app a;

	(void)state;
	app_fixture_start(&a, "hoffmann2022");
	long before = a.scene.tt.law;
	press(&a, 'W', KEY_HANDLED);
	assert_int_equal(a.mode, MODE_PICK_TT);
	press(&a, 's', KEY_HANDLED); /* type-ahead: snell2024 */
	assert_string_equal(cat.testtimes[a.pick].preset.id, "snell2024");
	press(&a, KEYC_ESC, KEY_HANDLED);
	assert_int_equal(a.mode, MODE_EXPLORE);
	assert_int_equal(a.scene.tt.law, before);
	press(&a, 'W', KEY_HANDLED);
	press(&a, 's', KEY_HANDLED);
	press(&a, KEYC_ENTER, KEY_HANDLED);
	assert_string_equal(app_tt_law(&a)->preset.id, "snell2024");
	assert_non_null(strstr(a.status, "test-time law: "));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(esc_never_quits),
	        cmocka_unit_test(esc_keeps_the_tour),
	        cmocka_unit_test(q_asks_in_a_tour),
	        cmocka_unit_test(no_key_is_ignored_in_a_tour),
	        cmocka_unit_test(out_of_range_keys_say_so),
	        cmocka_unit_test(enter_returns_from_a_detour),
	        cmocka_unit_test(the_command_line_redraws_the_view),
	        cmocka_unit_test(the_command_line_names_what_it_leaves_out),
	        cmocka_unit_test(the_command_line_leaves_the_timeline_out),
	        cmocka_unit_test(the_command_line_carries_the_serving_terms),
	        cmocka_unit_test(osc52_bytes),
	        cmocka_unit_test(the_command_line_carries_the_plane),
	        cmocka_unit_test(w_picks_a_test_time_law),
	        cmocka_unit_test(the_status_line_fits_80_columns),
	        /* last: it adds law 'runs' to the group's catalog */
	        cmocka_unit_test(the_command_line_of_a_runs_view),
	        cmocka_unit_test(the_command_line_carries_the_comparison),
	        cmocka_unit_test(the_command_line_leaves_piped_runs_out),
	};
	return cmocka_run_group_tests(tests, load_catalog, free_catalog);
}
