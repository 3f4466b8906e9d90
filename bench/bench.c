/*
 * bench.c: speed figures for `make bench`. It prints; it asserts nothing
 * (these machines are noisy, so no test depends on wall-clock time).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#include <gsl/gsl_errno.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>

#include "../model/optimum.h"
#include "../presets/preset.h"
#include "../model/fit.h"
#include "../presets/catalog.h"
#include "../tui/explore/explorer.h"
#include "../tui/plot/compute.h"
#include "../tui/plot/coverage.h"
#include "../tui/plot/traintest.h"
#include "../tui/plot/map.h"
#include "../tui/explore/stocks.h"
#include "../tui/explore/timeline_spec.h"
#include "../tui/plot/timeline.h"

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec * 1e-9;
}

static int load(const char *dir, const char *id, struct law *law)
{
	char path[512], err[PRESET_ERR_MAX];
	static struct preset p;

	snprintf(path, sizeof path, "%s/%s.yaml", dir, id);
	if (preset_load(path, PRESET_LAW, &p, err, sizeof err) != 0) {
		fprintf(stderr, "bench: %s\n", err);
		return -1;
	}
	*law = p.law;
	return 0;
}

/* Keeps the compiler from dropping the work being timed. */
static volatile double sink;

static void report(const char *what, const char *id, double seconds, long n)
{
	printf("%-34s %-24s %10.1f ns\n", what, id, seconds / n * 1e9);
}

/* The stock and the trend `isoflop timeline` takes by default, from the catalog. */
struct bench_timeline_inputs {
	const struct catalog *cat;
	double stock[3];
	const struct preset *trend;
};

static int timeline_inputs(const struct catalog *cat, struct bench_timeline_inputs *in)
{
	const struct catalog_entry *s = catalog_stock(cat, STOCKS_DEFAULT);
	const struct catalog_entry *t = catalog_trend(cat, TIMELINE_DEFAULT_TREND);

	if (s == NULL || t == NULL) {
		fprintf(stderr, "bench: no stock '%s' or trend '%s' in the presets\n",
		        STOCKS_DEFAULT, TIMELINE_DEFAULT_TREND);
		return -1;
	}
	*in = (struct bench_timeline_inputs){
	        cat, {s->preset.stock, s->preset.stock_low, s->preset.stock_high}, &t->preset};
	return 0;
}

/*
 * The 160x48 timeline (its numbers, then the picture) against the bare
 * arithmetic: the numbers alone, derived as the command derives them
 * (timeline_spec.c: the models, the fit, the wall at both growths). Goal: at
 * most twice that.
 */
static void bench_timeline(const struct law *law, const char *id,
                           const struct bench_timeline_inputs *in)
{
	struct canvas c;
	struct timeline_numbers t;
	long n = 2000;
	double start, whole, bare;

	if (canvas_init(&c, 160, 48) != 0)
		return;
	start = now();
	for (long j = 0; j < n; j++) {
		timeline_numbers_derive(in->cat, law, in->stock, in->trend, &t);
		sink = t.wall_trend.year;
		timeline_numbers_free(&t);
	}
	bare = (now() - start) / n;
	start = now();
	for (long j = 0; j < n; j++) {
		timeline_numbers_derive(in->cat, law, in->stock, in->trend, &t);
		struct timeline_spec s = timeline_numbers_spec(&t, in->trend);
		timeline_draw(&c, (struct rect){0, 0, 160, 48}, &s);
		timeline_numbers_free(&t);
	}
	whole = (now() - start) / n;
	printf("%-34s %-24s %10.1f us\n", "timeline 160x48 (numbers, picture)", id, whole * 1e6);
	printf("%-34s %-24s %10.1f us\n", "  the fit and two walls alone", id, bare * 1e6);
	printf("%-34s %-24s %10.2f (goal <= 2)\n", "  ratio picture / arithmetic", id,
	       whole / bare);
	canvas_free(&c);
}

/*
 * The 160x48 contour map against the bare arithmetic under it: L at every
 * corner of the same plot grid. Goal: the picture costs at most twice that.
 */
static void bench_map(const struct law *law, const char *id)
{
	struct map_spec s = {
	        .law = law,
	        .law_name = id,
	        .dataset = "",
	        .n_lo = 1e7,
	        .n_hi = 1e13,
	        .d_lo = 1e8,
	        .d_hi = 1e14,
	};
	struct canvas c;
	struct map m;
	long n = 50;
	double t, draw, grid, sum = 0, l;

	if (canvas_init(&c, 160, 48) != 0)
		return;
	t = now();
	for (long j = 0; j < n; j++)
		map_draw_base(&c, (struct rect){0, 0, 160, 48}, &s, &m);
	draw = (now() - t) / n;

	/* the same corners the map evaluates, and nothing else */
	const struct frame *f = &m.frame;
	t = now();
	for (long j = 0; j < n; j++)
		for (int y = 0; y <= f->area.h; y++)
			for (int x = 0; x <= f->area.w; x++) {
				law_loss(law, axis_value(&f->x, x), axis_value(&f->y, y), 0, &l);
				sum += l;
			}
	grid = (now() - t) / n;
	sink = sum;
	printf("%-34s %-24s %10.1f us\n", "contour map 160x48 (all layers)", id, draw * 1e6);
	printf("%-34s %-24s %10.1f us\n", "  L on its grid corners alone", id, grid * 1e6);
	printf("%-34s %-24s %10.2f (goal <= 2)\n", "  ratio picture / arithmetic", id, draw / grid);
	canvas_free(&c);
}

/*
 * The 160x48 loss-against-compute picture (base and overlay, '@' at 1e24)
 * against its bare arithmetic: L*(C) at the same column centres, and
 * nothing else. Goal: the picture costs at most twice that.
 */
static void bench_compute(const struct law *law, const char *id)
{
	struct compute_law cl = {law, id};
	struct compute_spec s = {
	        .laws = &cl,
	        .nlaws = 1,
	        .c_lo = 1e20,
	        .c_hi = 1e27,
	        .has_point = true,
	        .point_c = 1e24,
	};
	struct rect r = {0, 0, 160, 48};
	struct canvas c;
	struct compute_plot p;
	long n = law->family == LAW_ADDITIVE ? 2000 : 20;
	double t, draw, line, sum = 0, l;

	if (canvas_init(&c, r.w, r.h) != 0)
		return;
	t = now();
	for (long j = 0; j < n; j++) {
		compute_draw_base(&c, r, &s, &p);
		compute_draw_overlay(&c, r, &s, &p);
	}
	draw = (now() - t) / n;

	const struct frame *f = &p.frame;
	t = now();
	for (long j = 0; j < n; j++)
		for (int x = 0; x < f->area.w; x++) {
			returns_loss(law, axis_value(&f->x, x + 0.5), 0, &l);
			sum += l;
		}
	line = (now() - t) / n;
	sink = sum;
	printf("%-34s %-24s %10.1f us\n", "loss vs compute 160x48", id, draw * 1e6);
	printf("%-34s %-24s %10.1f us\n", "  L*(C) on its columns alone", id, line * 1e6);
	printf("%-34s %-24s %10.2f (goal <= 2)\n", "  ratio picture / arithmetic", id, draw / line);
	canvas_free(&c);
}

/*
 * The 160x48 train x test plane of the shipped jones2021-hex9 ('@' at 1e14,
 * 1e10 for 1e6 moves) against its bare arithmetic: the law's performance at
 * every plot cell, what the fitted range's edge asks. Then coverage against
 * samples of the shipped brown2024-llama3-8b-math against c(k) at
 * every column. Goal: each picture at most twice its arithmetic.
 */
static void bench_traintest(const struct catalog *cat)
{
	const struct catalog_entry *je = catalog_testtime(cat, "jones2021-hex9");
	const struct catalog_entry *be = catalog_testtime(cat, "brown2024-llama3-8b-math");

	if (je == NULL || be == NULL) {
		fprintf(stderr, "bench: no jones2021-hex9 or brown2024-llama3-8b-math\n");
		return;
	}
	const struct tt_law jones = je->preset.tt, brown = be->preset.tt;
	struct traintest_spec s = {
	        .law = &jones, .has_point = true, .train = 1e14, .test = 1e10, .problems = 1e6};
	struct coverage_spec cs = {
	        .law = &brown, .has_point = true, .k = 100, .has_target = true, .target = 0.9};
	struct rect r = {0, 0, 160, 48};
	struct traintest_plot p;
	struct coverage_plot cp;
	struct canvas c;
	long n = 400;
	double t, draw, bare, sum = 0, x, y;

	if (!traintest_window(&s) || canvas_init(&c, r.w, r.h) != 0)
		return;
	t = now();
	for (long j = 0; j < n; j++)
		traintest_draw(&c, r, &s, &p);
	draw = (now() - t) / n;
	const struct frame *f = &p.frame;
	t = now();
	for (long j = 0; j < n; j++)
		for (int cy = f->area.y; cy < f->area.y + f->area.h; cy++)
			for (int cx = f->area.x; cx < f->area.x + f->area.w; cx++) {
				frame_value(f, cx, cy, &x, &y);
				sum += tt_performance(&jones, x, y);
			}
	bare = (now() - t) / n;
	printf("%-34s %-24s %10.1f us\n", "train x test plane 160x48", "jones2021-hex9",
	       draw * 1e6);
	printf("%-34s %-24s %10.1f us\n", "  performance on its cells alone", "", bare * 1e6);
	printf("%-34s %-24s %10.2f (goal <= 2)\n", "  ratio picture / arithmetic", "", draw / bare);
	n = 4000;
	t = now();
	for (long j = 0; j < n; j++)
		coverage_draw(&c, r, &cs, &cp);
	draw = (now() - t) / n;
	t = now();
	for (long j = 0; j < n; j++)
		for (int col = 0; col < cp.frame.area.w; col++)
			sum += tt_coverage(&brown, axis_value(&cp.frame.x, col + 0.5));
	bare = (now() - t) / n;
	sink = sum;
	printf("%-34s %-24s %10.1f us\n", "coverage vs samples 160x48", "brown2024-llama3-8b...",
	       draw * 1e6);
	printf("%-34s %-24s %10.1f us\n", "  c(k) on its columns alone", "", bare * 1e6);
	printf("%-34s %-24s %10.2f (axes and legend: a fixed 7 us)\n",
	       "  ratio picture / arithmetic", "", draw / bare);
	canvas_free(&c);
}

/*
 * The full 4,500-start Approach 3 fit on 240 synthetic runs (8 budgets of
 * 30 sizes, Besiroglu et al.'s law, deterministic 0.5% ripple), and a
 * 1,000-sample bootstrap of warm-started refits.
 */
static int count_refit(const struct fit_run *sample, size_t n, double *v, const void *ctx)
{
	struct fit_parametric q;
	if (fit_parametric_from(sample, n, ((const struct fit_parametric *)ctx)->theta, &q) !=
	    MODEL_OK)
		return -1;
	v[0] = q.alpha;
	return 0;
}

static void bench_fit(const struct law *law)
{
	static struct fit_run runs[240];
	struct fit_parametric p;
	double g, a, b, t;

	law_additive_allocation(law, &g, &a, &b);
	for (int c = 0; c < 8; c++) {
		double compute = 6e18 * pow(10, c * 0.5), n_opt = g * pow(compute / 6, a);
		for (int j = 0; j < 30; j++) {
			double n = n_opt * pow(10, -1 + 2.0 * j / 29), d = compute / (6 * n);
			double l =
			        law->E + law->A / pow(n, law->alpha) + law->B / pow(d, law->beta);
			runs[c * 30 + j] =
			        (struct fit_run){n, d, l * (1 + 0.005 * sin(7.0 * (c * 30 + j)))};
		}
	}
	t = now();
	fit_parametric(runs, 240, &p);
	printf("%-34s %-24s %10.2f s (goal well under 1 s)\n", "fit: 4,500 starts, 240 runs",
	       "besiroglu2024", now() - t);
	t = now();
	static double alphas[1000];
	double *draws[1] = {alphas};
	int ok = fit_bootstrap(runs, 240, 1000, 1, 1, count_refit, &p, draws);
	printf("%-34s %-24s %10.2f s (%d refits)\n", "fit: bootstrap, 1,000 resamples", "",
	       now() - t, ok);
}

/*
 * Approach 3 on many rows: 100,000 runs spread log-uniformly over N (1e7 to
 * 1e11) and D (1e9 to 1e13) from Besiroglu et al.'s law with 1% log-normal
 * noise (GSL's MT19937, seed 1). Goal: under 10 s on two cores.
 */
static void bench_fit_rows(const struct law *law, size_t rows)
{
	struct fit_run *runs = malloc(sizeof *runs * rows);
	gsl_rng *rng = gsl_rng_alloc(gsl_rng_mt19937);
	struct fit_parametric p;
	char what[40];

	if (runs == NULL || rng == NULL) {
		free(runs);
		gsl_rng_free(rng);
		return;
	}
	gsl_rng_set(rng, 1);
	for (size_t i = 0; i < rows; i++) {
		double n = 1e7 * pow(1e4, gsl_rng_uniform(rng)),
		       d = 1e9 * pow(1e4, gsl_rng_uniform(rng));
		double l = law->E + law->A / pow(n, law->alpha) + law->B / pow(d, law->beta);
		runs[i] = (struct fit_run){n, d, l * exp(gsl_ran_gaussian(rng, 0.01))};
	}
	double t = now();
	fit_parametric(runs, rows, &p);
	snprintf(what, sizeof what, "fit: 4,500 starts, %zu runs", rows);
	printf("%-34s %-24s %10.2f s (goal under 10 s; %ld cores)\n", what, "besiroglu2024",
	       now() - t, sysconf(_SC_NPROCESSORS_ONLN));
	free(runs);
	gsl_rng_free(rng);
}

/*
 * The explorer's heaviest redraw: one step of a coefficient slider ('e')
 * at 160x48 rebuilds the whole frame (contours, frontier, profiles) under
 * the edited law. Against L on the map's grid alone, as for the plot.
 */
static void bench_law_edit(const struct catalog *cat)
{
	struct app a;
	struct explorer e;
	struct canvas c;
	long n = 40;
	double t, frame, grid, l, sum = 0;

	const struct catalog_entry *law = catalog_law(cat, "besiroglu2024");
	if (law == NULL)
		return;
	app_init(&a, cat, (size_t)(law - cat->laws));
	app_toggle_editing(&a);
	explorer_init(&e);
	if (canvas_init(&c, 160, 48) != 0)
		return;
	explorer_frame(&e, &a, &c);
	t = now();
	for (long j = 0; j < n; j++) {
		app_step(&a, SLIDER_E, j % 2 ? -APP_STEP_FINE : APP_STEP_FINE);
		explorer_frame(&e, &a, &c);
	}
	frame = (now() - t) / n;
	const struct frame *f = &e.map.frame;
	t = now();
	for (long j = 0; j < n; j++)
		for (int y = 0; y <= f->area.h; y++)
			for (int x = 0; x <= f->area.w; x++) {
				law_loss(app_law(&a), axis_value(&f->x, x), axis_value(&f->y, y), 0,
				         &l);
				sum += l;
			}
	grid = (now() - t) / n;
	sink = sum;
	printf("%-34s %-24s %10.1f us\n", "explorer frame, law edit 160x48", "besiroglu2024",
	       frame * 1e6);
	printf("%-34s %-24s %10.2f (goal <= 2 for the map alone)\n",
	       "  ratio frame / map arithmetic", "", frame / grid);
	canvas_free(&c);
	explorer_free(&e);
}

/* The catalog under root (presets/: laws, models, stocks, trends), as the command loads it. */
static int load_catalog(const char *root, struct catalog *cat)
{
	const char *dirs[] = {root};
	struct catalog_options opt = {.dirs = dirs, .ndirs = 1};
	char err[PRESET_ERR_MAX];

	if (catalog_load(cat, &opt, err, sizeof err) < 0) {
		fprintf(stderr, "bench: %s\n", err);
		return -1;
	}
	return 0;
}

int main(int argc, char **argv)
{
	const char *dir = argc > 1 ? argv[1] : "presets/laws";
	const char *root = argc > 2 ? argv[2] : "presets"; /* the whole catalog: models, stocks */
	static const char *const ids[] = {"besiroglu2024", "kaplan2020", "muennighoff2023"};

	gsl_set_error_handler_off();
	printf("%-34s %-24s %13s\n", "operation", "law", "time per call");
	for (int i = 0; i < 3; i++) {
		struct law law;
		struct allocation a;
		struct inference_plan plan;
		double t, l, sum = 0;
		long n;

		if (load(dir, ids[i], &law) != 0)
			return 1;
		n = 2000000;
		t = now();
		for (long j = 0; j < n; j++) {
			law_loss(&law, 1e9 + j, 2e10, 5e9, &l);
			sum += l;
		}
		report("loss L(N, D)", ids[i], now() - t, n);

		n = i == 0 ? 1000000 : 2000;
		t = now();
		for (long j = 0; j < n; j++) {
			optimum_at_compute(&law, 1e23 * (1 + j * 1e-9), 0, &a);
			sum += a.params;
		}
		report("optimum at a budget", ids[i], now() - t, n);

		n = i == 0 ? 1000000 : 20;
		t = now();
		for (long j = 0; j < n; j++) {
			optimum_for_loss(&law, 2.1 + j * 1e-9, 0, &a);
			sum += a.compute;
		}
		report("compute for a loss", ids[i], now() - t, n);

		n = i == 0 ? 200 : 20;
		t = now();
		for (long j = 0; j < n; j++) {
			optimum_inference(&law, 2.1, 0, 2e12, &plan);
			sum += plan.savings;
		}
		report("inference-aware optimum", ids[i], now() - t, n);
		sink = sum;
	}

	long n = 2000;
	double t = now();
	for (long j = 0; j < n; j++) {
		struct law law;
		load(dir, "muennighoff2023", &law);
		sink = law.E;
	}
	report("load one preset file", "muennighoff2023", now() - t, n);

	struct catalog cat;
	struct bench_timeline_inputs in;
	if (load_catalog(root, &cat) != 0 || timeline_inputs(&cat, &in) != 0)
		return 1;
	for (int i = 0; i < 3; i++) {
		struct law law;
		if (load(dir, ids[i], &law) != 0)
			return 1;
		bench_map(&law, ids[i]);
		bench_compute(&law, ids[i]);
		bench_timeline(&law, ids[i], &in);
		if (i == 0) {
			bench_fit(&law);
			bench_fit_rows(&law, 100000);
		}
	}
	bench_law_edit(&cat);
	bench_traintest(&cat);
	catalog_free(&cat);
	return 0;
}
