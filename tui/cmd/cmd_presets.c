/*
 * cmd_presets.c: `isoflop presets [laws|models|accelerators|stocks|trends|testtime|downstream]`:
 * what isoflop
 * knows and where each number comes from. With --preset FILE it lists only
 * what FILE defines, which is how a user checks a preset they wrote.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../model/units.h"
#include "cli.h"

/*
 * CSV: kind,id,name,params,tokens,compute,source,peak_flops,price,
 * price_source,watts,power_source, then the stocks' and trends' estimates
 * with their intervals, then a test-time law's form, units and task, then a
 * law's domain (and a power law's loss units in units); text adds what people scan
 * for. New columns come last so that the older ones keep their places, and a listing ends at the
 * last column its kinds use (section.last), so `presets models --format
 * csv` reads as it did before stocks existed. An unknown price or power is
 * empty (null in JSON), never 0.
 */
static const struct column preset_columns[] = {
        {"kind", "kind", COL_TEXT, false},
        {"id", "id", COL_TEXT, false},
        {"name", "name", COL_TEXT, false},
        {"tag", "tag", COL_TEXT, true},
        {"family", "family", COL_TEXT, true},
        {"dataset", "dataset", COL_TEXT, true},
        {"params", "params", COL_COUNT, false},
        {"active_params", "active", COL_COUNT, true},
        {"tokens", "tokens", COL_COUNT, false},
        {"compute", "reported", COL_COMPUTE, false}, /* as published, not 6ND */
        {"released", "released", COL_TEXT, true},
        {"source", "source", COL_TEXT, false},
        {"peak_flops", "BF16 FLOP/s", COL_COMPUTE, false},
        {"price", "USD/hour", COL_NUMBER, false},
        {"price_source", "price source", COL_TEXT, false},
        {"watts", "watts", COL_NUMBER, false},
        {"power_source", "power source", COL_TEXT, false},
        /* in T throughout, as the papers give a stock: 100T-1000T */
        {"stock", "stock", COL_TOKENS, false},
        {"stock_low", "low", COL_TOKENS, false},
        {"stock_high", "high", COL_TOKENS, false},
        {"level", "level", COL_SHARE, false}, /* the interval's confidence: 90% */
        {"growth", "x/year", COL_NUMBER, false},
        {"growth_low", "low", COL_NUMBER, false},
        {"growth_high", "high", COL_NUMBER, false},
        {"from", "from", COL_WHOLE, false},
        {"to", "to", COL_WHOLE, false},
        {"form", "form", COL_TEXT, false},
        {"units", "units", COL_TEXT, false},
        {"task", "task", COL_TEXT, false},
        {"domain", "domain", COL_TEXT, false}, /* a law's: language, image, ... */
};

#define NCOLS ((int)(sizeof preset_columns / sizeof *preset_columns))

enum {
	C_KIND,
	C_ID,
	C_NAME,
	C_TAG,
	C_FAMILY,
	C_DATASET,
	C_N,
	C_ACTIVE,
	C_D,
	C_C,
	C_REL,
	C_SRC,
	C_PEAK,
	C_PRICE,
	C_PRICE_SRC,
	C_WATTS,
	C_POWER_SRC,
	C_STOCK,
	C_STOCK_LOW,
	C_STOCK_HIGH,
	C_LEVEL,
	C_GROWTH,
	C_GROWTH_LOW,
	C_GROWTH_HIGH,
	C_FROM,
	C_TO,
	C_FORM,
	C_UNITS,
	C_TASK,
	C_DOMAIN,
};

static struct cell text_or_none(const char *s)
{
	return s[0] ? cell_text(s) : cell_none();
}

static struct cell positive_or_none(double x)
{
	return x > 0 ? cell_num(x) : cell_none();
}

/* Text rows leave out the long source; CSV and JSON carry it. */
static int add_entry(struct table *t, const struct catalog_entry *e, bool text)
{
	const struct preset *p = &e->preset;
	struct cell row[NCOLS];

	for (int i = 0; i < NCOLS; i++)
		row[i] = cell_none();
	row[C_KIND] = cell_text(preset_kind_name(p->kind));
	row[C_ID] = cell_text(p->id);
	row[C_NAME] = cell_text(p->name);
	row[C_SRC] = text ? cell_none() : cell_text(p->source);
	if (p->kind == PRESET_LAW) {
		row[C_FAMILY] = cell_text(preset_family_name(p->law.family));
		row[C_DATASET] = cell_text(p->dataset);
		row[C_DOMAIN] = cell_text(preset_domain_name(p->domain));
		row[C_UNITS] = text_or_none(p->units);
	} else if (p->kind == PRESET_ACCELERATOR) {
		row[C_PEAK] = cell_num(p->peak_flops);
		row[C_PRICE] = positive_or_none(p->price);
		row[C_WATTS] = positive_or_none(p->watts);
		if (!text) {
			row[C_PRICE_SRC] = text_or_none(p->price_source);
			row[C_POWER_SRC] = text_or_none(p->power_source);
		}
	} else if (p->kind == PRESET_STOCK) {
		row[C_STOCK] = cell_num(p->stock);
		row[C_STOCK_LOW] = cell_num(p->stock_low);
		row[C_STOCK_HIGH] = cell_num(p->stock_high);
		row[C_LEVEL] = cell_num(p->level);
	} else if (p->kind == PRESET_TREND) {
		row[C_GROWTH] = cell_num(p->growth);
		row[C_GROWTH_LOW] = cell_num(p->growth_low);
		row[C_GROWTH_HIGH] = cell_num(p->growth_high);
		row[C_LEVEL] = cell_num(p->level);
		row[C_FROM] = cell_num(p->from);
		row[C_TO] = cell_num(p->to);
	} else if (p->kind == PRESET_DOWNSTREAM) {
		/* its constants are in its file; the listing names it and its source */
	} else if (p->kind == PRESET_TESTTIME) {
		row[C_FORM] = cell_text(preset_tt_form_name(p->tt.form));
		row[C_UNITS] = text_or_none(p->tt.units); /* a flops-match law has none */
		row[C_TASK] = cell_text(p->task);
	} else {
		row[C_TAG] = text_or_none(p->tag);
		row[C_N] = cell_num(p->params);
		row[C_ACTIVE] = positive_or_none(p->active_params);
		row[C_D] = cell_num(p->tokens);
		row[C_C] = positive_or_none(p->compute);
		row[C_REL] = text_or_none(p->released);
	}
	return table_add(t, row);
}

/* The columns people see, in their order: the long name last, no source. */
static const int law_text[] = {C_ID, C_DOMAIN, C_FAMILY, C_DATASET, C_NAME};
static const int model_text[] = {C_ID, C_TAG, C_N, C_ACTIVE, C_D, C_C, C_REL, C_NAME};
static const int accelerator_text[] = {C_ID, C_PEAK, C_PRICE, C_WATTS, C_NAME};
static const int stock_text[] = {C_ID, C_STOCK, C_STOCK_LOW, C_STOCK_HIGH, C_LEVEL, C_NAME};
static const int trend_text[] = {C_ID,    C_GROWTH, C_GROWTH_LOW, C_GROWTH_HIGH,
                                 C_LEVEL, C_FROM,   C_TO,         C_NAME};
static const int testtime_text[] = {C_ID, C_FORM, C_UNITS, C_TASK, C_NAME};
static const int downstream_text[] = {C_ID, C_NAME};

/*
 * On a narrow terminal, what goes first (positions in the lists above) once
 * names are cut as far as they usefully can: the id, the size and the name
 * stay longest.
 */
static const int law_drop[] = {3, 2};         /* dataset, family */
static const int model_drop[] = {6, 3, 1, 5}; /* released, active, tag, compute */
static const int accelerator_drop[] = {3, 2}; /* watts, price */
static const int stock_drop[] = {4};          /* level */
static const int trend_drop[] = {5, 4};       /* from, level */
static const int testtime_drop[] = {3, 2};    /* task, units */

/* One kind of preset: its catalog list and how the text listing shows it. */
struct section {
	const char *word; /* the operand that selects it: laws, models, accelerators */
	const char *title;
	const int *keep;
	int nkeep;
	const int *drop; /* optional columns, in the order they go on a narrow terminal */
	int ndrop;
	int last; /* the last CSV/JSON column the kind fills */
	const struct catalog_entry *items;
	size_t n;
};

#define KEEP(a) a, (int)(sizeof a / sizeof *a)

/*
 * The entries a section lists, in order, into out (room for sec->n): all of
 * them, or with --preset only the explicit ones; with --domain only that
 * domain's laws, and `grouped` (the text listing) laws grouped by domain,
 * language first, the catalog's order within one: CSV and JSON keep the
 * catalog's order, so that their rows stay where they were. Returns the count.
 */
static size_t section_entries(const struct section *sec, const struct cli *cli, int domain,
                              bool grouped, const struct catalog_entry **out)
{
	bool laws = sec->items == cli->catalog->laws;
	size_t n = 0;

	for (int d = 0; d < (laws && grouped ? PRESET_DOMAIN_COUNT : 1); d++)
		for (size_t i = 0; i < sec->n; i++) {
			const struct catalog_entry *e = &sec->items[i];
			if (cli->explicit_presets && e->tier != TIER_EXPLICIT)
				continue;
			int dom = (int)e->preset.domain;
			if (laws && ((grouped && dom != d) || (domain >= 0 && dom != domain)))
				continue;
			out[n++] = e;
		}
	return n;
}

/*
 * One section of the text listing: full rows, then the columns people see.
 * A blank line goes before it when an earlier section printed (*printed).
 */
static int print_text_section(const struct section *sec, const struct cli *cli, int domain,
                              bool *printed)
{
	const int *keep = sec->keep;
	int nc = sec->nkeep;
	const struct catalog_entry **items = malloc(sizeof *items * (sec->n + 1));
	struct column cols[NCOLS];

	if (items == NULL)
		return cli_error("out of memory");
	size_t n = section_entries(sec, cli, domain, true, items);
	struct table full, shown;

	for (int j = 0; j < nc; j++)
		cols[j] = preset_columns[keep[j]];
	table_init(&full, preset_columns, NCOLS);
	table_init(&shown, cols, nc);
	shown.width = cli_text_width();
	shown.drop = sec->drop;
	shown.ndrop = sec->ndrop;
	for (size_t i = 0; i < n; i++) {
		if (add_entry(&full, items[i], true) < 0)
			goto oom;
		struct cell row[NCOLS];
		for (int j = 0; j < nc; j++)
			row[j] = full.cells[(full.nrows - 1) * NCOLS + keep[j]];
		if (table_add(&shown, row) < 0)
			goto oom;
	}
	if (shown.nrows > 0) {
		printf("%s%s\n", *printed ? "\n" : "", sec->title);
		table_print(&shown, FORMAT_TEXT, stdout);
		*printed = true;
	}
	table_free(&full);
	table_free(&shown);
	free(items);
	return 0;
oom:
	table_free(&full);
	table_free(&shown);
	free(items);
	return cli_error("out of memory");
}

static void print_overrides(const struct catalog_entry *items, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (items[i].overrides[0])
			printf("%s (%s) overrides the shipped %s\n", items[i].preset.id,
			       items[i].preset.file, items[i].overrides);
}

/* CSV or JSON: every row of the sections that are on, up to the last column they use. */
static int print_table(const struct cli *cli, const struct section *sections, const bool *on,
                       size_t nsections, int domain)
{
	struct table t;
	int ncols = 0;
	for (size_t s = 0; s < nsections; s++)
		if (on[s] && sections[s].last + 1 > ncols)
			ncols = sections[s].last + 1;
	table_init(&t, preset_columns, ncols);
	for (size_t s = 0; s < nsections; s++) {
		if (!on[s])
			continue;
		const struct catalog_entry **items = malloc(sizeof *items * (sections[s].n + 1));
		size_t n = items ? section_entries(&sections[s], cli, domain, false, items) : 0;
		bool failed = items == NULL;
		for (size_t i = 0; !failed && i < n; i++)
			failed = add_entry(&t, items[i], false) < 0;
		free(items);
		if (failed) {
			table_free(&t);
			return cli_error("out of memory");
		}
	}
	table_print(&t, cli->format, stdout);
	table_free(&t);
	return 0;
}

/*
 * --domain NAME: its number into *domain (-1 without it), and only the laws'
 * section on, since only laws have a domain. 0, or one line and EXIT_USAGE.
 */
static int domain_filter(const struct cli *cli, bool *on, size_t nsections, int *domain)
{
	*domain = -1;
	if (cli->domain == NULL)
		return 0;
	if ((*domain = cli_domain(cli->domain)) < 0)
		return EXIT_USAGE;
	if (cli->nargs == 1 && !on[0])
		return cli_error("--domain filters laws: isoflop presets laws --domain %s",
		                 cli->domain);
	for (size_t i = 1; i < nsections; i++)
		on[i] = false;
	return 0;
}

int cmd_presets(const struct cli *cli)
{
	const struct catalog *cat = cli->catalog;
	const struct section sections[] = {
	        {"laws", "LAWS", KEEP(law_text), KEEP(law_drop), C_DOMAIN, cat->laws, cat->nlaws},
	        {"models", "MODELS", KEEP(model_text), KEEP(model_drop), C_PEAK, cat->models,
	         cat->nmodels},
	        {"accelerators", "ACCELERATORS", KEEP(accelerator_text), KEEP(accelerator_drop),
	         C_POWER_SRC, cat->accelerators, cat->naccelerators},
	        {"stocks", "STOCKS", KEEP(stock_text), KEEP(stock_drop), C_LEVEL, cat->stocks,
	         cat->nstocks},
	        {"trends", "TRENDS", KEEP(trend_text), KEEP(trend_drop), C_TO, cat->trends,
	         cat->ntrends},
	        {"testtime", "TEST-TIME LAWS", KEEP(testtime_text), KEEP(testtime_drop), C_TASK,
	         cat->testtimes, cat->ntesttimes},
	        {"downstream", "DOWNSTREAM MAPS", KEEP(downstream_text), NULL, 0, C_SRC,
	         cat->downstreams, cat->ndownstreams},
	};
	const size_t nsections = sizeof sections / sizeof *sections;
	bool on[7] = {true, true, true, true, true, true, true};
	int rc;

	_Static_assert(sizeof on / sizeof *on == sizeof sections / sizeof *sections,
	               "a flag per section");
	if (cli->nargs > 1)
		return cli_error("presets takes at most one of laws, models, accelerators, stocks, "
		                 "trends, testtime, downstream");
	if (cli->nargs == 1) {
		bool any = false;
		for (size_t i = 0; i < nsections; i++)
			any |= on[i] = strcmp(cli->args[0], sections[i].word) == 0;
		if (!any)
			return cli_error("presets: expected laws, models, accelerators, stocks, "
			                 "trends, testtime or downstream, not '%s'",
			                 cli->args[0]);
	}

	int domain;
	if ((rc = domain_filter(cli, on, nsections, &domain)) != 0)
		return rc;
	if (cli->format == FORMAT_TEXT) {
		bool printed = false;
		for (size_t i = 0; i < nsections; i++)
			if (on[i] &&
			    (rc = print_text_section(&sections[i], cli, domain, &printed)) != 0)
				return rc;
		for (size_t i = 0; i < nsections; i++)
			if (on[i])
				print_overrides(sections[i].items, sections[i].n);
		for (size_t i = 0; i < cat->nbroken; i++)
			printf("broken: %s\n", cat->broken[i].error);
		return 0;
	}

	if ((rc = print_table(cli, sections, on, nsections, domain)) != 0)
		return rc;
	for (size_t i = 0; i < cat->nbroken; i++)
		fprintf(stderr, "isoflop: broken preset: %s\n", cat->broken[i].error);
	return 0;
}
