/*
 * cmd_plot_power.c: the pictures of laws beyond L(N, D): `isoflop plot
 * params` (a power law's L(N), tui/plot/params.h) with its loss at --params
 * printed below, and `isoflop plot domains` (every law's reducible L(C)
 * against compute, one glyph per domain, tui/plot/domains.h) with a line
 * per law below.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../model/units.h"
#include "../plot/canvas.h"
#include "../plot/domains.h"
#include "../plot/params.h"
#include "power_args.h"

/* The power law plot params draws without --law: one with a floor, over the most decades. */
#define DEFAULT_POWER_LAW "henighan2020-image8"

/* Lines under plot params' picture: the point's loss. */
#define PARAMS_READOUT 1

/* The loss's units as a preset gives them; nats per token when it gives none. */
static const char *units_of(const struct preset *p)
{
	return p->units[0] ? p->units : "nats per token";
}

/* --law ID as a power law with L(N), or one line naming what it fits. */
static int params_law(const struct cli *cli, const struct preset **out)
{
	const char *id = cli->law ? cli->law : DEFAULT_POWER_LAW;
	const struct catalog_entry *e;

	if (strcmp(id, "all") == 0)
		return cli_error("plot params draws one law: --law ID (isoflop presets laws lists "
		                 "them)");
	if ((e = catalog_law(cli->catalog, id)) == NULL)
		return cli_unknown_law(cli, "", id);
	if (!params_has_curve(&e->preset.law))
		return power_no_params_refusal("plot params", &e->preset);
	*out = &e->preset;
	return 0;
}

/* "L(N = 1M) = 3.2239 nats per token, within the fitted 12.3K to 3.22B". */
static void params_readout(const struct preset *p, const struct params_plot *pp, double n)
{
	char nb[16], lo[16], hi[16];
	const struct law_range *r = &p->law.params;

	units_format_count(n, nb, sizeof nb);
	printf("L(N = %s) = %.4f %s", nb, pp->loss, units_of(p));
	if (r->hi > 0) {
		units_format_count(r->lo, lo, sizeof lo);
		units_format_count(r->hi, hi, sizeof hi);
		printf(", %s the fitted %s to %s", n >= r->lo && n <= r->hi ? "within" : "beyond",
		       lo, hi);
	}
	printf("%s\n", pp->point.outside ? " (off the axis)" : "");
}

int cmd_plot_params(const struct cli *cli)
{
	const struct preset *p = NULL;
	struct canvas c;
	struct params_plot pp;
	int rc, w = cli->width ? cli->width : 80, h = (cli->height ? cli->height : 24);
	bool point = cli->given & OPT_PARAMS;

	if ((rc = params_law(cli, &p)) != 0)
		return rc;
	h -= point ? PARAMS_READOUT : 0;
	if (h < PARAMS_MIN_H || w < PARAMS_MIN_W)
		return cli_error(
		        "plot params: the picture needs --width %d and --height %d or more",
		        PARAMS_MIN_W, PARAMS_MIN_H + (point ? PARAMS_READOUT : 0));
	struct params_spec spec = {.law = &p->law,
	                           .law_id = p->id,
	                           .units = units_of(p),
	                           .has_point = point,
	                           .n = cli->params};
	if (canvas_init(&c, w, h) != 0)
		return cli_error("out of memory");
	if (params_draw(&c, (struct rect){0, 0, w, h}, &spec, &pp) != 0) {
		canvas_free(&c);
		return cli_error("plot params: no picture of '%s' fits %dx%d", p->id, w, h);
	}
	canvas_print(&c, stdout, cli_use_color(cli));
	canvas_free(&c);
	if (point)
		params_readout(p, &pp, cli->params);
	return 0;
}

/*
 * Every law with L(C), of --domain NAME alone when given: into laws[],
 * each with its domain's name, grouped by domain in the presets' order
 * (language first). Returns the count, or -1 after one line.
 */
static int domain_laws(const struct cli *cli, struct domains_law *laws, int max)
{
	int n = 0, want = -1;

	if (cli->domain != NULL && (want = cli_domain(cli->domain)) < 0)
		return -1;
	for (int d = 0; d < PRESET_DOMAIN_COUNT; d++)
		for (size_t i = 0; i < cli->catalog->nlaws && n < max; i++) {
			const struct preset *p = &cli->catalog->laws[i].preset;
			if (!domains_has_curve(&p->law) || (int)p->domain != d ||
			    (want >= 0 && d != want))
				continue;
			laws[n++] =
			        (struct domains_law){&p->law, p->id, preset_domain_name(p->domain)};
		}
	if (n == 0)
		cli_error("plot domains: no law%s%s fits L(C) (isoflop presets laws lists them)",
		          cli->domain ? " of domain " : "", cli->domain ? cli->domain : "");
	return n > 0 ? n : -1;
}

/* Each law's line under the picture: "henighan2020-image8  image  L(C) = 3.13 + ...". */
static void domains_table(const struct domains_law *laws, int n)
{
	char formula[96], scale[16], fl[16];

	printf("law%*s domain      L(C), C in FLOPs\n", 22, "");
	for (int i = 0; i < n; i++) {
		const struct law_single *s = &laws[i].law->by_compute;
		units_format_compute(s->scale, scale, sizeof scale);
		units_format_fixed(s->floor, 2, fl, sizeof fl);
		if (s->floor > 0)
			snprintf(formula, sizeof formula, "%s + (%s/C)^%.3g", fl, scale,
			         s->exponent);
		else
			snprintf(formula, sizeof formula, "(%s/C)^%.3g", scale, s->exponent);
		printf("%-25s %-11s %s\n", laws[i].id, laws[i].domain, formula);
	}
}

int cmd_plot_domains(const struct cli *cli)
{
	struct domains_law laws[DOMAINS_MAX_LAWS];
	struct domains_plot dp;
	struct canvas c;
	int n, w = cli->width ? cli->width : 80, h = cli->height ? cli->height : 24;

	if ((n = domain_laws(cli, laws, DOMAINS_MAX_LAWS)) < 0)
		return EXIT_USAGE;
	if (w < DOMAINS_MIN_W || h < DOMAINS_MIN_H)
		return cli_error("plot domains: the picture needs --width %d and --height %d or "
		                 "more",
		                 DOMAINS_MIN_W, DOMAINS_MIN_H);
	struct domains_spec spec = {laws, n, 0, 0, NULL, NULL, 0};
	if (canvas_init(&c, w, h) != 0)
		return cli_error("out of memory");
	if (domains_draw(&c, (struct rect){0, 0, w, h}, &spec, &dp) != 0) {
		canvas_free(&c);
		return cli_error("plot domains: no picture fits %dx%d", w, h);
	}
	canvas_print(&c, stdout, cli_use_color(cli));
	canvas_free(&c);
	domains_table(laws, n);
	return 0;
}
