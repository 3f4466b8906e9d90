/*
 * compare.c: the compute multiplier between two laws. A's side is L*(C)
 * from returns_loss (optimum_at_compute's loss, or a power law's L(C)); B's
 * side inverts B's frontier: optimum_for_loss for a law with a surface
 * (closed form for additive laws, a Brent solve otherwise), and the closed
 * form C = x0 / (L - L_inf)^(1/alpha) for a power law's L(C).
 */
#include <math.h>
#include <stddef.h>

#include "compare.h"
#include "optimum.h"
#include "returns.h"

double compare_floor(const struct law *b)
{
	return returns_floor(b, 0);
}

enum model_status compare_status(const struct law *law)
{
	if (law->family == LAW_POWER)
		return law->by_compute.scale > 0 ? MODEL_OK : MODEL_ENOFIT;
	return law_has_surface(law) ? MODEL_OK : MODEL_ENOSURFACE;
}

const char *compare_lacks(enum model_status status)
{
	switch (status) {
	case MODEL_ENOSURFACE:
		return "no loss";
	case MODEL_ENOFIT:
		return "no L(C)";
	default:
		return NULL;
	}
}

static bool past(const struct law_beyond *b)
{
	return b->params > 0 || b->tokens > 0 || b->compute > 0;
}

bool compare_extrapolated(const struct compare_point *p)
{
	return past(&p->beyond_a) || past(&p->beyond_b);
}

/*
 * A law's optimum at c and how far it lies past the fit; a power law that
 * fits no N_opt(C) counts by its compute alone.
 */
static struct law_beyond optimum_beyond(const struct law *law, double c, double *n, double *d)
{
	struct allocation opt;

	*n = *d = 0;
	if (optimum_at_compute(law, c, 0, &opt) == MODEL_OK) {
		*n = opt.params;
		*d = opt.tokens;
	}
	return law_beyond_fit(law, *n, *d, c);
}

/*
 * The compute a power law's L(C) = L_inf + (x0 / C)^alpha needs to reach
 * `loss`: Henighan et al. 2020 Eq. 1.1 solved for C.
 */
static enum model_status power_compute_for(const struct law *law, double loss, double *c)
{
	const struct law_single *s = &law->by_compute;

	if (!(loss > s->floor))
		return MODEL_EDOM;
	*c = s->scale / pow(loss - s->floor, 1 / s->exponent);
	return isfinite(*c) && *c >= LAW_COMPUTE_MIN && *c <= LAW_COMPUTE_MAX ? MODEL_OK
	                                                                      : MODEL_EDOM;
}

/* The compute B's compute-optimal run needs to reach `loss`. */
static enum model_status compute_for_loss(const struct law *b, double loss, double *c)
{
	struct allocation opt;
	enum model_status st;

	if (b->family == LAW_POWER)
		return power_compute_for(b, loss, c);
	if (!(loss > compare_floor(b)))
		return MODEL_EDOM; /* said apart from a failed search: B never gets there */
	if ((st = optimum_for_loss(b, loss, 0, &opt)) != MODEL_OK)
		return st;
	*c = opt.compute;
	return MODEL_OK;
}

enum model_status compare_at(const struct law *a, const struct law *b, double compute,
                             struct compare_point *out)
{
	enum model_status st;

	if ((st = compare_status(a)) != MODEL_OK || (st = compare_status(b)) != MODEL_OK)
		return st;
	if (!isfinite(compute) || compute < LAW_COMPUTE_MIN || compute > LAW_COMPUTE_MAX)
		return MODEL_EDOM;
	out->compute = compute;
	if ((st = returns_loss(a, compute, 0, &out->loss)) != MODEL_OK ||
	    (st = compute_for_loss(b, out->loss, &out->compute_b)) != MODEL_OK)
		return st;
	out->k = out->compute_b / compute;
	out->beyond_a = optimum_beyond(a, compute, &out->n_a, &out->d_a);
	out->beyond_b = optimum_beyond(b, out->compute_b, &out->n_b, &out->d_b);
	return MODEL_OK;
}

enum model_status compute_multiplier(const struct law *a, const struct law *b, double compute,
                                     double *k)
{
	struct compare_point p;
	enum model_status st = compare_at(a, b, compute, &p);

	if (st == MODEL_OK)
		*k = p.k;
	return st;
}
