/*
 * returns.h: what compute buys along a law's compute-optimal frontier: the
 * loss L*(C) of the best run at a budget C, and the drop the next decade of
 * compute gives, dL = L*(C) - L*(10 C), also as a share of the reducible
 * loss left, dL / (L*(C) - E). A share that falls decade after decade is
 * "returns flatten" as a number. Pure functions, no I/O.
 */
#ifndef ISOFLOP_RETURNS_H
#define ISOFLOP_RETURNS_H

#include "law.h"
#include "optimum.h"

/* How much more compute "the next step" is: one decade. */
#define RETURNS_STEP 10.0

/* The returns of one budget. */
struct returns {
	double compute;         /* C, FLOPs */
	struct allocation at;   /* the compute-optimal run at C: N*, D*, L*(C) */
	struct allocation next; /* the compute-optimal run at RETURNS_STEP C */
	double floor;           /* the loss no compute reaches (returns_floor) */
	double gain;            /* L*(C) - L*(10 C), nats per token */
	double share;           /* gain / (L*(C) - floor): the part of what is left it buys */
};

/*
 * The loss L*(C) tends to as C grows with u unique tokens (u <= 0:
 * unlimited): E for additive laws and for data-constrained ones with
 * unlimited data; with finite u a data-constrained law levels off above E,
 * at its loss where the effective N' and D' that u allows saturate. Kaplan's Eq. 1.5 has no such
 * term (its loss falls as a pure power towards 0), so its floor is 0 and its "reducible loss" is
 * the whole loss; a frontier law has no loss, and its floor is 0 too.
 */
double returns_floor(const struct law *law, double u);

/*
 * L*(C): the loss of the compute-optimal run at c FLOPs with u unique tokens
 * (u <= 0: unlimited), through optimum_at_compute. MODEL_ENOSURFACE for a
 * frontier law, which fits the allocation but no loss.
 */
enum model_status returns_loss(const struct law *law, double c, double u, double *loss);

/*
 * The returns at c: L*(c), L*(RETURNS_STEP c), their difference and its
 * share of L*(c) - floor. MODEL_EDOM when RETURNS_STEP c is beyond
 * LAW_COMPUTE_MAX; MODEL_ENOSURFACE for a frontier law.
 */
enum model_status returns_at_compute(const struct law *law, double c, double u,
                                     struct returns *out);

#endif
