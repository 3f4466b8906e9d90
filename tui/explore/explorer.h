/*
 * explorer.h: the explorer's whole frame drawn into a canvas, curses-free:
 * the map and profiles panels, the sliders, the readout, the status line
 * and the dialogs (pickers, help). The screen blits it; `--dump` and the
 * tests print it.
 *
 * The panels' expensive part (contours, frontier, curves) is cached in a
 * base canvas that depends only on the terminal size and on struct
 * explorer_key (the law as drawn, the views, the markers switch, T and U,
 * the number of sliders); a change that leaves those alone redraws only the
 * overlay on a copy of it. The timeline view's derivation is kept the same
 * way, keyed by what it depends on (struct timeline_view_key).
 */
#ifndef ISOFLOP_EXPLORER_H
#define ISOFLOP_EXPLORER_H

#include "app.h"
#include "../plot/canvas.h"
#include "../plot/compute.h"
#include "../plot/map.h"
#include "../plot/profiles.h"
#include "timeline_view.h"

/* Smallest terminal the explorer draws in; below it says so. */
#define EXPLORER_MIN_W 40
#define EXPLORER_MIN_H 12

struct explorer_layout {
	bool too_small;
	struct rect map;
	struct rect profiles; /* w == 0: one panel only */
	struct rect sliders;  /* a row per slider on screen */
	struct rect caption;  /* a tour's caption: TOUR_CAPTION_LINES rows, else none */
	struct rect readout;  /* 0 to 3 rows */
	struct rect status;   /* one row */
};

/* Everything the base depends on besides the size: a change rebuilds it. */
struct explorer_key {
	size_t law;
	struct law edit; /* the law as drawn, edited or not */
	bool markers;
	struct app_marks marked; /* which markers are labelled whole */
	enum tour_panel panel;
	long compare;
	bool delta;
	bool touring;
	bool big;       /* 'b' in a tour takes a row from the panels for its digits */
	unsigned views; /* the open views (struct app_scene) */
	double t, u;
	int nsliders;
	struct app_window window; /* the map's, as shown */
	double c_lo, c_hi;        /* the compute view's window of C */
	bool error_contours;      /* 'A': the map's contours are of the derived error */
	/* last: a change from here on redraws the profiles' base alone */
	int zoom;      /* the profiles' zoom as asked: 1, 0, -1 auto */
	double zoom_c; /* the budget a zoom (or auto) follows; 0 with zoom off */
};

struct explorer {
	struct canvas base; /* the panels without the overlay */
	bool base_ok;
	struct explorer_key key;
	char edited_name[128]; /* the map's title for an edited law */
	char edited_id[64];
	struct explorer_layout lay;
	struct map map;
	bool map_ok;
	struct profiles prof;
	bool prof_ok;
	struct map_marker *markers; /* one per model of the catalog, in its order */
	int nmarkers;
	/* the compute view (C): its base, and what its spec points at */
	struct compute_plot cmp;
	bool cmp_ok;
	struct compute_law cmp_laws[2];
	struct compute_model cmp_models[COMPUTE_MAX_MODELS];
	int ncmp_models;
	/* the timeline view's (T) derivation, for its panel and its readout */
	struct timeline_cache timeline;
};

/*
 * Where everything goes on a w x h terminal: `panel` picks one panel or
 * both; nsliders rows of sliders; a tour keeps two rows under them for its
 * caption, above the readout.
 */
void explorer_layout(int w, int h, enum tour_panel panel, bool touring, int nsliders,
                     struct explorer_layout *l);

/* An empty cache. */
void explorer_init(struct explorer *e);
void explorer_free(struct explorer *e);

/*
 * Where slider s's bar is on the frame drawn last for state a: its columns
 * [x, x + w) on row y (h = 1), from the '[' to the ']'; a w under 5 draws
 * no bar. False when s is not on screen or its row does not fit.
 */
bool explorer_slider_bar(const struct explorer *e, const struct app *a, enum slider s,
                         struct rect *bar);

/*
 * A mouse click at cell (x, y) of shown, the frame last drawn: on the map it
 * moves the point there (to a model when on its tag or '+'); on a slider's
 * bar it sets that slider. False, with nothing changed, anywhere else (the
 * '@' itself included) or outside the explore and tour modes.
 */
bool explorer_click(const struct explorer *e, struct app *a, const struct canvas *shown, int x,
                    int y);

/*
 * Draw the frame for state a into out (sized to the terminal), rebuilding
 * the base first if the size or anything in struct explorer_key changed.
 * Returns 0, or -1 when memory runs out.
 */
int explorer_frame(struct explorer *e, const struct app *a, struct canvas *out);

/* Whether the frame drawn last shows the profiles zoomed on the point's curve. */
bool explorer_zoomed(const struct explorer *e);

#endif
