/*
 * explorer.c: layout and drawing of the explorer's frame. Everything is
 * written into a canvas in screen cells; only tui/explore/screen.c knows curses.
 */
#include <limits.h>
#include <math.h>
#include <stddef.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#include "../../model/hardware.h"
#include "../../model/optimum.h"
#include "../../model/testtime.h"
#include "../../model/uncertainty.h"
#include "../../model/units.h"
#include "app_views.h"
#include "explorer.h"
#include "law_view.h"
#include "../plot/params.h"
#include "keys.h"
#include "markers.h"
#include "readout.h"
#include "domains_view.h"
#include "timeline_view.h"
#include "traintest_view.h"

void explorer_layout(int w, int h, enum tour_panel panel, bool touring, int nsliders,
                     struct explorer_layout *l)
{
	memset(l, 0, sizeof *l);
	if (w < EXPLORER_MIN_W || h < EXPLORER_MIN_H) {
		l->too_small = true;
		return;
	}
	/* the map title carries L, so the readout is the first thing to give up */
	int readout = h >= 24 ? 3 : h >= 16 ? 2 : h >= 14 ? 1 : 0;
	/*
	 * a tour's caption has rows of its own, so that it never hides the
	 * numbers it cites; below 30 rows the readout gives one to it
	 */
	int caption = touring ? TOUR_CAPTION_LINES : 0;
	if (touring && h < 30 && readout > 2)
		readout = 2;
	int panels = h - nsliders - caption - readout - 1;
	/* many sliders on a small terminal: the readout gives way before the map */
	if (panels < MAP_MIN_H) {
		readout = h - nsliders - caption - 1 - MAP_MIN_H;
		readout = readout < 0 ? 0 : readout;
		panels = h - nsliders - caption - readout - 1;
	}

	l->map = (struct rect){0, 0, w, panels};
	if (panel == TOUR_PANEL_PROFILES) {
		l->map.w = 0;
		l->profiles = (struct rect){0, 0, w, panels};
	} else if (panel == TOUR_PANEL_BOTH && w >= 60 && h >= 18) {
		int pw = w * 3 / 8 < PROFILES_MIN_W ? PROFILES_MIN_W : w * 3 / 8;
		/* two panels only when the map keeps its own minimum beside the other */
		if (w - pw - 1 >= MAP_MIN_W) {
			l->map.w = w - pw - 1;
			l->profiles = (struct rect){w - pw, 0, pw, panels};
		}
	}
	l->sliders = (struct rect){0, panels, w, nsliders};
	l->caption = (struct rect){0, panels + nsliders, w, caption};
	l->readout = (struct rect){0, panels + nsliders + caption, w, readout};
	l->status = (struct rect){0, h - 1, w, 1};
}

/*
 * The big readout's digits are three rows high: where the readout has two
 * (a tour below 30 rows, whose caption keeps its own), the panels give it
 * one, so that 'b' shows in a talk at 80x24 too.
 */
static void big_readout_room(struct explorer_layout *l)
{
	if (l->too_small || l->readout.h != 2 || l->map.h <= MAP_MIN_H)
		return;
	l->map.h--;
	if (l->profiles.w > 0)
		l->profiles.h--;
	l->sliders.y--;
	l->caption.y--;
	l->readout.y--;
	l->readout.h++;
}

void explorer_init(struct explorer *e)
{
	memset(e, 0, sizeof *e);
}

void explorer_free(struct explorer *e)
{
	free(e->markers);
	e->markers = NULL;
	e->nmarkers = 0;
	canvas_free(&e->base);
	e->base_ok = false;
	timeline_cache_free(&e->timeline);
}

/* The map's description of state a; the point is the overlay's. */
static struct map_spec map_spec_of(const struct explorer *e, const struct app *a)
{
	const struct preset *p = &a->catalog->laws[a->scene.law].preset;
	/* the law compared with, else the law's paper's own frontier (Kaplan's Table 6) */
	struct app_window w;
	const struct catalog_entry *second =
	        a->compare >= 0 ? &a->catalog->laws[a->compare]
	                        : (p->paper_frontier[0] ? catalog_law(a->catalog, p->paper_frontier)
	                                                : NULL);

	app_map_window(a, &w);
	int ndraws;
	const struct law *draws = app_draws(a, &ndraws);
	struct lifecost life;
	double usd_train = 0, usd_serve = 0; /* the iso-cost lines, when priced */
	if (app_lifecost(a, &life))
		lifecost_per_flop(&life, &usd_train, &usd_serve);
	return (struct map_spec){
	        .law = app_law(a),
	        .law_name = a->scene.edited ? e->edited_name : p->name,
	        .law_id = a->scene.edited ? e->edited_id : p->id,
	        .dataset = p->dataset,
	        .u = a->scene.u,
	        .inference_t = app_view_on(a, TOUR_VIEW_INFERENCE) ? a->t : 0,
	        .wall_u = app_view_on(a, TOUR_VIEW_DATA) ? a->scene.u : 0,
	        .n_lo = w.n_lo,
	        .n_hi = w.n_hi,
	        .d_lo = w.d_lo,
	        .d_hi = w.d_hi,
	        .markers = e->markers,
	        .nmarkers = a->scene.markers ? e->nmarkers : 0,
	        .runs = a->runs,
	        .nruns = (int)a->nruns,
	        .frontier2 = second != NULL ? &second->preset.law : NULL,
	        .frontier2_name = second != NULL ? second->preset.id : NULL,
	        .compared = a->compare >= 0,
	        .delta_law = a->delta && a->compare >= 0 ? &a->catalog->laws[a->compare].preset.law
	                                                 : NULL,
	        .delta_name = a->compare >= 0 ? a->catalog->laws[a->compare].preset.id : NULL,
	        .max_legend = 1, /* the model picker lists them all */
	        .has_point = true,
	        .point_n = a->scene.n,
	        .point_d = a->scene.d,
	        .point_label =
	                a->scene.model >= 0 ? a->catalog->models[a->scene.model].preset.name : NULL,
	        .stock = app_view_on(a, TOUR_VIEW_DATA) ? a->stock.stock : 0,
	        .stock_low = a->stock.stock_low,
	        .stock_high = a->stock.stock_high,
	        .stock_level = a->stock.level,
	        .stock_name = a->stock.name,
	        .usd_train_flop = usd_train,
	        .usd_serve_flop = usd_serve,
	        .draws = draws,
	        .ndraws = ndraws,
	        .error_map = a->error_contours && a->downstream != NULL ? &a->downstream->ds : NULL,
	};
}

static struct profiles_spec profiles_spec_of(const struct app *a)
{
	const struct preset *p = &a->catalog->laws[a->scene.law].preset;
	struct fit_spread np = {0, 0, 0}; /* the optimum's interval at this C, when bootstrapped */
	int ndraws;
	const struct law *draws = app_draws(a, &ndraws);
	if (draws != NULL)
		optimum_spread(draws, ndraws, app_value(a, SLIDER_C), &np, NULL, NULL);

	return (struct profiles_spec){
	        .law = app_law(a),
	        .law_name = p->id,
	        .u = a->scene.u,
	        .n_lo = a->n_lo,
	        .n_hi = a->n_hi,
	        .d_lo = a->d_lo,
	        /* the profiles' budgets as before the data view grew the D slider for the
	           stock, until the point itself walks past the old top */
	        .d_hi = fmin(app_tokens_hi(a), fmax(a->d_hi, a->scene.d)),
	        .has_current = true,
	        .current_c = app_value(a, SLIDER_C),
	        .current_n = a->scene.n,
	        .zoom = a->scene.zoom,
	        .spread_lo = np.p10,
	        .spread_hi = np.p90,
	};
}

/*
 * Every model of the catalog, in its order (a marker's index is its model's:
 * a click finds the model by it); the map draws those that fit. -1 when
 * memory runs out.
 */
static int collect_markers(struct explorer *e, const struct app *a)
{
	size_t n = a->catalog->nmodels < INT_MAX ? a->catalog->nmodels : INT_MAX;
	struct map_marker *m = realloc(e->markers, sizeof *m * (n > 0 ? n : 1));

	if (m == NULL)
		return -1;
	e->markers = m;
	markers_collect(a->catalog, NULL, 0, e->markers, (int)n, &e->nmarkers, NULL);
	for (int i = 0; i < e->nmarkers; i++)
		if (app_model_marked(a, (size_t)i))
			e->markers[i].priority = MAP_MARKED;
	return 0;
}

static void fill(struct canvas *c, struct rect r)
{
	for (int y = r.y; y < r.y + r.h; y++)
		for (int x = r.x; x < r.x + r.w; x++)
			canvas_put(c, x, y, ' ', STYLE_BLANK);
}

/* Text centred in a rectangle's middle row. */
static void centred(struct canvas *c, struct rect r, const char *text, int style)
{
	int len = (int)strlen(text);
	int x = r.x + (r.w - len) / 2;

	canvas_text(c, x < r.x ? r.x : x, r.y + r.h / 2, text, r.w, style);
}

/* The compute view's window: 1e20 to 1e27 FLOPs, widened to a decade beyond C. */
static void compute_window(const struct app *a, double *lo, double *hi)
{
	double c = app_value(a, SLIDER_C), e = floor(log10(c));

	*lo = fmax(fmin(1e20, pow(10, e - 1)), LAW_COMPUTE_MIN);
	*hi = fmin(fmax(1e27, pow(10, e + 2)), LAW_COMPUTE_MAX);
}

/* What the base depends on, zeroed first so that it compares whole. */
static void key_of(const struct app *a, struct explorer_key *k)
{
	enum slider on[APP_MAX_SLIDERS];

	memset(k, 0, sizeof *k);
	k->law = a->scene.law;
	k->edit = *app_law(a);
	k->markers = a->scene.markers;
	k->marked = a->scene.marked;
	k->panel = a->scene.panel;
	k->compare = a->compare;
	k->delta = a->delta;
	k->touring = a->tour != NULL; /* a dialog opened in a tour keeps its layout */
	k->big = a->big;
	k->views = a->scene.views;
	/* the T slider moves the frontier only in that view */
	k->t = app_view_on(a, TOUR_VIEW_INFERENCE) ? a->t : 0;
	k->u = a->scene.u;
	k->error_contours = a->error_contours && a->downstream != NULL;
	k->nsliders = app_sliders(a, on);
	app_map_window(a, &k->window); /* + - . 0 and a point that leaves it rebuild the map */
	if (app_view_on(a, TOUR_VIEW_COMPUTE) || law_view_panel(app_law(a)) == LAW_PANEL_COMPUTE)
		compute_window(a, &k->c_lo, &k->c_hi);
	k->zoom = a->scene.zoom;
	/* a zoom, or the choice of one, follows the point's curve: the budget C */
	k->zoom_c = a->scene.zoom != 0 ? app_value(a, SLIDER_C) : 0;
}

/* The profiles panel of the base, drawn over whatever it held. */
static void profiles_base(struct explorer *e, const struct app *a)
{
	e->prof_ok = false;
	if (e->lay.profiles.w == 0 || app_view_in(a, VIEW_PLACE_PROFILES) != NULL ||
	    app_view_in(a, VIEW_PLACE_PANELS) != NULL)
		return; /* a view draws there */
	if (law_view_panel(app_law(a)) == LAW_PANEL_COMPUTE ||
	    law_view_panel(app_law(a)) == LAW_PANEL_PARAMS)
		return; /* a power law's L(C) or L(N) draws there: compute_base, draw_params */
	struct profiles_spec ps = profiles_spec_of(a);
	fill(&e->base, e->lay.profiles);
	e->prof_ok = profiles_draw_base(&e->base, e->lay.profiles, &ps, &e->prof) == 0;
	if (!e->prof_ok)
		centred(&e->base, e->lay.profiles,
		        law_has_surface(ps.law) ? "no budget's optimum in view"
		                                : "frontier law: no profiles",
		        STYLE_TEXT);
}

/*
 * A power law that fits L(N) alone: its loss against N in the profiles'
 * place, '@' at the point's N, drawn whole each frame (one curve is cheap),
 * where no view draws.
 */
static void draw_params(struct canvas *c, const struct app *a, struct rect r)
{
	const struct preset *p = &a->catalog->laws[a->scene.law].preset;
	struct params_plot pp;

	if (r.w == 0 || app_view_in(a, VIEW_PLACE_PROFILES) != NULL ||
	    app_view_in(a, VIEW_PLACE_PANELS) != NULL ||
	    law_view_panel(app_law(a)) != LAW_PANEL_PARAMS)
		return;
	struct params_spec ps = {.law = app_law(a),
	                         .law_id = p->id,
	                         .units = p->units,
	                         .has_point = true,
	                         .n = a->scene.n};
	fill(c, r);
	if (params_draw(c, r, &ps, &pp) != 0)
		centred(c, r, "(no room for loss vs N)", STYLE_TEXT);
}

/* Below this width the compute view shows the marked models alone. */
#define COMPUTE_ALL_MODELS_W 60

/*
 * The compute view's models: with markers on ('m'), the marked ones first,
 * which get their tags when not all fit, then the others in the catalog's
 * order. In a narrow place (the profiles' at 80 columns, 30 wide) the
 * marked ones alone: two dozen tags there cover the line and the '@' the
 * picture exists to show.
 */
static void compute_models(struct explorer *e, const struct app *a, int w)
{
	struct compute_model all[COMPUTE_MAX_MODELS];
	int n = 0;

	e->ncmp_models = 0;
	if (!a->scene.markers)
		return;
	markers_compute_models(a->catalog, NULL, 0, all, COMPUTE_MAX_MODELS, &n, NULL);
	for (int pass = 0; pass < (w < COMPUTE_ALL_MODELS_W ? 1 : 2); pass++)
		for (int i = 0; i < n; i++)
			if (app_model_marked(a, (size_t)i) == (pass == 0))
				e->cmp_models[e->ncmp_models++] = all[i];
}

/* The compute view's spec for state a: the law (and the compared one), the models, C. */
static struct compute_spec compute_spec_of(struct explorer *e, const struct app *a)
{
	struct compute_spec s = {.laws = e->cmp_laws, .nlaws = 1, .u = a->scene.u};
	double l;

	e->cmp_laws[0] = (struct compute_law){
	        app_law(a),
	        a->scene.edited ? e->edited_id : a->catalog->laws[a->scene.law].preset.id};
	if (a->compare >= 0 && law_has_surface(&a->catalog->laws[a->compare].preset.law))
		e->cmp_laws[s.nlaws++] =
		        (struct compute_law){&a->catalog->laws[a->compare].preset.law,
		                             a->catalog->laws[a->compare].preset.id};
	compute_window(a, &s.c_lo, &s.c_hi);
	s.models = e->cmp_models;
	s.nmodels = e->ncmp_models;
	s.has_point = true;
	s.point_c = app_value(a, SLIDER_C);
	if (law_loss(app_law(a), a->scene.n, a->scene.d, a->scene.u, &l) == MODEL_OK) {
		s.has_actual = true;
		s.actual_loss = l;
	}
	return s;
}

/* The compute view's base in the profiles' place, when that view is open. */
static void compute_base(struct explorer *e, const struct app *a)
{
	const struct app_view *v = app_view_in(a, VIEW_PLACE_PROFILES);

	e->cmp_ok = false;
	/* the view, or a power law's L(C) where no view draws (law_view.h) */
	bool shown = v != NULL ? v->id == TOUR_VIEW_COMPUTE
	                       : app_view_in(a, VIEW_PLACE_PANELS) == NULL &&
	                                 law_view_panel(app_law(a)) == LAW_PANEL_COMPUTE;
	if (e->lay.profiles.w == 0 || !shown)
		return;
	compute_models(e, a, e->lay.profiles.w);
	struct compute_spec cs = compute_spec_of(e, a);
	fill(&e->base, e->lay.profiles);
	e->cmp_ok = compute_draw_base(&e->base, e->lay.profiles, &cs, &e->cmp) == 0;
	if (!e->cmp_ok)
		centred(&e->base, e->lay.profiles,
		        law_has_surface(app_law(a)) ? "(no room for loss vs compute)"
		                                    : "frontier law: no L*(C)",
		        STYLE_TEXT);
}

static int build_base(struct explorer *e, const struct app *a, int w, int h)
{
	if (e->base.w != w || e->base.h != h) {
		canvas_free(&e->base);
		if (canvas_init(&e->base, w, h) != 0)
			return -1;
	} else {
		canvas_clear(&e->base);
	}
	key_of(a, &e->key);
	explorer_layout(w, h, a->scene.panel, a->tour != NULL, e->key.nsliders, &e->lay);
	if (a->big)
		big_readout_room(&e->lay);
	e->map_ok = e->prof_ok = e->cmp_ok = false;
	snprintf(e->edited_name, sizeof e->edited_name, "%.100s, edited",
	         a->catalog->laws[a->scene.law].preset.name);
	snprintf(e->edited_id, sizeof e->edited_id, "%.50s*",
	         a->catalog->laws[a->scene.law].preset.id);
	if (!e->lay.too_small) {
		if (collect_markers(e, a) != 0)
			return -1;
		struct map_spec ms = map_spec_of(e, a);
		if (e->lay.map.w > 0 && app_view_in(a, VIEW_PLACE_PANELS) == NULL) {
			e->map_ok = map_draw_base(&e->base, e->lay.map, &ms, &e->map) == 0;
			if (!e->map_ok)
				centred(&e->base, e->lay.map, "(no room for the map)", STYLE_TEXT);
		}
		profiles_base(e, a);
		compute_base(e, a);
	}
	e->base_ok = true;
	return 0;
}

/* ---- sliders, readout, status ---- */

static void format_value(enum slider s, double v, char *buf, size_t size)
{
	switch (s) {
	case SLIDER_C:
		units_format_compute(v, buf, size);
		break;
	case SLIDER_M:
		snprintf(buf, size, "x%.3g", v);
		break;
	case SLIDER_GPUS: /* whole accelerators, in full while they fit */
		if (v < 1e6)
			snprintf(buf, size, "%.0f", v);
		else
			units_format_count(v, buf, size);
		break;
	case SLIDER_DAYS: /* whole days past a thousand: 1234, not 1.23e+03 */
		if (v < 1000)
			snprintf(buf, size, "%.3g", v);
		else
			snprintf(buf, size, "%.0f", v);
		break;
	case SLIDER_MFU:
		snprintf(buf, size, "%.1f%%", 100 * v);
		break;
	case SLIDER_TARGET: /* a coverage such as 0.975, as the legend and readout say it */
		snprintf(buf, size, "%.3g", v);
		break;
	case SLIDER_TRAIN:
	case SLIDER_TEST:
	case SLIDER_TOTAL:
		units_format_compute(v, buf, size);
		break;
	case SLIDER_E:
	case SLIDER_ALPHA:
	case SLIDER_BETA:
		snprintf(buf, size, "%.4f", v);
		break;
	case SLIDER_A:
	case SLIDER_B:
		snprintf(buf, size, "%.5g", v);
		break;
	default:
		if (v == 0)
			snprintf(buf, size, "none");
		else
			units_format_count(v, buf, size);
		break;
	}
}

/* Where slider s's row puts its bar: [x, x + w) of the row, the head and tail texts. */
struct slider_row {
	char head[32], tail[48];
	int hl, tl;
	int bar_x, bar_w; /* bar_w < 5: no bar */
};

static void slider_row(const struct app *a, enum slider s, struct rect r, struct slider_row *row)
{
	char value[32], label[24];

	format_value(s, app_value(a, s), value, sizeof value);
	app_slider_title(a, s, label, sizeof label);
	snprintf(row->head, sizeof row->head, "%c %s ", a->scene.focus == s ? '>' : ' ', label);
	snprintf(row->tail, sizeof row->tail, " %8s %s", value,
	         app_slider_locked(a, s) ? "locked" : "      ");
	row->hl = (int)strlen(row->head);
	row->tl = (int)strlen(row->tail);
	row->bar_x = r.x + row->hl;
	row->bar_w = r.w - row->hl - row->tl;
}

/*
 * Where the value sits along its slider: 0 at the low end, 1 at the high
 * (in decades unless the slider is linear).
 */
static double slider_fraction(const struct app *a, enum slider s)
{
	double lo, hi, v = app_value(a, s);

	app_range(a, s, &lo, &hi);
	return app_slider_linear(s) ? (v - lo) / (hi - lo)
	       : v > 0              ? (log10(v) - log10(lo)) / (log10(hi) - log10(lo))
	                            : 0;
}

static void draw_sliders(struct canvas *c, const struct app *a, struct rect r)
{
	enum slider on[APP_MAX_SLIDERS];
	int count = app_sliders(a, on);

	for (int i = 0; i < count && i < r.h; i++) {
		enum slider s = on[i];
		struct slider_row row;
		bool focus = a->scene.focus == s, locked = app_slider_locked(a, s);
		int y = r.y + i, bw;

		slider_row(a, s, r, &row);
		bw = row.bar_w;
		canvas_text(c, r.x, y, row.head, row.hl, focus ? STYLE_HIGHLIGHT : STYLE_TEXT);
		canvas_text(c, r.x + r.w - row.tl, y, row.tail, row.tl,
		            locked ? STYLE_HIGHLIGHT : STYLE_TEXT);
		if (bw < 5)
			continue;
		/* the bar: [-----#-----], the knob at the value's place */
		int knob = 1 + (int)lround(fmin(fmax(slider_fraction(a, s), 0), 1) * (bw - 3));
		canvas_put(c, row.bar_x, y, '[', STYLE_AXIS);
		for (int i = 1; i < bw - 1; i++)
			canvas_put(c, row.bar_x + i, y, '-', STYLE_AXIS);
		canvas_put(c, row.bar_x + bw - 1, y, ']', STYLE_AXIS);
		canvas_put(c, row.bar_x + knob, y, '#', focus ? STYLE_CURRENT : STYLE_HIGHLIGHT);
	}
}

bool explorer_slider_bar(const struct explorer *e, const struct app *a, enum slider s,
                         struct rect *bar)
{
	enum slider on[APP_MAX_SLIDERS];
	int count = app_sliders(a, on), i = 0;
	struct slider_row row;

	while (i < count && on[i] != s)
		i++;
	if (i == count || i >= e->lay.sliders.h)
		return false;
	slider_row(a, s, e->lay.sliders, &row);
	*bar = (struct rect){row.bar_x, e->lay.sliders.y + i, row.bar_w, 1};
	return true;
}

/* A click on slider row i at column x: focus it and set it where the knob would sit. */
static bool click_slider(const struct explorer *e, struct app *a, int x, int i)
{
	enum slider on[APP_MAX_SLIDERS];
	int count = app_sliders(a, on);
	struct rect bar;
	double lo, hi, v;

	if (i >= count || !explorer_slider_bar(e, a, on[i], &bar))
		return false;
	if (bar.w < 5 || x < bar.x || x >= bar.x + bar.w)
		return false;
	app_focus(a, on[i]);
	double f = fmin(fmax((double)(x - bar.x - 1) / (bar.w - 3), 0), 1);
	app_range(a, on[i], &lo, &hi);
	if (app_slider_linear(on[i]))
		v = lo + f * (hi - lo);
	else
		v = lo * pow(hi / lo, f);
	app_set(a, on[i], v);
	return true;
}

/*
 * A click on the map: on a model's tag (or a '+' it shares), jump to the
 * model; on the '@', nothing; elsewhere move the point to the cell's centre.
 */
static bool click_map(const struct explorer *e, struct app *a, int x, int y)
{
	const struct frame *f = &e->map.frame;
	const struct rect *ar = &f->area;
	double n, d;

	if (x < ar->x || x >= ar->x + ar->w || y < ar->y || y >= ar->y + ar->h ||
	    (x == e->map.point_x && y == e->map.point_y))
		return false;
	long owner = a->scene.markers ? map_tag_at(&e->map, x, y) : -1;
	if (owner >= 0) {
		app_jump_model(a, (size_t)owner);
		return true;
	}
	frame_value(f, x, y, &n, &d);
	app_move_to(a, n, d);
	return true;
}

bool explorer_click(const struct explorer *e, struct app *a, const struct canvas *shown, int x,
                    int y)
{
	const struct rect *s = &e->lay.sliders;

	if ((a->mode != MODE_EXPLORE && a->mode != MODE_TOUR) || e->lay.too_small ||
	    shown->w != e->base.w || shown->h != e->base.h)
		return false;
	if (y >= s->y && y < s->y + s->h && x >= s->x && x < s->x + s->w) {
		if (!click_slider(e, a, x, y - s->y))
			return false;
		app_clear_status(a); /* as after a key: the last message is about something else */
		return true;
	}
	return e->map_ok && click_map(e, a, x, y);
}

/*
 * The readout, or in the big mode ('b') its three numbers in big digits where
 * they fit; tv: the timeline view's derivation when it is open, else NULL.
 */
static void draw_readout(struct canvas *c, const struct app *a, const struct timeline_view *tv,
                         struct rect r)
{
	if (!a->big || !readout_draw_big(c, a, r))
		readout_draw(c, a, tv, r);
}

/* A tour's caption: full width, bold, in the rows the readout leaves it. */
static void draw_caption(struct canvas *c, const struct app *a, struct rect r)
{
	const struct tour_step *s = &a->tour->steps[a->step];

	for (int i = 0; i < r.h && i < TOUR_CAPTION_LINES; i++)
		canvas_text(c, r.x + 1, r.y + i, s->caption[i], r.w - 2, STYLE_HIGHLIGHT);
}

/*
 * The caption being typed after 'r', in w columns: the keys' hint while
 * there is room for it, then the caption's end, where the typing is.
 */
static void record_prompt(const char *entry, int w, char *line, size_t size)
{
	static const char hint[] = "   Enter records, Esc cancels";
	/* a full line says so: the keys that no longer type are not silently lost */
	const char *head = strlen(entry) + 1 >= APP_ENTRY_MAX ? "caption (full): " : "caption: ";
	int room = w - (int)strlen(head) - 1, len = (int)strlen(entry);

	if (len + (int)strlen(hint) <= room)
		snprintf(line, size, "%s%s_%s", head, entry, hint);
	else
		snprintf(line, size, "%s%s_", head, len > room ? entry + len - room : entry);
}

/*
 * "3/10  Space:next ... q:quit  Scaling laws, from Kaplan to..." in w
 * columns: a title that does not fit is cut at a word and says so.
 */
static void tour_footer(const struct app *a, int w, char *line, size_t size)
{
	int head = snprintf(line, size, "%d/%d  Space:next Bksp:back g:go keys:explore q:quit  ",
	                    a->step + 1, a->tour->nsteps);
	const char *title = a->tour->title;
	int len = (int)strlen(title), room = w - head;

	if (head < 0 || (size_t)head >= size)
		return;
	if (len > room && room > 3) {
		len = room - 3;
		while (len > 0 && title[len] != ' ')
			len--;
		while (len > 0 && (title[len - 1] == ' ' || title[len - 1] == ','))
			len--;
		snprintf(line + head, size - (size_t)head, "%.*s...", len, title);
	} else {
		snprintf(line + head, size - (size_t)head, "%s", title);
	}
}

static void draw_status(struct canvas *c, const struct app *a, struct rect r)
{
	char line[256];

	if (a->mode == MODE_TOUR && a->jumping)
		snprintf(line, sizeof line, "go to step: %s_   Enter jumps", a->jump);
	else if (a->mode == MODE_TOUR && !a->status[0])
		tour_footer(a, r.w, line, sizeof line);
	else if (a->mode == MODE_ENTRY)
		snprintf(line, sizeof line, "%s = %s_   Enter sets it, Esc cancels",
		         app_slider_name(a->scene.focus), a->entry);
	else if (a->mode == MODE_SAVE)
		snprintf(line, sizeof line,
		         "save the edited law as id: %s_   Enter saves, Esc cancels", a->entry);
	else if (a->mode == MODE_RECORD)
		record_prompt(a->entry, r.w, line, sizeof line);
	else if (a->status[0])
		snprintf(line, sizeof line, "%s", a->status);
	else if (app_view_on(a, TOUR_VIEW_TRAINTEST))
		snprintf(line, sizeof line,
		         "Tab:slider <>:move =:type x:lock W:law K:coverage X:close ?:help q:quit");
	else if (app_view_on(a, TOUR_VIEW_COVERAGE))
		snprintf(line, sizeof line,
		         "Tab:slider <>:move =:type W:law X:plane K:close ?:help q:quit");
	else if (app_view_on(a, TOUR_VIEW_EDIT))
		snprintf(line, sizeof line,
		         "editing the law  Tab:coefficient <>:move =:type s:save e:done ?:help");
	else
		snprintf(line, sizeof line,
		         "Tab:slider <>:move =:type x:lock o:optimum p:models "
		         "w:laws m:marks ?:help q:quit");
	canvas_text(c, r.x, r.y, line, r.w,
	            a->mode == MODE_ENTRY || a->mode == MODE_SAVE || a->mode == MODE_RECORD
	                    ? STYLE_HIGHLIGHT
	                    : STYLE_TEXT);
}

/*
 * Under the test-time table: its formula, the load T/D the current model
 * serves beside the loads Snell et al. compared at (the snell2024 preset's,
 * when it is loaded), and the paper's conditions. Rows from y to r's end.
 */
static void testtime_notes(struct canvas *c, const struct app *a, struct rect r, int y)
{
	const struct catalog_entry *snell = catalog_testtime(a->catalog, "snell2024");
	char load[64] = "", paper[64] = "";

	if (a->t > 0 && a->scene.d > 0)
		snprintf(load, sizeof load, "load T/D = %.2g; the paper's", a->t / a->scene.d);
	if (snell != NULL && snell->preset.tt.nloads == 3)
		snprintf(paper, sizeof paper, "%.2g, %.2g and %.2g. Test time",
		         snell->preset.tt.loads[0], snell->preset.tt.loads[1],
		         snell->preset.tt.loads[2]);
	const char *const notes[] = {
	        "x = M + 3 (D/T)(M - 1)",
	        load[0] && paper[0] ? load : "FLOPs only. Snell et al.: it",
	        load[0] && paper[0] ? paper : "",
	        "wins on easy/medium questions",
	        "at low inference load; high",
	        "load, hard ones: pretraining.",
	};
	for (size_t i = 0; i < sizeof notes / sizeof *notes && y < r.y + r.h; i++)
		if (notes[i][0] != '\0')
			canvas_text(c, r.x + 1, y++, notes[i], r.w - 1, STYLE_TEXT);
}

/*
 * The test-time panel (Snell et al. 2024): how many times more compute per
 * served token the current model may spend and still cost no more FLOPs
 * than an M-times larger model, for M = 2, 4, 14 and the M slider.
 */
static void draw_testtime(struct canvas *c, const struct app *a, struct rect r)
{
	static const double ms[] = {2, 4, 14};
	char line[128], nb[16], db[16], tb[16];
	int y = r.y;

	fill(c, r);
	if (r.w < 20 || r.h < 6)
		return;
	units_format_count(a->scene.n, nb, sizeof nb);
	units_format_count(a->scene.d, db, sizeof db);
	units_format_count(a->t, tb, sizeof tb);
	canvas_text(c, r.x + 1, y++, "test-time compute, Snell 2024", r.w - 1, STYLE_HIGHLIGHT);
	snprintf(line, sizeof line, "%s on %s, serving %s", nb, db, tb);
	canvas_text(c, r.x + 1, y++, line, r.w - 1, STYLE_TEXT);
	canvas_text(c, r.x + 1, y++, "x compute per token for the", r.w - 1, STYLE_TEXT);
	canvas_text(c, r.x + 1, y++, "FLOPs of an M x larger model", r.w - 1, STYLE_TEXT);
	canvas_text(c, r.x + 1, y++, "      M   x compute", r.w - 1, STYLE_TICK);
	/* the rows 2, 4, 14 and the slider's M among them in order, once: marked '>' */
	double rows[4];
	int nrows = 0;
	bool placed = !(a->m > 0);
	for (int i = 0; i < 3; i++) {
		if (!placed && a->m <= ms[i]) {
			rows[nrows++] = a->m;
			placed = true;
			if (a->m == ms[i])
				continue;
		}
		rows[nrows++] = ms[i];
	}
	if (!placed)
		rows[nrows++] = a->m;
	for (int i = 0; i < nrows && y < r.y + r.h; i++) {
		double m = rows[i], k = testtime_multiplier(a->scene.d, a->t, m);
		bool slider = m == a->m;
		if (isnan(k))
			snprintf(line, sizeof line, "%c %5.3g   (needs T > 0)", slider ? '>' : ' ',
			         m);
		else
			snprintf(line, sizeof line, "%c %5.3g   %9.3g", slider ? '>' : ' ', m, k);
		canvas_text(c, r.x + 1, y++, line, r.w - 1, slider ? STYLE_CURRENT : STYLE_TEXT);
	}
	testtime_notes(c, a, r, y);
}

/*
 * The hardware panel: the accelerators with their peaks, the plan that gives
 * this C (count x peak x MFU x days), and which term follows the others.
 */
/* The terms the readout's dollars and MWh come from: "$6.88/GPU-h 700 W PUE 1". */
static void hardware_prices(const struct hw_plan *hw, char *line, size_t size)
{
	char pr[24], wt[24];

	if (hw->price > 0)
		snprintf(pr, sizeof pr, "$%.4g/GPU-h", hw->price);
	else
		snprintf(pr, sizeof pr, "$ unknown");
	if (hw->watts > 0)
		snprintf(wt, sizeof wt, "%.4g W", hw->watts);
	else
		snprintf(wt, sizeof wt, "W unknown");
	snprintf(line, size, "%s %s PUE %.3g", pr, wt, hw->pue > 0 ? hw->pue : 1);
}

static void draw_hardware(struct canvas *c, const struct app *a, struct rect r)
{
	static const char *const follows[] = {"C", "count", "days"};
	const struct catalog *cat = a->catalog;
	char line[128], cb[16], gb[16], pb[16];
	int y = r.y;

	fill(c, r);
	if (r.w < 20 || r.h < 6 || a->accel < 0)
		return;
	units_format_compute(a->scene.hw.budget, cb, sizeof cb);
	units_format_count(hw_gpu_hours(&a->scene.hw), gb, sizeof gb);
	units_format_compute(hw_pf_days(a->scene.hw.budget), pb, sizeof pb);
	canvas_text(c, r.x + 1, y++, "hardware: C = count x peak", r.w - 1, STYLE_HIGHLIGHT);
	canvas_text(c, r.x + 1, y++, "  x MFU x 86,400 s x days", r.w - 1, STYLE_HIGHLIGHT);
	snprintf(line, sizeof line, "= %s FLOPs", cb);
	canvas_text(c, r.x + 1, y++, line, r.w - 1, STYLE_TEXT);
	snprintf(line, sizeof line, "%s GPU-h, %s PF-days", gb, pb);
	canvas_text(c, r.x + 1, y++, line, r.w - 1, STYLE_TEXT);
	hardware_prices(&a->scene.hw, line, sizeof line);
	canvas_text(c, r.x + 1, y++, line, r.w - 1, STYLE_TEXT);
	snprintf(line, sizeof line, "%s follows (f); a: next", follows[a->hw_follow]);
	canvas_text(c, r.x + 1, y++, line, r.w - 1, STYLE_TEXT);
	canvas_text(c, r.x + 1, y++, "  id        BF16 FLOP/s", r.w - 1, STYLE_TICK);
	/* the chosen one stays in view when the list is longer than the room */
	int room = r.y + r.h - y;
	size_t first = room > 0 && a->accel >= room ? (size_t)(a->accel - room + 1) : 0;
	for (size_t i = first; i < cat->naccelerators && y < r.y + r.h; i++) {
		const struct preset *p = &cat->accelerators[i].preset;
		char fb[16];
		units_format_compute(p->peak_flops, fb, sizeof fb);
		snprintf(line, sizeof line, "%c %-9.9s %9s", (long)i == a->accel ? '>' : ' ', p->id,
		         fb);
		canvas_text(c, r.x + 1, y++, line, r.w - 1,
		            (long)i == a->accel ? STYLE_CURRENT : STYLE_TEXT);
	}
	if (y < r.y + r.h)
		canvas_text(c, r.x + 1, y++, "dense peaks, vendors' sheets", r.w - 1, STYLE_TEXT);
}

/* ---- dialogs ---- */

/* A bordered box of (up to) w x h centred in the frame; returns its inside. */
static struct rect box(struct canvas *c, int w, int h, const char *title)
{
	if (w > c->w - 2)
		w = c->w - 2;
	if (h > c->h - 2)
		h = c->h - 2;
	struct rect r = {(c->w - w) / 2, (c->h - h) / 2, w, h};

	fill(c, r);
	for (int x = r.x; x < r.x + w; x++) {
		canvas_put(c, x, r.y, '-', STYLE_AXIS);
		canvas_put(c, x, r.y + h - 1, '-', STYLE_AXIS);
	}
	for (int y = r.y; y < r.y + h; y++) {
		canvas_put(c, r.x, y, '|', STYLE_AXIS);
		canvas_put(c, r.x + w - 1, y, '|', STYLE_AXIS);
	}
	canvas_put(c, r.x, r.y, '+', STYLE_AXIS);
	canvas_put(c, r.x + w - 1, r.y, '+', STYLE_AXIS);
	canvas_put(c, r.x, r.y + h - 1, '+', STYLE_AXIS);
	canvas_put(c, r.x + w - 1, r.y + h - 1, '+', STYLE_AXIS);
	canvas_text(c, r.x + 2, r.y, title, w - 4, STYLE_HIGHLIGHT);
	return (struct rect){r.x + 2, r.y + 1, w - 4, h - 2};
}

/* The key table; when it is taller than the screen, the arrows scroll it (a->pick). */
static void draw_help(struct canvas *c, const struct app *a)
{
	size_t len = key_help_len(a);
	int want = (int)len + 3, rows = c->h - 2 - 3;
	bool scrolls = want > c->h - 2;
	struct rect in = box(c, KEY_HELP_COLS + 4, want,
	                     scrolls ? " keys (j k scroll, any other key closes) "
	                             : " keys (any key closes) ");
	size_t first = a->pick;

	if (scrolls && first + (size_t)rows > len)
		first = len - (size_t)rows;
	if (!scrolls || rows < 1)
		first = 0;
	for (size_t i = first; i < len && (int)(i - first) + 1 < in.h; i++) {
		char line[128];
		key_help_line(a, i, line, sizeof line);
		canvas_text(c, in.x, in.y + 1 + (int)(i - first), line, in.w, STYLE_TEXT);
	}
}

/* The picker's title, with what was typed to find a row. */
static void picker_title(const struct app *a, char *title, size_t size)
{
	bool marks = a->mode == MODE_PICK_MARKS;
	/* what was typed to find a row stays in sight, so that a wrong letter shows */
	snprintf(title, size, " %s, type to find%s%s ",
	         marks                          ? "marked models: Space toggles, Enter/Esc close"
	         : a->mode == MODE_PICK_MODEL   ? "models: Enter jumps, Esc closes"
	         : a->mode == MODE_PICK_COMPARE ? "compare with: Enter picks, Esc closes"
	         : a->mode == MODE_PICK_TT      ? "test-time laws: Enter picks, Esc closes"
	                                        : "laws: Enter switches, Esc closes",
	         a->seek[0] ? ": " : "", a->seek);
}

/* A model's row: tag, name, N, D, 6ND and the published compute. */
static void picker_model_line(const struct app *a, size_t k, int name_w, char *line, size_t size)
{
	bool marks = a->mode == MODE_PICK_MARKS;
	const struct preset *p = &a->catalog->models[k].preset;
	char nb[40], db[16], cb[16], rb[16];
	double n_eff = preset_compute_params(p);

	units_format_count(n_eff, nb, sizeof nb);
	if (p->active_params > 0) { /* a mixture of experts: active/total */
		char tb[16];
		units_format_count(p->params, tb, sizeof tb);
		snprintf(nb + strlen(nb), sizeof nb - strlen(nb), "/%s", tb);
	}
	units_format_count(p->tokens, db, sizeof db);
	/* the map places every model at 6ND; a published count sits beside it */
	units_format_compute(law_training_compute(n_eff, p->tokens), cb, sizeof cb);
	if (p->compute > 0)
		units_format_compute(p->compute, rb, sizeof rb);
	else
		snprintf(rb, sizeof rb, "-");
	snprintf(line, size, "%s%-4s %-*.*s %9s %7s %8s %8s",
	         !marks                   ? ""
	         : app_model_marked(a, k) ? "[x] "
	                                  : "[ ] ",
	         p->tag, name_w, name_w, p->name, nb, db, cb, rb);
}

/* The test-time picker's id column: as wide as the longest id, so form and task line up. */
static int tt_id_width(const struct app *a)
{
	size_t w = 2;
	for (size_t i = 0; i < a->catalog->ntesttimes; i++)
		if (strlen(a->catalog->testtimes[i].preset.id) > w)
			w = strlen(a->catalog->testtimes[i].preset.id);
	return (int)w;
}

/* The law pickers' id column: as wide as the longest id, so the name keeps its room. */
static int law_id_width(const struct app *a)
{
	size_t w = 2;
	for (size_t i = 0; i < a->catalog->nlaws; i++)
		if (strlen(a->catalog->laws[i].preset.id) > w)
			w = strlen(a->catalog->laws[i].preset.id);
	return (int)w;
}

/* A picker's last column (a name, a task) in room cells: whole, or cut at a word with "...". */
static void picker_fit(const char *text, int room, char *out, size_t size)
{
	int len = (int)strlen(text);

	if (len <= room || room < 4) {
		snprintf(out, size, "%.*s", room < 0 ? 0 : room, text);
		return;
	}
	int cut = room - 3; /* the last word that ends with room for "..." */
	while (cut > 0 && text[cut] != ' ')
		cut--;
	while (cut > 0 && (text[cut - 1] == ' ' || text[cut - 1] == ',' || text[cut - 1] == '('))
		cut--;
	snprintf(out, size, "%.*s...", cut, text);
}

/* Which of a law picker's middle columns fit beside the names (the family goes first). */
struct law_columns {
	bool domain, family;
	int name_w;  /* the names' room */
	int longest; /* the longest name */
};

/* The law pickers' columns in a row of w cells: the names whole where dropping columns can. */
static struct law_columns law_columns(const struct app *a, int w)
{
	size_t longest = 4;
	int id_w = law_id_width(a);

	for (size_t i = 0; i < a->catalog->nlaws; i++)
		if (strlen(a->catalog->laws[i].preset.name) > longest)
			longest = strlen(a->catalog->laws[i].preset.name);
	struct law_columns c = {true, true, 0, (int)longest};
	for (;;) {
		c.name_w = w - (id_w + 1) - (c.domain ? 11 : 0) - (c.family ? 17 : 0);
		if (c.name_w >= (int)longest ||
		    !c.domain) /* signed: a narrow row leaves name_w < 0 */
			return c;
		if (c.family)
			c.family = false;
		else
			c.domain = false;
	}
}

/*
 * Row k of the open picker (a law's index for the law pickers), or its
 * header (k < 0), for a row w cells wide after the selection's mark.
 */
static void picker_line(const struct app *a, long k, int w, char *line, size_t size)
{
	bool marks = a->mode == MODE_PICK_MARKS, models = a->mode == MODE_PICK_MODEL || marks;
	/* the marks' [x] takes its room from the name, so the numbers stay whole */
	int name_w = marks ? 20 : 24;
	struct law_columns lc = law_columns(a, w);
	char last[128];

	if (k < 0 && models)
		snprintf(line, size, "%s%-4s %-*s %9s %7s %8s %8s", marks ? "    " : "", "tag",
		         name_w, "name", "N", "D", "6ND", "reported");
	else if (k < 0 && a->mode == MODE_PICK_TT)
		snprintf(line, size, "%-*s %-11s %s", tt_id_width(a), "id", "form", "task");
	else if (k < 0)
		snprintf(line, size, "%-*s %s%s%s%s%s", law_id_width(a), "id",
		         lc.domain ? "domain     " : "", lc.family ? "family           " : "",
		         "name", "", "");
	else if (models)
		picker_model_line(a, (size_t)k, name_w, line, size);
	else if (a->mode == MODE_PICK_TT) {
		const struct preset *p = &a->catalog->testtimes[k].preset;
		picker_fit(p->task, w - tt_id_width(a) - 13, last, sizeof last);
		snprintf(line, size, "%-*s %-11s %s", tt_id_width(a), p->id,
		         preset_tt_form_name(p->tt.form), last);
	} else {
		const struct preset *p = &a->catalog->laws[k].preset;
		char dom[16] = "", fam[24] = "";
		if (lc.domain)
			snprintf(dom, sizeof dom, "%-10s ", preset_domain_name(p->domain));
		if (lc.family)
			snprintf(fam, sizeof fam, "%-16s ", preset_family_name(p->law.family));
		picker_fit(p->name, lc.name_w, last, sizeof last);
		snprintf(line, size, "%-*s %s%s%s", law_id_width(a), p->id, dom, fam, last);
	}
}

/*
 * The open picker: its rows in a box, the selected one marked '>' as well
 * as shown in reverse, so that it shows in a terminal without reverse
 * video and in a capture of the screen's text.
 */
static void draw_picker(struct canvas *c, const struct app *a)
{
	bool models = a->mode == MODE_PICK_MODEL || a->mode == MODE_PICK_MARKS;
	bool laws = a->mode == MODE_PICK_LAW || a->mode == MODE_PICK_COMPARE;
	size_t n = models                    ? a->catalog->nmodels
	           : a->mode == MODE_PICK_TT ? a->catalog->ntesttimes
	                                     : app_law_rows(a);
	char title[96 + APP_ENTRY_MAX], line[512];

	picker_title(a, title, sizeof title);
	/* the test-time laws' tasks ("CodeContests, Llama-3-70B-Instruct") and the laws'
	   domain column want the width; two cells more for the selection's mark */
	int want = models ? 72 : 78;
	if (laws) { /* every column and the longest name whole where the terminal has room */
		int full = law_id_width(a) + 1 + 11 + 17 + law_columns(a, 0).longest;
		want = full + 2 + 4 > want ? full + 2 + 4 : want;
	}
	struct rect in = box(c, want, (int)n + 3, title);
	int rows = in.h - 1;
	/* a law picker lists by domain: the highlighted law's row, not its index */
	long at = laws ? app_law_row(a, a->pick) : (long)a->pick;
	size_t row = at >= 0 ? (size_t)at : 0;
	size_t first = row >= (size_t)rows ? row - (size_t)rows + 1 : 0;

	picker_line(a, -1, in.w - 2, line, sizeof line);
	canvas_text(c, in.x + 2, in.y, line, in.w - 2, STYLE_TICK);
	for (int i = 0; i < rows && first + (size_t)i < n; i++) {
		size_t k = first + (size_t)i;
		char marked[520];
		picker_line(a, laws ? app_law_at(a, k) : (long)k, in.w - 2, line, sizeof line);
		snprintf(marked, sizeof marked, "%s%s", k == row ? "> " : "  ", line);
		int style = k == row ? STYLE_CURRENT : STYLE_TEXT;
		int len = (int)strlen(marked) < in.w ? (int)strlen(marked) : in.w;
		for (int x = 0; x < in.w; x++)
			canvas_put(c, in.x + x, in.y + 1 + i, x < len ? marked[x] : ' ', style);
	}
}

/* The timeline view's panel, from the derivation explorer_frame has just made sure of. */
static void draw_timeline(struct canvas *c, struct explorer *e, const struct app *a, struct rect r)
{
	timeline_view_draw(c, a, timeline_cache_get(&e->timeline, a), r);
}

static void draw_testtime_of(struct canvas *c, struct explorer *e, const struct app *a,
                             struct rect r)
{
	(void)e;
	draw_testtime(c, a, r);
}

static void draw_hardware_of(struct canvas *c, struct explorer *e, const struct app *a,
                             struct rect r)
{
	(void)e;
	draw_hardware(c, a, r);
}

static void draw_traintest(struct canvas *c, struct explorer *e, const struct app *a, struct rect r)
{
	(void)e;
	traintest_view_draw(c, a, r);
}

static void draw_coverage(struct canvas *c, struct explorer *e, const struct app *a, struct rect r)
{
	(void)e;
	coverage_view_draw(c, a, r);
}

static void draw_domains(struct canvas *c, struct explorer *e, const struct app *a, struct rect r)
{
	(void)e;
	domains_view_draw(c, a, r);
}

/* A view's panel; e holds what a view keeps between frames. */
typedef void view_panel(struct canvas *c, struct explorer *e, const struct app *a, struct rect r);

/* The panel of each view with a place of its own (app_views.h), by the view's id. */
static view_panel *const view_panels[TOUR_VIEW_COUNT] = {
        [TOUR_VIEW_TESTTIME] = draw_testtime_of, [TOUR_VIEW_HARDWARE] = draw_hardware_of,
        [TOUR_VIEW_TIMELINE] = draw_timeline,    [TOUR_VIEW_TRAINTEST] = draw_traintest,
        [TOUR_VIEW_COVERAGE] = draw_coverage,    [TOUR_VIEW_DOMAINS] = draw_domains,
};

/* The rect of a place: the profiles', or the map's and the profiles' together. */
static struct rect place_rect(const struct explorer *e, enum app_view_place place)
{
	const struct rect *m = &e->lay.map, *p = &e->lay.profiles;

	if (place == VIEW_PLACE_PROFILES || m->w == 0)
		return *p;
	if (p->w == 0)
		return *m;
	int x = m->x < p->x ? m->x : p->x, y = m->y < p->y ? m->y : p->y;
	int x1 = m->x + m->w > p->x + p->w ? m->x + m->w : p->x + p->w;
	int y1 = m->y + m->h > p->y + p->h ? m->y + m->h : p->y + p->h;
	return (struct rect){x, y, x1 - x, y1 - y};
}

/* The open views' panels, each in its place (nothing where the layout leaves it no room). */
static void draw_view_panels(struct canvas *out, struct explorer *e, const struct app *a)
{
	static const enum app_view_place places[] = {VIEW_PLACE_PANELS, VIEW_PLACE_PROFILES};

	for (size_t i = 0; i < sizeof places / sizeof *places; i++) {
		const struct app_view *v = app_view_in(a, places[i]);
		struct rect r = place_rect(e, places[i]);
		if (v != NULL && view_panels[v->id] != NULL && r.w > 0) {
			view_panels[v->id](out, e, a, r);
			return;
		}
	}
}

/*
 * A step whose caption is one line leaves its second row to the readout
 * where the readout gave it up (a tour below 30 rows): at 80x24 the
 * readout's third line, the comparison's, then shows under a one-line
 * caption. The panels keep their rows: steps do not shift the map.
 */
static void caption_rows(const struct explorer *e, const struct app *a, struct rect *caption,
                         struct rect *readout)
{
	*caption = e->lay.caption;
	*readout = e->lay.readout;
	if (a->tour == NULL || a->tour->steps[a->step].caption[1][0] != '\0' ||
	    caption->h != TOUR_CAPTION_LINES || readout->h >= 3 || readout->h == 0)
		return;
	caption->h--;
	readout->y--;
	readout->h++;
}

int explorer_frame(struct explorer *e, const struct app *a, struct canvas *out)
{
	struct explorer_key key;
	key_of(a, &key);
	if (!e->base_ok || e->base.w != out->w || e->base.h != out->h ||
	    memcmp(&key, &e->key, offsetof(struct explorer_key, zoom)) != 0) {
		if (build_base(e, a, out->w, out->h) != 0)
			return -1;
	} else if (key.zoom != e->key.zoom || key.zoom_c != e->key.zoom_c) {
		/* the zoom follows C: only the profiles' base changes, not the map's */
		e->key = key;
		if (!e->lay.too_small)
			profiles_base(e, a);
	}
	memcpy(out->cells, e->base.cells, sizeof *out->cells * (size_t)out->w * (size_t)out->h);
	if (e->lay.too_small) {
		char msg[64];
		snprintf(msg, sizeof msg, "terminal too small (need %dx%d)", EXPLORER_MIN_W,
		         EXPLORER_MIN_H);
		canvas_clear(out);
		if ((int)strlen(msg) <= out->w) {
			centred(out, (struct rect){0, 0, out->w, out->h}, msg, STYLE_HIGHLIGHT);
		} else { /* two lines on a very narrow terminal */
			char *cut = strchr(msg, '(');
			cut[-1] = '\0';
			centred(out, (struct rect){0, 0, out->w, out->h - 1}, msg, STYLE_HIGHLIGHT);
			centred(out, (struct rect){0, 1, out->w, out->h - 1}, cut, STYLE_HIGHLIGHT);
		}
		return 0;
	}
	if (e->map_ok) {
		struct map_spec ms = map_spec_of(e, a);
		map_draw_overlay(out, e->lay.map, &ms, &e->map);
	}
	if (e->prof_ok) {
		struct profiles_spec ps = profiles_spec_of(a);
		profiles_draw_overlay(out, e->lay.profiles, &ps, &e->prof);
	}
	if (e->cmp_ok) {
		struct compute_spec cs = compute_spec_of(e, a);
		compute_draw_overlay(out, e->lay.profiles, &cs, &e->cmp);
	}
	draw_params(out, a, e->lay.profiles);
	draw_view_panels(out, e, a);
	draw_sliders(out, a, e->lay.sliders);
	struct rect caption, readout;
	caption_rows(e, a, &caption, &readout);
	if (a->tour != NULL)
		draw_caption(out, a, caption);
	draw_readout(out, a,
	             app_view_on(a, TOUR_VIEW_TIMELINE) ? timeline_cache_get(&e->timeline, a)
	                                                : NULL,
	             readout);
	draw_status(out, a, e->lay.status);
	if (a->mode == MODE_HELP)
		draw_help(out, a);
	else if (a->mode == MODE_PICK_MODEL || a->mode == MODE_PICK_LAW ||
	         a->mode == MODE_PICK_COMPARE || a->mode == MODE_PICK_MARKS ||
	         a->mode == MODE_PICK_TT)
		draw_picker(out, a);
	return 0;
}

bool explorer_zoomed(const struct explorer *e)
{
	return e->prof_ok && e->prof.zoomed;
}
