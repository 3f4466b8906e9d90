/*
 * runs_law.c: the user's runs as a law in the catalog for the explorer,
 * plot contour, compare and plan: read, fitted by Approach 3, refused in one
 * line where the runs pin down no L(N, D), and added under an id no preset
 * has with the runs' range as its fitted range.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "../../model/uncertainty.h"
#include "../../presets/runs.h"
#include "../../presets/tour.h"
#include "../../presets/write.h"
#include "runs_law.h"

/* One line on why the runs give no law: one D, a flat term, or no fit. */
static int no_law(const struct cli *cli, const char *use, const struct runs_law *r,
                  enum model_status st)
{
	char db[16];

	units_format_count(r->runs[0].tokens, db, sizeof db);
	if (st == MODEL_OK && r->fit.one_d)
		return cli_error("%s: every run has D = %s: no L(N, D) to %s (isoflop fit "
		                 "%s fits L(N) alone)",
		                 cli->runs, db, use, cli->runs);
	if (st == MODEL_OK)
		return cli_error("%s: the loss does not fall with %c across the runs: no law to "
		                 "%s (isoflop fit %s says more)",
		                 cli->runs, fit_parametric_flat_term(&r->fit, r->runs, r->n), use,
		                 cli->runs);
	return cli_error("%s: no fit with positive exponents; try isoflop fit %s", cli->runs,
	                 cli->runs);
}

/* The fitted law, as a preset named after the file, into the catalog under a free id. */
static int add_law(const struct cli *cli, struct runs_law *r)
{
	static struct preset p;
	char name[sizeof p.name], source[sizeof p.source];
	struct law law = fit_parametric_law(&r->fit, LAW_K_TRAINING);

	/* the range isoflop fit --output saves: the map shades and the readout warns past it */
	fit_runs_range(r->runs, r->n, LAW_K_TRAINING, &law);

	snprintf(r->id, sizeof r->id, "%s", RUNS_LAW_DEFAULT_ID);
	for (int i = 2; catalog_law(cli->catalog, r->id) != NULL && i < 100; i++)
		snprintf(r->id, sizeof r->id, "%s-%d", RUNS_LAW_DEFAULT_ID, i);
	snprintf(name, sizeof name, "Fit of %.100s", cli->runs);
	snprintf(source, sizeof source,
	         "isoflop fit of %.200s: %zu runs, Approach 3 (Hoffmann et al. 2022, "
	         "arXiv:2203.15556)",
	         cli->runs, r->n);
	preset_of_law(&p, NULL, &law, &(struct law_origin){r->id, name, source, "your runs"});
	snprintf(p.file, sizeof p.file, "%.1000s", cli->runs);
	if (catalog_add_law(cli->catalog, &p) < 0)
		return cli_error(
		        "--runs: no free id for the fitted law (runs to runs-99 are taken)");
	return 0;
}

int runs_law_read(const struct cli *cli, struct runs_law *out)
{
	char err[1024];
	struct runs_skipped skipped;

	if (runs_load(cli->runs, LAW_K_TRAINING, &out->runs, &out->n, &skipped, err, sizeof err) !=
	    0)
		return cli_error("%s", err);
	if (runs_skipped_note(cli->runs, &skipped, err, sizeof err))
		fprintf(stderr, "isoflop: note: %s\n", err);
	if (runs_flops_note(cli->runs, LAW_K_TRAINING, &skipped, err, sizeof err))
		fprintf(stderr, "isoflop: note: %s\n", err);
	return 0;
}

int runs_law_fit(const struct cli *cli, const char *use, struct runs_law *out)
{
	/* the law must give L(N, D): what fit reports on such runs, here a refusal */
	double one;
	if (fit_one_budget(out->runs, out->n, LAW_K_TRAINING, &one)) {
		char c[16];
		units_format_compute(one, c, sizeof c);
		free(out->runs);
		out->runs = NULL;
		return cli_error("%s: the runs form one compute budget (C = %s FLOPs): no L(N, D) "
		                 "to %s (isoflop fit %s says why)",
		                 cli->runs, c, use, cli->runs);
	}
	enum model_status st = fit_parametric_with(out->runs, out->n, NULL, &out->fit);
	int rc = 0;
	if (st != MODEL_OK || out->fit.one_d ||
	    fit_parametric_flat_term(&out->fit, out->runs, out->n) != 0)
		rc = no_law(cli, use, out, st);
	else
		rc = add_law(cli, out);
	if (rc != 0) {
		free(out->runs);
		out->runs = NULL;
	}
	return rc;
}

int runs_law_load(const struct cli *cli, const char *use, struct runs_law *out)
{
	int rc = runs_law_read(cli, out);

	return rc != 0 ? rc : runs_law_fit(cli, use, out);
}

int runs_law_options_check(const struct cli *cli)
{
	if ((cli->given & OPT_BOOTSTRAP) && cli->runs == NULL)
		return cli_error("--bootstrap resamples your runs: give them with --runs FILE");
	if ((cli->given & OPT_SEED) && !(cli->given & OPT_BOOTSTRAP))
		return cli_error("--seed seeds the bootstrap: give --runs FILE --bootstrap N too");
	return 0;
}

/*
 * Refuse the bootstrap: "isoflop: --bootstrap" (with N when with_n) and
 * why, or, for a tour's, "FILE:LINE:COL: 'bootstrap: N'" and why, as the
 * tour's other errors are printed (tui/cmd/cli.c). EXIT_USAGE.
 */
static int bootstrap_refuse(const struct cli *cli, bool with_n, const char *fmt, ...)
        __attribute__((format(printf, 3, 4)));
static int bootstrap_refuse(const struct cli *cli, bool with_n, const char *fmt, ...)
{
	const struct tour *t = cli->bootstrap_tour;
	char why[1024];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(why, sizeof why, fmt, ap);
	va_end(ap);
	if (t == NULL && !with_n)
		return cli_error("--bootstrap%s", why);
	if (t == NULL)
		return cli_error("--bootstrap %ld%s", cli->bootstrap, why);
	fprintf(stderr, "%s:%d:%d: 'bootstrap: %ld'%s\n", t->file, t->runs.bootstrap_at.line,
	        t->runs.bootstrap_at.col, cli->bootstrap, why);
	return EXIT_USAGE;
}

int runs_law_bootstrap_check(const struct cli *cli, const char *file, size_t n)
{
	if (cli->bootstrap <= 0 || n >= FIT_BOOTSTRAP_MIN_RUNS)
		return 0;
	/* the fact first and short; the why (resamples too few to refit) is in the man page */
	return bootstrap_refuse(cli, false,
	                        " needs %d runs or more; %s has %zu%s (man isoflop: --bootstrap)",
	                        FIT_BOOTSTRAP_MIN_RUNS, file, n,
	                        cli->exclude_top > 0 ? " after --exclude-top" : "");
}

int runs_law_bootstrap(const struct cli *cli, const struct runs_law *r, struct law **draws, int *n)
{
	int rc;

	*draws = NULL;
	*n = 0;
	if (cli->bootstrap <= 0)
		return 0;
	if ((rc = runs_law_bootstrap_check(cli, cli->runs, r->n)) != 0)
		return rc;
	if ((*draws = malloc(sizeof **draws * (size_t)cli->bootstrap)) == NULL)
		return bootstrap_refuse(cli, true, ": out of memory");
	*n = fit_bootstrap_laws(r->runs, r->n, LAW_K_TRAINING, (int)cli->bootstrap, cli_seed(cli),
	                        &r->fit, *draws);
	if (*n >= 2)
		return 0;
	free(*draws);
	*draws = NULL;
	if (*n < 0)
		return bootstrap_refuse(cli, true, ": out of memory");
	return bootstrap_refuse(cli, true,
	                        ": %s of the resampled runs refitted; no band to draw "
	                        "(isoflop fit %s --bootstrap %ld says more)",
	                        *n == 0 ? "none" : "one", cli->runs, cli->bootstrap);
}

void runs_law_with_tour(const struct cli *cli, const struct tour *t, struct cli *out)
{
	const struct tour_runs *r = &t->runs;

	*out = *cli;
	if (cli->runs != NULL || !r->file[0])
		return;
	out->runs = r->file;
	out->given |= OPT_RUNS;
	if (!(cli->given & OPT_BOOTSTRAP) && r->bootstrap > 0) {
		out->bootstrap = r->bootstrap;
		out->given |= OPT_BOOTSTRAP;
		out->bootstrap_tour = t;
	}
	if (!(cli->given & OPT_SEED) && r->seed >= 0) {
		out->seed = r->seed;
		out->given |= OPT_SEED;
	}
}
