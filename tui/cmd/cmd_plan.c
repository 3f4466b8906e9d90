/*
 * cmd_plan.c: `isoflop plan`: an IsoFLOP sweep proposed for a budget of
 * FLOPs, with a law as the truth: the runs on the truth's map, their table
 * and cost, the simulated error of fitting them (model/plan.c) and the next
 * run that narrows N* at the target most per FLOP. With --runs FILE the
 * truth is the fit of the user's runs, which stay in every simulated sweep
 * (trained already, their noise drawn at their own points), the new budgets
 * lie above theirs and the next run is the sweep's run to train first. CSV
 * is the runs, one a row, for a scheduler; JSON is the runs and the summary.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../model/optimum.h"
#include "../../model/plan.h"
#include "../../model/units.h"
#include "../plot/canvas.h"
#include "../plot/map.h"
#include "cli.h"
#include "runs_law.h"

/* Replicas simulated unless --replicas says: the 200 fits. */
#define PLAN_DEFAULT_REPLICAS 200

/* What the command was asked and what it found. */
struct plan_job {
	const struct preset *law;
	double budget, target, noise;
	int replicas;
	unsigned long seed;
	struct runs_law user;  /* --runs: the user's runs and their fit; user.n 0 without */
	struct plan_run *base; /* the user's runs, then the sweep's: what is simulated */
	double above;          /* the user's largest C; 0 without --runs */
	bool noise_from_fit;   /* --runs without --noise: the runs' own scatter */
	int asked;             /* budgets the design asked for (--budgets or the default) */
	bool asked_given;      /* --budgets gave them */
	bool law_default;      /* no --law nor --runs: the default law is the truth */
	struct plan_sweep sweep;
	struct plan_summary alone; /* the user's runs alone (--runs) */
	struct plan_summary sum;
	double *e2; /* per replica: N*'s squared error before the next run (alone, or the sweep) */
	struct plan_candidate cands[PLAN_MAX_CANDIDATES];
	int ncands, best; /* best: the suggested candidate, or -1 */
};

/* The user's runs as plan runs, first in the simulated sweep; their largest C. */
static int keep_user_runs(struct plan_job *j)
{
	double k = j->law->law.k;

	j->base = malloc(sizeof *j->base * (j->user.n + PLAN_MAX_RUNS));
	if (j->base == NULL)
		return cli_error("out of memory");
	for (size_t i = 0; i < j->user.n; i++) {
		const struct fit_run *r = &j->user.runs[i];
		double c = k * r->params * r->tokens;
		j->base[i] = (struct plan_run){-1, c, r->params, r->tokens, c, 0};
		j->above = fmax(j->above, c);
	}
	return 0;
}

/* --runs FILE: its fit is the truth (runs_law.c refuses runs that give none). */
static int truth_of_runs(const struct cli *cli, struct plan_job *j)
{
	int rc;

	if (cli->given & OPT_LAW)
		return cli_error("plan: --runs FILE makes the fit of your runs the truth; --law "
		                 "names another: give one of them");
	if ((rc = runs_law_load(cli, "plan from", &j->user)) != 0)
		return rc;
	j->law = &catalog_law(cli->catalog, j->user.id)->preset;
	return keep_user_runs(j);
}

/* The truth law: one, with a loss surface L(N, D) to simulate runs from. */
static int find_truth(const struct cli *cli, struct plan_job *j)
{
	const struct catalog_entry *laws[1];

	if (cli->given & OPT_RUNS)
		return truth_of_runs(cli, j);

	if (cli->law != NULL && strcmp(cli->law, "all") == 0)
		return cli_error("plan takes one law as the truth: --law ID (isoflop presets laws "
		                 "lists them)");
	if (cli_laws(cli, laws, 1) < 0)
		return EXIT_USAGE;
	j->law = &laws[0]->preset;
	j->law_default = !(cli->given & OPT_LAW);
	if (!law_has_surface(&j->law->law))
		return cli_error("plan: '%s' is a %s law: the simulation needs a loss surface L(N, "
		                 "D) as the truth (try --law " CLI_DEFAULT_LAW ")",
		                 j->law->id, preset_family_name(j->law->law.family));
	return 0;
}

/* --budget and --target, both required, and the simulation's settings. */
static int read_numbers(const struct cli *cli, struct plan_job *j)
{
	if (!(cli->given & OPT_BUDGET))
		return cli_error("plan needs --budget FLOPS: the FLOPs the whole sweep may spend");
	if (!(cli->given & OPT_TARGET))
		return cli_error("plan needs --target C: the compute (FLOPs) whose N* the sweep "
		                 "is to predict");
	if (!(cli->target >= LAW_COMPUTE_MIN && cli->target <= LAW_COMPUTE_MAX))
		return cli_error("plan: --target %g is not a compute from %g to %g FLOPs",
		                 cli->target, LAW_COMPUTE_MIN, LAW_COMPUTE_MAX);
	j->budget = cli->plan_budget;
	j->target = cli->target;
	j->noise = (cli->given & OPT_NOISE) ? cli->noise : PLAN_DEFAULT_NOISE;
	if (j->user.n > 0 && !(cli->given & OPT_NOISE)) {
		if (j->user.n <= FIT_CONSTANTS)
			return cli_error("%s: %zu runs leave no degree of freedom for their "
			                 "scatter about a fit of %d constants: give --noise",
			                 cli->runs, j->user.n, FIT_CONSTANTS);
		j->noise = plan_residual_rms(&j->law->law, j->user.runs, j->user.n);
		j->noise_from_fit = true;
		if (!(j->noise <= PLAN_MAX_NOISE))
			return cli_error(
			        "%s: the runs scatter %.3g in log loss about their fit, more "
			        "than %g: too noisy to plan from (give --noise to "
			        "override)",
			        cli->runs, j->noise, PLAN_MAX_NOISE);
	}
	j->replicas = (cli->given & OPT_REPLICAS) ? (int)cli->replicas : PLAN_DEFAULT_REPLICAS;
	j->seed = cli_seed(cli);
	return 0;
}

/*
 * With --runs, the target against them, before any budget is weighed (no
 * budget mends a target): above their range, and above PLAN_ABOVE x their
 * largest, where new budgets start; the bound named is rounded up, so that
 * given back it passes.
 */
static int check_target(const struct cli *cli, const struct plan_job *j)
{
	char target[32], top[32], least[32];

	if (j->above <= 0)
		return 0;
	units_format_compute(j->target, target, sizeof target);
	units_format_compute(j->above, top, sizeof top);
	if (!(j->target > j->above))
		return cli_error("plan: --target %s is inside your runs' range (up to %s FLOPs): "
		                 "their fit already covers N* there (isoflop fit %s); a sweep is "
		                 "for a --target above it",
		                 target, top, cli->runs);
	double bar = PLAN_ABOVE * j->above;
	if (!(j->target > bar)) {
		units_format_exact(units_round_up(nextafter(bar, INFINITY), 3), 3, least,
		                   sizeof least);
		return cli_error("plan: --target %s is not above %gx your largest run (%s FLOPs), "
		                 "where new budgets start: give --target %s or more",
		                 target, PLAN_ABOVE, top, least);
	}
	return 0;
}

/* Why no sweep fits the budget without --runs, in one line. */
static int refuse_budget(const struct plan_job *j, const char *given, double need)
{
	const struct plan_design *u = &j->sweep.design;
	char least[32], floor[32], small[32], low[32], cmin[32], cmax[32];

	units_format_count(j->sweep.floor, floor, sizeof floor);
	units_format_compute(LAW_COMPUTE_MIN, cmin, sizeof cmin);
	units_format_compute(LAW_COMPUTE_MAX, cmax, sizeof cmax);
	if (!isfinite(need))
		return cli_error("plan: no --budget gives %d budgets x %d sizes with every run at "
		                 "N >= %s and every budget within %s to %s FLOPs, the compute "
		                 "isoflop takes: give fewer --budgets or --sizes",
		                 u->budgets, u->sizes, floor, cmin, cmax);
	units_format_compute(need, least, sizeof least);
	if (j->sweep.unreached > 0 && j->sweep.unreached < LAW_COMPUTE_MIN) {
		units_format_compute(j->sweep.unreached, low, sizeof low);
		return cli_error("plan: --budget %s FLOPs is too small for %d budgets x %d sizes: "
		                 "the smallest budget would be %s FLOPs, below %s, the least "
		                 "compute isoflop takes a law at; give --budget %s or more",
		                 given, u->budgets, u->sizes, low, cmin, least);
	}
	units_format_count(j->sweep.nruns ? j->sweep.runs[0].params : 0, small, sizeof small);
	return cli_error("plan: --budget %s FLOPs is too small for %d budgets x %d sizes: the "
	                 "smallest run would have N = %s, below %s (%s); give --budget %s "
	                 "or more",
	                 given, u->budgets, u->sizes, small, floor,
	                 j->law->law.params.lo > 0 ? "where the law was fitted"
	                                           : "the smallest sensible run",
	                 least);
}

/* The sweep for the budget, or the one line that says why there is none. */
static int propose(const struct cli *cli, struct plan_job *j)
{
	struct plan_design d = {.budgets = (cli->given & OPT_NBUDGETS) ? (int)cli->plan_budgets : 0,
	                        .sizes = (cli->given & OPT_SIZES) ? (int)cli->sizes : 0};
	char least[32], top[32], given[64], target[32];
	double need;
	int rc;

	if ((rc = check_target(cli, j)) != 0)
		return rc;
	j->asked = d.budgets > 0 ? d.budgets : PLAN_DEFAULT_BUDGETS;
	j->asked_given = d.budgets > 0;
	units_format_exact(j->budget, 17, given, sizeof given);
	units_format_compute(j->target, target, sizeof target);
	enum model_status st =
	        plan_propose_above(&j->law->law, j->budget, j->above, &d, &j->sweep, &need);
	if (st != MODEL_OK && j->above > 0) {
		units_format_compute(j->above, top, sizeof top);
		if (!isfinite(need))
			return cli_error(
			        "plan: no --budget gives %d new runs at %gx your largest "
			        "budget, %s FLOPs, within the compute isoflop takes (to %g "
			        "FLOPs): give fewer --sizes",
			        j->sweep.design.sizes, PLAN_ABOVE, top, LAW_COMPUTE_MAX);
		units_format_compute(need, least, sizeof least);
		return cli_error("plan: --budget %s FLOPs is too small for %d new runs at %gx "
		                 "your largest budget, %s FLOPs: give --budget %s or more",
		                 given, j->sweep.design.sizes, PLAN_ABOVE, top, least);
	}
	if (st != MODEL_OK)
		return refuse_budget(j, given, need);
	if (!(j->target > j->sweep.budgets[j->sweep.nbudgets - 1])) {
		units_format_compute(j->sweep.budgets[j->sweep.nbudgets - 1], top, sizeof top);
		return cli_error("plan: --target %s is not above the sweep's largest budget, %s "
		                 "FLOPs: give a larger --target or a smaller --budget",
		                 target, top);
	}
	return 0;
}

/* With --runs: the user's runs alone, then with the sweep, then each first run. */
static int simulate_with_runs(struct plan_job *j)
{
	const struct law *t = &j->law->law;
	int n = (int)j->user.n;

	memcpy(j->base + n, j->sweep.runs, sizeof *j->base * (size_t)j->sweep.nruns);
	if (plan_simulate_paired(t, j->base, n, j->target, j->noise, j->replicas, j->seed,
	                         &j->alone, j->e2) != 0 ||
	    plan_simulate(t, j->base, n + j->sweep.nruns, j->target, j->noise, j->replicas, j->seed,
	                  &j->sum) != 0)
		return cli_error("plan: the fit of your runs gives no N* at %g FLOPs to simulate "
		                 "against",
		                 j->target);
	j->ncands = plan_suggest_first(t, j->base, n, &j->sweep, j->target, j->noise, j->replicas,
	                               j->seed, j->alone.nstar.rms, j->e2, j->cands, &j->best);
	return j->ncands < 0 ? cli_error("out of memory") : 0;
}

/* The simulation of the sweep, then of each candidate next run. */
static int simulate(struct plan_job *j)
{
	const struct law *t = &j->law->law;

	j->e2 = malloc(sizeof *j->e2 * (size_t)j->replicas);
	if (j->e2 == NULL)
		return cli_error("out of memory");
	if (j->user.n > 0)
		return simulate_with_runs(j);
	if (plan_simulate_paired(t, j->sweep.runs, j->sweep.nruns, j->target, j->noise, j->replicas,
	                         j->seed, &j->sum, j->e2) != 0)
		return cli_error("plan: '%s' gives no N* at %g FLOPs to simulate against",
		                 j->law->id, j->target);
	j->ncands = plan_suggest(t, &j->sweep, j->target, j->noise, j->replicas, j->seed,
	                         j->sum.nstar.rms, j->e2, j->cands, &j->best);
	if (j->ncands < 0)
		return cli_error("out of memory");
	return 0;
}

/* ---- the runs as a table ---- */

static const struct column run_cols[] = {
        {"kind", "run", COL_TEXT, false},
        {"budget", "budget C", COL_COMPUTE, false},
        {"params", "N", COL_RUNS, false},
        {"tokens", "D", COL_RUNS, false},
        {"flops", "FLOPs 6ND", COL_COMPUTE, false},
        {"cumulative", "cumulative", COL_COMPUTE, false},
};
#define RUN_NCOLS ((int)(sizeof run_cols / sizeof *run_cols))

/* A run's kind: for people (first) and for a machine (second). */
enum run_kind { RUN_EXISTING, RUN_PROPOSED, RUN_NEXT, RUN_NEXT_EXTRA, RUN_NOISY, RUN_NOISY_EXTRA };
/*
 * The best candidate whose gain is within the simulation's noise stays a
 * "next" row for scripts (the CSV and JSON keep it: the summary's
 * next_in_noise says so) but is not named the next run for people.
 */
static const char *const kind_names[][2] = {
        {"yours", "existing"},       {"proposed", "proposed"},
        {"next <- first", "next"},   {"next, beyond budget", "next"},
        {"best (in noise)", "next"}, {"in noise, beyond budget", "next"},
};

/*
 * Whether the best candidate's gain is within the simulation's own noise:
 * its mean fall of N*'s squared error, paired replica by replica on fresh
 * replicas (plan_confirm: not those it was chosen on, which flatter the
 * winner), under 2 standard errors of that mean. The pairing cancels the
 * dice's share of both errors, so a gain is resolved far finer than two
 * independent rms would allow (2/sqrt(R) of the error).
 */
static bool in_noise(const struct plan_candidate *k)
{
	return !(k->fresh_drop > 2 * k->fresh_se);
}

/* One row; cumulative NAN (the user's runs, a run beyond the budget) prints none. */
static int add_run(struct table *t, const struct plan_run *r, double cumulative, enum run_kind kind,
                   bool for_people)
{
	struct cell row[RUN_NCOLS] = {cell_text(kind_names[kind][for_people ? 0 : 1]),
	                              cell_num(r->compute),
	                              cell_num(r->params),
	                              cell_num(r->tokens),
	                              cell_num(r->flops),
	                              isfinite(cumulative) ? cell_num(cumulative) : cell_none()};
	return table_add(t, row);
}

/*
 * The user's runs (spent: no cumulative; for scripts only), the proposed runs (with --runs the
 * one to train first marked next), then without --runs the suggested extra
 * run(s), beyond the budget and so out of the cumulative.
 */
static int fill_runs(struct table *t, const struct plan_job *j, bool for_people)
{
	const struct plan_candidate *next = j->best >= 0 ? &j->cands[j->best] : NULL;
	bool noisy = next != NULL && in_noise(next);
	int rc = 0;

	table_init(t, run_cols, RUN_NCOLS);
	/* people see the runs they have on the map and in the heading: a table of
	   96 known rows would bury the five new ones; scripts get them all */
	for (size_t i = 0; !for_people && i < j->user.n && rc == 0; i++)
		rc = add_run(t, &j->base[i], NAN, RUN_EXISTING, for_people);
	for (int i = 0; i < j->sweep.nruns && rc == 0; i++) {
		const struct plan_run *r = &j->sweep.runs[i];
		bool first = j->user.n > 0 && next != NULL && next->runs[0].params == r->params &&
		             next->runs[0].compute == r->compute;
		rc = add_run(t, r, r->cumulative,
		             !first  ? RUN_PROPOSED
		             : noisy ? RUN_NOISY
		                     : RUN_NEXT,
		             for_people);
	}
	for (int i = 0; j->user.n == 0 && next != NULL && i < next->nruns && rc == 0; i++)
		rc = add_run(t, &next->runs[i], NAN, noisy ? RUN_NOISY_EXTRA : RUN_NEXT_EXTRA,
		             for_people);
	return rc;
}

/* ---- the summary ---- */

static const struct column err_cols[] = {
        {"quantity", "relative error of", COL_TEXT, false},
        {"truth", "truth", COL_NUMBER, false},
        {"p10", "10%", COL_SPREAD, false},
        {"p50", "50%", COL_SPREAD, false},
        {"p90", "90%", COL_SPREAD, false},
        {"bias", "bias", COL_SPREAD, false},
        {"rms", "rms", COL_SPREAD, false},
        {"fits", "fits", COL_WHOLE, false},
};
#define ERR_NCOLS ((int)(sizeof err_cols / sizeof *err_cols))

/*
 * For people the truth is text (the N*s in units, 312B, as every other
 * line; the exponents to 4 digits), padded to `width` so that it lines up
 * right; scripts get the number.
 */
static const struct column err_cols_people[] = {
        {"quantity", "relative error of", COL_TEXT, false},
        {"truth", "truth", COL_TEXT, false},
        {"p10", "10%", COL_SPREAD, false},
        {"p50", "50%", COL_SPREAD, false},
        {"p90", "90%", COL_SPREAD, false},
        {"bias", "bias", COL_SPREAD, false},
        {"rms", "rms", COL_SPREAD, false},
        {"fits", "fits", COL_WHOLE, false},
};

/* An estimate's truth for people: N in units (312B), an exponent to 4 digits. */
static void truth_text(double v, bool count, char *buf, size_t size)
{
	if (count)
		units_format_count(v, buf, size);
	else
		snprintf(buf, size, "%.4g", v);
}

/* One estimate's row; truth (people: its text) NULL for scripts' number. */
static void error_row(const struct plan_error *e, const char *what, const char *truth,
                      struct cell *row)
{
	row[0] = cell_text(what);
	row[1] = truth != NULL ? cell_text(truth) : cell_num(e->truth);
	double v[5] = {e->p10, e->p50, e->p90, e->bias, e->rms};
	for (int k = 0; k < 5; k++)
		row[2 + k] = isfinite(v[k]) ? cell_num(v[k]) : cell_none();
	row[7] = cell_num(e->n);
}

/* The five estimates' rows: Approach 3's a, b and N*, Approach 2's a and N*. */
static int fill_errors(struct table *t, const struct plan_summary *s, bool for_people)
{
	const struct plan_error *e[5] = {&s->a, &s->b, &s->nstar, &s->a2, &s->nstar2};
	static const char *const titles[5] = {"a (N* ~ C^a)", "b (D* ~ C^b)", "N* at target",
	                                      "a, Approach 2", "N*, Approach 2"};
	static const char *const keys[5] = {"a", "b", "nstar", "a_approach2", "nstar_approach2"};
	const char *const *names = for_people ? titles : keys;
	struct cell row[ERR_NCOLS];
	char raw[5][32], truth[5][40];
	int rc = 0, width = 0;

	for (int k = 0; k < 5; k++) { /* N* is k 2 and 4 */
		truth_text(e[k]->truth, k == 2 || k == 4, raw[k], sizeof raw[k]);
		width = (int)fmax(width, (double)strlen(raw[k]));
	}
	table_init(t, for_people ? err_cols_people : err_cols, ERR_NCOLS);
	for (int k = 0; k < 5 && rc == 0; k++) {
		snprintf(truth[k], sizeof truth[k], "%*s", width, raw[k]);
		error_row(e[k], names[k], for_people ? truth[k] : NULL, row);
		rc = table_add(t, row);
	}
	return rc;
}

/* ---- text ---- */

/* The map's window: every run and the target's optimum, with a margin. */
static void map_window(const struct plan_job *j, const struct allocation *at, double w[4])
{
	w[0] = w[2] = INFINITY;
	w[1] = at->params;
	w[3] = at->tokens;
	for (int i = 0; i < j->sweep.nruns; i++) {
		w[0] = fmin(w[0], j->sweep.runs[i].params);
		w[1] = fmax(w[1], j->sweep.runs[i].params);
		w[2] = fmin(w[2], j->sweep.runs[i].tokens);
		w[3] = fmax(w[3], j->sweep.runs[i].tokens);
	}
	for (size_t i = 0; i < j->user.n; i++) {
		w[0] = fmin(w[0], j->user.runs[i].params);
		w[1] = fmax(w[1], j->user.runs[i].params);
		w[2] = fmin(w[2], j->user.runs[i].tokens);
		w[3] = fmax(w[3], j->user.runs[i].tokens);
	}
	w[0] /= 4, w[2] /= 4, w[1] *= 4, w[3] *= 4;
}

/*
 * The truth's map with the runs as x (with --runs: the user's as x, the
 * proposed as +), N* at the target as T and the next run as @.
 */
static int draw_map(const struct cli *cli, const struct plan_job *j, struct fit_run *runs)
{
	struct allocation at;
	struct canvas c;
	struct map m;
	double w[4];

	optimum_at_compute(&j->law->law, j->target, 0, &at);
	map_window(j, &at, w);
	for (int i = 0; i < j->sweep.nruns; i++)
		runs[i] = (struct fit_run){j->sweep.runs[i].params, j->sweep.runs[i].tokens, 0};
	struct map_marker target = {"T", "N* at the target", at.params, at.tokens, MAP_MARKED};
	struct map_spec spec = {.law = &j->law->law,
	                        .law_name = j->law->name,
	                        .law_id = j->law->id,
	                        .dataset = j->law->dataset,
	                        .n_lo = w[0],
	                        .n_hi = w[1],
	                        .d_lo = w[2],
	                        .d_hi = w[3],
	                        .markers = &target,
	                        .nmarkers = 1,
	                        .runs = runs,
	                        .nruns = j->sweep.nruns,
	                        .point_label = "next run",
	                        .point_legend = "next run"};
	if (j->user.n > 0) {
		spec.runs = j->user.runs;
		spec.nruns = (int)j->user.n;
		spec.runs_legend = "your runs";
		spec.proposed = runs;
		spec.nproposed = j->sweep.nruns;
	}
	if (j->best >= 0) {
		spec.has_point = true;
		if (in_noise(&j->cands[j->best])) /* not suggested: print_in_noise */
			spec.point_label = spec.point_legend = "best (in noise)";
		spec.point_n = j->cands[j->best].runs[0].params;
		spec.point_d = j->cands[j->best].runs[0].tokens;
	}
	if (canvas_init(&c, cli->width ? cli->width : 80, cli->height ? cli->height : 24) != 0)
		return cli_error("out of memory");
	int rc = map_draw_base(&c, (struct rect){0, 0, c.w, c.h}, &spec, &m);
	if (rc == 0) {
		map_draw_overlay(&c, (struct rect){0, 0, c.w, c.h}, &spec, &m);
		canvas_print(&c, stdout, cli_use_color(cli));
	}
	canvas_free(&c);
	return rc == 0 ? 0 : cli_error("out of memory");
}

/* The sweep's account (80 columns) and, with --runs, the budgets dropped below them. */
static void print_heading(const struct plan_job *j)
{
	char lo[32], hi[32], cost[32], budget[64];

	units_format_compute(j->sweep.budgets[0], lo, sizeof lo);
	units_format_compute(j->sweep.budgets[j->sweep.nbudgets - 1], hi, sizeof hi);
	units_format_compute(j->sweep.cost, cost, sizeof cost);
	units_format_exact(j->budget, 17, budget, sizeof budget);
	if (j->law_default)
		printf("\ntruth: %s (the default; --law ID to change)", j->law->id);
	if (j->user.n > 0)
		printf("\nyour %zu runs (x; --format csv lists them): their fit is taken as the "
		       "truth\nnew runs (+), above yours:",
		       j->user.n);
	if (j->sweep.nbudgets == 1)
		printf("\n%d runs: 1 budget of %s FLOPs", j->sweep.nruns, hi);
	else
		printf("\n%d runs: %d budgets from %s to %s FLOPs", j->sweep.nruns,
		       j->sweep.nbudgets, lo, hi);
	printf(" x %d sizes (N*/%g to %gN*),\ncost %s of the %s FLOPs budget\n",
	       j->sweep.design.sizes, j->sweep.design.spread, j->sweep.design.spread, cost, budget);
	if (j->user.n > 0 && j->sweep.nbudgets < j->asked) {
		char above[32];
		units_format_compute(j->above, above, sizeof above);
		if (j->asked_given)
			printf("planned %d of the %d budgets asked for: the lowest %d would be "
			       "under %gx your\nlargest run (%s FLOPs), where new budgets start\n",
			       j->sweep.nbudgets, j->asked, j->asked - j->sweep.nbudgets,
			       PLAN_ABOVE, above);
		else
			printf("planned %d of the design's %d budgets (--budgets): the lowest %d "
			       "would be under\n%gx your largest run (%s FLOPs), where new budgets "
			       "start\n",
			       j->sweep.nbudgets, j->asked, j->asked - j->sweep.nbudgets,
			       PLAN_ABOVE, above);
	}
}

/* What the simulation assumed. */
static void print_simulation(const struct plan_job *j)
{
	char target[32];

	units_format_compute(j->target, target, sizeof target);
	if (j->user.n > 0)
		printf("\nsimulated: %d replicas; each draws your runs and the proposed ones from\n"
		       "your fit (the truth) with noise and refits them, for N* at %s FLOPs\n",
		       j->sum.replicas, target);
	else
		printf("\nsimulated: %d replicas; each draws the runs from the law taken as the "
		       "truth,\n%s, with noise and refits them, for N* at %s FLOPs\n",
		       j->sum.replicas, j->law->id, target);
	printf("noise %.3g of log loss; Approach 3 refitted from %d starts near the truth\n"
	       "(not the 4,500-start grid: the errors it finds are a lower bound)\n",
	       j->noise, PLAN_STARTS);
	if (j->user.n == 0)
		return;
	if (j->noise_from_fit)
		printf("noise: the RMS of your runs' log residuals about their fit, over n - %d\n"
		       "degrees of freedom (--noise to change it)\n",
		       FIT_CONSTANTS);
	char alone[32];
	table_format_spread(j->alone.nstar.rms, alone, sizeof alone);
	printf("N* error at the target with your runs alone: %s rms", alone);
	if (!isfinite(j->alone.nstar.rms))
		printf(" (no replica's fit of them alone gave N*)");
	printf("\n");
}

/*
 * When the best candidate's gain is within the simulation's noise
 * (in_noise), no run is suggested: the best is named, with why not and
 * what would tell (80 columns).
 */
static void print_in_noise(const struct plan_candidate *k, const char *was, const char *now)
{
	char n[32], c[32];

	units_format_count(k->runs[0].params, n, sizeof n);
	units_format_compute(k->runs[0].compute, c, sizeof c);
	printf("no run is worth suggesting: the best %s (N = %s at %s FLOPs)\n"
	       "  narrows N* by less than the simulation's noise (N* error %s -> %s rms;\n"
	       "  paired over %d fresh replicas, under 2 standard errors); more replicas\n"
	       "  (--replicas) would tell\n",
	       k->nruns == 1 ? "candidate" : "new budget, first run", n, c, was, now,
	       k->fresh_paired);
}

/* The suggested next run, or why there is none (80 columns). */
static void print_next(const struct plan_job *j)
{
	char n[32], c[32], cost[32], was[32], now[32];

	if (j->best < 0) {
		printf("next run: none of %d candidates narrows N* at the target in this "
		       "simulation\n",
		       j->ncands);
		return;
	}
	const struct plan_candidate *k = &j->cands[j->best];
	units_format_count(k->runs[0].params, n, sizeof n);
	units_format_compute(k->runs[0].compute, c, sizeof c);
	units_format_compute(k->cost, cost, sizeof cost);
	double before = j->user.n > 0 ? j->alone.nstar.rms : j->sum.nstar.rms;
	table_format_spread(before, was, sizeof was);
	table_format_spread(k->rms, now, sizeof now);
	if (in_noise(k)) {
		print_in_noise(k, was, now);
		return;
	}
	if (j->user.n > 0) {
		printf("next run (@, train it first): N = %s at %s FLOPs, in the budget:\n"
		       "  N* error %s -> %s rms, your runs alone -> with it; of the %d proposed\n"
		       "  runs tried (each budget's smallest, middle and largest), it narrows N*\n"
		       "  most per FLOP\n",
		       n, c, was, now, j->ncands);
		return;
	}
	if (k->nruns == 1)
		printf("next run (@): N = %s at %s FLOPs, +%s FLOPs beyond the budget:\n", n, c,
		       cost);
	else
		printf("next runs (@ the first): a new budget of %s FLOPs, %d sizes,\n"
		       "  +%s FLOPs beyond the budget:\n",
		       c, k->nruns, cost);
	printf("  N* error %s -> %s rms (the most narrowing per FLOP of %d candidates)\n", was, now,
	       j->ncands);
}

static int print_text(const struct cli *cli, const struct plan_job *j)
{
	struct fit_run runs[PLAN_MAX_RUNS];
	struct table t;
	int rc;

	if ((rc = draw_map(cli, j, runs)) != 0)
		return rc;
	print_heading(j);
	if (fill_runs(&t, j, true) == 0)
		table_print(&t, FORMAT_TEXT, stdout);
	table_free(&t);
	print_simulation(j);
	printf("%s\n", j->user.n > 0 ? "with your runs and the proposed ones, the fits land:"
	                             : "with the proposed runs, the fits land:");
	if (fill_errors(&t, &j->sum, true) == 0)
		table_print(&t, FORMAT_TEXT, stdout);
	table_free(&t);
	print_next(j);
	return 0;
}

/* ---- JSON ---- */

#define SUM_FIELDS 11

/* The summary as one JSON object: the settings, the errors, the next run. */
static void print_summary_json(const struct plan_job *j)
{
	static const struct column cols[SUM_FIELDS] = {
	        {"law", "", COL_TEXT, false},           {"budget", "", COL_COMPUTE, false},
	        {"target", "", COL_COMPUTE, false},     {"cost", "", COL_COMPUTE, false},
	        {"noise", "", COL_NUMBER, false},       {"replicas", "", COL_WHOLE, false},
	        {"seed", "", COL_WHOLE, false},         {"starts", "", COL_WHOLE, false},
	        {"nstar_rms", "", COL_SHARE, false},    {"next_rms", "", COL_SHARE, false},
	        {"next_in_noise", "", COL_BOOL, false},
	};
	struct cell cells[SUM_FIELDS] = {
	        cell_text(j->law->id),
	        cell_num(j->budget),
	        cell_num(j->target),
	        cell_num(j->sweep.cost),
	        cell_num(j->noise),
	        cell_num(j->replicas),
	        cell_num((double)j->seed),
	        cell_num(PLAN_STARTS),
	        cell_num(j->sum.nstar.rms),
	        j->best >= 0 ? cell_num(j->cands[j->best].rms) : cell_none(),
	        j->best >= 0 ? cell_bool(in_noise(&j->cands[j->best])) : cell_none()};
	struct record r = {cols, cells, SUM_FIELDS};

	table_print_record(&r, FORMAT_JSON, stdout);
}

static int print_json(const struct plan_job *j)
{
	struct table runs, errs;
	int rc = fill_runs(&runs, j, false) | fill_errors(&errs, &j->sum, false);

	if (rc == 0) {
		fputs("{\"runs\":", stdout);
		table_print(&runs, FORMAT_JSON, stdout);
		fputs(",\"errors\":", stdout);
		table_print(&errs, FORMAT_JSON, stdout);
		fputs(",\"summary\":", stdout);
		print_summary_json(j);
		fputs("}\n", stdout);
	}
	table_free(&runs);
	table_free(&errs);
	return rc == 0 ? 0 : cli_error("out of memory");
}

static int plan_run_job(const struct cli *cli, struct plan_job *j);

/* The job, then its memory freed whichever way it ended. */
int cmd_plan(const struct cli *cli)
{
	static struct plan_job j; /* sweeps and candidates: too large for the stack */

	memset(&j, 0, sizeof j);
	int rc = plan_run_job(cli, &j);
	free(j.user.runs);
	free(j.base);
	free(j.e2);
	return rc;
}

/* The plan asked for, printed in the format asked for. */
static int plan_run_job(const struct cli *cli, struct plan_job *j)
{
	int rc;

	if (cli->nargs > 0)
		return cli_error("plan takes no operand '%s'", cli->args[0]);
	if ((rc = find_truth(cli, j)) != 0 || (rc = read_numbers(cli, j)) != 0 ||
	    (rc = propose(cli, j)) != 0 || (rc = simulate(j)) != 0)
		return rc;
	if (cli->format == FORMAT_JSON)
		return print_json(j);
	if (cli->format == FORMAT_CSV) {
		struct table t;
		rc = fill_runs(&t, j, false);
		if (rc == 0)
			table_print(&t, FORMAT_CSV, stdout);
		table_free(&t);
		return rc == 0 ? 0 : cli_error("out of memory");
	}
	return print_text(cli, j);
}
