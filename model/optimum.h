/*
 * optimum.h: compute-optimal allocation and the questions built on it: the
 * compute a loss needs, the compute efficiency of a given (N, D), the
 * inference-aware optimum (Sardana et al. 2023) and, through u, the
 * data-constrained optimum (Muennighoff et al. 2023).
 */
#ifndef ISOFLOP_OPTIMUM_H
#define ISOFLOP_OPTIMUM_H

#include "law.h"

/* One training run: where an allocation puts a budget. */
struct allocation {
	double compute; /* training FLOPs, k N D (a frontier's own fit may differ) */
	double params;  /* N */
	double tokens;  /* D */
	double loss;    /* L(N, D); meaningful only when has_loss */
	bool has_loss;  /* false for frontier laws */
};

/* Training and lifetime-inference cost of a model of fixed loss. */
struct inference_plan {
	double inference_tokens;      /* T, tokens served over the model's life */
	struct allocation chinchilla; /* compute-optimal model of that loss */
	double chinchilla_total;      /* its k N D + 2 N T */
	struct allocation aware;      /* minimiser of k N D + 2 N T at that loss */
	double aware_total;           /* its k N D + 2 N T */
	double savings;               /* (chinchilla_total - aware_total) / chinchilla_total */
};

/*
 * Compute-optimal allocation of a budget of c FLOPs (1e10 to 1e35), with u
 * unique tokens (u <= 0: unlimited). Additive: Chinchilla's closed form
 * (Eq. 4). Kaplan and data-constrained: optimum_search. Frontier: the printed
 * power laws, the missing one of N and D from C = k N D.
 */
enum model_status optimum_at_compute(const struct law *law, double c, double u,
                                     struct allocation *out);

/*
 * Chinchilla's Eq. 4 (Hoffmann et al. 2022, arXiv:2203.15556) for an additive
 * law: N_opt = G (c/k)^a, D_opt = G^-1 (c/k)^b at c FLOPs. Neither c nor the
 * result is checked: a fit's report reads whatever its constants give and
 * says itself when that is not a finite number (optimum_at_compute checks).
 */
void optimum_additive(const struct law *law, double c, double *n, double *d);

/*
 * The numerical route of optimum_at_compute for any law with a surface: scan
 * ln N, then GSL's Brent minimiser, then a Brent root solve of the profile's
 * slope (a minimum's position is only determined to sqrt(epsilon) by values
 * of the function, but to epsilon by the zero of its slope). Exposed so that
 * tests can hold it against the closed form.
 */
enum model_status optimum_search(const struct law *law, double c, double u, struct allocation *out);

/*
 * The compute-optimal allocation that reaches `loss`: the inverse of
 * optimum_at_compute. Closed form for additive laws (Besiroglu et al. 2024),
 * a GSL Brent root solve in ln C otherwise. MODEL_EDOM when the loss is at or
 * below what 1e35 FLOPs reach, or above what 1e10 reach.
 */
enum model_status optimum_for_loss(const struct law *law, double loss, double u,
                                   struct allocation *out);

/* Which size of a compute-optimal run optimum_for_size is given. */
enum optimum_size {
	OPTIMUM_PARAMS, /* N */
	OPTIMUM_TOKENS, /* D */
};

/*
 * The compute-optimal allocation whose N (or D) is x: the inverse of
 * optimum_at_compute in one of its outputs, "what budget makes this model
 * size the right one". Additive laws: Eq. 4 solved for C. Otherwise a scan of
 * ln C by decades brackets it and GSL's Brent root finder solves. MODEL_EDOM
 * when no budget from 1e10 to 1e35 FLOPs makes x optimal.
 */
enum model_status optimum_for_size(const struct law *law, enum optimum_size which, double x,
                                   double u, struct allocation *out);

/*
 * A point from what a user gave, 0 meaning not given: N and D; N or D with
 * the compute C = k N D (the other follows); or C alone, at the
 * compute-optimal allocation (with u unique tokens). MODEL_EDOM for any
 * other combination (N or D alone, or all three).
 */
enum model_status optimum_point(const struct law *law, double n, double d, double c, double u,
                                double *n_out, double *d_out);

/*
 * Compute efficiency of training N on D: the compute an optimal allocation
 * needs for the same loss, over k N D (1 on the frontier, < 1 elsewhere).
 */
enum model_status optimum_efficiency(const struct law *law, double n, double d, double u,
                                     double *efficiency, struct allocation *optimal);

/*
 * Sardana et al. 2023 (arXiv 2401.00448): the model of the given loss that
 * minimises training plus inference FLOPs, k N D + 2 N T, against the
 * Chinchilla-optimal model of the same loss.
 */
enum model_status optimum_inference(const struct law *law, double loss, double u, double t,
                                    struct inference_plan *out);

#endif
