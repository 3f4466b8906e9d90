/*
 * cmd_traintest.c: `isoflop test-time --tt-law ID`: the numbers behind the
 * test-time pictures as rows. A log-linear law: the performance at
 * (--train, --test or --target), the total for --problems, the cheapest pair
 * for that performance and the exchange rate. A coverage law: coverage at
 * --samples (else each decade of samples) and the samples --target needs.
 * A flops-match law hands back to Snell et al.'s table (cmd_testtime.c).
 */
#include <math.h>
#include <stdio.h>

#include "../plot/traintest.h"
#include "tt_args.h"

static const struct column plane_columns[] = {
        {"tt_law", "law", COL_TEXT, false},
        {"units", "units", COL_TEXT, false},
        {"train", "train", COL_COMPUTE, false},
        {"test", "test", COL_COMPUTE, false},
        {"problems", "served", COL_COUNT, false},
        {"performance", "perf", COL_NUMBER, false},
        {"total", "total", COL_COMPUTE, false},
        {"cheapest_train", "train*", COL_COMPUTE, false},
        {"cheapest_test", "test*", COL_COMPUTE, false},
        {"cheapest_total", "total*", COL_COMPUTE, false},
        {"exchange_10x", "10x", COL_RATIO, false},
        {"in_range", "fitted", COL_BOOL, false},
        {"cheapest_in_range", "fit*", COL_BOOL, false},
};
/* Text at 80 columns leaves out what CSV and JSON keep: the units, then the totals. */
static const int plane_drop[] = {1, 6, 9};
#define PLANE_NCOLS ((int)(sizeof plane_columns / sizeof *plane_columns))

static const struct column coverage_columns[] = {
        {"tt_law", "law", COL_TEXT, false},
        {"samples", "samples", COL_COUNT, false},
        {"coverage", "coverage", COL_NUMBER, false},
        {"target", "target", COL_NUMBER, false},
        {"samples_for_target", "for target", COL_COUNT, false},
        {"in_range", "fitted", COL_BOOL, false},
        {"target_in_range", "target fitted", COL_BOOL, false},
};
#define COVERAGE_NCOLS ((int)(sizeof coverage_columns / sizeof *coverage_columns))

/* The options of the Snell table, refused beside a law of another form. */
#define SNELL_OPTIONS (OPT_PARAMS | OPT_TOKENS | OPT_MODEL | OPT_INFERENCE | OPT_LARGER)

/* The first option of `bits` given, refused for a law of this form; 0 when none. */
static int refuse(const struct cli *cli, unsigned long long bits, const struct preset *law,
                  const char *form, const char *instead)
{
	static const struct {
		unsigned long long bit;
		const char *name;
	} names[] = {
	        {OPT_PARAMS, "params"},   {OPT_TOKENS, "tokens"},
	        {OPT_MODEL, "model"},     {OPT_INFERENCE, "inference-tokens"},
	        {OPT_LARGER, "larger"},   {OPT_TRAIN, "train"},
	        {OPT_TEST, "test"},       {OPT_PROBLEMS, "problems"},
	        {OPT_SAMPLES, "samples"}, {OPT_TARGET, "target"},
	};
	for (size_t i = 0; i < sizeof names / sizeof *names; i++)
		if (cli->given & bits & names[i].bit)
			return cli_error("test-time: --%s does not apply to '%s', a %s law (%s)",
			                 names[i].name, law->id, form, instead);
	return 0;
}

/* One row of a log-linear law at the point. */
static int plane_rows(const struct cli *cli, const struct preset *law)
{
	struct tt_point pt;
	struct table t;
	double ct, cs;
	int rc;

	if ((rc = refuse(cli, SNELL_OPTIONS | OPT_SAMPLES, law, "log-linear",
	                 "give --train, --test or --target, --problems")) != 0)
		return rc;
	if (!(cli->given & OPT_TRAIN) || !(cli->given & (OPT_TEST | OPT_TARGET)))
		return cli_error("test-time --tt-law %s needs --train FLOPS and --test FLOPS (or "
		                 "--target P: the test compute that reaches P)",
		                 law->id);
	if ((rc = tt_args_point(cli, law, &pt)) != 0)
		return rc;
	bool cheap = tt_cheapest(&law->tt, pt.performance, pt.problems, &ct, &cs);
	/* a law fitted without a compute range cannot say a point is inside it: empty, not true */
	bool checked = !traintest_compute_unchecked(&law->tt);
	struct cell row[PLANE_NCOLS] = {
	        cell_text(law->id),
	        cell_text(law->tt.units),
	        cell_num(pt.train),
	        cell_num(pt.test),
	        cell_num(pt.problems),
	        cell_num(pt.performance),
	        cell_num(tt_total(pt.train, pt.test, pt.problems)),
	        cheap ? cell_num(ct) : cell_none(),
	        cheap ? cell_num(cs) : cell_none(),
	        cheap ? cell_num(tt_total(ct, cs, pt.problems)) : cell_none(),
	        cell_num(tt_exchange_10x(&law->tt, pt.train, pt.performance)),
	        checked ? cell_bool(pt.in_range) : cell_none(),
	        cheap && checked ? cell_bool(traintest_point_fitted(&law->tt, ct, cs))
	                         : cell_none(),
	};
	table_init(&t, plane_columns, PLANE_NCOLS);
	t.width = 80;
	t.drop = plane_drop;
	t.ndrop = (int)(sizeof plane_drop / sizeof *plane_drop);
	rc = table_add(&t, row);
	if (rc == 0)
		table_print(&t, cli->format, stdout);
	table_free(&t);
	if (rc == 0 && cli->format == FORMAT_TEXT)
		printf("served: %ss; *: the cheapest pair for this performance (derived);\n"
		       "10x: how many times less test compute 10x training needs (derived)\n",
		       traintest_per(&law->tt));
	if (rc == 0 && cli->format == FORMAT_TEXT && !checked)
		printf("fitted, fit*: - (no fitted compute range to check against)\n");
	return rc == 0 ? 0 : cli_error("out of memory");
}

/* One coverage row at k samples. */
static int coverage_row(struct table *t, const struct cli *cli, const struct preset *law, double k)
{
	bool target = (cli->given & OPT_TARGET) != 0;
	double kt = coverage_samples_needed(&law->tt, cli->target);
	struct cell row[COVERAGE_NCOLS] = {
	        cell_text(law->id),
	        cell_num(k),
	        cell_num(tt_coverage(&law->tt, k)),
	        target ? cell_num(cli->target) : cell_none(),
	        target ? cell_num(kt) : cell_none(),
	        cell_bool(tt_in_range(law->tt.samples, k)),
	        target ? cell_bool(tt_in_range(law->tt.samples, kt)) : cell_none(),
	};
	return table_add(t, row);
}

/* A coverage law at --samples, else at each decade of samples to the fitted end (or 1e4). */
static int coverage_rows(const struct cli *cli, const struct preset *law)
{
	double k_hi = law->tt.samples.hi > 1 ? law->tt.samples.hi : 1e4;
	struct table t;
	int rc;

	if ((rc = refuse(cli, SNELL_OPTIONS | OPT_TRAIN | OPT_TEST | OPT_PROBLEMS, law, "coverage",
	                 "give --samples K, --target P")) != 0)
		return rc;
	if ((cli->given & OPT_TARGET) && (rc = tt_args_target(law, cli->target)) != 0)
		return rc;
	table_init(&t, coverage_columns, COVERAGE_NCOLS);
	if (cli->given & OPT_SAMPLES)
		rc = coverage_row(&t, cli, law, cli->samples);
	else
		for (double k = 1; k <= k_hi * (1 + 1e-9) && rc == 0; k *= 10)
			rc = coverage_row(&t, cli, law, k);
	if (rc == 0)
		table_print(&t, cli->format, stdout);
	table_free(&t);
	return rc == 0 ? 0 : cli_error("out of memory");
}

int cmd_testtime_law(const struct cli *cli, bool *snell)
{
	const struct catalog_entry *e;
	int rc;

	*snell = false;
	/* --samples without --tt-law asks about coverage: the default coverage law */
	const char *id = tt_args_default_id(cli, cli->given & OPT_SAMPLES ? TT_COVERAGE : TT_NONE);
	if ((rc = cli_testtime_law(cli, id, &e)) != 0)
		return rc;
	switch (e->preset.tt.form) {
	case TT_LOG_LINEAR:
		return plane_rows(cli, &e->preset);
	case TT_COVERAGE:
		return coverage_rows(cli, &e->preset);
	default:
		*snell = true;
		return refuse(cli, OPT_TESTTIME & ~OPT_TT_LAW, &e->preset, "flops-match",
		              "give --params N --tokens D or --model ID, --inference-tokens T");
	}
}
