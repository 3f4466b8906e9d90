/*
 * cmd_explore.c: `isoflop` with no command: the interactive explorer, or
 * with --dump its first frame as text. Sets up the state from the options,
 * then hands over to the screen.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <libgen.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../../model/fit.h"

#include "../../model/optimum.h"
#include "../../model/units.h"
#include "../explore/app.h"
#include "cli.h"
#include "downstream_cols.h"
#include "runs_law.h"
#include "../explore/explorer.h"
#include "../explore/record.h"
#include "../explore/screen.h"
#include "../explore/notes.h"
#include "../explore/tour_play.h"

/* Where 's' saves edited laws: DIR/laws under the user's config directory. */
static const char *save_dir(const char *config_dir)
{
	static char dir[4096];

	snprintf(dir, sizeof dir, "%.4000s/laws", config_dir);
	return dir;
}

/*
 * The tour 'r' appends to: --record FILE, checked now so that a typo is
 * told before a talk is rehearsed (an existing file must load as a tour,
 * a new one's directory exist), else tours/recorded.yaml in the user's
 * config directory, where --tour recorded finds it. 0 or EXIT_USAGE.
 */
static int start_record(const struct cli *cli, struct app *a)
{
	static struct tour tour; /* 20 KB: not on the stack */
	char path[4200], dir[4200], err[1024];
	struct stat st;

	if (cli->record == NULL) {
		if (cli->config_dir != NULL) {
			snprintf(path, sizeof path, "%.4000s/tours/" RECORD_DEFAULT_ID ".yaml",
			         cli->config_dir);
			app_set_record_path(a, path);
		}
		return 0;
	}
	snprintf(dir, sizeof dir, "%s", cli->record);
	if (lstat(cli->record, &st) != 0 && stat(dirname(dir), &st) != 0)
		return cli_error("--record %s: no directory %s to make it in", cli->record, dir);
	if (lstat(cli->record, &st) == 0 && !S_ISREG(st.st_mode))
		return cli_error("--record %s is not a regular file: name a tour file",
		                 cli->record);
	if (lstat(cli->record, &st) == 0 && tour_load(cli->record, &tour, err, sizeof err) != 0) {
		fprintf(stderr, "%s\n", err);
		return EXIT_USAGE;
	}
	app_set_record_path(a, cli->record);
	return 0;
}

/*
 * 0 when (n, d) lies in the explorer's window, else an error:
 * "WHAT outside the window (...)".
 */
static int in_window(const struct app *a, double n, double d, const char *what)
{
	char nl[16], nh[16], dl[16], dh[16];

	/* the data view's window reaches the stock of text (app_tokens_hi) */
	double d_hi = app_tokens_hi(a);

	if (n >= a->n_lo && n <= a->n_hi && d >= a->d_lo && d <= d_hi)
		return 0;
	units_format_count(a->n_lo, nl, sizeof nl);
	units_format_count(a->n_hi, nh, sizeof nh);
	units_format_count(a->d_lo, dl, sizeof dl);
	units_format_count(d_hi, dh, sizeof dh);
	return cli_error("%s outside the window (N %s..%s, D %s..%s)", what, nl, nh, dl, dh);
}

/*
 * --model ID[,ID...] (or repeated): every model named is marked, in place
 * of the story's default marks; the first id is also where the explorer
 * starts, returned in *first. 0, or a usage error for an unknown id.
 */
static int mark_models(const struct cli *cli, struct app *a, const struct catalog_entry **first)
{
	size_t ids[APP_MAX_MARKED];
	int n = 0;

	*first = NULL;
	for (int i = 0; i < cli->nmodels; i++) {
		char list[1024], *save = NULL;
		snprintf(list, sizeof list, "%s", cli->models[i]);
		if (list[0] == '\0' || list[0] == ',' || list[strlen(list) - 1] == ',' ||
		    strstr(list, ",,") != NULL)
			return cli_error("--model: an empty id in '%s' (give ID,ID,...)",
			                 cli->models[i]);
		for (char *id = strtok_r(list, ",", &save); id != NULL;
		     id = strtok_r(NULL, ",", &save)) {
			const struct catalog_entry *m = catalog_model(a->catalog, id);
			if (m == NULL)
				return cli_error(
				        "unknown model '%s' (isoflop presets models lists them)",
				        id);
			if (*first == NULL)
				*first = m;
			if (n < APP_MAX_MARKED)
				ids[n++] = (size_t)(m - a->catalog->models);
		}
	}
	app_set_marked(a, ids, n);
	return 0;
}

/* The start point from --model or two of --params/--tokens/--compute. */
static int start_point(const struct cli *cli, struct app *a)
{
	unsigned long long g = cli->given & (OPT_PARAMS | OPT_TOKENS | OPT_COMPUTE);
	const struct law *law = app_law(a);
	double n, d, c = cli->compute;

	if (cli->model != NULL) {
		const struct catalog_entry *m;
		int rc;
		if (g != 0)
			return cli_error("start from --model, or from --params/--tokens/--compute");
		if ((rc = mark_models(cli, a, &m)) != 0)
			return rc;
		char what[96];
		snprintf(what, sizeof what, "--model %.60s lies", m->preset.id);
		n = preset_compute_params(&m->preset);
		d = m->preset.tokens;
		/* a user's preset may lie outside: the picker would clamp it */
		if ((rc = in_window(a, n, d, what)) != 0)
			return rc;
		app_jump_model(a, (size_t)(m - a->catalog->models));
		app_clear_status(a);
		return 0;
	}
	if (g == 0 && cli->runs != NULL && cli->law == NULL && law->compute.hi > 0) {
		/* your runs' fit opens on your largest budget, not on Chinchilla */
		g = OPT_COMPUTE;
		c = law->compute.hi;
	}
	if (g == 0)
		return 0;
	enum model_status st = optimum_point(law, g & OPT_PARAMS ? cli->params : 0,
	                                     g & OPT_TOKENS ? cli->tokens : 0,
	                                     g & OPT_COMPUTE ? c : 0, a->scene.u, &n, &d);
	if (st == MODEL_EDOM)
		return cli_error("give two of --params, --tokens, --compute (or --compute alone "
		                 "for the optimum)");
	if (st != MODEL_OK)
		return cli_error("--compute: no optimum at %g FLOPs under %s", c,
		                 a->catalog->laws[a->scene.law].preset.id);
	int rc = in_window(a, n, d, "the start point lies");
	if (rc == 0) {
		app_move_to(a, n, d);
		app_say_lacks(a); /* moving cleared what the law's status says of it */
	}
	return rc;
}

/* The law fitted to --runs: its id ("runs", or "runs-2"... when a user's
 * preset has taken it) is offered in the law picker. */
static struct runs_law runs_law;

/* --bootstrap N with --runs: the fit's bootstrap laws, kept for the explorer's life. */
static struct law *boot_laws;
static int nboot;

/*
 * --runs FILE|-: read the runs (a pipe before the terminal opens, then keys
 * come from /dev/tty), fit Approach 3 and add the law to the catalog.
 */
static int load_runs(const struct cli *cli, struct fit_run **runs, size_t *n)
{
	int rc = runs_law_read(cli, &runs_law);

	if (rc != 0)
		return rc;
	if (strcmp(cli->runs, "-") == 0 && !cli->dump) {
		int fd = open("/dev/tty", O_RDONLY);
		if (fd < 0 || dup2(fd, STDIN_FILENO) < 0) {
			free(runs_law.runs);
			return cli_error("--runs -: no terminal to read keys from after the pipe");
		}
		close(fd);
	}
	if ((rc = runs_law_fit(cli, "draw", &runs_law)) != 0)
		return rc;
	if ((rc = runs_law_bootstrap(cli, &runs_law, &boot_laws, &nboot)) != 0) {
		free(runs_law.runs);
		return rc;
	}
	*runs = runs_law.runs;
	*n = runs_law.n;
	return 0;
}

/* A number as people write it, to 3 significant digits: 0.01, 3650, 1.72e4. */
static void format_short3(double v, char *buf, size_t size)
{
	char g[32];

	snprintf(g, sizeof g, "%.3g", v);
	units_format_short(strtod(g, NULL), buf, size);
}

/* Whether v lies in slider s's range; if not, its ends as words into lb and hb (32 each). */
static bool slider_holds(const struct app *a, enum slider s, double v, char *lb, char *hb)
{
	double lo, hi;

	app_range(a, s, &lo, &hi);
	if (v >= lo && v <= hi)
		return true;
	units_format_short(lo, lb, 32);
	units_format_short(hi, hb, 32);
	return false;
}

/*
 * A start value for slider s, or an error naming the slider's range: the
 * keys clamp at it, so a start beyond it would show a value no key reaches.
 */
static int in_range(const struct app *a, enum slider s, const char *option, double v)
{
	char lb[32], hb[32], vb[32];

	if (slider_holds(a, s, v, lb, hb))
		return 0;
	units_format_short(v, vb, sizeof vb);
	return cli_error("%s: the explorer's %s slider runs from %s to %s, not %s", option,
	                 app_slider_name(s), lb, hb, vb);
}

/*
 * The follower (the days, or with --days the count) within its slider:
 * --gpus 1 at Chinchilla's C would take 47 years, past the days slider.
 * `given` names the option it followed from.
 */
static int follower_in_range(const struct app *a, enum slider s, const char *given)
{
	char lb[32], hb[32], vb[32], cb[16];
	double v = app_value(a, s);

	if (slider_holds(a, s, v, lb, hb))
		return 0;
	format_short3(v, vb, sizeof vb);
	units_format_compute(app_value(a, SLIDER_C), cb, sizeof cb);
	return cli_error("%s: %s FLOPs would take %s %s; the explorer's %s slider runs from %s "
	                 "to %s",
	                 given, cb, vb, s == SLIDER_DAYS ? "days" : "accelerators",
	                 app_slider_name(s), lb, hb);
}

/*
 * --price and --watts over the starting accelerator's preset: they are that
 * accelerator's, so 'a' moves on to the next one's own (and says so); --pue
 * for the whole session.
 */
static void start_cost(const struct cli *cli, struct app *a)
{
	app_set_serve(a, cli->given & OPT_SERVE_MFU ? cli->serve_mfu : 0,
	              cli->given & OPT_SERVE_PRICE ? cli->serve_price : 0);
	if (cli->given & OPT_PRICE)
		app_set_price(a, cli->price);
	if (cli->given & OPT_WATTS)
		app_set_watts(a, cli->watts);
	if (cli->given & OPT_PUE)
		app_set_pue(a, cli->pue);
}

/*
 * --downstream ID: the readout's error line and, as plot contour draws them,
 * the map's contours of that error ('A' turns them back to L).
 */
static int start_downstream(const struct cli *cli, struct app *a)
{
	if (cli_downstream(cli, &a->downstream) != 0)
		return EXIT_USAGE;
	a->error_contours = a->downstream != NULL;
	return 0;
}

/* --stock ID|none: the data view's stock of text, the view open to show it. */
static int start_stock(const struct cli *cli, struct app *a)
{
	struct stock_numbers st;

	if (cli->stock == NULL)
		return 0;
	if (strcmp(cli->stock, "none") != 0 && cli_stock(cli, cli->stock, &st) != 0)
		return EXIT_USAGE;
	app_set_stock(a, cli->stock);
	if (!app_view_on(a, TOUR_VIEW_DATA))
		app_toggle_data(a);
	app_clear_status(a);
	return 0;
}

/*
 * --tt-law, --train, --test, --problems, --samples, --target: the test-time
 * views' law and point (views X and K show them). The explorer's target is
 * view K's coverage, so it must lie in (0, 1).
 */
static int start_testtime(const struct cli *cli, struct app *a)
{
	const struct catalog_entry *e;
	int rc;

	if (cli->given & OPT_TT_LAW) {
		if ((rc = cli_testtime_law(cli, cli->tt_law, &e)) != 0)
			return rc;
		app_set_tt_law(a, (size_t)(e - cli->catalog->testtimes));
	}
	if ((cli->given & OPT_TARGET) && !(cli->target > 0 && cli->target < 1))
		return cli_error("--target %g: the explorer's target is a coverage between 0 and 1 "
		                 "(view K), e.g. 0.9",
		                 cli->target);
	/* beyond a slider's range the keys could not reach the value: refuse, never clamp */
	if (((cli->given & OPT_TRAIN) && (rc = in_range(a, SLIDER_TRAIN, "--train", cli->train))) ||
	    ((cli->given & OPT_TEST) && (rc = in_range(a, SLIDER_TEST, "--test", cli->test))) ||
	    ((cli->given & OPT_PROBLEMS) &&
	     (rc = in_range(a, SLIDER_PROBLEMS, "--problems", cli->problems))) ||
	    ((cli->given & OPT_SAMPLES) &&
	     (rc = in_range(a, SLIDER_SAMPLES, "--samples", cli->samples))))
		return rc;
	if (cli->given & OPT_TRAIN)
		app_set_train(a, cli->train);
	if (cli->given & OPT_TEST)
		app_set_test(a, cli->test);
	if (cli->given & OPT_PROBLEMS)
		app_set_problems(a, cli->problems);
	if (cli->given & OPT_SAMPLES)
		app_set_samples(a, cli->samples);
	if (cli->given & OPT_TARGET)
		app_set_target(a, cli->target);
	return 0;
}

/*
 * --gpu, --gpus, --mfu, --days: start in the hardware view with them. With
 * both a count and days the budget follows from them, and the point starts
 * at its compute-optimal allocation (as --compute alone would put it);
 * otherwise the days, or with --days the count, follow from the point's C.
 */
static int start_hardware(const struct cli *cli, struct app *a)
{
	int rc;

	if (!(cli->given & (OPT_GPU | OPT_GPUS | OPT_MFU | OPT_DAYS | OPT_PRICE | OPT_WATTS |
	                    OPT_PUE | OPT_SERVE)))
		return 0;
	if ((cli->given & (OPT_GPUS | OPT_DAYS)) == (OPT_GPUS | OPT_DAYS) &&
	    (cli->given & (OPT_COMPUTE | OPT_PARAMS | OPT_TOKENS | OPT_MODEL)))
		return cli_error("--gpus and --days set the budget: start without --compute, "
		                 "--params, --tokens or --model");
	if (!app_toggle_hardware(a))
		return cli_error("%s", a->status);
	if (cli->gpu != NULL) {
		const struct catalog_entry *g = catalog_accelerator(a->catalog, cli->gpu);
		if (g == NULL)
			return cli_error("unknown accelerator '%s' (isoflop presets accelerators "
			                 "lists them)",
			                 cli->gpu);
		while (a->catalog->accelerators + a->accel != g)
			app_next_accelerator(a);
	}
	start_cost(cli, a);
	if ((cli->given & OPT_MFU) && (rc = in_range(a, SLIDER_MFU, "--mfu", cli->mfu)) != 0)
		return rc;
	if ((cli->given & OPT_GPUS) &&
	    (rc = in_range(a, SLIDER_GPUS, "--gpus", (double)cli->gpus)) != 0)
		return rc;
	if ((cli->given & OPT_DAYS) && (rc = in_range(a, SLIDER_DAYS, "--days", cli->days)) != 0)
		return rc;
	/* the days follow the MFU given, or the 0.4 the hardware view opens with (app.c) */
	app_set(a, SLIDER_MFU, cli->given & OPT_MFU ? cli->mfu : a->scene.hw.mfu);
	if ((cli->given & OPT_GPUS) && (cli->given & OPT_DAYS)) {
		double budget, n, d;
		if (app_hw_budget_optimum(a, (double)cli->gpus, cli->days, &budget, &n, &d) !=
		    MODEL_OK)
			return cli_error("no compute-optimal model for %g FLOPs under %s", budget,
			                 a->catalog->laws[a->scene.law].preset.id);
		char what[64];
		snprintf(what, sizeof what, "%.3g FLOPs put the optimum", budget);
		if ((rc = in_window(a, n, d, what)) != 0)
			return rc;
	} else if (cli->given & OPT_GPUS) {
		app_set(a, SLIDER_GPUS, (double)cli->gpus);
	} else if (cli->given & OPT_DAYS) {
		app_set_follow(a, HW_COUNT);
		app_set(a, SLIDER_DAYS, cli->days);
		app_set_follow(a, HW_DAYS);
	}
	app_clear_status(a);
	/* what the follower (days, or with --days the count) came from */
	char given[96];
	if (cli->given & OPT_DAYS)
		snprintf(given, sizeof given, "--days %g", cli->days);
	else if (cli->given & OPT_GPUS)
		snprintf(given, sizeof given, "--gpus %ld", cli->gpus);
	else if (cli->given & OPT_MFU)
		snprintf(given, sizeof given, "--mfu %g", cli->mfu);
	else
		snprintf(given, sizeof given, "--gpu %.60s", cli->gpu);
	return follower_in_range(a, cli->given & OPT_DAYS ? SLIDER_GPUS : SLIDER_DAYS, given);
}

/*
 * The views a talk may want to start in: --unique-tokens,
 * --inference-tokens, --larger, hardware.
 */
static int start_views(const struct cli *cli, struct app *a)
{
	int rc;
	struct app_window w = {cli->range[0], cli->range[1], cli->range[2], cli->range[3]};

	/* --range: the map's window, within the units' limits; it grows to hold the point */
	if ((cli->given & OPT_RANGE) && !app_set_window(a, &w))
		return cli_error("--range: %s", a->status);
	if ((cli->given & OPT_UNIQUE) &&
	    (rc = in_range(a, SLIDER_U, "--unique-tokens", cli->unique)) != 0)
		return rc;
	if ((cli->given & OPT_INFERENCE) &&
	    (rc = in_range(a, SLIDER_T, "--inference-tokens", cli->inference)) != 0)
		return rc;
	if (cli->given & OPT_INFERENCE) {
		app_toggle_inference(a);
		app_set(a, SLIDER_T, cli->inference);
	}
	if (cli->given & OPT_LARGER) {
		double lo, hi;
		app_range(a, SLIDER_M, &lo, &hi);
		if (!(cli->larger >= lo && cli->larger <= hi))
			return cli_error("--larger: the explorer's M runs from %g to %g, not %g",
			                 lo, hi, cli->larger);
		app_toggle_testtime(a);
		app_set(a, SLIDER_M, cli->larger);
	}
	if ((rc = start_hardware(cli, a)) != 0)
		return rc;
	app_focus(a, SLIDER_N);
	return 0;
}

/* --compare ID: the compare view ('c') open on that law from the first frame. */
static int start_compare(const struct cli *cli, struct app *a)
{
	const struct catalog_entry *b;

	if (cli->compare == NULL)
		return 0;
	if ((b = catalog_law(cli->catalog, cli->compare)) == NULL)
		return strcmp(cli->compare, RUNS_LAW_DEFAULT_ID) == 0 && cli->runs == NULL
		               ? cli_error("--compare: law 'runs' is the fit of --runs FILE: give "
		                           "--runs")
		               : cli_unknown_law(cli, "--compare: ", cli->compare);
	size_t i = (size_t)(b - cli->catalog->laws);
	if (i == a->scene.law)
		return cli_error("--compare: '%s' is the law shown; compare it with another (--law "
		                 "ID sets the one shown)",
		                 cli->compare);
	app_set_compare(a, (long)i);
	return 0;
}

/* --notes PATH: where the tour's speaker notes go, checked before the first step. */
static int start_notes(const struct cli *cli, struct app *a)
{
	static struct notes notes;
	char err[4200];

	if (cli->notes == NULL)
		return 0;
	if (cli->tour == NULL)
		return cli_error("--notes writes a tour's speaker notes: give --tour ID|FILE too");
	if (notes_open(&notes, cli->notes, err, sizeof err) != 0)
		return cli_error("--notes %s", err);
	app_set_notes(a, &notes);
	return 0;
}

/* --tour ID|FILE: the tour, loaded before the runs its runs: names (cmd_explore). */
static struct tour tour; /* 150 KB with its notes: not on the stack */

/* --tour ID|FILE: load it, and play it with its runs unless the command line gives them. */
static int load_tour(const struct cli *cli, struct cli *played)
{
	int rc;

	if (cli->given & (OPT_MODEL | OPT_PARAMS | OPT_TOKENS | OPT_COMPUTE | OPT_UNIQUE))
		return cli_error("a tour sets its own point: --tour takes no --model, "
		                 "--params, --tokens, --compute or --unique-tokens");
	if ((rc = cli_load_tour(cli, cli->tour, &tour)) != 0)
		return rc;
	runs_law_with_tour(cli, &tour, played);
	return 0;
}

/* --tour ID|FILE: its first step, checked against the catalog. */
static int start_tour(const struct cli *cli, struct app *a)
{
	char err[1024];

	if (cli->tour == NULL)
		return 0;
	if (tour_play_start(a, &tour, err, sizeof err) != 0) {
		fprintf(stderr, "%s\n", err);
		return EXIT_USAGE;
	}
	return 0;
}

/* --dump: the first frame as text, --width x --height (80 x 24). */
static int dump_frame(const struct cli *cli, const struct app *a)
{
	struct explorer e;
	struct canvas c;
	int rc;

	explorer_init(&e);
	if (canvas_init(&c, cli->width ? cli->width : 80, cli->height ? cli->height : 24) != 0)
		return cli_error("out of memory");
	rc = explorer_frame(&e, a, &c);
	if (rc == 0)
		canvas_print(&c, stdout, cli->color == COLOR_ALWAYS);
	canvas_free(&c);
	explorer_free(&e);
	return rc == 0 ? 0 : cli_error("out of memory");
}

/* Why the explorer cannot run here, or NULL. */
static const char *no_terminal(void)
{
	const char *term = getenv("TERM");

	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO))
		return "the explorer needs a terminal";
	if (term == NULL || term[0] == '\0')
		return "the explorer needs a terminal, and TERM is not set";
	if (strcmp(term, "dumb") == 0)
		return "the explorer cannot draw on TERM=dumb";
	return NULL;
}

/* --domain without --law: the explorer starts on the domain's first law, as the picker lists it. */
static const struct catalog_entry *domain_first(const struct cli *cli, int domain)
{
	for (size_t i = 0; i < cli->catalog->nlaws; i++)
		if ((int)cli->catalog->laws[i].preset.domain == domain)
			return &cli->catalog->laws[i];
	return NULL;
}

/* The options the explorer refuses before it loads anything. */
static int check_options(const struct cli *cli)
{
	if (cli->nargs > 0)
		return cli_error("the explorer takes no operand '%s'", cli->args[0]);
	if ((cli->given & (OPT_WIDTH | OPT_HEIGHT)) && !cli->dump)
		return cli_error(
		        "--width and --height size a --dump; the explorer fills the terminal");
	if (cli->law != NULL && strcmp(cli->law, "all") == 0)
		return cli_error("the explorer shows one law: --law ID");
	return cli_serve_options(cli);
}

/* The user's runs on the map, where they came from (for 'y' and 'r') and their bootstrap laws. */
static void start_runs(const struct cli *cli, struct app *a, struct fit_run *runs, size_t nruns)
{
	app_set_runs(a, runs, nruns);
	if (cli->runs == NULL)
		return;
	size_t fitted = (size_t)(catalog_law(cli->catalog, runs_law.id) - cli->catalog->laws);
	app_set_runs_from(
	        a, &(struct app_runs_from){cli->runs, boot_laws != NULL ? cli->bootstrap : 0,
	                                   (cli->given & OPT_SEED) ? cli->seed : -1, fitted});
	if (boot_laws != NULL)
		app_set_draws(a, boot_laws, nboot, fitted);
}

int cmd_explore(const struct cli *cli)
{
	struct app a;
	const char *why;
	int rc;

	if ((rc = check_options(cli)) != 0)
		return rc;
	static struct cli played; /* with a tour's runs: as if given */
	if (cli->tour != NULL) {
		if ((rc = load_tour(cli, &played)) != 0)
			return rc;
		cli = &played;
	}
	if ((rc = runs_law_options_check(cli)) != 0)
		return rc;
	struct fit_run *runs = NULL;
	size_t nruns = 0;
	if (cli->runs != NULL && (rc = load_runs(cli, &runs, &nruns)) != 0)
		return rc;
	int domain = -1;
	if (cli->domain != NULL && (domain = cli_domain(cli->domain)) < 0)
		return 2;
	const struct catalog_entry *law = catalog_law(cli->catalog, cli->law    ? cli->law
	                                                            : cli->runs ? runs_law.id
	                                                                        : CLI_DEFAULT_LAW);
	if (domain >= 0 && cli->law == NULL && !cli->runs &&
	    (law = domain_first(cli, domain)) == NULL)
		return cli_error(
		        "--domain %s: no law of that domain is loaded (isoflop presets laws "
		        "lists them)",
		        cli->domain);
	if (law == NULL)
		return cli_unknown_law(cli, "", cli->law);
	if ((cli->given & OPT_UNIQUE) && law->preset.law.family != LAW_DATA_CONSTRAINED)
		return cli_error("--unique-tokens needs a data-constrained law such as "
		                 "muennighoff2023; '%s' is %s",
		                 law->preset.id, preset_family_name(law->preset.law.family));
	app_init(&a, cli->catalog, (size_t)(law - cli->catalog->laws));
	app_set_domain(&a, domain);
	if (cli->config_dir != NULL)
		app_set_save_dir(&a, save_dir(cli->config_dir));
	/* the views a talk may want to start in */
	app_set_unique_given(&a, cli->unique);
	if (cli->given & OPT_UNIQUE)
		app_toggle_data(&a);
	start_runs(cli, &a, runs, nruns);
	if ((rc = start_stock(cli, &a)) != 0 || (rc = start_testtime(cli, &a)) != 0 ||
	    (rc = start_downstream(cli, &a)) != 0 || (rc = start_point(cli, &a)) != 0 ||
	    (rc = start_views(cli, &a)) != 0 || (rc = start_compare(cli, &a)) != 0 ||
	    (rc = start_notes(cli, &a)) != 0 || (rc = start_tour(cli, &a)) != 0 ||
	    (rc = start_record(cli, &a)) != 0)
		return rc;
	if (cli->dump) {
		rc = dump_frame(cli, &a);
		free(runs);
		free(boot_laws);
		return rc;
	}
	if ((why = no_terminal()) != NULL) {
		free(runs);
		free(boot_laws);
		return cli_error(
		        "%s; for text output try: isoflop plot contour (or isoflop --help)", why);
	}
	rc = screen_run(&a, cli_use_color(cli), cli->unicode);
	free(runs);
	free(boot_laws);
	return rc;
}
