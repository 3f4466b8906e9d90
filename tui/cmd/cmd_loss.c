/*
 * cmd_loss.c: `isoflop loss`: L(N, D [, U]) under one law or all, with the
 * compute efficiency of the allocation (how much of its compute an optimal
 * allocation would need for the same loss).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../model/optimum.h"
#include "../../model/units.h"
#include "beyond.h"
#include "cli.h"
#include "../explore/stocks.h"
#include "power_args.h"
#include "downstream_cols.h"
#include "runs_law.h"
#include "stock_cols.h"

/*
 * CSV keeps exactly law,params,tokens,compute,loss for one law; people (and
 * JSON) also see how far the point is from the optimum: the compute-optimal
 * loss L*(C) at the same C = kND, the gap dL = L - L*(C) and the efficiency.
 * With --law all, CSV has those too (COMPARE_FIRST on): the columns that
 * let laws be compared in one table, each measured against its own law.
 */
static const struct column loss_columns[] = {
        {"law", "law", COL_TEXT, false},
        {"params", "params", COL_COUNT, false},
        {"tokens", "tokens", COL_COUNT, false},
        {"compute", "compute", COL_COMPUTE, false},
        {"loss", "loss", COL_LOSS, false},
        {"optimal_loss", "L*(C)", COL_LOSS, true},
        {"loss_gap", "dL", COL_LOSS, true},
        {"efficiency", "efficiency", COL_SHARE, true},
        {"optimal_compute", "optimal C", COL_COMPUTE, true},
};

#define NCOLS ((int)(sizeof loss_columns / sizeof *loss_columns))

/* The first of the columns --law all adds to CSV: L*(C), dL, efficiency, optimal C. */
#define COMPARE_FIRST 5

/* On a narrow terminal, text leaves out optimal C, then L*(C) (dL keeps the gap). */
static const int loss_drop[] = {8, 5};

/* With --stock: D over the stock and over its interval's ends (stock_cols.h). */
#define NSTOCK STOCK_NCOLS

/*
 * Where a model's published training compute and the 6ND the table prints
 * differ at the printed digits, both, labelled (Gopher: 6ND 5.04e23, reported
 * 5.76e23 by Hoffmann et al. 2022, Table 3).
 */
static void reported_compute_note(const struct preset *p, double n, double d)
{
	char cb[16], rb[16];

	units_format_compute(law_training_compute(n, d), cb, sizeof cb);
	units_format_compute(p->compute, rb, sizeof rb);
	if (strcmp(cb, rb) != 0)
		printf("%s: compute here is 6ND = %s FLOPs; reported: %s.\n", p->name, cb, rb);
}

/* N and D from --params/--tokens or from --model. */
static int point(const struct cli *cli, double *n, double *d, const struct catalog_entry **model)
{
	*model = NULL;
	if (cli->model != NULL) {
		if (cli->nmodels > 1)
			return cli_error("loss takes one --model");
		if (cli->given & (OPT_PARAMS | OPT_TOKENS))
			return cli_error("give --model or --params/--tokens, not both");
		*model = catalog_model(cli->catalog, cli->model);
		if (*model == NULL)
			return cli_error("unknown model '%s' (isoflop presets models lists them)",
			                 cli->model);
		const struct preset *p = &(*model)->preset;
		/* a mixture of experts computes with its active parameters */
		*n = preset_compute_params(p);
		*d = p->tokens;
		return 0;
	}
	if ((cli->given & (OPT_PARAMS | OPT_TOKENS)) != (OPT_PARAMS | OPT_TOKENS))
		return cli_error("loss needs --params N and --tokens D, or --model ID");
	*n = cli->params;
	*d = cli->tokens;
	return 0;
}

/* Say on stderr why a law has no loss at (n, d); returns EXIT_USAGE. */
static int cant_answer(const struct preset *p, double n, double d, enum model_status st)
{
	char nb[32], db[32];

	units_format_count(n, nb, sizeof nb);
	units_format_count(d, db, sizeof db);
	return cli_error("%s: no finite loss at N = %s, D = %s: %s", p->id, nb, db,
	                 model_strerror(st));
}

/* The notes under the table, by law id: what the reader must know to read a row. */
struct loss_notes {
	char non_embedding[512]; /* laws of non-embedding N */
	char derived[256];       /* optima isoflop derived, not the paper's */
	char broken[256];        /* losses below where the paper says its law breaks down */
	double broken_at;
	char power[512];            /* power laws of one variable, left out of a table of L(N, D) */
	int shown, failed;          /* rows, and laws that could not answer (all) */
	const struct preset *map;   /* --downstream: the error column's map, or NULL */
	struct downstream_rows ds;  /* what the error column holds, for its note */
	struct beyond_notes beyond; /* rows past their law's fitted range */
};

static void note_law(struct loss_notes *nt, const struct preset *p, double loss)
{
	const struct law *law = &p->law;

	if (law->non_embedding)
		cli_append_id(nt->non_embedding, sizeof nt->non_embedding, p->id);
	if (law_optimum_derived(law))
		cli_append_id(nt->derived, sizeof nt->derived, p->id);
	if (law->breakdown_loss > 0 && loss < law->breakdown_loss) {
		cli_append_id(nt->broken, sizeof nt->broken, p->id);
		nt->broken_at = law->breakdown_loss;
	}
	nt->shown++;
}

/* law_refused's answers besides 0 and EXIT_USAGE: a law --law all leaves out. */
#define SKIP_FRONTIER (-1)
#define SKIP_POWER    (-2)

/*
 * Why one law cannot be asked (one line, EXIT_USAGE), or 0; with --law all
 * a frontier law (SKIP_FRONTIER) or a power law (SKIP_POWER) is skipped
 * rather than refused.
 */
static int law_refused(const struct cli *cli, const struct preset *p, bool all)
{
	const struct law *law = &p->law;

	if (law->family == LAW_POWER && all)
		return SKIP_POWER; /* a power law of one variable: named under the table */
	if (!law_has_surface(law)) {
		if (all)
			return SKIP_FRONTIER;
		if (power_exponents_only(law))
			return power_exponents_refusal(p);
		return cli_error("'%s' is a frontier law: it gives allocations only and has no "
		                 "loss surface (try: isoflop optimum --law %s --compute C)",
		                 p->id, p->id);
	}
	if (!all && (cli->given & OPT_UNIQUE) && law->family != LAW_DATA_CONSTRAINED)
		return cli_error("--unique-tokens needs a data-constrained law such as "
		                 "muennighoff2023; '%s' is %s",
		                 p->id, preset_family_name(law->family));
	return 0;
}

/* One law's row; with --law all a law with no loss here says why and is left out. */
static int loss_row(const struct cli *cli, struct table *t, struct loss_notes *nt,
                    const struct preset *p, double n, double d, bool all,
                    const struct stock_numbers *stock)
{
	const struct law *law = &p->law;
	double u = law->family == LAW_DATA_CONSTRAINED ? cli->unique : 0, loss, eff;
	struct allocation opt;
	int rc;

	if ((rc = law_refused(cli, p, all)) == SKIP_POWER)
		cli_append_id(nt->power, sizeof nt->power, p->id);
	if (rc != 0)
		return rc == SKIP_FRONTIER || rc == SKIP_POWER ? 0 : rc;
	enum model_status st = law_loss(law, n, d, u, &loss);
	if (st != MODEL_OK) {
		if (!all)
			return cant_answer(p, n, d, st);
		cant_answer(p, n, d, st); /* one line on stderr; the other laws still answer */
		nt->failed++;
		return 0;
	}
	bool have_eff = optimum_efficiency(law, n, d, u, &eff, &opt) == MODEL_OK;
	struct allocation here; /* the compute-optimal run at this point's own C */
	bool have_opt = optimum_at_compute(law, law_compute(law, n, d), u, &here) == MODEL_OK &&
	                here.has_loss;
	struct cell row[NCOLS + NSTOCK + 1] = {
	        cell_text(p->id),
	        cell_num(n),
	        cell_num(d),
	        cell_num(law_compute(law, n, d)),
	        cell_num(loss),
	        have_opt ? cell_num(here.loss) : cell_none(),
	        have_opt ? cell_num(loss - here.loss) : cell_none(),
	        have_eff ? cell_num(eff) : cell_none(),
	        have_eff ? cell_num(opt.compute) : cell_none(),
	};
	if (stock != NULL)
		stock_cells(stock, d, row + NCOLS);
	if (nt->map != NULL) /* the last column, after the stock's */
		row[NCOLS + (stock != NULL ? NSTOCK : 0)] =
		        downstream_cell(nt->map, true, loss, &nt->ds);
	if (table_add(t, row) < 0)
		return cli_error("out of memory");
	note_law(nt, p, loss);
	beyond_note(&nt->beyond, p->id, law, n, d, law_compute(law, n, d));
	return 0;
}

/*
 * The one variable a power law's loss is asked at: --params N for L(N) or
 * --compute C for L(C); *by_compute says which. One line and EXIT_USAGE
 * for anything else (tokens, a model, both).
 */
static int power_question(const struct cli *cli, const struct preset *p, bool *by_compute)
{
	unsigned long long asked = cli->given & (OPT_PARAMS | OPT_COMPUTE);

	if (cli->given & (OPT_TOKENS | OPT_MODEL | OPT_UNIQUE | OPT_STOCK | OPT_DOWNSTREAM) ||
	    asked == 0 || asked == (OPT_PARAMS | OPT_COMPUTE))
		return cli_error("loss: '%s' is a power law of one variable: give --params N for "
		                 "L(N) or --compute C for L(C), alone",
		                 p->id);
	*by_compute = asked == OPT_COMPUTE;
	char fits[64];
	power_fits_text(&p->law, fits, sizeof fits);
	if (*by_compute ? !power_has_compute(&p->law) : !power_has_params(&p->law))
		return cli_error("loss: '%s' fits %s, no %s: give --%s", p->id, fits,
		                 *by_compute ? "L(C)" : "L(N)",
		                 *by_compute ? "params N" : "compute C");
	return 0;
}

/*
 * `isoflop loss` of a power law: one row of L(N) at --params or L(C) at
 * --compute, the columns of the other empty (CSV keeps its header).
 */
static int power_loss(const struct cli *cli, const struct preset *p)
{
	const struct law *law = &p->law;
	double x, loss;
	bool by_compute = false;
	struct table t;
	int rc;

	if ((rc = power_question(cli, p, &by_compute)) != 0)
		return rc;
	x = by_compute ? cli->compute : cli->params;
	if (law_single_loss(by_compute ? &law->by_compute : &law->by_params, x, &loss) != MODEL_OK)
		return cli_error("loss: '%s' has no loss at %g", p->id, x);
	struct cell row[NCOLS] = {
	        cell_text(p->id), by_compute ? cell_none() : cell_num(x),
	        cell_none(),      by_compute ? cell_num(x) : cell_none(),
	        cell_num(loss),   cell_none(),
	        cell_none(),      cell_none(),
	        cell_none(),
	};
	table_init(&t, loss_columns, NCOLS);
	if (table_add(&t, row) < 0) {
		table_free(&t);
		return cli_error("out of memory");
	}
	table_print(&t, cli->format, stdout);
	table_free(&t);
	if (cli->format == FORMAT_TEXT)
		printf("%s under %s, loss in %s%s.\n", by_compute ? "L(C)" : "L(N)", p->id,
		       p->units[0] ? p->units : "nats per token",
		       law->non_embedding && !by_compute ? ", N non-embedding" : "");
	return 0;
}

/* The notes for people under the table. */
static void print_notes(const struct cli *cli, const struct loss_notes *nt,
                        const struct catalog_entry *model, double n, double d, bool all)
{
	if (model != NULL && model->preset.active_params > 0)
		printf("%s is a mixture of experts: N is its active parameters and\n"
		       "compute is 6ND with them; no law here is fitted to mixtures of experts,\n"
		       "so its loss and efficiency are a dense model's (dense-equivalent).\n",
		       model->preset.name);
	if (model != NULL && model->preset.compute > 0)
		reported_compute_note(&model->preset, n, d);
	printf("L*(C): the compute-optimal loss at the same C = kND; dL = loss - L*(C).\n"
	       "efficiency: the share of this compute that a compute-optimal model\n"
	       "needs for the same loss.\n");
	if (nt->derived[0])
		printf("Optimum derived by isoflop from Eq. 1.5 at C = 6ND, not Kaplan's own\n"
		       "(Table 6 is kaplan2020-frontier): %s.\n",
		       nt->derived);
	if (nt->broken[0])
		printf("Loss below %g, where Kaplan says the laws break down (sec. 6.3): %s.\n",
		       nt->broken_at, nt->broken);
	if (nt->non_embedding[0])
		printf("Non-embedding parameters only: %s.\n", nt->non_embedding);
	if (nt->shown > 1)
		printf("Laws measure loss on different data: compare rows within a law, "
		       "not across laws.\n");
	if (nt->power[0])
		printf("Power laws of one variable, not asked at (N, D): %s (isoflop loss --law ID "
		       "--params N or --compute C).\n",
		       nt->power);
	if (all && (cli->given & OPT_UNIQUE))
		printf("--unique-tokens applies to data-constrained laws only.\n");
	beyond_print(&nt->beyond);
}

/*
 * The table's columns into cols: the loss's (with --law all, the gap and
 * efficiency in CSV too), then the stock's with --stock, then the error
 * with --downstream; how many.
 */
static int columns(bool stock, bool error, bool all, struct column *cols)
{
	int n = NCOLS + (stock ? NSTOCK : 0);

	memcpy(cols, loss_columns, sizeof loss_columns);
	for (int i = COMPARE_FIRST; all && i < NCOLS; i++)
		cols[i].text_only = false;
	if (stock)
		memcpy(cols + NCOLS, stock_columns, sizeof stock_columns);
	if (error)
		cols[n++] = downstream_column;
	return n;
}

/* --stock ID into *st, or one line and EXIT_USAGE; *use NULL without it. */
static int stock_of(const struct cli *cli, struct stock_numbers *st,
                    const struct stock_numbers **use)
{
	*use = NULL;
	if (cli->stock == NULL)
		return 0;
	if (cli_stock(cli, cli->stock, st) != 0)
		return EXIT_USAGE;
	*use = st;
	return 0;
}

/*
 * The laws asked: --law's (all: every preset, then the runs' fit), or with
 * --runs FILE and no --law the runs' fit alone (runs_id). How many, or -1
 * after one line on stderr.
 */
static int loss_laws(const struct cli *cli, const char *runs_id, const struct catalog_entry **out,
                     int max)
{
	if (cli->law == NULL && runs_id != NULL) {
		out[0] = catalog_law(cli->catalog, runs_id);
		return 1;
	}
	if (runs_id == NULL && cli->law != NULL && strcmp(cli->law, RUNS_LAW_DEFAULT_ID) == 0 &&
	    catalog_law(cli->catalog, cli->law) == NULL) {
		cli_error("loss: law 'runs' is the fit of --runs FILE: give --runs");
		return -1;
	}
	return cli_laws(cli, out, max);
}

/* The table and its notes, for the laws asked (loss_laws); runs_id as there. */
static int loss_table(const struct cli *cli, const char *runs_id);

int cmd_loss(const struct cli *cli)
{
	struct runs_law runs = {0};
	int rc;

	if (cli->runs == NULL)
		return loss_table(cli, NULL);
	/* --runs FILE: the fit of the user's runs is law 'runs', as compare's */
	if ((rc = runs_law_load(cli, "ask a loss of", &runs)) != 0)
		return rc;
	rc = loss_table(cli, runs.id);
	free(runs.runs);
	return rc;
}

static int loss_table(const struct cli *cli, const char *runs_id)
{
	struct column cols[NCOLS + NSTOCK + 1];
	struct stock_numbers stock;
	const struct stock_numbers *st;
	const struct catalog_entry *laws[256], *model;
	struct loss_notes nt = {.shown = 0};
	struct table t;
	double n = 0, d = 0;
	int rc, nlaws;
	bool all = cli->law != NULL && strcmp(cli->law, "all") == 0;

	if (cli->nargs > 0)
		return cli_error("loss takes no operand '%s'", cli->args[0]);
	const struct catalog_entry *one =
	        all || cli->law == NULL ? NULL : catalog_law(cli->catalog, cli->law);
	if (one != NULL && one->preset.law.family == LAW_POWER)
		return power_loss(cli, &one->preset);
	if (cli->given & OPT_COMPUTE)
		return cli_error("loss --compute C asks a power law's L(C); '%s' needs --params N "
		                 "--tokens D",
		                 one != NULL ? one->preset.id
		                 : all       ? "all"
		                             : CLI_DEFAULT_LAW);
	if ((rc = point(cli, &n, &d, &model)) != 0 || (rc = stock_of(cli, &stock, &st)) != 0 ||
	    (rc = cli_downstream(cli, &nt.map)) != 0)
		return rc;
	if ((nlaws = loss_laws(cli, runs_id, laws, 256)) < 0)
		return EXIT_USAGE;
	table_init(&t, cols, columns(st != NULL, nt.map != NULL, all, cols));
	t.width = cli_text_width();
	t.drop = loss_drop;
	t.ndrop = (int)(sizeof loss_drop / sizeof *loss_drop);
	for (int i = 0; i < nlaws && rc == 0; i++)
		rc = loss_row(cli, &t, &nt, &laws[i]->preset, n, d, all, st);
	if (rc == 0 && nt.shown == 0 && nt.failed > 0)
		rc = EXIT_USAGE; /* each law said why on stderr: no empty table */
	if (rc == 0)
		table_print(&t, cli->format, stdout);
	table_free(&t);
	if (rc == 0 && cli->format == FORMAT_TEXT) {
		print_notes(cli, &nt, model, n, d, all);
		downstream_note(nt.map, &nt.ds);
	}
	return rc;
}
