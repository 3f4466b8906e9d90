/*
 * traintest.h: laws of performance against training compute and compute
 * spent at test time, the second axis of scaling. Three forms, one per kind
 * of result the papers publish:
 *
 *  - TT_LOG_LINEAR: an iso-performance frontier that is a straight line in
 *    log-log, log10 test = offset - exchange log10 train + per_unit P
 *    (Jones 2021, "Scaling Scaling Laws with Board Games", arXiv:2104.03113:
 *    Hex, Elo against perfect play). Solved for P it gives the performance
 *    of every (train, test) pair, so it draws a plane of contours.
 *  - TT_COVERAGE: coverage against samples per problem, an exponentiated
 *    power law c(k) = exp(a k^b) with a, b < 0 (Brown et al. 2024, "Large
 *    Language Monkeys", arXiv:2407.21787, Eq. 3). One model: no train axis.
 *  - TT_FLOPS_MATCH: no performance at all, only the FLOPs a larger model
 *    costs (Snell et al. 2024, arXiv:2408.03314, Sec. 7; testtime.h).
 *
 * Compute is in FLOPs, test-time compute per problem (a move, a question).
 * Pure functions over a plain struct; NaN for what a form cannot answer.
 */
#ifndef ISOFLOP_TRAINTEST_H
#define ISOFLOP_TRAINTEST_H

#include <stdbool.h>

enum tt_form {
	TT_NONE = 0,
	TT_LOG_LINEAR, /* performance over (train, test): a plane */
	TT_COVERAGE,   /* coverage over samples k: a curve */
	TT_FLOPS_MATCH /* a larger model against more test-time compute: FLOPs only */
};

/* A closed interval a paper fitted or measured over; lo = hi = 0 when not given. */
struct tt_range {
	double lo, hi;
};

/* The most inference loads R = D_inf / D_pre a flops-match law lists. */
#define TT_MAX_LOADS 4

struct tt_law {
	enum tt_form form;
	char units[16]; /* of performance: "Elo", "coverage" */
	char per[16];   /* what one unit of test-time compute serves: "move", "problem" */
	/* TT_LOG_LINEAR: log10 test = offset - exchange log10 train + per_unit P */
	double exchange; /* decades of test compute one decade of training replaces, > 0 */
	double per_unit; /* decades of test compute one unit of performance costs, > 0 */
	double offset;
	/* TT_COVERAGE: c(k) = exp(a k^b) */
	double a, b; /* both < 0 */
	/* TT_FLOPS_MATCH: how many times larger the model is, and the loads compared */
	double larger;
	double loads[TT_MAX_LOADS];
	int nloads;
	/* where the paper fitted it: compute in FLOPs, performance, samples */
	struct tt_range train, test, performance, samples;
};

/* Whether x lies in r; true when r is not given. */
bool tt_in_range(struct tt_range r, double x);

/* Whether the law has both axes of the train x test plane (TT_LOG_LINEAR). */
bool tt_has_plane(const struct tt_law *law);

/* The performance at `train` FLOPs of training and `test` FLOPs per problem. */
double tt_performance(const struct tt_law *law, double train, double test);

/* The test-time FLOPs per problem that reach performance p after `train` FLOPs of training. */
double tt_test_for(const struct tt_law *law, double train, double p);

/*
 * How many times less test-time compute reaches the same performance after
 * ten times the training compute: test(train) / test(10 train). For a
 * log-linear law it is 10^exchange everywhere (Jones: "about 15x").
 */
double tt_exchange_10x(const struct tt_law *law, double train, double p);

/* Training plus serving: train + problems * test, FLOPs. */
double tt_total(double train, double test, double problems);

/*
 * The cheapest (train, test) pair that reaches performance p for `problems`
 * problems: the minimum of train + problems * test(train) along the
 * iso-performance line. For test = K train^-e (K = 10^(offset + per_unit p))
 * the derivative 1 - e problems K train^(-e-1) vanishes at
 * train = (e problems K)^(1/(1+e)): there training costs e times what
 * serving does (train = e problems test). Returns false (and NaNs) unless
 * the law is log-linear, p is finite and problems > 0.
 */
bool tt_cheapest(const struct tt_law *law, double p, double problems, double *train, double *test);

/* Coverage after k samples per problem, exp(a k^b); NaN unless k >= 1. */
double tt_coverage(const struct tt_law *law, double k);

/*
 * The samples per problem that reach coverage c, (ln c / a)^(1/b): NaN
 * unless 0 < c < 1; below 1 when one sample already reaches c.
 */
double tt_samples_for(const struct tt_law *law, double c);

#endif
