/*
 * fuzz_runs.c: libFuzzer target for the runs CSV reader, as `isoflop fit`
 * reads a file: by its header either training runs or (loss, accuracy)
 * pairs for a downstream map. Any input must give at least 5 runs of
 * positive finite numbers, or at least DOWNSTREAM_FIT_MIN pairs of a
 * finite positive loss and an error in [0, 1] whose fit gives finite
 * constants or a status, or one error line naming the file: no crash, no
 * leak, no undefined behaviour.
 */
#include <gsl/gsl_errno.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../../model/downstream.h"
#include "../../presets/runs.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* An error, as the CLI prints it: one line naming the file. */
static void check_error(const char *err)
{
	if (strncmp(err, "fuzz.csv:", 9) != 0 || strchr(err, '\n') != NULL)
		__builtin_trap();
}

static void check_runs(const uint8_t *data, size_t size)
{
	struct fit_run *runs;
	size_t n;
	char err[1024];

	err[0] = '\0';
	if (runs_parse("fuzz.csv", (const char *)data, size, 6, &runs, &n, err, sizeof err) != 0) {
		check_error(err);
		return;
	}
	if (n < RUNS_MIN)
		__builtin_trap();
	for (size_t i = 0; i < n; i++)
		if (!(runs[i].params > 0 && runs[i].tokens > 0 && runs[i].loss > 0) ||
		    !isfinite(runs[i].params) || !isfinite(runs[i].loss))
			__builtin_trap();
	free(runs);
}

/* The pairs, and their fit: the constants a map is written from are finite. */
static void check_pairs(const uint8_t *data, size_t size)
{
	struct runs_pairs p;
	struct downstream d;
	double rms;
	char err[1024];

	err[0] = '\0';
	if (runs_parse_pairs("fuzz.csv", (const char *)data, size, &p, err, sizeof err) != 0) {
		check_error(err);
		return;
	}
	if (p.n < DOWNSTREAM_FIT_MIN)
		__builtin_trap();
	for (size_t i = 0; i < p.n; i++)
		if (!(p.loss[i] > 0 && isfinite(p.loss[i]) && p.error[i] >= 0 && p.error[i] <= 1))
			__builtin_trap();
	if (downstream_fit(p.loss, p.error, p.n, &d, &rms) == MODEL_OK &&
	    !(isfinite(d.epsilon) && d.k > 0 && isfinite(d.k) && d.gamma > 0 && isfinite(d.gamma) &&
	      isfinite(rms)))
		__builtin_trap();
	runs_pairs_free(&p);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static int once;

	if (!once++)
		gsl_set_error_handler_off(); /* as main does: a status, never abort() */
	if (runs_is_downstream((const char *)data, size))
		check_pairs(data, size);
	else
		check_runs(data, size);
	return 0;
}
