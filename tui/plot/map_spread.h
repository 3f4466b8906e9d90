/*
 * map_spread.h: the map's band of the compute-optimal frontier
 * (map_spread.c), for map.c only: at each column's compute, the 10-90%
 * interval of N* across bootstrap laws, drawn along that budget's iso-FLOP
 * line.
 */
#ifndef ISOFLOP_MAP_SPREAD_H
#define ISOFLOP_MAP_SPREAD_H

#include "../../model/law.h"
#include "canvas.h"
#include "frame.h"

/*
 * The band's glyph: free on the map (no contour, frontier, shading or
 * marker uses it) and, unlike a dot or a line character, read as its own
 * thing in monochrome at 80x24.
 */
#define MAP_SPREAD_GLYPH '^'

/* What the band shows: the law whose frontier it surrounds, and its bootstrap laws. */
struct map_spread {
	const struct law *law;   /* the fit: its frontier places each column's compute */
	const struct law *draws; /* bootstrap laws of the same runs; NULL: no band */
	int ndraws;
	double u; /* unique tokens (0: unlimited), as the frontier uses */
};

/*
 * Draw the band over the plot of f where it leaves the frontier's cells
 * (never over the frontier, frontiers compared, labels, markers or text);
 * returns the cells drawn, 0 when the band lies within the frontier's line.
 */
int map_spread_draw(struct canvas *c, const struct frame *f, const struct map_spread *s);

/* The band's legend entry into out (96 bytes) when s has draws; returns 0 or 1. */
int map_spread_legend(const struct map_spread *s, int cells, char (*out)[96], int max);

#endif
