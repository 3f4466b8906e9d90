/*
 * law_view.h: what the explorer can show of a law, by what the law fits
 * (issue 17). A law with a loss surface L(N, D) has the map's contours and
 * the profiles; a power law (LAW_POWER) has L(N) and/or L(C) and maybe
 * N_opt(C); a frontier law has N_opt(C) alone, or only its exponents. The
 * profiles' place, the status line and the keys that need a surface ask
 * here, so that nothing is drawn the law does not have. No curses.
 */
#ifndef ISOFLOP_LAW_VIEW_H
#define ISOFLOP_LAW_VIEW_H

#include <stdbool.h>
#include <stddef.h>

#include "../../model/law.h"
#include "../../presets/preset.h"

/* What the profiles' place draws for a law, when no view takes it. */
enum law_panel {
	LAW_PANEL_PROFILES, /* L(N, D): the isoFLOP profiles */
	LAW_PANEL_COMPUTE,  /* a power law's L(C): the compute panel (tui/plot/compute.h) */
	LAW_PANEL_PARAMS,   /* a power law's L(N) alone: loss against N (tui/plot/params.h) */
	LAW_PANEL_NONE,     /* a frontier law: it fits no loss */
};

enum law_panel law_view_panel(const struct law *law);

/* Whether a power law fits L(N), L(C) (the paper gives the relation). */
bool law_view_fits_params(const struct law *law);
bool law_view_fits_compute(const struct law *law);

/* Whether the law gives an allocation at a compute: a frontier the map can draw. */
bool law_view_has_frontier(const struct law *law);

/*
 * An exponent printed without its coefficient (Hoffmann et al. 2022 Table
 * A2): "N_opt ~ C^0.53" into buf, true; false (buf "") when the law has a
 * fitted frontier or none at all.
 */
bool law_view_exponent_only(const struct law *law, char *buf, size_t size);

/*
 * What the law of preset p cannot show, for the status line when it is
 * picked or the explorer starts on it, in at most `width` columns (the id
 * is left out when it would not fit): "henighan2020-t2i-text fits L(N)
 * only: no map of L(N, D), no frontier". "" for a law with a loss surface.
 */
void law_view_lacks(const struct preset *p, int width, char *buf, size_t size);

/*
 * Why key `key` has nothing to act on under the law of preset p, or NULL
 * when the law has what the key needs: "o: henighan2020-t2i-text fits no
 * N_opt(C), so no optimum to snap to". The key needs an allocation (o), a
 * loss surface (z), or is a view's that a power law cannot show (i, u, t,
 * and C without L(C)): app_toggle_view keeps those closed.
 */
const char *law_view_refusal(const struct preset *p, int key, char *buf, size_t size);

/* The loss's units after a value: "" for nats per token, else " UNITS". */
const char *law_view_units(const struct preset *p, char *buf, size_t size);

#endif
