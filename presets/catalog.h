/*
 * catalog.h: every preset isoflop can see, by id, from the search path.
 *
 * Search order, first match of an id wins:
 *   1. --preset FILE and --preset-dir DIR (an error in them is fatal),
 *   2. $XDG_CONFIG_HOME/isoflop/ (default ~/.config/isoflop/),
 *   3. the installed share directory (ISOFLOP_SHARE_DIR),
 *   4. presets/ beside the binary.
 * Directories hold laws/, models/, accelerators/, stocks/, trends/, downstream/ and
 * testtime/NAME.yaml.
 * A broken user file is listed as broken and skipped; it never stops the
 * shipped presets loading.
 */
#ifndef ISOFLOP_CATALOG_H
#define ISOFLOP_CATALOG_H

#include <stdbool.h>
#include <stddef.h>

#include "preset.h"

enum catalog_tier {
	TIER_EXPLICIT, /* --preset, --preset-dir */
	TIER_USER,     /* $XDG_CONFIG_HOME/isoflop */
	TIER_SHARE,    /* installed share directory */
	TIER_BESIDE,   /* presets/ beside the binary */
};

struct catalog_entry {
	struct preset preset;
	enum catalog_tier tier;
	char overrides[1024]; /* file of the shipped preset this one hides, or "" */
};

/* A user file that did not load, with its one-line error. */
struct catalog_broken {
	char file[1024];
	char error[PRESET_ERR_MAX];
};

struct catalog {
	struct catalog_entry *laws; /* sorted by id */
	size_t nlaws;
	struct catalog_entry *models; /* sorted by release date, then id */
	size_t nmodels;
	struct catalog_entry *accelerators; /* sorted by id */
	size_t naccelerators;
	struct catalog_entry *stocks; /* sorted by id */
	size_t nstocks;
	struct catalog_entry *trends; /* sorted by id */
	size_t ntrends;
	struct catalog_entry *testtimes; /* test-time laws, sorted by id */
	size_t ntesttimes;
	struct catalog_entry *downstreams; /* loss-to-error maps, sorted by id */
	size_t ndownstreams;
	struct catalog_broken *broken;
	size_t nbroken;
};

struct catalog_options {
	const char *const *files; /* --preset FILE, in order */
	size_t nfiles;
	const char *const *dirs; /* --preset-dir DIR, in order */
	size_t ndirs;
	const char *config_dir; /* $XDG_CONFIG_HOME/isoflop, or NULL */
	const char *share_dir;  /* installed presets, or NULL */
	const char *beside_dir; /* presets/ beside the binary, or NULL */
};

/*
 * Load the catalog. Returns -1 with a one-line message in err on a fatal
 * error (a bad --preset file, an unreadable --preset-dir, out of memory).
 */
int catalog_load(struct catalog *cat, const struct catalog_options *opt, char *err, size_t errsize);

/*
 * Add a law made at run time (a fit of the user's runs), keeping the laws
 * sorted. Returns its index, or -1 if the id is taken or memory runs out.
 */
int catalog_add_law(struct catalog *cat, const struct preset *p);

const struct catalog_entry *catalog_law(const struct catalog *cat, const char *id);

/* The law id nearest a mistyped one, when one is near enough to suggest; else NULL. */
const char *catalog_law_nearest(const struct catalog *cat, const char *id);
const struct catalog_entry *catalog_model(const struct catalog *cat, const char *id);
const struct catalog_entry *catalog_accelerator(const struct catalog *cat, const char *id);
const struct catalog_entry *catalog_stock(const struct catalog *cat, const char *id);
const struct catalog_entry *catalog_trend(const struct catalog *cat, const char *id);
const struct catalog_entry *catalog_testtime(const struct catalog *cat, const char *id);
const struct catalog_entry *catalog_downstream(const struct catalog *cat, const char *id);

void catalog_free(struct catalog *cat);

#endif
