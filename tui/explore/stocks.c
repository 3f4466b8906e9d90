/*
 * stocks.c: data stocks by id, from the catalog's stock presets
 * (presets/stocks/: Villalobos et al. 2024 ships), as the numbers the map's
 * band and the readout need.
 */
#include <math.h>
#include <string.h>

#include "stocks.h"

bool stocks_find(const struct catalog *cat, const char *id, struct stock_numbers *out)
{
	const struct catalog_entry *e = cat != NULL ? catalog_stock(cat, id) : NULL;

	if (e == NULL || !(e->preset.stock > 0))
		return false;
	/* the legend names it by id: the name is a sentence, too long for a map's key */
	*out = (struct stock_numbers){e->preset.id,        e->preset.id,         e->preset.stock,
	                              e->preset.stock_low, e->preset.stock_high, e->preset.level};
	return true;
}

double stocks_window_top(const struct stock_numbers *st)
{
	return pow(10, ceil(log10(3 * st->stock_high)));
}
