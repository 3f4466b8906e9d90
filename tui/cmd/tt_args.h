/*
 * tt_args.h: what the test-time commands (plot testtime, plot coverage,
 * test-time --tt-law) share: the law --tt-law names, checked for the form a
 * command needs, and the point of --train, --test (or --target), --problems
 * and --samples, with defaults where they were not given. Each failure is
 * one line and EXIT_USAGE.
 */
#ifndef ISOFLOP_TT_ARGS_H
#define ISOFLOP_TT_ARGS_H

#include <stdbool.h>

#include "cli.h"

/* The point on the plane of a log-linear law; *_given false: a default. */
struct tt_point {
	double train, test, problems;
	bool train_given, test_given, problems_given;
	double performance; /* at (train, test) */
	bool in_range;      /* traintest_point_fitted (a performance outside is refused) */
};

/*
 * The id a command of `form` reads without --tt-law: --tt-law's when given;
 * for coverage, the paper's headline curve (CLI_DEFAULT_COVERAGE_LAW:
 * Llama-3-8B-Instruct on MATH, Brown et al. 2024 Sec. 1) when it is there,
 * else the first coverage law by id (NULL: none loaded); else NULL, which
 * cli_testtime_law reads as CLI_DEFAULT_TT_LAW.
 */
const char *tt_args_default_id(const struct cli *cli, enum tt_form form);

/*
 * The law of --tt-law (default: tt_args_default_id's) if it has `form`; else one
 * line naming what draws or lists it (`what` is the command: "plot testtime").
 */
int tt_args_law(const struct cli *cli, enum tt_form form, const char *what,
                const struct preset **out);

/* --target for this law: within a log-linear law's fitted performance, a coverage in (0, 1). */
int tt_args_target(const struct preset *law, double target);

/*
 * The point of a log-linear law: --train (else the fitted range's middle,
 * else 1e15), --test or the test --target needs at --train (else the fitted
 * range's middle, else what reaches the middle performance, else 1e9), and
 * --problems (else traintest_default_problems: serving costs about what
 * training does).
 */
int tt_args_point(const struct cli *cli, const struct preset *law, struct tt_point *pt);

/* The geometric middle of a range, or fallback when it is not given. */
double tt_args_middle(struct tt_range r, double fallback);

/*
 * test-time with test-time options: the rows of --tt-law's law (default
 * jones2021-hex9). A flops-match law sets *snell: the caller prints Snell
 * et al.'s table (0 returned), or one line refused an option of another form.
 */
int cmd_testtime_law(const struct cli *cli, bool *snell);

#endif
