/*
 * cmd_explore.c: `isoflop` with no command: the interactive explorer, or
 * with --dump its first frame as text. Sets up the state from the options,
 * then hands over to the screen.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../model/optimum.h"
#include "app.h"
#include "cli.h"
#include "explorer.h"
#include "screen.h"

/* The start point from --model or two of --params/--tokens/--compute. */
static int start_point(const struct cli *cli, struct app *a)
{
	unsigned g = cli->given & (OPT_PARAMS | OPT_TOKENS | OPT_COMPUTE);
	const struct law *law = app_law(a);
	struct allocation opt;

	if (cli->model != NULL) {
		if (g != 0 || cli->nmodels > 1)
			return cli_error(
			        "start from one --model, or from --params/--tokens/--compute");
		const struct catalog_entry *m = catalog_model(a->catalog, cli->model);
		if (m == NULL)
			return cli_error("unknown model '%s' (isoflop presets models lists them)",
			                 cli->model);
		app_jump_model(a, (size_t)(m - a->catalog->models));
		a->status[0] = '\0';
		return 0;
	}
	switch (g) {
	case 0:
		return 0;
	case OPT_PARAMS | OPT_TOKENS:
		a->n = cli->params;
		a->d = cli->tokens;
		break;
	case OPT_PARAMS | OPT_COMPUTE:
		a->n = cli->params;
		a->d = cli->compute / (law->k * cli->params);
		break;
	case OPT_TOKENS | OPT_COMPUTE:
		a->d = cli->tokens;
		a->n = cli->compute / (law->k * cli->tokens);
		break;
	case OPT_COMPUTE:
		if (optimum_at_compute(law, cli->compute, a->u, &opt) != MODEL_OK)
			return cli_error("--compute: no optimum at %g FLOPs under %s", cli->compute,
			                 a->catalog->laws[a->law].preset.id);
		a->n = opt.params;
		a->d = opt.tokens;
		break;
	default:
		return cli_error("give two of --params, --tokens, --compute (or --compute alone "
		                 "for the optimum)");
	}
	if (a->n < a->n_lo || a->n > a->n_hi || a->d < a->d_lo || a->d > a->d_hi)
		return cli_error(
		        "the start point lies outside the window (N 10M..10T, D 100M..100T)");
	return 0;
}

/* Why the explorer cannot run here, or NULL. */
static const char *no_terminal(void)
{
	const char *term = getenv("TERM");

	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO))
		return "the explorer needs a terminal";
	if (term == NULL || term[0] == '\0')
		return "the explorer needs a terminal, and TERM is not set";
	if (strcmp(term, "dumb") == 0)
		return "the explorer cannot draw on TERM=dumb";
	return NULL;
}

int cmd_explore(struct cli *cli)
{
	struct app a;
	const char *why;
	int rc;

	if ((rc = cli_check_options(cli, "the explorer",
	                            OPT_LAW | OPT_MODEL | OPT_PARAMS | OPT_TOKENS | OPT_COMPUTE |
	                                    OPT_UNIQUE | OPT_COLOR | OPT_DUMP | OPT_WIDTH |
	                                    OPT_HEIGHT | OPT_UNICODE | OPT_TOUR)) != 0)
		return rc;
	if (cli->nargs > 0)
		return cli_error("the explorer takes no operand '%s'", cli->args[0]);
	if ((cli->given & (OPT_WIDTH | OPT_HEIGHT)) && !cli->dump)
		return cli_error(
		        "--width and --height size a --dump; the explorer fills the terminal");
	if (cli->law != NULL && strcmp(cli->law, "all") == 0)
		return cli_error("the explorer shows one law: --law ID");
	const struct catalog_entry *law =
	        catalog_law(&cli->catalog, cli->law ? cli->law : CLI_DEFAULT_LAW);
	if (law == NULL)
		return cli_error("unknown law '%s' (isoflop presets laws lists them)", cli->law);
	if ((cli->given & OPT_UNIQUE) && law->preset.law.family != LAW_DATA_CONSTRAINED)
		return cli_error("--unique-tokens needs a data-constrained law such as "
		                 "muennighoff2023; '%s' is %s",
		                 law->preset.id, preset_family_name(law->preset.law.family));
	app_init(&a, &cli->catalog, (size_t)(law - cli->catalog.laws));
	a.u = cli->unique;
	if ((rc = start_point(cli, &a)) != 0)
		return rc;
	static struct tour tour; /* 20 KB: not on the stack */
	if (cli->tour != NULL) {
		char err[1024];
		if (cli->given & (OPT_MODEL | OPT_PARAMS | OPT_TOKENS | OPT_COMPUTE | OPT_UNIQUE))
			return cli_error("a tour sets its own point: --tour takes no --model, "
			                 "--params, --tokens, --compute or --unique-tokens");
		if ((rc = cli_load_tour(cli, cli->tour, &tour)) != 0)
			return rc;
		if (app_tour_start(&a, &tour, err, sizeof err) != 0) {
			fprintf(stderr, "%s\n", err);
			return EXIT_USAGE;
		}
	}

	if (cli->dump) {
		struct explorer e;
		struct canvas c;
		explorer_init(&e);
		if (canvas_init(&c, cli->width ? cli->width : 80, cli->height ? cli->height : 24) !=
		    0)
			return cli_error("out of memory");
		rc = explorer_frame(&e, &a, &c);
		if (rc == 0)
			canvas_print(&c, stdout, cli->color == COLOR_ALWAYS);
		canvas_free(&c);
		explorer_free(&e);
		return rc == 0 ? 0 : cli_error("out of memory");
	}
	if ((why = no_terminal()) != NULL)
		return cli_error(
		        "%s; for text output try: isoflop plot contour (or isoflop --help)", why);
	return screen_run(&a, cli_use_color(cli), cli->unicode);
}
