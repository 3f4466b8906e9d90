/*
 * fuzz_runs.c: libFuzzer target for the runs CSV reader. Any input must give
 * either at least 5 runs of positive finite numbers or one error line naming
 * the file: no crash, no leak, no undefined behaviour.
 */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../../presets/runs.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fit_run *runs;
	size_t n;
	char err[1024];

	err[0] = '\0';
	if (runs_parse("fuzz.csv", (const char *)data, size, 6, &runs, &n, err, sizeof err) != 0) {
		if (strncmp(err, "fuzz.csv:", 9) != 0 || strchr(err, '\n') != NULL)
			__builtin_trap();
		return 0;
	}
	if (n < RUNS_MIN)
		__builtin_trap();
	for (size_t i = 0; i < n; i++)
		if (!(runs[i].params > 0 && runs[i].tokens > 0 && runs[i].loss > 0) ||
		    !isfinite(runs[i].params) || !isfinite(runs[i].loss))
			__builtin_trap();
	free(runs);
	return 0;
}
