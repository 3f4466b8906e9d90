/*
 * map_stock.h: the map's data stock band (map_stock.c), for map.c only.
 */
#ifndef ISOFLOP_MAP_STOCK_H
#define ISOFLOP_MAP_STOCK_H

#include "canvas.h"
#include "frame.h"
#include "map.h"

/* The glyphs of the band: its interval, sparse, and the median's row. */
#define MAP_STOCK_FILL   ';'
#define MAP_STOCK_MEDIAN '"'

/* Draw the band of s's stock over the plot of f, when s has one and it meets the window. */
void map_stock_draw(struct canvas *c, const struct frame *f, const struct map_spec *s);

/* The band's legend entries into out (each 96 bytes), at most max; returns how many. */
int map_stock_legend(const struct map_spec *s, char (*out)[96], int max);

#endif
