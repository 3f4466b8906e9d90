/*
 * runs_law.h: --runs FILE as a law a batch command can name: the runs read,
 * fitted by Approach 3 and added to the catalog as law 'runs' (runs-2 ...
 * when a preset has that id), as the explorer's --runs does, with the same
 * one-line refusals where the runs give no L(N, D).
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
	const char *use;           /* set by the caller: what refusals say there is no law
	                              to do ("plan from"); NULL: "compare" */
};

/*
 * Read and fit cli->runs, and add the law to cli->catalog. 0, or EXIT_USAGE
 * after one line on stderr (nothing to free then).
 */
int runs_law_load(const struct cli *cli, struct runs_law *out);

#endif
