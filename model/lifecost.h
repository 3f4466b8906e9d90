/*
 * lifecost.h: a model's lifetime cost in dollars, training plus serving, and
 * the model of a given loss that minimises it: Sardana et al. 2023 (arXiv
 * 2401.00448) do the same in FLOPs, k N D + 2 N T; here each term is priced
 * at its own MFU and USD per accelerator-hour on one accelerator.
 *
 * With one peak, dollars = a k N D + b 2 N T, a = p_train / (peak m_train
 * 3,600 s) and b = p_serve / (peak m_serve 3,600 s): a times Sardana's FLOPs
 * with T scaled by b/a. So the dollar optimum is optimum_inference at that
 * scaled T, and nothing here searches on its own.
 */
#ifndef ISOFLOP_LIFECOST_H
#define ISOFLOP_LIFECOST_H

#include "optimum.h"

/* What training and serving cost on one accelerator. */
struct lifecost {
	double peak;        /* peak FLOP/s of the accelerator */
	double train_mfu;   /* training MFU, in (0, 1] */
	double train_price; /* USD per accelerator-hour while training */
	double serve_mfu;   /* inference MFU, in (0, 1] */
	double serve_price; /* USD per accelerator-hour while serving */
};

/* The dollar-optimal model of a loss beside Sardana's FLOP-optimal one. */
struct lifecost_plan {
	struct inference_plan flops; /* Sardana in FLOPs, at the real T */
	double token_scale;          /* b/a: (p_serve / p_train) (m_train / m_serve) */
	struct allocation dollar;    /* minimiser of the lifetime dollars at that loss */
	double chinchilla_usd;       /* lifetime dollars of the compute-optimal model */
	double aware_usd;            /* ... of Sardana's FLOP-optimal model */
	double dollar_usd;           /* ... of the dollar-optimal model */
	double savings;              /* (chinchilla_usd - dollar_usd) / chinchilla_usd */
};

/*
 * b/a above: how many training-priced FLOPs one serving FLOP costs.
 * MODEL_EDOM unless the four terms are positive and finite and MFUs <= 1.
 */
enum model_status lifecost_token_scale(const struct lifecost *c, double *scale);

/*
 * The dollars of one FLOP: *train while training, *serve while serving, so
 * that lifetime dollars are *train x k N D + *serve x 2 N T (the map's
 * iso-cost lines). MODEL_EDOM as lifecost_token_scale.
 */
enum model_status lifecost_per_flop(const struct lifecost *c, double *train, double *serve);

/*
 * Lifetime dollars of a model of n parameters trained with train_flops
 * (k N D) that then serves t tokens (2 N t FLOPs): training hours at the
 * training MFU times its price, plus serving hours at the serving MFU times
 * its price. t = 0 serves nothing. MODEL_EDOM for a term out of domain.
 */
enum model_status lifecost_dollars(const struct lifecost *c, double train_flops, double n, double t,
                                   double *usd);

/*
 * The model of the given loss with the least lifetime dollars serving t
 * tokens, with u unique tokens (u <= 0: unlimited): optimum_inference at
 * t x lifecost_token_scale, and the dollars of it, of Sardana's FLOP optimum
 * and of the compute-optimal model.
 */
enum model_status optimum_lifecost(const struct law *law, double loss, double u, double t,
                                   const struct lifecost *c, struct lifecost_plan *out);

#endif
