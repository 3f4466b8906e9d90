/*
 * readall.h: a user's file read whole, for the preset, tour and runs
 * loaders, which each report problems in their own format.
 */
#ifndef ISOFLOP_READALL_H
#define ISOFLOP_READALL_H

#include <stddef.h>

/*
 * Read path ("-": standard input) into a malloc'ed buffer, NUL-terminated,
 * at most max + 1 bytes so that the caller can tell "exactly max" from
 * "more". NULL on failure, with a phrase for the message in why
 * ("cannot open: No such file or directory", "read error", "out of memory").
 */
unsigned char *read_all(const char *path, size_t max, size_t *len, char *why, size_t whysize);

#endif
