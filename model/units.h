/*
 * units.h: the short units people write scaling-law quantities in.
 *
 * Parsing accepts 70e9, 70B, 1.4T, 5.76e23 and, for compute, 3.64e3pfd
 * (PF-days). Formatting gives the same short forms back: 70B, 1.4T, 5.76e23.
 */
#ifndef ISOFLOP_UNITS_H
#define ISOFLOP_UNITS_H

#include <stdbool.h>
#include <stddef.h>

/*
 * The physical range of each quantity isoflop takes in, whoever writes it
 * (an option, a runs file, a preset, a tour): wide enough for any model
 * anyone trains or imagines, narrow enough that k N D, a loss and their
 * logarithms stay finite and printable (a denormal 1e-320 parameters once
 * made a 117-digit loss). Compute is law.h's LAW_COMPUTE_MIN to _MAX.
 */
#define UNITS_PARAMS_MIN 1e2  /* Kaplan et al. 2020 fit from 768 non-embedding parameters */
#define UNITS_PARAMS_MAX 1e16 /* ten thousand times the largest model built */
#define UNITS_TOKENS_MIN 1e3
#define UNITS_TOKENS_MAX 1e18 /* over a thousand times the text ever indexed on the web */
#define UNITS_LOSS_MIN   1e-3 /* nats per token: below any irreducible loss a fit has found */
#define UNITS_LOSS_MAX   20   /* the entropy of a uniform choice among 5e8 tokens */

/* What a number counts; only compute takes PF-days. */
enum units_kind {
	UNITS_COUNT,   /* parameters or tokens */
	UNITS_COMPUTE, /* FLOPs */
	UNITS_PLAIN,   /* a bare positive real: losses, exponents, constants */
	UNITS_SIGNED,  /* any finite real, zero and negatives too: logarithms */
};

/*
 * Parse s as a finite number of the given kind into *out: positive unless
 * the kind is UNITS_SIGNED. On failure return false and point *why at a
 * phrase saying what is wrong.
 */
bool units_parse(const char *s, enum units_kind kind, double *out, const char **why);

/* Whether s starts or ends with a blank (space, tab, newline ...). */
bool units_has_blank_edge(const char *s);

/*
 * Every formatter below writes at most 10 characters for any finite x
 * (switching to an exponent form such as 1.23e45 for huge or tiny values)
 * and "-" for inf or nan, so that no column ever widens without bound.
 */
#define UNITS_FIXED_MAX 10

/* Format a count with 3 significant digits and a K/M/B/T suffix: 175B, 1.4T. */
void units_format_count(double x, char *buf, size_t size);

/*
 * A stock of tokens as the papers give one: in T from 1T to 9990T, so that
 * a stock and its interval read in one unit (300T, 100T-1000T), where
 * units_format_count would switch to 1e15; other values as it writes them.
 */
void units_format_tokens(double x, char *buf, size_t size);

/* A bound as people write it: 0.001, 20, 1000, 1e-4, 1e18 (no '+', no exponent zeros). */
void units_format_short(double x, char *buf, size_t size);

/*
 * A ratio such as an extrapolation's, to 3 significant digits: 2.28, 46.5,
 * 1970 (not 1.97e+03: people read "x1970"), and past 1e6 an exponent form.
 */
void units_format_factor(double x, char *buf, size_t size);

/* Format FLOPs as a short exponent form: 5.76e23. */
void units_format_compute(double x, char *buf, size_t size);

/*
 * Format x with `decimals` places (%.*f) while that fits in UNITS_FIXED_MAX
 * characters and keeps a non-zero value non-zero; else as 3 significant
 * digits with an exponent: 1.23e45, 1e-7.
 */
void units_format_fixed(double x, int decimals, char *buf, size_t size);

/*
 * x as a user would type it, in the compute style (4.229e21, 1e23): the
 * fewest significant digits, at most `digits` (17 gives any double back),
 * that parse back to x, else `digits` of them. So a budget is echoed as it
 * was given, and with 3 a computed 423 x 1e19 becomes the double "4.23e21"
 * gives. Not bounded to UNITS_FIXED_MAX characters: for messages and
 * scripts, not columns. "-" for inf or nan.
 */
void units_format_exact(double x, int digits, char *buf, size_t size);

/*
 * The least value of `digits` significant digits, as a user types it
 * (units_format_exact), at or above x: a lower bound an error prints, which
 * the user can give back. x must be finite and positive.
 */
double units_round_up(double x, int digits);

/* A decimal year as people read it off an axis, 2031.4; "never" when not finite. */
const char *units_format_year(double y, char *buf, size_t size);

#endif
