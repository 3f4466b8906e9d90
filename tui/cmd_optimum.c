/*
 * cmd_optimum.c: `isoflop optimum`: where a budget is best spent, or what a
 * target loss costs; optionally counting inference (Sardana et al. 2023) or
 * limited unique data (Muennighoff et al. 2023).
 */
#include <stdio.h>
#include <string.h>

#include "../model/optimum.h"
#include "../model/units.h"
#include "cli.h"

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
};

struct layout {
	struct column cols[NCOLS];
	int index[NCOLS]; /* position of each column, -1 when not printed */
	int ncols;
};

static void layout_init(struct layout *l, bool inference, bool unique, bool text)
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
		l->index[c] = on ? l->ncols : -1;
		if (on)
			l->cols[l->ncols++] = all_columns[c];
	}
}

static void put(const struct layout *l, struct cell *row, int col, struct cell v)
{
	if (l->index[col] >= 0)
		row[l->index[col]] = v;
}

static int add_row(struct table *t, const struct layout *l, const char *law, const char *plan,
                   const struct allocation *a, double u, const double *total, double savings,
                   double inference)
{
	struct cell row[NCOLS];

	for (int i = 0; i < NCOLS; i++)
		row[i] = cell_none();
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
	return table_add(t, row);
}

/* A one-line reason why a target loss cannot be had under a law. */
static int loss_error(const struct preset *p, double loss, double u, enum model_status st)
{
	const struct law *law = &p->law;
	char unique[32];

	if (st == MODEL_EDOM && law->family != LAW_KAPLAN && loss <= law->E)
		return cli_error("--loss %g is at or below %s's irreducible loss E = %.4f", loss,
		                 p->id, law->E);
	if (st == MODEL_EDOM && u > 0) {
		units_format_count(u, unique, sizeof unique);
		return cli_error("--loss %g is out of reach under %s with %s unique tokens, "
		                 "for budgets from 1e10 to 1e35 FLOPs",
		                 loss, p->id, unique);
	}
	if (st == MODEL_EDOM)
		return cli_error("--loss %g is out of reach of budgets from 1e10 to 1e35 FLOPs "
		                 "under %s",
		                 loss, p->id);
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

static int one_law(const struct cli *cli, const struct preset *p, const struct layout *l,
                   struct table *t)
{
	const struct law *law = &p->law;
	double u = law->family == LAW_DATA_CONSTRAINED ? cli->unique : 0;
	struct allocation a;
	enum model_status st;

	if (!(cli->given & OPT_INFERENCE)) {
		st = cli->given & OPT_COMPUTE ? optimum_at_compute(law, cli->compute, u, &a)
		                              : optimum_for_loss(law, cli->loss, u, &a);
		if (st != MODEL_OK)
			return cli->given & OPT_LOSS
			               ? loss_error(p, cli->loss, u, st)
			               : cli_error("%s: %s", p->id, model_strerror(st));
		return add_row(t, l, p->id, NULL, &a, u, NULL, -1, 0) < 0
		               ? cli_error("out of memory")
		               : 0;
	}

	/* the target loss: given, or the compute-optimal loss of the budget */
	double target = cli->loss;
	if (cli->given & OPT_COMPUTE) {
		if ((st = optimum_at_compute(law, cli->compute, u, &a)) != MODEL_OK)
			return cli_error("%s: %s", p->id, model_strerror(st));
		target = a.loss;
	}
	struct inference_plan plan;
	if ((st = optimum_inference(law, target, u, cli->inference, &plan)) != MODEL_OK)
		return loss_error(p, target, u, st);
	if (cli->format == FORMAT_TEXT &&
	    add_row(t, l, p->id, "compute-optimal", &plan.chinchilla, u, &plan.chinchilla_total, -1,
	            plan.inference_tokens) < 0)
		return cli_error("out of memory");
	if (add_row(t, l, p->id, "inference-aware", &plan.aware, u, &plan.aware_total, plan.savings,
	            plan.inference_tokens) < 0)
		return cli_error("out of memory");
	return 0;
}

int cmd_optimum(struct cli *cli)
{
	const struct catalog_entry *laws[256];
	struct layout l;
	struct table t;
	int rc, nlaws, shown = 0;
	bool all = cli->law != NULL && strcmp(cli->law, "all") == 0;
	bool any_frontier = false;
	char non_embedding[512] = "";

	if ((rc = cli_check_options(cli, "optimum",
	                            OPT_LAW | OPT_COMPUTE | OPT_LOSS | OPT_UNIQUE | OPT_INFERENCE |
	                                    OPT_FORMAT)) != 0)
		return rc;
	if (cli->nargs > 0)
		return cli_error("optimum takes no operand '%s'", cli->args[0]);
	if (!(cli->given & OPT_COMPUTE) == !(cli->given & OPT_LOSS))
		return cli_error("optimum needs --compute C or --loss L (one of them)");
	if ((cli->given & OPT_COMPUTE) &&
	    (cli->compute < LAW_COMPUTE_MIN || cli->compute > LAW_COMPUTE_MAX))
		return cli_error("--compute must lie between 1e10 and 1e35 FLOPs");
	if ((nlaws = cli_laws(cli, laws, 256)) < 0)
		return EXIT_USAGE;

	layout_init(&l, cli->given & OPT_INFERENCE, cli->given & OPT_UNIQUE,
	            cli->format == FORMAT_TEXT);
	table_init(&t, l.cols, l.ncols);
	for (int i = 0; i < nlaws; i++) {
		const struct preset *p = &laws[i]->preset;
		const char *why = unfit(cli, &p->law, all);

		if (why != NULL && all)
			continue;
		if (why != NULL) {
			table_free(&t);
			return cli_error("'%s' %s", p->id, why);
		}
		if ((rc = one_law(cli, p, &l, &t)) != 0) {
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
		char served[32];
		units_format_count(cli->inference, served, sizeof served);
		if (any_frontier)
			printf("Frontier laws give allocations only: they have no loss.\n");
		if (non_embedding[0])
			printf("Non-embedding parameters only: %s.\n", non_embedding);
		if (cli->given & OPT_INFERENCE)
			printf("Serving %s tokens: total = training 6ND + inference 2N FLOPs per "
			       "token;\nsavings against the compute-optimal model of the same "
			       "loss.\n",
			       served);
		if (shown > 1)
			printf("Laws measure loss on different data: compare rows within a law, "
			       "not across laws.\n");
	}
	return shown > 0 ? 0 : EXIT_USAGE;
}
