/*
 * stocks.c: data stocks by id. Until the catalog loads stock presets
 * (presets/stocks/), a table of one: Villalobos et al. 2024, "Will we run
 * out of data? Limits of LLM scaling based on human-generated data",
 * arXiv 2211.04325: the effective stock of public human text, about 300T
 * tokens, 90% interval 100T to 1000T.
 */
#include <math.h>
#include <string.h>

#include "stocks.h"

static const struct stock_numbers known[] = {
        {"villalobos2024", "text stock", 300e12, 100e12, 1000e12, 0.9},
};

bool stocks_find(const struct catalog *cat, const char *id, struct stock_numbers *out)
{
	(void)cat;
	for (size_t i = 0; i < sizeof known / sizeof *known; i++)
		if (strcmp(known[i].id, id) == 0) {
			*out = known[i];
			return true;
		}
	return false;
}

double stocks_window_top(const struct stock_numbers *st)
{
	return pow(10, ceil(log10(3 * st->stock_high)));
}
