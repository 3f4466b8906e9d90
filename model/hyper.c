/*
 * hyper.c: eta_opt(C) and B_opt(C), the scaling laws of hyperparameters
 * (hyper.h). Two closed-form powers; the only judgement is whether the
 * budget lies inside the compute the relation was fitted on.
 */
#include <math.h>

#include "hyper.h"

bool hyper_given(const struct hyper_law *h)
{
	return h->lr.coef > 0 && h->batch.coef > 0;
}

/* Whether c lies outside [lo, hi]; a relation without a range is never extrapolated. */
static bool outside(const struct law_range *r, double c)
{
	return r->hi > 0 && (c < r->lo || c > r->hi);
}

enum model_status hyper_at_compute(const struct hyper_law *h, double c, struct hyper_point *out)
{
	if (!hyper_given(h))
		return MODEL_ENOFIT;
	if (!(c >= LAW_COMPUTE_MIN && c <= LAW_COMPUTE_MAX))
		return MODEL_EDOM;
	out->lr = h->lr.coef * pow(c, h->lr.exp);
	out->batch = h->batch.coef * pow(c, h->batch.exp);
	out->extrapolated = outside(&h->compute, c);
	return MODEL_OK;
}
