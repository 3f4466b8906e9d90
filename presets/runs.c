/*
 * runs.c: the CSV reader for training runs. Plain C: the format is a
 * header and rows of numbers, and every message names the line.
 */
#include <ctype.h>
#include <math.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../model/units.h"
#include "readall.h"
#include "runs.h"

enum { COL_PARAMS, COL_LOSS, COL_TOKENS, COL_FLOPS, NCOLS };

static int fail(char *err, size_t errsize, const char *file, size_t line, const char *fmt, ...)
        __attribute__((format(printf, 5, 6)));

static int fail(char *err, size_t errsize, const char *file, size_t line, const char *fmt, ...)
{
	char msg[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	for (char *p = msg; *p; p++) /* quoted input stays one printable line */
		if ((unsigned char)*p < 0x20 || *p == 0x7f)
			*p = '?';
	if (line > 0)
		snprintf(err, errsize, "%s:%zu: %s", file, line, msg);
	else
		snprintf(err, errsize, "%s: %s", file, msg);
	return -1;
}

/* Split a line in place at commas into at most max fields, each trimmed. */
static int split(char *line, char **fields, int max)
{
	int n = 0;

	for (char *p = line;; p++) {
		char *start = p;
		while (*p && *p != ',')
			p++;
		char end = *p;
		*p = '\0';
		while (isspace((unsigned char)*start))
			start++;
		char *q = start + strlen(start);
		while (q > start && isspace((unsigned char)q[-1]))
			*--q = '\0';
		if (n < max)
			fields[n] = start;
		n++;
		if (end == '\0')
			return n;
	}
}

/*
 * The physical ranges of a run (model/units.h, isoflop-presets(5)): outside
 * them the fit's logarithms and exponentials stop being finite, and a loss
 * of zero or a denormal one leaves a fit nothing to work with.
 */
static const struct {
	int col;
	double lo, hi;
	const char *unit; /* after the range in the message */
} run_ranges[] = {
        {COL_PARAMS, UNITS_PARAMS_MIN, UNITS_PARAMS_MAX, "parameters"},
        {COL_TOKENS, UNITS_TOKENS_MIN, UNITS_TOKENS_MAX, "tokens"},
        {COL_LOSS, UNITS_LOSS_MIN, UNITS_LOSS_MAX, "nats"},
};

/* Whether a value of the run is outside its range; msg says which and why. */
static bool out_of_range(const double *v, double k, bool tokens_from_flops, char *msg, size_t size)
{
	static const char *const names[NCOLS] = {"params", "loss", "tokens", "flops"};

	for (size_t i = 0; i < sizeof run_ranges / sizeof run_ranges[0]; i++) {
		int c = run_ranges[i].col;
		double x = v[c];
		char lo[32], hi[32];
		if (x >= run_ranges[i].lo && x <= run_ranges[i].hi)
			continue;
		units_format_short(run_ranges[i].lo, lo, sizeof lo);
		units_format_short(run_ranges[i].hi, hi, sizeof hi);
		if (c == COL_TOKENS && tokens_from_flops)
			snprintf(
			        msg, size,
			        "flops / (%g params) gives %.3g tokens: out of range: a run has %s "
			        "to %s tokens",
			        k, x, lo, hi);
		else
			snprintf(msg, size, "%s: %.3g is out of range: a run has %s to %s %s",
			         names[c], x, lo, hi, run_ranges[i].unit);
		return true;
	}
	return false;
}

static bool blank_or_comment(const char *s)
{
	while (isspace((unsigned char)*s))
		s++;
	return *s == '\0' || *s == '#';
}

int runs_parse(const char *file, const char *buf, size_t len, double k, struct fit_run **out,
               size_t *n, char *err, size_t errsize)
{
	static const char *const names[NCOLS] = {"params", "loss", "tokens", "flops"};
	int col[NCOLS] = {-1, -1, -1, -1};
	char *text = malloc(len + 1), *line, *next;
	struct fit_run *runs = NULL;
	size_t count = 0, cap = 0, lineno = 0, last = 0; /* last: the last line with a run */
	bool header = false;
	double first_n = 0;
	bool several_n = false;

	*out = NULL;
	*n = 0;
	if (text == NULL)
		return fail(err, errsize, file, 0, "out of memory");
	if (memchr(buf, '\0', len) != NULL) {
		free(text);
		return fail(err, errsize, file, 0, "binary file (NUL byte): runs are CSV text");
	}
	memcpy(text, buf, len);
	text[len] = '\0';
	for (line = text; line != NULL; line = next) {
		char *fields[64];
		next = strchr(line, '\n');
		if (next != NULL)
			*next++ = '\0';
		lineno++;
		size_t l = strlen(line);
		if (l > 0 && line[l - 1] == '\r')
			line[l - 1] = '\0';
		if (blank_or_comment(line))
			continue;
		int nf = split(line, fields, 64);
		if (nf > 64)
			nf = 64;
		if (!header) {
			for (int i = 0; i < nf; i++)
				for (int c = 0; c < NCOLS; c++)
					if (strcasecmp(fields[i], names[c]) == 0 ||
					    (c == COL_FLOPS &&
					     strcasecmp(fields[i], "compute") == 0)) {
						if (col[c] >= 0) {
							free(text);
							return fail(err, errsize, file, lineno,
							            "two '%s' columns", names[c]);
						}
						col[c] = i;
					}
			for (int c = 0; c < 2; c++)
				if (col[c] < 0) {
					free(text);
					return fail(err, errsize, file, lineno,
					            "no '%s' column (the header needs params, loss "
					            "and tokens or flops)",
					            names[c]);
				}
			if (col[COL_TOKENS] < 0 && col[COL_FLOPS] < 0) {
				free(text);
				return fail(
				        err, errsize, file, lineno,
				        "no 'tokens' or 'flops' column (the header needs params, "
				        "loss and tokens or flops)");
			}
			header = true;
			continue;
		}
		double v[NCOLS] = {0};
		for (int c = 0; c < NCOLS; c++) {
			const char *why;
			if (col[c] < 0 || (c == COL_FLOPS && col[COL_TOKENS] >= 0))
				continue;
			if (col[c] >= nf) {
				free(text);
				free(runs);
				return fail(err, errsize, file, lineno,
				            "no value for '%s' (%d fields)", names[c], nf);
			}
			enum units_kind kind = c == COL_LOSS    ? UNITS_PLAIN
			                       : c == COL_FLOPS ? UNITS_COMPUTE
			                                        : UNITS_COUNT;
			if (!units_parse(fields[col[c]], kind, &v[c], &why)) {
				int rc = fail(err, errsize, file, lineno, "%s: %s: '%.40s'",
				              names[c], why, fields[col[c]]);
				free(text);
				free(runs);
				return rc;
			}
		}
		if (col[COL_TOKENS] < 0) {
			v[COL_TOKENS] = v[COL_FLOPS] / (k * v[COL_PARAMS]);
			/* extreme values can underflow or overflow the quotient */
			if (!(v[COL_TOKENS] > 0) || !isfinite(v[COL_TOKENS])) {
				free(text);
				free(runs);
				return fail(err, errsize, file, lineno,
				            "flops / (%g params) gives no usable token count", k);
			}
		}
		char range[200];
		if (out_of_range(v, k, col[COL_TOKENS] < 0, range, sizeof range)) {
			free(text);
			free(runs);
			return fail(err, errsize, file, lineno, "%s", range);
		}
		if (count == cap) {
			size_t ncap = cap ? 2 * cap : 64;
			struct fit_run *r = realloc(runs, sizeof *r * ncap);
			if (r == NULL) {
				free(text);
				free(runs);
				return fail(err, errsize, file, lineno, "out of memory");
			}
			runs = r;
			cap = ncap;
		}
		runs[count++] = (struct fit_run){v[COL_PARAMS], v[COL_TOKENS], v[COL_LOSS]};
		last = lineno;
		if (count == 1)
			first_n = v[COL_PARAMS];
		else if (v[COL_PARAMS] != first_n)
			several_n = true;
	}
	free(text);
	if (!header)
		return fail(err, errsize, file, 0, "empty: no header and no runs");
	if (count < RUNS_MIN) {
		free(runs);
		return fail(err, errsize, file, last, "%zu runs: a fit needs at least %d", count,
		            RUNS_MIN);
	}
	if (!several_n) {
		char nb[16];
		units_format_count(first_n, nb, sizeof nb);
		free(runs);
		return fail(err, errsize, file, last,
		            "every run has N = %s: a fit needs several model sizes", nb);
	}
	*out = runs;
	*n = count;
	return 0;
}

int runs_load(const char *path, double k, struct fit_run **out, size_t *n, char *err,
              size_t errsize)
{
	char why[256];
	size_t len;
	unsigned char *buf = read_all(path, RUNS_MAX_BYTES, false, &len, why, sizeof why);

	if (buf == NULL)
		return fail(err, errsize, path, 0, "%s", why);
	int rc = len > RUNS_MAX_BYTES
	                 ? fail(err, errsize, path, 0, "larger than 64 MiB")
	                 : runs_parse(path, (const char *)buf, len, k, out, n, err, errsize);
	free(buf);
	return rc;
}
