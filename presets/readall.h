/*
 * readall.h: a user's file read whole, for the preset, tour and runs
 * loaders, which each report problems in their own format.
 */
#ifndef ISOFLOP_READALL_H
#define ISOFLOP_READALL_H

#include <stdbool.h>
#include <stddef.h>

/*
 * Read path ("-": standard input) into a malloc'ed buffer, NUL-terminated,
 * at most max + 1 bytes so that the caller can tell "exactly max" from
 * "more". A directory is refused, and with `regular` anything but a regular
 * file (a FIFO found in a directory would block), before any read. NULL on
 * failure, with a phrase for the message in why ("cannot open: No such file
 * or directory", "is a directory, not a file", "read error: ...",
 * "out of memory").
 */
unsigned char *read_all(const char *path, size_t max, bool regular, size_t *len, char *why,
                        size_t whysize);

#endif
