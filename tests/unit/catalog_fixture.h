/*
 * catalog_fixture.h: the shipped presets loaded through the real catalog
 * as one test file's group fixture (`cat`, load_catalog, free_catalog).
 * Include it once. By default the presets load as a user's directory;
 * define CATALOG_FIXTURE_BESIDE first to load them as installed beside the
 * binary, the tier "all" ranks as shipped; define CATALOG_FIXTURE_EXTRA_DIR
 * to a directory to load it too, after the presets (test files of a kind).
 */
#ifndef ISOFLOP_CATALOG_FIXTURE_H
#define ISOFLOP_CATALOG_FIXTURE_H

#include "../../presets/catalog.h"
#include "fixtures.h"

static struct catalog cat;

static int load_catalog(void **state)
{
#ifdef CATALOG_FIXTURE_BESIDE
	struct catalog_options opt = {.beside_dir = "presets"};
#elif defined(CATALOG_FIXTURE_EXTRA_DIR)
	static const char *const dirs[] = {"presets", CATALOG_FIXTURE_EXTRA_DIR};
	struct catalog_options opt = {.dirs = dirs, .ndirs = 2};
#else
	static const char *const dirs[] = {"presets"};
	struct catalog_options opt = {.dirs = dirs, .ndirs = 1};
#endif
	char err[512];

	(void)state;
	if (catalog_load(&cat, &opt, err, sizeof err) != 0) {
		print_error("%s\n", err);
		return -1;
	}
	return 0;
}

static int free_catalog(void **state)
{
	(void)state;
	catalog_free(&cat);
	return 0;
}

#endif
