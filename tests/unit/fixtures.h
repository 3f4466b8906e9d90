/*
 * fixtures.h: what the unit tests share: cmocka, and the shipped presets
 * loaded through the real loader, so that every fidelity test also tests the
 * constants isoflop ships (tests run from the repository root).
 */
#ifndef ISOFLOP_FIXTURES_H
#define ISOFLOP_FIXTURES_H

#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include <cmocka.h>

#include "../../presets/preset.h"

/* Load presets/laws/ID.yaml or fail the test with the loader's message. */
static inline struct law fixture_law(const char *id)
{
	char path[256], err[PRESET_ERR_MAX];
	static struct preset p;

	snprintf(path, sizeof path, "presets/laws/%s.yaml", id);
	if (preset_load(path, PRESET_LAW, &p, err, sizeof err) != 0)
		fail_msg("%s", err);
	return p.law;
}

/* |got - want| <= tol * |want|, with both numbers in the failure message. */
#define assert_rel(got, want, tol)                                                                 \
	do {                                                                                       \
		double g_ = (got), w_ = (want);                                                    \
		if (!(fabs(g_ - w_) <= (tol)*fabs(w_)))                                            \
			fail_msg("%s = %.10g, want %.10g within %g relative", #got, g_, w_,        \
			         (double)(tol));                                                   \
	} while (0)

/* |got - want| <= tol. */
#define assert_abs(got, want, tol)                                                                 \
	do {                                                                                       \
		double g_ = (got), w_ = (want);                                                    \
		if (!(fabs(g_ - w_) <= (tol)))                                                     \
			fail_msg("%s = %.10g, want %.10g within %g", #got, g_, w_, (double)(tol)); \
	} while (0)

#endif
