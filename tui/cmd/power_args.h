/*
 * power_args.h: what the batch commands say about laws that fit fewer
 * relations than L(N, D): a power law of one variable (L(N), L(C), N_opt(C)
 * each optional) and a frontier that prints exponents without coefficients.
 * One place words "what this law does fit", so that loss, optimum and plot
 * refuse alike.
 */
#ifndef ISOFLOP_POWER_ARGS_H
#define ISOFLOP_POWER_ARGS_H

#include <stdbool.h>
#include <stddef.h>

#include "cli.h"

/* Whether a power law fits L(N), L(C) and N_opt(C). */
bool power_has_params(const struct law *law);
bool power_has_compute(const struct law *law);
bool power_has_optimum(const struct law *law);

/* "L(N) and L(C)", "L(N)", "L(C) and N_opt(C)": what a power law fits. */
void power_fits_text(const struct law *law, char *buf, size_t size);

/* Whether a frontier law gives exponents without any coefficient (no allocation at a C). */
bool power_exponents_only(const struct law *law);

/*
 * "hoffmann2022-github gives only exponents (N_opt ~ C^0.53, D_opt ~
 * C^0.47; Table A2): no allocation at a compute", the table taken from the
 * preset's source; one line on stderr, EXIT_USAGE.
 */
int power_exponents_refusal(const struct preset *p);

/*
 * Why a law has no L(N) for `what` ("plot params"), in one line naming what
 * it does fit and the command that draws it; EXIT_USAGE.
 */
int power_no_params_refusal(const char *what, const struct preset *p);

/*
 * Why a power law has no N x D picture for `what` ("plot", "plot
 * profiles"): what it fits and the command that draws that; EXIT_USAGE.
 */
int power_map_refusal(const char *what, const struct preset *p);

/* Why a power law has no L(C) for plot compute: what it fits instead; EXIT_USAGE. */
int power_no_compute_refusal(const struct preset *p);

#endif
