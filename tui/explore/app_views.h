/*
 * app_views.h: the explorer's views, one row each: inference (i), data (u),
 * test time (t), hardware (g), law editing (e), loss against compute (C)
 * and the timeline (T). A row says everything the explorer does by view: the tour's id for
 * it (enum tour_view, whose names are tour.c's), its key and help, where it
 * draws, the sliders it adds, the setter that opens and closes it, and what
 * the law (or the catalog) must have to show it. The setters, the open
 * views (struct app_scene's `views`) and app_set_view belong to the state
 * module (app.c and app_views.c); keys, sliders, the recorder and the
 * frame read the rows.
 *
 * Adding a view (as C, loss against compute, was added):
 *   1. an id in enum tour_view (presets/tour.h) before TOUR_VIEW_COUNT, and
 *      its name in tour.c's tour_view_names (the tour format: man page 5);
 *   2. its setter in app.c, `void app_open_X(struct app *a, bool on)`, declared
 *      in app_parts.h: what opening sets up (its sliders' first values, the
 *      focus) and closing drops;
 *   3. its row in app_views.c's table: id, key, help, place, sliders,
 *      setter, and `fits`/`unfit`/`refuses` (and `unfit_of` when the cause
 *      varies) if a law cannot show it;
 *   4. its key's row in keys.c's key_table, with the row's help and the
 *      handler view_key (the help overlay and the man page's KEYS come from
 *      key_table; test_keys holds the two helps equal), and the key in
 *      isoflop(1);
 *   5. if it draws a place of its own, its panel function in explorer.c's
 *      table view_panels[] (drawing into the rect the place gives);
 *   6. a golden frame of it (tests/golden.sh).
 * Views of one place exclude each other: opening one closes the others; the
 * panels' place holds the profiles', so a view of either closes the other's.
 */
#ifndef ISOFLOP_APP_VIEWS_H
#define ISOFLOP_APP_VIEWS_H

#include "app.h"

/* Where a view draws. */
enum app_view_place {
	VIEW_PLACE_NONE,     /* nothing of its own: lines on the map, readout fields */
	VIEW_PLACE_PROFILES, /* a panel in the profiles' place */
	VIEW_PLACE_PANELS,   /* the whole panel area: the map's and the profiles' */
};

/* The most sliders one view adds. */
#define APP_VIEW_MAX_SLIDERS 5

struct app_view {
	enum tour_view id; /* the tour's name for it: tour_view_names[id] */
	int key;           /* its key in key_table (keys.c) */
	const char *help;  /* its help line, as key_table's row says it */
	enum app_view_place place;
	enum slider sliders[APP_VIEW_MAX_SLIDERS]; /* the sliders it adds, in the table's order */
	int nsliders;
	bool replaces; /* its sliders replace N, D, C and every other view's */
	/* opens (on) or closes it once its bit is set or cleared: the state follows */
	void (*set)(struct app *a, bool on);
	/* whether the law, or the catalog, can show it; NULL: always */
	bool (*fits)(const struct app *a);
	const char *unfit; /* the status line when it cannot: a format of the law's id */
	bool refuses; /* unfit: the view stays closed; else it opens and says why it shows little */
	/* the status line's format by state, where the cause varies; NULL: unfit */
	const char *(*unfit_of)(const struct app *a);
};

/* The rows, in the order the recorder prefers them and sliders stack (app_views.c). */
extern const struct app_view app_views[];
extern const size_t app_views_len;

/* The row of view id, or NULL (TOUR_VIEW_KEEP, TOUR_VIEW_EXPLORE). */
const struct app_view *app_view_row(enum tour_view id);

/* The row whose key is `key`, or NULL. */
const struct app_view *app_view_by_key(int key);

/* The open view that draws in `place`, or NULL. */
const struct app_view *app_view_in(const struct app *a, enum app_view_place place);

/* How many views are open. */
int app_views_open(const struct app *a);

/*
 * A view's key: open or close it, and, opened under a law that cannot show
 * it, say so in the status line (a row that refuses has said it already).
 */
void app_view_key(struct app *a, enum tour_view id);

/*
 * After the law changed under an open view: if the new law cannot show it,
 * say so in the status line (the timeline under a law with no data wall).
 */
void app_view_recheck(struct app *a, enum tour_view id);

#endif
