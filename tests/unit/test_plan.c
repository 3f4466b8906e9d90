/*
 * test_plan.c: the planned sweep and its simulation against the ground
 * truth the simulation knows: the truth law's own closed forms (Hoffmann et
 * al. 2022 App. D: N* = G (C/6)^a, a = beta / (alpha + beta),
 * G = (alpha A / (beta B))^(1 / (alpha + beta))), never our printed output.
 */
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_errno.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>

#include "../../model/plan.h"
#include "../../model/units.h"
#include "fixtures.h"

/* N* of an additive law at C, in closed form. */
static double closed_nstar(const struct law *l, double c)
{
	double a = l->beta / (l->alpha + l->beta);
	double g = pow(l->alpha * l->A / (l->beta * l->B), 1 / (l->alpha + l->beta));
	return g * pow(c / l->k, a);
}

/* The sweep spends no more than its budget; each run is on its budget's iso-FLOP line. */
static void cost_within_budget(void **state)
{
	(void)state;
	struct law l = fixture_law("besiroglu2024");
	static const double budgets[] = {2e22, 1e23, 3.3e23, 1e25};
	static const struct plan_design designs[] = {{0, 0, 0, 0}, {4, 9, 0, 0}, {2, 3, 0, 0}};

	for (size_t i = 0; i < sizeof budgets / sizeof *budgets; i++)
		for (size_t k = 0; k < sizeof designs / sizeof *designs; k++) {
			struct plan_sweep s;
			double least, sum = 0;
			assert_int_equal(plan_propose(&l, budgets[i], &designs[k], &s, &least),
			                 MODEL_OK);
			assert_int_equal(s.nruns, s.design.budgets * s.design.sizes);
			for (int r = 0; r < s.nruns; r++) {
				const struct plan_run *p = &s.runs[r];
				/* whole tokens: within a token of the budget */
				assert_rel(6 * p->params * p->tokens, p->compute, 1e-6);
				sum += p->flops;
				assert_rel(p->cumulative, sum, 1e-12);
			}
			assert_rel(s.cost, sum, 1e-12);
			assert_true(s.cost <= budgets[i]);
			assert_true(s.cost > 0.99 * budgets[i]); /* and spends it, to 3 digits */
		}
}

/* Sizes are N* / 4 .. 4 N* of the truth, two decades of budgets. */
static void sizes_around_the_truth(void **state)
{
	(void)state;
	struct law l = fixture_law("besiroglu2024");
	struct plan_sweep s;
	double least;

	assert_int_equal(plan_propose(&l, 1e22, NULL, &s, &least), MODEL_OK);
	assert_int_equal(s.nruns, 15);
	assert_rel(s.budgets[2] / s.budgets[0], 100, 1e-2);
	for (int b = 0; b < 3; b++) {
		double nstar = closed_nstar(&l, s.budgets[b]);
		/* sizes are given to three digits, rounded down */
		assert_rel(s.runs[5 * b].params, nstar / 4, 1e-2);
		assert_rel(s.runs[5 * b + 2].params, nstar, 1e-2);
		assert_rel(s.runs[5 * b + 4].params, nstar * 4, 1e-2);
	}
}

/* With noise near zero the simulated fits land on the truth. */
static void noiseless_recovers_the_truth(void **state)
{
	(void)state;
	static const char *const ids[] = {"besiroglu2024", "hoffmann2022"};

	for (size_t i = 0; i < sizeof ids / sizeof *ids; i++) {
		struct law l = fixture_law(ids[i]);
		struct plan_sweep s;
		struct plan_summary sum;
		double least, a = l.beta / (l.alpha + l.beta);
		assert_int_equal(plan_propose(&l, 1e22, NULL, &s, &least), MODEL_OK);
		assert_int_equal(plan_simulate(&l, s.runs, s.nruns, 1e24, 1e-9, 8, 7, &sum), 0);
		assert_rel(sum.a.truth, a, 1e-6);
		assert_rel(sum.nstar.truth, closed_nstar(&l, 1e24), 1e-6);
		assert_int_equal(sum.a.n, 8);
		assert_int_equal(sum.nstar.n, 8);
		/* exponents within 1e-3, N* within 1%, every quantile and on average */
		const struct plan_error *e[3] = {&sum.a, &sum.b, &sum.nstar};
		double tol[3] = {1e-3 / a, 1e-3 / (1 - a), 0.01};
		for (int k = 0; k < 3; k++) {
			assert_true(fabs(e[k]->p10) < tol[k] && fabs(e[k]->p90) < tol[k]);
			assert_true(fabs(e[k]->bias) < tol[k] && e[k]->rms < tol[k]);
		}
	}
}

/* rms relative error of N* at 1e25 for a sweep of 3 budgets. */
static double nstar_rms(const struct law *l, double budget, int sizes)
{
	struct plan_design d = {.sizes = sizes};
	struct plan_sweep s;
	struct plan_summary sum;
	double least;

	assert_int_equal(plan_propose(l, budget, &d, &s, &least), MODEL_OK);
	assert_int_equal(plan_simulate(l, s.runs, s.nruns, 1e25, 0.005, 300, 3, &sum), 0);
	return sum.nstar.rms;
}

/*
 * More sizes per budget narrow N*, and less noise does. (A larger budget
 * at the same shape does not, with noise a fixed fraction of the loss:
 * the profiles flatten against E as compute grows, so the same 0.5% hides
 * more of their curvature than the shorter extrapolation saves.)
 */
static void more_runs_shrink_the_error(void **state)
{
	(void)state;
	struct law l = fixture_law("besiroglu2024");
	double five = nstar_rms(&l, 3e22, 5), fifteen = nstar_rms(&l, 3e22, 15);
	struct plan_sweep s;
	struct plan_summary quiet;
	double least;

	assert_true(fifteen < 0.9 * five);
	assert_int_equal(plan_propose(&l, 3e22, NULL, &s, &least), MODEL_OK);
	assert_int_equal(plan_simulate(&l, s.runs, s.nruns, 1e25, 0.001, 300, 3, &quiet), 0);
	assert_true(quiet.nstar.rms < 0.5 * five);
}

/* The same seed gives the same answer, whatever the threads did. */
static void the_seed_decides(void **state)
{
	(void)state;
	struct law l = fixture_law("besiroglu2024");
	struct plan_sweep s;
	struct plan_summary x, y;
	double least;

	assert_int_equal(plan_propose(&l, 1e22, NULL, &s, &least), MODEL_OK);
	assert_int_equal(plan_simulate(&l, s.runs, s.nruns, 1e24, 0.005, 40, 11, &x), 0);
	assert_int_equal(plan_simulate(&l, s.runs, s.nruns, 1e24, 0.005, 40, 11, &y), 0);
	assert_true(x.nstar.rms == y.nstar.rms && x.a.p10 == y.a.p10 &&
	            x.nstar2.p90 == y.nstar2.p90);
}

/* Too small a budget, a law without L(N, D): refused, and the least budget is right. */
static void refusals(void **state)
{
	(void)state;
	struct law l = fixture_law("besiroglu2024"), f = fixture_law("llama3-2024");
	struct plan_sweep s;
	double least;

	assert_int_equal(plan_propose(&f, 1e22, NULL, &s, &least), MODEL_ENOSURFACE);
	assert_int_equal(plan_propose(&l, 1e18, NULL, &s, &least), MODEL_EDOM);
	assert_true(least > 1e18 && isfinite(least));
	assert_int_equal(plan_propose(&l, least * 0.99, NULL, &s, &least), MODEL_EDOM);
	assert_int_equal(plan_propose(&l, least * 1.001, NULL, &s, &least), MODEL_OK);
	assert_true(s.runs[0].params >= l.params.lo); /* the floor: where the truth was fitted */
	struct plan_design two = {.budgets = 1, .sizes = 3};
	assert_int_equal(plan_propose(&l, 1e22, &two, &s, &least), MODEL_EDOM); /* 3 runs < 5 */
}

/* The suggestion lowers N*'s error, on the same noise, and is among the candidates. */
static void suggestion_narrows(void **state)
{
	(void)state;
	struct law l = fixture_law("besiroglu2024");
	struct plan_sweep s;
	struct plan_summary sum;
	struct plan_candidate c[PLAN_MAX_CANDIDATES];
	double least;
	int best;

	assert_int_equal(plan_propose(&l, 1e22, NULL, &s, &least), MODEL_OK);
	assert_int_equal(plan_simulate(&l, s.runs, s.nruns, 1e24, 0.005, 100, 5, &sum), 0);
	int m = plan_suggest(&l, &s, 1e24, 0.005, 100, 5, sum.nstar.rms, NULL, c, &best);
	assert_true(m >= 4 && m <= PLAN_MAX_CANDIDATES);
	assert_true(best >= 0 && best < m);
	assert_true(c[best].rms < sum.nstar.rms);
	for (int i = 0; i < m; i++) {
		assert_true(c[i].cost > 0 && c[i].gain <= c[best].gain);
		assert_true(c[i].runs[0].params >= s.floor);
	}
}

/* The user's runs: a 3 x 5 grid of the truth's own runs at 1e19, 1e20 and 1e21 FLOPs. */
static int user_runs(const struct law *l, struct plan_run *out)
{
	struct plan_sweep s;
	double least;
	struct plan_design d = {3, 5, 0, 2};

	/* the sweep whose largest budget is 1e21: 5 x (1e21 + 1e20 + 1e19) FLOPs */
	assert_int_equal(plan_propose(l, 5 * 1.11e21 / (1 - 1e-9), &d, &s, &least), MODEL_OK);
	for (int i = 0; i < s.nruns; i++) {
		out[i] = s.runs[i];
		out[i].budget = -1;
	}
	return s.nruns;
}

/* Above the user's runs: every new budget above theirs, within the money, lowest dropped. */
static void proposed_above_the_runs(void **state)
{
	(void)state;
	struct law l = fixture_law("besiroglu2024");
	struct plan_sweep s;
	double least;

	/* new budgets start at twice the user's largest (PLAN_ABOVE) */
	assert_int_equal(plan_propose_above(&l, 1e22, 5e18, NULL, &s, &least), MODEL_OK);
	assert_int_equal(s.nbudgets, 3); /* 1.8e19 clears 2 x 5e18: as without runs */
	assert_int_equal(plan_propose_above(&l, 1e22, 1e19, NULL, &s, &least), MODEL_OK);
	assert_true(s.nbudgets == 2 && s.budgets[0] > 2e19); /* 1.8e19 dropped */
	assert_rel(s.budgets[1] / s.budgets[0], 10, 1e-9);   /* the design's ratio kept */
	for (int b = 0; b < 3; b++) {
		static const double above[3] = {5e18, 8e19, 9e20};
		assert_int_equal(plan_propose_above(&l, 1e22, above[b], NULL, &s, &least),
		                 MODEL_OK);
		double sum = 0;
		for (int i = 0; i < s.nruns; i++) {
			assert_true(s.runs[i].compute >= 2 * above[b]);
			sum += s.runs[i].flops;
		}
		assert_true(sum <= 1e22 && sum > 0.99e22);
	}
	/* 5 runs at twice 2.5e21 cost 2.5e22: refused below, and least says so */
	assert_int_equal(plan_propose_above(&l, 1e22, 2.5e21, NULL, &s, &least), MODEL_EDOM);
	assert_rel(least, 2.5e22, 1e-5);
	assert_int_equal(plan_propose_above(&l, least * 1.001, 2.5e21, NULL, &s, &least), MODEL_OK);
	assert_true(s.nbudgets == 1 && s.nruns == 5);
}

/* The user's runs kept in every replica: with noise near zero, the truth comes back. */
static void user_runs_in_the_simulation(void **state)
{
	(void)state;
	struct law l = fixture_law("besiroglu2024");
	struct plan_run runs[PLAN_MAX_RUNS * 2];
	struct plan_sweep s;
	struct plan_summary alone, with;
	double least, a = l.beta / (l.alpha + l.beta);
	int n = user_runs(&l, runs);

	assert_int_equal(n, 15);
	assert_int_equal(plan_propose_above(&l, 1e23, runs[n - 1].compute, NULL, &s, &least),
	                 MODEL_OK);
	memcpy(runs + n, s.runs, sizeof *runs * (size_t)s.nruns);
	assert_int_equal(plan_simulate(&l, runs, n, 1e25, 1e-9, 8, 3, &alone), 0);
	assert_int_equal(plan_simulate(&l, runs, n + s.nruns, 1e25, 1e-9, 8, 3, &with), 0);
	assert_rel(with.a.truth, a, 1e-6);
	assert_rel(with.nstar.truth, closed_nstar(&l, 1e25), 1e-6);
	assert_true(with.nstar.rms < 0.01 && alone.nstar.rms < 0.01);
	assert_true(fabs(with.a.bias) < 1e-3 / a);
	/* with real noise, more runs above theirs narrow N* at the target */
	assert_int_equal(plan_simulate(&l, runs, n, 1e25, 0.005, 100, 3, &alone), 0);
	assert_int_equal(plan_simulate(&l, runs, n + s.nruns, 1e25, 0.005, 100, 3, &with), 0);
	assert_true(with.nstar.rms < alone.nstar.rms);
}

/* The runs' own scatter: ln(loss / fitted) of +-0.01 over 10 runs, 5 fitted: 0.01 sqrt(10 / 5). */
static void residual_rms_of_the_runs(void **state)
{
	(void)state;
	struct law l = fixture_law("besiroglu2024");
	struct fit_run r[10];

	for (int i = 0; i < 10; i++) {
		double n = 1e8 * (i + 1), d = 2e10, loss;
		law_loss(&l, n, d, 0, &loss);
		r[i] = (struct fit_run){n, d, loss * exp(i % 2 ? 0.01 : -0.01)};
	}
	assert_rel(plan_residual_rms(&l, r, 10), 0.01 * sqrt(2), 1e-9);
	/* five runs leave a 5-parameter fit no degree of freedom: no noise to read */
	assert_true(isnan(plan_residual_rms(&l, r, 5)));
}

/*
 * The ground truth: runs drawn with noise sigma about the truth and fitted,
 * their scatter about the fit recovers sigma (its square on average). Over n,
 * it would not: 12 runs, 5 fitted, give sigma^2 7/12 on average. sigma under
 * the Huber delta (1e-3), where the fit is least squares.
 */
static void residual_rms_recovers_the_noise(void **state)
{
	(void)state;
	struct law l = fixture_law("besiroglu2024");
	struct plan_sweep s;
	struct plan_design d = {3, 4, 0, 0};
	double least, theta[5] = {log(l.A), log(l.B), log(l.E), l.alpha, l.beta}, sq = 0;
	const double sigma = 2e-4;
	const int draws = 100;
	gsl_rng *rng = gsl_rng_alloc(gsl_rng_mt19937);
	struct fit_run r[12];

	assert_int_equal(plan_propose(&l, 1e22, &d, &s, &least), MODEL_OK);
	assert_int_equal(s.nruns, 12);
	gsl_rng_set(rng, 17);
	for (int k = 0; k < draws; k++) {
		for (int i = 0; i < 12; i++) {
			double loss;
			law_loss(&l, s.runs[i].params, s.runs[i].tokens, 0, &loss);
			r[i] = (struct fit_run){s.runs[i].params, s.runs[i].tokens,
			                        loss * exp(sigma * gsl_ran_gaussian(rng, 1))};
		}
		struct fit_parametric p;
		assert_int_equal(fit_parametric_from(r, 12, theta, &p), MODEL_OK);
		struct law fitted = fit_parametric_law(&p, l.k);
		sq += pow(plan_residual_rms(&fitted, r, 12), 2);
	}
	gsl_rng_free(rng);
	/* the mean of 100 draws of sigma^2 chi2(7) / 7: within 4 standard errors (0.05) */
	assert_rel(sq / draws, sigma * sigma, 0.2);
}

/* The three-digit value one step below three-digit x, as a user types it: 9.99e21 below 1e22. */
static double step_below(double x)
{
	char buf[32];
	double unit = pow(10, floor(log10(nextafter(x, 0))) - 2);

	units_format_exact(x - unit, 3, buf, sizeof buf);
	return strtod(buf, NULL);
}

/*
 * The least budget a refusal names is one that proposes a sweep, after
 * rounding, and the least: a value 10x too large would pass the first check.
 */
static void least_is_accepted(void **state)
{
	(void)state;
	struct law l = fixture_law("besiroglu2024");
	static const double budgets[] = {1e18, 3e20, 4.2e21, 4.229e21, 4.2304e21, 7.7e21};
	static const struct plan_design designs[] = {
	        {0, 0, 0, 0}, {2, 0, 0, 0}, {5, 7, 0, 0}, {0, 3, 0, 0}, {8, 15, 0, 0}};
	static const double above[] = {0, 1e19, 1.000000008e20, 3.3e21};
	int refused = 0;

	for (size_t a = 0; a < sizeof above / sizeof *above; a++)
		for (size_t i = 0; i < sizeof budgets / sizeof *budgets; i++)
			for (size_t k = 0; k < sizeof designs / sizeof *designs; k++) {
				struct plan_sweep s;
				double least, again;
				if (plan_propose_above(&l, budgets[i], above[a], &designs[k], &s,
				                       &least) == MODEL_OK)
					continue;
				refused++;
				assert_true(isfinite(least) && least > budgets[i]);
				assert_int_equal(plan_propose_above(&l, least, above[a],
				                                    &designs[k], &s, &again),
				                 MODEL_OK);
				/* and it is the least: one third digit below is refused */
				if (step_below(least) > budgets[i])
					assert_int_not_equal(
					        plan_propose_above(&l, step_below(least), above[a],
					                           &designs[k], &s, &again),
					        MODEL_OK);
			}
	assert_true(refused > 20);
}

/*
 * Past the laws' compute: runs above 1e35 / 2 have no budget twice theirs,
 * and the least is INFINITY, never a number; under 1e10 FLOPs the budget
 * that failed is named (unreached) for the refusal to say so.
 */
static void least_past_the_compute(void **state)
{
	(void)state;
	struct law l = fixture_law("besiroglu2024");
	struct plan_sweep s;
	double least;

	assert_int_equal(plan_propose_above(&l, 1e35, 6e34, NULL, &s, &least), MODEL_EDOM);
	assert_true(isinf(least));
	assert_int_equal(plan_propose(&l, 1e12, NULL, &s, &least), MODEL_EDOM);
	assert_true(s.unreached > 0 && s.unreached < LAW_COMPUTE_MIN);
	assert_true(isfinite(least) && least > 1e12);
	assert_int_equal(plan_propose(&l, 1e18, NULL, &s, &least), MODEL_EDOM);
	assert_true(s.unreached == 0); /* refused for the size floor, not the compute */
}

/*
 * The paired fall of N*'s squared error: each replica's e2 averages to the
 * summary's rms^2, and when every replica pairs, the mean fall is exactly
 * rms_before^2 - rms_after^2 (the identity of means); a new budget two
 * step up narrows N* by more than 2 of its standard errors.
 */
static void paired_drop_of_the_error(void **state)
{
	(void)state;
	struct law l = fixture_law("besiroglu2024");
	struct plan_sweep s;
	struct plan_summary sum;
	struct plan_candidate c[PLAN_MAX_CANDIDATES];
	double least, e2[100], mean = 0;
	int best, n = 0;

	assert_int_equal(plan_propose(&l, 1e22, NULL, &s, &least), MODEL_OK);
	assert_int_equal(plan_simulate_paired(&l, s.runs, s.nruns, 1e24, 0.005, 100, 5, &sum, e2),
	                 0);
	for (int r = 0; r < 100; r++)
		if (isfinite(e2[r])) {
			mean += e2[r];
			n++;
		}
	assert_int_equal(n, sum.nstar.n);
	assert_rel(mean / n, sum.nstar.rms * sum.nstar.rms, 1e-9);
	int m = plan_suggest(&l, &s, 1e24, 0.005, 100, 5, sum.nstar.rms, e2, c, &best);
	assert_true(m > 0 && best >= 0);
	for (int i = 0; i < m; i++) {
		assert_true(c[i].paired <= 100);
		if (c[i].paired == 100 && n == 100)
			assert_rel(c[i].drop, pow(sum.nstar.rms, 2) - pow(c[i].rms, 2), 1e-6);
	}
	/* the new budget (the last candidate) narrows N* clearly: the pairing resolves it */
	assert_int_equal(c[m - 1].nruns, s.design.sizes);
	assert_true(c[m - 1].drop > 2 * c[m - 1].drop_se);
}

/*
 * The best candidate is chosen on the sweep's replicas, so its fall there is
 * the most of several noisy falls, biased up; the test of whether it narrows
 * N* reads a fall on fresh replicas (seed + 1). Recomputed here from
 * plan_simulate_paired on seed + 1, the base and the base with the best:
 * the same mean fall and standard error; the other candidates get none;
 * the same seed gives the same answer.
 */
static void best_tested_on_fresh_replicas(void **state)
{
	(void)state;
	struct law l = fixture_law("besiroglu2024");
	struct plan_sweep s;
	struct plan_summary sum;
	struct plan_candidate c[PLAN_MAX_CANDIDATES], again[PLAN_MAX_CANDIDATES];
	struct plan_run runs[PLAN_MAX_RUNS];
	double least, e2[60], before[60], after[60];
	int best, best2, n = 0;

	assert_int_equal(plan_propose(&l, 1e22, NULL, &s, &least), MODEL_OK);
	assert_int_equal(plan_simulate_paired(&l, s.runs, s.nruns, 1e24, 0.005, 60, 5, &sum, e2),
	                 0);
	int m = plan_suggest(&l, &s, 1e24, 0.005, 60, 5, sum.nstar.rms, e2, c, &best);
	assert_true(m > 0 && best >= 0);
	for (int i = 0; i < m; i++)
		if (i != best)
			assert_true(isnan(c[i].fresh_drop) && c[i].fresh_paired == 0);
	memcpy(runs, s.runs, sizeof *runs * (size_t)s.nruns);
	memcpy(runs + s.nruns, c[best].runs, sizeof *runs * (size_t)c[best].nruns);
	assert_int_equal(
	        plan_simulate_paired(&l, s.runs, s.nruns, 1e24, 0.005, 60, 6, &sum, before), 0);
	assert_int_equal(plan_simulate_paired(&l, runs, s.nruns + c[best].nruns, 1e24, 0.005, 60, 6,
	                                      &sum, after),
	                 0);
	double d[60], mean = 0, ss = 0;
	for (int r = 0; r < 60; r++)
		if (isfinite(before[r]) && isfinite(after[r]))
			d[n++] = before[r] - after[r];
	for (int r = 0; r < n; r++)
		mean += d[r] / n;
	for (int r = 0; r < n; r++)
		ss += (d[r] - mean) * (d[r] - mean);
	assert_int_equal(c[best].fresh_paired, n);
	assert_rel(c[best].fresh_drop, mean, 1e-9);
	assert_rel(c[best].fresh_se, sqrt(ss / (n - 1)) / sqrt(n), 1e-9);
	/* not the fall it was chosen on */
	assert_true(c[best].fresh_drop != c[best].drop);
	assert_int_equal(plan_suggest(&l, &s, 1e24, 0.005, 60, 5, sum.nstar.rms, e2, again, &best2),
	                 m);
	assert_int_equal(best2, best);
	assert_true(again[best].fresh_drop == c[best].fresh_drop);
}

/* Rounded down, no new budget lands under twice the user's largest. */
static void rounded_budgets_clear_twice_above(void **state)
{
	(void)state;
	struct law l = fixture_law("besiroglu2024");
	static const struct plan_design designs[] = {{0, 0, 0, 0}, {4, 3, 0, 0}, {8, 5, 0, 0}};

	for (size_t k = 0; k < sizeof designs / sizeof *designs; k++)
		for (int i = 0; i < 1500; i++) {
			double above = 1e20 * pow(1.0011, i), least;
			struct plan_sweep s;
			if (plan_propose_above(&l, 3e23, above, &designs[k], &s, &least) !=
			    MODEL_OK)
				continue;
			for (int b = 0; b < s.nbudgets; b++)
				if (!(s.budgets[b] >= 2 * above))
					fail_msg("above %.10g: budget %.10g < 2x", above,
					         s.budgets[b]);
			assert_true(s.cost <= 3e23);
		}
}

/* A budget a hair under a three-digit value: the sweep still spends no more than it. */
static void cost_within_the_money(void **state)
{
	(void)state;
	struct law l = fixture_law("besiroglu2024");
	static const double budgets[] = {1.00999999596e22, 1.10999999e22, 5.54999999e23};
	static const struct plan_design designs[] = {{2, 0, 0, 0}, {3, 0, 0, 0}};

	for (size_t i = 0; i < sizeof budgets / sizeof *budgets; i++)
		for (size_t k = 0; k < sizeof designs / sizeof *designs; k++) {
			struct plan_sweep s;
			double least, sum = 0;
			assert_int_equal(plan_propose(&l, budgets[i], &designs[k], &s, &least),
			                 MODEL_OK);
			for (int r = 0; r < s.nruns; r++)
				sum += 6 * s.runs[r].params * s.runs[r].tokens;
			if (!(sum <= budgets[i] && s.cost <= budgets[i]))
				fail_msg("budget %.12g: cost %.17g", budgets[i], sum);
		}
}

/* The extra runs plan_suggest names are rounded as the sweep's: 3-digit N, whole D, within C. */
static void candidates_rounded(void **state)
{
	(void)state;
	struct law l = fixture_law("besiroglu2024");
	struct plan_sweep s;
	struct plan_summary sum;
	struct plan_candidate c[PLAN_MAX_CANDIDATES];
	double least;
	int best;

	assert_int_equal(plan_propose(&l, 1e22, NULL, &s, &least), MODEL_OK);
	assert_int_equal(plan_simulate(&l, s.runs, s.nruns, 1e24, 0.005, 10, 5, &sum), 0);
	int m = plan_suggest(&l, &s, 1e24, 0.005, 10, 5, sum.nstar.rms, NULL, c, &best);
	assert_true(m > 0);
	for (int i = 0; i < m; i++)
		for (int k = 0; k < c[i].nruns; k++) {
			const struct plan_run *r = &c[i].runs[k];
			double unit = pow(10, floor(log10(r->params)) - 2);
			assert_true(r->tokens == floor(r->tokens));
			assert_rel(r->params / unit, round(r->params / unit), 1e-9);
			assert_true(6 * r->params * r->tokens <= r->compute);
			assert_true(r->flops <= r->compute);
		}
}

/* The first run to train is one of the sweep's, and it narrows N* given the user's runs. */
static void first_run_is_proposed(void **state)
{
	(void)state;
	struct law l = fixture_law("besiroglu2024");
	struct plan_run runs[PLAN_MAX_RUNS];
	struct plan_sweep s;
	struct plan_summary alone;
	struct plan_candidate c[PLAN_MAX_CANDIDATES];
	double least;
	int n = user_runs(&l, runs), best;

	assert_int_equal(plan_propose_above(&l, 1e23, runs[n - 1].compute, NULL, &s, &least),
	                 MODEL_OK);
	assert_int_equal(plan_simulate(&l, runs, n, 1e25, 0.005, 100, 5, &alone), 0);
	int m = plan_suggest_first(&l, runs, n, &s, 1e25, 0.005, 100, 5, alone.nstar.rms, NULL, c,
	                           &best);
	assert_int_equal(m, 3 * s.nbudgets);
	assert_true(best >= 0 && c[best].rms < alone.nstar.rms);
	for (int i = 0; i < m; i++) {
		int found = 0;
		for (int k = 0; k < s.nruns; k++)
			found |= c[i].runs[0].params == s.runs[k].params &&
			         c[i].runs[0].compute == s.runs[k].compute;
		assert_true(found && c[i].nruns == 1 && c[i].gain <= c[best].gain);
	}
}

int main(void)
{
	gsl_set_error_handler_off();
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(cost_within_budget),
	        cmocka_unit_test(sizes_around_the_truth),
	        cmocka_unit_test(noiseless_recovers_the_truth),
	        cmocka_unit_test(more_runs_shrink_the_error),
	        cmocka_unit_test(the_seed_decides),
	        cmocka_unit_test(refusals),
	        cmocka_unit_test(suggestion_narrows),
	        cmocka_unit_test(proposed_above_the_runs),
	        cmocka_unit_test(user_runs_in_the_simulation),
	        cmocka_unit_test(residual_rms_of_the_runs),
	        cmocka_unit_test(residual_rms_recovers_the_noise),
	        cmocka_unit_test(least_is_accepted),
	        cmocka_unit_test(least_past_the_compute),
	        cmocka_unit_test(paired_drop_of_the_error),
	        cmocka_unit_test(best_tested_on_fresh_replicas),
	        cmocka_unit_test(rounded_budgets_clear_twice_above),
	        cmocka_unit_test(cost_within_the_money),
	        cmocka_unit_test(candidates_rounded),
	        cmocka_unit_test(first_run_is_proposed),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
