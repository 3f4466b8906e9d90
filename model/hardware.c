/*
 * hardware.c: C = count x peak x MFU x seconds, solved for any one term.
 *
 * Closed forms, one division each: nothing here needs GSL. Every input is
 * checked so that no NaN, infinity or zero leaves model/.
 */
#include <math.h>
#include <stdbool.h>

#include "hardware.h"

static bool positive_finite(double x)
{
	return isfinite(x) && x > 0;
}

enum model_status hw_solve(struct hw_plan *plan, enum hw_unknown unknown)
{
	struct hw_plan p = *plan;

	if (!positive_finite(p.peak) || !positive_finite(p.mfu) || p.mfu > 1)
		return MODEL_EDOM;
	switch (unknown) {
	case HW_BUDGET:
		if (!positive_finite(p.count) || !positive_finite(p.days))
			return MODEL_EDOM;
		p.budget = p.count * p.peak * p.mfu * (p.days * HW_DAY_SECONDS);
		if (!positive_finite(p.budget))
			return MODEL_EDOM;
		break;
	case HW_COUNT:
		if (!positive_finite(p.budget) || !positive_finite(p.days))
			return MODEL_EDOM;
		p.count = p.budget / (p.peak * p.mfu * (p.days * HW_DAY_SECONDS));
		if (!positive_finite(p.count))
			return MODEL_EDOM;
		break;
	case HW_DAYS:
		if (!positive_finite(p.budget) || !positive_finite(p.count))
			return MODEL_EDOM;
		p.days = p.budget / (p.count * p.peak * p.mfu) / HW_DAY_SECONDS;
		if (!positive_finite(p.days))
			return MODEL_EDOM;
		break;
	default:
		return MODEL_EDOM;
	}
	*plan = p;
	return MODEL_OK;
}

double hw_whole_count(double count)
{
	return ceil(count * (1 - 1e-12));
}

enum model_status hw_follow(struct hw_plan *plan, double budget, enum hw_unknown follow)
{
	struct hw_plan p = *plan;
	enum model_status st;

	p.budget = budget;
	if ((st = hw_solve(&p, follow)) != MODEL_OK)
		return st;
	if (follow == HW_COUNT) {
		p.count = hw_whole_count(p.count);
		if ((st = hw_solve(&p, HW_DAYS)) != MODEL_OK)
			return st;
	}
	*plan = p;
	return MODEL_OK;
}

double hw_gpu_hours(const struct hw_plan *plan)
{
	return plan->count * plan->days * 24;
}

double hw_pf_days(double budget)
{
	return budget / LAW_PF_DAY;
}

enum model_status hw_hours_for(double flops, double peak, double mfu, double *hours)
{
	if (!positive_finite(flops) || !positive_finite(peak) || !positive_finite(mfu) || mfu > 1)
		return MODEL_EDOM;
	double h = flops / (peak * mfu) / 3600;
	if (!positive_finite(h))
		return MODEL_EDOM;
	*hours = h;
	return MODEL_OK;
}

/* A product of positive finite terms, finite itself: the one shape of every cost. */
static enum model_status product(double a, double b, double *out)
{
	if (!positive_finite(a) || !positive_finite(b) || !positive_finite(a * b))
		return MODEL_EDOM;
	*out = a * b;
	return MODEL_OK;
}

enum model_status hw_dollars(double hours, double price, double *usd)
{
	return product(hours, price, usd);
}

enum model_status hw_energy_mwh(double hours, double watts, double pue, double *mwh)
{
	double wh;

	if (!isfinite(pue) || pue < 1 || product(hours, watts, &wh) != MODEL_OK)
		return MODEL_EDOM;
	return product(wh / 1e6, pue, mwh);
}

enum model_status hw_co2e_tonnes(double mwh, double grid, double *tonnes)
{
	return product(mwh, grid, tonnes);
}

enum model_status hw_plan_dollars(const struct hw_plan *plan, double *usd)
{
	return hw_dollars(hw_gpu_hours(plan), plan->price, usd);
}

enum model_status hw_plan_energy(const struct hw_plan *plan, double *mwh)
{
	return hw_energy_mwh(hw_gpu_hours(plan), plan->watts, plan->pue, mwh);
}
