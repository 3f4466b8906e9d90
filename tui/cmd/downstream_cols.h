/*
 * downstream_cols.h: the column --downstream adds to loss and optimum: the
 * average top-1 error a downstream map (Gadre et al. 2024's form) derives
 * from a row's loss, and the note that says what it assumes. One place
 * names them, for both commands.
 */
#ifndef ISOFLOP_DOWNSTREAM_COLS_H
#define ISOFLOP_DOWNSTREAM_COLS_H

#include <stdbool.h>

#include "../../presets/preset.h"
#include "../plot/table.h"
#include "cli.h"

extern const struct column downstream_column;

/* --downstream ID into *out (NULL without it): 0, or one line naming the known ids and EXIT_USAGE.
 */
int cli_downstream(const struct cli *cli, const struct preset **out);

/* What the error column held: the note under a table speaks of what its rows show. */
struct downstream_rows {
	int errors;   /* rows given an error (a row without a loss, a frontier's, has none) */
	bool outside; /* some row's loss lies outside the map's fitted losses */
};

/* The error at loss through map (none without a map or a loss), counted in *rows. */
struct cell downstream_cell(const struct preset *map, bool has_loss, double loss,
                            struct downstream_rows *rows);

/*
 * The note under a text table: what the error is, what it assumes, and any
 * extrapolation; nothing when no row has an error.
 */
void downstream_note(const struct preset *map, const struct downstream_rows *rows);

#endif
