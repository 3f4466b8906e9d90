/*
 * traintest_view.c: views X and K (traintest_view.h): the state's
 * test-time law and point as the plot's specs, and the panels drawn from them.
 */
#include <string.h>

#include "traintest_view.h"

bool traintest_view_spec(const struct app *a, struct traintest_spec *s)
{
	const struct catalog_entry *e = app_tt_law(a);

	memset(s, 0, sizeof *s);
	if (e == NULL || !tt_has_plane(&e->preset.tt))
		return false;
	s->law = &e->preset.tt;
	s->law_id = e->preset.id;
	s->has_point = true;
	s->train = a->scene.tt.train;
	s->test = a->scene.tt.test;
	s->problems = a->scene.tt.problems;
	/* the point's own total, which the locked total holds '@' on, and a decade each way */
	double total = tt_total(s->train, s->test, s->problems);
	s->ntotals = 3;
	s->totals[0] = total / 10;
	s->totals[1] = total;
	s->totals[2] = total * 10;
	return traintest_window(s);
}

bool coverage_view_spec(const struct app *a, struct coverage_spec *s)
{
	const struct catalog_entry *e = app_tt_law(a);

	memset(s, 0, sizeof *s);
	if (e == NULL || e->preset.tt.form != TT_COVERAGE)
		return false;
	s->law = &e->preset.tt;
	s->law_id = e->preset.id;
	s->has_point = true;
	s->k = a->scene.tt.samples;
	s->has_target = true;
	s->target = a->scene.tt.target;
	/* the axis reaches the point's k and the target's: past the fitted samples, the curve is
	 * ':' */
	s->k_hi = coverage_k_hi(s->law, s->k, true, s->target);
	return true;
}

/* A sentence in the middle of a blanked rect: the picture cannot be drawn. */
static void say(struct canvas *c, struct rect r, const char *text)
{
	int len = (int)strlen(text), x = r.x + (r.w - len) / 2;

	canvas_fill_rect(c, r, ' ', STYLE_BLANK);
	canvas_text(c, x < r.x ? r.x : x, r.y + r.h / 2, text, r.w, STYLE_TEXT);
}

void traintest_view_draw(struct canvas *c, const struct app *a, struct rect r)
{
	struct traintest_spec s;
	struct traintest_plot p;

	if (!traintest_view_spec(a, &s)) {
		say(c, r, app_tt_no_plane(a));
		return;
	}
	canvas_fill_rect(c, r, ' ', STYLE_BLANK);
	if (traintest_draw(c, r, &s, &p) != 0)
		say(c, r, "(no room for the train x test plane)");
}

void coverage_view_draw(struct canvas *c, const struct app *a, struct rect r)
{
	struct coverage_spec s;
	struct coverage_plot p;

	if (!coverage_view_spec(a, &s)) {
		say(c, r, app_tt_no_coverage(a));
		return;
	}
	canvas_fill_rect(c, r, ' ', STYLE_BLANK);
	if (coverage_draw(c, r, &s, &p) != 0)
		say(c, r, "(no room for coverage against samples)");
}
