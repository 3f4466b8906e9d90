/*
 * compare.h: the compute multiplier between two laws (or two fits): how
 * many times the compute C law B needs, on its own compute-optimal
 * frontier, to reach the loss law A's compute-optimal run reaches at C.
 * k > 1: B is the less compute-efficient (A's data, architecture or recipe
 * is worth k x the compute); k < 1: B is the more efficient. Pure
 * functions, no I/O: a derived number, which callers label so.
 */
#ifndef ISOFLOP_COMPARE_H
#define ISOFLOP_COMPARE_H

#include "law.h"

/* One budget compared: A's optimal loss there and what B needs for it. */
struct compare_point {
	double compute;   /* C, FLOPs */
	double loss;      /* L*_A(C): the loss of A's compute-optimal run at C */
	double compute_b; /* the compute B's compute-optimal run needs to reach that loss */
	double k;         /* compute_b / C */
	/* how far each side's optimum lies past its law's fitted N, D or C (law_beyond_fit) */
	struct law_beyond beyond_a; /* A's optimum at C */
	struct law_beyond beyond_b; /* B's optimum at compute_b */
	double n_a, d_a;            /* A's optimal N and D at C; 0 when its law fits none */
	double n_b, d_b;            /* B's at compute_b */
};

/*
 * A's L*(C), then the compute B's optimum needs for it. A power law counts
 * through its L(C) (Henighan et al. 2020's frontier loss). Statuses, each a
 * refusal rather than a number:
 * MODEL_ENOSURFACE  A or B is a frontier law: an allocation, no loss;
 * MODEL_ENOFIT      A or B is a power law that fits no L(C);
 * MODEL_EDOM        C outside 1e10 to 1e35 FLOPs, or B cannot reach the
 *                   loss: at or below its floor (compare_floor), or only
 *                   with less than 1e10 or more than 1e35 FLOPs.
 */
enum model_status compare_at(const struct law *a, const struct law *b, double compute,
                             struct compare_point *out);

/*
 * Whether a law has a compute-optimal loss to compare: MODEL_OK, or the
 * status compare_at refuses it with (MODEL_ENOSURFACE, MODEL_ENOFIT). The
 * one test of it: compare_at, `isoflop compare` and the explorer all ask it.
 */
enum model_status compare_status(const struct law *law);

/*
 * What a law refused by compare_status lacks, for the caller's sentence:
 * "no loss" (a frontier law), "no L(C)" (a power law fitting L(N) only);
 * NULL for any other status.
 */
const char *compare_lacks(enum model_status status);

/* Whether either side of a compared point lies past its law's fitted range. */
bool compare_extrapolated(const struct compare_point *p);

/* B needs *k x compute to reach A's compute-optimal loss at compute (compare_at). */
enum model_status compute_multiplier(const struct law *a, const struct law *b, double compute,
                                     double *k);

/*
 * The loss B's optimum tends to as compute grows (model/returns.h's floor,
 * unlimited data): a loss at or below it B never reaches.
 */
double compare_floor(const struct law *b);

#endif
