/*
 * write.h: law presets written back as YAML (isoflop fit --output, the
 * explorer's 's'), and the one way isoflop creates a user's file: whole or
 * not at all, and never over a file that exists unless asked to.
 */
#ifndef ISOFLOP_WRITE_H
#define ISOFLOP_WRITE_H

#include <stdbool.h>
#include <stdio.h>

#include "preset.h"

/*
 * The text of a law preset (additive, data-constrained or frontier) that
 * preset_load reads back to the same law: id, name, source, family,
 * dataset, convention, k, constants, fitted range where known, note.
 */
void preset_write_law(FILE *fp, const struct preset *p, const char *comment);

/*
 * Create path with the text write(fp, ctx) produces: into a temporary file
 * beside it, then a hard link, which fails on an existing path (EEXIST), or
 * with replace a rename. On failure -1 with errno set and nothing left
 * behind.
 */
int write_file_atomic(const char *path, bool replace, void (*write)(FILE *fp, const void *ctx),
                      const void *ctx);

#endif
