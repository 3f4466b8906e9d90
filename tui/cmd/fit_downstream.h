/*
 * fit_downstream.h: `isoflop fit FILE` when FILE holds (loss, accuracy or
 * error) pairs rather than training runs: Gadre et al. 2024's
 * Err = epsilon - k exp(-gamma L) fitted to them, printed, and with --output
 * written as a downstream preset.
 */
#ifndef ISOFLOP_FIT_DOWNSTREAM_H
#define ISOFLOP_FIT_DOWNSTREAM_H

#include "../../presets/runs.h"
#include "cli.h"

/* Fit, print and maybe write; an exit status. The pairs stay the caller's. */
int fit_downstream(const struct cli *cli, const char *file, const struct runs_pairs *pairs);

#endif
