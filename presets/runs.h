/*
 * runs.h: a researcher's training runs, from CSV: a header naming the
 * columns params, loss and tokens or flops under any of their usual names
 * (N, val_loss, C, ...), then one run per line. A UTF-8 byte order mark and
 * RFC 4180 quotes are read; lines starting with '#' are comments; other
 * columns are ignored. The first problem comes back as one line
 * "FILE:LINE: what is wrong". The format is in isoflop-presets(5).
 */
#ifndef ISOFLOP_RUNS_H
#define ISOFLOP_RUNS_H

#include <stddef.h>

#include "../model/fit.h"

/* Largest runs file read: a million runs is far more than anyone trains. */
#define RUNS_MAX_BYTES (64 * 1024 * 1024)

/* Fewest runs a fit takes. */
#define RUNS_MIN 5

/*
 * Parse runs from memory; k is the FLOPs per parameter-token that turn a
 * flops column into tokens (D = C / (k N)). On success *out (malloc'ed, the
 * caller frees) holds *n runs; on error -1 and err.
 */
int runs_parse(const char *file, const char *buf, size_t len, double k, struct fit_run **out,
               size_t *n, char *err, size_t errsize);

/* Read path ("-" for standard input, named "-" in messages) and parse it. */
int runs_load(const char *path, double k, struct fit_run **out, size_t *n, char *err,
              size_t errsize);

#endif
