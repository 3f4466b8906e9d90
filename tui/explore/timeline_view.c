/*
 * timeline_view.c: the explorer's timeline view (see timeline_view.h). The
 * numbers come from timeline_spec.c, as for `isoflop timeline`; what the
 * view adds is the point. On a timeline the point is a budget, not a date:
 * its C is drawn across the years, and the year the cited trend brings the
 * frontier to that C is where the run becomes a frontier run.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "timeline_view.h"

/* The year the cited trend brings the frontier to a's C: no solve, so every frame redoes it. */
static void point_year(const struct app *a, struct timeline_view *v)
{
	v->point_year = NAN;
	if (v->trend != NULL && v->t.n > 0) {
		struct timeline_origin from = {v->t.years[v->t.frontier],
		                               v->t.compute[v->t.frontier]};
		v->point_year =
		        timeline_year_reaching(from, v->trend->growth, app_value(a, SLIDER_C));
	}
}

void timeline_view_derive(const struct app *a, struct timeline_view *v)
{
	const struct catalog_entry *e = catalog_trend(a->catalog, TIMELINE_DEFAULT_TREND);
	const double stock[3] = {a->stock.stock, a->stock.stock_low, a->stock.stock_high};

	/* another trend preset when Epoch AI's is not loaded: the first there is */
	if (e == NULL && a->catalog->ntrends > 0)
		e = &a->catalog->trends[0];
	v->trend = e != NULL ? &e->preset : NULL;
	v->outcome = timeline_numbers_derive(a->catalog, app_law(a), stock, v->trend, &v->t);
	point_year(a, v);
}

void timeline_view_free(struct timeline_view *v)
{
	timeline_numbers_free(&v->t);
}

/* The key of a's state, zeroed first and the law copied bytewise, so that it compares whole. */
static void key_of(const struct app *a, struct timeline_view_key *k)
{
	memset(k, 0, sizeof *k);
	k->catalog = a->catalog;
	memcpy(&k->law, app_law(a), sizeof k->law);
	k->stock[0] = a->stock.stock;
	k->stock[1] = a->stock.stock_low;
	k->stock[2] = a->stock.stock_high;
}

const struct timeline_view *timeline_cache_get(struct timeline_cache *c, const struct app *a)
{
	struct timeline_view_key k;

	key_of(a, &k);
	if (!c->ok || memcmp(&k, &c->key, sizeof k) != 0) {
		timeline_cache_free(c);
		timeline_view_derive(a, &c->v);
		c->key = k;
		c->ok = true;
		c->derivations++;
	} else {
		point_year(a, &c->v);
	}
	return &c->v;
}

void timeline_cache_free(struct timeline_cache *c)
{
	if (c->ok)
		timeline_view_free(&c->v);
	c->ok = false;
}

/* A message in the middle of a blanked rect: the picture cannot be drawn. */
static void say(struct canvas *c, struct rect r, const char *text)
{
	int len = (int)strlen(text), x = r.x + (r.w - len) / 2;

	canvas_fill_rect(c, r, ' ', STYLE_BLANK);
	canvas_text(c, x < r.x ? r.x : x, r.y + r.h / 2, text, r.w, STYLE_TEXT);
}

/* The law's id, starred when edited, as the map's title shows it. */
static const char *law_id(const struct app *a, char *buf, size_t size)
{
	snprintf(buf, size, "%.60s%s", a->catalog->laws[a->scene.law].preset.id,
	         a->scene.edited ? "*" : "");
	return buf;
}

void timeline_view_draw(struct canvas *c, const struct app *a, const struct timeline_view *v,
                        struct rect r)
{
	char title[160], id[64];

	struct timeline_spec s = timeline_numbers_spec(&v->t, v->trend);
	s.has_point = true;
	s.point_compute = app_value(a, SLIDER_C);
	s.point_year = v->point_year;
	/* the law decides the wall: named in the title, and said when it gives none */
	if (v->t.has_wall)
		snprintf(title, sizeof title,
		         "training compute by release year; data wall under %s",
		         law_id(a, id, sizeof id));
	else
		snprintf(title, sizeof title,
		         "training compute by release year; no data wall under %s",
		         law_id(a, id, sizeof id));
	s.title = title;
	if (timeline_draw(c, r, &s) != 0)
		say(c, r,
		    v->t.n == 0 ? "no model with a published compute and a release date"
		                : "(no room for the timeline)");
}
