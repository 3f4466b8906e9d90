/*
 * map_cost.h: the inference view's iso-cost lines (map_cost.c), for map.c
 * only: curves of constant lifetime dollars, train x k N D + serve x 2 N T,
 * over the map's N x D plane, given as plain numbers.
 */
#ifndef ISOFLOP_MAP_COST_H
#define ISOFLOP_MAP_COST_H

#include "canvas.h"
#include "frame.h"

/* The lines' glyph: sparse, every third cell, so that the dots of the iso-FLOP lines show. */
#define MAP_COST_GLYPH '$'

/* What the lines need: the map's window and the dollars of a FLOP of each kind. */
struct map_costs {
	double train, serve; /* USD per training FLOP and per serving FLOP; train 0: no lines */
	double k;            /* the law's FLOPs per parameter per token, 6 */
	double t;            /* tokens served over the model's life */
	double n_lo, n_hi, d_lo, d_hi;
};

/* Draw the lines over the plot of f, when s has them: after the contours, before the frontiers. */
void map_cost_draw(struct canvas *c, const struct frame *f, const struct map_costs *s);

/* Their labels ($1M, $10M ...), after the markers and before the iso-FLOP labels. */
void map_cost_label(struct canvas *c, const struct frame *f, const struct map_costs *s);

/* A count of dollars as a label: $300, $1K, $10M, $1B. */
void map_cost_format(double usd, char *buf, size_t size);

#endif
