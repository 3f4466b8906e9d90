/*
 * map.h: the loss-contour map over log N x log D: contours of L at nice
 * levels, iso-FLOP lines, the compute-optimal frontier, model markers and
 * the current point, drawn into a canvas rectangle. No curses.
 *
 * Drawing is split in two so that the explorer can cache the expensive part:
 * map_draw_base depends only on the law, the window and the rectangle;
 * map_draw_overlay (title and '@') changes with every slider step.
 */
#ifndef ISOFLOP_MAP_H
#define ISOFLOP_MAP_H

#include "../../model/downstream.h"
#include "../../model/fit.h"
#include "../../model/law.h"
#include "canvas.h"
#include "frame.h"

/*
 * The iso-FLOP lines' glyph, drawn in every cell they cross: a run of dots on
 * the baseline reads as a rule, unlike the contours' line characters and
 * the sparse '`' of extrapolation that sits high in the cell, and light
 * enough that ten decades of budget at 80x24 do not become a texture (':'
 * did). Only these lines and the decimal points of labels use it.
 */
#define MAP_ISOFLOP_GLYPH '.'

/* A real model on the map. */
struct map_marker {
	const char *tag;  /* 1-3 characters drawn at its cell */
	const char *name; /* the legend's name for it */
	double n;         /* parameters it computes with (active ones for MoE) */
	double d;         /* training tokens */
	int priority;     /* when not all fit, higher first (then larger compute): 0 by default */
};

/*
 * A marker of this priority or more is marked: always labelled whole,
 * its tag placed before the others', which yield to it.
 */
#define MAP_MARKED 100

/* Where a marker ended up. */
enum marker_place {
	MARKER_TAG,       /* its tag, starting or ending at its cell */
	MARKER_COLLISION, /* no room: '+' at its cell, "(+)" in the legend */
	MARKER_OFF_MAP,   /* outside the window: "(off map)" in the legend */
	MARKER_YIELDED,   /* its cell is under a marked model's tag: not drawn, "(hidden)" */
};

/*
 * Markers a map draws at most: the legend keeps an entry for each. Beyond
 * it, the ones of highest priority (then compute) are drawn and the legend
 * says how many are not.
 */
#define MAP_MAX_MARKERS 240

struct map_spec {
	const struct law *law;
	const char *law_name; /* for the title */
	const char *law_id;   /* for the title when the name does not fit; may be NULL */
	const char *dataset;  /* for the title; "" when unknown */
	double u;             /* unique tokens for a data-constrained law; 0: unlimited */
	double inference_t; /* > 0: also the inference-aware frontier for T lifetime tokens, '%' */
	double wall_u;      /* > 0: the data view: D = 4U as '=', D > U (1 + R_D*) shaded ':' */
	double n_lo, n_hi;  /* window: parameters */
	double d_lo, d_hi;  /* window: tokens */
	const struct law *frontier2; /* a second frontier drawn with 'o', or NULL */
	const char *frontier2_name;  /* its legend name */
	bool compared; /* frontier2 is a law compared with: '#', named first in the legend */
	const struct law *delta_law; /* contours of L(law) - L(delta_law) instead of L, or NULL */
	const char *delta_name;
	/*
	 * contours of the average top-1 error this map derives from L (Gadre et
	 * al. 2024's form), labelled by error, instead of L; NULL: L. Ignored
	 * with delta_law. The legend says the error is derived.
	 */
	const struct downstream *error_map;
	const struct map_marker *markers;
	int nmarkers;
	const struct fit_run *runs; /* the user's training runs, drawn as x; NULL for none */
	int nruns;
	const char *runs_legend;        /* the legend's word for x ("your runs"); NULL: "runs" */
	const struct fit_run *proposed; /* runs not yet trained (plan), drawn as +; NULL for none */
	int nproposed;
	int max_legend; /* legend lines at most; 0: up to a third of the height */
	bool has_point; /* draw '@' at (point_n, point_d) and its loss in the title */
	double point_n, point_d;
	const char *point_label; /* the model at the point, named in the title ("@ Chinchilla 70B"),
	                            or NULL */
	const char *point_legend; /* the legend's word for @ ("next run"); NULL: "point" */
	/* a stock of data (tokens) as a band across the tokens axis; stock 0: none */
	double stock, stock_low, stock_high; /* its median and interval, tokens */
	double stock_level;                  /* the interval's confidence (0.9), 0 when unknown */
	const char *stock_name;              /* the legend's short name ("text stock"), or NULL */
	/*
	 * with inference_t: lifetime dollars, USD per training and per serving
	 * FLOP (lifecost_per_flop): iso-cost lines '$' and the USD-optimal
	 * frontier '&'; 0: none
	 */
	double usd_train_flop, usd_serve_flop;
	/*
	 * bootstrap laws of the runs law is fitted to (model/uncertainty.h):
	 * the frontier's 10-90% band in '^'; NULL: none
	 */
	const struct law *draws;
	int ndraws;
};

/*
 * Where a drawn marker shows: its tag over cells [x, x + len) of row cy, or
 * a '+' at its cell (x = cx, len 1) that stands for every marker it met.
 * map_draw_base decides it once; everything else asks map_tag_at or
 * map_tag_of rather than reading glyphs back.
 */
struct map_tag {
	int model;               /* its index in map_spec.markers */
	enum marker_place place; /* MARKER_TAG, MARKER_COLLISION or MARKER_OFF_MAP */
	int cx, cy;              /* its own cell, where a tag starts or ends */
	int x, len;              /* the cells it covers in row cy; len 0 off the map */
};

/* What map_draw_base drew: for the overlay and for tests. */
struct map {
	struct frame frame;
	bool has_surface;
	bool delta; /* the contours are of a difference of two laws */
	int nlevels;
	double levels[CANVAS_MAX_LEVELS]; /* contour level k is drawn in STYLE_CONTOUR + k */
	int nlegend;                      /* legend lines */
	int dropped;                      /* legend entries that did not fit */
	int hidden;                       /* markers past MAP_MAX_MARKERS, not drawn */
	int band_cells;                   /* cells of the frontier's band outside its '*' */
	int beyond_cells;                 /* cells of '`' (beyond the fit) left showing */
	int run_cells;                    /* cells of the runs' 'x' left showing */
	int ntags;                        /* markers given a place, in map_spec's order */
	struct map_tag tags[MAP_MAX_MARKERS];
	/* what the last map_draw_overlay changed over the base */
	int point_x, point_y; /* the '@', or -1: it hides what is under it */
	int pushed;           /* the tag the '@' moved aside (index in tags), or -1 */
	int pushed_x;         /* where that tag starts now */
};

/* Smallest rectangle a map fits in: a plot of 8 x 4 cells with its axes. */
#define MAP_MIN_W 30
#define MAP_MIN_H 8

/*
 * Draw axes, contours with labels, iso-FLOP lines, frontiers, markers and
 * the legend into r, and fill *m, whose tags say where each marker went.
 * Returns 0, or -1 when r is too small or memory runs out.
 */
int map_draw_base(struct canvas *c, struct rect r, const struct map_spec *s, struct map *m);

/*
 * Draw the title line and the current point over a base, and note in m
 * where the '@' went and which tag it moved aside, for map_tag_at.
 */
void map_draw_overlay(struct canvas *c, struct rect r, const struct map_spec *s, struct map *m);

/*
 * The marker (index in map_spec.markers) whose tag or '+' the map shows at
 * cell (x, y) after the last overlay, or -1: nothing there, the '@', or a
 * tag the '@' cuts.
 */
int map_tag_at(const struct map *m, int x, int y);

/*
 * Where marker `model` shows after the last overlay: true with *t filled
 * when it shows whole, as its tag or a '+'; false when it is off the map,
 * not drawn, or its tag is cut by the '@'.
 */
bool map_tag_of(const struct map *m, int model, struct map_tag *t);

#endif
