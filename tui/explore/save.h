/*
 * save.h: saving a law edited in the explorer ('e', then 's') as a preset.
 */
#ifndef ISOFLOP_SAVE_H
#define ISOFLOP_SAVE_H

#include <stddef.h>

#include "../../presets/catalog.h"

/*
 * Save law, edited from preset `from`, as dir/ID.yaml (made if missing):
 * written to a temporary file, then linked into place so that an existing
 * file is never replaced. 0 and "saved as --law ID: PATH" in msg, or -1 and
 * the reason: a bad id, no dir, an id the catalog has, or the system's error.
 */
int save_law(const struct catalog *cat, const struct preset *from, const struct law *law,
             const char *dir, const char *id, char *msg, size_t msgsize);

/*
 * mkdir -p dir: the laws and tours directories under the user's config
 * directory may not exist yet. 0, or -1 with errno set.
 */
int save_make_dirs(const char *dir);

#endif
