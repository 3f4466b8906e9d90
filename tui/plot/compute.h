/*
 * compute.h: loss against compute: log C across, loss up. Each law's
 * compute-optimal loss L*(C) is a line with its own glyph, the first law's
 * irreducible loss E a labelled floor, the real models sit at their
 * published (or 6ND) compute and their loss under the first law, and the
 * current point '@' rides the first law's line, with a readout of what the
 * next 10x of compute buys there. No curses.
 *
 * Drawing is split like the map's: compute_draw_base depends on the laws,
 * the window, the models and the rectangle; compute_draw_overlay (title,
 * '@', readout) changes with every step of C.
 */
#ifndef ISOFLOP_COMPUTE_H
#define ISOFLOP_COMPUTE_H

#include <stddef.h>

#include "../../model/law.h"
#include "../../model/returns.h"
#include "canvas.h"
#include "frame.h"

#define COMPUTE_MAX_LAWS   8
#define COMPUTE_MAX_MODELS 64

/* The glyphs of the laws' lines, in the order given. */
#define COMPUTE_GLYPHS "*o#%=~^&"

/* The floor line's glyph. */
#define COMPUTE_FLOOR_GLYPH '_'

/* One law to draw. */
struct compute_law {
	const struct law *law;
	const char *id; /* the legend's name for it */
};

/* A real model on the picture. */
struct compute_model {
	const char *tag;  /* 1-3 characters drawn at its cell */
	const char *name; /* for the caller's lists */
	double n;         /* parameters it computes with (active ones for MoE) */
	double d;         /* training tokens */
	double compute;   /* published training FLOPs; 0: 6ND */
};

struct compute_spec {
	const struct compute_law *laws; /* laws[0] is the drawn law: floor, models, '@' */
	int nlaws;
	double u;          /* unique tokens for a data-constrained law; 0: unlimited */
	double c_lo, c_hi; /* window: FLOPs */
	const struct compute_model *models;
	int nmodels;
	bool has_point; /* '@' at point_c on laws[0]'s line, and the readout */
	double point_c;
	/*
	 * The point's own loss L(N, D) at point_c (the explorer's): drawn as
	 * COMPUTE_ACTUAL_GLYPH above the '@' with a '|' between when the run is
	 * off the optimum, and the readout row then says both losses.
	 */
	bool has_actual;
	double actual_loss;
	/* a key to each model's tag in the legend ("G3 GPT-3 175B"): the plot's,
	 * not the explorer's narrow panel, whose map keys the marked models */
	bool legend_models;
};

/* The glyph of the point's own loss, over the '@' when off the optimum. */
#define COMPUTE_ACTUAL_GLYPH 'X'

/* Where a model ended up. */
struct compute_tag {
	bool shown;  /* false: off the picture, or its loss is undefined */
	bool merged; /* no room for its tag: a '+' at its cell */
	int cx, cy;  /* its own cell */
	int x, len;  /* the cells its tag covers in row cy */
};

/* What the base drew: for the overlay, the explorer and tests. */
struct compute_plot {
	struct frame frame;
	int ncurves;     /* laws drawn with a line (frontier laws have none) */
	bool has_floor;  /* laws[0]'s E is drawn */
	double floor;    /* that E */
	int floor_y;     /* its row, or -1 */
	int legend_y;    /* the legend's first row */
	int legend_rows; /* its rows, at most COMPUTE_LEGEND_ROWS */
	int readout_y;   /* the readout's row */
	int nmodels;     /* entries of tags, in compute_spec.models' order */
	struct compute_tag tags[COMPUTE_MAX_MODELS];
	int point_x, point_y; /* the '@' after the overlay, or -1 */
	int actual_y;         /* the point's own loss's row, or -1 (same cell as '@': -1) */
	bool has_returns;     /* returns below is laws[0]'s at point_c */
	struct returns returns;
};

/* Rows the legend wraps over at most (one more with the models' keys); entries past them end "+N
 * more". */
#define COMPUTE_LEGEND_ROWS 2

/*
 * Smallest rectangle the picture fits in: the explorer's profiles' place at
 * 80x24 (30x17), where the line, the floor and '@' still read.
 */
#define COMPUTE_MIN_W 28
#define COMPUTE_MIN_H 10

/*
 * Axes, every law's L*(C), the floor, the models and the legend into r,
 * and fill *p. Returns 0, or -1 when r is too small, the window is not
 * 0 < c_lo < c_hi, or no law has a loss.
 */
int compute_draw_base(struct canvas *c, struct rect r, const struct compute_spec *s,
                      struct compute_plot *p);

/* The title, '@' at point_c and the readout line, over a base. */
void compute_draw_overlay(struct canvas *c, struct rect r, const struct compute_spec *s,
                          struct compute_plot *p);

/*
 * The readout of returns r in one line: "C=1e24: the next 10x buys dL=0.0480
 * (33.7% of the 0.143 reducible left)", in nats per token.
 */
void compute_readout(const struct returns *r, char *buf, size_t size);

#endif
