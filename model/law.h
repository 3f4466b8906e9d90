/*
 * law.h: scaling-law families and their loss surfaces.
 *
 * This is the one header of model/ that every other layer sees. A law is a
 * plain struct of constants (filled from a YAML preset by presets/); the
 * functions here and in optimum.h / profile.h are pure: no I/O, no globals,
 * no allocation. Quantities are in natural units: parameters, tokens, FLOPs.
 */
#ifndef ISOFLOP_LAW_H
#define ISOFLOP_LAW_H

#include <stdbool.h>

/* Status of every model/ call; results come back through out-parameters. */
enum model_status {
	MODEL_OK = 0,
	MODEL_EDOM,       /* input outside the law's domain (N <= 0, loss <= E, ...) */
	MODEL_ENOSURFACE, /* a law without L(N, D) (frontier, power) was asked for L(N, D) */
	MODEL_ENOCONV,    /* a GSL search found no bracket or did not converge */
	MODEL_EPLATEAU,   /* the loss is flat in N at this budget: no split is better */
	MODEL_ENOFIT,     /* the paper fits no such relation (an exponent without its coefficient,
	                     a one-variable law asked about the other variable) */
};

enum law_family {
	LAW_ADDITIVE,         /* L = E + A/N^alpha + B/D^beta (Hoffmann 2022 Eq. 2) */
	LAW_KAPLAN,           /* L = [(Nc/N)^(aN/aD) + Dc/D]^aD (Kaplan 2020 Eq. 1.5) */
	LAW_DATA_CONSTRAINED, /* additive over effective N', D' (Muennighoff 2023) */
	LAW_FRONTIER,         /* allocation only: X_opt = coef * C^exp */
	LAW_POWER,            /* one variable: L(N), L(C) = floor + (scale/x)^exponent */
};

/* A fitted interval of one quantity; lo == hi == 0 when the paper gives none. */
struct law_range {
	double lo;
	double hi;
};

/*
 * One power law X_opt = coef * (C / unit)^exp of a frontier. coef == 0 means
 * the paper gives no such fit.
 */
struct law_power {
	double coef;
	double exp;
};

/*
 * A loss as a power law of one quantity with an irreducible term,
 * L(x) = floor + (scale / x)^exponent (Henighan et al. 2020,
 * arXiv:2010.14701, Eq. 1.1). scale == 0: the paper fits none over x.
 */
struct law_single {
	double floor;    /* L_inf in the law's loss units; 0 where the paper fits none */
	double scale;    /* x_0: parameters, or FLOPs for compute */
	double exponent; /* alpha_x > 0 */
};

/*
 * Compute-optimal allocation fits, as printed (Kaplan Table 6, Llama 3 ...).
 * A paper may print an exponent without its coefficient (Hoffmann et al.
 * 2022 Table A2: N_opt proportional to C^0.53): coef == 0, exp > 0, and no
 * allocation at a compute follows from it (MODEL_ENOFIT).
 */
struct law_frontier {
	double unit;               /* FLOPs per unit of C in the fit: 1, or 8.64e19 for PF-days */
	struct law_power params;   /* N_opt(C) */
	struct law_power flops_pt; /* M_opt(C), FLOPs per token (DeepSeek); N = M / k */
	struct law_power tokens;   /* D_opt(C) */
	/*
	 * The fit's C is Kaplan's C_min, the compute at batches far below the
	 * critical batch, not the compute a run spends: C_min = c_min_fraction C.
	 * D then follows from C = k N D (Kaplan Eq. 6.7), not from `tokens`.
	 */
	bool c_min;
	double c_min_fraction; /* 0: LAW_C_MIN_FRACTION */
};

struct law {
	enum law_family family;
	double k;           /* FLOPs per parameter per token: C = k N D (6) */
	bool non_embedding; /* N counts no embedding parameters (Kaplan) */

	/* additive and data-constrained */
	double E;     /* irreducible loss, nats/token */
	double A;     /* parameter term coefficient */
	double B;     /* data term coefficient */
	double alpha; /* parameter exponent */
	double beta;  /* data exponent */

	/* data-constrained: half-lives of repeated data and excess parameters */
	double rd_star; /* R_D*, in repetitions */
	double rn_star; /* R_N*, in excess-parameter repetitions */

	/* kaplan */
	double nc;      /* N_c, non-embedding parameters */
	double dc;      /* D_c, tokens */
	double alpha_n; /* alpha_N */
	double alpha_d; /* alpha_D */

	/* power: L(N) and L(C), either may be absent; N_opt(C) in frontier.params */
	struct law_single by_params;
	struct law_single by_compute;

	struct law_frontier frontier;

	/* the range the law was fitted on, where the paper says */
	struct law_range params;
	struct law_range tokens;
	struct law_range compute;

	/* below this loss the paper says the law breaks down; 0 when it says nowhere */
	double breakdown_loss;
};

/*
 * FLOPs per parameter per token of training a dense transformer, C = 6 N D:
 * 2 for a multiply-accumulate, and a backward pass of twice the forward's
 * cost (Hoffmann et al. 2022, arXiv:2203.15556, App. F, after Kaplan et al.
 * 2020). The k of a law whose preset sets no flops_per_param_token, of every
 * law fitted to runs (a runs file gives no k), and of a model's training
 * compute estimated from N and D.
 */
#define LAW_K_TRAINING 6.0

/* Smallest and largest compute budget any model/ call accepts, in FLOPs. */
#define LAW_COMPUTE_MIN 1e10
#define LAW_COMPUTE_MAX 1e35

/* One PF-day in FLOPs: 1e15 FLOP/s for 24 hours (Kaplan 2020 §1.3). */
#define LAW_PF_DAY 8.64e19

/*
 * C_min per FLOP spent: training at the critical batch costs about twice
 * C_min, "2 S_min training steps and processing E = 2 E_min data examples"
 * (Kaplan et al. 2020, arXiv:2001.08361, §5.1; C = 2 C_min in Eq. 6.7).
 * Hoffmann et al. 2022 (arXiv:2203.15556, App. D.4) read Kaplan's Table 6 so:
 * 4.68B parameters at 1e21 FLOPs.
 */
#define LAW_C_MIN_FRACTION 0.5

/* The compute a frontier's fit is written in, for c FLOPs spent: c, or C_min. */
double law_frontier_compute(const struct law *law, double c);

/*
 * Whether the compute-optimal allocation of this law is isoflop's own
 * derivation rather than a result of its paper: Kaplan et al. fitted Eq. 1.5
 * on early-stopped runs and derived their allocation from L(N, S) (Table 6,
 * the frontier law kaplan2020-frontier), never minimised Eq. 1.5 at C = kND.
 * Labels say "derived from Eq. 1.5" where this is true.
 */
bool law_optimum_derived(const struct law *law);

/* Whether the law has a loss surface L(N, D) (every family but frontier and power). */
bool law_has_surface(const struct law *law);

/*
 * What a law's paper fits, read from its constants (no solve), so that the
 * commands and the explorer say alike what a law can answer: a power law's
 * L(N) and L(C); an allocation at any compute (every law with a surface, a
 * frontier or power law with a coefficient); a frontier's exponents printed
 * without any coefficient (Hoffmann et al. 2022 Table A2).
 */
bool law_fits_params(const struct law *law);
bool law_fits_compute(const struct law *law);
bool law_fits_allocation(const struct law *law);
bool law_exponents_only(const struct law *law);

/*
 * A power law's loss at x, floor + (scale / x)^exponent: L(N) with
 * law->by_params, L(C) in FLOPs with law->by_compute. MODEL_ENOFIT when the
 * paper fits none (scale == 0), MODEL_EDOM when x is not positive.
 */
enum model_status law_single_loss(const struct law_single *s, double x, double *loss);

/*
 * Loss at N parameters trained on D tokens, u of them unique (u <= 0: all
 * unique). Only the data-constrained family reads u.
 */
enum model_status law_loss(const struct law *law, double n, double d, double u, double *loss);

/* Training compute k N D in FLOPs. */
double law_compute(const struct law *law, double n, double d);

/*
 * A model's training compute as the papers estimate it from N and D alone,
 * LAW_K_TRAINING N D, whatever law is drawn: where a model sits beside its
 * published compute, not a budget under a law (that is law_compute).
 */
double law_training_compute(double n, double d);

/*
 * Chinchilla's closed-form allocation constants of an additive law (Eq. 4):
 * N_opt = G (C/k)^a, D_opt = G^-1 (C/k)^b.
 */
void law_additive_allocation(const struct law *law, double *g, double *a, double *b);

/*
 * How far outside a law's fitted range a point lies, on each axis the
 * farther of point / largest fitted value (above) and smallest fitted
 * value / point (below), 0 where the point is inside or the law gives no
 * range: Chinchilla's law at 1e15 FLOPs puts N* = 3.56M x19.7 below its
 * smallest fitted 70M. Every axis is reported, compute too when N or D is
 * past: the note names the largest factor, and the runs' fit at 1e25 FLOPs
 * is x2.48 past its largest model but x527 past its largest budget (naming
 * N alone read as less extrapolation than 1e24's C x52.7).
 *
 * A point within LAW_BEYOND_TOL (relative) of either end is inside. The
 * ends are shown to three significant digits (1.9e22 for 1.89737e22,
 * 12.6B) and people type what they see: --compute 1.9e22 is x1.0014 past,
 * which the note's three-digit factor prints as "x1". Half a unit in the
 * third digit (0.5%) is the most a shown end can differ from the fitted
 * one, so a factor that would print as x1 (or x1.00) counts as inside; it
 * also covers round-off (k N* D* lands a hair past the largest budget).
 */
#define LAW_BEYOND_TOL 5e-3

struct law_beyond {
	double params;  /* N / largest fitted N, or smallest / N when below */
	double tokens;  /* D / most tokens fitted, or fewest / D when below */
	double compute; /* C / largest fitted compute, or smallest / C when below */
	bool params_below, tokens_below, compute_below; /* the factor is under the low end */
};

/* The point (n, d, c) against law's fitted range; see struct law_beyond. */
struct law_beyond law_beyond_fit(const struct law *law, double n, double d, double c);

/*
 * How far compute c lies outside the law's fitted compute (either end,
 * within LAW_BEYOND_TOL inside), 0 inside or with no range; *below says
 * which end. For a law giving compute alone, or a point with no N and D.
 */
double law_beyond_compute(const struct law *law, double c, bool *below);

/*
 * Fewest decades of N a fit's runs should span: below it the exponents are
 * poorly determined (isoflop fit warns, and the explorer for a law fitted
 * on such a range).
 */
#define LAW_MIN_DECADES 2

/* Whether a fitted range spans fewer than LAW_MIN_DECADES (false when none is given). */
bool law_range_narrow(const struct law_range *r);

/* A one-line description of a status, for the caller's message. */
const char *model_strerror(enum model_status status);

#endif
