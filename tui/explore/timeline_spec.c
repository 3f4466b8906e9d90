/*
 * timeline_spec.c: the timeline's numbers and picture from the presets (see
 * timeline_spec.h). Both growths are projected from the frontier, the
 * largest published compute at its release year, not from the fitted line:
 * the trend describes how the frontier grows, and the fitted line runs below
 * the frontier by design (it passes through the middle of the models).
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "timeline_spec.h"

/* The models with a published compute and a release date a year can be read from. */
static int collect_models(const struct catalog *cat, struct timeline_numbers *t)
{
	size_t max = cat->nmodels ? cat->nmodels : 1;

	t->models = malloc(max * sizeof *t->models);
	t->marks = malloc(max * sizeof *t->marks);
	t->years = malloc(max * sizeof *t->years);
	t->compute = malloc(max * sizeof *t->compute);
	if (!t->models || !t->marks || !t->years || !t->compute)
		return -1;
	for (size_t i = 0; i < cat->nmodels; i++) {
		const struct preset *p = &cat->models[i].preset;
		double y = timeline_year(p->released);
		if (!(p->compute > 0) || !isfinite(y))
			continue;
		t->models[t->n] = p;
		t->marks[t->n] = (struct timeline_mark){p->tag, y, p->compute};
		t->years[t->n] = y;
		t->compute[t->n] = p->compute;
		if (p->compute > t->compute[t->frontier])
			t->frontier = t->n;
		t->n++;
	}
	return 0;
}

/* The wall at the trend, and at the fitted growth when there is a fit. */
static enum model_status walls(const struct law *law, const double stock[3],
                               const struct preset *trend, struct timeline_numbers *t)
{
	const double cited[3] = {trend->growth, trend->growth_low, trend->growth_high};
	const double fitted[3] = {t->fit.growth, t->fit.growth_low, t->fit.growth_high};
	struct timeline_origin from = {t->years[t->frontier], t->compute[t->frontier]};
	enum model_status st = timeline_wall(law, stock, from, cited, &t->wall_trend);

	if (st == MODEL_OK && t->has_fit)
		st = timeline_wall(law, stock, from, fitted, &t->wall_fit);
	return st;
}

enum timeline_outcome timeline_numbers_derive(const struct catalog *cat, const struct law *law,
                                              const double stock[3], const struct preset *trend,
                                              struct timeline_numbers *out)
{
	double level = trend != NULL ? trend->level : 0.9;

	memset(out, 0, sizeof *out);
	if (collect_models(cat, out) != 0)
		return TIMELINE_NOMEM;
	out->has_fit = out->n >= TIMELINE_MIN_POINTS &&
	               timeline_fit(out->years, out->compute, out->n, level, &out->fit) == MODEL_OK;
	out->wall_status = MODEL_EDOM;
	if (out->n > 0 && trend != NULL && stock[0] > 0)
		out->wall_status = walls(law, stock, trend, out);
	out->has_wall = out->wall_status == MODEL_OK;
	if (out->n < TIMELINE_MIN_POINTS)
		return TIMELINE_FEW;
	if (!out->has_fit)
		return TIMELINE_NO_FIT;
	return out->has_wall ? TIMELINE_OK : TIMELINE_NO_WALL;
}

void timeline_numbers_free(struct timeline_numbers *t)
{
	free(t->models);
	free(t->marks);
	free(t->years);
	free(t->compute);
	memset(t, 0, sizeof *t);
}

const char *timeline_trend_name(const struct preset *trend)
{
	return strcmp(trend->id, TIMELINE_DEFAULT_TREND) == 0 ? "Epoch AI" : trend->id;
}

struct timeline_spec timeline_numbers_spec(const struct timeline_numbers *t,
                                           const struct preset *trend)
{
	struct timeline_spec s = {.marks = t->marks, .nmarks = t->n};

	if (t->has_fit) {
		s.has_fit = true;
		s.fit_intercept = t->fit.intercept;
		s.fit_slope = t->fit.slope;
		s.fit_growth = t->fit.growth;
	}
	if (trend != NULL && t->n > 0) {
		s.has_trend = true;
		s.trend_from =
		        (struct timeline_origin){t->years[t->frontier], t->compute[t->frontier]};
		s.trend_growth = trend->growth;
		s.trend_name = timeline_trend_name(trend);
	}
	if (t->has_wall) {
		s.has_wall = true;
		s.wall_compute = t->wall_trend.compute;
		s.wall_year = t->wall_trend.year;
		s.wall_early = t->wall_trend.year_early;
		s.wall_late = t->wall_trend.year_late;
	}
	return s;
}
