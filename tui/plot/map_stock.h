/*
 * map_stock.h: the map's data stock band (map_stock.c), for map.c only: it
 * takes the band as plain numbers, and knows nothing else of the map.
 */
#ifndef ISOFLOP_MAP_STOCK_H
#define ISOFLOP_MAP_STOCK_H

#include "canvas.h"
#include "frame.h"

/* The glyphs of the band: its interval, sparse, and the median's row. */
#define MAP_STOCK_FILL   ';'
#define MAP_STOCK_MEDIAN '"'
/* The iso-FLOP lines' dot (MAP_ISOFLOP_GLYPH, which map.c checks is the same): the median covers
 * it. */
#define MAP_STOCK_ISOFLOP_DOT '.'

/* What the band shows: map_spec's stock fields. */
struct map_band {
	double stock;                 /* median, tokens; 0: no band */
	double stock_low, stock_high; /* its interval, tokens */
	double level;                 /* the interval's confidence, 0 when unknown */
	const char *name;             /* the legend's short name, or NULL */
	double n_lo;                  /* the window's left edge, parameters */
};

/* Draw the band of s's stock over the plot of f, when s has one and it meets the window. */
void map_stock_draw(struct canvas *c, const struct frame *f, const struct map_band *s);

/* The band's legend entries into out (each 96 bytes), at most max; returns how many. */
int map_stock_legend(const struct map_band *s, char (*out)[96], int max);

#endif
