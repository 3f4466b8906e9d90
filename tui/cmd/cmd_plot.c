/*
 * cmd_plot.c: `isoflop plot contour|profiles`: the explorer's pictures as
 * plain text on stdout, for papers, slides, diffs and tests.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../model/lifecost.h"
#include "../../model/optimum.h"
#include "../plot/canvas.h"
#include "cli.h"
#include "downstream_cols.h"
#include "power_args.h"
#include "runs_law.h"
#include "../plot/map.h"
#include "../plot/profiles.h"
#include "../explore/markers.h"
#include "../explore/stocks.h"

/* The default window: 10M to 10T parameters, 100M to 100T tokens. */
static const double default_range[4] = {1e7, 1e13, 1e8, 1e14};

/*
 * plot contour --runs FILE: the runs drawn as x and their fit as law 'runs'
 * (the law drawn unless --law names another); with --bootstrap N the
 * refits' 10-90% band of the frontier, as the explorer draws them.
 */
struct plot_runs {
	struct runs_law law; /* law.runs is NULL without --runs */
	struct law *draws;   /* the refits, or NULL */
	int ndraws;
};

/* The current point, from two of N, D, C, or the optimum at C alone. */
static int current_point(const struct cli *cli, const struct law *law, double *n, double *d,
                         bool *have)
{
	enum model_status st;

	*have = (cli->given & (OPT_PARAMS | OPT_TOKENS | OPT_COMPUTE)) != 0;
	if (!*have)
		return 0;
	st = optimum_point(law, cli->given & OPT_PARAMS ? cli->params : 0,
	                   cli->given & OPT_TOKENS ? cli->tokens : 0,
	                   cli->given & OPT_COMPUTE ? cli->compute : 0, cli->unique, n, d);
	if (st == MODEL_EDOM)
		return cli_error("give two of --params, --tokens, --compute (or --compute alone "
		                 "for the optimum)");
	return st == MODEL_OK ? 0 : cli_error("--compute: %s", model_strerror(st));
}

/* Markers for --model ID... or --model all; MoE models sit at their active parameters. */
static int collect_markers(const struct cli *cli, struct map_marker *out, int max, int *count)
{
	const char *bad = NULL;

	switch (markers_collect(cli->catalog, cli->models, cli->nmodels, out, max, count, &bad)) {
	case MARKERS_TOO_MANY:
		return cli_error("--model: more than %d models", max);
	case MARKERS_UNKNOWN:
		return cli_error("unknown model '%s' (isoflop presets models lists them)", bad);
	default:
		return 0;
	}
}

/* --stock ID: its numbers into the spec's band. */
static int stock_band(const struct cli *cli, struct map_spec *spec)
{
	struct stock_numbers st;

	if (cli->stock == NULL)
		return 0;
	if (cli_stock(cli, cli->stock, &st) != 0)
		return EXIT_USAGE;
	spec->stock = st.stock;
	spec->stock_low = st.stock_low;
	spec->stock_high = st.stock_high;
	spec->stock_level = st.level;
	spec->stock_name = st.name;
	/* the default window stops at 100T: grow it to the decade past the interval's top */
	if (!(cli->given & OPT_RANGE))
		spec->d_hi = fmax(spec->d_hi, stocks_window_top(&st));
	return 0;
}

/*
 * --gpu, --mfu and --serve-mfu (with --price, --serve-price) price the
 * inference view: iso-cost lines and the USD-optimal frontier on the map.
 */
static int cost_lines(const struct cli *cli, struct map_spec *spec)
{
	if (!(cli->given & (OPT_GPU | OPT_MFU | OPT_PRICE | OPT_SERVE)))
		return 0;
	if (!(cli->given & OPT_INFERENCE))
		return cli_error("--gpu, --mfu and --serve-mfu price the inference view: give "
		                 "--inference-tokens T");
	if (!(cli->given & OPT_GPU) || !(cli->given & OPT_MFU) || !(cli->given & OPT_SERVE_MFU))
		return cli_error("iso-cost lines need --gpu ID, --mfu F and --serve-mfu F (the "
		                 "training and the serving MFU)");
	const struct catalog_entry *g = catalog_accelerator(cli->catalog, cli->gpu);
	if (g == NULL)
		return cli_error("unknown accelerator '%s' (isoflop presets accelerators lists "
		                 "them)",
		                 cli->gpu);
	double price = cli->given & OPT_PRICE ? cli->price : g->preset.price;
	if (!(price > 0))
		return cli_error("lifetime dollars need a price: %s has none; give --price USD an "
		                 "accelerator-hour",
		                 g->preset.id);
	struct lifecost lc = {g->preset.peak_flops, cli->mfu, price, cli->serve_mfu,
	                      cli->given & OPT_SERVE_PRICE ? cli->serve_price : price};
	if (lifecost_per_flop(&lc, &spec->usd_train_flop, &spec->usd_serve_flop) != MODEL_OK)
		return cli_error("%s at MFU %g: %s", g->preset.id, cli->mfu,
		                 model_strerror(MODEL_EDOM));
	return 0;
}

/* --downstream ID: contours of the error it derives from L, in place of L's. */
static int error_option(const struct cli *cli, const struct preset *law, struct map_spec *spec)
{
	const struct preset *map;

	if (cli->downstream == NULL)
		return 0;
	if (cli->delta)
		return cli_error(
		        "--downstream maps a loss to an error; --delta maps a difference of "
		        "losses: give one");
	if (!law_has_surface(&law->law))
		return cli_error(
		        "--downstream draws contours of the error of L(N, D); '%s' is a %s "
		        "law, with no loss surface",
		        law->id, preset_family_name(law->law.family));
	if (cli_downstream(cli, &map) != 0)
		return EXIT_USAGE;
	spec->error_map = &map->ds;
	return 0;
}

/* --frontier ID: a second frontier on the map, from a law that fits an allocation. */
static int frontier_option(const struct cli *cli, struct map_spec *spec)
{
	const struct catalog_entry *f = catalog_law(cli->catalog, cli->frontier);

	if (f == NULL)
		return cli_unknown_law(cli, "--frontier: ", cli->frontier);
	/* a law without an allocation draws no line: a legend entry would promise one */
	if (!law_fits_allocation(&f->preset.law))
		return cli_error("--frontier: '%s' fits no compute-optimal allocation to draw "
		                 "(isoflop presets laws lists the laws)",
		                 f->preset.id);
	spec->frontier2 = &f->preset.law;
	spec->frontier2_name = f->preset.id;
	return 0;
}

static int draw_contour(const struct cli *cli, const struct preset *law, const double range[4],
                        const struct plot_runs *runs, struct canvas *c, struct map_marker *markers,
                        int max)
{
	struct map_spec spec = {
	        .law = &law->law,
	        .law_name = law->name,
	        .law_id = law->id,
	        .dataset = law->dataset,
	        .u = cli->unique,
	        .inference_t = cli->inference,
	        .wall_u = cli->unique, /* the explorer's data view, as a picture */
	        .n_lo = range[0],
	        .n_hi = range[1],
	        .d_lo = range[2],
	        .d_hi = range[3],
	        .markers = markers,
	        .runs = runs->law.runs,
	        .nruns = (int)runs->law.n,
	        .draws = runs->draws,
	        .ndraws = runs->ndraws,
	};
	struct map m;
	int rc;

	if ((rc = collect_markers(cli, markers, max, &spec.nmarkers)) != 0)
		return rc;
	if ((rc = stock_band(cli, &spec)) != 0 || (rc = cost_lines(cli, &spec)) != 0 ||
	    (rc = error_option(cli, law, &spec)) != 0)
		return rc;
	if ((rc = current_point(cli, &law->law, &spec.point_n, &spec.point_d, &spec.has_point)) !=
	    0)
		return rc;
	if (cli->delta && cli->compare == NULL)
		return cli_error("--delta needs --compare ID: the law to subtract");
	if (cli->compare != NULL && cli->frontier != NULL)
		return cli_error("give --compare or --frontier, not both");
	if (cli->compare != NULL) {
		const struct catalog_entry *b = catalog_law(cli->catalog, cli->compare);
		if (b == NULL)
			return cli_unknown_law(cli, "--compare: ", cli->compare);
		spec.frontier2 = &b->preset.law;
		spec.frontier2_name = b->preset.id;
		spec.compared = true;
		if (cli->delta) {
			if (!law_has_surface(&law->law) || !law_has_surface(&b->preset.law))
				return cli_error("--delta needs two laws with a loss surface L(N, "
				                 "D); '%s' is "
				                 "a %s law",
				                 law_has_surface(&law->law) ? b->preset.id
				                                            : law->id,
				                 preset_family_name(law_has_surface(&law->law)
				                                            ? b->preset.law.family
				                                            : law->law.family));
			spec.delta_law = &b->preset.law;
			spec.delta_name = b->preset.id;
		}
	}
	if (cli->frontier != NULL && (rc = frontier_option(cli, &spec)) != 0)
		return rc;
	/* with neither, the law's paper's own frontier where it has one (Kaplan's Table 6) */
	const struct catalog_entry *paper =
	        law->paper_frontier[0] ? catalog_law(cli->catalog, law->paper_frontier) : NULL;
	if (spec.frontier2 == NULL && paper != NULL) {
		spec.frontier2 = &paper->preset.law;
		spec.frontier2_name = paper->preset.id;
	}
	if (map_draw_base(c, (struct rect){0, 0, c->w, c->h}, &spec, &m) != 0)
		return cli_error("out of memory");
	map_draw_overlay(c, (struct rect){0, 0, c->w, c->h}, &spec, &m);
	return 0;
}

static int plot_contour(const struct cli *cli, const struct preset *law, const double range[4],
                        const struct plot_runs *runs, struct canvas *c)
{
	/* serving's tokens move an L(N, D) optimum; a one-variable law has none to move */
	if (law->law.family == LAW_POWER && (cli->given & OPT_INFERENCE))
		return cli_error(
		        "plot: --inference-tokens needs a law with a loss surface L(N, D); "
		        "'%s' is a power law",
		        law->id);
	if (law->law.family == LAW_POWER && cli->stock != NULL &&
	    law->domain != PRESET_DOMAIN_LANGUAGE)
		return cli_error("plot: --stock counts text tokens; '%s' is a law of the %s domain",
		                 law->id, preset_domain_name(law->domain));
	/* a map of exponents alone would be blank: say what the law gives instead */
	if (power_exponents_only(&law->law))
		return power_exponents_refusal(law);
	/* a power law's map is its N_opt(C) frontier alone: never a blank map */
	if (law->law.family == LAW_POWER && !power_has_optimum(&law->law))
		return power_map_refusal("plot", law);
	/* every --model may be "all": room for the catalog each time */
	int max = cli->nmodels * ((int)cli->catalog->nmodels + 1);
	struct map_marker *markers = malloc(sizeof *markers * (size_t)(max > 0 ? max : 1));

	if (markers == NULL)
		return cli_error("out of memory");
	int rc = draw_contour(cli, law, range, runs, c, markers, max);
	free(markers);
	return rc;
}

static int plot_profiles(const struct cli *cli, const struct preset *law, const double range[4],
                         const struct plot_runs *runs, struct canvas *c)
{
	struct profiles_spec spec = {
	        .law = &law->law,
	        .law_name = law->id,
	        .u = cli->unique,
	        .n_lo = range[0],
	        .n_hi = range[1],
	        .d_lo = range[2],
	        .d_hi = range[3],
	};
	struct profiles p;
	double n = 0, d = 0;
	int rc;

	(void)runs; /* profiles take no --runs */

	if (law->law.family == LAW_POWER)
		return power_map_refusal("plot profiles", law);
	if (!law_has_surface(&law->law))
		return cli_error("'%s' is a frontier law: it has no loss surface, so no profiles "
		                 "(try: isoflop plot contour --law %s)",
		                 law->id, law->id);
	if ((rc = current_point(cli, &law->law, &n, &d, &spec.has_current)) != 0)
		return rc;
	if (spec.has_current) {
		spec.current_c = law_compute(&law->law, n, d);
		spec.current_n = n;
	}
	if (profiles_draw_base(c, (struct rect){0, 0, c->w, c->h}, &spec, &p) != 0)
		return cli_error(
		        "no decade budget has its optimum inside the window; widen --range");
	profiles_draw_overlay(c, (struct rect){0, 0, c->w, c->h}, &spec, &p);
	return 0;
}

typedef int draw_fn(const struct cli *cli, const struct preset *law, const double range[4],
                    const struct plot_runs *runs, struct canvas *c);

/*
 * --runs FILE [--bootstrap N [--seed S]]: the runs read and fitted into the
 * catalog, and the refits. 0, or EXIT_USAGE after one line.
 */
static int load_runs(const struct cli *cli, struct plot_runs *r)
{
	int rc = runs_law_options_check(cli);

	if (rc != 0 || cli->runs == NULL)
		return rc;
	rc = runs_law_load(cli, "draw", &r->law);
	if (rc == 0 && (rc = runs_law_bootstrap(cli, &r->law, &r->draws, &r->ndraws)) != 0) {
		free(r->law.runs);
		r->law.runs = NULL;
	}
	return rc;
}

/* The law drawn: --law ID, or the runs' fit with --runs, or the default. */
static const struct preset *law_to_draw(const struct cli *cli, const struct plot_runs *r)
{
	const struct catalog_entry *laws[1];

	if (cli->law == NULL && r->law.runs != NULL)
		return &catalog_law(cli->catalog, r->law.id)->preset;
	if (cli_laws(cli, laws, 1) < 0)
		return NULL;
	/* the band is the runs' fit's spread: around another law's frontier it means nothing */
	if (r->draws != NULL && strcmp(laws[0]->preset.id, r->law.id) != 0) {
		cli_error("--bootstrap draws the band of '%s', the fit of %s; --law %s is "
		          "another law",
		          r->law.id, cli->runs, laws[0]->preset.id);
		return NULL;
	}
	return &laws[0]->preset;
}

/* One law's picture, drawn by `draw` and printed; the law is checked first. */
static int plot(const struct cli *cli, draw_fn *draw, struct plot_runs *runs)
{
	const double *range = (cli->given & OPT_RANGE) ? cli->range : default_range;
	struct canvas c;
	int rc;

	if (cli->law != NULL && strcmp(cli->law, "all") == 0)
		return cli_error("plot draws one law: --law ID (isoflop presets laws lists them)");
	if ((rc = load_runs(cli, runs)) != 0)
		return rc;
	const struct preset *law = law_to_draw(cli, runs);
	if (law == NULL)
		return EXIT_USAGE;
	if ((cli->given & OPT_UNIQUE) && law->law.family != LAW_DATA_CONSTRAINED)
		return cli_error("--unique-tokens needs a data-constrained law such as "
		                 "muennighoff2023; '%s' is %s",
		                 law->id, preset_family_name(law->law.family));

	if (canvas_init(&c, cli->width ? cli->width : 80, cli->height ? cli->height : 24) != 0)
		return cli_error("out of memory");
	rc = draw(cli, law, range, runs, &c);
	if (rc == 0)
		canvas_print(&c, stdout, cli_use_color(cli));
	canvas_free(&c);
	return rc;
}

int cmd_plot_contour(const struct cli *cli)
{
	struct plot_runs runs = {0};
	int rc = plot(cli, plot_contour, &runs);

	free(runs.law.runs);
	free(runs.draws);
	return rc;
}

int cmd_plot_profiles(const struct cli *cli)
{
	struct plot_runs none = {0};

	return plot(cli, plot_profiles, &none);
}
