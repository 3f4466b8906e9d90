/*
 * readout.h: the explorer's readout under the sliders, as a list of fields
 * ("L = 1.9739", "efficiency 99.9%") laid out per row so that a field is
 * shown whole or not at all: when the rows are too narrow, whole fields drop
 * in a fixed order (isoflop(1), THE READOUT). Also the big readout ('b'):
 * L, the efficiency and C in digits three rows high. Curses-free: it draws
 * into a canvas.
 */
#ifndef ISOFLOP_READOUT_H
#define ISOFLOP_READOUT_H

#include "app.h"
#include "../plot/canvas.h"

#define READOUT_MAX_FIELDS 24
#define READOUT_FIELD_MAX  96

/*
 * Past the runs' fit, beside the extrapolation note: the bootstrap's
 * intervals and the map's band are the runs' scatter, not the error of
 * extrapolating the law's form.
 */
#define READOUT_SCATTER_ONLY "10-90%: fit scatter only"

/* Where a field starts: on the row of the one before, or on a new line. */
enum readout_break {
	READOUT_FLOW, /* after the field before, on a new row only when it does not fit */
	READOUT_LINE, /* a new line while the readout has rows left for one */
	READOUT_SOFT, /* a new line too, given up before any field drops */
};

/* A field that only makes sense beside its neighbour: a label, an explanation. */
enum readout_glue {
	READOUT_ALONE,
	READOUT_WITH_PREV,   /* shown only on the row of the field before it */
	READOUT_WITH_NEXT,   /* shown only with the field after it on its row */
	READOUT_BESIDE_PREV, /* as READOUT_WITH_PREV, but the field before moves to a new row to
	                        keep it there (an interval beside its value) */
};

struct readout_field {
	char text[READOUT_FIELD_MAX];
	const char *sep; /* before it, unless it starts a row */
	int drop;        /* the higher, the sooner it drops; 0 never */
	enum readout_break brk;
	enum readout_glue glue;
};

struct timeline_view;

/* The readout's fields for state a, in reading order, into f (READOUT_MAX_FIELDS); how many. */
int readout_fields(const struct app *a, struct readout_field *f);

/*
 * As readout_fields, given the timeline view's derivation for a (the
 * explorer keeps it between frames); NULL: derived here when the view is open.
 */
int readout_fields_with(const struct app *a, const struct timeline_view *tv,
                        struct readout_field *f);

/*
 * Lay n fields out in w x h cells: for each, its row and column, row -1
 * when it is not shown. Fields drop whole, the highest `drop` first, until
 * the rest fit.
 */
void readout_layout(const struct readout_field *f, int n, int w, int h, int *row, int *col);

/* Draw the readout of state a into r (nothing when r has no rows); tv as readout_fields_with. */
void readout_draw(struct canvas *c, const struct app *a, const struct timeline_view *tv,
                  struct rect r);

/*
 * The big readout: L, the compute efficiency and C in digits three rows
 * high, the items that do not fit r's width dropped whole (C first, then the
 * efficiency). False, with nothing drawn, when r is under three rows high.
 */
bool readout_draw_big(struct canvas *c, const struct app *a, struct rect r);

#endif
