/*
 * cmd_optimum.c: `isoflop optimum`: where a budget is best spent, or what a
 * target loss costs; optionally counting inference (Sardana et al. 2023),
 * limited unique data (Muennighoff et al. 2023), or the hardware that trains
 * it: --gpu, --mfu and two of the budget, --gpus and --days, and what that
 * costs in dollars, MWh and (with --grid) tonnes of CO2e; with
 * --inference-tokens and --serve-mfu, the lifetime dollars and the
 * dollar-optimal model (model/lifecost.h, isoflop's derivation).
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "../../model/hardware.h"
#include "../../model/hyper.h"
#include "../../model/lifecost.h"
#include "../../model/optimum.h"
#include "../../model/units.h"
#include "../explore/stocks.h"
#include "downstream_cols.h"
#include "stock_cols.h"
#include "beyond.h"
#include "cli.h"
#include "power_args.h"

enum {
	COL_LAW,
	COL_PLAN,
	COL_C,
	COL_N,
	COL_D,
	COL_TPP,
	COL_L,
	COL_T,
	COL_TOTAL,
	COL_SAVINGS,
	COL_U,
	COL_EPOCHS,
	COL_LR, /* a law with a scaling law of hyperparameters (hyper.h): eta_opt and B_opt */
	COL_BATCH,
	COL_HYPER_OUT, /* CSV and JSON: the budget lies outside the compute eta and B were fitted on
	                */
	COL_GPU,
	COL_NGPU,
	COL_MFU,
	COL_DAYS,
	COL_GPU_HOURS,
	COL_PF_DAYS,
	COL_USD,
	COL_MWH,
	COL_CO2E,
	COL_STOCK, /* --stock: D over the stock, then over its high and low ends */
	COL_STOCK_LOW,
	COL_STOCK_HIGH,
	COL_LIFE_USD,
	COL_USD_SAVINGS,
	COL_USD_N,
	COL_USD_D,
	COL_USD_LIFE,
	COL_USD_SAVED,
	COL_ERROR, /* --downstream: the error the map derives from the loss */
	NCOLS,
};

/* Every column the command may print; which ones it does depends on the options. */
static const struct column all_columns[NCOLS] = {
        [COL_LAW] = {"law", "law", COL_TEXT, false},
        [COL_PLAN] = {"plan", "plan", COL_TEXT, true},
        [COL_C] = {"compute", "compute", COL_COMPUTE, false},
        [COL_N] = {"params", "params", COL_COUNT, false},
        [COL_D] = {"tokens", "tokens", COL_COUNT, false},
        [COL_TPP] = {"tokens_per_param", "D/N", COL_RATIO, false},
        [COL_L] = {"loss", "loss", COL_LOSS, false},
        [COL_T] = {"inference_tokens", "inference", COL_COUNT, false},
        [COL_TOTAL] = {"total_flops", "total", COL_COMPUTE, false},
        [COL_SAVINGS] = {"savings", "savings", COL_SHARE, false},
        [COL_U] = {"unique_tokens", "unique", COL_COUNT, false},
        [COL_EPOCHS] = {"epochs", "epochs", COL_RATIO, false},
        [COL_LR] = {"lr", "lr", COL_NUMBER, false},
        [COL_BATCH] = {"batch_tokens", "batch", COL_COUNT, false},
        [COL_HYPER_OUT] = {"hyper_extrapolated", "", COL_BOOL, false},
        [COL_GPU] = {"accelerator", "gpu", COL_TEXT, false},
        [COL_NGPU] = {"count", "count", COL_WHOLE, false},
        [COL_MFU] = {"mfu", "MFU", COL_SHARE, false},
        [COL_DAYS] = {"days", "days", COL_COUNT, false},
        [COL_GPU_HOURS] = {"gpu_hours", "GPU-hours", COL_COUNT, false},
        [COL_PF_DAYS] = {"pf_days", "PF-days", COL_COUNT, false},
        [COL_USD] = {"usd", "USD", COL_COUNT, false},
        [COL_MWH] = {"energy_mwh", "MWh", COL_COUNT, false},
        [COL_CO2E] = {"co2e_tonnes", "t CO2e", COL_COUNT, false},
        /* COL_STOCK to COL_STOCK_HIGH: stock_columns, as loss --stock has them */
        /* lifetime dollars: in text one per row, with the dollar optimum a row of its own */
        [COL_LIFE_USD] = {"lifetime_usd", "lifetime USD", COL_COUNT, false},
        [COL_USD_SAVINGS] = {"usd_savings", "USD saved", COL_SHARE, false},
        /* in CSV and JSON, one row a law: the dollar optimum in columns, named derived */
        [COL_USD_N] = {"derived_usd_optimal_params", "", COL_COUNT, false},
        [COL_USD_D] = {"derived_usd_optimal_tokens", "", COL_COUNT, false},
        [COL_USD_LIFE] = {"derived_usd_optimal_lifetime_usd", "", COL_COUNT, false},
        [COL_USD_SAVED] = {"derived_usd_optimal_savings", "", COL_SHARE, false},
};

/*
 * The hardware options, resolved. A row's training compute and what the user
 * fixed give the rest: with --gpus the days follow, with --days alone the
 * count (rounded up to whole accelerators, and then the days at that count).
 */
struct hardware {
	const struct preset *gpu; /* the accelerator; NULL without --gpu */
	double mfu;
	double count;         /* --gpus, or 0 when the count is what follows */
	double days;          /* --days */
	bool rounded;         /* some row's count was rounded up */
	double price;         /* USD per accelerator-hour: --price, else the preset's; 0 unknown */
	double watts;         /* W per accelerator: --watts, else the preset's; 0 unknown */
	bool priced;          /* the price is --price's, not the preset's */
	bool serve_priced;    /* serving's price is --serve-price's, not training's */
	double pue;           /* --pue, else 1: the accelerators alone */
	double grid;          /* --grid kg CO2e per kWh, 0 when not given (no CO2e column) */
	struct lifecost life; /* serving's terms; serve_mfu 0 without --serve-mfu */
};

struct layout {
	const struct stock_numbers *stock; /* --stock, or NULL: set before layout_init */
	bool hyper;                        /* some law has eta_opt(C), B_opt(C): set before init */
	const struct hyper_law *law_hyper; /* the current law's relation, or NULL: set per law */
	const struct preset *map;          /* --downstream, or NULL: set before layout_init */
	struct downstream_rows *ds;        /* what the error column holds, for its note */
	struct column cols[NCOLS];
	int index[NCOLS]; /* position of each column, -1 when not printed */
	int ncols;
};

static void layout_init(struct layout *l, bool inference, bool unique, bool hardware, bool grid,
                        bool serve, bool text)
{
	l->ncols = 0;
	for (int c = 0; c < NCOLS; c++) {
		bool on = true;
		if (c == COL_PLAN)
			on = inference && text;
		else if (c == COL_T)
			on = inference && !text; /* one value for all rows: the footer says it */
		else if (c == COL_TOTAL || c == COL_SAVINGS)
			on = inference;
		else if (c == COL_U || c == COL_EPOCHS)
			on = unique;
		else if (c == COL_LR || c == COL_BATCH)
			on = l->hyper;
		else if (c == COL_HYPER_OUT)
			on = l->hyper && !text; /* text says it under the table */
		else if (c >= COL_STOCK && c <= COL_STOCK_HIGH)
			on = l->stock != NULL;
		else if (c == COL_ERROR)
			on = l->map != NULL;
		else if (c == COL_CO2E)
			on = hardware && grid;
		else if (c == COL_LIFE_USD || c == COL_USD_SAVINGS)
			on = serve;
		else if (c >= COL_USD_N)
			on = serve && !text;
		else if (c >= COL_GPU)
			on = hardware;
		l->index[c] = on ? l->ncols : -1;
		if (on)
			l->cols[l->ncols++] = c >= COL_STOCK && c <= COL_STOCK_HIGH
			                              ? stock_columns[c - COL_STOCK]
			                      : c == COL_ERROR ? downstream_column
			                                       : all_columns[c];
	}
}

static void put(const struct layout *l, struct cell *row, int col, struct cell v)
{
	if (l->index[col] >= 0)
		row[l->index[col]] = v;
}

/*
 * The plan that trains compute c on the hardware: the days at --gpus, or the
 * count for --days rounded up to whole accelerators and the days at it.
 */
static enum model_status hardware_plan(struct hardware *hw, double c, struct hw_plan *plan)
{
	enum model_status st;

	*plan = (struct hw_plan){.peak = hw->gpu->peak_flops,
	                         .mfu = hw->mfu,
	                         .budget = c,
	                         .price = hw->price,
	                         .watts = hw->watts,
	                         .pue = hw->pue};
	if (hw->count > 0) {
		plan->count = hw->count;
		return hw_solve(plan, HW_DAYS);
	}
	plan->days = hw->days;
	if ((st = hw_solve(plan, HW_COUNT)) != MODEL_OK)
		return st;
	double whole = hw_whole_count(plan->count);
	hw->rounded |= whole != plan->count;
	plan->count = whole;
	return hw_solve(plan, HW_DAYS);
}

/*
 * The run's dollars, MWh and CO2e: each missing (blank, null, '-') when its
 * price or power is unknown, never 0 dollars.
 */
static void put_cost(const struct layout *l, struct cell *row, const struct hw_plan *p, double grid)
{
	double usd, mwh, t;
	bool energy = hw_plan_energy(p, &mwh) == MODEL_OK;

	put(l, row, COL_USD, hw_plan_dollars(p, &usd) == MODEL_OK ? cell_num(usd) : cell_none());
	put(l, row, COL_MWH, energy ? cell_num(mwh) : cell_none());
	put(l, row, COL_CO2E,
	    energy && hw_co2e_tonnes(mwh, grid, &t) == MODEL_OK ? cell_num(t) : cell_none());
}

/* One row's lifetime dollars and, in CSV and JSON, the law's dollar optimum. */
struct lifetime {
	double usd;                       /* this row's model, trained and served */
	double savings;                   /* against the compute-optimal model of the loss */
	const struct lifecost_plan *plan; /* the dollar optimum's columns, or NULL */
};

static void put_lifetime(const struct layout *l, struct cell *row, const struct lifetime *life)
{
	if (life == NULL)
		return;
	put(l, row, COL_LIFE_USD, cell_num(life->usd));
	put(l, row, COL_USD_SAVINGS, cell_num(life->savings));
	if (life->plan == NULL)
		return;
	put(l, row, COL_USD_N, cell_num(life->plan->dollar.params));
	put(l, row, COL_USD_D, cell_num(life->plan->dollar.tokens));
	put(l, row, COL_USD_LIFE, cell_num(life->plan->dollar_usd));
	put(l, row, COL_USD_SAVED, cell_num(life->plan->savings));
}

/* With --stock, the epochs of d tokens over it (stock_cols.h). */
/* The near-optimal learning rate and batch at compute c, where the law gives them. */
static void put_hyper(const struct layout *l, struct cell *row, double c)
{
	struct hyper_point h;

	if (l->law_hyper == NULL || hyper_at_compute(l->law_hyper, c, &h) != MODEL_OK)
		return;
	put(l, row, COL_LR, cell_num(h.lr));
	put(l, row, COL_BATCH, cell_num(h.batch));
	put(l, row, COL_HYPER_OUT, cell_num(h.extrapolated));
}

static void put_stock(const struct layout *l, struct cell *row, double d)
{
	struct cell s[STOCK_NCOLS];

	if (l->stock == NULL)
		return;
	stock_cells(l->stock, d, s);
	for (int i = 0; i < STOCK_NCOLS; i++)
		put(l, row, COL_STOCK + i, s[i]);
}

static int add_row(struct table *t, const struct layout *l, const char *law, const char *plan,
                   const struct allocation *a, double u, const double *total, double savings,
                   double inference, struct hardware *hw, const struct lifetime *life)
{
	struct cell row[NCOLS];
	struct hw_plan p;

	for (int i = 0; i < NCOLS; i++)
		row[i] = cell_none();
	put_lifetime(l, row, life);
	put(l, row, COL_LAW, cell_text(law));
	put(l, row, COL_PLAN, cell_text(plan));
	put(l, row, COL_C, cell_num(a->compute));
	put(l, row, COL_N, cell_num(a->params));
	put(l, row, COL_D, cell_num(a->tokens));
	put(l, row, COL_TPP, cell_num(a->tokens / a->params));
	put(l, row, COL_L, a->has_loss ? cell_num(a->loss) : cell_none());
	put(l, row, COL_T, cell_num(inference));
	put(l, row, COL_TOTAL, total ? cell_num(*total) : cell_none());
	put(l, row, COL_SAVINGS, savings >= 0 ? cell_num(savings) : cell_none());
	put(l, row, COL_U, u > 0 ? cell_num(u) : cell_none());
	put(l, row, COL_EPOCHS, u > 0 ? cell_num(a->tokens / u) : cell_none());
	put_stock(l, row, a->tokens);
	put_hyper(l, row, a->compute);
	if (l->map != NULL)
		put(l, row, COL_ERROR, downstream_cell(l->map, a->has_loss, a->loss, l->ds));
	if (hw->gpu != NULL) {
		enum model_status st = hardware_plan(hw, a->compute, &p);
		if (st != MODEL_OK)
			return cli_error("%s on %s: %s", law, hw->gpu->id, model_strerror(st));
		put(l, row, COL_GPU, cell_text(hw->gpu->id));
		put(l, row, COL_NGPU, cell_num(p.count));
		put(l, row, COL_MFU, cell_num(p.mfu));
		put(l, row, COL_DAYS, cell_num(p.days));
		put(l, row, COL_GPU_HOURS, cell_num(hw_gpu_hours(&p)));
		put(l, row, COL_PF_DAYS, cell_num(hw_pf_days(p.budget)));
		put_cost(l, row, &p, hw->grid);
	}
	return table_add(t, row) < 0 ? cli_error("out of memory") : 0;
}

/*
 * A one-line reason why a target loss cannot be had under a law. The target
 * is --loss, or, when compute > 0, the compute-optimal loss of --compute
 * (with --inference-tokens): the message names the one that applies.
 */
static int loss_error(const struct preset *p, double loss, double compute, double u,
                      enum model_status st)
{
	const struct law *law = &p->law;
	char unique[32], target[256], c[32];

	if (compute > 0) {
		units_format_compute(compute, c, sizeof c);
		snprintf(target, sizeof target, "the target loss %g (%s's optimum at --compute %s)",
		         loss, p->id, c);
	} else {
		snprintf(target, sizeof target, "--loss %g", loss);
	}
	if (st == MODEL_EDOM && law->family != LAW_KAPLAN && loss <= law->E)
		return cli_error("%s is at or below %s's irreducible loss E = %.4f", target, p->id,
		                 law->E);
	if (st == MODEL_EDOM && u > 0) {
		units_format_count(u, unique, sizeof unique);
		return cli_error("%s is out of reach under %s with %s unique tokens, "
		                 "for budgets from 1e10 to 1e35 FLOPs",
		                 target, p->id, unique);
	}
	if (st == MODEL_EDOM && compute > 0)
		return cli_error("%s: counting the inference tokens, %s needs a training budget "
		                 "outside 1e10 to 1e35 FLOPs",
		                 p->id, target);
	if (st == MODEL_EDOM)
		return cli_error("%s is out of reach of budgets from 1e10 to 1e35 FLOPs "
		                 "under %s",
		                 target, p->id);
	return cli_error("%s: %s", p->id, model_strerror(st));
}

/* Why a law cannot answer this question, or NULL when it can. */
static const char *unfit(const struct cli *cli, const struct law *law, bool all)
{
	if (law->family == LAW_FRONTIER && (cli->given & OPT_LOSS))
		return "is a frontier law: it has no loss surface, so --loss means nothing to it "
		       "(use --compute)";
	if (law->family == LAW_FRONTIER && (cli->given & OPT_INFERENCE))
		return "is a frontier law: it has no loss surface to trade along "
		       "(--inference-tokens needs one)";
	/* with --law all, laws without U answer without it */
	if (!all && law->family != LAW_DATA_CONSTRAINED && (cli->given & OPT_UNIQUE))
		return "is not data-constrained: --unique-tokens needs a law such as "
		       "muennighoff2023";
	return NULL;
}

/* power_refused's answer besides 0 and EXIT_USAGE: a law --law all leaves out. */
#define SKIP_LAW (-1)

/*
 * Whether a law that fits less than L(N, D) can answer: a power law only
 * --compute C, and only where it fits N_opt(C); an exponent-only frontier
 * nothing. 0, SKIP_LAW with --law all (named under the table), else one
 * line naming what the law does fit and EXIT_USAGE.
 */
static int power_refused(const struct cli *cli, const struct preset *p, bool all)
{
	const struct law *law = &p->law;
	char fits[64];

	if (power_exponents_only(law))
		return all ? SKIP_LAW : power_exponents_refusal(p);
	if (law->family != LAW_POWER)
		return 0;
	/* the stocks count human text: an image's or a video's tokens are no such tokens */
	if (cli->stock != NULL && p->domain != PRESET_DOMAIN_LANGUAGE)
		return all ? SKIP_LAW
		           : cli_error("optimum: --stock counts text tokens; '%s' is a law of the "
		                       "%s domain",
		                       p->id, preset_domain_name(p->domain));
	power_fits_text(law, fits, sizeof fits);
	if (cli->given & (OPT_LOSS | OPT_PARAMS | OPT_TOKENS | OPT_INFERENCE | OPT_UNIQUE))
		return all ? SKIP_LAW
		           : cli_error("optimum: '%s' is a power law of one variable (%s): it "
		                       "answers --compute C alone",
		                       p->id, fits);
	if (!power_has_optimum(law))
		return all ? SKIP_LAW
		           : cli_error("optimum: '%s' fits %s, no N_opt(C): no allocation at a "
		                       "compute (isoflop loss --law %s --%s)",
		                       p->id, fits, p->id,
		                       power_has_compute(law) ? "compute C" : "params N");
	return 0;
}

/*
 * Why no budget makes x (--params or --tokens) compute-optimal under a law,
 * in one line.
 */
static int size_error(const struct cli *cli, const struct preset *p, double x, double u,
                      enum model_status st)
{
	bool params = cli->given & OPT_PARAMS;
	const char *name = params ? "--params" : "--tokens";
	char v[32], least[32], unique[64] = "";
	struct allocation a;

	units_format_count(x, v, sizeof v);
	if (st != MODEL_EDOM)
		return cli_error("%s: %s", p->id, model_strerror(st));
	if (optimum_at_compute(&p->law, LAW_COMPUTE_MIN, u, &a) == MODEL_OK &&
	    x < (params ? a.params : a.tokens)) {
		units_format_count(params ? a.params : a.tokens, least, sizeof least);
		return cli_error("%s %s is below %s's compute-optimal %s at the least budget, "
		                 "1e10 FLOPs (%s)",
		                 name, v, p->id, params ? "N" : "D", least);
	}
	if (u > 0) {
		units_format_count(u, least, sizeof least);
		snprintf(unique, sizeof unique, " with %s unique tokens", least);
	}
	return cli_error("%s %s is compute-optimal under %s%s for no budget up to 1e35 FLOPs", name,
	                 v, p->id, unique);
}

/* Sardana's k N D + 2 N T of a model, and its saving on the compute-optimal model's. */
static double flops_total(const struct allocation *a, double t)
{
	return a->compute + 2 * a->params * t;
}

/*
 * The inference rows priced: in text the compute-optimal, the FLOP-optimal
 * (Sardana) and the dollar-optimal model, each with its lifetime dollars; in
 * CSV and JSON the FLOP-optimal row with the dollar optimum in columns.
 */
static int lifetime_rows(const struct cli *cli, const struct preset *p, double loss, double u,
                         const struct layout *l, struct table *t, struct hardware *hw)
{
	struct lifecost_plan lp;
	enum model_status st;
	double T = cli->inference;
	int rc;

	if ((st = optimum_lifecost(&p->law, loss, u, T, &hw->life, &lp)) != MODEL_OK)
		return cli_error("%s: the dollar-optimal model at loss %g: %s", p->id, loss,
		                 model_strerror(st));
	const struct inference_plan *f = &lp.flops;
	double ch = lp.chinchilla_usd, dollar_total = flops_total(&lp.dollar, T);
	struct lifetime chl = {ch, 0, NULL}, awl = {lp.aware_usd, 1 - lp.aware_usd / ch, NULL};
	struct lifetime dl = {lp.dollar_usd, lp.savings, NULL};

	if (cli->format != FORMAT_TEXT) {
		awl.plan = &lp;
		return add_row(t, l, p->id, NULL, &f->aware, u, &f->aware_total, f->savings, T, hw,
		               &awl);
	}
	if ((rc = add_row(t, l, p->id, "compute-optimal", &f->chinchilla, u, &f->chinchilla_total,
	                  -1, T, hw, &chl)) != 0 ||
	    (rc = add_row(t, l, p->id, "inference-aware", &f->aware, u, &f->aware_total, f->savings,
	                  T, hw, &awl)) != 0)
		return rc;
	return add_row(t, l, p->id, "USD-optimal (derived)", &lp.dollar, u, &dollar_total,
	               1 - dollar_total / f->chinchilla_total, T, hw, &dl);
}

/*
 * One law's row for one question: the budget compute (--compute, or fixed
 * by --gpus and --days), --loss when compute is 0, or --params / --tokens.
 * *spent is the row's budget, for the notes under the table.
 */
static int one_law(const struct cli *cli, double compute, const struct preset *p,
                   const struct layout *l, struct table *t, struct hardware *hw, double *spent)
{
	const struct law *law = &p->law;
	double u = law->family == LAW_DATA_CONSTRAINED ? cli->unique : 0;
	struct allocation a;
	enum model_status st;

	*spent = compute;
	if (cli->given & (OPT_PARAMS | OPT_TOKENS)) {
		bool params = cli->given & OPT_PARAMS;
		double x = params ? cli->params : cli->tokens;
		st = optimum_for_size(law, params ? OPTIMUM_PARAMS : OPTIMUM_TOKENS, x, u, &a);
		if (st != MODEL_OK)
			return size_error(cli, p, x, u, st);
		*spent = a.compute;
		return add_row(t, l, p->id, NULL, &a, u, NULL, -1, 0, hw, NULL);
	}
	if (!(cli->given & OPT_INFERENCE)) {
		st = compute > 0 ? optimum_at_compute(law, compute, u, &a)
		                 : optimum_for_loss(law, cli->loss, u, &a);
		if (st != MODEL_OK)
			return cli->given & OPT_LOSS
			               ? loss_error(p, cli->loss, 0, u, st)
			               : cli_error("%s: %s", p->id, model_strerror(st));
		return add_row(t, l, p->id, NULL, &a, u, NULL, -1, 0, hw, NULL);
	}

	/* the target loss: given, or the compute-optimal loss of the budget */
	double target = cli->loss, from_compute = 0;
	if (compute > 0) {
		from_compute = compute;
		if ((st = optimum_at_compute(law, compute, u, &a)) != MODEL_OK)
			return cli_error("%s: %s", p->id, model_strerror(st));
		target = a.loss;
	}
	struct inference_plan plan;
	if ((st = optimum_inference(law, target, u, cli->inference, &plan)) != MODEL_OK)
		return loss_error(p, target, from_compute, u, st);
	if (hw->life.serve_mfu > 0)
		return lifetime_rows(cli, p, target, u, l, t, hw);
	int rc;
	if (cli->format == FORMAT_TEXT &&
	    (rc = add_row(t, l, p->id, "compute-optimal", &plan.chinchilla, u,
	                  &plan.chinchilla_total, -1, plan.inference_tokens, hw, NULL)) != 0)
		return rc;
	return add_row(t, l, p->id, "inference-aware", &plan.aware, u, &plan.aware_total,
	               plan.savings, plan.inference_tokens, hw, NULL);
}

/* What --serve-mfu and --serve-price need besides themselves: here, the training's accelerator too.
 */
static int serve_options(const struct cli *cli)
{
	int rc;

	if ((rc = cli_serve_options(cli)) != 0 || !(cli->given & OPT_SERVE))
		return rc;
	if (!(cli->given & OPT_GPU))
		return cli_error("--serve-mfu needs --gpu ID and --mfu F, the accelerator and the "
		                 "training MFU (isoflop presets accelerators lists them)");
	return 0;
}

/*
 * Serving's terms into hw->life: the training accelerator's peak at
 * --serve-mfu, and --serve-price or else the training price.
 */
static int serving(const struct cli *cli, struct hardware *hw)
{
	if (!(cli->given & OPT_SERVE_MFU))
		return 0;
	if (!(hw->price > 0))
		return cli_error("lifetime dollars need a price: %s has none; give --price USD an "
		                 "accelerator-hour",
		                 hw->gpu->id);
	hw->life = (struct lifecost){.peak = hw->gpu->peak_flops,
	                             .train_mfu = hw->mfu,
	                             .train_price = hw->price,
	                             .serve_mfu = cli->serve_mfu,
	                             .serve_price = cli->given & OPT_SERVE_PRICE ? cli->serve_price
	                                                                         : hw->price};
	return 0;
}

/*
 * Check the hardware options and resolve them into hw. With --gpus and
 * --days they fix the budget, which then stands for --compute in *compute.
 */
static int hardware_options(const struct cli *cli, struct hardware *hw, double *compute)
{
	bool gpus = cli->given & OPT_GPUS, days = cli->given & OPT_DAYS;
	bool budget = cli->given & (OPT_COMPUTE | OPT_LOSS | OPT_PARAMS | OPT_TOKENS);
	char c[32], peak[32];
	int rc;

	memset(hw, 0, sizeof *hw);
	if ((rc = serve_options(cli)) != 0)
		return rc;
	if (!(cli->given & (OPT_GPU | OPT_GPUS | OPT_MFU | OPT_DAYS | OPT_COST)))
		return 0;
	if (!(cli->given & OPT_GPU))
		return cli_error("--gpus, --mfu, --days, --price, --watts, --pue and --grid need "
		                 "--gpu ID, the accelerator (isoflop presets accelerators lists "
		                 "them)");
	if (!(cli->given & OPT_MFU))
		return cli_error("--gpu needs --mfu F, the share of the peak FLOP/s the run turns "
		                 "into model FLOPs, such as 0.4 (no default: it depends on the "
		                 "model, the code and the cluster)");
	const struct catalog_entry *e = catalog_accelerator(cli->catalog, cli->gpu);
	if (e == NULL)
		return cli_error("unknown accelerator '%s' (isoflop presets accelerators lists "
		                 "them)",
		                 cli->gpu);
	if (budget && gpus && days)
		return cli_error("give two of --compute (or --loss), --gpus and --days: the third "
		                 "follows from them");
	if (budget && !gpus && !days)
		return cli_error(
		        "with --gpu and --mfu, give --gpus N (the days follow) or --days D "
		        "(the count follows)");
	if (!budget && !(gpus && days))
		return cli_error("optimum needs --compute C, --loss L, --params N or --tokens D, "
		                 "or --gpus N and --days D (with --gpu and --mfu)");
	*hw = (struct hardware){.gpu = &e->preset,
	                        .mfu = cli->mfu,
	                        .count = gpus ? (double)cli->gpus : 0,
	                        .days = cli->days,
	                        .price = cli->given & OPT_PRICE ? cli->price : e->preset.price,
	                        .watts = cli->given & OPT_WATTS ? cli->watts : e->preset.watts,
	                        .priced = cli->given & OPT_PRICE,
	                        .serve_priced = cli->given & OPT_SERVE_PRICE,
	                        .pue = cli->given & OPT_PUE ? cli->pue : 1,
	                        .grid = cli->given & OPT_GRID ? cli->grid : 0};
	if ((rc = serving(cli, hw)) != 0)
		return rc;
	if (budget)
		return 0;
	struct hw_plan p = {
	        .peak = hw->gpu->peak_flops, .count = hw->count, .mfu = hw->mfu, .days = hw->days};
	enum model_status st = hw_solve(&p, HW_BUDGET);
	if (st != MODEL_OK || p.budget < LAW_COMPUTE_MIN || p.budget > LAW_COMPUTE_MAX) {
		units_format_compute(p.budget, c, sizeof c);
		units_format_compute(hw->gpu->peak_flops, peak, sizeof peak);
		return cli_error("%ld x %s FLOP/s (%s) x %g MFU x %g days is %s FLOPs: a budget "
		                 "must lie between 1e10 and 1e35",
		                 cli->gpus, peak, hw->gpu->id, hw->mfu, hw->days,
		                 st == MODEL_OK ? c : "over 1e308");
	}
	*compute = p.budget;
	return 0;
}

/* The laws a footnote names: what each row's numbers are, where it is not plain. */
struct notes {
	char derived[256];   /* Kaplan's Eq. 1.5: the optimum is isoflop's derivation */
	char c_min[256];     /* a frontier fitted in C_min, read at a share of the budget */
	double c_min_share;  /* that share (the last such law's) */
	char broken[256];    /* an optimum below the law's breakdown loss */
	double broken_at;    /* that loss (the last such law's) */
	char overspent[256]; /* a frontier whose N and D fits do not multiply back to C */
	char power[512];     /* power laws: N_opt(C) fitted, D derived, loss their L(C) */
	char skipped[512];   /* --law all: laws with no allocation at a compute */
	char hyper_out[256]; /* eta_opt and B_opt read outside the compute they were fitted on */
	const struct hyper_law *hyper; /* the last law's with such a relation, for its footer */
	double k; /* the laws' FLOPs per parameter per token; -1 when they differ */
	struct beyond_notes beyond; /* optima past their law's fitted range */
};

/* Where a law's learning rate and batch come from, and whether they are extrapolated. */
static void note_hyper(double compute, const struct preset *p, struct notes *nt)
{
	struct hyper_point h;

	if (!hyper_given(&p->hyper))
		return;
	nt->hyper = &p->hyper;
	if (hyper_at_compute(&p->hyper, compute, &h) == MODEL_OK && h.extrapolated &&
	    !strstr(nt->hyper_out, p->id))
		cli_append_id(nt->hyper_out, sizeof nt->hyper_out, p->id);
}

/* What one law's row needs said under the table. */
static void note_law(const struct cli *cli, double compute, const struct preset *p,
                     struct notes *nt)
{
	const struct law *law = &p->law;
	struct allocation a;

	nt->k = nt->k == 0 || nt->k == law->k ? law->k : -1;
	note_hyper(compute, p, nt);
	if (law_optimum_derived(law))
		cli_append_id(nt->derived, sizeof nt->derived, p->id);
	if (law->family == LAW_POWER && !strstr(nt->power, p->id))
		cli_append_id(nt->power, sizeof nt->power, p->id);
	if (law->family == LAW_FRONTIER && law->frontier.c_min) {
		cli_append_id(nt->c_min, sizeof nt->c_min, p->id);
		nt->c_min_share = law_frontier_compute(law, 1);
	}
	if (!(compute > 0) || (cli->given & OPT_INFERENCE) ||
	    optimum_at_compute(law, compute, cli->unique, &a) != MODEL_OK)
		return;
	if (a.has_loss && law->breakdown_loss > 0 && a.loss < law->breakdown_loss) {
		cli_append_id(nt->broken, sizeof nt->broken, p->id);
		nt->broken_at = law->breakdown_loss;
	}
	if (fabs(law_compute(law, a.params, a.tokens) / compute - 1) > 0.01)
		cli_append_id(nt->overspent, sizeof nt->overspent, p->id);
	beyond_note(&nt->beyond, p->id, law, a.params, a.tokens, compute);
}

/* Where lr and batch come from: the relation, its fitted compute, the laws read beyond it. */
static void print_hyper_note(const struct notes *nt)
{
	char lo[16], hi[16];

	units_format_compute(nt->hyper->compute.lo, lo, sizeof lo);
	units_format_compute(nt->hyper->compute.hi, hi, sizeof hi);
	printf("lr, batch: peak learning rate and tokens per step (%s), fitted on\n"
	       "%s to %s FLOPs%s%s.\n",
	       nt->hyper->label, lo, hi,
	       nt->hyper_out[0] ? "; extrapolated in the rows outside it: " : "", nt->hyper_out);
}

static void print_notes(const struct notes *nt)
{
	if (nt->derived[0])
		printf("Optimum derived by isoflop from Eq. 1.5 at C = 6ND, not Kaplan's own\n"
		       "(Table 6 is kaplan2020-frontier): %s.\n",
		       nt->derived);
	if (nt->c_min[0])
		printf("Fitted in C_min, read at C_min = %g C (Kaplan 2020 sec. 5.1; Hoffmann\n"
		       "2022 App. D.4), with D = C/(6N): %s.\n",
		       nt->c_min_share, nt->c_min);
	if (nt->broken[0])
		printf("Loss below %g, where Kaplan says the laws break down (sec. 6.3): %s.\n",
		       nt->broken_at, nt->broken);
	if (nt->overspent[0])
		printf("6ND differs from the budget by over 1%% (separate N and D fits): %s.\n",
		       nt->overspent);
	if (nt->power[0])
		printf("Power laws fit N_opt(C) alone: D = C/(kN) is derived and the loss is\n"
		       "their L(C): %s.\n",
		       nt->power);
	if (nt->hyper != NULL)
		print_hyper_note(nt);
	if (nt->skipped[0])
		printf("Left out, as their fits cannot answer this (L(N) or L(C) alone, or\n"
		       "exponents only): %s.\n",
		       nt->skipped);
	beyond_print(&nt->beyond);
}

/* Where the dollars and MWh come from, and what they leave out. */
static void cost_footer(const struct hardware *hw)
{
	if (hw->price > 0)
		printf("USD = GPU-hours x $%g an hour (%s).\n", hw->price,
		       !hw->priced ? "the preset's on-demand list price" : "--price");
	else
		printf("USD unknown: %s has no price; give --price USD an accelerator-hour.\n",
		       hw->gpu->id);
	if (hw->watts > 0)
		printf("MWh = GPU-hours x %g W x PUE %g%s.\n", hw->watts, hw->pue,
		       hw->pue == 1 ? " (the accelerators alone)" : "");
	else
		printf("MWh unknown: %s has no power figure; give --watts W.\n", hw->gpu->id);
	if (hw->grid > 0)
		printf("t CO2e = MWh x %g kg CO2e per kWh (--grid).\n", hw->grid);
}

/* What the hardware columns mean, under the table people read. */
static void hardware_footer(const struct hardware *hw)
{
	char peak[32];

	units_format_compute(hw->gpu->peak_flops, peak, sizeof peak);
	printf("compute = count x peak x MFU x 86,400 s x days; %s: %s, %s FLOP/s (dense BF16).\n",
	       hw->gpu->id, hw->gpu->name, peak);
	if (hw->count == 0)
		printf("The count for %g days is rounded up to whole accelerators%s.\n", hw->days,
		       hw->rounded ? "; days are those at that count" : "");
	cost_footer(hw);
}

/*
 * How the lifetime dollars are priced, or what they need. No serving MFU is
 * assumed: it runs from a few per cent (decoding one sequence at a time) to
 * about training's (large batches), and the answer moves with it.
 */
static void lifetime_footer(const struct hardware *hw, const char *served, const char *train)
{
	const struct lifecost *c = &hw->life;

	if (!(c->serve_mfu > 0)) {
		printf("Lifetime dollars need --serve-mfu F, the share of the peak serving turns "
		       "into\nmodel FLOPs (no default: it depends on the batch and the serving "
		       "stack).\n");
		return;
	}
	printf("lifetime USD = %s FLOPs at MFU %g and $%g an hour (training)\n"
	       "+ 2N x %s tokens at MFU %g and $%g an hour (serving, %s).\n"
	       "USD-optimal, derived by isoflop (not in Sardana et al.): their optimum with\n"
	       "T x %.4g, (serve price / price) x (MFU / serve MFU); USD saved against the\n"
	       "compute-optimal model of the same loss.\n",
	       train, c->train_mfu, c->train_price, served, c->serve_mfu, c->serve_price,
	       hw->serve_priced ? "--serve-price" : "the training price",
	       c->serve_price / c->train_price * (c->train_mfu / c->serve_mfu));
}

/* Training's FLOPs as the laws shown count them: "6ND" with their k, "kND" when theirs differ. */
static const char *training_flops(const struct notes *nt, char *buf, size_t size)
{
	if (!(nt->k > 0))
		return "kND (each law's k)";
	snprintf(buf, size, "%gND", nt->k);
	return buf;
}

/*
 * Under the table, after the laws' notes: what serving adds, the caution
 * across laws, and what the hardware columns and the dollars count.
 */
static void serving_footers(const struct cli *cli, const struct notes *nt,
                            const struct hardware *hw, int shown)
{
	char served[32], kb[32];
	const char *train = training_flops(nt, kb, sizeof kb);

	units_format_count(cli->inference, served, sizeof served);
	if (cli->given & OPT_INFERENCE)
		printf("Serving %s tokens: total = training %s + inference 2N FLOPs per "
		       "token;\nsavings against the compute-optimal model of the same "
		       "loss.\n",
		       served, train);
	if (shown > 1)
		printf("Laws measure loss on different data: compare rows within a law, "
		       "not across laws.\n");
	if (hw->gpu != NULL)
		hardware_footer(hw);
	if (hw->gpu != NULL && (cli->given & OPT_INFERENCE))
		lifetime_footer(hw, served, train);
}

/* The one question optimum answers: a budget, a loss, a size; 0 or an error. */
static int one_question(const struct cli *cli)
{
	unsigned long long asked = cli->given & (OPT_COMPUTE | OPT_LOSS | OPT_PARAMS | OPT_TOKENS);

	if (asked & (asked - 1))
		return cli_error("optimum needs one of --compute C, --loss L, --params N or "
		                 "--tokens D");
	if ((asked & (OPT_PARAMS | OPT_TOKENS)) && (cli->given & OPT_INFERENCE))
		return cli_error("--inference-tokens asks for a loss's cheapest model: give "
		                 "--compute C or --loss L, not --%s",
		                 asked & OPT_PARAMS ? "params" : "tokens");
	return 0;
}

/*
 * Every row of one law: one per budget of a --compute list or range, else
 * the one question. Stops at the first row the law cannot answer.
 */
static int law_rows(const struct cli *cli, double compute, const struct preset *p,
                    const struct layout *l, struct table *t, struct hardware *hw,
                    struct notes *notes)
{
	int rows = cli->given & OPT_COMPUTE ? cli->nbudgets : 1, rc;
	double spent;

	for (int j = 0; j < rows; j++) {
		double c = cli->given & OPT_COMPUTE ? cli->budgets[j] : compute;
		if ((rc = one_law(cli, c, p, l, t, hw, &spent)) != 0)
			return rc;
		note_law(cli, spent, p, notes);
	}
	return 0;
}

/* --stock ID into *st and l->stock, or one line and EXIT_USAGE; l->stock NULL without it. */
static int stock_option(const struct cli *cli, struct stock_numbers *st, struct layout *l)
{
	l->stock = NULL;
	if (cli->stock == NULL)
		return 0;
	if (cli_stock(cli, cli->stock, st) != 0)
		return EXIT_USAGE;
	l->stock = st;
	return 0;
}

int cmd_optimum(const struct cli *cli)
{
	struct stock_numbers stock;
	const struct catalog_entry *laws[256];
	struct layout l;
	struct table t;
	int rc, nlaws, shown = 0;
	bool all = cli->law != NULL && strcmp(cli->law, "all") == 0;
	bool any_frontier = false;
	char non_embedding[512] = "";
	struct hardware hw;
	struct notes notes = {0};
	double compute = cli->given & OPT_COMPUTE ? cli->compute : 0;
	struct downstream_rows ds = {0, false};

	if (cli->nargs > 0)
		return cli_error("optimum takes no operand '%s'", cli->args[0]);
	if ((rc = one_question(cli)) != 0 || (rc = hardware_options(cli, &hw, &compute)) != 0 ||
	    (rc = stock_option(cli, &stock, &l)) != 0 || (rc = cli_downstream(cli, &l.map)) != 0)
		return rc;
	l.ds = &ds;
	if (!(compute > 0) && !(cli->given & (OPT_LOSS | OPT_PARAMS | OPT_TOKENS)))
		return cli_error("optimum needs one of --compute C, --loss L, --params N or "
		                 "--tokens D");
	if (compute > 0 && (compute < LAW_COMPUTE_MIN || compute > LAW_COMPUTE_MAX))
		return cli_error("--compute must lie between 1e10 and 1e35 FLOPs");
	if ((nlaws = cli_laws(cli, laws, 256)) < 0)
		return EXIT_USAGE;

	l.hyper = false; /* the columns only where a law that answers has them */
	for (int i = 0; i < nlaws; i++)
		l.hyper |= hyper_given(&laws[i]->preset.hyper) &&
		           unfit(cli, &laws[i]->preset.law, all) == NULL;
	layout_init(&l, cli->given & OPT_INFERENCE, cli->given & OPT_UNIQUE, hw.gpu != NULL,
	            cli->given & OPT_GRID, hw.life.serve_mfu > 0, cli->format == FORMAT_TEXT);
	table_init(&t, l.cols, l.ncols);
	for (int i = 0; i < nlaws; i++) {
		const struct preset *p = &laws[i]->preset;
		const char *why = unfit(cli, &p->law, all);

		if ((rc = power_refused(cli, p, all)) == SKIP_LAW) {
			cli_append_id(notes.skipped, sizeof notes.skipped, p->id);
			continue;
		}
		if (rc != 0) {
			table_free(&t);
			return rc;
		}
		if (why != NULL && all)
			continue;
		if (why != NULL) {
			table_free(&t);
			return cli_error("'%s' %s", p->id, why);
		}
		l.law_hyper = hyper_given(&p->hyper) ? &p->hyper : NULL;
		if ((rc = law_rows(cli, compute, p, &l, &t, &hw, &notes)) != 0) {
			if (!all) {
				table_free(&t);
				return rc;
			}
			continue; /* its one-line reason is on stderr; the others still answer */
		}
		any_frontier |= p->law.family == LAW_FRONTIER;
		if (p->law.non_embedding)
			cli_append_id(non_embedding, sizeof non_embedding, p->id);
		shown++;
	}
	table_print(&t, cli->format, stdout);
	table_free(&t);
	if (cli->format == FORMAT_TEXT) {
		if (any_frontier)
			printf("Frontier laws give allocations only: they have no loss.\n");
		if (non_embedding[0])
			printf("Non-embedding parameters only: %s.\n", non_embedding);
		print_notes(&notes);
		serving_footers(cli, &notes, &hw, shown);
		downstream_note(l.map, &ds);
	}
	return shown > 0 ? 0 : EXIT_USAGE;
}
