/*
 * cmd_compute.c: `isoflop plot compute`: loss against compute, each law's
 * compute-optimal loss L*(C) with the models and the floor E, and what the
 * next 10x of compute buys at --compute C. With --format, the numbers
 * behind the picture instead: per law and budget, L*(C), N*, D*, E, the
 * next decade's dL and its share of the reducible loss left.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../model/returns.h"
#include "../plot/canvas.h"
#include "../plot/compute.h"
#include "../explore/markers.h"
#include "cli.h"
#include "power_args.h"

/* The default window: GPT-3's 3e23 and Llama 3's 4e25 FLOPs well inside it. */
#define WINDOW_LO 1e20
#define WINDOW_HI 1e27

/*
 * A power law's default window: Henighan et al. 2020 fit small models,
 * about 1e-8 to 1e3 PF-days (their Figs. 1-2), far below today's language
 * budgets.
 */
#define POWER_WINDOW_LO 1e12
#define POWER_WINDOW_HI 1e24

/*
 * The laws of --law: one ID, IDs separated by commas, or all (the default
 * law first, then every other law with a loss; a frontier law has no line).
 * Returns the count, or -1 after printing the error.
 */
static int pick_laws(const struct cli *cli, const struct preset **out, int max)
{
	const char *arg = cli->law ? cli->law : CLI_DEFAULT_LAW;
	int n = 0;

	if (strcmp(arg, "all") == 0) {
		const struct catalog_entry *def = catalog_law(cli->catalog, CLI_DEFAULT_LAW);
		if (def != NULL)
			out[n++] = &def->preset;
		for (size_t i = 0; i < cli->catalog->nlaws && n < max; i++) {
			const struct preset *p = &cli->catalog->laws[i].preset;
			if (law_has_surface(&p->law) && (def == NULL || p != &def->preset))
				out[n++] = p;
		}
		return n;
	}
	for (const char *s = arg; *s != '\0';) {
		char id[128];
		size_t len = strcspn(s, ",");
		snprintf(id, sizeof id, "%.*s", (int)(len < sizeof id ? len : sizeof id - 1), s);
		const struct catalog_entry *e = catalog_law(cli->catalog, id);
		if (e == NULL) {
			cli_unknown_law(cli, "", id);
			return -1;
		}
		if (n == max) {
			cli_error("--law: at most %d laws", max);
			return -1;
		}
		out[n++] = &e->preset;
		s += len + (s[len] == ',');
	}
	return n;
}

/* The models of --model ID... or all, at their active parameters and published compute. */
static int pick_models(const struct cli *cli, struct compute_model *out, int max, int *count)
{
	const char *bad = NULL;

	switch (markers_compute_models(cli->catalog, cli->models, cli->nmodels, out, max, count,
	                               &bad)) {
	case MARKERS_UNKNOWN:
		return cli_error("unknown model '%s' (isoflop presets models lists them)", bad);
	case MARKERS_TOO_MANY:
		return cli_error("--model: more than %d models", max);
	default:
		return 0;
	}
}

/*
 * The window of C: a range or list of budgets spans itself; one budget sits
 * inside the default window, widened to a decade either side of it.
 */
static void window(const struct cli *cli, const struct law *first, double *lo, double *hi)
{
	*lo = first->family == LAW_POWER ? POWER_WINDOW_LO : WINDOW_LO;
	*hi = first->family == LAW_POWER ? POWER_WINDOW_HI : WINDOW_HI;
	if (cli->nbudgets > 1) {
		*lo = *hi = cli->budgets[0];
		for (int i = 1; i < cli->nbudgets; i++) {
			*lo = fmin(*lo, cli->budgets[i]);
			*hi = fmax(*hi, cli->budgets[i]);
		}
	} else if (cli->given & OPT_COMPUTE) {
		*lo = fmin(*lo, cli->compute / 10);
		*hi = fmax(*hi, cli->compute * 10);
	}
	/* a window narrower than a decade would show no tick */
	if (*hi < *lo * 10)
		*hi = *lo * 10;
	*lo = fmax(*lo, LAW_COMPUTE_MIN);
	*hi = fmin(*hi, LAW_COMPUTE_MAX);
}

static const struct column columns[] = {
        {"law", "law", COL_TEXT, false},
        {"compute", "C", COL_COMPUTE, false},
        {"loss", "L*(C)", COL_LOSS, false},
        {"params", "N*", COL_COUNT, false},
        {"tokens", "D*", COL_COUNT, false},
        {"floor", "floor", COL_LOSS, false},
        {"gain_next_10x", "dL next 10x", COL_LOSS, false},
        {"share_of_reducible", "share left", COL_SHARE, false},
};

/*
 * One row: a law at budget c. A frontier law gives N* and D* but no loss;
 * where the next decade has no optimum (past 1e35 FLOPs, or a search that
 * fails on a data-constrained plateau) the gain and share are left empty.
 */
static int add_row(struct table *t, const struct preset *p, double u, double c)
{
	struct returns r;
	struct allocation a;
	struct cell row[8] = {cell_text(p->id), cell_num(c)};
	double l;

	for (int i = 2; i < 8; i++)
		row[i] = cell_none();
	if (optimum_at_compute(&p->law, c, u, &a) == MODEL_OK) {
		row[3] = cell_num(a.params);
		row[4] = cell_num(a.tokens);
	}
	if (returns_loss(&p->law, c, u, &l) == MODEL_OK) {
		row[2] = cell_num(l);
		row[5] = cell_num(returns_floor(&p->law, u));
	}
	if (returns_at_compute(&p->law, c, u, &r) == MODEL_OK) {
		row[6] = cell_num(r.gain);
		row[7] = isfinite(r.share) ? cell_num(r.share) : cell_none();
	}
	return table_add(t, row);
}

/* The table: per law, the --compute budgets, or each decade of the window. */
static int print_numbers(const struct cli *cli, const struct preset *const *laws, int nlaws,
                         double lo, double hi)
{
	struct table t;
	int rc = 0;

	table_init(&t, columns, 8);
	for (int i = 0; i < nlaws && rc == 0; i++) {
		if (cli->given & OPT_COMPUTE)
			for (int b = 0; b < cli->nbudgets && rc == 0; b++)
				rc = add_row(&t, laws[i], cli->unique, cli->budgets[b]);
		else
			for (int e = (int)ceil(log10(lo) - 1e-9);
			     e <= (int)floor(log10(hi) + 1e-9) && rc == 0; e++)
				rc = add_row(&t, laws[i], cli->unique, pow(10, e));
	}
	if (rc == 0)
		table_print(&t, cli->format, stdout);
	table_free(&t);
	return rc == 0 ? 0 : cli_error("out of memory");
}

/* The picture, drawn and printed. */
static int print_picture(const struct cli *cli, const struct compute_spec *spec)
{
	struct canvas c;
	struct compute_plot p;
	struct rect r;
	char lo[16], hi[16];

	units_format_compute(spec->c_lo, lo, sizeof lo);
	units_format_compute(spec->c_hi, hi, sizeof hi);
	if (canvas_init(&c, cli->width ? cli->width : 80, cli->height ? cli->height : 24) != 0)
		return cli_error("out of memory");
	r = (struct rect){0, 0, c.w, c.h};
	if (compute_draw_base(&c, r, spec, &p) != 0) {
		canvas_free(&c);
		return cli_error("no law of --law has a compute-optimal loss from %s to %s FLOPs",
		                 lo, hi);
	}
	compute_draw_overlay(&c, r, spec, &p);
	canvas_print(&c, stdout, cli_use_color(cli));
	canvas_free(&c);
	return 0;
}

int cmd_plot_compute(const struct cli *cli)
{
	const struct preset *presets[COMPUTE_MAX_LAWS];
	struct compute_law laws[COMPUTE_MAX_LAWS];
	static struct compute_model models[COMPUTE_MAX_MODELS];
	struct compute_spec spec = {
	        .laws = laws, .models = models, .u = cli->unique, .legend_models = true};
	int rc, n = pick_laws(cli, presets, COMPUTE_MAX_LAWS);

	if (n < 0)
		return EXIT_USAGE;
	for (int i = 0; i < n; i++) {
		if ((cli->given & OPT_UNIQUE) && presets[i]->law.family != LAW_DATA_CONSTRAINED)
			return cli_error("--unique-tokens needs a data-constrained law such as "
			                 "muennighoff2023; '%s' is %s",
			                 presets[i]->id,
			                 preset_family_name(presets[i]->law.family));
		laws[i] = (struct compute_law){&presets[i]->law, presets[i]->id};
	}
	spec.nlaws = n;
	if (!(cli->given & OPT_FORMAT) && laws[0].law->family == LAW_POWER &&
	    !(laws[0].law->by_compute.scale > 0))
		return power_no_compute_refusal(presets[0]);
	if (power_exponents_only(laws[0].law))
		return power_exponents_refusal(presets[0]);
	if (!(cli->given & OPT_FORMAT) && !law_has_surface(laws[0].law) &&
	    laws[0].law->family != LAW_POWER)
		return cli_error("'%s' is a frontier law: it fits N* and D* but no loss, so no "
		                 "L*(C) to draw (--format csv gives its N* and D*)",
		                 laws[0].id);
	window(cli, laws[0].law, &spec.c_lo, &spec.c_hi);
	if (cli->given & OPT_FORMAT)
		return print_numbers(cli, presets, n, spec.c_lo, spec.c_hi);
	if ((rc = pick_models(cli, models, COMPUTE_MAX_MODELS, &spec.nmodels)) != 0)
		return rc;
	spec.has_point = (cli->given & OPT_COMPUTE) && cli->nbudgets == 1;
	spec.point_c = cli->compute;
	return print_picture(cli, &spec);
}
