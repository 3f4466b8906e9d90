/*
 * explorer.c: layout and drawing of the explorer's frame. Everything is
 * written into a canvas in screen cells; only tui/screen.c knows curses.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "../model/optimum.h"
#include "../model/units.h"
#include "explorer.h"
#include "keys.h"

void explorer_layout(int w, int h, enum tour_panel panel, bool touring, struct explorer_layout *l)
{
	memset(l, 0, sizeof *l);
	if (w < EXPLORER_MIN_W || h < EXPLORER_MIN_H) {
		l->too_small = true;
		return;
	}
	/* the map title carries L, so the readout is the first thing to give up */
	int readout = h >= 24 ? 3 : h >= 16 ? 2 : h >= 14 ? 1 : 0;
	if (touring && readout < 2)
		readout = 2; /* the caption is the point of a tour */
	int panels = h - 3 - readout - 1;

	l->map = (struct rect){0, 0, w, panels};
	if (panel == TOUR_PANEL_PROFILES) {
		l->map.w = 0;
		l->profiles = (struct rect){0, 0, w, panels};
	} else if (panel == TOUR_PANEL_BOTH && w >= 60 && h >= 18) {
		int pw = w * 3 / 8 < PROFILES_MIN_W ? PROFILES_MIN_W : w * 3 / 8;
		l->map.w = w - pw - 1;
		l->profiles = (struct rect){w - pw, 0, pw, panels};
	}
	l->sliders = (struct rect){0, panels, w, 3};
	l->readout = (struct rect){0, panels + 3, w, readout};
	l->status = (struct rect){0, h - 1, w, 1};
}

void explorer_init(struct explorer *e)
{
	memset(e, 0, sizeof *e);
}

void explorer_free(struct explorer *e)
{
	canvas_free(&e->base);
	e->base_ok = false;
}

void explorer_invalidate(struct explorer *e)
{
	e->base_ok = false;
}

/* The map's description of state a; the point is the overlay's. */
static struct map_spec map_spec_of(const struct explorer *e, const struct app *a)
{
	const struct preset *p = &a->catalog->laws[a->law].preset;

	return (struct map_spec){
	        .law = &p->law,
	        .law_name = p->name,
	        .law_id = p->id,
	        .dataset = p->dataset,
	        .u = a->u,
	        .n_lo = a->n_lo,
	        .n_hi = a->n_hi,
	        .d_lo = a->d_lo,
	        .d_hi = a->d_hi,
	        .markers = e->markers,
	        .nmarkers = a->markers ? e->nmarkers : 0,
	        .runs = a->runs,
	        .nruns = (int)a->nruns,
	        .frontier2 = a->compare >= 0 ? &a->catalog->laws[a->compare].preset.law : NULL,
	        .frontier2_name = a->compare >= 0 ? a->catalog->laws[a->compare].preset.id : NULL,
	        .delta_law = a->delta && a->compare >= 0 ? &a->catalog->laws[a->compare].preset.law
	                                                 : NULL,
	        .delta_name = a->compare >= 0 ? a->catalog->laws[a->compare].preset.id : NULL,
	        .max_legend = 1, /* the model picker lists them all */
	        .has_point = true,
	        .point_n = a->n,
	        .point_d = a->d,
	};
}

static struct profiles_spec profiles_spec_of(const struct app *a)
{
	const struct preset *p = &a->catalog->laws[a->law].preset;

	return (struct profiles_spec){
	        .law = &p->law,
	        .law_name = p->id,
	        .u = a->u,
	        .n_lo = a->n_lo,
	        .n_hi = a->n_hi,
	        .d_lo = a->d_lo,
	        .d_hi = a->d_hi,
	        .has_current = true,
	        .current_c = app_value(a, SLIDER_C),
	        .current_n = a->n,
	};
}

static void collect_markers(struct explorer *e, const struct app *a)
{
	e->nmarkers = 0;
	for (size_t i = 0; i < a->catalog->nmodels && e->nmarkers < EXPLORER_MAX_MARKERS; i++) {
		const struct preset *p = &a->catalog->models[i].preset;
		e->markers[e->nmarkers++] = (struct map_marker){
		        .tag = p->tag[0] ? p->tag : p->id,
		        .name = p->name,
		        .n = preset_compute_params(p),
		        .d = p->tokens,
		};
	}
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

static int build_base(struct explorer *e, const struct app *a, int w, int h)
{
	if (e->base.w != w || e->base.h != h) {
		canvas_free(&e->base);
		if (canvas_init(&e->base, w, h) != 0)
			return -1;
	} else {
		canvas_clear(&e->base);
	}
	explorer_layout(w, h, a->panel, a->mode == MODE_TOUR, &e->lay);
	e->map_ok = e->prof_ok = false;
	if (!e->lay.too_small) {
		collect_markers(e, a);
		struct map_spec ms = map_spec_of(e, a);
		if (e->lay.map.w > 0) {
			e->map_ok = map_draw_base(&e->base, e->lay.map, &ms, &e->map, NULL) == 0;
			if (!e->map_ok)
				centred(&e->base, e->lay.map, "(no room for the map)", STYLE_TEXT);
		}
		if (e->lay.profiles.w > 0) {
			struct profiles_spec ps = profiles_spec_of(a);
			e->prof_ok =
			        profiles_draw_base(&e->base, e->lay.profiles, &ps, &e->prof) == 0;
			if (!e->prof_ok)
				centred(&e->base, e->lay.profiles,
				        law_has_surface(ps.law) ? "no budget's optimum in view"
				                                : "frontier law: no profiles",
				        STYLE_TEXT);
		}
	}
	e->base_ok = true;
	e->base_law = a->law;
	e->base_markers = a->markers;
	e->base_panel = a->panel;
	e->base_compare = a->compare;
	e->base_delta = a->delta;
	e->base_touring = a->mode == MODE_TOUR;
	return 0;
}

/* ---- sliders, readout, status ---- */

static void format_value(enum slider s, double v, char *buf, size_t size)
{
	if (s == SLIDER_C)
		units_format_compute(v, buf, size);
	else
		units_format_count(v, buf, size);
}

static void draw_sliders(struct canvas *c, const struct app *a, struct rect r)
{
	static const char *const names[SLIDER_COUNT] = {"N params", "D tokens", "C FLOPs "};

	for (int s = 0; s < SLIDER_COUNT; s++) {
		char value[32], head[32], tail[48];
		double lo, hi, v = app_value(a, (enum slider)s);
		bool focus = a->focus == (enum slider)s, locked = a->lock == (enum slider)s;
		int y = r.y + s;

		app_range(a, (enum slider)s, &lo, &hi);
		format_value((enum slider)s, v, value, sizeof value);
		snprintf(head, sizeof head, "%c %s ", focus ? '>' : ' ', names[s]);
		snprintf(tail, sizeof tail, " %8s %s", value, locked ? "locked" : "      ");
		int hl = (int)strlen(head), tl = (int)strlen(tail), bw = r.w - hl - tl;
		int style = focus ? STYLE_HIGHLIGHT : STYLE_TEXT;

		canvas_text(c, r.x, y, head, hl, style);
		canvas_text(c, r.x + r.w - tl, y, tail, tl, locked ? STYLE_HIGHLIGHT : STYLE_TEXT);
		if (bw < 5)
			continue;
		/* the bar: [-----#-----], the knob at the value's place on a log scale */
		double frac = (log10(v) - log10(lo)) / (log10(hi) - log10(lo));
		int knob = 1 + (int)lround(fmin(fmax(frac, 0), 1) * (bw - 3));
		canvas_put(c, r.x + hl, y, '[', STYLE_AXIS);
		for (int i = 1; i < bw - 1; i++)
			canvas_put(c, r.x + hl + i, y, '-', STYLE_AXIS);
		canvas_put(c, r.x + hl + bw - 1, y, ']', STYLE_AXIS);
		canvas_put(c, r.x + hl + knob, y, '#', focus ? STYLE_CURRENT : STYLE_HIGHLIGHT);
	}
}

static void draw_readout(struct canvas *c, const struct app *a, struct rect r)
{
	const struct law *law = app_law(a);
	double cflops = app_value(a, SLIDER_C), loss, eff;
	char line[3][256], cb[16], pb[16], nb[16], db[16], ob[16];
	struct allocation opt, same;
	bool surface = law_has_surface(law) && law_loss(law, a->n, a->d, a->u, &loss) == MODEL_OK;
	bool have_opt = optimum_at_compute(law, cflops, a->u, &opt) == MODEL_OK;

	if (r.h == 0)
		return;
	units_format_compute(cflops, cb, sizeof cb);
	units_format_compute(cflops / LAW_PF_DAY, pb, sizeof pb);
	if (surface)
		snprintf(line[0], sizeof line[0],
		         "L = %.4f   C = %s FLOPs = %s PF-days   D/N = %.1f", loss, cb, pb,
		         a->d / a->n);
	else
		snprintf(line[0], sizeof line[0],
		         "no loss surface   C = %s FLOPs = %s PF-days   D/N = %.1f", cb, pb,
		         a->d / a->n);
	if (have_opt) {
		units_format_count(opt.params, nb, sizeof nb);
		units_format_count(opt.tokens, db, sizeof db);
		if (surface && opt.has_loss)
			snprintf(line[1], sizeof line[1],
			         "at this C, optimal: N* = %s  D* = %s  L* = %.4f  dL = %+.4f", nb,
			         db, opt.loss, loss - opt.loss);
		else
			snprintf(line[1], sizeof line[1], "frontier at this C: N* = %s  D* = %s",
			         nb, db);
	} else {
		snprintf(line[1], sizeof line[1], "no optimum at this C");
	}
	if (surface && optimum_efficiency(law, a->n, a->d, a->u, &eff, &same) == MODEL_OK) {
		units_format_compute(same.compute, ob, sizeof ob);
		snprintf(line[2], sizeof line[2],
		         "compute efficiency %.1f%%: an optimal run reaches this loss with %s",
		         100 * eff, ob);
	} else {
		line[2][0] = '\0';
	}
	/* a mixture of experts computes with its active parameters: say so, with the total */
	if (a->model >= 0 && a->catalog->models[a->model].preset.active_params > 0) {
		char tb[16];
		units_format_count(a->catalog->models[a->model].preset.params, tb, sizeof tb);
		units_format_count(a->n, nb, sizeof nb);
		snprintf(line[0] + strlen(line[0]), sizeof line[0] - strlen(line[0]),
		         "   MoE: %s of %s", nb, tb);
	}
	/*
	 * Beyond the law's fitted range the numbers are extrapolation: say how
	 * far, in place of the efficiency line, which joins the optimum's.
	 */
	const struct law_range *rn = &law->params, *rd = &law->tokens;
	char beyond[128] = "";
	if (rn->hi > 0 && a->n > rn->hi) {
		units_format_count(rn->hi, ob, sizeof ob);
		snprintf(beyond, sizeof beyond,
		         "extrapolating x%.3g beyond the largest fitted model (%s)", a->n / rn->hi,
		         ob);
	} else if (rd->hi > 0 && a->d > rd->hi) {
		units_format_count(rd->hi, ob, sizeof ob);
		snprintf(beyond, sizeof beyond,
		         "extrapolating x%.3g beyond the most tokens fitted (%s)", a->d / rd->hi,
		         ob);
	}
	if (beyond[0] && r.h >= 3) {
		if (line[2][0] && strlen(line[1]) + 13 <= (size_t)r.w)
			snprintf(line[1] + strlen(line[1]), sizeof line[1] - strlen(line[1]),
			         "  eff %.1f%%", 100 * eff);
		snprintf(line[2], sizeof line[2], "%s", beyond);
	}
	/* with two rows, the efficiency joins the optimum's line if it fits */
	if (r.h == 2 && line[2][0] && strlen(line[1]) + 20 <= (size_t)r.w && surface)
		snprintf(line[1] + strlen(line[1]), sizeof line[1] - strlen(line[1]),
		         "   eff %.1f%%", 100 * eff);
	for (int i = 0; i < r.h && i < 3; i++)
		canvas_text(c, r.x, r.y + i, line[i], r.w, STYLE_TEXT);
}

/* A tour's caption: full width, bold, in the rows the readout leaves it. */
static void draw_caption(struct canvas *c, const struct app *a, struct rect r)
{
	const struct tour_step *s = &a->tour->steps[a->step];

	for (int i = 0; i < r.h && i < TOUR_CAPTION_LINES; i++)
		canvas_text(c, r.x + 1, r.y + i, s->caption[i], r.w - 2, STYLE_HIGHLIGHT);
}

static void draw_status(struct canvas *c, const struct app *a, struct rect r)
{
	static const char *const names[SLIDER_COUNT] = {"N", "D", "C"};
	char line[256];

	if (a->mode == MODE_TOUR && a->jumping)
		snprintf(line, sizeof line, "go to step: %s_   Enter jumps", a->jump);
	else if (a->mode == MODE_TOUR && !a->status[0])
		snprintf(line, sizeof line,
		         "%d/%d  Space:next Bksp:back g:go Esc:explore q:quit  %s", a->step + 1,
		         a->tour->nsteps, a->tour->title);
	else if (a->mode == MODE_ENTRY)
		snprintf(line, sizeof line, "%s = %s_   Enter sets it, Esc cancels",
		         names[a->focus], a->entry);
	else if (a->status[0])
		snprintf(line, sizeof line, "%s", a->status);
	else
		snprintf(line, sizeof line,
		         "Tab:slider <>:move =:type x:lock o:optimum p:models "
		         "w:laws m:marks ?:help q:quit");
	canvas_text(c, r.x, r.y, line, r.w, a->mode == MODE_ENTRY ? STYLE_HIGHLIGHT : STYLE_TEXT);
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

static void draw_help(struct canvas *c)
{
	struct rect in = box(c, 66, (int)key_table_len + 4, " keys (any key closes) ");

	for (size_t i = 0; i < key_table_len && (int)i < in.h; i++) {
		char line[128];
		snprintf(line, sizeof line, "%-16s %s", key_table[i].names, key_table[i].help);
		canvas_text(c, in.x, in.y + 1 + (int)i, line, in.w, STYLE_TEXT);
	}
}

static void draw_picker(struct canvas *c, const struct app *a)
{
	bool models = a->mode == MODE_PICK_MODEL;
	size_t n = models ? a->catalog->nmodels : a->catalog->nlaws;
	struct rect in =
	        box(c, 70, (int)n + 3,
	            models                         ? " models: Enter jumps, Esc closes "
	            : a->mode == MODE_PICK_COMPARE ? " compare with: Enter picks, Esc closes "
	                                           : " laws: Enter switches, Esc closes ");
	int rows = in.h - 1;
	size_t first = a->pick >= (size_t)rows ? a->pick - (size_t)rows + 1 : 0;
	char line[256];

	if (models)
		snprintf(line, sizeof line, "%-4s %-24s %9s %7s %8s", "tag", "name", "N", "D", "C");
	else
		snprintf(line, sizeof line, "%-24s %-17s %s", "id", "family", "name");
	canvas_text(c, in.x, in.y, line, in.w, STYLE_TICK);
	for (int i = 0; i < rows && first + (size_t)i < n; i++) {
		size_t k = first + (size_t)i;
		if (models) {
			const struct preset *p = &a->catalog->models[k].preset;
			char nb[40], db[16], cb[16];
			double n_eff = preset_compute_params(p);
			units_format_count(n_eff, nb, sizeof nb);
			if (p->active_params > 0) { /* a mixture of experts: active/total */
				char tb[16];
				units_format_count(p->params, tb, sizeof tb);
				snprintf(nb + strlen(nb), sizeof nb - strlen(nb), "/%s", tb);
			}
			units_format_count(p->tokens, db, sizeof db);
			units_format_compute(p->compute > 0 ? p->compute : 6 * n_eff * p->tokens,
			                     cb, sizeof cb);
			snprintf(line, sizeof line, "%-4s %-24.24s %9s %7s %8s", p->tag, p->name,
			         nb, db, cb);
		} else {
			const struct preset *p = &a->catalog->laws[k].preset;
			snprintf(line, sizeof line, "%-24s %-17s %s", p->id,
			         preset_family_name(p->law.family), p->name);
		}
		int style = k == a->pick ? STYLE_CURRENT : STYLE_TEXT;
		int len = (int)strlen(line) < in.w ? (int)strlen(line) : in.w;
		for (int x = 0; x < in.w; x++)
			canvas_put(c, in.x + x, in.y + 1 + i, x < len ? line[x] : ' ', style);
	}
}

int explorer_frame(struct explorer *e, const struct app *a, struct canvas *out)
{
	if (!e->base_ok || e->base.w != out->w || e->base.h != out->h || e->base_law != a->law ||
	    e->base_markers != a->markers || e->base_panel != a->panel ||
	    e->base_compare != a->compare || e->base_delta != a->delta ||
	    e->base_touring != (a->mode == MODE_TOUR))
		if (build_base(e, a, out->w, out->h) != 0)
			return -1;
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
	draw_sliders(out, a, e->lay.sliders);
	if (a->mode == MODE_TOUR)
		draw_caption(out, a, e->lay.readout);
	else
		draw_readout(out, a, e->lay.readout);
	draw_status(out, a, e->lay.status);
	if (a->mode == MODE_HELP)
		draw_help(out);
	else if (a->mode == MODE_PICK_MODEL || a->mode == MODE_PICK_LAW ||
	         a->mode == MODE_PICK_COMPARE)
		draw_picker(out, a);
	return 0;
}
