/*
 * cmd_compare.c: `isoflop compare --law A --compare B`: per budget C, the
 * loss A's compute-optimal run reaches and the compute B's own optimum
 * needs for it, k = C_B / C (model/compare.h). With --runs FILE either law
 * may be the fit of the user's runs ('runs'), and --bootstrap N gives k's
 * 10-90% interval across refits of resamples of the runs. Optima past
 * their law's fitted range are said (beyond.h) and flagged per row.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../model/compare.h"
#include "../../model/returns.h"
#include "../../model/uncertainty.h"
#include "beyond.h"
#include "cli.h"
#include "runs_law.h"

/* The budgets without --compute: each decade from 1e21 to 1e25 FLOPs. */
#define DEFAULT_DECADE_LO 21
#define DEFAULT_DECADE_HI 25

/* A row per budget; the interval's two columns only with --bootstrap. */
static const struct column compare_columns[] = {
        {"law", "A", COL_TEXT, false},
        {"compare", "B", COL_TEXT, false},
        {"compute", "C", COL_COMPUTE, false},
        {"loss", "L*_A(C)", COL_LOSS, false},
        {"compare_compute", "B's C", COL_COMPUTE, false},
        {"multiplier", "k", COL_NUMBER, false},
        {"multiplier_p10", "k p10", COL_NUMBER, false},
        {"multiplier_p90", "k p90", COL_NUMBER, false},
};

#define NCOLS_POINT 6
#define NCOLS_BAND  8

/*
 * CSV and JSON only: whether A's optimum at C or B's at its compute lies
 * past its law's fit (in text the note under the table says it).
 */
static const struct column extrapolated_column = {"extrapolated", "", COL_BOOL, false};

/* What the command works with: the two laws, the budgets, the refits. */
struct compare_job {
	const struct preset *a, *b;
	const char *runs_id; /* the runs law's id, or NULL without --runs */
	struct law *boot;    /* bootstrap laws of the runs' fit, or NULL */
	int nboot;           /* how many */
	double budgets[CLI_MAX_BUDGETS];
	int nbudgets;
	int missing;               /* rows whose loss B cannot reach */
	int beyond;                /* rows with either optimum past its law's fit */
	struct beyond_notes notes; /* those optima, for the note under the text table */
	struct column cols[NCOLS_BAND + 1];
	int ncols;
	int extrapolated_col; /* its index in cols, -1 in text */
};

/* A law by id ('runs' only with --runs), or NULL after one line on stderr. */
static const struct preset *find_law(const struct cli *cli, const char *id, const char *runs_id)
{
	const struct catalog_entry *e = catalog_law(cli->catalog, id);

	if (e == NULL && strcmp(id, RUNS_LAW_DEFAULT_ID) == 0 && runs_id == NULL) {
		cli_error("compare: law 'runs' is the fit of --runs FILE: give --runs");
		return NULL;
	}
	if (e == NULL) {
		cli_unknown_law(cli, "", id);
		return NULL;
	}
	return &e->preset;
}

/* A law with no compute-optimal loss (compare_status): one line, EXIT_USAGE; 0 when it has one. */
static int no_loss(const struct preset *p)
{
	switch (compare_status(&p->law)) {
	case MODEL_OK:
		return 0;
	case MODEL_ENOFIT:
		return cli_error("compare: '%s' fits no L(C), so no compute-optimal loss to "
		                 "compare (its paper fits L(N) only)",
		                 p->id);
	default:
		return cli_error("compare: '%s' is a frontier law: it gives allocations only, no "
		                 "loss to compare (laws with a loss: isoflop presets laws)",
		                 p->id);
	}
}

/* The loss's units of a law, "nats per token" when the preset says none. */
static const char *units_of(const struct preset *p)
{
	return p->units[0] ? p->units : "nats per token";
}

/* A and B from --law and --compare, checked; 0 or EXIT_USAGE. */
static int pick_laws(const struct cli *cli, struct compare_job *job)
{
	const char *a = cli->law ? cli->law : job->runs_id ? job->runs_id : CLI_DEFAULT_LAW;

	if (cli->compare == NULL)
		return cli_error("compare needs --compare B: the law whose compute is counted "
		                 "(isoflop presets laws lists them)");
	if (strcmp(a, "all") == 0 || strcmp(cli->compare, "all") == 0)
		return cli_error("compare takes one law for --law and one for --compare, not all");
	if ((job->a = find_law(cli, a, job->runs_id)) == NULL ||
	    (job->b = find_law(cli, cli->compare, job->runs_id)) == NULL)
		return EXIT_USAGE;
	if (strcmp(job->a->id, job->b->id) == 0)
		return cli_error("compare: --law and --compare name the same law '%s': nothing to "
		                 "compare",
		                 job->a->id);
	int rc = no_loss(job->a);
	if (rc != 0 || (rc = no_loss(job->b)) != 0)
		return rc;
	if (strcmp(units_of(job->a), units_of(job->b)) != 0)
		return cli_error("compare: '%s' measures loss in %s, '%s' in %s: no common loss",
		                 job->a->id, units_of(job->a), job->b->id, units_of(job->b));
	return 0;
}

/* The budgets: --compute's, or each decade of the default span. */
static void pick_budgets(const struct cli *cli, struct compare_job *job)
{
	job->nbudgets = 0;
	if (cli->given & OPT_COMPUTE) {
		for (int i = 0; i < cli->nbudgets; i++)
			job->budgets[job->nbudgets++] = cli->budgets[i];
		return;
	}
	for (int e = DEFAULT_DECADE_LO; e <= DEFAULT_DECADE_HI; e++)
		job->budgets[job->nbudgets++] = pow(10, e);
}

/*
 * --bootstrap N: the runs' fit refitted on N resamples; the law that is the
 * runs' is then swapped for each refit. 0 or EXIT_USAGE.
 */
static int bootstrap(const struct cli *cli, const struct runs_law *r, struct compare_job *job)
{
	if (!(cli->given & OPT_BOOTSTRAP) || cli->bootstrap == 0)
		return 0;
	if (job->runs_id == NULL)
		return cli_error("compare --bootstrap N refits --runs FILE: give --runs and "
		                 "'%s' as --law or --compare",
		                 RUNS_LAW_DEFAULT_ID);
	if (strcmp(job->a->id, job->runs_id) != 0 && strcmp(job->b->id, job->runs_id) != 0)
		return cli_error("compare --bootstrap N: neither --law nor --compare is '%s', the "
		                 "fit of %s",
		                 job->runs_id, cli->runs);
	int rc = runs_law_bootstrap_check(cli, cli->runs, r->n);
	if (rc != 0)
		return rc;
	if ((job->boot = malloc((size_t)cli->bootstrap * sizeof *job->boot)) == NULL)
		return cli_error("out of memory");
	job->nboot = fit_bootstrap_laws(r->runs, r->n, LAW_K_TRAINING, (int)cli->bootstrap,
	                                cli_seed(cli), &r->fit, job->boot);
	if (job->nboot < 0)
		return cli_error("out of memory");
	return 0;
}

/* k's 10th and 90th percentiles across the refits at c; false when under two reach it. */
static bool interval(const struct compare_job *job, double c, double *p10, double *p90)
{
	double *k = malloc((size_t)(job->nboot > 0 ? job->nboot : 1) * sizeof *k);
	size_t m = 0;
	bool a_runs = strcmp(job->a->id, job->runs_id) == 0;
	bool b_runs = strcmp(job->b->id, job->runs_id) == 0;

	if (k == NULL)
		return false;
	for (int i = 0; i < job->nboot; i++) {
		const struct law *la = a_runs ? &job->boot[i] : &job->a->law;
		const struct law *lb = b_runs ? &job->boot[i] : &job->b->law;
		if (compute_multiplier(la, lb, c, &k[m]) == MODEL_OK)
			m++;
	}
	struct fit_interval iv = m >= 2 ? fit_interval_of(k, m) : (struct fit_interval){0};
	free(k);
	*p10 = iv.p10;
	*p90 = iv.p90;
	return m >= 2;
}

/* Either optimum of the point past its law's fit: counted, and kept for the note. */
static bool note_beyond(struct compare_job *job, const struct compare_point *p)
{
	if (!compare_extrapolated(p))
		return false;
	job->beyond++;
	/* each at its own budget, named as the table's columns: N or D past says not which */
	beyond_note_at(&job->notes, job->a->id, &job->a->law, p->n_a, p->d_a, p->compute, "C");
	beyond_note_at(&job->notes, job->b->id, &job->b->law, p->n_b, p->d_b, p->compute_b,
	               "B's C");
	return true;
}

/* One budget's row; a budget B cannot reach A's loss at leaves k empty. */
static int add_row(struct table *t, struct compare_job *job, double c)
{
	struct compare_point p;
	struct cell row[NCOLS_BAND + 1] = {cell_text(job->a->id), cell_text(job->b->id),
	                                   cell_num(c)};
	enum model_status st = compare_at(&job->a->law, &job->b->law, c, &p);
	double p10, p90;

	for (int i = 3; i < job->ncols; i++)
		row[i] = cell_none();
	double l;

	if (returns_loss(&job->a->law, c, 0, &l) == MODEL_OK)
		row[3] = cell_num(l);
	if (st == MODEL_OK) {
		row[4] = cell_num(p.compute_b);
		row[5] = cell_num(p.k);
		bool past = note_beyond(job, &p);
		if (job->extrapolated_col >= 0)
			row[job->extrapolated_col] = cell_bool(past);
	} else {
		job->missing++;
	}
	if (job->boot != NULL && interval(job, c, &p10, &p90)) {
		row[6] = cell_num(p10);
		row[7] = cell_num(p90);
	}
	return table_add(t, row);
}

/* Why B has no k at the one budget asked: one line, EXIT_USAGE. */
static int unreachable(const struct compare_job *job, double c)
{
	char cb[16];
	double l;

	units_format_compute(c, cb, sizeof cb);
	if (returns_loss(&job->a->law, c, 0, &l) != MODEL_OK)
		return cli_error("compare: '%s' has no compute-optimal loss at %s FLOPs",
		                 job->a->id, cb);
	if (!(l > compare_floor(&job->b->law)))
		return cli_error("compare: at %s FLOPs '%s' reaches L = %.4f, at or below the "
		                 "floor %.4f of '%s': no budget of it reaches that loss",
		                 cb, job->a->id, l, compare_floor(&job->b->law), job->b->id);
	return cli_error("compare: '%s' reaches %s's L = %.4f at %s FLOPs only outside 1e10 "
	                 "to 1e35 FLOPs",
	                 job->b->id, job->a->id, l, cb);
}

/*
 * Kaplan's Eq. 1.5: its optimum is isoflop's derivation, and below its
 * breakdown loss the paper says the laws fail (sec. 6.3): said as cmd_loss
 * says them.
 */
static void print_kaplan_notes(const struct compare_job *job, const struct table *t)
{
	const struct preset *laws[2] = {job->a, job->b};
	double below = 0;

	for (int i = 0; i < 2; i++)
		if (law_optimum_derived(&laws[i]->law))
			printf("Optimum derived by isoflop from Eq. 1.5 at C = 6ND, not Kaplan's "
			       "own: %s.\n",
			       laws[i]->id);
	for (int r = 0; r < t->nrows; r++) {
		const struct cell *loss = &t->cells[r * t->ncols + 3];
		for (int i = 0; i < 2; i++)
			if (!loss->missing && loss->value < laws[i]->law.breakdown_loss)
				below = laws[i]->law.breakdown_loss;
	}
	if (below > 0)
		printf("Losses below %g, where Kaplan says the laws break down (sec. 6.3).\n",
		       below);
}

/*
 * A law as the notes' prose names it: its id, or "your runs' fit" for the
 * law fitted to --runs (its id 'runs' read as a word: "the compute-optimal
 * run of runs").
 */
static const char *prose_name(const struct compare_job *job, const struct preset *p)
{
	return job->runs_id != NULL && strcmp(p->id, job->runs_id) == 0 ? "your runs' fit" : p->id;
}

/* What a reader must know under the text table. */
static void print_notes(const struct cli *cli, const struct compare_job *job, const struct table *t)
{
	const struct law *lb = &job->b->law;

	if (t->nrows == 1 && job->missing == 0) {
		char cb[16], bb[16];
		const struct cell *row = &t->cells[0];
		units_format_compute(row[2].value, cb, sizeof cb);
		units_format_compute(row[4].value, bb, sizeof bb);
		printf("At %s FLOPs the compute-optimal run of %s reaches L = %.4f;\n%s reaches it "
		       "with %.3gx the compute, %s FLOPs (derived%s).\n",
		       cb, prose_name(job, job->a), row[3].value, prose_name(job, job->b),
		       row[5].value, bb, job->beyond > 0 ? "; extrapolated" : "");
	} else {
		printf("k: %s needs k x C to reach the loss the compute-optimal run\nof %s reaches "
		       "at "
		       "C (derived).\n",
		       prose_name(job, job->b), prose_name(job, job->a));
	}
	if (job->missing > 0)
		printf("-: %s never reaches that loss (its floor is %.4f),\nor only outside 1e10 "
		       "to 1e35 FLOPs.\n",
		       prose_name(job, job->b), compare_floor(lb));
	if (job->boot != NULL)
		printf("k p10, p90: across %d bootstrap refits of %s (--seed %ld).\n", job->nboot,
		       cli->runs, (long)cli_seed(cli));
	else if (job->runs_id != NULL)
		printf("k from the best fit of %s alone;\n--bootstrap N gives its 10-90%% "
		       "interval.\n",
		       cli->runs);
	print_kaplan_notes(job, t);
	beyond_print(&job->notes);
	if (strcmp(job->a->dataset, job->b->dataset) != 0)
		printf("The laws measure loss on different data (%s; %s):\nk compares their "
		       "numbers, not one model's.\n",
		       job->a->dataset[0] ? job->a->dataset : "not said",
		       job->b->dataset[0] ? job->b->dataset : "not said");
}

/* The table, printed; one line and EXIT_USAGE when no budget has a k. */
static int print_table(const struct cli *cli, struct compare_job *job)
{
	struct table t;
	int rc = 0;

	job->ncols = job->boot != NULL ? NCOLS_BAND : NCOLS_POINT;
	memcpy(job->cols, compare_columns, sizeof *job->cols * (size_t)job->ncols);
	job->extrapolated_col = -1;
	if (cli->format != FORMAT_TEXT) {
		job->extrapolated_col = job->ncols;
		job->cols[job->ncols++] = extrapolated_column;
	}
	table_init(&t, job->cols, job->ncols);
	for (int i = 0; i < job->nbudgets && rc == 0; i++)
		if (add_row(&t, job, job->budgets[i]) < 0)
			rc = cli_error("out of memory");
	if (rc == 0 && job->missing == job->nbudgets)
		rc = job->nbudgets == 1
		             ? unreachable(job, job->budgets[0])
		             : cli_error("compare: at none of the budgets does '%s' reach the "
		                         "loss '%s' reaches (its floor is %.4f)",
		                         job->b->id, job->a->id, compare_floor(&job->b->law));
	if (rc == 0) {
		table_print(&t, cli->format, stdout);
		if (cli->format == FORMAT_TEXT)
			print_notes(cli, job, &t);
	}
	table_free(&t);
	return rc;
}

int cmd_compare(const struct cli *cli)
{
	struct compare_job job = {0};
	struct runs_law runs = {0};
	int rc;

	if (cli->nargs > 0)
		return cli_error("compare takes no operand '%s'", cli->args[0]);
	if ((cli->given & (OPT_BOOTSTRAP | OPT_SEED)) && cli->runs == NULL)
		return cli_error(
		        "compare --bootstrap N and --seed S refit --runs FILE: give --runs");
	if (cli->runs != NULL) {
		if ((rc = runs_law_load(cli, "compare", &runs)) != 0)
			return rc;
		job.runs_id = runs.id;
	}
	pick_budgets(cli, &job);
	if ((rc = pick_laws(cli, &job)) == 0 && (rc = bootstrap(cli, &runs, &job)) == 0)
		rc = print_table(cli, &job);
	free(job.boot);
	free(runs.runs);
	return rc;
}
