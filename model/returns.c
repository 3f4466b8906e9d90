/*
 * returns.c: the loss along the compute-optimal frontier and what one more
 * decade of compute buys. Every optimum comes from optimum_at_compute (the
 * closed form for additive laws, the search otherwise): this file only
 * subtracts and divides.
 */
#include <math.h>
#include <string.h>

#include "returns.h"

/*
 * Muennighoff et al. 2023 (arXiv 2305.16264) Eq. 5-7 with U unique tokens:
 * D' = U + U R_D* (1 - exp(-R_D / R_D*)) rises to U (1 + R_D*) as the
 * repetitions R_D grow, and N' likewise to U_N (1 + R_N*), U_N being the
 * parameters U justifies (law.c's N = G (U G)^(beta/alpha)). The loss falls
 * with both, so no compute gets below E + A / N'^alpha + B / D'^beta there.
 */
static double data_constrained_floor(const struct law *law, double u)
{
	double g, a, b;
	law_additive_allocation(law, &g, &a, &b);

	double un = pow(u * g, law->beta / law->alpha) * g;
	return law->E + law->A / pow(un * (1 + law->rn_star), law->alpha) +
	       law->B / pow(u * (1 + law->rd_star), law->beta);
}

double returns_floor(const struct law *law, double u)
{
	switch (law->family) {
	case LAW_ADDITIVE:
		return law->E;
	case LAW_DATA_CONSTRAINED:
		return u > 0 && isfinite(u) ? data_constrained_floor(law, u) : law->E;
	case LAW_POWER: /* L_inf of L(C), else of L(N) */
		return law->by_compute.scale > 0 ? law->by_compute.floor : law->by_params.floor;
	default:
		return 0;
	}
}

/* The compute-optimal run at c, with its loss; ENOSURFACE when the law gives none. */
static enum model_status optimum_with_loss(const struct law *law, double c, double u,
                                           struct allocation *a)
{
	if (law->family == LAW_POWER) { /* L(C) is its frontier's loss, with or without N_opt */
		memset(a, 0, sizeof *a);
		a->compute = c;
		if (optimum_at_compute(law, c, u, a) != MODEL_OK)
			a->params = a->tokens = 0;
		enum model_status st = law_single_loss(&law->by_compute, c, &a->loss);
		a->has_loss = st == MODEL_OK;
		return st == MODEL_ENOFIT ? MODEL_ENOSURFACE : st;
	}
	if (!law_has_surface(law))
		return MODEL_ENOSURFACE;
	enum model_status st = optimum_at_compute(law, c, u, a);
	if (st != MODEL_OK)
		return st;
	return a->has_loss && isfinite(a->loss) ? MODEL_OK : MODEL_EDOM;
}

enum model_status returns_loss(const struct law *law, double c, double u, double *loss)
{
	struct allocation a;
	enum model_status st = optimum_with_loss(law, c, u, &a);

	if (st == MODEL_OK)
		*loss = a.loss;
	return st;
}

enum model_status returns_at_compute(const struct law *law, double c, double u, struct returns *out)
{
	enum model_status st;

	memset(out, 0, sizeof *out);
	out->compute = c;
	if (!law_has_surface(law) && law->family != LAW_POWER)
		return MODEL_ENOSURFACE;
	if (!(c * RETURNS_STEP <= LAW_COMPUTE_MAX))
		return MODEL_EDOM;
	if ((st = optimum_with_loss(law, c, u, &out->at)) != MODEL_OK ||
	    (st = optimum_with_loss(law, c * RETURNS_STEP, u, &out->next)) != MODEL_OK)
		return st;
	out->floor = returns_floor(law, u);
	out->gain = out->at.loss - out->next.loss;
	double left = out->at.loss - out->floor;
	/* at the floor nothing is left to buy: a share of nothing is no number */
	out->share = left > 0 ? out->gain / left : NAN;
	return MODEL_OK;
}
