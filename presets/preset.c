/*
 * preset.c: the loader of one preset file.
 *
 * The events come from the walk shared with tours (yaml_walk.c: anchors and
 * aliases refused, unknown keys with "did you mean", one document); what each
 * key means is driven by the const schema tables below (key, type, where it
 * goes, who may and who must use it). Every error carries the mark of the
 * event that caused it.
 */
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <yaml.h>

#include "../model/units.h"
#include "preset.h"
#include "readall.h"
#include "text.h"
#include "yaml_walk.h"

enum field_type {
	F_STRING,        /* free text */
	F_ID,            /* [a-z0-9][a-z0-9.-]* */
	F_TAG,           /* 1-3 printable characters */
	F_DATE,          /* YYYY, YYYY-MM or YYYY-MM-DD */
	F_COUNT,         /* positive, with K/M/B/T */
	F_COMPUTE,       /* positive FLOPs, or PF-days with pfd */
	F_POSITIVE,      /* positive real */
	F_SIGNED,        /* any finite real within its bound; the sign is checked after */
	F_NONNEG,        /* real >= 0, its bound's low end 0: 0 means unknown */
	F_EXPONENT,      /* real in (0, 2] */
	F_LOG,           /* any finite real, stored as its exponential */
	F_RANGE_COUNT,   /* [low, high] of counts */
	F_RANGE_COMPUTE, /* [low, high] of FLOPs */
	F_RANGE_PLAIN,   /* [low, high] of plain reals, either sign (Elo) */
	F_LOADS,         /* [x, ...]: 1 to TT_MAX_LOADS positive reals */
	F_TT_FORM,       /* log-linear | coverage | flops-match */
	F_FAMILY,        /* additive | kaplan | data-constrained | frontier | power */
	F_DOMAIN,        /* language | code | math | image | ... (preset_domain) */
	F_CONVENTION,    /* total | non-embedding */
	F_UNIT,          /* flops | pf-days */
	F_COMPUTE_CONV,  /* training | c-min */
	F_YEAR,          /* a whole year, YYYY */
	F_MAP,           /* a nested mapping with its own table */
};

/* Scope bits: root keys by preset kind, constants by law family. */
#define KIND_LAW   (1u << PRESET_LAW)
#define KIND_MODEL (1u << PRESET_MODEL)
#define KIND_ACCEL (1u << PRESET_ACCELERATOR)
#define KIND_STOCK (1u << PRESET_STOCK)
#define KIND_TREND (1u << PRESET_TREND)
#define KIND_TT    (1u << PRESET_TESTTIME)
#define KIND_DS    (1u << PRESET_DOWNSTREAM)
#define KIND_ALL   (KIND_LAW | KIND_MODEL | KIND_ACCEL | KIND_STOCK | KIND_TREND | KIND_TT | KIND_DS)
#define FAM(f)     (1u << (f))
#define FAM_ADD    FAM(LAW_ADDITIVE)
#define FAM_KAP    FAM(LAW_KAPLAN)
#define FAM_DC     FAM(LAW_DATA_CONSTRAINED)
#define FAM_FR     FAM(LAW_FRONTIER)
#define FAM_POW    FAM(LAW_POWER)
/* A test-time law's constants are scoped by its form, in bits above the families'. */
#define FORM(f)  (1u << (8 + (f)))
#define FORM_LL  FORM(TT_LOG_LINEAR)
#define FORM_COV FORM(TT_COVERAGE)
#define FORM_FM  FORM(TT_FLOPS_MATCH)

struct fieldset;

/*
 * The physical range of a number. Every number a preset gives is bounded so
 * that the loss, the compute k N D and the frontiers stay finite and well
 * away from zero over the whole range of N, D and C the program works in:
 * no infinity or denormal reaches a log10 or a float-to-int conversion in
 * drawing (a law with E = 1e16 or nc = 1e-320 once did). isoflop-presets(5)
 * lists the same ranges.
 */
struct bound {
	double lo, hi;
	const char *unit; /* for messages, after the range: " nats per token", or "" */
};

/*
 * Losses: a language model's loss per token is a few nats (units.h gives the reasons for its ends).
 */
static const struct bound loss_bound = {UNITS_LOSS_MIN, UNITS_LOSS_MAX, " nats per token"};
/*
 * A downstream map's constants (Gadre et al. 2024, Err = epsilon - k exp(-gamma L)):
 * epsilon is an error, at most 1; k and gamma positive, gamma per nat of loss
 * (above 30 the curve is a step over any losses a model has, below 1e-3 a line).
 */
static const struct bound ds_epsilon_bound = {1e-3, 1, ""};
static const struct bound ds_k_bound = {1e-6, 1e6, ""};
static const struct bound ds_gamma_bound = {1e-3, 30, " per nat"};
/*
 * Coefficients A, B of A/N^alpha: under 1e-3 the term stays below 1e-3 nats
 * at any N >= 1, so it is no term at all; 1e18 makes one nat at a billion
 * parameters or tokens with the steepest exponent allowed (1e18 / (1e9)^2).
 */
static const struct bound coef_bound = {1e-3, 1e18, ""};
/*
 * Exponents: measured ones lie between 0.05 and 0.8. Above 2 nothing is a
 * power law of data; below 0.01 a quantity 1e16 times larger changes the
 * term by under 45%: no scaling. It also keeps Kaplan's alpha_N / alpha_D
 * at most 200, so its powers stay finite or fail as out of domain.
 */
static const struct bound exponent_bound = {0.01, 2, ""};
/* R_D*, R_N*: repetitions after which repeats are worth 1/e as much (Muennighoff's: 15, 5). */
static const struct bound repeats_bound = {0.01, 1000, " repetitions"};
/* Parameters and tokens: the ranges every input shares (units.h). */
static const struct bound params_bound = {UNITS_PARAMS_MIN, UNITS_PARAMS_MAX, " parameters"};
static const struct bound tokens_bound = {UNITS_TOKENS_MIN, UNITS_TOKENS_MAX, " tokens"};
/* Training compute: the span model/ computes in (LAW_COMPUTE_MIN, _MAX). */
static const struct bound compute_bound = {LAW_COMPUTE_MIN, LAW_COMPUTE_MAX, " FLOPs"};
/*
 * Kaplan's N_c and D_c, the counts at which a term is one nat (8.8e13 and
 * 5.4e13 in the paper): from the smallest count anyone fits to 1e20, so that
 * D_c / D never underflows to zero (a loss of 0, and log10 of it -inf).
 */
static const struct bound critical_bound = {1e3, 1e20, ""};
/* FLOPs per parameter per token: 6 for training (2 forward, 4 backward), 2 to serve. */
static const struct bound k_bound = {1, 100, ""};
/*
 * Frontier coefficients, X_opt at C = one unit (a FLOP or a PF-day): the
 * papers' lie between 0.09 and 2e10; with exponents <= 2, X_opt stays finite.
 */
static const struct bound frontier_coef_bound = {1e-6, 1e15, ""};
/*
 * A power law L(x) = floor + (scale / x)^exponent (Henighan et al. 2020,
 * Eq. 1.1). The floor is L_inf in the law's own units: 0 where the paper fits
 * none (Table 1's language row), up to a million nats (per image, a 64x64
 * RGB image has at most 12,288 bytes, 8.5e4 nats).
 */
static const struct bound power_floor_bound = {0, 1e6, ""};
/*
 * x_0 of L(N): Table 1's run from 63 (32x32 images) to 1.47e14 (language);
 * below one parameter the term is under a nat at every N isoflop draws.
 */
static const struct bound power_params_scale_bound = {1, 1e20, " parameters"};
/*
 * x_0 of L(C), and C_N of N_opt = (C / C_N)^beta, in FLOPs: Table 1's run
 * from 4.6e6 to 3.0e28 FLOPs (5.3e-14 to 3.47e8 PF-days).
 */
static const struct bound power_compute_scale_bound = {1, 1e40, " FLOPs"};
/*
 * beta of N_opt = (C / C_N)^beta: Henighan's are 0.64 to 0.75; at 1 or
 * above, the tokens D = C / (k N_opt) would stop growing with compute.
 */
static const struct bound optimal_exponent_bound = {0.01, 1, ""};
/* C_min per FLOP spent: a share of the budget, at most all of it (Kaplan's reading: 0.5). */
static const struct bound c_min_fraction_bound = {0.01, 1, ""};
/* Peak FLOP/s of one accelerator: from a GFLOP/s to a thousand B200s. */
static const struct bound peak_bound = {1e9, 1e18, " FLOP/s"};
/* An accelerator-hour's price: on-demand lists run from cents to tens of dollars. */
static const struct bound price_bound = {0, 1e4, " USD per accelerator-hour"};
/* One accelerator's power at full load: today's run from 75 W cards to 1,200 W modules. */
static const struct bound watts_bound = {0, 1e5, " W"};
/*
 * Growth of training compute per year: above 1 (check_trend says so); 1000x a
 * year is far beyond any trend measured (Epoch AI's: 4-5x).
 */
static const struct bound growth_bound = {0, 1000, "x per year"};
/* Years a trend was fitted over: from the first computers to well past any projection. */
static const struct bound year_bound = {1940, 2100, ""};
/*
 * Test-time laws. Their signs are checked after the walk with the reasons
 * (check_tt_signs); these bounds only keep 10^(offset + per_unit P) and
 * exp(a k^b) finite over the plane. Jones's slopes are near 1 (exchange)
 * and 1e-3 decades per Elo (per_unit); Brown's a and b are of order one.
 */
static const struct bound tt_slope_bound = {-1e3, 1e3, ""};
static const struct bound tt_offset_bound = {-1e4, 1e4, " decades"};
static const struct bound tt_coverage_bound = {-1e3, 1e3, ""};
/* How many times larger a model: Snell compares one 14 times larger (arXiv:2408.03314, Sec. 7). */
static const struct bound larger_bound = {0, 1e6, "x"};
/* Inference loads R = D_inf / D_pre: Snell's are 0.16, 0.79 and 22. */
static const struct bound load_bound = {1e-9, 1e9, ""};
/*
 * Test-time compute per problem: one move of a small network's search or one
 * sampled answer can cost far less than any training run, so down to a FLOP.
 */
static const struct bound test_bound = {1, LAW_COMPUTE_MAX, " FLOPs"};
/* Performance: Elo below perfect play runs to a few thousand, a share to 1. */
static const struct bound performance_bound = {-1e6, 1e6, ""};
/* Samples per problem: Brown et al. draw up to 10,000. */
static const struct bound samples_bound = {1, 1e12, " samples"};
/*
 * A scaling law of hyperparameters, eta_opt = a C^alpha, B_opt = b C^beta
 * (DeepSeek LLM Eq. 1: a = 0.3118, alpha = -0.1250, b = 0.2920, beta =
 * 0.3271). The exponents keep their printed sign; |exponent| <= 1 keeps
 * both finite over every budget (at most 1e12 * 1e35 tokens).
 */
static const struct bound hyper_coef_bound = {1e-9, 1e12, ""};
static const struct bound hyper_exponent_bound = {-1, 1, ""};

struct field {
	const char *key;
	enum field_type type;
	size_t offset;              /* into struct preset */
	size_t size;                /* of a string buffer */
	unsigned scope;             /* who may use the key */
	unsigned required;          /* who must */
	const char *alt;            /* a key that gives the same value another way */
	const struct fieldset *sub; /* F_MAP: the nested table */
	const struct bound *bound;  /* numbers: where the value must lie */
};

struct fieldset {
	const char *name; /* for messages: "at the top level", "in constants" */
	const struct field *fields;
	size_t count;
};

#define AT(member)  offsetof(struct preset, member)
#define STR(member) AT(member), sizeof(((struct preset *)0)->member)

/* key, type, where, size, scope, required, alt, nested table, bound */
static const struct field constant_fields[] = {
        {"E", F_POSITIVE, AT(law.E), 0, FAM_ADD | FAM_DC, FAM_ADD | FAM_DC, "log_E", NULL,
         &loss_bound},
        {"log_E", F_LOG, AT(law.E), 0, FAM_ADD | FAM_DC, 0, "E", NULL, &loss_bound},
        {"A", F_POSITIVE, AT(law.A), 0, FAM_ADD | FAM_DC, FAM_ADD | FAM_DC, "log_A", NULL,
         &coef_bound},
        {"log_A", F_LOG, AT(law.A), 0, FAM_ADD | FAM_DC, 0, "A", NULL, &coef_bound},
        {"B", F_POSITIVE, AT(law.B), 0, FAM_ADD | FAM_DC, FAM_ADD | FAM_DC, "log_B", NULL,
         &coef_bound},
        {"log_B", F_LOG, AT(law.B), 0, FAM_ADD | FAM_DC, 0, "B", NULL, &coef_bound},
        {"alpha", F_EXPONENT, AT(law.alpha), 0, FAM_ADD | FAM_DC, FAM_ADD | FAM_DC, NULL, NULL,
         &exponent_bound},
        {"beta", F_EXPONENT, AT(law.beta), 0, FAM_ADD | FAM_DC, FAM_ADD | FAM_DC, NULL, NULL,
         &exponent_bound},
        {"rd_star", F_POSITIVE, AT(law.rd_star), 0, FAM_DC, FAM_DC, NULL, NULL, &repeats_bound},
        {"rn_star", F_POSITIVE, AT(law.rn_star), 0, FAM_DC, FAM_DC, NULL, NULL, &repeats_bound},
        {"nc", F_COUNT, AT(law.nc), 0, FAM_KAP, FAM_KAP, NULL, NULL, &critical_bound},
        {"dc", F_COUNT, AT(law.dc), 0, FAM_KAP, FAM_KAP, NULL, NULL, &critical_bound},
        {"alpha_n", F_EXPONENT, AT(law.alpha_n), 0, FAM_KAP, FAM_KAP, NULL, NULL, &exponent_bound},
        {"alpha_d", F_EXPONENT, AT(law.alpha_d), 0, FAM_KAP, FAM_KAP, NULL, NULL, &exponent_bound},
        {"compute_unit", F_UNIT, AT(law.frontier.unit), 0, FAM_FR, 0, NULL, NULL, NULL},
        {"params_coefficient", F_POSITIVE, AT(law.frontier.params.coef), 0, FAM_FR, 0, NULL, NULL,
         &frontier_coef_bound},
        /*
         * A power law's L(N) exponent shares this key and slot with the
         * frontier's N_opt exponent; check_power moves it to by_params.
         */
        {"params_exponent", F_EXPONENT, AT(law.frontier.params.exp), 0, FAM_FR | FAM_POW, 0, NULL,
         NULL, &exponent_bound},
        {"flops_per_token_coefficient", F_POSITIVE, AT(law.frontier.flops_pt.coef), 0, FAM_FR, 0,
         NULL, NULL, &frontier_coef_bound},
        {"flops_per_token_exponent", F_EXPONENT, AT(law.frontier.flops_pt.exp), 0, FAM_FR, 0, NULL,
         NULL, &exponent_bound},
        {"tokens_coefficient", F_POSITIVE, AT(law.frontier.tokens.coef), 0, FAM_FR, 0, NULL, NULL,
         &frontier_coef_bound},
        {"tokens_exponent", F_EXPONENT, AT(law.frontier.tokens.exp), 0, FAM_FR, 0, NULL, NULL,
         &exponent_bound},
        {"compute_convention", F_COMPUTE_CONV, AT(law.frontier.c_min), 0, FAM_FR, 0, NULL, NULL,
         NULL},
        {"c_min_fraction", F_POSITIVE, AT(law.frontier.c_min_fraction), 0, FAM_FR, 0, NULL, NULL,
         &c_min_fraction_bound},
        {"params_floor", F_NONNEG, AT(law.by_params.floor), 0, FAM_POW, 0, NULL, NULL,
         &power_floor_bound},
        {"params_scale", F_COUNT, AT(law.by_params.scale), 0, FAM_POW, 0, NULL, NULL,
         &power_params_scale_bound},
        {"compute_floor", F_NONNEG, AT(law.by_compute.floor), 0, FAM_POW, 0, NULL, NULL,
         &power_floor_bound},
        {"compute_scale", F_COMPUTE, AT(law.by_compute.scale), 0, FAM_POW, 0, NULL, NULL,
         &power_compute_scale_bound},
        {"compute_exponent", F_EXPONENT, AT(law.by_compute.exponent), 0, FAM_POW, 0, NULL, NULL,
         &exponent_bound},
        /* read as C_N and beta; check_power makes them frontier.params {C_N^-beta, beta} */
        {"optimal_params_scale", F_COMPUTE, AT(law.frontier.params.coef), 0, FAM_POW, 0, NULL, NULL,
         &power_compute_scale_bound},
        {"optimal_params_exponent", F_EXPONENT, AT(law.by_params.exponent), 0, FAM_POW, 0, NULL,
         NULL, &optimal_exponent_bound},
        {"exchange", F_SIGNED, AT(tt.exchange), 0, FORM_LL, FORM_LL, NULL, NULL, &tt_slope_bound},
        {"per_unit", F_SIGNED, AT(tt.per_unit), 0, FORM_LL, FORM_LL, NULL, NULL, &tt_slope_bound},
        {"offset", F_SIGNED, AT(tt.offset), 0, FORM_LL, FORM_LL, NULL, NULL, &tt_offset_bound},
        {"a", F_SIGNED, AT(tt.a), 0, FORM_COV, FORM_COV, NULL, NULL, &tt_coverage_bound},
        {"b", F_SIGNED, AT(tt.b), 0, FORM_COV, FORM_COV, NULL, NULL, &tt_coverage_bound},
        {"larger", F_POSITIVE, AT(tt.larger), 0, FORM_FM, FORM_FM, NULL, NULL, &larger_bound},
        {"loads", F_LOADS, AT(tt.loads), 0, FORM_FM, FORM_FM, NULL, NULL, &load_bound},
};

static const struct field hyper_fields[] = {
        {"lr_coefficient", F_POSITIVE, AT(hyper.lr.coef), 0, KIND_LAW, KIND_LAW, NULL, NULL,
         &hyper_coef_bound},
        {"lr_exponent", F_SIGNED, AT(hyper.lr.exp), 0, KIND_LAW, KIND_LAW, NULL, NULL,
         &hyper_exponent_bound},
        {"batch_coefficient", F_POSITIVE, AT(hyper.batch.coef), 0, KIND_LAW, KIND_LAW, NULL, NULL,
         &hyper_coef_bound},
        {"batch_exponent", F_SIGNED, AT(hyper.batch.exp), 0, KIND_LAW, KIND_LAW, NULL, NULL,
         &hyper_exponent_bound},
        {"compute", F_RANGE_COMPUTE, AT(hyper.compute), 0, KIND_LAW, KIND_LAW, NULL, NULL,
         &compute_bound},
        {"label", F_STRING, STR(hyper.label), KIND_LAW, KIND_LAW, NULL, NULL, NULL},
};

static const struct field range_fields[] = {
        {"params", F_RANGE_COUNT, AT(law.params), 0, KIND_LAW, 0, NULL, NULL, &params_bound},
        {"tokens", F_RANGE_COUNT, AT(law.tokens), 0, KIND_LAW, 0, NULL, NULL, &tokens_bound},
        {"compute", F_RANGE_COMPUTE, AT(law.compute), 0, KIND_LAW, 0, NULL, NULL, &compute_bound},
        {"train", F_RANGE_COMPUTE, AT(tt.train), 0, KIND_TT, 0, NULL, NULL, &compute_bound},
        {"test", F_RANGE_COMPUTE, AT(tt.test), 0, KIND_TT, 0, NULL, NULL, &test_bound},
        {"performance", F_RANGE_PLAIN, AT(tt.performance), 0, KIND_TT, 0, NULL, NULL,
         &performance_bound},
        {"samples", F_RANGE_COUNT, AT(tt.samples), 0, KIND_TT, 0, NULL, NULL, &samples_bound},
        {"loss", F_RANGE_PLAIN, AT(ds.loss), 0, KIND_DS, 0, NULL, NULL, &loss_bound},
};

#define COUNT(a) (sizeof(a) / sizeof *(a))

static const struct fieldset constant_set = {"in constants", constant_fields,
                                             COUNT(constant_fields)};
static const struct fieldset range_set = {"in fitted_range", range_fields, COUNT(range_fields)};
static const struct fieldset hyper_set = {"in hyper", hyper_fields, COUNT(hyper_fields)};

static const struct field root_fields[] = {
        {"id", F_ID, STR(id), KIND_ALL, KIND_ALL, NULL, NULL, NULL},
        {"name", F_STRING, STR(name), KIND_ALL, KIND_ALL, NULL, NULL, NULL},
        {"source", F_STRING, STR(source), KIND_ALL, KIND_ALL, NULL, NULL, NULL},
        {"note", F_STRING, STR(note), KIND_ALL, 0, NULL, NULL, NULL},
        {"family", F_FAMILY, AT(law.family), 0, KIND_LAW, KIND_LAW, NULL, NULL, NULL},
        {"dataset", F_STRING, STR(dataset), KIND_LAW, KIND_LAW, NULL, NULL, NULL},
        {"domain", F_DOMAIN, AT(domain), 0, KIND_LAW, 0, NULL, NULL, NULL},
        {"convention", F_CONVENTION, AT(law.non_embedding), 0, KIND_LAW, KIND_LAW, NULL, NULL,
         NULL},
        {"flops_per_param_token", F_POSITIVE, AT(law.k), 0, KIND_LAW, 0, NULL, NULL, &k_bound},
        {"constants", F_MAP, 0, 0, KIND_LAW | KIND_TT, KIND_LAW | KIND_TT, NULL, &constant_set,
         NULL},
        {"fitted_range", F_MAP, 0, 0, KIND_LAW | KIND_TT | KIND_DS, 0, NULL, &range_set, NULL},
        {"hyper", F_MAP, 0, 0, KIND_LAW, 0, NULL, &hyper_set, NULL},
        {"breakdown_loss", F_POSITIVE, AT(law.breakdown_loss), 0, KIND_LAW, 0, NULL, NULL,
         &loss_bound},
        {"paper_frontier", F_ID, STR(paper_frontier), KIND_LAW, 0, NULL, NULL, NULL},
        {"tag", F_TAG, STR(tag), KIND_MODEL, 0, NULL, NULL, NULL},
        {"params", F_COUNT, AT(params), 0, KIND_MODEL, KIND_MODEL, NULL, NULL, &params_bound},
        {"active_params", F_COUNT, AT(active_params), 0, KIND_MODEL, 0, NULL, NULL, &params_bound},
        {"tokens", F_COUNT, AT(tokens), 0, KIND_MODEL, KIND_MODEL, NULL, NULL, &tokens_bound},
        {"compute", F_COMPUTE, AT(compute), 0, KIND_MODEL, 0, NULL, NULL, &compute_bound},
        {"released", F_DATE, STR(released), KIND_MODEL, 0, NULL, NULL, NULL},
        {"peak_flops", F_POSITIVE, AT(peak_flops), 0, KIND_ACCEL, KIND_ACCEL, NULL, NULL,
         &peak_bound},
        {"price", F_NONNEG, AT(price), 0, KIND_ACCEL, 0, NULL, NULL, &price_bound},
        {"price_source", F_STRING, STR(price_source), KIND_ACCEL, 0, NULL, NULL, NULL},
        {"watts", F_NONNEG, AT(watts), 0, KIND_ACCEL, 0, NULL, NULL, &watts_bound},
        {"power_source", F_STRING, STR(power_source), KIND_ACCEL, 0, NULL, NULL, NULL},
        {"stock", F_COUNT, AT(stock), 0, KIND_STOCK, KIND_STOCK, NULL, NULL, &tokens_bound},
        {"stock_low", F_COUNT, AT(stock_low), 0, KIND_STOCK, 0, NULL, NULL, &tokens_bound},
        {"stock_high", F_COUNT, AT(stock_high), 0, KIND_STOCK, 0, NULL, NULL, &tokens_bound},
        {"level", F_POSITIVE, AT(level), 0, KIND_STOCK | KIND_TREND, KIND_STOCK | KIND_TREND, NULL,
         NULL, NULL},
        {"growth", F_POSITIVE, AT(growth), 0, KIND_TREND, KIND_TREND, NULL, NULL, &growth_bound},
        {"growth_low", F_POSITIVE, AT(growth_low), 0, KIND_TREND, 0, NULL, NULL, &growth_bound},
        {"growth_high", F_POSITIVE, AT(growth_high), 0, KIND_TREND, 0, NULL, NULL, &growth_bound},
        {"from", F_YEAR, AT(from), 0, KIND_TREND, KIND_TREND, NULL, NULL, &year_bound},
        {"to", F_YEAR, AT(to), 0, KIND_TREND, KIND_TREND, NULL, NULL, &year_bound},
        {"form", F_TT_FORM, AT(tt.form), 0, KIND_TT, KIND_TT, NULL, NULL, NULL},
        /* a test-time law's is copied to tt.units, whose room is smaller (check_testtime) */
        {"units", F_STRING, STR(units), KIND_TT | KIND_LAW, 0, NULL, NULL, NULL},
        {"task", F_STRING, STR(task), KIND_TT, KIND_TT, NULL, NULL, NULL},
        {"per", F_STRING, STR(tt.per), KIND_TT, 0, NULL, NULL, NULL},
        {"epsilon", F_POSITIVE, AT(ds.epsilon), 0, KIND_DS, KIND_DS, NULL, NULL, &ds_epsilon_bound},
        {"k", F_POSITIVE, AT(ds.k), 0, KIND_DS, KIND_DS, NULL, NULL, &ds_k_bound},
        {"gamma", F_POSITIVE, AT(ds.gamma), 0, KIND_DS, KIND_DS, NULL, NULL, &ds_gamma_bound},
};

static const struct fieldset root_set = {"at the top level", root_fields, COUNT(root_fields)};
/* struct yaml_seen has a flag per key of a table: every table must fit it */
_Static_assert(COUNT(constant_fields) <= YAML_WALK_MAX_KEYS, "constants: too many keys");
_Static_assert(COUNT(range_fields) <= YAML_WALK_MAX_KEYS, "fitted_range: too many keys");
_Static_assert(COUNT(hyper_fields) <= YAML_WALK_MAX_KEYS, "hyper: too many keys");
_Static_assert(COUNT(root_fields) <= YAML_WALK_MAX_KEYS, "a preset: too many keys");

_Static_assert(PRESET_MAX_BYTES == YAML_WALK_MAX_BYTES, "the walk's limit is the presets'");

struct loader {
	struct yaml_walk w;
	struct preset *out;
	struct yaml_seen root, constants, range, hyper;
	yaml_mark_t units_value; /* where the value of `units` starts, for its length's message */
};

static const char *const tt_form_names[] = {
        [TT_NONE] = "none",
        [TT_LOG_LINEAR] = "log-linear",
        [TT_COVERAGE] = "coverage",
        [TT_FLOPS_MATCH] = "flops-match",
};

static const char *const family_names[] = {
        [LAW_ADDITIVE] = "additive",
        [LAW_KAPLAN] = "kaplan",
        [LAW_DATA_CONSTRAINED] = "data-constrained",
        [LAW_FRONTIER] = "frontier",
        [LAW_POWER] = "power",
};

static const char *const domain_names[] = {
        [PRESET_DOMAIN_LANGUAGE] = "language", [PRESET_DOMAIN_CODE] = "code",
        [PRESET_DOMAIN_MATH] = "math",         [PRESET_DOMAIN_IMAGE] = "image",
        [PRESET_DOMAIN_VIDEO] = "video",       [PRESET_DOMAIN_MULTIMODAL] = "multimodal",
        [PRESET_DOMAIN_PROTEINS] = "proteins", [PRESET_DOMAIN_MOLECULES] = "molecules",
};
_Static_assert(sizeof domain_names / sizeof *domain_names == PRESET_DOMAIN_COUNT,
               "a name for every domain");

const char *preset_domain_name(enum preset_domain domain)
{
	return (size_t)domain < COUNT(domain_names) ? domain_names[domain] : "?";
}

int preset_domain_by_name(const char *s)
{
	for (size_t i = 0; i < COUNT(domain_names); i++)
		if (strcmp(s, domain_names[i]) == 0)
			return (int)i;
	return -1;
}

double preset_compute_params(const struct preset *p)
{
	return p->active_params > 0 ? p->active_params : p->params;
}

const char *preset_kind_name(enum preset_kind kind)
{
	static const char *const names[] = {
	        [PRESET_ANY] = "preset",
	        [PRESET_LAW] = "law",
	        [PRESET_MODEL] = "model",
	        [PRESET_ACCELERATOR] = "accelerator",
	        [PRESET_STOCK] = "stock",
	        [PRESET_TREND] = "trend",
	        [PRESET_TESTTIME] = "test-time law",
	        [PRESET_DOWNSTREAM] = "downstream map",
	};

	return (size_t)kind < COUNT(names) ? names[kind] : "?";
}

const char *preset_family_name(enum law_family family)
{
	return (size_t)family < COUNT(family_names) ? family_names[family] : "?";
}

const char *preset_tt_form_name(enum tt_form form)
{
	return (size_t)form < COUNT(tt_form_names) ? tt_form_names[form] : "?";
}

#define fail(l, mark, ...) yaml_walk_fail(&(l)->w, (mark), __VA_ARGS__)

/* Days in a month of the Gregorian calendar. */
static int month_days(int year, int month)
{
	static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;

	return month == 2 && leap ? 29 : days[month - 1];
}

/* The shape YYYY, YYYY-MM or YYYY-MM-DD. */
static bool is_date(const char *s)
{
	size_t n = strlen(s);
	static const char shape[] = "dddd-dd-dd";

	if (n != 4 && n != 7 && n != 10)
		return false;
	for (size_t i = 0; i < n; i++)
		if (shape[i] == 'd' ? s[i] < '0' || s[i] > '9' : s[i] != '-')
			return false;
	return true;
}

/* Whether a date of is_date's shape exists: month 1-12, a day the month has. */
static bool date_exists(const char *s)
{
	size_t n = strlen(s);
	int year = atoi(s), month = n >= 7 ? atoi(s + 5) : 1, day = n == 10 ? atoi(s + 8) : 1;

	return month >= 1 && month <= 12 && day >= 1 && day <= month_days(year, month);
}

bool preset_id_char(char c, bool first)
{
	return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
	       (!first && (c == '.' || c == '-'));
}

bool preset_id_valid(const char *s)
{
	size_t n = strlen(s);

	if (n == 0 || n >= sizeof((struct preset *)0)->id)
		return false;
	for (size_t i = 0; i < n; i++)
		if (!preset_id_char(s[i], i == 0))
			return false;
	return true;
}

static int store_text(struct loader *l, const struct field *f, const yaml_event_t *ev)
{
	const char *v = (const char *)ev->data.scalar.value;
	size_t n = ev->data.scalar.length;
	char *dst = (char *)l->out + f->offset;

	if (f->offset == AT(units))
		l->units_value = ev->start_mark;
	if (n == 0)
		return fail(l, ev->start_mark, "'%s' is empty", f->key);
	if (n >= f->size)
		return fail(l, ev->start_mark, "'%s' is longer than %zu characters", f->key,
		            f->size - 1);
	if (memchr(v, '\0', n) != NULL)
		return fail(l, ev->start_mark, "'%s' contains a NUL character", f->key);
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)v[i];
		if (c == '\n' && f->type == F_STRING)
			c = ' '; /* block scalars fold into one line */
		if (c < 0x20 || c == 0x7f || text_is_c1(v + i, n - i))
			return fail(l, ev->start_mark, "'%s' contains a control character", f->key);
		dst[i] = (char)c;
	}
	dst[n] = '\0';
	/* folding may leave a trailing blank from a block scalar's final newline */
	while (n > 0 && dst[n - 1] == ' ')
		dst[--n] = '\0';

	switch (f->type) {
	case F_ID:
		if (!preset_id_valid(dst))
			return fail(l, ev->start_mark,
			            "'%s' must be lowercase letters, digits, '.' and '-' "
			            "(like llama3-70b), not '%s'",
			            f->key, dst);
		break;
	case F_TAG:
		if (n > 3 || strchr(dst, ' ') != NULL)
			return fail(l, ev->start_mark,
			            "'%s' must be 1 to 3 characters without blanks, not '%s'",
			            f->key, dst);
		for (size_t i = 0; i < n; i++)
			if ((unsigned char)dst[i] > 0x7e)
				return fail(l, ev->start_mark, "'%s' must be ASCII", f->key);
		break;
	case F_DATE:
		if (!is_date(dst))
			return fail(l, ev->start_mark,
			            "'%s' must be YYYY, YYYY-MM or YYYY-MM-DD, not '%s'", f->key,
			            dst);
		if (!date_exists(dst))
			return fail(l, ev->start_mark,
			            "'%s': no such date '%s' (months 01-12, days as the month has)",
			            f->key, dst);
		break;
	default:
		break;
	}
	return 0;
}

/* Whether x, written v, lies in the field's physical range; the message gives the range. */
static int check_bound(struct loader *l, const struct field *f, const yaml_event_t *ev, double x,
                       const char *v)
{
	const struct bound *b = f->bound;
	char lo[32], hi[32];

	if (b == NULL || (x >= b->lo && x <= b->hi))
		return 0;
	units_format_short(b->lo, lo, sizeof lo);
	units_format_short(b->hi, hi, sizeof hi);
	if (f->type == F_LOG) { /* the range is the value's, not the logarithm's */
		char e[32];
		units_format_short(x, e, sizeof e);
		return fail(l, ev->start_mark, "'%s': %.12s gives %s = %s, outside [%s, %s]%s",
		            f->key, v, f->alt, e, lo, hi, b->unit);
	}
	return fail(l, ev->start_mark, "'%s' must lie in [%s, %s]%s, not %.40s", f->key, lo, hi,
	            b->unit, v);
}

/* Parse a number of the field's kind from a scalar event into *x. */
static int parse_number(struct loader *l, const struct field *f, const yaml_event_t *ev,
                        enum field_type type, double *x)
{
	const char *v = (const char *)ev->data.scalar.value;
	const char *why = NULL;
	enum units_kind kind = type == F_COUNT || type == F_RANGE_COUNT       ? UNITS_COUNT
	                       : type == F_COMPUTE || type == F_RANGE_COMPUTE ? UNITS_COMPUTE
	                                                                      : UNITS_PLAIN;

	if (strlen(v) != ev->data.scalar.length)
		return fail(l, ev->start_mark, "'%s' contains a NUL character", f->key);
	if (type == F_NONNEG || type == F_SIGNED) /* a minus sign parses: the bound or the */
		kind = UNITS_SIGNED;              /* sign check says what is wrong */
	if (type == F_LOG) {
		if (!units_parse(v, UNITS_SIGNED, x, &why))
			return fail(l, ev->start_mark, "'%s': %s: '%.40s'", f->key, why, v);
		*x = exp(*x);
		if (!isfinite(*x) || *x <= 0)
			return fail(l, ev->start_mark, "'%s': %.40s is out of range", f->key, v);
		return check_bound(l, f, ev, *x, v);
	}
	if (type == F_EXPONENT && v[0] == '-')
		return fail(l, ev->start_mark,
		            "'%s' must be positive: an exponent is written as its size, 0.24 for "
		            "a paper's (x/x0)^-0.24, not '%.40s'",
		            f->key, v);
	if (!units_parse(v, kind, x, &why))
		return fail(l, ev->start_mark, "'%s': %s: '%.40s'", f->key, why, v);
	return check_bound(l, f, ev, *x, v);
}

/* A whole year, four digits, within the field's bound. */
static int parse_year(struct loader *l, const struct field *f, const yaml_event_t *ev)
{
	const char *v = (const char *)ev->data.scalar.value;
	size_t n = ev->data.scalar.length;

	if (n != 4 || strspn(v, "0123456789") != 4)
		return fail(l, ev->start_mark, "'%s' must be a year YYYY, not '%.40s'", f->key, v);
	*(int *)((char *)l->out + f->offset) = atoi(v);
	return check_bound(l, f, ev, atoi(v), v);
}

static int parse_enum(struct loader *l, const struct field *f, const yaml_event_t *ev)
{
	const char *v = (const char *)ev->data.scalar.value;
	void *dst = (char *)l->out + f->offset;

	switch (f->type) {
	case F_FAMILY:
		for (size_t i = 0; i < COUNT(family_names); i++)
			if (strcmp(v, family_names[i]) == 0) {
				*(enum law_family *)dst = (enum law_family)i;
				return 0;
			}
		return fail(l, ev->start_mark,
		            "'family' must be additive, kaplan, data-constrained, frontier or "
		            "power, not '%.40s'",
		            v);
	case F_DOMAIN: {
		int d = preset_domain_by_name(v);
		if (d >= 0) {
			*(enum preset_domain *)dst = (enum preset_domain)d;
			return 0;
		}
		const struct yaml_keys names = YAML_KEYS("domains", domain_names);
		return fail(l, ev->start_mark,
		            "unknown domain '%.40s' (did you mean '%s'?): one of language, code, "
		            "math, image, video, multimodal, proteins, molecules",
		            v, yaml_walk_nearest(&names, v));
	}
	case F_CONVENTION:
		if (strcmp(v, "total") == 0 || strcmp(v, "non-embedding") == 0) {
			*(bool *)dst = v[0] == 'n';
			return 0;
		}
		return fail(l, ev->start_mark,
		            "'convention' must be total or non-embedding, not '%.40s'", v);
	case F_UNIT:
		if (strcmp(v, "flops") == 0 || strcmp(v, "pf-days") == 0) {
			*(double *)dst = v[0] == 'p' ? LAW_PF_DAY : 1;
			return 0;
		}
		return fail(l, ev->start_mark,
		            "'compute_unit' must be flops or pf-days, not '%.40s'", v);
	case F_COMPUTE_CONV:
		if (strcmp(v, "training") == 0 || strcmp(v, "c-min") == 0) {
			*(bool *)dst = v[0] == 'c';
			return 0;
		}
		return fail(l, ev->start_mark,
		            "'compute_convention' must be training or c-min, not '%.40s'", v);
	case F_TT_FORM:
		for (size_t i = TT_LOG_LINEAR; i < COUNT(tt_form_names); i++)
			if (strcmp(v, tt_form_names[i]) == 0) {
				*(enum tt_form *)dst = (enum tt_form)i;
				return 0;
			}
		return fail(l, ev->start_mark,
		            "'form' must be log-linear, coverage or flops-match, not '%.40s'", v);
	default:
		return fail(l, ev->start_mark, "internal: not an enum");
	}
}

static int parse_mapping(struct loader *l, const struct fieldset *set, struct yaml_seen *seen,
                         const yaml_event_t *start);

/* A loss law's ranges and a test-time law's are both {lo, hi}: one parser fills either. */
_Static_assert(offsetof(struct law_range, lo) == 0 && offsetof(struct tt_range, lo) == 0 &&
                       offsetof(struct law_range, hi) == sizeof(double) &&
                       offsetof(struct tt_range, hi) == sizeof(double),
               "a range is two doubles, lo then hi");

/* The kind of number each end of a range is. */
static enum field_type range_kind(enum field_type type)
{
	return type == F_RANGE_COUNT ? F_COUNT : type == F_RANGE_PLAIN ? F_SIGNED : F_COMPUTE;
}

/* A [low, high] pair. */
static int parse_range(struct loader *l, const struct field *f, const yaml_event_t *start)
{
	double *r = (double *)(void *)((char *)l->out + f->offset); /* lo, hi */
	double v[2];
	yaml_event_t ev;
	enum field_type kind = range_kind(f->type);

	for (int i = 0;; i++) {
		if (yaml_walk_next(&l->w, &ev) < 0)
			return -1;
		if (ev.type == YAML_SEQUENCE_END_EVENT) {
			yaml_event_delete(&ev);
			if (i != 2)
				return fail(l, start->start_mark,
				            "'%s' takes two values [low, high], not %d", f->key, i);
			break;
		}
		if (ev.type != YAML_SCALAR_EVENT || i >= 2) {
			int rc =
			        fail(l, ev.start_mark, "'%s' takes two values [low, high]", f->key);
			yaml_event_delete(&ev);
			return rc;
		}
		int rc = parse_number(l, f, &ev, kind, &v[i]);
		yaml_event_delete(&ev);
		if (rc < 0)
			return -1;
	}
	if (!(v[0] < v[1]))
		return fail(l, start->start_mark, "'%s': low must be below high", f->key);
	r[0] = v[0];
	r[1] = v[1];
	return 0;
}

/* A flops-match law's inference loads: a list of 1 to TT_MAX_LOADS positive numbers. */
static int parse_loads(struct loader *l, const struct field *f, const yaml_event_t *start)
{
	struct tt_law *tt = &l->out->tt;
	yaml_event_t ev;

	for (tt->nloads = 0;; tt->nloads++) {
		if (yaml_walk_next(&l->w, &ev) < 0)
			return -1;
		if (ev.type == YAML_SEQUENCE_END_EVENT) {
			yaml_event_delete(&ev);
			break;
		}
		if (ev.type != YAML_SCALAR_EVENT || tt->nloads >= TT_MAX_LOADS) {
			int rc = ev.type != YAML_SCALAR_EVENT
			                 ? fail(l, ev.start_mark, "'%s' takes numbers, not %s",
			                        f->key, yaml_walk_noun(ev.type))
			                 : fail(l, ev.start_mark,
			                        "'%s' takes at most %d inference loads", f->key,
			                        TT_MAX_LOADS);
			yaml_event_delete(&ev);
			return rc;
		}
		int rc = parse_number(l, f, &ev, F_POSITIVE, &tt->loads[tt->nloads]);
		yaml_event_delete(&ev);
		if (rc < 0)
			return -1;
	}
	if (tt->nloads == 0)
		return fail(l, start->start_mark,
		            "'%s' is empty: list 1 to %d inference loads D_inf / D_pre", f->key,
		            TT_MAX_LOADS);
	return 0;
}

/* Where the keys of a nested table are recorded. */
static struct yaml_seen *seen_of(struct loader *l, const struct fieldset *set)
{
	return set == &constant_set ? &l->constants : set == &hyper_set ? &l->hyper : &l->range;
}

/* The value of field f, whose first event is ev. */
static int parse_value(struct loader *l, const struct field *f, const yaml_event_t *ev)
{
	bool want_scalar = f->type != F_MAP && f->type != F_RANGE_COUNT &&
	                   f->type != F_RANGE_COMPUTE && f->type != F_RANGE_PLAIN &&
	                   f->type != F_LOADS;
	yaml_event_type_t want = want_scalar        ? YAML_SCALAR_EVENT
	                         : f->type == F_MAP ? YAML_MAPPING_START_EVENT
	                                            : YAML_SEQUENCE_START_EVENT;

	if (ev->type != want)
		return fail(l, ev->start_mark, "'%s' takes %s, not %s", f->key,
		            yaml_walk_noun(want), yaml_walk_noun(ev->type));
	switch (f->type) {
	case F_MAP:
		return parse_mapping(l, f->sub, seen_of(l, f->sub), ev);
	case F_RANGE_COUNT:
	case F_RANGE_COMPUTE:
	case F_RANGE_PLAIN:
		return parse_range(l, f, ev);
	case F_LOADS:
		return parse_loads(l, f, ev);
	case F_STRING:
	case F_ID:
	case F_TAG:
	case F_DATE:
		return store_text(l, f, ev);
	case F_FAMILY:
	case F_DOMAIN:
	case F_CONVENTION:
	case F_UNIT:
	case F_COMPUTE_CONV:
	case F_TT_FORM:
		return parse_enum(l, f, ev);
	case F_YEAR:
		return parse_year(l, f, ev);
	default:
		return parse_number(l, f, ev, f->type, (double *)((char *)l->out + f->offset));
	}
}

/* A mapping of the keys in set, whose start event is `start`; seen records them. */
static int parse_mapping(struct loader *l, const struct fieldset *set, struct yaml_seen *seen,
                         const yaml_event_t *start)
{
	const struct yaml_keys keys = {set->name, set->fields, set->count, sizeof *set->fields};
	yaml_event_t value;
	size_t k;
	int end;

	seen->start = start->start_mark;
	while ((end = yaml_walk_key(&l->w, &keys, seen, &k)) == 0) {
		if (yaml_walk_next(&l->w, &value) < 0)
			return -1;
		int rc = parse_value(l, &set->fields[k], &value);
		yaml_event_delete(&value);
		if (rc < 0)
			return -1;
	}
	return end < 0 ? -1 : 0;
}

/* Index of key in set; the tables are const, so a miss is a programming error. */
static size_t field_index(const struct fieldset *set, const char *key)
{
	for (size_t i = 0; i < set->count; i++)
		if (strcmp(set->fields[i].key, key) == 0)
			return i;
	abort();
}

/*
 * Check scope and required keys of one mapping for a given scope bit: a key
 * outside its scope is an error at the key, a missing one at the mapping.
 */
static int check_keys(struct loader *l, const struct fieldset *set, const struct yaml_seen *seen,
                      unsigned bit, const char *what)
{
	/* first what is there and should not be: it has a place to point at */
	for (size_t i = 0; i < set->count; i++) {
		const struct field *f = &set->fields[i];
		size_t alt = f->alt ? field_index(set, f->alt) : i;
		if (seen->on[i] && !(f->scope & bit))
			return fail(l, seen->at[i], "'%s' does not belong in %s", f->key, what);
		if (seen->on[i] && alt != i && seen->on[alt] && alt < i)
			return fail(l, seen->at[i], "'%s' and '%s' give the same value: keep one",
			            f->key, f->alt);
	}
	for (size_t i = 0; i < set->count; i++) {
		const struct field *f = &set->fields[i];
		size_t alt = f->alt ? field_index(set, f->alt) : i;
		if ((f->required & bit) && !seen->on[i] && !seen->on[alt])
			return fail(l, seen->start, "missing required key '%s' in %s", f->key,
			            what);
	}
	return 0;
}

/*
 * A frontier needs N or M, or D, each as an exponent with or without its
 * coefficient: a paper may print only the exponent (Hoffmann et al. 2022
 * Table A2, DeepSeek LLM Table 4), and no allocation at a compute follows.
 * A coefficient without its exponent is no law at all.
 */
static int check_frontier(struct loader *l)
{
	static const char *const pairs[][2] = {
	        {"params_coefficient", "params_exponent"},
	        {"flops_per_token_coefficient", "flops_per_token_exponent"},
	        {"tokens_coefficient", "tokens_exponent"},
	};
	const struct yaml_seen *s = &l->constants;
	bool any = false;

	for (size_t i = 0; i < COUNT(pairs); i++) {
		size_t c = field_index(&constant_set, pairs[i][0]);
		size_t e = field_index(&constant_set, pairs[i][1]);
		if (s->on[c] && !s->on[e])
			return fail(l, s->at[c], "'%s' needs '%s' too", pairs[i][0], pairs[i][1]);
		any |= s->on[e];
	}
	static const char *const both[] = {"flops_per_token_coefficient",
	                                   "flops_per_token_exponent"};
	for (size_t i = 0; i < COUNT(both); i++) {
		size_t m = field_index(&constant_set, both[i]);
		size_t n = field_index(&constant_set,
		                       i == 0 ? "params_coefficient" : "params_exponent");
		if (s->on[m] && s->on[n])
			return fail(l, s->at[m], "give params_* or flops_per_token_*, not both");
	}
	if (!any)
		return fail(l, s->start,
		            "a frontier needs params_*, flops_per_token_* or tokens_* constants");
	size_t frac = field_index(&constant_set, "c_min_fraction");
	if (s->on[frac] && !l->out->law.frontier.c_min)
		return fail(l, s->at[frac], "'c_min_fraction' needs 'compute_convention: c-min'");
	if (l->out->law.frontier.c_min && !s->on[frac])
		l->out->law.frontier.c_min_fraction = LAW_C_MIN_FRACTION;
	return 0;
}

/* The three relations of a power law, each all of its keys or none, and what each writes. */
static const struct power_relation {
	const char *keys[3]; /* NULL-ended when shorter */
	const char *name, *law;
} power_relations[] = {
        {{"params_floor", "params_scale", "params_exponent"},
         "L(N)",
         "params_floor + (params_scale / N)^params_exponent"},
        {{"compute_floor", "compute_scale", "compute_exponent"},
         "L(C)",
         "compute_floor + (compute_scale / C)^compute_exponent"},
        {{"optimal_params_scale", "optimal_params_exponent", NULL},
         "N_opt(C)",
         "(C / optimal_params_scale)^optimal_params_exponent"},
};

/* How many keys of relation r the constants give; *first_on, *first_off: one given, one not. */
static int relation_given(const struct loader *l, const struct power_relation *r,
                          const char **first_on, const char **first_off)
{
	int on = 0;

	*first_on = *first_off = NULL;
	for (size_t k = 0; k < COUNT(r->keys) && r->keys[k] != NULL; k++) {
		if (l->constants.on[field_index(&constant_set, r->keys[k])]) {
			on++;
			if (*first_on == NULL)
				*first_on = r->keys[k];
		} else if (*first_off == NULL) {
			*first_off = r->keys[k];
		}
	}
	return on;
}

/*
 * A power law: each relation whole or absent, L(N) or L(C) at least, and
 * units. Then the slots shared while reading are put where struct law wants
 * them: params_exponent (read where a frontier's is) is L(N)'s, and
 * N_opt(C) = (C / C_N)^beta becomes the frontier's coef C_N^-beta, exp beta.
 */
static int check_power(struct loader *l)
{
	struct law *law = &l->out->law;
	bool given[COUNT(power_relations)];

	for (size_t i = 0; i < COUNT(power_relations); i++) {
		const char *on, *off;
		int n = relation_given(l, &power_relations[i], &on, &off);
		if (n > 0 && off != NULL)
			return fail(
			        l, l->constants.at[field_index(&constant_set, on)],
			        "%s is given in part: '%s' is missing (%s = %s: all its keys or "
			        "none)",
			        power_relations[i].name, off, power_relations[i].name,
			        power_relations[i].law);
		given[i] = n > 0;
	}
	if (!given[0] && !given[1])
		return fail(l, l->constants.start,
		            "a power law needs L(N) (params_floor, params_scale, params_exponent) "
		            "or L(C) (compute_floor, compute_scale, compute_exponent)");
	if (!l->root.on[field_index(&root_set, "units")])
		return fail(l, l->root.start,
		            "a power law needs 'units': what its loss is measured in (nats per "
		            "token, nats per image)");
	double n_exponent = law->frontier.params.exp, beta = law->by_params.exponent;
	double c_n = law->frontier.params.coef;
	/* at beta >= 1 N_opt grows as fast as C: D = C / (k N_opt) would shrink to nothing */
	if (given[2] && !(beta < 1))
		return fail(
		        l, l->constants.at[field_index(&constant_set, "optimal_params_exponent")],
		        "'optimal_params_exponent' must be below 1: at %g N_opt grows as fast as "
		        "C and D = C/(kN) stops growing",
		        beta);
	law->by_params.exponent = n_exponent;
	law->frontier.unit = 1;
	law->frontier.params.exp = given[2] ? beta : 0;
	law->frontier.params.coef = given[2] ? pow(c_n, -beta) : 0;
	return 0;
}

/*
 * Constants of two families in one law: say which family a stray constant
 * belongs to, since mixing a power law up with another is the likely mistake.
 */
static int check_family_mix(struct loader *l)
{
	enum law_family family = l->out->law.family;

	for (size_t i = 0; i < constant_set.count; i++) {
		unsigned scope = constant_fields[i].scope;
		if (!l->constants.on[i] || (scope & FAM(family)) || scope > 0xffu)
			continue;
		if (family == LAW_POWER)
			return fail(l, l->constants.at[i],
			            "'%s' is not a power law's constant: it takes params_floor, "
			            "params_scale, params_exponent, compute_* and optimal_params_*",
			            constant_fields[i].key);
		if (scope == FAM_POW)
			return fail(l, l->constants.at[i],
			            "'%s' belongs to the power family, not %s: one law, one family",
			            constant_fields[i].key, preset_family_name(family));
	}
	return 0;
}

/* Whether the root mapping has key. */
static bool has_key(const struct loader *l, const char *key)
{
	return l->root.on[field_index(&root_set, key)];
}

/* The mark of a root key, for a message about its value. */
static yaml_mark_t key_mark(const struct loader *l, const char *key)
{
	return l->root.at[field_index(&root_set, key)];
}

/*
 * An estimate with its interval: both ends given (else `missing` at the
 * mapping), low <= central <= high, and the level strictly inside (0, 1).
 */
static int check_interval(struct loader *l, const char *key, const char *low_key,
                          const char *high_key, double low, double mid, double high,
                          const char *missing)
{
	if (!has_key(l, low_key) || !has_key(l, high_key))
		return fail(l, l->root.start, "%s", missing);
	if (!(low <= mid))
		return fail(l, key_mark(l, low_key), "'%s' exceeds '%s'", low_key, key);
	if (!(mid <= high))
		return fail(l, key_mark(l, high_key), "'%s' is below '%s'", high_key, key);
	if (!(l->out->level < 1))
		return fail(l, key_mark(l, "level"),
		            "'level' is the interval's confidence: between 0 and 1 (0.9 for 90%%), "
		            "not %g",
		            l->out->level);
	return 0;
}

static int check_stock(struct loader *l)
{
	const struct preset *p = l->out;

	return check_interval(l, "stock", "stock_low", "stock_high", p->stock_low, p->stock,
	                      p->stock_high,
	                      "a stock needs its interval: stock_low and stock_high");
}

/*
 * A downstream map: the error rises with the loss towards epsilon, so its
 * least over the fitted range is at the range's lowest loss. A map that
 * gives an error below zero there was not fitted to errors (a percentage,
 * or accuracy read as error).
 */
static int check_downstream(struct loader *l)
{
	const struct ds_check {
		double lo, err;
	} c = {l->out->ds.loss.lo, downstream_error(&l->out->ds, l->out->ds.loss.lo)};

	if (l->out->ds.loss.hi > c.lo && c.err < 0)
		return fail(l, key_mark(l, "k"),
		            "the map gives an error of %.3g, below 0, at the fitted range's lowest "
		            "loss %g: epsilon, k and gamma are for an error between 0 and 1",
		            c.err, c.lo);
	return 0;
}

static int check_trend(struct loader *l)
{
	const struct preset *p = l->out;

	if (check_interval(l, "growth", "growth_low", "growth_high", p->growth_low, p->growth,
	                   p->growth_high,
	                   "a trend needs its interval: growth_low and growth_high") < 0)
		return -1;
	if (!(p->growth_low > 1))
		return fail(
		        l, key_mark(l, "growth_low"),
		        "'growth_low' must exceed 1: growth is a factor per year (4.5 for 4.5x)");
	if (!(p->from < p->to))
		return fail(l, key_mark(l, "to"), "'to' must be a year after 'from'");
	return 0;
}

/* The mark of a constant, for a message about its value. */
static yaml_mark_t constant_mark(const struct loader *l, const char *key)
{
	return l->constants.at[field_index(&constant_set, key)];
}

/* The constants each form takes, for messages that name the right ones. */
static const char *const tt_form_keys[] = {
        [TT_NONE] = "",
        [TT_LOG_LINEAR] = "exchange, per_unit and offset",
        [TT_COVERAGE] = "a and b",
        [TT_FLOPS_MATCH] = "larger and loads",
};

/* The form whose constant a scope bit set is, or TT_NONE for a loss law's. */
static enum tt_form form_of(unsigned scope)
{
	for (int f = TT_LOG_LINEAR; f <= TT_FLOPS_MATCH; f++)
		if (scope & FORM(f))
			return (enum tt_form)f;
	return TT_NONE;
}

/*
 * A test-time law's constants: only its form's, all of them. A constant of
 * another form names the form that takes it, since mixing up forms is the
 * likely mistake.
 */
static int check_tt_constants(struct loader *l)
{
	enum tt_form form = l->out->tt.form;
	const char *name = preset_tt_form_name(form);
	char what[64];

	for (size_t i = 0; i < constant_set.count; i++) {
		const struct field *f = &constant_fields[i];
		if (!l->constants.on[i] || (f->scope & FORM(form)))
			continue;
		enum tt_form other = form_of(f->scope);
		if (other == TT_NONE)
			return fail(l, l->constants.at[i],
			            "'%s' is a loss law's constant: a %s law takes %s", f->key,
			            name, tt_form_keys[form]);
		return fail(l, l->constants.at[i], "'%s' belongs to the %s form: a %s law takes %s",
		            f->key, preset_tt_form_name(other), name, tt_form_keys[form]);
	}
	snprintf(what, sizeof what, "the constants of a %s law", name);
	return check_keys(l, &constant_set, &l->constants, FORM(form), what);
}

/* The signs the forms' algebra needs (traintest.h), each with its reason. */
static int check_tt_signs(struct loader *l)
{
	const struct tt_law *tt = &l->out->tt;

	if (tt->form == TT_LOG_LINEAR && !(tt->exchange > 0))
		return fail(l, constant_mark(l, "exchange"),
		            "'exchange' must be positive: the decades of test-time compute one "
		            "more decade of training replaces, not %g",
		            tt->exchange);
	if (tt->form == TT_LOG_LINEAR && !(tt->per_unit > 0))
		return fail(l, constant_mark(l, "per_unit"),
		            "'per_unit' must be positive: the decades of test-time compute one "
		            "more unit of performance costs, not %g",
		            tt->per_unit);
	if (tt->form == TT_COVERAGE && !(tt->a < 0))
		return fail(l, constant_mark(l, "a"),
		            "'a' must be negative: coverage exp(a k^b) lies below 1, not %g",
		            tt->a);
	if (tt->form == TT_COVERAGE && !(tt->b < 0))
		return fail(l, constant_mark(l, "b"),
		            "'b' must be negative: coverage exp(a k^b) rises with samples k, "
		            "not %g",
		            tt->b);
	if (tt->form == TT_FLOPS_MATCH && !(tt->larger > 1))
		return fail(l, constant_mark(l, "larger"),
		            "'larger' must exceed 1: how many times larger the model is (14 for "
		            "14x), not %g",
		            tt->larger);
	return 0;
}

/* Units where there is a performance, none where there is not; coverage is a share. */
static int check_tt_performance(struct loader *l)
{
	const struct tt_law *tt = &l->out->tt;
	const char *name = preset_tt_form_name(tt->form);
	size_t perf = field_index(&range_set, "performance");

	if (tt->form == TT_FLOPS_MATCH) {
		if (has_key(l, "units"))
			return fail(l, key_mark(l, "units"),
			            "'units' does not belong in a flops-match law: it compares "
			            "FLOPs, not a performance");
		if (l->range.on[perf])
			return fail(l, l->range.at[perf],
			            "'performance' does not belong in a flops-match law: it "
			            "compares FLOPs, not a performance");
		return 0;
	}
	if (!has_key(l, "units"))
		return fail(l, l->root.start,
		            "a %s law needs 'units': what its performance is measured in (Elo, "
		            "coverage, accuracy)",
		            name);
	if (tt->form == TT_COVERAGE && l->range.on[perf] &&
	    !(tt->performance.lo >= 0 && tt->performance.hi <= 1))
		return fail(l, l->range.at[perf],
		            "'performance' of a coverage law is a share within [0, 1], not "
		            "[%g, %g]",
		            tt->performance.lo, tt->performance.hi);
	return 0;
}

/* A test-time law: its form's constants with their signs, its units and ranges. */
static int check_testtime(struct loader *l)
{
	struct preset *p = l->out;

	if (strlen(p->units) >= sizeof p->tt.units)
		return fail(l, l->units_value, "'units' is longer than %zu characters",
		            sizeof p->tt.units - 1);
	snprintf(p->tt.units, sizeof p->tt.units, "%s", p->units);
	if (check_tt_constants(l) < 0 || check_tt_signs(l) < 0)
		return -1;
	/* test compute is counted per move, per question...: only a plane has a test axis */
	if (l->out->tt.form != TT_LOG_LINEAR && has_key(l, "per"))
		return fail(l, key_mark(l, "per"),
		            "'per' belongs to a log-linear law: what its test-time compute is "
		            "counted per (move, problem)");
	if (l->out->tt.per[0] == '\0')
		snprintf(l->out->tt.per, sizeof l->out->tt.per, "problem");
	return check_tt_performance(l);
}

/*
 * The kind from the content: a test-time law's key (form, units, task)
 * makes one; then any law-only key makes a law (`dataset` alone
 * is too weak a sign); then a stock's or a trend's key, then peak FLOP/s
 * makes an accelerator; anything else is a model.
 */
static enum preset_kind guess_kind(const struct loader *l)
{
	static const char *const law_keys[] = {"family", "convention", "flops_per_param_token",
	                                       "constants", "fitted_range"};
	static const char *const stock_keys[] = {"stock", "stock_low", "stock_high"};
	static const char *const trend_keys[] = {"growth", "growth_low", "growth_high", "from",
	                                         "to"};
	/* `units` is a test-time law's sign only where no `family` says it is a loss law */
	static const char *const tt_keys[] = {"form", "task"};
	bool is_law = false, is_stock = false, is_trend = false, is_tt = false;

	for (size_t i = 0; i < COUNT(law_keys); i++)
		is_law |= has_key(l, law_keys[i]);
	for (size_t i = 0; i < COUNT(stock_keys); i++)
		is_stock |= has_key(l, stock_keys[i]);
	for (size_t i = 0; i < COUNT(trend_keys); i++)
		is_trend |= has_key(l, trend_keys[i]);
	for (size_t i = 0; i < COUNT(tt_keys); i++)
		is_tt |= has_key(l, tt_keys[i]);
	is_tt |= has_key(l, "units") && !has_key(l, "family");
	if (has_key(l, "gamma") || has_key(l, "epsilon"))
		return PRESET_DOWNSTREAM;
	return is_tt                      ? PRESET_TESTTIME
	       : is_law                   ? PRESET_LAW
	       : is_stock                 ? PRESET_STOCK
	       : is_trend                 ? PRESET_TREND
	       : has_key(l, "peak_flops") ? PRESET_ACCELERATOR
	                                  : PRESET_MODEL;
}

/*
 * A law's scaling law of hyperparameters: all its keys (check_keys), and
 * exponents that are not 0: a constant learning rate or batch is no law of C.
 */
static int check_hyper(struct loader *l)
{
	static const char *const exponents[] = {"lr_exponent", "batch_exponent"};

	if (!has_key(l, "hyper"))
		return 0;
	if (check_keys(l, &hyper_set, &l->hyper, KIND_LAW, "hyper") < 0)
		return -1;
	for (size_t i = 0; i < COUNT(exponents); i++) {
		size_t k = field_index(&hyper_set, exponents[i]);
		double e = i == 0 ? l->out->hyper.lr.exp : l->out->hyper.batch.exp;
		if (e == 0)
			return fail(l, l->hyper.at[k],
			            "'%s' is 0: a value that does not change with C needs no law",
			            exponents[i]);
	}
	return 0;
}

static int check_preset(struct loader *l, enum preset_kind want)
{
	struct preset *p = l->out;
	char what[64];

	if (want == PRESET_ANY)
		want = guess_kind(l);
	p->kind = want;
	size_t id = field_index(&root_set, "id");
	p->line = (int)l->root.at[id].line + 1;
	p->col = (int)l->root.at[id].column + 1;
	snprintf(what, sizeof what, "%s %s preset", want == PRESET_ACCELERATOR ? "an" : "a",
	         preset_kind_name(want));
	if (check_keys(l, &root_set, &l->root, 1u << want, what) < 0)
		return -1;
	snprintf(what, sizeof what, "the fitted_range of a %s", preset_kind_name(want));
	if (check_keys(l, &range_set, &l->range, 1u << want, what) < 0)
		return -1;
	if (want == PRESET_TESTTIME)
		return check_testtime(l);
	if (want == PRESET_DOWNSTREAM)
		return check_downstream(l);
	if (want == PRESET_ACCELERATOR)
		return 0;
	if (want == PRESET_STOCK)
		return check_stock(l);
	if (want == PRESET_TREND)
		return check_trend(l);
	if (want == PRESET_MODEL) {
		if (p->active_params > p->params)
			return fail(l, l->root.at[field_index(&root_set, "active_params")],
			            "'active_params' exceeds 'params'");
		return 0;
	}
	snprintf(what, sizeof what, "the constants of the %s family",
	         preset_family_name(p->law.family));
	if (check_family_mix(l) < 0 ||
	    check_keys(l, &constant_set, &l->constants, FAM(p->law.family), what) < 0 ||
	    check_hyper(l) < 0)
		return -1;
	/* only a power law shows its units; another law's loss is read as nats per token */
	if (p->law.family != LAW_POWER && l->root.on[field_index(&root_set, "units")])
		return fail(l, key_mark(l, "units"),
		            "'units' belongs to a power law: the %s family's loss is read in nats "
		            "per token",
		            preset_family_name(p->law.family));
	return p->law.family == LAW_FRONTIER ? check_frontier(l)
	       : p->law.family == LAW_POWER  ? check_power(l)
	                                     : 0;
}

int preset_parse(const char *file, const unsigned char *buf, size_t len, enum preset_kind want,
                 struct preset *out, char *err, size_t errsize)
{
	struct loader l = {.out = out};
	yaml_event_t root;
	int rc = -1;

	memset(out, 0, sizeof *out);
	out->law.k = LAW_K_TRAINING;
	out->law.frontier.unit = 1;
	snprintf(out->file, sizeof out->file, "%s", file);

	if (yaml_walk_open(&l.w, file, buf, len, "preset", err, errsize) < 0)
		goto out;
	if (yaml_walk_root(&l.w, &root, "preset",
	                   "a preset is a mapping of keys (id: ..., name: ...)") < 0)
		goto out;
	rc = parse_mapping(&l, &root_set, &l.root, &root);
	yaml_event_delete(&root);
	if (rc == 0 && yaml_walk_finish(&l.w, "preset") < 0)
		rc = -1;
	if (rc == 0)
		rc = check_preset(&l, want);
out:
	yaml_walk_close(&l.w);
	return rc;
}

/* Read and parse path, refusing anything but a regular file when `regular`. */
static int load(const char *path, bool regular, enum preset_kind want, struct preset *out,
                char *err, size_t errsize)
{
	char why[256];
	size_t len;
	unsigned char *buf = read_all(path, PRESET_MAX_BYTES, regular, &len, why, sizeof why);

	if (buf == NULL) {
		snprintf(err, errsize, "%s:1:1: %s", path, why);
		return -1;
	}
	int rc = preset_parse(path, buf, len, want, out, err, errsize);
	free(buf);
	return rc;
}

int preset_load(const char *path, enum preset_kind want, struct preset *out, char *err,
                size_t errsize)
{
	return load(path, false, want, out, err, errsize);
}

int preset_load_listed(const char *path, enum preset_kind want, struct preset *out, char *err,
                       size_t errsize)
{
	return load(path, true, want, out, err, errsize);
}
