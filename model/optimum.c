/*
 * optimum.c: compute-optimal allocation, its inverse, and the inference-aware
 * optimum.
 *
 * Closed forms where the paper gives one; otherwise a coarse scan in ln N
 * brackets the minimum (the profiles are unimodal but their minimum can sit
 * anywhere over many decades) and GSL's Brent methods finish the job. Every
 * GSL status is checked, and GSL never sees a bad bracket or a NaN (solve.h),
 * so that GSL's error handler, abort() by default, is never called.
 */
#include <math.h>

#include <gsl/gsl_errno.h>
#include <gsl/gsl_min.h>

#include "optimum.h"
#include "profile.h"
#include "solve.h"

/* Points of the bracketing scan: 64 over the span is 1/3 decade apart at most. */
#define SCAN_POINTS 64

/* Tokens-per-parameter span searched at fixed compute: 1e-4 to 1e6. */
#define SEARCH_RATIO_MIN 1e-4
#define SEARCH_RATIO_MAX 1e6

/* Value a minimised function takes where it is undefined. */
#define PENALTY 1e300

static bool budget_ok(double c)
{
	return isfinite(c) && c >= LAW_COMPUTE_MIN && c <= LAW_COMPUTE_MAX;
}

/* A function of x = ln N to minimise, with its parameters. */
struct objective {
	double (*f)(double x, void *p);
	void *p;
};

/*
 * Minimise obj over [lo, hi]: scan SCAN_POINTS, then Brent's minimiser on the
 * neighbours of the best point. MODEL_ENOCONV when the best point is an end
 * of the span (no interior minimum there).
 */
static enum model_status minimize_ln(struct objective obj, double lo, double hi, double *xmin,
                                     double *bracket_lo, double *bracket_hi)
{
	double x[SCAN_POINTS], y[SCAN_POINTS];
	int best = 0;

	for (int i = 0; i < SCAN_POINTS; i++) {
		x[i] = lo + (hi - lo) * i / (SCAN_POINTS - 1);
		y[i] = obj.f(x[i], obj.p);
		if (y[i] < y[best])
			best = i;
	}
	if (y[best] >= PENALTY)
		return MODEL_ENOCONV;
	if (best == 0 || best == SCAN_POINTS - 1) {
		double top = y[0];
		for (int i = 1; i < SCAN_POINTS; i++)
			top = fmax(top, y[i]);
		/* flat to rounding: every split of the budget is as good (a data wall) */
		return top - y[best] <= 1e-12 * fabs(y[best]) ? MODEL_EPLATEAU : MODEL_ENOCONV;
	}
	*bracket_lo = x[best - 1];
	*bracket_hi = x[best + 1];
	if (!(y[best] < y[best - 1] && y[best] < y[best + 1])) {
		*xmin = x[best]; /* flat to rounding: the scan point is the answer */
		return MODEL_OK;
	}

	/* what gsl_min_fminimizer_set_with_values would raise an error for */
	if (!(x[best - 1] < x[best] && x[best] < x[best + 1]))
		return MODEL_ENOCONV;
	struct solve_guard guard = {obj.f, obj.p, false};
	gsl_function f = {solve_guarded, &guard};
	gsl_min_fminimizer *s = gsl_min_fminimizer_alloc(gsl_min_fminimizer_brent);
	if (s == NULL)
		return MODEL_ENOCONV;
	enum model_status st = MODEL_ENOCONV;
	if (gsl_min_fminimizer_set_with_values(s, &f, x[best], y[best], x[best - 1], y[best - 1],
	                                       x[best + 1], y[best + 1]) == GSL_SUCCESS) {
		double good = x[best]; /* the minimum before a step that met a NaN */
		for (int i = 0; i < 200; i++) {
			if (gsl_min_fminimizer_iterate(s) != GSL_SUCCESS || guard.bad)
				break;
			good = gsl_min_fminimizer_x_minimum(s);
			double a = gsl_min_fminimizer_x_lower(s);
			double b = gsl_min_fminimizer_x_upper(s);
			if (gsl_min_test_interval(a, b, 1e-10, 0) == GSL_SUCCESS) {
				st = MODEL_OK;
				break;
			}
		}
		*xmin = good;
		if (st != MODEL_OK && isfinite(*xmin))
			st = MODEL_OK; /* the interval stalled at rounding level, or at a NaN */
	}
	gsl_min_fminimizer_free(s);
	return st;
}

struct profile_args {
	const struct law *law;
	double c;
	double u;
};

static double profile_at(double x, void *p)
{
	const struct profile_args *a = p;
	double l;

	if (profile_loss(a->law, a->c, exp(x), a->u, &l) != MODEL_OK)
		return PENALTY;
	return l;
}

static double slope_at(double x, void *p)
{
	const struct profile_args *a = p;
	double s;

	if (profile_slope(a->law, a->c, exp(x), a->u, &s) != MODEL_OK)
		return GSL_NAN;
	return s;
}

/* Refine a minimum at *x to the zero of the slope inside [lo, hi], if it brackets one. */
static void polish_on_slope(struct profile_args *args, double lo, double hi, double *x)
{
	double root;

	if (slope_at(lo, args) < 0 && slope_at(hi, args) > 0 &&
	    solve_root(slope_at, args, lo, hi, 1e-14, 0, &root) == MODEL_OK)
		*x = root;
}

static enum model_status fill(const struct law *law, double n, double d, double u,
                              struct allocation *out)
{
	enum model_status st;

	out->params = n;
	out->tokens = d;
	out->compute = law_compute(law, n, d);
	out->has_loss = law_has_surface(law);
	out->loss = 0;
	if (out->has_loss && (st = law_loss(law, n, d, u, &out->loss)) != MODEL_OK)
		return st;
	return MODEL_OK;
}

enum model_status optimum_search(const struct law *law, double c, double u, struct allocation *out)
{
	if (!law_has_surface(law))
		return MODEL_ENOSURFACE;
	if (!budget_ok(c))
		return MODEL_EDOM;

	/* at fixed C, N = sqrt((C/k) / r) for tokens per parameter r */
	double x = c / law->k;
	double lo = 0.5 * log(x / SEARCH_RATIO_MAX), hi = 0.5 * log(x / SEARCH_RATIO_MIN);
	struct profile_args args = {law, c, u};
	struct objective obj = {profile_at, &args};
	double xmin, blo, bhi;
	enum model_status st = minimize_ln(obj, lo, hi, &xmin, &blo, &bhi);

	if (st != MODEL_OK)
		return st;
	polish_on_slope(&args, blo, bhi, &xmin);
	double n = exp(xmin);
	st = fill(law, n, c / (law->k * n), u, out);
	out->compute = c;
	return st;
}

static double power(struct law_power p, double c, double unit)
{
	return p.coef * pow(c / unit, p.exp);
}

/*
 * A frontier's fits at c FLOPs spent. Under the C_min convention only N is
 * read from the fit (at C_min); D is what the budget then buys, C / (k N),
 * as Kaplan's Eq. 6.7 derives it: Table 6's D_opt is that number rounded.
 */
static enum model_status frontier_at_compute(const struct law *law, double c,
                                             struct allocation *out)
{
	const struct law_frontier *f = &law->frontier;
	double cf = law_frontier_compute(law, c);
	double n = 0, d = 0;

	if (f->params.coef > 0)
		n = power(f->params, cf, f->unit);
	else if (f->flops_pt.coef > 0)
		n = power(f->flops_pt, cf, f->unit) / law->k;
	if (f->tokens.coef > 0 && !(f->c_min && n > 0))
		d = power(f->tokens, cf, f->unit);
	if (n <= 0 && d <= 0) /* exponents printed without coefficients: proportionality only */
		return f->params.exp > 0 || f->tokens.exp > 0 || f->flops_pt.exp > 0 ? MODEL_ENOFIT
		                                                                     : MODEL_EDOM;
	if (n <= 0)
		n = c / (law->k * d);
	if (d <= 0)
		d = c / (law->k * n);
	out->params = n;
	out->tokens = d;
	out->compute = c;
	out->loss = 0;
	out->has_loss = false;
	return isfinite(n) && isfinite(d) ? MODEL_OK : MODEL_EDOM;
}

/*
 * A one-variable law's optimum at c: its N_opt(C) (Henighan et al. 2020
 * Eq. 1.4, in frontier.params), D from C = k N D, and its L(C) as the loss
 * where the paper fits one (L(C) is the frontier's loss: Sec. 2.3).
 */
static enum model_status power_at_compute(const struct law *law, double c, struct allocation *out)
{
	enum model_status st = frontier_at_compute(law, c, out);

	if (st == MODEL_EDOM && !(law->frontier.params.coef > 0))
		return MODEL_ENOFIT; /* no N_opt(C) in the paper */
	if (st != MODEL_OK)
		return st;
	out->has_loss = law_single_loss(&law->by_compute, c, &out->loss) == MODEL_OK;
	if (!out->has_loss)
		out->loss = 0;
	return MODEL_OK;
}

/*
 * Kaplan's Eq. 1.5 at fixed C = k N D is minimal where its bracket
 * (Nc/N)^p + Dc k N / C is, p = alpha_N / alpha_D: setting the derivative to
 * zero gives N^(p+1) = p Nc^p C / (k Dc). In logs, so that no power
 * overflows. optimum_search finds the same point (a unit test holds them
 * together); this is 200 times faster, which the contour map's frontier needs.
 */
static double kaplan_optimal_params(const struct law *law, double c)
{
	double p = law->alpha_n / law->alpha_d;

	return exp((log(p) + p * log(law->nc) + log(c) - log(law->k) - log(law->dc)) / (p + 1));
}

void optimum_additive(const struct law *law, double c, double *n, double *d)
{
	double g, a, b;

	law_additive_allocation(law, &g, &a, &b);
	*n = g * pow(c / law->k, a);
	*d = pow(c / law->k, b) / g;
}

enum model_status optimum_at_compute(const struct law *law, double c, double u,
                                     struct allocation *out)
{
	double n, d;

	if (!budget_ok(c) || isnan(u) || isinf(u))
		return MODEL_EDOM;
	switch (law->family) {
	case LAW_ADDITIVE:
		optimum_additive(law, c, &n, &d);
		return fill(law, n, d, u, out);
	case LAW_FRONTIER:
		return frontier_at_compute(law, c, out);
	case LAW_POWER:
		return power_at_compute(law, c, out);
	case LAW_KAPLAN:
		n = kaplan_optimal_params(law, c);
		return fill(law, n, c / (law->k * n), u, out);
	case LAW_DATA_CONSTRAINED:
	default:
		return optimum_search(law, c, u, out);
	}
}

enum model_status optimum_point(const struct law *law, double n, double d, double c, double u,
                                double *n_out, double *d_out)
{
	struct allocation a;
	enum model_status st;

	if (n > 0 && d > 0 && !(c > 0)) {
		*n_out = n;
		*d_out = d;
	} else if (n > 0 && c > 0 && !(d > 0)) {
		*n_out = n;
		*d_out = c / (law->k * n);
	} else if (d > 0 && c > 0 && !(n > 0)) {
		*d_out = d;
		*n_out = c / (law->k * d);
	} else if (c > 0 && !(n > 0) && !(d > 0)) {
		if ((st = optimum_at_compute(law, c, u, &a)) != MODEL_OK)
			return st;
		*n_out = a.params;
		*d_out = a.tokens;
	} else {
		return MODEL_EDOM;
	}
	return MODEL_OK;
}

/* What a budget search looks for: the optimum that reaches a loss, an N or a D. */
struct target_args {
	const struct law *law;
	double u;
	enum { TARGET_LOSS, TARGET_PARAMS, TARGET_TOKENS } what;
	double value; /* the loss, or ln N or ln D */
};

/*
 * How far the optimum at the budget e^x is past the target: increasing in
 * x (a larger budget reaches a lower loss and a larger N and D).
 */
static double target_residual(double x, void *p)
{
	const struct target_args *a = p;
	struct allocation al;
	/* exp(log(1e10)) may round below 1e10: keep the ends inside the domain */
	double c = fmin(fmax(exp(x), LAW_COMPUTE_MIN), LAW_COMPUTE_MAX);

	if (optimum_at_compute(a->law, c, a->u, &al) != MODEL_OK)
		return GSL_NAN;
	return a->what == TARGET_LOSS     ? a->value - al.loss
	       : a->what == TARGET_PARAMS ? log(al.params) - a->value
	                                  : log(al.tokens) - a->value;
}

/* Decades of budget scanned to bracket a target loss: 1e10 to 1e35. */
#define BUDGET_DECADES 25

/*
 * The budget where r, increasing in ln C, crosses zero, and its optimum.
 * A one-per-decade scan of ln C brackets it first: with limited unique data
 * the optimal loss, N* and D* can stop moving (a plateau where no split of
 * a larger budget helps), so the ends of the range cannot be trusted to
 * bracket. The last decade below zero and the first at or above it feed
 * GSL's Brent root finder.
 */
static enum model_status budget_search(struct target_args *args, double tol, struct allocation *out)
{
	double lo = NAN, hi = NAN, x;

	for (int i = 0; i <= BUDGET_DECADES; i++) {
		double y = log(LAW_COMPUTE_MIN) + i * log(10.0), v = target_residual(y, args);
		if (isnan(v))
			continue;
		if (v < 0) {
			lo = y;
			continue;
		}
		hi = y;
		break;
	}
	if (isnan(lo) || isnan(hi))
		return MODEL_EDOM; /* already there at 1e10, or never by 1e35 */
	enum model_status st = solve_root(target_residual, args, lo, hi, tol, 0, &x);
	if (st != MODEL_OK)
		return st;
	return optimum_at_compute(args->law, fmin(fmax(exp(x), LAW_COMPUTE_MIN), LAW_COMPUTE_MAX),
	                          args->u, out);
}

enum model_status optimum_for_loss(const struct law *law, double loss, double u,
                                   struct allocation *out)
{
	double g, a, b;

	if (!law_has_surface(law))
		return MODEL_ENOSURFACE;
	if (!isfinite(loss) || loss <= 0 || isnan(u) || isinf(u))
		return MODEL_EDOM;
	if (law->family != LAW_ADDITIVE)
		return budget_search(&(struct target_args){law, u, TARGET_LOSS, loss}, 1e-12, out);

	/* Besiroglu et al. 2024, compute_optimal_allocation: invert Eq. 4 */
	if (loss <= law->E)
		return MODEL_EDOM;
	law_additive_allocation(law, &g, &a, &b);
	double scale = law->A * pow(g, -law->alpha) + law->B * pow(g, law->beta);
	double x =
	        pow((loss - law->E) / scale, -(law->alpha + law->beta) / (law->alpha * law->beta));
	double c = law->k * x;
	if (!budget_ok(c))
		return MODEL_EDOM;
	return optimum_at_compute(law, c, u, out);
}

enum model_status optimum_for_size(const struct law *law, enum optimum_size which, double x,
                                   double u, struct allocation *out)
{
	double g, a, b, c;

	if (!isfinite(x) || x <= 0 || isnan(u) || isinf(u))
		return MODEL_EDOM;
	if (law->family != LAW_ADDITIVE)
		return budget_search(&(struct target_args){law, u,
		                                           which == OPTIMUM_PARAMS ? TARGET_PARAMS
		                                                                   : TARGET_TOKENS,
		                                           log(x)},
		                     1e-13, out);
	/* Eq. 4 solved for C: N = G (C/k)^a, D = G^-1 (C/k)^b */
	law_additive_allocation(law, &g, &a, &b);
	c = which == OPTIMUM_PARAMS ? law->k * pow(x / g, 1 / a) : law->k * pow(x * g, 1 / b);
	if (!budget_ok(c))
		return MODEL_EDOM;
	return optimum_at_compute(law, c, u, out);
}

enum model_status optimum_efficiency(const struct law *law, double n, double d, double u,
                                     double *efficiency, struct allocation *optimal)
{
	double loss;
	enum model_status st;

	if ((st = law_loss(law, n, d, u, &loss)) != MODEL_OK)
		return st;
	if ((st = optimum_for_loss(law, loss, u, optimal)) != MODEL_OK)
		return st;
	*efficiency = optimal->compute / law_compute(law, n, d);
	return MODEL_OK;
}

struct cost_args {
	const struct law *law;
	double loss;
	double u;
	double t;
};

/* k N D(N) + 2 N T along the iso-loss curve, in units of 1e20 FLOPs to keep Brent's tolerances
 * sane. */
static double lifetime_cost(double x, void *p)
{
	const struct cost_args *a = p;
	double n = exp(x), d;

	if (profile_isoloss_tokens(a->law, a->loss, n, a->u, &d) != MODEL_OK)
		return PENALTY;
	double cost = (law_compute(a->law, n, d) + 2 * n * a->t) / 1e20;
	return isfinite(cost) ? cost : PENALTY;
}

enum model_status optimum_inference(const struct law *law, double loss, double u, double t,
                                    struct inference_plan *out)
{
	enum model_status st;

	if (!isfinite(t) || t < 0)
		return MODEL_EDOM;
	if ((st = optimum_for_loss(law, loss, u, &out->chinchilla)) != MODEL_OK)
		return st;
	out->inference_tokens = t;
	out->chinchilla_total = out->chinchilla.compute + 2 * out->chinchilla.params * t;

	/*
	 * Serving cost only pushes N down, so the optimum lies below the
	 * Chinchilla N: search from e^-14 (a factor 1.2e6) below to just above.
	 */
	struct cost_args args = {law, loss, u, t};
	struct objective obj = {lifetime_cost, &args};
	double x0 = log(out->chinchilla.params), xmin, blo, bhi;
	if ((st = minimize_ln(obj, x0 - 14, x0 + 1, &xmin, &blo, &bhi)) != MODEL_OK)
		return st;
	double n = exp(xmin), d;
	if ((st = profile_isoloss_tokens(law, loss, n, u, &d)) != MODEL_OK)
		return st;
	if ((st = fill(law, n, d, u, &out->aware)) != MODEL_OK)
		return st;
	out->aware_total = out->aware.compute + 2 * n * t;
	/* Brent stops within 1e-10 of the minimum; never report a negative saving for it */
	if (out->aware_total > out->chinchilla_total) {
		out->aware = out->chinchilla;
		out->aware_total = out->chinchilla_total;
	}
	out->savings = (out->chinchilla_total - out->aware_total) / out->chinchilla_total;
	return MODEL_OK;
}
