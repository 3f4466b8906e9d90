/*
 * cmd_timeline.c: `isoflop timeline`: the models with a published training
 * compute by release year, the growth a year fitted to them (derived), a
 * cited trend (Epoch AI's), and the data wall: the year when a
 * compute-optimal run under the law needs the whole stock of text.
 *
 * The numbers and the picture's spec come from tui/explore/timeline_spec.c,
 * which the explorer's timeline view (T) shares; this file picks the presets,
 * says what failed, and prints.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../model/timeline.h"
#include "../../model/units.h"
#include "../plot/canvas.h"
#include "../plot/timeline.h"
#include "../explore/timeline_spec.h"
#include "cli.h"

/* The presets the command was given, and what is derived from them. */
struct timeline_run {
	const struct preset *law, *trend;
	struct stock_numbers stock;
	struct timeline_numbers t;
};

/* The law, the stock and the trend the options name, or their defaults. */
static int find_presets(const struct cli *cli, struct timeline_run *r)
{
	const struct catalog_entry *laws[1], *e;
	const char *stock = cli->stock ? cli->stock : STOCKS_DEFAULT;
	const char *trend = cli->trend ? cli->trend : TIMELINE_DEFAULT_TREND;
	char ids[512];

	if (cli->law != NULL && strcmp(cli->law, "all") == 0)
		return cli_error(
		        "timeline takes one law: --law ID (isoflop presets laws lists them)");
	if (cli_laws(cli, laws, 1) < 0)
		return EXIT_USAGE;
	r->law = &laws[0]->preset;
	/* the stock of public text is no stock of images' or videos' tokens */
	if (r->law->domain != PRESET_DOMAIN_LANGUAGE)
		return cli_error("timeline: the data wall counts text tokens; '%s' is a law of the "
		                 "%s domain",
		                 r->law->id, preset_domain_name(r->law->domain));
	if (cli_stock(cli, stock, &r->stock) != 0)
		return EXIT_USAGE;
	if ((e = catalog_trend(cli->catalog, trend)) == NULL)
		return cli_error("--trend: unknown trend '%s' (known: %s)", trend,
		                 cli_known_ids(cli->catalog->trends, cli->catalog->ntrends, ids,
		                               sizeof ids));
	r->trend = &e->preset;
	return 0;
}

/* The fit at the trend's level, then the wall at both growths; an error names what failed. */
static int derive(const struct cli *cli, struct timeline_run *r)
{
	const struct stock_numbers *s = &r->stock;
	const double stock[3] = {s->stock, s->stock_low, s->stock_high};
	char tokens[32];

	switch (timeline_numbers_derive(cli->catalog, &r->law->law, stock, r->trend, &r->t)) {
	case TIMELINE_OK:
		return 0;
	case TIMELINE_NOMEM:
		return cli_error("out of memory");
	case TIMELINE_FEW:
		return cli_error("timeline needs at least %d models with a published compute and "
		                 "a release date; found %d (each needs compute: and released: in "
		                 "its preset)",
		                 TIMELINE_MIN_POINTS, r->t.n);
	case TIMELINE_NO_FIT:
		return cli_error("timeline: no growth can be fitted to these %d models (their "
		                 "release years are all the same)",
		                 r->t.n);
	case TIMELINE_NO_WALL:
		break;
	}
	units_format_tokens(s->stock, tokens, sizeof tokens);
	return cli_error("timeline: no compute-optimal run under '%s' trains on the %s "
	                 "tokens of '%s' (%s)",
	                 r->law->id, tokens, s->id, model_strerror(r->t.wall_status));
}

/* The picture: the models, the fitted line, the trend from the frontier, the wall on it. */
static int draw(const struct cli *cli, const struct timeline_run *r)
{
	struct canvas c;
	struct timeline_spec spec = timeline_numbers_spec(&r->t, r->trend);

	if (canvas_init(&c, cli->width ? cli->width : 80, cli->height ? cli->height : 24) != 0)
		return cli_error("out of memory");
	if (timeline_draw(&c, (struct rect){0, 0, c.w, c.h}, &spec) != 0) {
		canvas_free(&c);
		return cli_error("timeline: the picture needs at least %dx%d cells", TIMELINE_MIN_W,
		                 TIMELINE_MIN_H);
	}
	canvas_print(&c, stdout, cli_use_color(cli));
	canvas_free(&c);
	return 0;
}

/* "2031.4 [2029.0, 2035.2]": a wall year with its interval. */
static void print_wall_year(const char *what, const struct timeline_wall *w)
{
	char y[3][16];
	const double at[3] = {w->year, w->year_early, w->year_late};

	/* a growth not above 1 never gets there: a fitted interval can reach below 1 */
	for (int i = 0; i < 3; i++)
		units_format_year(at[i], y[i], sizeof y[i]);
	printf("  %-22s %s [%s, %s]  (derived)\n", what, y[0], y[1], y[2]);
}

/* The numbers under the picture, each labelled derived or cited. */
static void print_text(const struct timeline_run *r)
{
	const struct stock_numbers *s = &r->stock;
	const struct preset *t = r->trend, *f = r->t.models[r->t.frontier];
	char c0[32], c1[32], c2[32], s0[32], s1[32], s2[32];
	int pct = (int)lround(100 * t->level);

	printf("\nmodels with a published training compute: %d, released %.1f to %.1f\n", r->t.n,
	       r->t.years[0], r->t.years[r->t.n - 1]);
	printf("growth fitted to them (derived, least squares in log10 C):\n"
	       "  %.2fx a year [%.2f, %.2f] at %d%%\n",
	       r->t.fit.growth, r->t.fit.growth_low, r->t.fit.growth_high, pct);
	printf("growth, %s (cited): %.2gx a year [%.2g, %.2g] at %d%%, %d to %d\n", t->id,
	       t->growth, t->growth_low, t->growth_high, (int)lround(100 * t->level), t->from,
	       t->to);
	units_format_tokens(s->stock, s0, sizeof s0);
	units_format_tokens(s->stock_low, s1, sizeof s1);
	units_format_tokens(s->stock_high, s2, sizeof s2);
	printf("stock of text, %s (cited): %s tokens [%s, %s] at %d%%\n", s->id, s0, s1, s2,
	       (int)lround(100 * s->level));
	units_format_compute(r->t.wall_trend.compute, c0, sizeof c0);
	units_format_compute(r->t.wall_trend.compute_low, c1, sizeof c1);
	units_format_compute(r->t.wall_trend.compute_high, c2, sizeof c2);
	printf("data wall under %s (derived, where D*(C) = the stock):\n"
	       "  C = %s FLOPs [%s, %s]\n",
	       r->law->id, c0, c1, c2);
	units_format_compute(f->compute, c0, sizeof c0);
	printf("its year, projected from the frontier, %s (%s FLOPs, %.1f):\n", f->name, c0,
	       r->t.years[r->t.frontier]);
	print_wall_year("at the fitted growth:", &r->t.wall_fit);
	print_wall_year("at the cited trend:", &r->t.wall_trend);
	printf("The interval's earliest year takes the smallest stock at the fastest growth,\n"
	       "its latest the largest stock at the slowest.\n");
}

static const struct column columns[] = {
        {"row", "row", COL_TEXT, false},
        {"id", "id", COL_TEXT, false},
        {"basis", "basis", COL_TEXT, false},
        {"year", "year", COL_NUMBER, false},
        {"compute", "compute", COL_COMPUTE, false},
        {"tokens", "tokens", COL_COUNT, false},
        {"growth", "growth", COL_NUMBER, false},
        {"low", "low", COL_NUMBER, false},
        {"high", "high", COL_NUMBER, false},
        {"level", "level", COL_NUMBER, false},
        /* the wall's rows: the law it is derived under, its compute at the stock's ends */
        {"law", "law", COL_TEXT, false},
        {"compute_low", "compute low", COL_COMPUTE, false},
        {"compute_high", "compute high", COL_COMPUTE, false},
};

#define NCOLS ((int)(sizeof columns / sizeof *columns))

/* A row with every number missing but its three names. */
static void blank_row(struct cell *row, const char *what, const char *id, const char *basis)
{
	for (int i = 0; i < NCOLS; i++)
		row[i] = cell_none();
	row[0] = cell_text(what);
	row[1] = cell_text(id);
	row[2] = cell_text(basis);
}

/* A growth row: the factor a year and its interval. */
static void growth_row(struct cell *row, const char *id, const char *basis, const double g[3],
                       double level)
{
	blank_row(row, "growth", id, basis);
	row[6] = cell_num(g[0]);
	row[7] = cell_num(g[1]);
	row[8] = cell_num(g[2]);
	row[9] = cell_num(level);
}

/*
 * A wall row: the year at the growth `id`, its interval as low and high
 * (empty: the growth never gets there), C_wall and the stock, the law, and
 * C_wall at the stock's low and high ends. No level: the interval pairs the corners of two
 * intervals (the smallest stock at the fastest growth, the largest at the
 * slowest), which is no interval of any one confidence.
 */
static void wall_row(struct cell *row, const char *id, const struct timeline_wall *w,
                     const struct timeline_run *r)
{
	blank_row(row, "wall", id, "derived");
	row[3] = cell_num(w->year);
	row[4] = cell_num(w->compute);
	row[5] = cell_num(r->stock.stock);
	row[7] = cell_num(w->year_early);
	row[8] = cell_num(w->year_late);
	row[10] = cell_text(r->law->id);
	row[11] = cell_num(w->compute_low);
	row[12] = cell_num(w->compute_high);
}

/* The rows: each model, the stock, the fitted growth, the trend, the wall at each. */
static int fill_table(struct table *t, const struct timeline_run *r)
{
	const struct stock_numbers *s = &r->stock;
	const struct preset *tr = r->trend;
	const double fitted[3] = {r->t.fit.growth, r->t.fit.growth_low, r->t.fit.growth_high};
	const double trend[3] = {tr->growth, tr->growth_low, tr->growth_high};
	struct cell row[NCOLS];
	int rc = 0;

	for (int i = 0; i < r->t.n && rc == 0; i++) {
		blank_row(row, i == r->t.frontier ? "frontier" : "model", r->t.models[i]->id,
		          "published");
		row[3] = cell_num(r->t.years[i]);
		row[4] = cell_num(r->t.compute[i]);
		rc = table_add(t, row);
	}
	blank_row(row, "stock", s->id, "cited");
	row[5] = cell_num(s->stock);
	row[7] = cell_num(s->stock_low);
	row[8] = cell_num(s->stock_high);
	row[9] = cell_num(s->level);
	rc = rc ? rc : table_add(t, row);
	growth_row(row, "fitted", "derived", fitted, r->t.fit.level);
	rc = rc ? rc : table_add(t, row);
	growth_row(row, tr->id, "cited", trend, tr->level);
	rc = rc ? rc : table_add(t, row);
	wall_row(row, "fitted", &r->t.wall_fit, r);
	rc = rc ? rc : table_add(t, row);
	wall_row(row, tr->id, &r->t.wall_trend, r);
	rc = rc ? rc : table_add(t, row);
	return rc;
}

static int print_table(const struct cli *cli, const struct timeline_run *r)
{
	struct table t;

	table_init(&t, columns, NCOLS);
	if (fill_table(&t, r) != 0) {
		table_free(&t);
		return cli_error("out of memory");
	}
	table_print(&t, cli->format, stdout);
	table_free(&t);
	return 0;
}

int cmd_timeline(const struct cli *cli)
{
	struct timeline_run r = {0};
	int rc;

	if (cli->nargs > 0)
		return cli_error("timeline takes no operand '%s'", cli->args[0]);
	if ((rc = find_presets(cli, &r)) == 0 && (rc = derive(cli, &r)) == 0) {
		if (cli->format != FORMAT_TEXT) {
			rc = print_table(cli, &r);
		} else if ((rc = draw(cli, &r)) == 0) {
			print_text(&r);
		}
	}
	timeline_numbers_free(&r.t);
	return rc;
}
