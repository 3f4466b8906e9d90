/*
 * timeline.h: training compute against release date, and the data wall.
 *
 * The growth of training compute per year is fitted as a straight line in
 * log10 C against the decimal year (ordinary least squares, GSL), with its
 * interval from the fit's covariance and Student's t. The data wall is the
 * year when a compute-optimal run under a law needs the whole stock of text
 * as its tokens, D*(C_wall) = stock, with compute growing from the frontier
 * at a given rate. Pure functions: no I/O.
 */
#ifndef ISOFLOP_TIMELINE_H
#define ISOFLOP_TIMELINE_H

#include "law.h"

/* Fewer points than this leave no degree of freedom for an interval worth the name. */
#define TIMELINE_MIN_POINTS 3

/* log10 C = intercept + slope * year, with what the interval needs. */
struct timeline_fit {
	int n;                      /* points fitted */
	double intercept;           /* log10 FLOPs at year 0 */
	double slope;               /* decades of FLOPs per year */
	double cov00, cov01, cov11; /* covariance of (intercept, slope) */
	double sumsq;               /* residual sum of squares, decades^2 */
	double level;               /* the interval's confidence, 0 < level < 1 */
	double growth;              /* 10^slope: factor per year */
	double growth_low;          /* 10^(slope - t sd): lower end at `level` */
	double growth_high;         /* 10^(slope + t sd) */
};

/*
 * The decimal year of a release date: YYYY-MM (or YYYY-MM-DD, the day
 * ignored) is the start of its month, year + (month - 1) / 12; YYYY alone is
 * mid-year, year + 0.5. NaN when the text is none of these.
 */
double timeline_year(const char *released);

/*
 * Fit log10(compute[i]) against year[i] over n points (gsl_fit_linear), the
 * growth's interval at `level` from Student's t with n - 2 degrees of freedom
 * (gsl_cdf_tdist_Pinv). MODEL_EDOM for fewer than TIMELINE_MIN_POINTS points,
 * a compute not above 0, a year not finite, all years equal, or a level
 * outside (0, 1).
 */
enum model_status timeline_fit(const double *year, const double *compute, int n, double level,
                               struct timeline_fit *out);

/* Where compute is projected from: a year and the FLOPs of that year's run. */
struct timeline_origin {
	double year;
	double compute;
};

/* The data wall: the compute that needs the stock, and the year it is reached. */
struct timeline_wall {
	double compute, compute_low, compute_high; /* C_wall at stock, stock_low, stock_high */
	double year;                               /* at stock and growth */
	double year_early; /* stock_low reached at growth_high: the earliest */
	double year_late;  /* stock_high reached at growth_low: the latest */
};

/*
 * The compute whose compute-optimal run under law trains on `tokens` tokens:
 * optimum_for_size's C for D* = tokens (unlimited unique data).
 */
enum model_status timeline_wall_compute(const struct law *law, double tokens, double *compute);

/*
 * The year when compute growing by `growth` a year from `from` reaches c:
 * from.year + log(c / from.compute) / log(growth). Before from.year when c
 * is below the origin's compute (the wall already passed). NaN for growth not
 * above 1 or a compute not above 0.
 */
double timeline_year_reaching(struct timeline_origin from, double growth, double c);

/*
 * The data wall under law for a stock with its interval [stock_low,
 * stock_high], from `from` at growth with its interval [growth_low,
 * growth_high]. A growth not above 1 never reaches a larger compute: its
 * year is NaN (a fitted interval may reach below 1). MODEL_EDOM when the
 * intervals are out of order or not positive; optimum_for_size's status when no budget from 1e10 to
 * 1e35 FLOPs makes a stock compute-optimal.
 */
enum model_status timeline_wall(const struct law *law, const double stock[3],
                                struct timeline_origin from, const double growth[3],
                                struct timeline_wall *out);

#endif
