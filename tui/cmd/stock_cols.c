/*
 * stock_cols.c: the --stock columns of loss and optimum (stock_cols.h).
 */
#include "stock_cols.h"

const struct column stock_columns[STOCK_NCOLS] = {
        {"stock_epochs", "stock epochs", COL_NUMBER, false},
        {"stock_epochs_low", "low", COL_NUMBER, false},
        {"stock_epochs_high", "high", COL_NUMBER, false},
};

void stock_cells(const struct stock_numbers *st, double d, struct cell out[STOCK_NCOLS])
{
	out[0] = cell_num(d / st->stock);
	out[1] = cell_num(d / st->stock_high);
	out[2] = cell_num(d / st->stock_low);
}
