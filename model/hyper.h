/*
 * hyper.h: the scaling laws of hyperparameters: the near-optimal peak
 * learning rate and batch size as power laws of the training compute,
 * eta_opt = a C^alpha and B_opt = b C^beta (DeepSeek-AI 2024, DeepSeek LLM,
 * arXiv:2401.02954, Sec. 3.1, Eq. 1). A law preset may carry one such
 * relation (`hyper:` in isoflop-presets(5)); these functions are pure.
 */
#ifndef ISOFLOP_HYPER_H
#define ISOFLOP_HYPER_H

#include <stdbool.h>

#include "law.h"

/*
 * One relation as printed: both power laws in the paper's own C (FLOPs as
 * the paper counts them). coef == 0 in lr: no relation (the preset gives none).
 */
struct hyper_law {
	struct law_power lr;      /* eta_opt = coef * C^exp, the peak learning rate */
	struct law_power batch;   /* B_opt = coef * C^exp, in tokens per step */
	struct law_range compute; /* the budgets the hyperparameters were fitted on, FLOPs */
	char label[32];           /* for screens: "DeepSeek Eq. 1" */
};

/* What a relation gives at compute c. */
struct hyper_point {
	double lr;         /* near-optimal peak learning rate */
	double batch;      /* near-optimal batch, tokens per step */
	bool extrapolated; /* c lies outside the fitted compute */
};

/* Whether h holds a relation at all. */
bool hyper_given(const struct hyper_law *h);

/*
 * eta_opt and B_opt at c FLOPs. MODEL_ENOFIT when h holds no relation,
 * MODEL_EDOM when c is not a budget (outside LAW_COMPUTE_MIN..MAX).
 */
enum model_status hyper_at_compute(const struct hyper_law *h, double c, struct hyper_point *out);

#endif
