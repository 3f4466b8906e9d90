/*
 * hardware.h: the compute a training run gets from its hardware, and back.
 *
 * One identity ties them: C = count x peak x MFU x seconds, where peak is one
 * accelerator's peak FLOP/s (dense BF16, from its vendor's datasheet) and MFU
 * the share of it the run turns into model FLOPs. Any one of the budget, the
 * count and the days follows from the other three. Pure functions over a plain
 * struct, so that the batch command and the explorer's panel agree.
 */
#ifndef ISOFLOP_HARDWARE_H
#define ISOFLOP_HARDWARE_H

#include "law.h"

/* Seconds in a day of wall-clock training. */
#define HW_DAY_SECONDS 86400.0

struct hw_plan {
	double peak;   /* peak FLOP/s of one accelerator */
	double count;  /* accelerators; hw_solve leaves a solved count fractional */
	double mfu;    /* model FLOPs utilisation, in (0, 1] */
	double days;   /* wall-clock days of training */
	double budget; /* training FLOPs */
	/* what the run costs; the compute terms above never read these */
	double price; /* USD per accelerator-hour, 0 when unknown */
	double watts; /* W per accelerator at full load, 0 when unknown */
	double pue;   /* power usage effectiveness, >= 1: 1 counts the accelerators alone */
};

/* The member of struct hw_plan that hw_solve computes from the others. */
enum hw_unknown {
	HW_BUDGET, /* from count, peak, MFU and days */
	HW_COUNT,  /* from budget, peak, MFU and days */
	HW_DAYS,   /* from budget, count, peak and MFU */
};

/*
 * Fill in the unknown member of plan from the others. MODEL_EDOM, and plan
 * untouched, unless peak and the three given members are positive and
 * finite, MFU is at most 1 and the result is finite and positive.
 */
enum model_status hw_solve(struct hw_plan *plan, enum hw_unknown unknown);

/*
 * A solved count as whole accelerators: rounded up, but a count a hair above
 * a whole number (rounding in hw_solve, relative 1e-12) is that number, not
 * one more accelerator.
 */
double hw_whole_count(double count);

/*
 * After the budget changed: `follow` (HW_DAYS or HW_COUNT) takes up the
 * change; a count is rounded up to whole accelerators and the days follow
 * it. MODEL_OK, or the error with plan untouched.
 */
enum model_status hw_follow(struct hw_plan *plan, double budget, enum hw_unknown follow);

/* Accelerator-hours of a plan: count x days x 24. */
double hw_gpu_hours(const struct hw_plan *plan);

/*
 * What a run costs. Pure functions of accelerator-hours, so that training
 * and serving (each at its own MFU and price) add up the same way. Each
 * returns MODEL_EDOM, and *out untouched, when a term is unknown (a price or
 * power of 0), negative, not finite, or a PUE is below 1.
 */

/* Accelerator-hours that turn `flops` into model FLOPs: flops / (peak x MFU x 3,600 s). */
enum model_status hw_hours_for(double flops, double peak, double mfu, double *hours);

/* Dollars: accelerator-hours x USD per accelerator-hour. */
enum model_status hw_dollars(double hours, double price, double *usd);

/* Energy in MWh: accelerator-hours x watts x PUE / 1e6 (W h to MW h). */
enum model_status hw_energy_mwh(double hours, double watts, double pue, double *mwh);

/* Tonnes of CO2e: MWh x 1,000 kWh/MWh x kg CO2e per kWh / 1,000 kg/t = MWh x grid. */
enum model_status hw_co2e_tonnes(double mwh, double grid, double *tonnes);

/* The plan's dollars and MWh (its count x days x 24 accelerator-hours). */
enum model_status hw_plan_dollars(const struct hw_plan *plan, double *usd);
enum model_status hw_plan_energy(const struct hw_plan *plan, double *mwh);

/* A budget in PF-days: FLOPs / (1e15 FLOP/s x 86,400 s), LAW_PF_DAY. */
double hw_pf_days(double budget);

#endif
