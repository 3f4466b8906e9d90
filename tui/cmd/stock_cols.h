/*
 * stock_cols.h: the columns --stock adds to loss and optimum: the tokens of
 * a row over the stock of text, and over its interval's ends, in CSV and
 * JSON too. One place names them and does their arithmetic.
 */
#ifndef ISOFLOP_STOCK_COLS_H
#define ISOFLOP_STOCK_COLS_H

#include "../explore/stocks.h"
#include "../plot/table.h"

/* stock_epochs, stock_epochs_low, stock_epochs_high */
#define STOCK_NCOLS 3

extern const struct column stock_columns[STOCK_NCOLS];

/*
 * The epochs of d tokens over the stock into out, in stock_columns' order:
 * over its median, then over its high end (the fewest epochs, the low
 * column) and its low end (the most, the high column).
 */
void stock_cells(const struct stock_numbers *st, double d, struct cell out[STOCK_NCOLS]);

#endif
