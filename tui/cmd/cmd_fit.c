/*
 * cmd_fit.c: `isoflop fit FILE|-`: a scaling law from the user's own runs,
 * with bootstrap intervals and the warnings users have learned to need,
 * printed for people (text) or scripts (csv, json), and optionally written
 * as a law preset that --preset loads.
 */
#include <errno.h>
#include <libgen.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "../../model/fit.h"
#include "../../model/fit_holdout.h"
#include "../../model/optimum.h"
#include "../../model/units.h"
#include "../../presets/runs.h"
#include "../../presets/text.h"
#include "../../presets/write.h"
#include "cli.h"
#include "fit_downstream.h"
#include "runs_law.h"

#define MAX_WARNINGS 16

struct report {
	const char *file;
	bool parametric;
	size_t points;
	double k; /* FLOPs per parameter-token of the runs: a runs file gives none */
	struct fit_parametric p;
	struct fit_isoflop f;
	double at_compute; /* the budget N* and D* are reported at */
	int samples;       /* bootstrap refits that succeeded */
	/* bootstrap draws: E A B alpha beta a b N* D* (parametric) or a b N* D* (isoflop) */
	double *draws[9];
	struct fit_interval iv[9];
	double corr; /* of alpha and beta across the draws */
	char warnings[MAX_WARNINGS][200];
	int nwarnings;
	double n_lo, n_hi, d_lo, d_hi, c_lo, c_hi; /* the range the runs cover */
	/* isoflop with one usable budget: its optimum, and no frontier (parametric at one D:
	 * r.p.one_d) */
	const struct fit_budget *one_budget;
	struct fit_holdout holdout; /* leave-one-budget-out; holdout_tried when it was asked */
	bool holdout_tried;
};

/* Whether the report has something to say about value k of the bootstrap's. */
static bool known(const struct report *r, int k)
{
	if (r->parametric && r->p.one_d)
		return k == 0 || k == 1 || k == 3; /* E, A and alpha: the D term is unknown */
	return r->one_budget == NULL;
}

/* The bootstrap's values as scripts know them (CSV and JSON keys). */
static const char *const par_names[9] = {"E", "A", "B",         "alpha",    "beta",
                                         "a", "b", "params_at", "tokens_at"};
static const char *const iso_names[4] = {"a", "b", "params_at", "tokens_at"};

/* Text is wrapped at this many columns. */
#define TEXT_WIDTH 80

/* The report's warnings on fp, each wrapped at TEXT_WIDTH after prefix. */
static void print_warnings(const struct report *r, FILE *fp, const char *prefix)
{
	for (int i = 0; i < r->nwarnings; i++)
		text_wrap(fp, prefix, r->warnings[i], "  ", TEXT_WIDTH);
}

static void warn(struct report *r, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void warn(struct report *r, const char *fmt, ...)
{
	va_list ap;

	if (r->nwarnings == MAX_WARNINGS)
		return;
	va_start(ap, fmt);
	vsnprintf(r->warnings[r->nwarnings++], sizeof r->warnings[0], fmt, ap);
	va_end(ap);
}

/* N* and D* of an additive fit at the report's budget: Chinchilla's Eq. 4. */
static void additive_at(const struct report *r, const struct fit_parametric *p, double *n,
                        double *d)
{
	struct law law = fit_parametric_law(p, r->k);

	optimum_additive(&law, r->at_compute, n, d);
}

/* One bootstrap refit (fit_bootstrap runs them on several threads: r is only read). */
static int refit(const struct fit_run *sample, size_t n, double *v, const void *ctx)
{
	const struct report *r = ctx;

	if (r->parametric) {
		struct fit_parametric p;
		/* no more distinct runs than constants: the refit would interpolate them */
		if (fit_distinct_runs(sample, n) <= FIT_CONSTANTS ||
		    fit_parametric_from(sample, n, r->p.theta, &p) != MODEL_OK)
			return -1;
		double got[9] = {p.E, p.A, p.B, p.alpha, p.beta, p.a, p.b, 0, 0};
		if (!p.one_d)
			additive_at(r, &p, &got[7], &got[8]);
		for (int k = 0; k < 9; k++)
			if (!isfinite(got[k]))
				return -1; /* a refit that left the law's domain is a failed refit
				            */
		memcpy(v, got, sizeof got);
	} else {
		struct fit_isoflop f;
		if (fit_isoflop(sample, n, r->k, &f) != MODEL_OK)
			return -1;
		v[0] = f.a;
		v[1] = f.b;
		v[2] = f.k_params * pow(r->at_compute, f.a);
		v[3] = f.k_tokens * pow(r->at_compute, f.b);
		for (int k = 0; k < 4; k++)
			if (!isfinite(v[k]))
				return -1;
	}
	return 0;
}

static int by_loss_desc(const void *a, const void *b)
{
	double x = ((const struct fit_run *)a)->loss, y = ((const struct fit_run *)b)->loss;
	return (x < y) - (x > y);
}

/* ---- output ---- */

/* How the starts ran: on all runs, or on a sample and then refined on all. */
static void print_starts(const struct report *r)
{
	printf("starts: %d; the best %d after scouting ran to the end; %d reached the best fit\n",
	       r->p.starts, r->p.finished, r->p.at_best);
	if (r->p.scouted_on < r->points)
		printf("they ran on a sample of %zu of the %zu runs; %d distinct minim%s then "
		       "refined on all runs (%d converged)\n",
		       r->p.scouted_on, r->points, r->p.polished,
		       r->p.polished == 1 ? "um was" : "a were", r->p.polished_converged);
}

/* Why leave-one-budget-out has no numbers, for people. */
static const char *holdout_absence(const struct report *r)
{
	switch (r->holdout.absent) {
	case FIT_HOLDOUT_FEW_BUDGETS:
		return "it needs 3 compute budgets (runs within 5% of each other's 6ND), one to "
		       "hold out and two to fit";
	case FIT_HOLDOUT_FEW_RUNS:
		return "the other budgets hold fewer than 5 runs, too few to refit";
	case FIT_HOLDOUT_NO_REFIT:
		return "the refit on the other budgets failed";
	case FIT_HOLDOUT_NO_MINIMUM:
		return "the largest budget has no minimum inside its sweep";
	case FIT_HOLDOUT_FEW_MINIMA:
		return "fewer than two of the other budgets have a minimum inside their sweep";
	case FIT_HOLDOUT_ONE_D:
		return "every run has the same D: the law has no D term to predict with";
	default:
		return "?";
	}
}

/* Whether the held-out budget follows the others (fit_holdout.h's within). */
static const char *verdict(const struct fit_holdout *h)
{
	return h->within ? "within the interval"
	                 : "outside it: the largest budget does not follow the others";
}

/*
 * The leave-one-budget-out lines: the largest budget predicted from the
 * others and the verdict, with the interval the verdict reads, or why there
 * are none. Within 80 columns.
 */
static void print_holdout(const struct report *r)
{
	const struct fit_holdout *h = &r->holdout;
	char cb[16], pb[16], mb[16];

	if (!r->holdout_tried)
		return;
	if (h->absent != FIT_HOLDOUT_DONE) {
		char head[64];
		snprintf(head, sizeof head,
		         "leave-one-budget-out: not done (%d budget%s): ", h->budgets,
		         h->budgets == 1 ? "" : "s");
		text_wrap(stdout, head, holdout_absence(r), "  ", TEXT_WIDTH);
		return;
	}
	units_format_compute(h->compute, cb, sizeof cb);
	if (r->parametric) {
		printf("leave-one-budget-out: your largest budget's runs (C = %s), predicted\n"
		       "  from the others, land at L = %.3f (%.3f..%.3f); they measured %.3f\n"
		       "  (mean of %d): %s\n",
		       cb, h->predicted, h->loss_lo, h->loss_hi, h->measured, h->runs, verdict(h));
		printf("  (2.5-97.5%% of its own %d bootstrap refits of the other runs, plus the\n"
		       "  noise of a mean of %d runs)\n",
		       FIT_HOLDOUT_SAMPLES, h->runs);
		return;
	}
	char pl[16], ph[16], ml[16], mh[16];
	units_format_count(h->params_predicted, pb, sizeof pb);
	units_format_count(h->params_lo, pl, sizeof pl);
	units_format_count(h->params_hi, ph, sizeof ph);
	units_format_count(h->params_measured, mb, sizeof mb);
	units_format_count(h->params_measured_lo, ml, sizeof ml);
	units_format_count(h->params_measured_hi, mh, sizeof mh);
	printf("leave-one-budget-out: your largest budget's N* (C = %s), predicted by\n"
	       "  the others' frontier, is %s (%s..%s); its parabola's minimum is\n",
	       cb, pb, pl, ph);
	if (!isfinite(h->params_ratio_lo)) { /* its runs too few to resample: N*'s interval */
		printf("  %s (its %d runs too few to resample: %d or more); judged by N*'s\n"
		       "  interval: %s\n",
		       mb, h->runs, FIT_HOLDOUT_PARABOLA_MIN_RUNS, verdict(h));
		printf("  (2.5-97.5%% of its own %d bootstrap refits of the other runs)\n",
		       FIT_HOLDOUT_SAMPLES);
		return;
	}
	/* the verdict reads the ratio's interval, so it is the one printed with it */
	printf("  %s (%s..%s); predicted / minimum = %.2f (95%%: %.2f..%.2f):\n  %s\n", mb, ml, mh,
	       h->params_ratio, h->params_ratio_lo, h->params_ratio_hi, verdict(h));
	printf("  (2.5-97.5%% of its own %d bootstrap refits: of the other runs for N*, of\n"
	       "  the budget's runs for its minimum, and of their ratio over independent\n"
	       "  resamples)\n",
	       FIT_HOLDOUT_SAMPLES);
}

/*
 * The bootstrap's percentiles, a row a value: the constants as numbers, N*
 * and D* at the budget named for a person and in the units the line
 * above them uses (95.9B).
 */
static void print_bootstrap(const struct report *r)
{
	const char *const *names = r->parametric ? par_names : iso_names;
	int nk = r->parametric ? 9 : 4, first_at = nk - 2; /* N* and D* come last */
	char cb[16];

	units_format_compute(r->at_compute, cb, sizeof cb);
	printf("bootstrap: %d resamples\n%-12s %11s %11s %11s %11s\n", r->samples, "", "2.5%",
	       "10%", "90%", "97.5%");
	for (int k = 0; k < nk; k++) {
		if (!known(r, k))
			continue;
		const double v[4] = {r->iv[k].p2_5, r->iv[k].p10, r->iv[k].p90, r->iv[k].p97_5};
		char name[32], cell[4][16];
		if (k < first_at) {
			snprintf(name, sizeof name, "%s", names[k]);
			for (int j = 0; j < 4; j++)
				snprintf(cell[j], sizeof cell[j], "%.4g", v[j]);
		} else {
			snprintf(name, sizeof name, "%s at %s", k == first_at ? "N*" : "D*", cb);
			for (int j = 0; j < 4; j++)
				units_format_count(v[j], cell[j], sizeof cell[j]);
		}
		printf("%-12s %11s %11s %11s %11s\n", name, cell[0], cell[1], cell[2], cell[3]);
	}
}

/* Points (runs) and budgets as "used of given" when Approach 2 left some out. */
static void iso_counts(const struct report *r, char *pts, char *bud, size_t size)
{
	size_t used = 0;

	for (int i = 0; i < r->f.nbudgets; i++) {
		const struct fit_budget *b = &r->f.budgets[i];
		if (b->fitted && !b->at_edge)
			used += (size_t)b->runs;
	}
	snprintf(pts, size, "%zu of %zu", used, r->points);
	snprintf(bud, size, "%d of %d", r->f.used, r->f.nbudgets);
}

static void print_text(const struct report *r)
{
	char nb[16], db[16], cb[16];

	units_format_compute(r->at_compute, cb, sizeof cb);
	if (r->parametric && r->p.one_d) {
		units_format_count(r->d_lo, db, sizeof db);
		printf("method      points       D      E'          A   alpha  objective\n");
		printf("parametric  %6zu  %6s  %6.4f  %9.4g  %6.4f  %9.3e\n", r->points, db, r->p.E,
		       r->p.A, r->p.alpha, r->p.objective);
		printf("L = E' + A/N^alpha at D = %s (E' is E + B/D^beta there)\n", db);
		print_starts(r);
	} else if (r->one_budget != NULL) {
		const struct fit_budget *b = r->one_budget;
		units_format_compute(b->compute, cb, sizeof cb);
		units_format_count(b->params, nb, sizeof nb);
		units_format_count(b->tokens, db, sizeof db);
		char pts[32], bud[32];
		iso_counts(r, pts, bud, sizeof pts);
		printf("method       points   budgets  compute      N*      D*    loss\n");
		printf("isoflop  %10s  %8s  %7s  %6s  %6s  %6.4f\n", pts, bud, cb, nb, db, b->loss);
	} else if (r->parametric) {
		double n, d;
		additive_at(r, &r->p, &n, &d);
		units_format_count(n, nb, sizeof nb);
		units_format_count(d, db, sizeof db);
		printf("method      points       E          A          B   alpha    beta      a    "
		       "  b  objective\n");
		printf("parametric  %6zu  %6.4f  %9.4g  %9.4g  %6.4f  %6.4f  %5.3f  %5.3f  %9.3e\n",
		       r->points, r->p.E, r->p.A, r->p.B, r->p.alpha, r->p.beta, r->p.a, r->p.b,
		       r->p.objective);
		printf("L = E + A/N^alpha + B/D^beta; N* ~ C^a, D* ~ C^b; at C = %s: N* = %s, "
		       "D* = %s\n",
		       cb, nb, db);
		print_starts(r);
	} else {
		units_format_count(r->f.k_params * pow(r->at_compute, r->f.a), nb, sizeof nb);
		units_format_count(r->f.k_tokens * pow(r->at_compute, r->f.b), db, sizeof db);
		char pts[32], bud[32];
		iso_counts(r, pts, bud, sizeof pts);
		printf("method       points   budgets      a      b   k_params   k_tokens\n");
		printf("isoflop  %10s  %8s  %5.3f  %5.3f  %9.4g  %9.4g\n", pts, bud, r->f.a, r->f.b,
		       r->f.k_params, r->f.k_tokens);
		printf("N* = k_params C^a, D* = k_tokens C^b; at C = %s: N* = %s, D* = %s\n", cb,
		       nb, db);
	}
	if (r->samples > 0)
		print_bootstrap(r);
	print_holdout(r);
	print_warnings(r, stdout, "warning: ");
}

/* A record for scripts, filled a field at a time (table.c prints it). */
#define MAX_FIELDS 32

struct fields {
	struct column cols[MAX_FIELDS];
	struct cell cells[MAX_FIELDS];
	int n;
};

/* Append a field; the record's keys are the fit's own, so text never sees them. */
static void field(struct fields *f, const char *key, enum column_kind kind, struct cell v)
{
	f->cols[f->n] = (struct column){key, key, kind, false};
	f->cells[f->n++] = v;
}

/* A number field: %.10g for scripts, as every table prints. */
static void number(struct fields *f, const char *key, double v)
{
	field(f, key, COL_NUMBER, cell_num(v));
}

/* Fields the fit cannot know: empty in CSV, null in JSON. */
static void numbers_none(struct fields *f, const char *const *keys, int n)
{
	for (int i = 0; i < n; i++)
		field(f, keys[i], COL_NUMBER, cell_none());
}

/* The fields as table.c's record, borrowing them. */
static struct record record_of(const struct fields *f)
{
	return (struct record){f->cols, f->cells, f->n};
}

static const char *const frontier_keys[4] = {"a", "b", "k_params", "k_tokens"};

/* The frontier N* = k_params C^a, D* = k_tokens C^b, or nothing with one budget. */
static void frontier_fields(const struct report *r, struct fields *f)
{
	number(f, "budgets", r->f.used);
	if (r->one_budget != NULL) {
		numbers_none(f, frontier_keys, 4);
		return;
	}
	number(f, "a", r->f.a);
	number(f, "b", r->f.b);
	number(f, "k_params", r->f.k_params);
	number(f, "k_tokens", r->f.k_tokens);
}

/* E A B alpha beta a b of a full parametric fit. */
static void parametric_fields(const struct report *r, struct fields *f)
{
	const double v[7] = {r->p.E, r->p.A, r->p.B, r->p.alpha, r->p.beta, r->p.a, r->p.b};

	for (int k = 0; k < 7; k++)
		number(f, par_names[k], v[k]);
}

/* The fit's one CSV row. */
static void csv_fields(const struct report *r, struct fields *f)
{
	field(f, "method", COL_TEXT, cell_text(r->parametric ? "parametric" : "isoflop"));
	number(f, "points", (double)r->points);
	if (r->parametric && r->p.one_d) { /* L(N) at one D: its floor is E + B/D^beta, not E */
		number(f, "tokens", r->d_lo);
		number(f, "E_at_D", r->p.E);
		number(f, "A", r->p.A);
		number(f, "alpha", r->p.alpha);
	} else if (r->parametric) {
		parametric_fields(r, f);
	} else {
		frontier_fields(r, f);
	}
	if (r->parametric)
		number(f, "objective", r->p.objective);
}

/* How the starts ran, for scripts. */
static void starts_fields(const struct report *r, struct fields *f)
{
	number(f, "objective", r->p.objective);
	number(f, "starts", r->p.starts);
	number(f, "finished", r->p.finished);
	number(f, "converged", r->p.converged);
	number(f, "at_best", r->p.at_best);
	if (r->p.one_d)
		return;
	number(f, "scouted_on", (double)r->p.scouted_on);
	number(f, "refined_on_all", r->p.polished);
	number(f, "refined_converged", r->p.polished_converged);
}

/* The one budget of an isoflop fit that has a minimum. */
static void budget_fields(const struct fit_budget *b, struct fields *f)
{
	number(f, "compute", b->compute);
	number(f, "params", b->params);
	number(f, "tokens", b->tokens);
	number(f, "loss", b->loss);
}

/* The fit's law in JSON: what is unknown is null. */
static void json_law_fields(const struct report *r, struct fields *f, struct fields *budget,
                            struct record *nested)
{
	static const char *const d_term[3] = {"beta", "a", "b"};

	field(f, "method", COL_TEXT, cell_text(r->parametric ? "parametric" : "isoflop"));
	number(f, "points", (double)r->points);
	if (r->parametric && r->p.one_d) {
		field(f, "one_d", COL_BOOL, cell_bool(true));
		number(f, "tokens", r->d_lo);
		number(f, "E", r->p.E);
		number(f, "A", r->p.A);
		field(f, "B", COL_NUMBER, cell_none());
		number(f, "alpha", r->p.alpha);
		numbers_none(f, d_term, 3); /* the D term is unknown, and so the allocation */
	} else if (r->parametric) {
		parametric_fields(r, f);
	} else {
		frontier_fields(r, f);
	}
	if (r->parametric)
		starts_fields(r, f);
	if (r->one_budget != NULL) {
		budget_fields(r->one_budget, budget);
		*nested = record_of(budget);
		field(f, "budget", COL_OBJECT, cell_object(nested));
	}
}

/* The bootstrap's percentiles of each value the report knows. */
struct bootstrap_json {
	struct fields top, iv[9];
	struct record iv_rec[9], top_rec;
};

static void bootstrap_fields(const struct report *r, struct bootstrap_json *b)
{
	const char *const *names = r->parametric ? par_names : iso_names;
	int nk = r->parametric ? 9 : 4;

	number(&b->top, "samples", r->samples);
	for (int k = 0; k < nk; k++) {
		if (!known(r, k))
			continue;
		number(&b->iv[k], "p2_5", r->iv[k].p2_5);
		number(&b->iv[k], "p10", r->iv[k].p10);
		number(&b->iv[k], "p90", r->iv[k].p90);
		number(&b->iv[k], "p97_5", r->iv[k].p97_5);
		b->iv_rec[k] = record_of(&b->iv[k]);
		field(&b->top, names[k], COL_OBJECT, cell_object(&b->iv_rec[k]));
	}
	b->top_rec = record_of(&b->top);
}

/* A field of the holdout for scripts: its key, kind and value. */
struct holdout_field {
	const char *key;
	enum column_kind kind; /* COL_NUMBER, or COL_BOOL for the verdict */
	double value;
};

/*
 * Leave-one-budget-out for scripts, CSV and JSON alike: one table of the
 * method's fields, empty (null) when it was not done or a value is unknown.
 */
static void holdout_fields(const struct report *r, struct fields *f)
{
	const struct fit_holdout *h = &r->holdout;
	bool done = r->holdout_tried && h->absent == FIT_HOLDOUT_DONE;
	const struct holdout_field loss[] = {
	        {"holdout_compute", COL_NUMBER, h->compute},
	        {"holdout_loss_predicted", COL_NUMBER, h->predicted},
	        {"holdout_loss_lo", COL_NUMBER, h->loss_lo},
	        {"holdout_loss_hi", COL_NUMBER, h->loss_hi},
	        {"holdout_loss_spread", COL_NUMBER, h->spread},
	        {"holdout_loss_measured", COL_NUMBER, h->measured},
	        {"holdout_loss_rms_error", COL_NUMBER, h->rms_error},
	        {"holdout_within", COL_BOOL, h->within},
	};
	const struct holdout_field params[] = {
	        {"holdout_compute", COL_NUMBER, h->compute},
	        {"holdout_params_predicted", COL_NUMBER, h->params_predicted},
	        {"holdout_params_lo", COL_NUMBER, h->params_lo},
	        {"holdout_params_hi", COL_NUMBER, h->params_hi},
	        {"holdout_params_factor", COL_NUMBER, h->params_factor},
	        {"holdout_params_measured", COL_NUMBER, h->params_measured},
	        {"holdout_params_measured_lo", COL_NUMBER, h->params_measured_lo},
	        {"holdout_params_measured_hi", COL_NUMBER, h->params_measured_hi},
	        {"holdout_params_ratio", COL_NUMBER, h->params_ratio},
	        {"holdout_params_ratio_lo", COL_NUMBER, h->params_ratio_lo},
	        {"holdout_params_ratio_hi", COL_NUMBER, h->params_ratio_hi},
	        {"holdout_within", COL_BOOL, h->within},
	};
	const struct holdout_field *t = r->parametric ? loss : params;
	size_t nt = r->parametric ? sizeof loss / sizeof *loss : sizeof params / sizeof *params;

	for (size_t i = 0; i < nt; i++)
		field(f, t[i].key, t[i].kind,
		      !done                   ? cell_none()
		      : t[i].kind == COL_BOOL ? cell_bool(t[i].value != 0)
		                              : cell_num(t[i].value));
}

static void print_csv(const struct report *r)
{
	struct fields f = {.n = 0};

	csv_fields(r, &f);
	if (!(r->parametric && r->p.one_d)) /* L(N) at one D has a row of its own shape */
		holdout_fields(r, &f);
	struct record rec = record_of(&f);
	table_print_record(&rec, FORMAT_CSV, stdout);
	print_warnings(r, stderr, "isoflop: warning: ");
}

static void print_json(const struct report *r)
{
	static struct fields f, budget; /* static: some 20 KB with the bootstrap's */
	static struct bootstrap_json b;
	struct record nested;
	const char *warnings[MAX_WARNINGS];

	memset(&f, 0, sizeof f);
	memset(&budget, 0, sizeof budget);
	memset(&b, 0, sizeof b);
	json_law_fields(r, &f, &budget, &nested);
	number(&f, "at_compute", r->at_compute);
	holdout_fields(r, &f);
	if (r->samples > 0) {
		bootstrap_fields(r, &b);
		field(&f, "bootstrap", COL_OBJECT, cell_object(&b.top_rec));
	}
	for (int i = 0; i < r->nwarnings; i++)
		warnings[i] = r->warnings[i];
	field(&f, "warnings", COL_STRINGS, cell_strings(warnings, r->nwarnings));
	struct record rec = record_of(&f);
	table_print_record(&rec, FORMAT_JSON, stdout);
}

/* ---- progress and sanity ---- */

/*
 * The progress line on a terminal's stderr, for fits of PROGRESS_ROWS runs
 * or more (4,500 starts over 500 rows take about a second on two cores;
 * smaller fits end before a line would help): redrawn at most ten times a
 * second, erased when the fit ends. Not on a pipe or file.
 */
#define PROGRESS_ROWS 500

struct progress_line {
	size_t runs;
	double last; /* when the line was last drawn, seconds on the monotonic clock */
	int width;   /* of the line on screen; 0 when none is */
};

static double monotonic(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static void show_progress(const struct fit_progress *at, void *ctx)
{
	struct progress_line *pl = ctx;
	double t = monotonic();
	char line[120];

	if (t - pl->last < 0.1 && at->done > 0 && at->done < at->total)
		return;
	pl->last = t;
	int w = snprintf(line, sizeof line,
	                 "isoflop: fitting %zu runs: step %d of %d (%s), %d of %d %s", pl->runs,
	                 at->phase, at->phases, at->what, at->done, at->total,
	                 at->phase == 3 ? "minima" : "starts");
	/* pad over a longer line before it, and stay on this one */
	fprintf(stderr, "\r%s%*s", line, pl->width > w ? pl->width - w : 0, "");
	fflush(stderr);
	pl->width = w;
}

static void end_progress(struct progress_line *pl)
{
	if (pl->width > 0)
		fprintf(stderr, "\r%*s\r", pl->width, "");
	pl->width = 0;
}

/* A value of the fit and what to call it in a message. */
struct named {
	const char *name;
	double v;
};

/* why, saying which of vals[0..nv) is not a finite number; NULL if all are. */
static const char *first_not_finite(const struct named *vals, int nv, char *why, size_t size)
{
	for (int i = 0; i < nv; i++)
		if (!isfinite(vals[i].v)) {
			snprintf(why, size, "%s came out as %g, not a finite number", vals[i].name,
			         vals[i].v);
			return why;
		}
	return NULL;
}

/*
 * Why the fit cannot be reported (into why), or NULL: a value that is not
 * a finite number, or a term that the data do not move (the fit drove its
 * coefficient to nothing: degenerate data, such as a loss that does not
 * fall with N). Nothing printed may be nan or inf.
 */
static const char *fit_failed(const struct report *r, const struct fit_run *runs, size_t n,
                              char *why, size_t size)
{
	struct named vals[12];
	int nv = 0;

	if (r->parametric) {
		double ns = 1, ds = 1;
		const struct fit_parametric *p = &r->p;
		vals[nv++] = (struct named){"E", p->E};
		vals[nv++] = (struct named){"A", p->A};
		vals[nv++] = (struct named){"alpha", p->alpha};
		vals[nv++] = (struct named){"the objective", p->objective};
		if (!p->one_d) {
			additive_at(r, p, &ns, &ds);
			vals[nv++] = (struct named){"B", p->B};
			vals[nv++] = (struct named){"beta", p->beta};
			vals[nv++] = (struct named){"N*", ns};
			vals[nv++] = (struct named){"D*", ds};
		}
		if (first_not_finite(vals, nv, why, size) != NULL)
			return why;
		char flat = fit_parametric_flat_term(p, runs, n);
		if (flat != 0) {
			snprintf(why, size,
			         "the loss does not fall with %c across the runs (%s stays under a "
			         "millionth of it): no law with a%s %c term fits them",
			         flat, flat == 'N' ? "A/N^alpha" : "B/D^beta",
			         flat == 'N' ? "n" : "", flat);
			return why;
		}
		if (!(ns > 0) || !(ds > 0)) {
			snprintf(why, size, "N* and D* at the budget come out as %g and %g", ns,
			         ds);
			return why;
		}
		return NULL;
	}
	if (r->one_budget != NULL) {
		vals[nv++] = (struct named){"the budget's N*", r->one_budget->params};
		vals[nv++] = (struct named){"the budget's D*", r->one_budget->tokens};
		vals[nv++] = (struct named){"the budget's loss", r->one_budget->loss};
	} else {
		vals[nv++] = (struct named){"a", r->f.a};
		vals[nv++] = (struct named){"b", r->f.b};
		vals[nv++] = (struct named){"k_params", r->f.k_params};
		vals[nv++] = (struct named){"k_tokens", r->f.k_tokens};
		vals[nv++] = (struct named){"N*", r->f.k_params * pow(r->at_compute, r->f.a)};
		vals[nv++] = (struct named){"D*", r->f.k_tokens * pow(r->at_compute, r->f.b)};
	}
	return first_not_finite(vals, nv, why, size);
}

/* ---- --output ---- */

/* ASCII's lowercase, whatever the locale: ids are ASCII. */
static char lower(char c)
{
	return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

/* A preset id from the output file's name: lowercase, [a-z0-9.-]. */
static void id_from_path(const char *path, char *id, size_t size)
{
	char copy[4096], *base;
	size_t j = 0;

	snprintf(copy, sizeof copy, "%s", path);
	base = basename(copy);
	char *dot = strrchr(base, '.');
	if (dot != NULL && (strcmp(dot, ".yaml") == 0 || strcmp(dot, ".yml") == 0))
		*dot = '\0';
	if (!preset_id_char(lower(base[0]), true))
		j += (size_t)snprintf(id, size, "fit-");
	for (const char *p = base; *p && j + 1 < size; p++)
		id[j++] = preset_id_char(lower(*p), false) ? lower(*p) : '-';
	id[j] = '\0';
	if (j == 0)
		snprintf(id, size, "fit");
}

/* The fitted law, with the range its runs cover. */
static struct law fitted_law(const struct report *r)
{
	struct law law = {.family = LAW_FRONTIER, .k = r->k};

	if (r->parametric) {
		law = fit_parametric_law(&r->p, r->k);
	} else {
		law.frontier.unit = 1;
		law.frontier.params = (struct law_power){r->f.k_params, r->f.a};
		law.frontier.tokens = (struct law_power){r->f.k_tokens, r->f.b};
	}
	law.params = (struct law_range){r->n_lo, r->n_hi};
	law.tokens = (struct law_range){r->d_lo, r->d_hi};
	law.compute = (struct law_range){r->c_lo, r->c_hi};
	return law;
}

/* The fit as a law preset that --preset loads. */
static void fitted_preset(const struct report *r, const char *id, struct preset *p)
{
	const char *method = r->parametric ? "parametric (Approach 3)" : "isoflop (Approach 2)";
	char name[sizeof p->name], source[sizeof p->source], dataset[sizeof p->dataset];
	struct law law = fitted_law(r);

	snprintf(name, sizeof name, "Fit of %.80s, %s", r->file, method);
	snprintf(source, sizeof source,
	         "isoflop fit of %.300s: %zu runs, method %s, after Hoffmann et al. 2022, "
	         "Training Compute-Optimal Large Language Models, arXiv:2203.15556",
	         r->file, r->points, method);
	snprintf(dataset, sizeof dataset, "the runs in %.140s", r->file);
	preset_of_law(p, NULL, &law, &(struct law_origin){id, name, source, dataset});
}

/* The preset's text, rendered and checked before anything touches the disk. */
struct rendered {
	char *text;
	size_t len;
};

static void write_fitted(FILE *fp, const void *ctx)
{
	const struct rendered *t = ctx;
	fwrite(t->text, 1, t->len, fp);
}

/*
 * Whether --output names standard output: -, or one of the names the system
 * gives it (/dev/stdout, /dev/fd/1, /proc/self/fd/1), written in place:
 * renamed over, they would lose the link, not write the output.
 */
static bool output_is_stdout(const char *path)
{
	static const char *const names[] = {"-", "/dev/stdout", "/dev/fd/1", "/proc/self/fd/1"};

	for (size_t i = 0; i < sizeof names / sizeof *names; i++)
		if (strcmp(path, names[i]) == 0)
			return true;
	return false;
}

/*
 * Whether --output may take its name: nothing there, or with --force a
 * regular file or a symlink (replaced, never written through). Checked
 * before the fit runs, so a refusal costs nothing; the writer checks again.
 */
static int output_check(const struct cli *cli)
{
	const char *what;

	if (output_is_stdout(cli->output) || write_may_take(cli->output, cli->force, &what) == 0)
		return 0;
	if (what != NULL)
		return cli_error("%s is %s, not a regular file: not replaced", cli->output, what);
	return cli_error("%s: File exists (--force overwrites)", cli->output);
}

/*
 * Why the runs cannot make a law with a fitted range, NULL if they can: a
 * range of one value is not a range (the loader takes only low < high), and
 * a law fitted at one token count (or one budget) says nothing about the
 * direction it never varied. Leaving the range out would hide that: the
 * explorer would show the law without its extrapolation warning.
 */
static const char *degenerate_range(const struct report *r)
{
	if (!(r->n_lo < r->n_hi))
		return "all runs share one parameter count, so the law has no fitted parameter "
		       "range";
	if (!(r->d_lo < r->d_hi))
		return "all runs share one token count, so the law has no fitted token range";
	if (!(r->c_lo < r->c_hi))
		return "all runs share one compute budget, so the law has no fitted compute range";
	return NULL;
}

/*
 * The preset's text in t, read back by the loader itself: a file that
 * --preset would refuse is never written. On refusal one line saying why.
 */
static int render_preset(const struct report *r, const char *id, const char *out,
                         struct rendered *t)
{
	struct preset p, back;
	char err[PRESET_ERR_MAX];
	const char *why = degenerate_range(r);

	if (why != NULL)
		return cli_error("%s: no preset written: %s", out, why);
	fitted_preset(r, id, &p);
	FILE *fp = open_memstream(&t->text, &t->len);
	if (fp == NULL)
		return cli_error("out of memory");
	preset_write_law(fp, &p,
	                 "Written by isoflop fit; edit the name and source, keep the numbers.");
	if (fclose(fp) != 0) {
		free(t->text);
		return cli_error("out of memory");
	}
	if (preset_parse("fit", (const unsigned char *)t->text, t->len, PRESET_LAW, &back, err,
	                 sizeof err) != 0) {
		free(t->text);
		/* "fit:LINE:COL: why": a line of a file never written tells the user nothing */
		const char *reason = err;
		for (int colons = 0; *reason && colons < 3; reason++)
			colons += *reason == ':';
		return cli_error("%s: no preset written: the law the fit makes is not valid:%s",
		                 out, *reason ? reason : err);
	}
	return 0;
}

/* The preset on standard output: in place, no rename; a write error is one line. */
static int output_to_stdout(const struct rendered *t)
{
	if (fwrite(t->text, 1, t->len, stdout) != t->len || fflush(stdout) != 0) {
		int err = errno;
		clearerr(stdout);
		return cli_error("standard output: %s", strerror(err));
	}
	return 0;
}

/*
 * Write the preset atomically (presets/write.h): an existing file is
 * replaced only with --force, and never a directory, FIFO, device or
 * socket; - writes it to standard output.
 */
static int output_preset(const struct cli *cli, const struct report *r)
{
	char id[64];
	struct rendered t;
	int rc = 0;

	if (r->parametric ? !(r->p.alpha > 0 && r->p.alpha <= 2 && r->p.beta > 0 && r->p.beta <= 2)
	                  : !(r->f.a > 0 && r->f.a <= 2 && r->f.b > 0 && r->f.b <= 2))
		return cli_error("%s: the fitted exponents lie outside (0, 2]: not written as a "
		                 "preset",
		                 cli->output);
	if (output_is_stdout(cli->output))
		snprintf(id, sizeof id, "fit");
	else
		id_from_path(cli->output, id, sizeof id);
	if ((rc = render_preset(r, id, cli->output, &t)) != 0)
		return rc;
	if (output_is_stdout(cli->output)) {
		rc = output_to_stdout(&t);
		if (rc == 0)
			print_warnings(r, stderr, "isoflop: warning: ");
	} else if (write_file_atomic(cli->output, cli->force, write_fitted, &t) != 0) {
		int err = errno;
		const char *what = write_unreplaceable(cli->output);
		if (what != NULL)
			rc = cli_error("%s is %s, not a regular file: not replaced", cli->output,
			               what);
		else
			rc = cli_error("%s: %s%s", cli->output, strerror(err),
			               err == EEXIST ? " (--force overwrites)" : "");
	}
	free(t.text);
	return rc;
}

/* load_runs' status when the file was a downstream one, fitted and reported already. */
#define LOAD_RUNS_DONE (-1)

/*
 * The runs, less the --exclude-top worst; the report's file, budget and k.
 * A file of (loss, error) pairs is fitted here instead (LOAD_RUNS_DONE).
 */
static int load_runs(const struct cli *cli, struct report *r, struct fit_run **runs, size_t *n)
{
	char err[1024];
	struct runs_pairs pairs;
	int kind;

	r->file = cli->args[0];
	r->parametric = cli->method == NULL || strcmp(cli->method, "parametric") == 0;
	r->at_compute = (cli->given & OPT_AT_COMPUTE) ? cli->at_compute : 1e24;
	r->k = LAW_K_TRAINING;
	struct runs_skipped skipped = {0};
	if ((kind = runs_load_either(r->file, r->k, runs, n, &skipped, &pairs, err, sizeof err)) <
	    0)
		return cli_error("%s", err);
	if (runs_skipped_note(r->file, &skipped, err, sizeof err))
		fprintf(stderr, "isoflop: note: %s\n", err);
	if (runs_flops_note(r->file, r->k, &skipped, err, sizeof err))
		fprintf(stderr, "isoflop: note: %s\n", err);
	if (kind == 1) { /* (loss, error) pairs: Gadre et al.'s map, not a scaling law */
		int rc = fit_downstream(cli, r->file, &pairs);
		runs_pairs_free(&pairs);
		return rc == 0 ? LOAD_RUNS_DONE : rc;
	}
	if (cli->exclude_top > 0) {
		if ((size_t)cli->exclude_top + RUNS_MIN > *n) {
			free(*runs);
			return cli_error("--exclude-top %ld leaves fewer than %d of %zu runs",
			                 cli->exclude_top, RUNS_MIN, *n);
		}
		qsort(*runs, *n, sizeof **runs, by_loss_desc);
		memmove(*runs, *runs + cli->exclude_top,
		        sizeof **runs * (*n - (size_t)cli->exclude_top));
		*n -= (size_t)cli->exclude_top;
	}
	return 0;
}

/* The range the runs cover, and a warning when N spans too little of it. */
static void cover(struct report *r, const struct fit_run *runs, size_t n)
{
	struct law range = {.k = r->k};

	r->points = n;
	fit_runs_range(runs, n, r->k, &range);
	r->n_lo = range.params.lo, r->n_hi = range.params.hi;
	r->d_lo = range.tokens.lo, r->d_hi = range.tokens.hi;
	r->c_lo = range.compute.lo, r->c_hi = range.compute.hi;
	if (law_range_narrow(&range.params)) {
		char lo[16], hi[16]; /* in the units every other line uses: 160M, not 1.6e+08 */
		units_format_count(r->n_lo, lo, sizeof lo);
		units_format_count(r->n_hi, hi, sizeof hi);
		warn(r,
		     "the runs cover less than two decades of N (%s to %s): the exponents are "
		     "poorly determined",
		     lo, hi);
	}
}

/* The fit itself, with the progress line; one budget with a minimum is a report too. */
static int run_fit(struct report *r, const struct fit_run *runs, size_t n)
{
	struct progress_line pl = {n, 0, 0};
	struct fit_options opt = {FIT_SCOUT_ROWS, NULL, &pl};

	double one;
	if (n >= PROGRESS_ROWS && isatty(STDERR_FILENO))
		opt.progress = show_progress;
	if (r->parametric && fit_one_budget(runs, n, r->k, &one)) {
		char c[16];
		units_format_compute(one, c, sizeof c);
		return cli_error("%s: the runs form one compute budget (C = %s FLOPs): along it N "
		                 "and D move together, so A/N^alpha and B/D^beta cannot be told "
		                 "apart; add runs at another budget",
		                 r->file, c);
	}
	enum model_status st = r->parametric ? fit_parametric_with(runs, n, &opt, &r->p)
	                                     : fit_isoflop(runs, n, r->k, &r->f);
	end_progress(&pl);
	if (!r->parametric && st == MODEL_EDOM && r->f.nbudgets == 1) {
		/* no frontier, and a budget's own optimum is no reason to run Approach 2 */
		char c[16];
		units_format_compute(r->f.budgets[0].compute, c, sizeof c);
		return cli_error("%s: the runs form one compute budget (C = %s FLOPs): Approach 2 "
		                 "fits N* ~ C^a across two or more; add runs at another budget",
		                 r->file, c);
	}
	if (!r->parametric && st == MODEL_EDOM && r->f.used == 1) {
		/* one budget has a minimum: report it, with no frontier */
		for (int i = 0; i < r->f.nbudgets; i++)
			if (r->f.budgets[i].fitted && !r->f.budgets[i].at_edge)
				r->one_budget = &r->f.budgets[i];
		st = MODEL_OK;
	}
	if (st != MODEL_OK)
		return cli_error(r->parametric
		                         ? "%s: no start reached a fit with positive exponents"
		                         : "%s: fewer than two compute budgets have a minimum "
		                           "inside their sweep (runs within 5%% of each other's "
		                           "6ND form a budget)",
		                 r->file);
	return 0;
}

/*
 * What the fit cannot say: the D term of runs at one D, the frontier of one
 * budget. A warning, and with --output a refusal: there is no law to write.
 */
static int partial_fit(const struct cli *cli, struct report *r)
{
	char b[16];

	if (r->parametric && r->p.one_d) {
		units_format_count(r->d_lo, b, sizeof b);
		warn(r,
		     "every run has D = %s: B and beta (the D term) are unknown, so no "
		     "compute-optimal N* and D* follow; runs at several D give the full law",
		     b);
		if (cli->output != NULL)
			return cli_error("%s: every run has D = %s: with B and beta unknown there "
			                 "is no law to write to %s",
			                 r->file, b, cli->output);
	}
	if (r->one_budget != NULL) {
		units_format_compute(r->one_budget->compute, b, sizeof b);
		warn(r,
		     "only the budget at %s FLOPs has a minimum inside its sweep: a and b need "
		     "two or more, so no frontier N* = k C^a follows",
		     b);
		if (cli->output != NULL)
			return cli_error("%s: only one compute budget (%s FLOPs) has a minimum: "
			                 "with a and b unknown there is no frontier to write to %s",
			                 r->file, b, cli->output);
	}
	return 0;
}

/*
 * Approach 2's bias when the budgets' minima sit off centre in their
 * sweeps (fit_isoflop_biased): said even without --bootstrap, which
 * resamples the same biased parabolas and so cannot show it.
 */
static void warn_biased(struct report *r)
{
	double lo, hi;

	if (r->one_budget != NULL || !fit_isoflop_biased(&r->f, &lo, &hi))
		return;
	warn(r,
	     "the budgets' minima sit off centre in their sweeps (%+.2f to %+.2f of the "
	     "half-width): Approach 2's parabolas are biased there and N* may be far off; "
	     "centre the sizes on each minimum",
	     lo, hi);
}

/* The warnings users have learned to need: a spurious minimum, budgets left out. */
static void warn_fit(struct report *r)
{
	/* as many runs as constants: the fit interpolates them, whatever their noise */
	if (r->parametric && !r->p.one_d && r->points == FIT_CONSTANTS)
		warn(r,
		     "%d runs for the law's %d parameters: the fit passes through every run and "
		     "says nothing of their noise",
		     FIT_CONSTANTS, FIT_CONSTANTS);
	/* a few more: the fit is made, but the residuals have few degrees of freedom */
	else if (r->parametric && !r->p.one_d && r->points < FIT_BOOTSTRAP_MIN_RUNS) {
		int dof = (int)r->points - FIT_CONSTANTS;
		warn(r,
		     "%zu runs for the law's %d parameters: %d degree%s of freedom; the fit says "
		     "little about the noise (%d or more runs for --bootstrap)",
		     r->points, FIT_CONSTANTS, dof, dof == 1 ? "" : "s", FIT_BOOTSTRAP_MIN_RUNS);
	}
	if (r->parametric && r->p.at_best < 5)
		warn(r,
		     "only %d of %d starts reached the best fit: it may be a narrow or spurious "
		     "minimum",
		     r->p.at_best, r->p.starts);
	if (r->parametric)
		return;
	warn_biased(r);
	for (int i = 0; i < r->f.nbudgets; i++) {
		const struct fit_budget *b = &r->f.budgets[i];
		char c[16]; /* 6e18, as every other line says it */
		units_format_compute(b->compute, c, sizeof c);
		if (b->runs < 3)
			warn(r,
			     "the budget at %s FLOPs has %d run%s: at least 3 are needed for "
			     "its parabola",
			     c, b->runs, b->runs == 1 ? "" : "s");
		else if (b->fitted && b->at_edge)
			warn(r,
			     "the budget at %s FLOPs has its minimum at the edge of its sweep: "
			     "left out",
			     c);
		else if (!b->fitted)
			warn(r,
			     "the budget at %s FLOPs has no minimum (its loss does not curve "
			     "up): left out",
			     c);
	}
}

/*
 * Leave-one-budget-out (model/fit_holdout.h): the largest budget predicted
 * from the others, by the fit's own method, its interval from
 * FIT_HOLDOUT_SAMPLES bootstrap refits seeded by --seed, its own whatever
 * --bootstrap asks (the verdict does not move with it; the line says "its
 * own"). Its absence is no error.
 */
static void holdout(const struct cli *cli, struct report *r, const struct fit_run *runs, size_t n)
{
	unsigned long seed = cli_seed(cli);

	r->holdout_tried = true;
	if (r->parametric && r->p.one_d) {
		r->holdout.absent = FIT_HOLDOUT_ONE_D;
		return;
	}
	if (r->parametric)
		fit_holdout_parametric(runs, n, r->k, r->p.theta, FIT_HOLDOUT_SAMPLES, seed,
		                       &r->holdout);
	else
		fit_holdout_isoflop(runs, n, r->k, FIT_HOLDOUT_SAMPLES, seed, &r->holdout);
}

/* Percentile intervals from --bootstrap refits (r->draws freed by the caller). */
static int bootstrap(const struct cli *cli, struct report *r, const struct fit_run *runs, size_t n)
{
	int nk = r->parametric ? 9 : 4;

	if (r->one_budget != NULL) {
		warn(r, "no bootstrap: with one budget there are no exponents to resample");
		return 0;
	}
	for (int k = 0; k < nk; k++)
		if ((r->draws[k] = malloc(sizeof(double) * (size_t)cli->bootstrap)) == NULL)
			return cli_error("out of memory");
	r->samples =
	        fit_bootstrap(runs, n, (int)cli->bootstrap, cli_seed(cli), nk, refit, r, r->draws);
	if (r->samples < 0)
		return cli_error("out of memory");
	if (r->parametric && !r->p.one_d && r->samples >= 3) {
		r->corr = fit_correlation(r->draws[3], r->draws[4], (size_t)r->samples);
		if (fabs(r->corr) > 0.9)
			warn(r,
			     "alpha and beta are strongly correlated across the bootstrap (r = "
			     "%.2f): their ratio is known better than either",
			     r->corr);
	}
	for (int k = 0; k < nk; k++)
		r->iv[k] = fit_interval_of(r->draws[k], (size_t)r->samples);
	if (r->samples < cli->bootstrap && r->parametric)
		warn(r,
		     "%ld of %ld bootstrap refits failed (a resample of no more distinct runs than "
		     "the law's %d parameters is not refitted)",
		     cli->bootstrap - r->samples, cli->bootstrap, FIT_CONSTANTS);
	else if (r->samples < cli->bootstrap)
		warn(r, "%ld of %ld bootstrap refits failed", cli->bootstrap - r->samples,
		     cli->bootstrap);
	return 0;
}

/* The fit, its checks and its warnings, up to what is printed. */
static int fit_report(const struct cli *cli, struct report *r, const struct fit_run *runs, size_t n)
{
	char why[300];
	int rc;

	cover(r, runs, n);
	if ((rc = run_fit(r, runs, n)) != 0)
		return rc;
	if (fit_failed(r, runs, n, why, sizeof why) != NULL)
		return cli_error("%s: the fit failed: %s", r->file, why);
	if ((rc = partial_fit(cli, r)) != 0)
		return rc;
	warn_fit(r);
	holdout(cli, r, runs, n);
	return cli->bootstrap > 0 ? bootstrap(cli, r, runs, n) : 0;
}

/* The preset with --output, and the report unless the preset took standard output. */
static int print_report(const struct cli *cli, const struct report *r)
{
	int rc = cli->output != NULL ? output_preset(cli, r) : 0;

	/* with --output -, standard output carries the preset alone */
	if (rc == 0 && (cli->output == NULL || !output_is_stdout(cli->output))) {
		if (cli->format == FORMAT_CSV)
			print_csv(r);
		else if (cli->format == FORMAT_JSON)
			print_json(r);
		else
			print_text(r);
	}
	return rc;
}

int cmd_fit(const struct cli *cli)
{
	struct report r = {.file = NULL};
	struct fit_run *runs = NULL;
	size_t n = 0;
	int rc;

	if (cli->nargs != 1)
		return cli_error("fit takes one runs file (or - for standard input)");
	/* refuse before the work, not after it */
	if (cli->output != NULL && (rc = output_check(cli)) != 0)
		return rc;
	if ((rc = load_runs(cli, &r, &runs, &n)) != 0)
		return rc == LOAD_RUNS_DONE ? 0 : rc;
	/* resamples of too few distinct runs for Approach 3's refits: refused before the fit */
	if (r.parametric && (rc = runs_law_bootstrap_check(cli, r.file, n)) != 0) {
		free(runs);
		return rc;
	}
	if ((rc = fit_report(cli, &r, runs, n)) == 0)
		rc = print_report(cli, &r);
	for (int k = 0; k < 9; k++)
		free(r.draws[k]);
	free(runs);
	return rc;
}
