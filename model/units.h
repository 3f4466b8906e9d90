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

/* Format a count with 3 significant digits and a K/M/B/T suffix: 175B, 1.4T. */
void units_format_count(double x, char *buf, size_t size);

/* Format FLOPs as a short exponent form: 5.76e23. */
void units_format_compute(double x, char *buf, size_t size);

#endif
