/*
 * cmd_testtime.c: `isoflop test-time`: the test-time compute multiplier
 * that costs, in total FLOPs, the same as an M-times larger model (Snell et
 * al. 2024's accounting), for M = 2, 4, 14 (the paper's headline) and --larger;
 * with --tt-law (or another test-time option) the rows of a test-time law
 * (cmd_traintest.c), this table again for a flops-match law.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "../../model/testtime.h"
#include "tt_args.h"

static const struct column columns[] = {
        {"params", "params", COL_COUNT, false},
        {"tokens", "tokens", COL_COUNT, false},
        {"inference_tokens", "inference", COL_COUNT, false},
        {"larger", "larger", COL_RATIO, false},
        {"multiplier", "multiplier", COL_RATIO, false},
};

#define NCOLS ((int)(sizeof columns / sizeof *columns))

int cmd_testtime(const struct cli *cli)
{
	double n, d, ms[4] = {2, 4, 14, 0};
	int nm = 3;
	bool snell = true;

	if (cli->nargs > 0)
		return cli_error("test-time takes no operand '%s'", cli->args[0]);
	if (cli->given & OPT_TESTTIME) {
		int rc = cmd_testtime_law(cli, &snell);
		if (rc != 0 || !snell)
			return rc;
	}
	if (cli->model != NULL) {
		const struct catalog_entry *m = catalog_model(cli->catalog, cli->model);
		if (cli->given & (OPT_PARAMS | OPT_TOKENS))
			return cli_error("give --model or --params/--tokens, not both");
		if (m == NULL)
			return cli_error("unknown model '%s' (isoflop presets models lists them)",
			                 cli->model);
		n = preset_compute_params(&m->preset);
		d = m->preset.tokens;
	} else if ((cli->given & (OPT_PARAMS | OPT_TOKENS)) == (OPT_PARAMS | OPT_TOKENS)) {
		n = cli->params;
		d = cli->tokens;
	} else {
		return cli_error("test-time needs --params N and --tokens D, or --model ID");
	}
	if (!(cli->given & OPT_INFERENCE))
		return cli_error(
		        "test-time needs --inference-tokens T: the tokens the model serves");
	if (cli->given & OPT_LARGER) {
		if (!(cli->larger > 1))
			return cli_error(
			        "--larger: the other model must be more than 1 times larger, "
			        "not %g",
			        cli->larger);
		ms[0] = cli->larger;
		nm = 1;
	}

	struct table t;
	table_init(&t, columns, NCOLS);
	for (int i = 0; i < nm; i++) {
		double k = testtime_multiplier(d, cli->inference, ms[i]);
		if (!isfinite(k)) { /* never a row of "-": say what could not be computed */
			table_free(&t);
			return cli_error("test-time: no finite multiplier for %g times larger at "
			                 "D = %g and T = %g tokens",
			                 ms[i], d, cli->inference);
		}
		struct cell row[NCOLS] = {
		        cell_num(n),     cell_num(d), cell_num(cli->inference),
		        cell_num(ms[i]), cell_num(k),
		};
		if (table_add(&t, row) < 0) {
			table_free(&t);
			return cli_error("out of memory");
		}
	}
	table_print(&t, cli->format, stdout);
	table_free(&t);
	if (cli->format == FORMAT_TEXT)
		printf("multiplier: inference compute per token, relative to the model's own, "
		       "that\n"
		       "costs as many total FLOPs (6ND training + 2NT serving) as the larger "
		       "model.\n"
		       "Equal FLOPs are not equal quality: Snell et al. 2024 (arXiv:2408.03314)\n"
		       "found test-time compute can beat a 14x larger model on easy and medium\n"
		       "questions at low inference load; on hard questions or at high inference\n"
		       "load, pretraining is more effective.\n");
	return 0;
}
