/*
 * test_beyond.c: how far a point lies past a law's fitted range
 * (law_beyond_fit), the two-decade rule (law_range_narrow), the factor as
 * people read it (units_format_factor), the range runs cover
 * (fit_runs_range) and Approach 2's bias rule (fit_isoflop_biased). The
 * ranges are the presets' published ones written out by hand (Hoffmann et
 * al. 2022: 70M..16B parameters, 5B..500B tokens; DeepSeek LLM 2024:
 * 1e17..3e20 FLOPs); the sweeps are noise-free, from Besiroglu et al.
 * 2024's constants (arXiv:2404.10102), so their truth is known.
 */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>

#include <cmocka.h>

#include "../../model/fit.h"
#include "../../model/law.h"
#include "../../model/units.h"

static void assert_rel(double got, double want, double tol)
{
	if (!(fabs(got - want) <= tol * fabs(want)))
		fail_msg("got %.17g, want %.17g", got, want);
}

/*
 * DeepSeek-V3 (37B active, 14.8T tokens) under Hoffmann's ranges: every
 * axis past, compute (3.29e24 / 3e21, x1093) the farthest, so the note names
 * it first: naming N or D alone read as less extrapolation than a smaller
 * budget's C.
 */
static void tokens_count_as_well_as_params(void **state)
{
	(void)state;
	struct law law = {.family = LAW_ADDITIVE, .k = 6};
	law.params = (struct law_range){70e6, 16e9};
	law.tokens = (struct law_range){5e9, 500e9};
	law.compute = (struct law_range){6e18, 3e21};

	struct law_beyond b = law_beyond_fit(&law, 37e9, 14.8e12, 6 * 37e9 * 14.8e12);
	assert_rel(b.params, 37.0 / 16, 1e-12);
	assert_rel(b.tokens, 14.8e12 / 500e9, 1e-12);
	assert_rel(b.compute, 6 * 37e9 * 14.8e12 / 3e21, 1e-12);
	b = law_beyond_fit(&law, 1e9, 20e9, 1.2e20);
	assert_true(b.params == 0 && b.tokens == 0 && b.compute == 0);
	/* N and D inside, their product past the largest budget: compute is named */
	b = law_beyond_fit(&law, 16e9, 500e9, 4.8e22);
	assert_rel(b.compute, 4.8e22 / 3e21, 1e-12);
}

/* deepseek2024 gives compute alone: 5.9e23 / 3e20. */
static void a_frontier_in_compute_alone(void **state)
{
	(void)state;
	struct law law = {.family = LAW_FRONTIER, .k = 6};
	law.compute = (struct law_range){1e17, 3e20};

	struct law_beyond b = law_beyond_fit(&law, 83e9, 1.18e12, 5.9e23);
	assert_rel(b.compute, 5.9e23 / 3e20, 1e-12);
	assert_true(b.params == 0 && b.tokens == 0);
	struct law none = {.family = LAW_ADDITIVE, .k = 6};
	b = law_beyond_fit(&none, 1e15, 1e15, 1e31); /* no range given: nothing said */
	assert_true(b.params == 0 && b.tokens == 0 && b.compute == 0);
}

/*
 * The runs' largest fitted budget is 1.89737e22, shown everywhere as
 * 1.9e22: at it, as round-off computes it (k N* D* lands a hair above), and
 * at the 1.9e22 people type from the screen (x1.0014, which the note's
 * three digits print as "x1"), nothing is past; at 1.5 times it, C is, by
 * 1.5. A factor that prints as x1.01 (1.006) is past.
 */
static void the_largest_budget_is_inside(void **state)
{
	(void)state;
	struct law law = {.family = LAW_ADDITIVE, .k = 6};
	char fb[16];
	law.params = (struct law_range){1e7, 126e9};
	law.tokens = (struct law_range){1e8, 5e12};
	law.compute = (struct law_range){1e18, 1.89737e22};

	struct law_beyond b = law_beyond_fit(&law, 12.6e9, 251e9, 1.89737e22);
	assert_true(b.params == 0 && b.tokens == 0 && b.compute == 0);
	b = law_beyond_fit(&law, 12.6e9, 251e9, nextafter(1.89737e22, INFINITY));
	assert_true(b.compute == 0);
	units_format_compute(1.89737e22, fb, sizeof fb);
	assert_string_equal(fb, "1.9e22"); /* what the screen shows */
	b = law_beyond_fit(&law, 12.6e9, 251e9, 1.9e22);
	assert_true(b.compute == 0);
	units_format_factor(1.9e22 / 1.89737e22, fb, sizeof fb);
	assert_string_equal(fb, "1"); /* it would have said "x1 past" */
	b = law_beyond_fit(&law, 12.6e9, 251e9, 1.006 * 1.89737e22);
	assert_rel(b.compute, 1.006, 1e-12);
	b = law_beyond_fit(&law, 12.6e9, 251e9, 1.5 * 1.89737e22);
	assert_rel(b.compute, 1.5, 1e-12);
	/* below: 1e18 shown, 0.997e18 typed is inside, 1e18 / 1.5 is not */
	b = law_beyond_fit(&law, 12.6e9, 251e9, 0.997e18);
	assert_true(b.compute == 0);
	b = law_beyond_fit(&law, 1e9, 1e10, 1e18 / 1.5);
	assert_rel(b.compute, 1.5, 1e-12);
	assert_true(b.compute_below);
	/* the same on the counts: 126B itself is the largest fitted model */
	b = law_beyond_fit(&law, nextafter(126e9, INFINITY), 1e9, 1e19);
	assert_true(b.params == 0);
	b = law_beyond_fit(&law, 126.4e9, 1e9, 1e19); /* shown as 126B */
	assert_true(b.params == 0);
	b = law_beyond_fit(&law, 1.5 * 126e9, 1e9, 1e19);
	assert_rel(b.params, 1.5, 1e-12);
}

/*
 * Below the fit as above it: Chinchilla's optimum at 1e15 FLOPs (N* =
 * 3.56M, D* = 46.8M, Hoffmann et al.'s own law) lies 70M / 3.56M below its
 * smallest fitted model and 5B / 46.8M below its fewest tokens; at the low
 * ends themselves (and round-off under them) nothing is outside.
 */
static void below_the_smallest_fitted(void **state)
{
	(void)state;
	struct law law = {.family = LAW_ADDITIVE, .k = 6};
	law.params = (struct law_range){70e6, 16e9};
	law.tokens = (struct law_range){5e9, 500e9};

	struct law_beyond b = law_beyond_fit(&law, 3.56e6, 46.8e6, 1e15);
	assert_rel(b.params, 70e6 / 3.56e6, 1e-12);
	assert_rel(b.tokens, 5e9 / 46.8e6, 1e-12);
	assert_true(b.params_below && b.tokens_below);
	assert_true(b.compute == 0);
	b = law_beyond_fit(&law, 70e6, 5e9, 6 * 70e6 * 5e9);
	assert_true(b.params == 0 && b.tokens == 0 && b.compute == 0);
	b = law_beyond_fit(&law, 70e6 * (1 - 1e-9), nextafter(5e9, 0), 2e18);
	assert_true(b.params == 0 && b.tokens == 0);
	/* small and overtrained: N below, D above, each with its own end */
	b = law_beyond_fit(&law, 35e6, 2e12, 4.2e20);
	assert_rel(b.params, 2, 1e-12);
	assert_true(b.params_below);
	assert_rel(b.tokens, 4, 1e-12);
	assert_false(b.tokens_below);
	/* no optimum (N = D = 0) is not "infinitely below" */
	b = law_beyond_fit(&law, 0, 0, 1e15);
	assert_true(b.params == 0 && b.tokens == 0);
}

/*
 * Compute alone below DeepSeek LLM's smallest budget 1e17: 1e17 / 1.7e14
 * (x588), named with its end; the budget 1e17 itself is inside.
 */
static void compute_below_its_smallest_budget(void **state)
{
	(void)state;
	struct law law = {.family = LAW_FRONTIER, .k = 6};
	law.compute = (struct law_range){1e17, 3e20};
	bool below = false;

	struct law_beyond b = law_beyond_fit(&law, 1e7, 1e8, 1.7e14);
	assert_rel(b.compute, 1e17 / 1.7e14, 1e-12);
	assert_true(b.compute_below);
	assert_rel(law_beyond_compute(&law, 1.7e14, &below), 1e17 / 1.7e14, 1e-12);
	assert_true(below);
	b = law_beyond_fit(&law, 1e7, 1e8, 1e17 * (1 - 1e-9));
	assert_true(b.compute == 0);
	assert_true(law_beyond_compute(&law, 1e17, &below) == 0);
	assert_rel(law_beyond_compute(&law, 6e20, &below), 2, 1e-12);
	assert_false(below);
}

static void two_decades(void **state)
{
	(void)state;
	assert_true(law_range_narrow(&(struct law_range){3e8, 1.5e10}));
	assert_false(law_range_narrow(&(struct law_range){1e8, 1e10}));
	assert_false(law_range_narrow(&(struct law_range){0, 0}));
	assert_true(law_range_narrow(&(struct law_range){1e9, 1e9}));
}

static void factors_as_people_read_them(void **state)
{
	(void)state;
	char b[16];
	const struct {
		double x;
		const char *want;
	} cases[] = {{5.9e23 / 3e20, "1970"}, {14.8e12 / 318e9, "46.5"},
	             {37.0 / 16, "2.31"},     {4, "4"},
	             {999.6, "1000"},         {2.5e7, "2.5e7"}};

	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		units_format_factor(cases[i].x, b, sizeof b);
		assert_string_equal(b, cases[i].want);
	}
}

static void the_range_runs_cover(void **state)
{
	(void)state;
	const struct fit_run runs[] = {{1e8, 2e9, 3}, {4e7, 5e10, 3}, {2e9, 1e9, 3}};
	struct law law = {.k = 6};

	fit_runs_range(runs, 3, 6, &law);
	assert_rel(law.params.lo, 4e7, 0);
	assert_rel(law.params.hi, 2e9, 0);
	assert_rel(law.tokens.lo, 1e9, 0);
	assert_rel(law.tokens.hi, 5e10, 0);
	assert_rel(law.compute.lo, 6 * 1e8 * 2e9, 1e-15);
	assert_rel(law.compute.hi, 6 * 4e7 * 5e10, 1e-15);
}

/* Besiroglu et al.'s loss: E + A/N^alpha + B/D^beta, D = C/(6N). */
static double besiroglu(double n, double c)
{
	return 1.8172 + 482.01 / pow(n, 0.3478) + 2085.43 / pow(c / (6 * n), 0.3658);
}

/* Three budgets of five sizes: lo..hi at every budget, or (lo == 0) a tenth to ten times each N*.
 */
static void sweep(struct fit_run *runs, double lo, double hi)
{
	const double budgets[3] = {1e18, 1e19, 1e20};
	double a = 0.3658 / (0.3478 + 0.3658);
	double g = pow(0.3478 * 482.01 / (0.3658 * 2085.43), 1 / (0.3478 + 0.3658));

	for (int i = 0; i < 3; i++)
		for (int j = 0; j < 5; j++) {
			double c = budgets[i], ns = g * pow(c / 6, a);
			double n = lo > 0 ? lo * pow(hi / lo, j / 4.0) : ns * pow(10, -1 + j / 2.0);
			runs[5 * i + j] = (struct fit_run){n, c / (6 * n), besiroglu(n, c)};
		}
}

/* The same sizes at every budget put N* at 1e24 at half the truth, and the rule says so. */
static void approach_2_off_centre(void **state)
{
	(void)state;
	struct fit_run runs[15];
	struct fit_isoflop f;
	double lo, hi,
	        truth = pow(0.3478 * 482.01 / (0.3658 * 2085.43), 1 / (0.3478 + 0.3658)) *
	                pow(1e24 / 6, 0.3658 / (0.3478 + 0.3658));

	sweep(runs, 1e7, 1e9);
	assert_int_equal(fit_isoflop(runs, 15, 6, &f), MODEL_OK);
	assert_true(f.k_params * pow(1e24, f.a) < 0.6 * truth);
	assert_true(fit_isoflop_biased(&f, &lo, &hi));
	assert_true(hi - lo > FIT_POSITION_MAX);

	sweep(runs, 0, 0); /* centred on each budget's N* */
	assert_int_equal(fit_isoflop(runs, 15, 6, &f), MODEL_OK);
	assert_rel(f.k_params * pow(1e24, f.a), truth, 0.05);
	assert_false(fit_isoflop_biased(&f, &lo, &hi));
	assert_true(fabs(lo) < 0.1 && fabs(hi) < 0.1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(tokens_count_as_well_as_params),
	        cmocka_unit_test(a_frontier_in_compute_alone),
	        cmocka_unit_test(the_largest_budget_is_inside),
	        cmocka_unit_test(below_the_smallest_fitted),
	        cmocka_unit_test(compute_below_its_smallest_budget),
	        cmocka_unit_test(two_decades),
	        cmocka_unit_test(factors_as_people_read_them),
	        cmocka_unit_test(the_range_runs_cover),
	        cmocka_unit_test(approach_2_off_centre),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
