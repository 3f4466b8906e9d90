/*
 * stocks.h: a data stock by id (its median and interval in tokens), for the
 * map's band in the explorer's data view and `plot contour --stock`. One
 * place reads the catalog's stock presets for both.
 */
#ifndef ISOFLOP_STOCKS_H
#define ISOFLOP_STOCKS_H

#include <stdbool.h>

#include "../../presets/catalog.h"

/* The stock the data view shows when none is named. */
#define STOCKS_DEFAULT "villalobos2024"

/* A stock of data: the numbers the map's band needs. */
struct stock_numbers {
	const char *id;
	const char *name;             /* the legend's short name */
	double stock;                 /* median, tokens */
	double stock_low, stock_high; /* its interval, tokens */
	double level;                 /* the interval's confidence */
};

/* The stock `id` in cat into *out: false when there is none of that id. */
bool stocks_find(const struct catalog *cat, const char *id, struct stock_numbers *out);

/*
 * The top of a window that holds the stock's interval: the decade at or
 * above three times its high end (1000T: 1e16), so that the band sits
 * clear of the edge.
 */
double stocks_window_top(const struct stock_numbers *st);

#endif
