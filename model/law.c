/*
 * law.c: loss surfaces of the scaling-law families.
 *
 * Every formula is the paper's own; the constants come from presets. Inputs
 * are checked here so that no NaN or infinity ever leaves model/.
 */
#include <math.h>

#include "law.h"

bool law_has_surface(const struct law *law)
{
	return law->family != LAW_FRONTIER && law->family != LAW_POWER;
}

bool law_fits_params(const struct law *law)
{
	return law->family == LAW_POWER && law->by_params.scale > 0;
}

bool law_fits_compute(const struct law *law)
{
	return law->family == LAW_POWER && law->by_compute.scale > 0;
}

bool law_fits_allocation(const struct law *law)
{
	const struct law_frontier *f = &law->frontier;

	if (law->family == LAW_POWER)
		return f->params.coef > 0;
	if (law->family == LAW_FRONTIER)
		return f->params.coef > 0 || f->flops_pt.coef > 0 || f->tokens.coef > 0;
	return true;
}

bool law_exponents_only(const struct law *law)
{
	const struct law_frontier *f = &law->frontier;

	return law->family == LAW_FRONTIER && !law_fits_allocation(law) &&
	       (f->params.exp > 0 || f->tokens.exp > 0 || f->flops_pt.exp > 0);
}

enum model_status law_single_loss(const struct law_single *s, double x, double *loss)
{
	if (!(s->scale > 0))
		return MODEL_ENOFIT;
	if (!(x > 0) || !isfinite(x))
		return MODEL_EDOM;
	double l = s->floor + pow(s->scale / x, s->exponent);
	if (!isfinite(l))
		return MODEL_EDOM;
	*loss = l;
	return MODEL_OK;
}

bool law_optimum_derived(const struct law *law)
{
	return law->family == LAW_KAPLAN;
}

double law_compute(const struct law *law, double n, double d)
{
	return law->k * n * d;
}

/*
 * How far x lies outside r: x / hi above the high end, lo / x below the low
 * end, each by more than the ends' shown precision (LAW_BEYOND_TOL), else 0. An x that is
 * not a positive finite number (an optimum that did not solve) is never
 * outside.
 */
static double beyond_range(const struct law_range *r, double x, bool *below)
{
	*below = false;
	if (!(x > 0) || !isfinite(x))
		return 0;
	if (r->hi > 0 && x > r->hi * (1 + LAW_BEYOND_TOL))
		return x / r->hi;
	if (r->lo > 0 && x < r->lo * (1 - LAW_BEYOND_TOL)) {
		*below = true;
		return r->lo / x;
	}
	return 0;
}

double law_beyond_compute(const struct law *law, double c, bool *below)
{
	return beyond_range(&law->compute, c, below);
}

struct law_beyond law_beyond_fit(const struct law *law, double n, double d, double c)
{
	struct law_beyond b = {0};

	b.params = beyond_range(&law->params, n, &b.params_below);
	b.tokens = beyond_range(&law->tokens, d, &b.tokens_below);
	b.compute = beyond_range(&law->compute, c, &b.compute_below);
	return b;
}

bool law_range_narrow(const struct law_range *r)
{
	return r->lo > 0 && r->hi > 0 && r->hi < pow(10, LAW_MIN_DECADES) * r->lo;
}

double law_training_compute(double n, double d)
{
	return LAW_K_TRAINING * n * d;
}

void law_additive_allocation(const struct law *law, double *g, double *a, double *b)
{
	double s = law->alpha + law->beta;

	*g = pow(law->alpha * law->A / (law->beta * law->B), 1.0 / s);
	*a = law->beta / s;
	*b = law->alpha / s;
}

double law_frontier_compute(const struct law *law, double c)
{
	const struct law_frontier *f = &law->frontier;

	if (!f->c_min)
		return c;
	return c * (f->c_min_fraction > 0 ? f->c_min_fraction : LAW_C_MIN_FRACTION);
}

static bool positive_finite(double x)
{
	return isfinite(x) && x > 0;
}

/*
 * Muennighoff et al. 2023 (arXiv 2305.16264) §5 / datablations README:
 * repeated tokens and parameters past the data-justified count are worth
 * less, decaying with half-life constants R_D* and R_N*. The count of
 * parameters the unique data justifies is the additive law's compute-optimal
 * N for U_D tokens: N = G (D G)^(beta/alpha).
 */
static double data_constrained_loss(const struct law *law, double n, double d, double u)
{
	double g, a, b;
	law_additive_allocation(law, &g, &a, &b);

	double ud = u > 0 && u < d ? u : d; /* no more unique tokens than are seen */
	double rd = fmax(d / ud - 1, 0);
	double d_eff = ud + ud * law->rd_star * (1 - exp(-rd / law->rd_star));

	double un = fmin(n, pow(ud * g, law->beta / law->alpha) * g);
	double rn = fmax(n / un - 1, 0);
	double n_eff = un + un * law->rn_star * (1 - exp(-rn / law->rn_star));

	return law->E + law->A / pow(n_eff, law->alpha) + law->B / pow(d_eff, law->beta);
}

enum model_status law_loss(const struct law *law, double n, double d, double u, double *loss)
{
	double l;

	if (!positive_finite(n) || !positive_finite(d) || isnan(u) || isinf(u))
		return MODEL_EDOM;
	switch (law->family) {
	case LAW_ADDITIVE:
		l = law->E + law->A / pow(n, law->alpha) + law->B / pow(d, law->beta);
		break;
	case LAW_KAPLAN:
		l = pow(pow(law->nc / n, law->alpha_n / law->alpha_d) + law->dc / d, law->alpha_d);
		break;
	case LAW_DATA_CONSTRAINED:
		l = data_constrained_loss(law, n, d, u);
		break;
	case LAW_FRONTIER:
	default:
		return MODEL_ENOSURFACE;
	}
	if (!isfinite(l))
		return MODEL_EDOM;
	*loss = l;
	return MODEL_OK;
}

const char *model_strerror(enum model_status status)
{
	switch (status) {
	case MODEL_OK:
		return "ok";
	case MODEL_EDOM:
		return "outside the law's domain";
	case MODEL_ENOSURFACE:
		return "the law has no loss surface L(N, D) (a frontier law fits allocations, a "
		       "power law L(N) or L(C))";
	case MODEL_ENOCONV:
		return "the numerical search did not converge";
	case MODEL_ENOFIT:
		return "the law's paper fits no such relation";
	case MODEL_EPLATEAU:
		return "at this budget the loss no longer depends on the split of N and D "
		       "(with limited unique data, more compute stops helping)";
	}
	return "unknown error";
}
