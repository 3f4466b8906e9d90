/*
 * tour_play.c: a tour's playback: its check against the catalog and the
 * replay of its steps from the state it started in (tour_play.h).
 */
#include <stdio.h>

#include "tour_play.h"

/* Why step s cannot be played from state probe, into err; 0 when it can. */
static int step_error(const struct app *probe, const struct tour *t, const struct tour_step *s,
                      char *err, size_t errsize)
{
	if (s->law[0] && catalog_law(probe->catalog, s->law) == NULL) {
		snprintf(err, errsize,
		         "%s:%d:%d: unknown law '%s' (isoflop presets laws lists them)", t->file,
		         s->law_at.line, s->law_at.col, s->law);
		return -1;
	}
	if (s->model[0] && catalog_model(probe->catalog, s->model) == NULL) {
		snprintf(err, errsize,
		         "%s:%d:%d: unknown model '%s' (isoflop presets models lists them)",
		         t->file, s->model_at.line, s->model_at.col, s->model);
		return -1;
	}
	for (int i = 0; i < s->nmodels; i++)
		if (catalog_model(probe->catalog, s->models[i]) == NULL) {
			snprintf(err, errsize,
			         "%s:%d:%d: unknown model '%s' in models (isoflop presets models "
			         "lists them)",
			         t->file, s->models_at[i].line, s->models_at[i].col, s->models[i]);
			return -1;
		}
	return 0;
}

int tour_play_start(struct app *a, const struct tour *t, char *err, size_t errsize)
{
	struct app probe = *a; /* the steps played through, to check each on its law */

	for (int i = 0; i < t->nsteps; i++) {
		const struct tour_step *s = &t->steps[i];
		if (step_error(&probe, t, s, err, errsize) != 0)
			return -1;
		app_apply_step(&probe, s);
		if (s->unique_tokens > 0 && app_law(&probe)->family != LAW_DATA_CONSTRAINED) {
			snprintf(err, errsize,
			         "%s:%d:%d: unique_tokens needs a data-constrained law such as "
			         "muennighoff2023",
			         t->file, s->at.line, s->at.col);
			return -1;
		}
	}
	app_tour_begin(a, t);
	tour_play_show(a, 0);
	return 0;
}

void tour_play_show(struct app *a, int i)
{
	if (a->tour == NULL)
		return;
	app_tour_rewind(a, i < 0 ? 0 : i >= a->tour->nsteps ? a->tour->nsteps - 1 : i);
	for (int k = 0; k <= a->step; k++) /* at most 64 steps, each a closed form or a solve */
		app_apply_step(a, &a->tour->steps[k]);
}
