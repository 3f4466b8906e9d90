/*
 * test_record.c: the explorer's 'r': states recorded as tour steps load
 * back with the tour loader and replay to the very frames they were
 * recorded from; a step is appended after the old bytes, which stay as
 * they were, and nothing is written where the file is no tour.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../../presets/readall.h"
#include "../../presets/tour_write.h"
#include "../../tui/explore/app.h"
#include "../../tui/explore/explorer.h"
#include "../../tui/explore/keys.h"
#include "../../tui/explore/record.h"
#include "../../tui/explore/tour_play.h"
#include "fixtures.h"
#include "catalog_fixture.h"

#define NSTATES 10

static char dir[64];

static int make_dir(void **state)
{
	(void)state;
	snprintf(dir, sizeof dir, "/tmp/isoflop-record.XXXXXX");
	return mkdtemp(dir) != NULL ? 0 : -1;
}

static void start(struct app *a, const char *law)
{
	const struct catalog_entry *e = catalog_law(&cat, law);

	assert_non_null(e);
	app_init(a, &cat, (size_t)(e - cat.laws));
}

/* The frame of state a at 80x24 as text with its attributes, explore mode, no message. */
static char *frame_of(const struct app *a)
{
	static struct app shown;
	struct explorer e;
	struct canvas c;
	char *text = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&text, &len);

	shown = *a;
	shown.mode = MODE_EXPLORE; /* a replayed step is a tour's: drawn as the explorer draws it */
	shown.tour = NULL;
	shown.status[0] = '\0';
	explorer_init(&e);
	assert_int_equal(canvas_init(&c, 80, 24), 0);
	assert_int_equal(explorer_frame(&e, &shown, &c), 0);
	canvas_print(&c, fp, true);
	fclose(fp);
	canvas_free(&c);
	explorer_free(&e);
	return text;
}

/* Switch law through the picker, as 'w' does. */
static void pick_law(struct app *a, const char *id)
{
	const struct catalog_entry *e = catalog_law(&cat, id);

	assert_non_null(e);
	app_open(a, MODE_PICK_LAW);
	while (a->pick != (size_t)(e - cat.laws))
		app_pick_move(a, 1, cat.nlaws, true);
	app_pick_choose(a);
}

/* State i of the recording: each through the setters keys use. */
static void reach_state(struct app *a, int i)
{
	switch (i) {
	case 0: /* a point off the optimum, N locked, no markers */
		app_cycle_lock(a);
		app_toggle_markers(a);
		app_move_to(a, 1.234e10, 3.21e11);
		break;
	case 1: /* at a model */
		app_toggle_markers(a);
		app_jump_model(a, (size_t)(catalog_model(&cat, "gpt3") - cat.models));
		break;
	case 2: /* the optimum of a budget, which Kaplan's law replays from C alone */
		pick_law(a, "kaplan2020");
		app_set(a, SLIDER_C, 3e24);
		app_snap_optimum(a);
		break;
	case 3: /* another law, a slider moved, D locked */
		pick_law(a, "hoffmann2022");
		app_cycle_lock(a);
		app_step(a, SLIDER_N, 3 * APP_STEP_FINE);
		break;
	case 4: /* a data-constrained law at a point of its own */
		pick_law(a, "muennighoff2023");
		app_move_to(a, 2e9, 4e11);
		break;
	case 5: /* the inference view, T moved */
		pick_law(a, "besiroglu2024");
		app_toggle_inference(a);
		app_step(a, SLIDER_T, 1);
		break;
	case 6: /* the test-time view: T and M (a step opens one view) */
		app_toggle_inference(a);
		app_toggle_testtime(a);
		app_step(a, SLIDER_M, APP_STEP_COARSE);
		break;
	case 7: /* compared with a second law, its difference mapped */
		app_toggle_testtime(a);
		app_set_compare(a, (long)(catalog_law(&cat, "hoffmann2022") - cat.laws));
		assert_true(app_set_delta(a, true));
		break;
	case 9: /* the map's window zoomed in about the point */
		app_zoom(a, 1);
		break;
	default: /* the hardware view: a count, days follow */
		app_set_compare(a, -1);
		assert_true(app_toggle_hardware(a));
		app_step(a, SLIDER_GPUS, APP_STEP_COARSE);
		break;
	}
}

/* Record NSTATES states, load the tour, replay it from a fresh start: the same frames. */
static void recorded_steps_replay_to_the_same_frames(void **state)
{
	(void)state;
	static struct tour t;
	struct app a, b;
	char path[128], msg[256], caption[32], err[512], *want[NSTATES];

	snprintf(path, sizeof path, "%s/replay.yaml", dir);
	start(&a, "besiroglu2024");
	app_set_record_path(&a, path);
	for (int i = 0; i < NSTATES; i++) {
		reach_state(&a, i);
		want[i] = frame_of(&a);
		snprintf(caption, sizeof caption, "state \"%d\" \\ here", i + 1);
		if (record_append(&a, caption, path, msg, sizeof msg) != i + 1)
			fail_msg("%s", msg);
	}
	if (tour_load(path, &t, err, sizeof err) != 0)
		fail_msg("%s", err);
	assert_int_equal(t.nsteps, NSTATES);
	assert_string_equal(t.id, "replay");
	assert_string_equal(t.steps[1].model, "gpt3");
	assert_true(t.steps[2].compute > 0 && t.steps[2].params == 0);
	start(&b, "besiroglu2024");
	if (tour_play_start(&b, &t, err, sizeof err) != 0)
		fail_msg("%s", err);
	for (int i = 0; i < NSTATES; i++) {
		tour_play_show(&b, i);
		snprintf(caption, sizeof caption, "state \"%d\" \\ here", i + 1);
		assert_string_equal(b.tour->steps[i].caption[0], caption);
		char *got = frame_of(&b);
		if (strcmp(got, want[i]) != 0)
			fail_msg("step %d replays to another frame:\n%s\nwant\n%s", i + 1, got,
			         want[i]);
		free(got);
		free(want[i]);
	}
}

/* The text of a recorded step: only what it sets, numbers in the fewest digits. */
static void a_new_tour_reads_as_written(void **state)
{
	(void)state;
	struct app a;
	char path[128], msg[256], *text;
	size_t len;

	snprintf(path, sizeof path, "%s/new/deeper/talk.yaml", dir);
	start(&a, "besiroglu2024");
	reach_state(&a, 0);
	assert_int_equal(record_append(&a, "one", path, msg, sizeof msg), 1);
	text = (char *)read_all(path, 1 << 20, true, &len, msg, sizeof msg);
	assert_non_null(text);
	assert_string_equal(text, "id: talk\n"
	                          "title: \"Recorded in the isoflop explorer\"\n"
	                          "steps:\n"
	                          "  - caption: \"one\"\n"
	                          "    law: \"besiroglu2024\"\n"
	                          "    params: 1.234e10\n"
	                          "    tokens: 3.21e11\n"
	                          "    lock: N\n"
	                          "    markers: false\n"
	                          "    view: explore\n"
	                          "    compare: \"none\"\n"
	                          "    models: [\"gpt3\", \"gopher\", \"chinchilla\", "
	                          "\"llama3-70b\"]\n"
	                          "    window: 1e7:1e13,1e8:1e14\n");
	free(text);
}

/* Copy file from to to with mode `mode`. */
static void copy_file(const char *from, const char *to, mode_t mode)
{
	char why[256];
	size_t len;
	unsigned char *buf = read_all(from, 1 << 20, true, &len, why, sizeof why);
	FILE *fp = fopen(to, "w");

	assert_non_null(buf);
	assert_non_null(fp);
	assert_int_equal(fwrite(buf, 1, len, fp), len);
	assert_int_equal(fclose(fp), 0);
	assert_int_equal(chmod(to, mode), 0);
	free(buf);
}

/* An existing tour keeps its bytes as the new file's beginning, and its mode. */
static void appending_keeps_the_old_bytes(void **state)
{
	(void)state;
	static struct tour t;
	struct app a;
	struct stat st;
	char path[128], msg[256], err[512];
	size_t oldlen, newlen;
	unsigned char *old, *new;

	snprintf(path, sizeof path, "%s/story.yaml", dir);
	copy_file("presets/tours/chinchilla-story.yaml", path, 0640);
	old = read_all(path, 1 << 20, true, &oldlen, msg, sizeof msg);
	start(&a, "besiroglu2024");
	reach_state(&a, 1);
	if (record_append(&a, "GPT-3, as recorded", path, msg, sizeof msg) < 0)
		fail_msg("%s", msg);
	new = read_all(path, 1 << 20, true, &newlen, msg, sizeof msg);
	assert_non_null(old);
	assert_non_null(new);
	assert_true(newlen > oldlen);
	assert_memory_equal(new, old, oldlen);
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 07777, 0640);
	if (tour_load(path, &t, err, sizeof err) != 0)
		fail_msg("%s", err);
	assert_string_equal(t.id, "chinchilla-story");
	assert_string_equal(t.steps[t.nsteps - 1].caption[0], "GPT-3, as recorded");
	free(old);
	free(new);
}

/* Entries of dir: a refused write leaves no temporary behind. */
static int entries(const char *path)
{
	DIR *d = opendir(path);
	struct dirent *e;
	int n = 0;

	assert_non_null(d);
	while ((e = readdir(d)) != NULL)
		n += e->d_name[0] != '.';
	closedir(d);
	return n;
}

/* A directory, a file that is no tour, an edited law: refused, nothing written. */
static void refusals_write_nothing(void **state)
{
	(void)state;
	struct app a;
	char sub[128], path[160], msg[256], *text;
	size_t len;

	snprintf(sub, sizeof sub, "%s/refusals", dir);
	assert_int_equal(mkdir(sub, 0777), 0);
	snprintf(path, sizeof path, "%s/adir", sub);
	assert_int_equal(mkdir(path, 0777), 0);
	start(&a, "besiroglu2024");
	assert_int_equal(record_append(&a, "x", path, msg, sizeof msg), -1);
	assert_non_null(strstr(msg, "is a directory"));
	snprintf(path, sizeof path, "%s/broken.yaml", sub);
	FILE *fp = fopen(path, "w");
	fputs("id: broken\ntitle: no steps\n", fp);
	fclose(fp);
	assert_int_equal(record_append(&a, "x", path, msg, sizeof msg), -1);
	assert_non_null(strstr(msg, "not a tour: "));
	text = (char *)read_all(path, 1 << 20, true, &len, msg, sizeof msg);
	assert_string_equal(text, "id: broken\ntitle: no steps\n");
	free(text);
	/* steps not last: a step after the file's end would not be one of them */
	fp = fopen(path, "w");
	fputs("steps:\n- caption: a\nid: broken\ntitle: t\n", fp);
	fclose(fp);
	assert_int_equal(record_append(&a, "x", path, msg, sizeof msg), -1);
	assert_non_null(strstr(msg, "would not read back"));
	app_set(&a, SLIDER_E, 1.9); /* an edit: no law id replays it */
	snprintf(path, sizeof path, "%s/edited.yaml", sub);
	assert_int_equal(record_append(&a, "x", path, msg, sizeof msg), -1);
	assert_non_null(strstr(msg, "s saves the edit"));
	assert_int_equal(entries(sub), 2); /* adir and broken.yaml */
}

/* A step of law `law` recorded with runs from file into path: tour_append_step's result. */
static int append_with_runs(const char *path, const char *law, const char *file, char *msg,
                            size_t msgsize)
{
	struct tour_step s;
	struct tour_runs runs = {.seed = -1};

	tour_step_init(&s);
	snprintf(s.caption[0], sizeof s.caption[0], "c");
	snprintf(s.law, sizeof s.law, "%s", law);
	snprintf(runs.file, sizeof runs.file, "%s", file);
	return tour_append_step(path, &s, "t", "T", &runs, msg, msgsize);
}

/* An empty file at path. */
static void touch(const char *path)
{
	FILE *fp = fopen(path, "w");

	assert_non_null(fp);
	fclose(fp);
}

/*
 * A runs file's name is written and read back byte for byte: a newline in
 * it is refused (it would fold into a blank that names another file),
 * trailing blanks are kept, a symlink is named as given, not its target.
 */
static void runs_names_read_back_as_meant(void **state)
{
	(void)state;
	static struct tour t;
	char sub[128], path[192], file[192], msg[512];

	snprintf(sub, sizeof sub, "%s/runsnames", dir);
	assert_int_equal(mkdir(sub, 0777), 0);
	snprintf(file, sizeof file, "%s/a\nb.csv", sub);
	touch(file);
	snprintf(file, sizeof file, "%s/a b.csv", sub); /* the decoy the folded name names */
	touch(file);
	snprintf(path, sizeof path, "%s/lf.yaml", sub);
	snprintf(file, sizeof file, "%s/a\nb.csv", sub);
	assert_int_equal(append_with_runs(path, "runs", file, msg, sizeof msg), -1);
	assert_non_null(strstr(msg, "control character"));
	assert_int_equal(access(path, F_OK), -1);
	/* a hand-written runs: with a newline: one line, file:line:col */
	const char *lf = "id: t\ntitle: T\nruns: \"a\\nb.csv\"\nsteps:\n  - caption: c\n";
	assert_int_equal(
	        tour_parse("lf.yaml", (const unsigned char *)lf, strlen(lf), &t, msg, sizeof msg),
	        -1);
	assert_string_equal(msg, "lf.yaml:3:7: 'runs': the file's name contains a control "
	                         "character");
	/* trailing blanks are part of the name */
	snprintf(file, sizeof file, "%s/trail.csv ", sub);
	touch(file);
	snprintf(path, sizeof path, "%s/trail.yaml", sub);
	assert_int_equal(append_with_runs(path, "runs", file, msg, sizeof msg), 1);
	assert_int_equal(tour_load(path, &t, msg, sizeof msg), 0);
	assert_string_equal(t.runs.written, "trail.csv ");
	/* a symlink to runs elsewhere: the tour names the link beside it */
	char target[192];
	snprintf(target, sizeof target, "%s/elsewhere", dir);
	assert_int_equal(mkdir(target, 0777), 0);
	snprintf(target, sizeof target, "%s/elsewhere/real.csv", dir);
	touch(target);
	snprintf(file, sizeof file, "%s/link.csv", sub);
	assert_int_equal(symlink(target, file), 0);
	snprintf(path, sizeof path, "%s/link.yaml", sub);
	assert_int_equal(append_with_runs(path, "runs", file, msg, sizeof msg), 1);
	assert_int_equal(tour_load(path, &t, msg, sizeof msg), 0);
	assert_string_equal(t.runs.written, "link.csv");
}

/*
 * Runs from standard input have no name a tour can write: a step of law
 * runs is refused, a step of another law recorded without runs.
 */
static void stdin_runs_refuse_only_their_steps(void **state)
{
	(void)state;
	static struct tour t;
	char path[192], msg[512];

	snprintf(path, sizeof path, "%s/stdin.yaml", dir);
	assert_int_equal(append_with_runs(path, "runs", "-", msg, sizeof msg), -1);
	assert_non_null(strstr(msg, "--runs FILE, not -"));
	assert_int_equal(access(path, F_OK), -1);
	assert_int_equal(append_with_runs(path, "besiroglu2024", "-", msg, sizeof msg), 1);
	assert_int_equal(tour_load(path, &t, msg, sizeof msg), 0);
	assert_string_equal(t.runs.written, "");
	assert_string_equal(t.steps[0].law, "besiroglu2024");
	/* the fit of runs is 'runs' or 'runs-N', not a typo beside it */
	assert_true(tour_law_is_runs("runs"));
	assert_true(tour_law_is_runs("runs-2"));
	assert_false(tour_law_is_runs("runsx"));
	assert_false(tour_law_is_runs("runs-"));
	assert_false(tour_law_is_runs("runs-2x"));
}

/*
 * A budget a slider's steps left noisy is written short (1e24, not
 * 9.999999999999996e23) and still replays to the frame; a runs path longer
 * than a tour holds is refused whole, nothing written.
 */
static void numbers_short_paths_whole(void **state)
{
	(void)state;
	static struct app a;
	static struct tour t;
	char path[192], msg[512], *text, *want, *got;
	static char longpath[1100];
	size_t len;

	start(&a, "kaplan2020");
	app_set(&a, SLIDER_C, 1e23);
	for (int i = 0; i < 20; i++) /* fine steps in log C: 1e24, within float noise */
		app_step(&a, SLIDER_C, APP_STEP_FINE);
	app_snap_optimum(&a);
	snprintf(path, sizeof path, "%s/short.yaml", dir);
	assert_int_equal(record_append(&a, "c", path, msg, sizeof msg), 1);
	text = (char *)read_all(path, 1 << 20, true, &len, msg, sizeof msg);
	assert_non_null(text);
	char *c = strstr(text, "compute: ");
	assert_non_null(c);
	assert_true(strcspn(c, "\n") <= strlen("compute: ") + 12);
	free(text);
	assert_int_equal(tour_load(path, &t, msg, sizeof msg), 0);
	want = frame_of(&a);
	static struct app b;
	start(&b, "besiroglu2024");
	assert_int_equal(tour_play_start(&b, &t, msg, sizeof msg), 0);
	tour_play_show(&b, 0);
	got = frame_of(&b);
	assert_string_equal(got, want);
	free(got);
	free(want);
	memset(longpath, 'x', sizeof longpath - 1);
	a.runs_from.file = longpath;
	snprintf(path, sizeof path, "%s/long/talk.yaml", dir);
	assert_int_equal(record_append(&a, "c", path, msg, sizeof msg), -1);
	assert_string_equal(msg, "the runs' path is longer than 1023 bytes: a tour names it whole");
	snprintf(path, sizeof path, "%s/long", dir);
	assert_int_equal(access(path, F_OK), -1);
}

/* 'r', a caption with blanks, Enter: a step; Esc: none; an empty caption: none. */
static void the_r_key_asks_a_caption(void **state)
{
	(void)state;
	static struct tour t;
	struct app a;
	char path[128], err[512];
	const char *typed = "  the start, as is  ";

	snprintf(path, sizeof path, "%s/keys.yaml", dir);
	start(&a, "besiroglu2024");
	app_set_record_path(&a, path);
	assert_int_equal(app_key(&a, 'r'), KEY_HANDLED);
	assert_int_equal(a.mode, MODE_RECORD);
	for (const char *c = typed; *c; c++)
		assert_int_equal(app_key(&a, *c), KEY_HANDLED);
	assert_int_equal(app_key(&a, KEYC_ENTER), KEY_HANDLED);
	assert_int_equal(a.mode, MODE_EXPLORE);
	assert_non_null(strstr(a.status, "step 1 recorded: "));
	app_key(&a, 'r');
	app_key(&a, 'x');
	assert_int_equal(app_key(&a, KEYC_ESC), KEY_HANDLED);
	assert_int_equal(a.mode, MODE_EXPLORE);
	app_key(&a, 'r');
	app_key(&a, ' ');
	app_key(&a, KEYC_ENTER);
	assert_string_equal(a.status, "not recorded: a step needs a caption (r, then type it)");
	if (tour_load(path, &t, err, sizeof err) != 0)
		fail_msg("%s", err);
	assert_int_equal(t.nsteps, 1);
	assert_string_equal(t.steps[0].caption[0], "the start, as is");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(recorded_steps_replay_to_the_same_frames),
	        cmocka_unit_test(a_new_tour_reads_as_written),
	        cmocka_unit_test(appending_keeps_the_old_bytes),
	        cmocka_unit_test(refusals_write_nothing),
	        cmocka_unit_test(the_r_key_asks_a_caption),
	        cmocka_unit_test(runs_names_read_back_as_meant),
	        cmocka_unit_test(stdin_runs_refuse_only_their_steps),
	        cmocka_unit_test(numbers_short_paths_whole),
	};
	int setup = make_dir(NULL) || load_catalog(NULL);
	int rc = setup ? 1 : cmocka_run_group_tests(tests, NULL, free_catalog);
	char cmd[128];

	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	if (dir[0] && system(cmd) != 0)
		rc = 1;
	return rc;
}
