/*
 * downstream_cols.c: the --downstream column of loss and optimum
 * (downstream_cols.h).
 */
#include "downstream_cols.h"

#include <stdio.h>

#include "../../model/downstream.h"

const struct column downstream_column = {"error", "error", COL_NUMBER, false};

int cli_downstream(const struct cli *cli, const struct preset **out)
{
	char ids[512];
	const struct catalog_entry *e;

	*out = NULL;
	if (cli->downstream == NULL)
		return 0;
	if ((e = catalog_downstream(cli->catalog, cli->downstream)) != NULL) {
		*out = &e->preset;
		return 0;
	}
	return cli_error("--downstream: unknown downstream map '%s' (known: %s; isoflop fit "
	                 "FILE --output F.yaml makes one from (loss, accuracy) pairs, --preset "
	                 "F.yaml loads it)",
	                 cli->downstream,
	                 cli_known_ids(cli->catalog->downstreams, cli->catalog->ndownstreams, ids,
	                               sizeof ids));
}

struct cell downstream_cell(const struct preset *map, bool has_loss, double loss,
                            struct downstream_rows *rows)
{
	if (map == NULL || !has_loss)
		return cell_none();
	rows->errors++;
	rows->outside |= downstream_outside(&map->ds, loss);
	return cell_num(downstream_error(&map->ds, loss));
}

void downstream_note(const struct preset *map, const struct downstream_rows *rows)
{
	if (map == NULL || rows->errors == 0)
		return;
	printf("error (derived): average top-1 error from the loss through %s, the form\n"
	       "Err = epsilon - k exp(-gamma L) of Gadre et al. 2024. It assumes the loss is\n"
	       "measured as the map's was (isoflop presets downstream --format csv gives its\n"
	       "source), not on this law's data: a cross-dataset extrapolation, not a\n"
	       "published number.\n",
	       map->id);
	if (rows->outside)
		printf("error (extrapolated): a loss outside the map's fitted %.4g to %.4g.\n",
		       map->ds.loss.lo, map->ds.loss.hi);
}
