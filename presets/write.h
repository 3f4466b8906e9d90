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

/* What a law preset isoflop makes says besides its law; each text is cut to its field. */
struct law_origin {
	const char *id;
	const char *name;
	const char *source;
	const char *dataset; /* NULL: the base preset's */
};

/*
 * The law preset of a law isoflop made, a fit or an edit in the explorer:
 * the law and what o says, everything else (note, paper_frontier, file)
 * from base, the preset it was edited from, or empty when base is NULL.
 * The one builder of what fit --output, --runs and the explorer's 's' write.
 */
void preset_of_law(struct preset *p, const struct preset *base, const struct law *law,
                   const struct law_origin *o);

/*
 * The text of a law preset (additive, data-constrained, kaplan, frontier or power) that
 * preset_load reads back to the same law: id, name, source, family,
 * dataset, convention, k, constants, fitted range where known, note.
 */
void preset_write_law(FILE *fp, const struct preset *p, const char *comment);

/*
 * The text of a downstream map preset (kind downstream) that preset_load
 * reads back to the same constants: id, name, epsilon, k, gamma, the fitted
 * range of losses where known, source, note.
 */
void preset_write_downstream(FILE *fp, const struct preset *p, const char *comment);

/*
 * What is at path when a write may not take its name even with leave to
 * replace ("a directory", "a FIFO", "a character device", "a block device",
 * "a socket", or "a symlink to" one of them, such as /dev/stderr); NULL when
 * nothing is there, a regular file, or a symlink to a regular file or to
 * nothing (the link itself is replaced, never written through).
 */
const char *write_unreplaceable(const char *path);

/*
 * Whether a write may take path's name before it is tried: nothing there,
 * or with replace a regular file or a symlink. -1 when not, *what naming
 * what is there when even replace would not take it (write_unreplaceable),
 * NULL when only replace would.
 */
int write_may_take(const char *path, bool replace, const char **what);

/* A file's text in a temporary beside the name it will take. */
struct write_temp {
	char path[4096]; /* the name it takes */
	char tmp[4200];  /* path.XXXXXX, "" once renamed or removed */
};

/*
 * Write the text write(fp, ctx) produces into a new temporary beside path
 * (mkstemp: O_EXCL, so a planted name is never written through), then
 * fsync it. On failure -1 with errno set and nothing left behind.
 */
int write_temp_create(struct write_temp *t, const char *path,
                      void (*write)(FILE *fp, const void *ctx), const void *ctx);

/*
 * Give the temporary its name: a hard link, which fails on an existing path
 * (EEXIST), or with replace a rename over a regular file or a symlink. What
 * write_unreplaceable names is never replaced (EEXIST). On failure -1 with
 * errno set, the temporary kept for write_temp_discard.
 */
int write_temp_commit(struct write_temp *t, bool replace);

/* Remove the temporary if it is still there. */
void write_temp_discard(struct write_temp *t);

/*
 * Give n temporaries, all on disk already, their names, one at a time (a
 * set of files: a full disk has left none half-made). A name taken in
 * between stops them at *failed: without replace the names given so far
 * are removed again, with it they stay new. -1 with errno set on failure;
 * the temporaries not named are left for write_temp_discard.
 */
int write_temps_commit(struct write_temp *t, int n, bool replace, int *failed);

/*
 * Create path with the text write(fp, ctx) produces, whole or not at all:
 * write_temp_create then write_temps_commit of the one. On failure -1 with errno set and
 * nothing left behind; a full disk leaves the old file, if any, as it was.
 */
int write_file_atomic(const char *path, bool replace, void (*write)(FILE *fp, const void *ctx),
                      const void *ctx);

#endif
