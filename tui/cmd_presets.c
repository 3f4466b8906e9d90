/*
 * cmd_presets.c: `isoflop presets [laws|models]`: what isoflop knows and where
 * each number comes from. With --preset FILE it lists only what FILE defines,
 * which is how a user checks a preset they wrote.
 */
#include <stdio.h>
#include <string.h>

#include "../model/units.h"
#include "cli.h"

/* CSV: kind,id,name,params,tokens,compute,source; text adds what people scan for. */
static const struct column preset_columns[] = {
        {"kind", "kind", COL_TEXT, false},        {"id", "id", COL_TEXT, false},
        {"name", "name", COL_TEXT, false},        {"tag", "tag", COL_TEXT, true},
        {"family", "family", COL_TEXT, true},     {"dataset", "dataset", COL_TEXT, true},
        {"params", "params", COL_COUNT, false},   {"active_params", "active", COL_COUNT, true},
        {"tokens", "tokens", COL_COUNT, false},   {"compute", "compute", COL_COMPUTE, false},
        {"released", "released", COL_TEXT, true}, {"source", "source", COL_TEXT, false},
};

#define NCOLS ((int)(sizeof preset_columns / sizeof *preset_columns))

enum { C_KIND, C_ID, C_NAME, C_TAG, C_FAMILY, C_DATASET, C_N, C_ACTIVE, C_D, C_C, C_REL, C_SRC };

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
	bool law = p->kind == PRESET_LAW;
	struct cell row[NCOLS];

	for (int i = 0; i < NCOLS; i++)
		row[i] = cell_none();
	row[C_KIND] = cell_text(law ? "law" : "model");
	row[C_ID] = cell_text(p->id);
	row[C_NAME] = cell_text(p->name);
	row[C_SRC] = text ? cell_none() : cell_text(p->source);
	if (law) {
		row[C_FAMILY] = cell_text(preset_family_name(p->law.family));
		row[C_DATASET] = cell_text(p->dataset);
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
static const int law_text[] = {C_ID, C_FAMILY, C_DATASET, C_NAME};
static const int model_text[] = {C_ID, C_TAG, C_N, C_ACTIVE, C_D, C_C, C_REL, C_NAME};

/* One section of the text listing: full rows, then the columns people see. */
static int print_text_section(const struct catalog_entry *items, size_t n, bool law,
                              bool explicit_only)
{
	const int *keep = law ? law_text : model_text;
	int nc = law ? (int)(sizeof law_text / sizeof *law_text)
	             : (int)(sizeof model_text / sizeof *model_text);
	struct column cols[NCOLS];
	struct table full, shown;

	for (int j = 0; j < nc; j++)
		cols[j] = preset_columns[keep[j]];
	table_init(&full, preset_columns, NCOLS);
	table_init(&shown, cols, nc);
	for (size_t i = 0; i < n; i++) {
		if (explicit_only && items[i].tier != TIER_EXPLICIT)
			continue;
		if (add_entry(&full, &items[i], true) < 0)
			goto oom;
		struct cell row[NCOLS];
		for (int j = 0; j < nc; j++)
			row[j] = full.cells[(full.nrows - 1) * NCOLS + keep[j]];
		if (table_add(&shown, row) < 0)
			goto oom;
	}
	if (shown.nrows > 0) {
		printf("%s\n", law ? "LAWS" : "MODELS");
		table_print(&shown, FORMAT_TEXT, stdout);
	}
	table_free(&full);
	table_free(&shown);
	return 0;
oom:
	table_free(&full);
	table_free(&shown);
	return cli_error("out of memory");
}

static void print_overrides(const struct catalog_entry *items, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (items[i].overrides[0])
			printf("%s (%s) overrides the shipped %s\n", items[i].preset.id,
			       items[i].preset.file, items[i].overrides);
}

int cmd_presets(struct cli *cli)
{
	const struct catalog *cat = &cli->catalog;
	bool laws = true, models = true;
	int rc;

	if ((rc = cli_check_options(cli, "presets", OPT_FORMAT)) != 0)
		return rc;
	if (cli->nargs > 1)
		return cli_error("presets takes at most one of laws, models");
	if (cli->nargs == 1) {
		laws = strcmp(cli->args[0], "laws") == 0;
		models = strcmp(cli->args[0], "models") == 0;
		if (!laws && !models)
			return cli_error("presets: expected laws or models, not '%s'",
			                 cli->args[0]);
	}

	if (cli->format == FORMAT_TEXT) {
		if (laws && (rc = print_text_section(cat->laws, cat->nlaws, true,
		                                     cli->explicit_presets)) != 0)
			return rc;
		if (laws && models)
			putchar('\n');
		if (models && (rc = print_text_section(cat->models, cat->nmodels, false,
		                                       cli->explicit_presets)) != 0)
			return rc;
		if (laws)
			print_overrides(cat->laws, cat->nlaws);
		if (models)
			print_overrides(cat->models, cat->nmodels);
		for (size_t i = 0; i < cat->nbroken; i++)
			printf("broken: %s\n", cat->broken[i].error);
		return 0;
	}

	struct table t;
	table_init(&t, preset_columns, NCOLS);
	for (int pass = 0; pass < 2; pass++) {
		const struct catalog_entry *items = pass == 0 ? cat->laws : cat->models;
		size_t n = pass == 0 ? cat->nlaws : cat->nmodels;
		if ((pass == 0 && !laws) || (pass == 1 && !models))
			continue;
		for (size_t i = 0; i < n; i++) {
			if (cli->explicit_presets && items[i].tier != TIER_EXPLICIT)
				continue;
			if (add_entry(&t, &items[i], false) < 0) {
				table_free(&t);
				return cli_error("out of memory");
			}
		}
	}
	table_print(&t, cli->format, stdout);
	table_free(&t);
	for (size_t i = 0; i < cat->nbroken; i++)
		fprintf(stderr, "isoflop: broken preset: %s\n", cat->broken[i].error);
	return 0;
}
