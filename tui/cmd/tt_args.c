/*
 * tt_args.c: the test-time law of --tt-law, checked for a command's form,
 * and the point and target the test-time commands read (tt_args.h).
 */
#include <math.h>
#include <stdio.h>

#include "../plot/traintest.h"
#include "../../model/units.h"
#include "tt_args.h"

/* When a law's form is not the one a command needs: what to run instead. */
static int wrong_form(const struct preset *p, enum tt_form want, const char *what)
{
	const char *id = p->id;

	if (p->tt.form == TT_COVERAGE)
		return cli_error(
		        "%s: '%s' is a coverage law with no training-compute axis: isoflop "
		        "plot coverage --tt-law %s draws it",
		        what, id, id);
	if (p->tt.form == TT_LOG_LINEAR)
		return cli_error("%s: '%s' is a law of training and test compute, not coverage "
		                 "against samples: isoflop plot testtime --tt-law %s draws it",
		                 what, id, id);
	return cli_error("%s: '%s' is a flops-match law with no performance to %s: isoflop "
	                 "test-time --tt-law %s gives its FLOPs table",
	                 what, id, want == TT_COVERAGE ? "count" : "draw", id);
}

const char *tt_args_default_id(const struct cli *cli, enum tt_form form)
{
	if (cli->tt_law != NULL || form != TT_COVERAGE)
		return cli->tt_law;
	const struct catalog_entry *e = catalog_testtime(cli->catalog, CLI_DEFAULT_COVERAGE_LAW);
	if (e != NULL && e->preset.tt.form == TT_COVERAGE)
		return e->preset.id;
	for (size_t i = 0; i < cli->catalog->ntesttimes; i++)
		if (cli->catalog->testtimes[i].preset.tt.form == TT_COVERAGE)
			return cli->catalog->testtimes[i].preset.id;
	return NULL;
}

int tt_args_law(const struct cli *cli, enum tt_form form, const char *what,
                const struct preset **out)
{
	const struct catalog_entry *e;
	const char *id = tt_args_default_id(cli, form);
	int rc;

	if (id == NULL && form == TT_COVERAGE)
		return cli_error("%s: no coverage law is loaded: give --tt-law ID (isoflop presets "
		                 "testtime lists the test-time laws)",
		                 what);
	if ((rc = cli_testtime_law(cli, id, &e)) != 0)
		return rc;
	*out = &e->preset;
	return e->preset.tt.form == form ? 0 : wrong_form(&e->preset, form, what);
}

/* "-1500 Elo to 0 Elo": a law's fitted performance, as the refusals below say it. */
static void fitted_performance(const struct tt_law *tt, char *buf, size_t size)
{
	char lo[48], hi[48];

	traintest_performance_text(tt, tt->performance.lo, lo, sizeof lo);
	traintest_performance_text(tt, tt->performance.hi, hi, sizeof hi);
	snprintf(buf, size, "%s to %s", lo, hi);
}

int tt_args_target(const struct preset *law, double target)
{
	char p[48], range[100];
	const struct tt_law *tt = &law->tt;

	if (tt->form == TT_COVERAGE) {
		if (target > 0 && target < 1)
			return 0;
		return cli_error("--target: a coverage is more than 0 and less than 1, not %g",
		                 target);
	}
	if (tt_in_range(tt->performance, target))
		return 0;
	traintest_performance_text(tt, target, p, sizeof p);
	fitted_performance(tt, range, sizeof range);
	return cli_error("--target: %s is outside %s's fitted performance, %s", p, law->id, range);
}

double tt_args_middle(struct tt_range r, double fallback)
{
	return r.lo > 0 && r.hi > r.lo ? sqrt(r.lo * r.hi) : fallback;
}

/* The test compute of the point: --test, --target's, a range's middle, or 1e9. */
static int point_test(const struct cli *cli, const struct preset *law, struct tt_point *pt)
{
	const struct tt_law *tt = &law->tt;
	struct tt_range perf = tt->performance;
	int rc;

	pt->test_given = (cli->given & (OPT_TEST | OPT_TARGET)) != 0;
	if ((cli->given & OPT_TEST) && (cli->given & OPT_TARGET))
		return cli_error("give --test (the compute) or --target (the performance it "
		                 "reaches), not both");
	if (cli->given & OPT_TEST) {
		pt->test = cli->test;
	} else if (cli->given & OPT_TARGET) {
		if ((rc = tt_args_target(law, cli->target)) != 0)
			return rc;
		pt->test = tt_test_for(tt, pt->train, cli->target);
	} else if (tt->test.hi > 0) {
		pt->test = tt_args_middle(tt->test, 1e9);
	} else if (perf.hi > perf.lo) {
		pt->test = tt_test_for(tt, pt->train, (perf.lo + perf.hi) / 2);
	} else {
		pt->test = 1e9;
	}
	if (!(pt->test > 0) || !isfinite(pt->test))
		return cli_error("%s: no finite test compute reaches that performance", law->id);
	/* below one FLOP a move there is no computation left to count */
	if (pt->test < 1 && (cli->given & OPT_TEST))
		return cli_error("--test: %g FLOPs a %s is less than 1 FLOP", pt->test,
		                 traintest_per(tt));
	if (pt->test < 1)
		return cli_error("--target: %g needs %.3g FLOPs a %s at --train, less than 1 FLOP",
		                 cli->target, pt->test, traintest_per(tt));
	return 0;
}

int tt_args_point(const struct cli *cli, const struct preset *law, struct tt_point *pt)
{
	const struct tt_law *tt = &law->tt;
	int rc;

	pt->train_given = (cli->given & OPT_TRAIN) != 0;
	pt->train = pt->train_given ? cli->train : tt_args_middle(tt->train, 1e15);
	if ((rc = point_test(cli, law, pt)) != 0)
		return rc;
	pt->problems_given = (cli->given & OPT_PROBLEMS) != 0;
	pt->problems = pt->problems_given ? cli->problems
	                                  : traintest_default_problems(pt->train, pt->test);
	pt->performance = tt_performance(tt, pt->train, pt->test);
	/* past the fitted performance the line says nothing (above 0 Elo is beyond perfect play) */
	if (!tt_in_range(tt->performance, pt->performance)) {
		char p[48], range[100], tr[16], te[16];
		traintest_performance_text(tt, pt->performance, p, sizeof p);
		fitted_performance(tt, range, sizeof range);
		units_format_compute(pt->train, tr, sizeof tr);
		units_format_compute(pt->test, te, sizeof te);
		return cli_error("train %s, test %s reach %s, outside %s's fitted performance, %s",
		                 tr, te, p, law->id, range);
	}
	pt->in_range = traintest_point_fitted(tt, pt->train, pt->test);
	return 0;
}
