/*
 * traintest_view.h: the explorer's test-time views in the whole panel area:
 * X, the train x test plane of a log-linear test-time law (tui/plot/traintest.h)
 * at the state's (train, test) for its problems, and K, a coverage law's
 * coverage against samples (tui/plot/coverage.h) at its k and target. Where
 * the chosen law cannot be drawn, a sentence says why: never a blank panel.
 */
#ifndef ISOFLOP_TRAINTEST_VIEW_H
#define ISOFLOP_TRAINTEST_VIEW_H

#include "../plot/coverage.h"
#include "../plot/traintest.h"
#include "app.h"

/* The plane's spec for a's law and point, its window chosen; false when the law has no plane. */
bool traintest_view_spec(const struct app *a, struct traintest_spec *s);

/* The coverage picture's spec for a's law, k and target; false unless a coverage law. */
bool coverage_view_spec(const struct app *a, struct coverage_spec *s);

/* View X's and view K's panels for a, into r of c. */
void traintest_view_draw(struct canvas *c, const struct app *a, struct rect r);
void coverage_view_draw(struct canvas *c, const struct app *a, struct rect r);

#endif
