/*
 * cmd_loss.c: `isoflop loss`: L(N, D [, U]) under one law or all, with the
 * compute efficiency of the allocation (how much of its compute an optimal
 * allocation would need for the same loss).
 */
#include <stdio.h>
#include <string.h>

#include "../../model/optimum.h"
#include "../../model/units.h"
#include "cli.h"

/* CSV keeps exactly law,params,tokens,compute,loss; people also see efficiency. */
static const struct column loss_columns[] = {
        {"law", "law", COL_TEXT, false},
        {"params", "params", COL_COUNT, false},
        {"tokens", "tokens", COL_COUNT, false},
        {"compute", "compute", COL_COMPUTE, false},
        {"loss", "loss", COL_LOSS, false},
        {"efficiency", "efficiency", COL_SHARE, true},
        {"optimal_compute", "optimal C", COL_COMPUTE, true},
};

#define NCOLS ((int)(sizeof loss_columns / sizeof *loss_columns))

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
static int point(struct cli *cli, double *n, double *d, const struct catalog_entry **model)
{
	*model = NULL;
	if (cli->model != NULL) {
		if (cli->nmodels > 1)
			return cli_error("loss takes one --model");
		if (cli->given & (OPT_PARAMS | OPT_TOKENS))
			return cli_error("give --model or --params/--tokens, not both");
		*model = catalog_model(&cli->catalog, cli->model);
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

int cmd_loss(struct cli *cli)
{
	const struct catalog_entry *laws[256], *model;
	double n = 0, d = 0;
	int rc, nlaws;
	bool all = cli->law != NULL && strcmp(cli->law, "all") == 0;

	if ((rc = cli_check_options(cli, "loss",
	                            OPT_LAW | OPT_PARAMS | OPT_TOKENS | OPT_MODEL | OPT_UNIQUE |
	                                    OPT_FORMAT)) != 0)
		return rc;
	if (cli->nargs > 0)
		return cli_error("loss takes no operand '%s'", cli->args[0]);
	if ((rc = point(cli, &n, &d, &model)) != 0)
		return rc;
	if ((nlaws = cli_laws(cli, laws, 256)) < 0)
		return EXIT_USAGE;

	struct table t;
	table_init(&t, loss_columns, NCOLS);
	int shown = 0, failed = 0;
	char non_embedding[512] = "", derived[256] = "", broken[256] = "";
	double broken_at = 0;
	for (int i = 0; i < nlaws; i++) {
		const struct preset *p = &laws[i]->preset;
		const struct law *law = &p->law;
		bool constrained = law->family == LAW_DATA_CONSTRAINED;
		double loss, eff;
		struct allocation opt;

		if (!law_has_surface(law)) {
			if (all)
				continue;
			table_free(&t);
			return cli_error("'%s' is a frontier law: it gives allocations only and "
			                 "has no loss surface (try: isoflop optimum --law %s "
			                 "--compute C)",
			                 p->id, p->id);
		}
		if (!all && (cli->given & OPT_UNIQUE) && !constrained) {
			table_free(&t);
			return cli_error("--unique-tokens needs a data-constrained law such as "
			                 "muennighoff2023; '%s' is %s",
			                 p->id, preset_family_name(law->family));
		}
		double u = constrained ? cli->unique : 0;
		enum model_status st = law_loss(law, n, d, u, &loss);
		if (st != MODEL_OK) {
			if (all) { /* one line for it on stderr; the other laws still answer */
				cant_answer(p, n, d, st);
				failed++;
				continue;
			}
			table_free(&t);
			return cant_answer(p, n, d, st);
		}
		bool have_eff = optimum_efficiency(law, n, d, u, &eff, &opt) == MODEL_OK;
		struct cell row[NCOLS] = {
		        cell_text(p->id),
		        cell_num(n),
		        cell_num(d),
		        cell_num(law_compute(law, n, d)),
		        cell_num(loss),
		        have_eff ? cell_num(eff) : cell_none(),
		        have_eff ? cell_num(opt.compute) : cell_none(),
		};
		if (table_add(&t, row) < 0) {
			table_free(&t);
			return cli_error("out of memory");
		}
		if (law->non_embedding)
			cli_append_id(non_embedding, sizeof non_embedding, p->id);
		if (law_optimum_derived(law))
			cli_append_id(derived, sizeof derived, p->id);
		if (law->breakdown_loss > 0 && loss < law->breakdown_loss) {
			cli_append_id(broken, sizeof broken, p->id);
			broken_at = law->breakdown_loss;
		}
		shown++;
	}
	if (shown == 0 && failed > 0) { /* each law said why on stderr: no empty table */
		table_free(&t);
		return EXIT_USAGE;
	}
	table_print(&t, cli->format, stdout);
	table_free(&t);

	if (cli->format == FORMAT_TEXT) {
		if (model != NULL && model->preset.active_params > 0)
			printf("%s is a mixture of experts: N is its active parameters and\n"
			       "compute is 6ND with them; no law here is fitted to mixtures of "
			       "experts,\n"
			       "so its loss and efficiency are a dense model's "
			       "(dense-equivalent).\n",
			       model->preset.name);
		if (model != NULL && model->preset.compute > 0)
			reported_compute_note(&model->preset, n, d);
		printf("efficiency: the share of this compute that a compute-optimal model\n"
		       "needs for the same loss.\n");
		if (derived[0])
			printf("Optimum derived by isoflop from Eq. 1.5 at C = 6ND, not Kaplan's "
			       "own\n"
			       "(Table 6 is kaplan2020-frontier): %s.\n",
			       derived);
		if (broken[0])
			printf("Loss below %g, where Kaplan says the laws break down (sec. 6.3): "
			       "%s.\n",
			       broken_at, broken);
		if (non_embedding[0])
			printf("Non-embedding parameters only: %s.\n", non_embedding);
		if (shown > 1)
			printf("Laws measure loss on different data: compare rows within a law, "
			       "not across laws.\n");
		if (all && (cli->given & OPT_UNIQUE))
			printf("--unique-tokens applies to data-constrained laws only.\n");
	}
	return 0;
}
