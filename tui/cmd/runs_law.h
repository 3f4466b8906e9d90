/*
 * runs_law.h: --runs FILE as a law a command can name: the runs read,
 * fitted by Approach 3 and added to the catalog as law 'runs' (runs-2 ...
 * when a preset has that id), its fitted range the runs' own (so the map
 * shades and the readout warns past it), with one-line refusals where the
 * runs give no L(N, D). The explorer, plot contour, compare and plan share it.
 */
#ifndef ISOFLOP_RUNS_LAW_H
#define ISOFLOP_RUNS_LAW_H

#include <stddef.h>

#include "../../model/fit.h"
#include "cli.h"

/* The id the fitted law takes when no preset has it. */
#define RUNS_LAW_DEFAULT_ID "runs"

struct runs_law {
	struct fit_run *runs; /* the runs read, for bootstrap refits; free() them */
	size_t n;
	struct fit_parametric fit; /* the best fit: the refits start from its theta */
	char id[16];               /* the law's id in the catalog */
};

/* Read cli->runs into out. 0, or EXIT_USAGE after one line on stderr. */
int runs_law_read(const struct cli *cli, struct runs_law *out);

/*
 * Fit the runs read and add the law to cli->catalog. `use` is what the
 * command would do with it ("draw", "compare"), named in the refusals.
 * 0, or EXIT_USAGE after one line on stderr (the runs freed then).
 */
int runs_law_fit(const struct cli *cli, const char *use, struct runs_law *out);

/*
 * --bootstrap and --seed's prerequisites, as every command that takes
 * them asks: --bootstrap needs --runs, --seed needs --bootstrap. 0, or
 * EXIT_USAGE after one line. A tour's own bootstrap: and seed: are
 * checked where the tour is read (presets/tour.c), at FILE:LINE:COL.
 */
int runs_law_options_check(const struct cli *cli);

/*
 * --bootstrap N on n runs of file: refused (one line, EXIT_USAGE) when n is
 * under FIT_BOOTSTRAP_MIN_RUNS: 1 resample in 20 or more would then hold no
 * more distinct runs than the FIT_CONSTANTS Approach 3 fits, which are not
 * refitted (a refit would interpolate them and look like certainty).
 * A tour's bootstrap: is named where it was written, FILE:LINE:COL.
 * 0 otherwise, or without --bootstrap. Every command that refits the
 * user's runs asks this one check.
 */
int runs_law_bootstrap_check(const struct cli *cli, const char *file, size_t n);

/*
 * --bootstrap N: refit N resamples of the runs from their fit, once, for
 * the band, the profiles' interval and the readout; *draws (free() them)
 * and *n how many refitted; NULL and 0 without --bootstrap. 0, or
 * EXIT_USAGE after one line when the runs are too few
 * (runs_law_bootstrap_check) or under two refit (nothing to free then).
 */
int runs_law_bootstrap(const struct cli *cli, const struct runs_law *r, struct law **draws, int *n);

struct tour;

/*
 * cli as a tour plays it, into out: the tour's runs:, bootstrap: and seed:
 * as if given with --runs, --bootstrap and --seed. The command line wins:
 * its --runs replaces all three, its --bootstrap and --seed their own.
 */
void runs_law_with_tour(const struct cli *cli, const struct tour *t, struct cli *out);

/* runs_law_read, then runs_law_fit. */
int runs_law_load(const struct cli *cli, const char *use, struct runs_law *out);

#endif
