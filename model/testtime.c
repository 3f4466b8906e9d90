/*
 * testtime.c: the test-time compute multiplier of testtime.h. One line of
 * algebra, kept in model/ so that the explorer and the batch command agree.
 */
#include <math.h>

#include "testtime.h"

double testtime_multiplier(double d_pre, double d_inf, double m)
{
	if (!(d_pre > 0) || !(d_inf > 0) || !(m >= 1) || !isfinite(d_pre) || !isfinite(d_inf) ||
	    !isfinite(m))
		return NAN;
	return m + 3 * (d_pre / d_inf) * (m - 1);
}
