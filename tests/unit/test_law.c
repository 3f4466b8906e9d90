/*
 * test_law.c: the model core against the papers' own numbers.
 *
 * Every expected value below is quoted from a paper (or the authors' own
 * repository) with its place; the constants come from the shipped presets,
 * so these tests check the YAML files as much as the formulas.
 */
#include <stdlib.h>

#include <gsl/gsl_errno.h>

#include "fixtures.h"

#include "../../model/optimum.h"
#include "../../model/profile.h"
#include "../../presets/write.h"

#define GOPHER_FLOPS 5.76e23 /* Hoffmann et al. 2022, Table 3 ("1 Gopher unit") */

/* Hoffmann et al. 2022 Fig. 4 caption / §4: Approach 3 puts the Gopher-budget optimum at 40B. */
static void hoffmann_unrounded_gopher_optimum(void **state)
{
	(void)state;
	struct law law = fixture_law("hoffmann2022-unrounded");
	struct allocation a;

	assert_int_equal(optimum_at_compute(&law, GOPHER_FLOPS, 0, &a), MODEL_OK);
	assert_rel(a.params, 40e9, 0.01);
	assert_rel(a.params * a.tokens * 6, GOPHER_FLOPS, 1e-12);
}

/*
 * The rounded Eq. 10 constants do not give the paper's 40B: rounding alone
 * moves the optimum by a fifth, which is why both presets ship.
 */
static void hoffmann_rounded_misses_40b(void **state)
{
	(void)state;
	struct law law = fixture_law("hoffmann2022");
	struct allocation a;

	assert_int_equal(optimum_at_compute(&law, GOPHER_FLOPS, 0, &a), MODEL_OK);
	assert_true(a.params < 0.85 * 40e9);
}

/*
 * Besiroglu et al. 2024: the refit is "consistent with the scaling policy
 * used for Chinchilla", about 20 tokens per parameter; 18.4 at Gopher's
 * budget and 20.4 at 1e22 FLOPs.
 */
static void besiroglu_tokens_per_parameter(void **state)
{
	(void)state;
	struct law law = fixture_law("besiroglu2024");
	struct allocation a;

	assert_int_equal(optimum_at_compute(&law, GOPHER_FLOPS, 0, &a), MODEL_OK);
	assert_rel(a.tokens / a.params, 18.4, 0.01);
	assert_int_equal(optimum_at_compute(&law, 1e22, 0, &a), MODEL_OK);
	assert_rel(a.tokens / a.params, 20.4, 0.01);
}

/* Kaplan et al. 2020 Eq. 1.5 with the Table 2 constants. */
static void kaplan_eq_1_5(void **state)
{
	(void)state;
	struct law law = fixture_law("kaplan2020");
	double l;

	assert_int_equal(law_loss(&law, 1e9, 1e10, 0, &l), MODEL_OK);
	assert_abs(l, 2.4197, 1e-4);
	assert_int_equal(law_loss(&law, 1e8, 1e9, 0, &l), MODEL_OK);
	assert_abs(l, 2.9567, 1e-4);
}

/*
 * Kaplan's L(N, D) has an interior optimum at fixed C, growing as
 * N ~ C^(1/(1+p)) with p = alpha_N / alpha_D (Kaplan 2020 §6.1 scaling of the
 * early-stopped frontier): 10x compute multiplies N by 10^(1/(1+p)).
 */
static void kaplan_interior_optimum_exponent(void **state)
{
	(void)state;
	struct law law = fixture_law("kaplan2020");
	struct allocation lo, hi;
	double p = law.alpha_n / law.alpha_d;

	assert_int_equal(optimum_at_compute(&law, 1e21, 0, &lo), MODEL_OK);
	assert_int_equal(optimum_at_compute(&law, 1e22, 0, &hi), MODEL_OK);
	assert_rel(hi.params / lo.params, pow(10, 1 / (1 + p)), 1e-6);
}

/* Muennighoff et al. 2023, datablations README "Parametric Fit": the printed oracles. */
static void muennighoff_readme_oracles(void **state)
{
	(void)state;
	struct law law = fixture_law("muennighoff2023");
	double l;

	assert_int_equal(law_loss(&law, 6.34e9, 242e9, 25e9, &l), MODEL_OK);
	assert_abs(l, 2.2256440889984477, 1e-6);
	assert_int_equal(law_loss(&law, 8.67e9, 178e9, 25e9, &l), MODEL_OK);
	assert_abs(l, 2.2269634075087867, 1e-6);
}

/*
 * The README's optimal_allocation(C = 1e22, U = 25e9) grid search gives
 * 7,022,364,735.88 parameters and 237,336,955,477.55 tokens (9.49 epochs).
 * Brent finds the true minimum, so its loss is no worse and its point lies
 * within the grid's step of the printed one.
 */
static void muennighoff_readme_allocation(void **state)
{
	(void)state;
	struct law law = fixture_law("muennighoff2023");
	struct allocation a;
	double grid_loss;

	assert_int_equal(law_loss(&law, 7022364735.88, 237336955477.55, 25e9, &grid_loss),
	                 MODEL_OK);
	assert_int_equal(optimum_at_compute(&law, 1e22, 25e9, &a), MODEL_OK);
	assert_true(a.loss <= grid_loss + 1e-12);
	assert_rel(a.params, 7022364735.88, 0.01);
	assert_rel(a.tokens / 25e9, 9.49, 0.01);
}

/*
 * Unconstrained, the tied fit at Gopher's budget: 69.96B and 1.372T (utils/parametric_fit.ipynb).
 */
static void muennighoff_unconstrained_gopher(void **state)
{
	(void)state;
	struct law law = fixture_law("muennighoff2023");
	struct allocation a;

	assert_int_equal(optimum_at_compute(&law, GOPHER_FLOPS, 0, &a), MODEL_OK);
	assert_rel(a.params, 69.96e9, 0.005);
	assert_rel(a.tokens, 1.372e12, 0.005);
}

/*
 * With 25B unique tokens the data-constrained optimum inverts like the
 * others, and past the data wall (1e35 FLOPs) no split of the budget is
 * better than another: a plateau, reported as such.
 */
static void muennighoff_inverse_and_plateau(void **state)
{
	(void)state;
	struct law law = fixture_law("muennighoff2023");
	struct allocation fwd, back;

	assert_int_equal(optimum_at_compute(&law, 1e22, 25e9, &fwd), MODEL_OK);
	assert_int_equal(optimum_for_loss(&law, fwd.loss, 25e9, &back), MODEL_OK);
	assert_rel(back.compute, 1e22, 1e-6);
	assert_int_equal(optimum_at_compute(&law, 1e35, 25e9, &fwd), MODEL_EPLATEAU);
	assert_int_equal(optimum_for_loss(&law, 2.1, 25e9, &back), MODEL_EDOM);
}

/*
 * Brent's route reproduces the closed forms (Chinchilla Eq. 4; Kaplan Eq. 1.5 at fixed C) to 1e-9.
 */
static void brent_matches_closed_form(void **state)
{
	(void)state;
	static const char *const ids[] = {"hoffmann2022", "hoffmann2022-unrounded", "besiroglu2024",
	                                  "kaplan2020"};
	static const double budgets[] = {1e15, 1e18, 1e21, GOPHER_FLOPS, 1e26, 1e30};

	for (size_t i = 0; i < 4; i++) {
		struct law law = fixture_law(ids[i]);
		for (size_t j = 0; j < sizeof budgets / sizeof *budgets; j++) {
			struct allocation closed, brent;
			assert_int_equal(optimum_at_compute(&law, budgets[j], 0, &closed),
			                 MODEL_OK);
			assert_int_equal(optimum_search(&law, budgets[j], 0, &brent), MODEL_OK);
			assert_rel(brent.params, closed.params, 1e-9);
			assert_rel(brent.tokens, closed.tokens, 1e-9);
			assert_rel(brent.loss, closed.loss, 1e-12);
		}
	}
}

/* A point from two of N, D, C (C = 6 N D), or from C alone at the closed-form optimum. */
static void point_from_two_of_three(void **state)
{
	(void)state;
	struct law law = fixture_law("hoffmann2022-unrounded");
	struct allocation opt;
	double n, d;

	assert_int_equal(optimum_point(&law, 70e9, 0, 5.88e23, 0, &n, &d), MODEL_OK);
	assert_rel(d, 5.88e23 / (6 * 70e9), 1e-15);
	assert_int_equal(optimum_point(&law, 0, 1.4e12, 5.88e23, 0, &n, &d), MODEL_OK);
	assert_rel(n, 5.88e23 / (6 * 1.4e12), 1e-15);
	assert_int_equal(optimum_point(&law, 0, 0, 5.76e23, 0, &n, &d), MODEL_OK);
	assert_rel(n, 40.4e9, 0.01); /* the paper's 40B at Gopher's budget */
	assert_int_equal(optimum_at_compute(&law, 5.76e23, 0, &opt), MODEL_OK);
	assert_rel(d, opt.tokens, 1e-15);
	assert_int_equal(optimum_point(&law, 70e9, 0, 0, 0, &n, &d), MODEL_EDOM);
	assert_int_equal(optimum_point(&law, 70e9, 1.4e12, 5.88e23, 0, &n, &d), MODEL_EDOM);
	assert_int_equal(optimum_point(&law, 0, 0, 0, 0, &n, &d), MODEL_EDOM);
}

/* Least-squares slope and intercept of y on x. */
static void line_fit(const double *x, const double *y, size_t n, double *slope, double *icept)
{
	double mx = 0, my = 0, sxy = 0, sxx = 0;

	for (size_t i = 0; i < n; i++) {
		mx += x[i] / n;
		my += y[i] / n;
	}
	for (size_t i = 0; i < n; i++) {
		sxy += (x[i] - mx) * (y[i] - my);
		sxx += (x[i] - mx) * (x[i] - mx);
	}
	*slope = sxy / sxx;
	*icept = my - *slope * mx;
}

struct table_row {
	double params, flops, tokens;
};

/*
 * A frontier preset against the table it was fitted to: its constants are
 * the log-log least-squares lines through the rows, and each row's N and D
 * at the row's FLOPs come back within 3%. The 67B row is the exception: it
 * is the Gopher-budget row, rounded differently from the rest (in Table 3,
 * 6 x 67B x 1.5T = 1.047 x 5.76e23; in Table A3 it sits 3.3% off the line
 * through the other eight), and is held to 6%.
 */
static void check_frontier_table(const char *id, const struct table_row *rows, size_t n)
{
	struct law law = fixture_law(id);
	double lc[16], ln[16], ld[16], a, ka, b, kb;

	for (size_t i = 0; i < n; i++) {
		lc[i] = log(rows[i].flops);
		ln[i] = log(rows[i].params);
		ld[i] = log(rows[i].tokens);
	}
	line_fit(lc, ln, n, &a, &ka);
	line_fit(lc, ld, n, &b, &kb);
	assert_rel(law.frontier.params.exp, a, 1e-5);
	assert_rel(law.frontier.params.coef, exp(ka), 1e-5);
	assert_rel(law.frontier.tokens.exp, b, 1e-5);
	assert_rel(law.frontier.tokens.coef, exp(kb), 1e-5);

	for (size_t i = 0; i < n; i++) {
		struct allocation al;
		double tol = rows[i].params == 67e9 ? 0.06 : 0.03;
		assert_int_equal(optimum_at_compute(&law, rows[i].flops, 0, &al), MODEL_OK);
		assert_false(al.has_loss);
		assert_rel(al.params, rows[i].params, tol);
		assert_rel(al.tokens, rows[i].tokens, tol);
	}
}

/* Hoffmann et al. 2022 Table 3 (Approach 1). */
static void approach1_table3(void **state)
{
	(void)state;
	static const struct table_row rows[] = {
	        {400e6, 1.92e19, 8.0e9},   {1e9, 1.21e20, 20.2e9},   {10e9, 1.23e22, 205.1e9},
	        {67e9, 5.76e23, 1.5e12},   {175e9, 3.85e24, 3.7e12}, {280e9, 9.90e24, 5.9e12},
	        {520e9, 3.43e25, 11.0e12}, {1e12, 1.27e26, 21.2e12}, {10e12, 1.30e28, 216.2e12},
	};
	check_frontier_table("hoffmann2022-approach1", rows, sizeof rows / sizeof *rows);
}

/* Hoffmann et al. 2022 Table A3 (Approach 2). */
static void approach2_table_a3(void **state)
{
	(void)state;
	static const struct table_row rows[] = {
	        {400e6, 1.84e19, 7.7e9},   {1e9, 1.20e20, 20.0e9},   {10e9, 1.32e22, 219.5e9},
	        {67e9, 6.88e23, 1.7e12},   {175e9, 4.54e24, 4.3e12}, {280e9, 1.18e25, 7.1e12},
	        {520e9, 4.19e25, 13.4e12}, {1e12, 1.59e26, 26.5e12}, {10e12, 1.75e28, 292.0e12},
	};
	check_frontier_table("hoffmann2022-approach2", rows, sizeof rows / sizeof *rows);
}

/*
 * Hoffmann et al. 2022 (arXiv:2203.15556) Table A3, Approach 3: the model
 * size Eq. 4 gives at each printed budget. The unrounded constants (the
 * ones that give the paper's 40B at Gopher's budget) land within 5% of the
 * rows from 400M to 67B; the table's larger rows drift further (7% at 10T),
 * and its 175B row prints 1.26e24 FLOPs, below the 67B row's: left out.
 * Eq. 4 spends the budget whole, C = 6 N D, and optimum_at_compute is it.
 */
static void approach3_table_a3(void **state)
{
	(void)state;
	static const struct table_row rows[] = {
	        {400e6, 2.21e19, 9.2e9},
	        {1e9, 1.62e20, 27.1e9},
	        {10e9, 2.46e22, 410.1e9},
	        {67e9, 1.71e24, 4.1e12},
	};
	struct law law = fixture_law("hoffmann2022-unrounded");

	for (size_t i = 0; i < sizeof rows / sizeof *rows; i++) {
		struct allocation al;
		double n, d;
		optimum_additive(&law, rows[i].flops, &n, &d);
		assert_rel(n, rows[i].params, 0.05);
		assert_rel(law_compute(&law, n, d), rows[i].flops, 1e-12);
		assert_int_equal(optimum_at_compute(&law, rows[i].flops, 0, &al), MODEL_OK);
		assert_true(al.params == n && al.tokens == d);
	}
}

/*
 * Hoffmann et al. 2022 App. F: "the common approximation C = 6DN (Kaplan et
 * al., 2020)". Chinchilla, 70B parameters on 1.4T tokens (Table 1), "uses
 * the same compute budget as Gopher" (abstract): 5.76e23 FLOPs (Table 3)
 * against 6ND = 5.88e23, 2% apart.
 */
static void training_compute_is_6nd(void **state)
{
	(void)state;
	assert_true(LAW_K_TRAINING == 6);
	assert_rel(law_training_compute(70e9, 1.4e12), 5.88e23, 1e-12);
	assert_rel(law_training_compute(70e9, 1.4e12), GOPHER_FLOPS, 0.025);
}

/*
 * Kaplan et al. 2020 (arXiv:2001.08361) Table 6, C_min in PF-days: at
 * C_min = 1 PF-day, N = 1.3e9 and D = 2e10. A run at the critical batch spends
 * C = 2 C_min (§5.1), so that is a budget of 2 PF-days, and D = C / (6N)
 * (Eq. 6.7) = 2.2e10, which Table 6 prints to one digit as 2e10: 15%.
 * Hoffmann et al. 2022 §1 reads it as "10x compute: model 5.5x, tokens 1.8x"
 * (rounded: 10^0.73 = 5.37, 10^0.27 = 1.86), so 5%.
 */
static void kaplan_table6_frontier(void **state)
{
	(void)state;
	struct law law = fixture_law("kaplan2020-frontier");
	struct allocation one, ten;

	assert_true(law.frontier.c_min);
	assert_int_equal(optimum_at_compute(&law, 2 * LAW_PF_DAY, 0, &one), MODEL_OK);
	assert_rel(one.params, 1.3e9, 1e-12);
	assert_rel(one.tokens, 2e10, 0.15);
	assert_int_equal(optimum_at_compute(&law, 20 * LAW_PF_DAY, 0, &ten), MODEL_OK);
	assert_rel(ten.params / one.params, 5.5, 0.05);
	assert_rel(ten.tokens / one.tokens, 1.8, 0.05);
}

/*
 * Hoffmann et al. 2022 (arXiv:2203.15556) App. D.4: "For 10^21 FLOPs ...
 * From Kaplan et al. (2020), we find that the optimal model size should be
 * 4.68 billion parameters." That is Table 6 at C_min = C/2; read at C_min = C
 * it would be 7.77B. The tokens are what the budget buys: 6 N D = C.
 */
static void kaplan_frontier_as_chinchilla_read_it(void **state)
{
	(void)state;
	struct law law = fixture_law("kaplan2020-frontier");
	struct allocation a;

	assert_int_equal(optimum_at_compute(&law, 1e21, 0, &a), MODEL_OK);
	assert_rel(a.params, 4.68e9, 0.01);
	assert_rel(6 * a.params * a.tokens, 1e21, 1e-12);
	assert_rel(a.compute, 1e21, 0);
}

/*
 * Kaplan et al. 2020 §6.3, Eq. 6.8: the L(C_min) and L(D) trends meet at
 * "L* ~ 1.7 nats/token" and "our scaling laws break down at or before we
 * reach this point". The preset carries it; the map shades below it.
 */
static void kaplan_breakdown_loss(void **state)
{
	(void)state;
	struct law law = fixture_law("kaplan2020");

	assert_rel(law.breakdown_loss, 1.7, 0);
}

/* A law saved (the explorer's `s`) reads back with its C_min reading and breakdown loss. */
static void kaplan_keys_round_trip(void **state)
{
	(void)state;
	static const char *const ids[] = {"kaplan2020-frontier", "kaplan2020"};

	for (size_t i = 0; i < sizeof ids / sizeof *ids; i++) {
		char path[256], err[PRESET_ERR_MAX], *buf = NULL;
		size_t len = 0;
		static struct preset p, q;

		snprintf(path, sizeof path, "presets/laws/%s.yaml", ids[i]);
		assert_int_equal(preset_load(path, PRESET_LAW, &p, err, sizeof err), 0);
		FILE *fp = open_memstream(&buf, &len);
		assert_non_null(fp);
		preset_write_law(fp, &p, NULL);
		fclose(fp);
		if (preset_parse("saved.yaml", (unsigned char *)buf, len, PRESET_LAW, &q, err,
		                 sizeof err) != 0)
			fail_msg("%s", err);
		free(buf);
		assert_true(q.law.frontier.c_min == p.law.frontier.c_min);
		assert_rel(q.law.frontier.unit, p.law.frontier.unit, 0);
		assert_rel(law_frontier_compute(&q.law, 1e21), law_frontier_compute(&p.law, 1e21),
		           0);
		assert_rel(q.law.breakdown_loss, p.law.breakdown_loss, 0);
	}
}

/*
 * Llama 3 (arXiv 2407.21783 §3.2.1): N*(C) = 0.29 C^0.53 counts training
 * tokens. Read as tokens it lands near the paper's own extrapolation at
 * 3.8e25 FLOPs (402B parameters on 16.55T tokens); read as parameters it
 * would say 10T parameters. The printed constants are rounded, hence the
 * factor of 2.
 */
static void llama3_frontier_is_tokens(void **state)
{
	(void)state;
	struct law law = fixture_law("llama3-2024");
	struct allocation a;

	assert_true(law.frontier.params.coef == 0);
	assert_int_equal(optimum_at_compute(&law, 3.8e25, 0, &a), MODEL_OK);
	assert_true(a.tokens > 16.55e12 / 2 && a.tokens < 16.55e12 * 2);
	assert_true(a.params > 402e9 / 2 && a.params < 402e9 * 2);
	assert_rel(6 * a.params * a.tokens, 3.8e25, 1e-12);
}

/*
 * DeepSeek LLM Eq. 4 allocates C = M D with M in non-embedding FLOPs per
 * token; the two fits multiply back to C (0.1715 x 5.8316 = 1.0001).
 */
static void deepseek_frontier_spends_budget(void **state)
{
	(void)state;
	struct law law = fixture_law("deepseek2024");
	struct allocation a;

	assert_int_equal(optimum_at_compute(&law, 1e24, 0, &a), MODEL_OK);
	assert_rel(a.params, 0.1715 * pow(1e24, 0.5243) / 6, 1e-12);
	assert_rel(6 * a.params * a.tokens, 1e24, 1e-3);
}

/* Hoffmann et al. 2022 §4.1: Chinchilla beats Gopher at (about) the same compute. */
static void chinchilla_beats_gopher(void **state)
{
	(void)state;
	static const char *const ids[] = {"hoffmann2022", "hoffmann2022-unrounded",
	                                  "besiroglu2024"};

	for (size_t i = 0; i < 3; i++) {
		struct law law = fixture_law(ids[i]);
		double chinchilla, gopher;
		assert_int_equal(law_loss(&law, 70e9, 1.4e12, 0, &chinchilla), MODEL_OK);
		assert_int_equal(law_loss(&law, 280e9, 300e9, 0, &gopher), MODEL_OK);
		assert_true(chinchilla < gopher);
	}
}

/* The inverse and efficiency, from their definitions, for every family with a surface. */
static void inverse_and_efficiency(void **state)
{
	(void)state;
	static const char *const ids[] = {"hoffmann2022", "besiroglu2024", "kaplan2020",
	                                  "muennighoff2023"};

	for (size_t i = 0; i < 4; i++) {
		struct law law = fixture_law(ids[i]);
		struct allocation fwd, back;
		double eff;
		assert_int_equal(optimum_at_compute(&law, 3e23, 0, &fwd), MODEL_OK);
		assert_int_equal(optimum_for_loss(&law, fwd.loss, 0, &back), MODEL_OK);
		assert_rel(back.compute, 3e23, 1e-6);
		/* the optimum itself is fully efficient; GPT-3 (175B, 300B) is not */
		assert_int_equal(optimum_efficiency(&law, fwd.params, fwd.tokens, 0, &eff, &back),
		                 MODEL_OK);
		assert_rel(eff, 1, 1e-6);
		assert_int_equal(optimum_efficiency(&law, 175e9, 300e9, 0, &eff, &back), MODEL_OK);
		assert_true(eff < 1);
	}
}

/*
 * Sardana et al. 2023: minimise k N D + 2 N T at fixed loss. With no
 * inference the answer is Chinchilla's; with inference it is a smaller
 * model on more data, and nudging N either way costs more.
 */
static void inference_aware_optimum(void **state)
{
	(void)state;
	struct law law = fixture_law("hoffmann2022");
	struct inference_plan none, plan;
	double loss = 2.0177; /* the compute-optimal 13B model's loss under this law */

	assert_int_equal(optimum_inference(&law, loss, 0, 0, &none), MODEL_OK);
	assert_rel(none.aware.params, none.chinchilla.params, 1e-6);
	assert_int_equal(optimum_inference(&law, loss, 0, 2e12, &plan), MODEL_OK);
	assert_rel(plan.chinchilla.params, 13e9, 0.01);
	assert_true(plan.aware.params < plan.chinchilla.params);
	assert_true(plan.aware.tokens > plan.chinchilla.tokens);
	assert_true(plan.savings > 0 && plan.savings < 0.5);
	assert_rel(plan.aware.loss, loss, 1e-9);
	for (int s = -1; s <= 1; s += 2) {
		double n = plan.aware.params * (1 + s * 1e-2), d;
		assert_int_equal(profile_isoloss_tokens(&law, loss, n, 0, &d), MODEL_OK);
		assert_true(6 * n * d + 2 * n * 2e12 > plan.aware_total);
	}
}

/* Iso-loss curves invert the loss, in closed form and by root finding. */
static void isoloss_inverts_loss(void **state)
{
	(void)state;
	static const char *const ids[] = {"besiroglu2024", "kaplan2020", "muennighoff2023"};

	for (size_t i = 0; i < 3; i++) {
		struct law law = fixture_law(ids[i]);
		double l, d;
		assert_int_equal(law_loss(&law, 7e9, 2e11, 1e11, &l), MODEL_OK);
		assert_int_equal(profile_isoloss_tokens(&law, l, 7e9, 1e11, &d), MODEL_OK);
		assert_rel(d, 2e11, 1e-9);
	}
}

/* Out-of-domain input is an error status, never NaN or infinity. */
static void domain_errors(void **state)
{
	(void)state;
	struct law add = fixture_law("besiroglu2024");
	struct law fr = fixture_law("kaplan2020-frontier");
	struct allocation a;
	double l;

	assert_int_equal(law_loss(&add, 0, 1e9, 0, &l), MODEL_EDOM);
	assert_int_equal(law_loss(&add, -1, 1e9, 0, &l), MODEL_EDOM);
	assert_int_equal(law_loss(&add, NAN, 1e9, 0, &l), MODEL_EDOM);
	assert_int_equal(law_loss(&add, 1e9, INFINITY, 0, &l), MODEL_EDOM);
	assert_int_equal(optimum_for_loss(&add, add.E, 0, &a), MODEL_EDOM);
	assert_int_equal(optimum_for_loss(&add, 1.0, 0, &a), MODEL_EDOM);
	assert_int_equal(optimum_for_loss(&add, 100.0, 0, &a), MODEL_EDOM);
	assert_int_equal(optimum_at_compute(&add, 1e9, 0, &a), MODEL_EDOM);
	assert_int_equal(optimum_at_compute(&add, 1e36, 0, &a), MODEL_EDOM);
	assert_int_equal(optimum_at_compute(&add, NAN, 0, &a), MODEL_EDOM);
	assert_int_equal(law_loss(&fr, 1e9, 1e9, 0, &l), MODEL_ENOSURFACE);
	assert_int_equal(optimum_for_loss(&fr, 2.0, 0, &a), MODEL_ENOSURFACE);
	assert_int_equal(profile_isoloss_tokens(&add, add.E + 1e-6, 1e3, 0, &l), MODEL_EDOM);
}

/* Every budget in range gives finite numbers for every shipped law. */
static void whole_budget_range_is_finite(void **state)
{
	(void)state;
	static const char *const ids[] = {
	        "besiroglu2024",
	        "deepseek2024",
	        "hoffmann2022",
	        "hoffmann2022-approach1",
	        "hoffmann2022-approach2",
	        "hoffmann2022-unrounded",
	        "kaplan2020",
	        "kaplan2020-frontier",
	        "llama3-2024",
	        "muennighoff2023",
	};

	for (size_t i = 0; i < sizeof ids / sizeof *ids; i++) {
		struct law law = fixture_law(ids[i]);
		for (double c = LAW_COMPUTE_MIN; c <= LAW_COMPUTE_MAX; c *= 10) {
			struct allocation a;
			assert_int_equal(optimum_at_compute(&law, c, 0, &a), MODEL_OK);
			assert_true(isfinite(a.params) && a.params > 0);
			assert_true(isfinite(a.tokens) && a.tokens > 0);
			assert_true(!a.has_loss || isfinite(a.loss));
		}
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(hoffmann_unrounded_gopher_optimum),
	        cmocka_unit_test(hoffmann_rounded_misses_40b),
	        cmocka_unit_test(besiroglu_tokens_per_parameter),
	        cmocka_unit_test(kaplan_eq_1_5),
	        cmocka_unit_test(kaplan_interior_optimum_exponent),
	        cmocka_unit_test(muennighoff_readme_oracles),
	        cmocka_unit_test(muennighoff_readme_allocation),
	        cmocka_unit_test(muennighoff_unconstrained_gopher),
	        cmocka_unit_test(muennighoff_inverse_and_plateau),
	        cmocka_unit_test(brent_matches_closed_form),
	        cmocka_unit_test(point_from_two_of_three),
	        cmocka_unit_test(approach1_table3),
	        cmocka_unit_test(approach2_table_a3),
	        cmocka_unit_test(approach3_table_a3),
	        cmocka_unit_test(training_compute_is_6nd),
	        cmocka_unit_test(kaplan_table6_frontier),
	        cmocka_unit_test(kaplan_frontier_as_chinchilla_read_it),
	        cmocka_unit_test(kaplan_breakdown_loss),
	        cmocka_unit_test(kaplan_keys_round_trip),
	        cmocka_unit_test(llama3_frontier_is_tokens),
	        cmocka_unit_test(deepseek_frontier_spends_budget),
	        cmocka_unit_test(chinchilla_beats_gopher),
	        cmocka_unit_test(inverse_and_efficiency),
	        cmocka_unit_test(inference_aware_optimum),
	        cmocka_unit_test(isoloss_inverts_loss),
	        cmocka_unit_test(domain_errors),
	        cmocka_unit_test(whole_budget_range_is_finite),
	};

	gsl_set_error_handler_off();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
