/*
 * traintest.c: the laws of traintest.h. Each is a line of algebra; the
 * cheapest pair has a closed form, so no minimiser is needed.
 */
#include <math.h>

#include "traintest.h"

bool tt_in_range(struct tt_range r, double x)
{
	if (r.lo == 0 && r.hi == 0)
		return true;
	return x >= r.lo && x <= r.hi;
}

bool tt_has_plane(const struct tt_law *law)
{
	return law->form == TT_LOG_LINEAR;
}

static bool positive(double x)
{
	return x > 0 && isfinite(x);
}

double tt_performance(const struct tt_law *law, double train, double test)
{
	if (!tt_has_plane(law) || !positive(train) || !positive(test))
		return NAN;
	return (log10(test) - law->offset + law->exchange * log10(train)) / law->per_unit;
}

double tt_test_for(const struct tt_law *law, double train, double p)
{
	if (!tt_has_plane(law) || !positive(train) || !isfinite(p))
		return NAN;
	return pow(10, law->offset - law->exchange * log10(train) + law->per_unit * p);
}

double tt_exchange_10x(const struct tt_law *law, double train, double p)
{
	return tt_test_for(law, train, p) / tt_test_for(law, 10 * train, p);
}

double tt_total(double train, double test, double problems)
{
	return train + problems * test;
}

bool tt_cheapest(const struct tt_law *law, double p, double problems, double *train, double *test)
{
	*train = *test = NAN;
	if (!tt_has_plane(law) || !isfinite(p) || !positive(problems))
		return false;
	/* in logs, so that K = 10^(offset + per_unit p) never overflows on its own */
	double e = law->exchange;
	double log_k = law->offset + law->per_unit * p;
	double log_train = (log10(e * problems) + log_k) / (1 + e);
	*train = pow(10, log_train);
	*test = pow(10, log_k - e * log_train);
	return positive(*train) && positive(*test);
}

double tt_coverage(const struct tt_law *law, double k)
{
	if (law->form != TT_COVERAGE || !(k >= 1) || !isfinite(k))
		return NAN;
	return exp(law->a * pow(k, law->b));
}

double tt_samples_for(const struct tt_law *law, double c)
{
	if (law->form != TT_COVERAGE || !(c > 0 && c < 1))
		return NAN;
	return pow(log(c) / law->a, 1 / law->b);
}
