/*
 * domains_view.h: the explorer's domains view (D): every loaded law with an
 * L(C) as `isoflop plot domains` draws it (tui/plot/domains.h), in the whole
 * panel area, the current law's line picked out in '@' and named in the
 * title; and the readout's words for the current law: its domain, its L(C)
 * and the reducible loss at the point's C, or that it fits no L(C) and the
 * allocation exponents it does give (Chinchilla's Table A2, DeepSeek's
 * Table 4), so that a speaker has the number on screen.
 */
#ifndef ISOFLOP_DOMAINS_VIEW_H
#define ISOFLOP_DOMAINS_VIEW_H

#include "../plot/domains.h"
#include "app.h"

/* The readout's lines under D; at is "" when the law has no L(C). */
struct domains_readout {
	char law[160]; /* "henighan2020-image8 (image): L(C) = 3.13 + (1.56e12/C)^0.19" */
	char at[160];  /* "at C = 1e20: reducible 0.0489 of L(C) = 3.1789 nats per token" */
	char opt[160]; /* "N_opt ~ C^0.64", "M_opt ~ C^0.45, D_opt ~ C^0.55", or "" */
};

/* Whether the catalog has a law with an L(C) to draw: D refuses to open otherwise. */
bool domains_view_fits(const struct app *a);

/* View D's panel for a, into r of c. */
void domains_view_draw(struct canvas *c, const struct app *a, struct rect r);

/* The readout's words for a's law at compute c (FLOPs). */
void domains_view_readout(const struct app *a, double c, struct domains_readout *out);

#endif
