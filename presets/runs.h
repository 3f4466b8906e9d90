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

#include "../model/downstream.h"
#include "../model/fit.h"

/* Largest runs file read: a million runs is far more than anyone trains. */
#define RUNS_MAX_BYTES (64 * 1024 * 1024)

/* Fewest runs a fit takes. */
#define RUNS_MIN 5

/*
 * What a file of a loss and an accuracy or error column and no params is,
 * in the words isoflop fit's note and the runs reader's refusal share.
 */
#define RUNS_PAIRS_HINT "(loss, accuracy) pairs: a loss-to-error map for --downstream"

/*
 * What a file holds that the reader leaves out, for the notes below. Rows
 * with no loss: R's NA, NaN, Excel's #N/A, N/A or an empty field in the loss
 * column (a run that diverged or was not evaluated), or in a downstream
 * file's loss or score column. A missing params, tokens or flops is an error
 * instead. And a flops column beside a tokens column that disagrees with
 * k N D by more than RUNS_FLOPS_TOLERANCE: tokens are used, the flops
 * column is not (a profiler's FLOPs count attention, which 6ND leaves out).
 */
struct runs_skipped {
	size_t rows;       /* how many rows were skipped */
	size_t first_line; /* the first one's line */
	size_t no_score;   /* of them, downstream rows with a loss but no score */
	size_t flops_rows; /* rows whose flops are not k N D */
	size_t flops_line; /* the row that differs most */
	double flops, knd; /* its flops and its k N D */
};

/* How far a flops column may be from k N D before the note says so: 1%. */
#define RUNS_FLOPS_TOLERANCE 0.01

/*
 * The note on skipped rows, "FILE: skipped 3 rows with no loss (NA), first
 * at line 7", into buf; 1 when there is one, 0 (buf "") when none.
 */
int runs_skipped_note(const char *file, const struct runs_skipped *s, char *buf, size_t size);

/*
 * The note on a flops column that disagrees with k N D beside a tokens
 * column (tokens used), with the largest difference, into buf; 1 when there
 * is one, 0 (buf "") when none.
 */
int runs_flops_note(const char *file, double k, const struct runs_skipped *s, char *buf,
                    size_t size);

/*
 * Parse runs from memory; k is the FLOPs per parameter-token that turn a
 * flops column into tokens (D = C / (k N)). On success *out (malloc'ed, the
 * caller frees) holds *n runs; on error -1 and err.
 */
int runs_parse(const char *file, const char *buf, size_t len, double k, struct fit_run **out,
               size_t *n, char *err, size_t errsize);

/*
 * Read path ("-" for standard input, named "-" in messages) and parse it;
 * the rows skipped for want of a loss into *skipped (may be NULL).
 */
int runs_load(const char *path, double k, struct fit_run **out, size_t *n,
              struct runs_skipped *skipped, char *err, size_t errsize);

/*
 * A downstream file: a loss column (any of the loss names above) and an
 * accuracy or error column (accuracy, acc, avg_acc, top1; error, err,
 * avg_err, top1_error), each a fraction between 0 and 1, and no params
 * column: one model's loss and its average downstream score per line, what
 * Gadre et al. 2024 fit Err = epsilon - k exp(-gamma L) to. Accuracy is read
 * as error = 1 - accuracy.
 */
struct runs_pairs {
	double *loss;  /* nats per token, malloc'ed */
	double *error; /* average top-1 error, in [0, 1], malloc'ed */
	size_t n;
	/*
	 * the header's name of a tokens or flops column the pairs leave unused
	 * ("" when none): a file of runs whose params column is misnamed reads
	 * as pairs, and the fit says so
	 */
	char unused[32];
	struct runs_skipped skipped; /* rows with no loss or score, left out */
};

/* Parse a downstream file from memory; on error -1 and err ("FILE:LINE: what is wrong"). */
int runs_parse_pairs(const char *file, const char *buf, size_t len, struct runs_pairs *out,
                     char *err, size_t errsize);

/*
 * Whether the header (the first line that is not blank or a comment) makes a
 * downstream file: an accuracy or error column and no params column (a file
 * of runs always has params; tokens or flops beside a score are extras).
 */
int runs_is_downstream(const char *buf, size_t len);

/*
 * Read path once and parse it as what its header says: training runs
 * (returns 0, *runs and *n set) or (loss, error) pairs (returns 1, *pairs
 * set); -1 and err on error.
 */
int runs_load_either(const char *path, double k, struct fit_run **runs, size_t *n,
                     struct runs_skipped *skipped, struct runs_pairs *pairs, char *err,
                     size_t errsize);

void runs_pairs_free(struct runs_pairs *pairs);

#endif
