/*
 * catalog.c: the preset search path, ids, overrides and broken user files.
 *
 * Tiers load from the highest priority down; an id already taken by a higher
 * tier is skipped (and the winner remembers whom it overrides, so `presets`
 * can say so). Two files with one id in the same tier are an error in the
 * second one.
 */
#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "catalog.h"
#include "text.h"

/* snprintf for messages, where truncating a long path is fine. */
static void say(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, size, fmt, ap);
	va_end(ap);
}

static int append(void **items, size_t *count, size_t size, const void *item)
{
	void *grown = realloc(*items, (*count + 1) * size);

	if (grown == NULL)
		return -1;
	*items = grown;
	memcpy((char *)grown + *count * size, item, size);
	(*count)++;
	return 0;
}

static struct catalog_entry *find(struct catalog_entry *items, size_t n, const char *id)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(items[i].preset.id, id) == 0)
			return &items[i];
	return NULL;
}

static int add_broken(struct catalog *cat, const char *file, const char *error)
{
	struct catalog_broken b;

	say(b.file, sizeof b.file, "%s", file);
	say(b.error, sizeof b.error, "%s", error);
	return append((void **)&cat->broken, &cat->nbroken, sizeof b, &b);
}

/*
 * A law's paper_frontier must name a frontier law of the catalog, which the
 * loader of one file cannot know. Like any other error in a preset: fatal in
 * a file named with --preset or --preset-dir (-1 and err), else the law is
 * listed as broken and skipped, so that no map silently draws nothing.
 */
static int check_paper_frontiers(struct catalog *cat, char *err, size_t errsize)
{
	for (size_t i = 0; i < cat->nlaws;) {
		struct catalog_entry *e = &cat->laws[i];
		const char *id = e->preset.paper_frontier;
		const struct catalog_entry *f = id[0] ? find(cat->laws, cat->nlaws, id) : NULL;
		char msg[PRESET_ERR_MAX];
		if (!id[0] || (f != NULL && f->preset.law.family == LAW_FRONTIER)) {
			i++;
			continue;
		}
		say(msg, sizeof msg, "%s:%d:%d: paper_frontier '%s' is %s", e->preset.file,
		    e->preset.line, e->preset.col, id,
		    f == NULL ? "no law here" : "not a frontier law");
		if (e->tier == TIER_EXPLICIT) {
			say(err, errsize, "%s", msg);
			return -1;
		}
		if (add_broken(cat, e->preset.file, msg) != 0)
			return -1;
		memmove(e, e + 1, sizeof *e * (cat->nlaws - i - 1));
		cat->nlaws--;
	}
	return 0;
}

/* The list that holds presets of a kind. */
static void kind_list(struct catalog *cat, enum preset_kind kind, struct catalog_entry ***items,
                      size_t **count)
{
	switch (kind) {
	case PRESET_LAW:
		*items = &cat->laws, *count = &cat->nlaws;
		break;
	case PRESET_MODEL:
		*items = &cat->models, *count = &cat->nmodels;
		break;
	case PRESET_STOCK:
		*items = &cat->stocks, *count = &cat->nstocks;
		break;
	case PRESET_TREND:
		*items = &cat->trends, *count = &cat->ntrends;
		break;
	case PRESET_TESTTIME:
		*items = &cat->testtimes, *count = &cat->ntesttimes;
		break;
	case PRESET_DOWNSTREAM:
		*items = &cat->downstreams, *count = &cat->ndownstreams;
		break;
	default:
		*items = &cat->accelerators, *count = &cat->naccelerators;
		break;
	}
}

/*
 * Add one parsed preset of a tier. A clash in the same tier is an error
 * (written to err); a clash with a higher tier is an override, recorded on
 * the winner when the loser is shipped.
 */
static int add_preset(struct catalog *cat, const struct preset *p, enum catalog_tier tier,
                      char *err, size_t errsize)
{
	struct catalog_entry **items;
	size_t *count;
	kind_list(cat, p->kind, &items, &count);
	struct catalog_entry *old = find(*items, *count, p->id);

	if (old != NULL && old->tier == tier) {
		say(err, errsize, "%s:%d:%d: duplicate id '%s' (also in %s:%d)", p->file, p->line,
		    p->col, p->id, old->preset.file, old->preset.line);
		return 1;
	}
	if (old != NULL) {
		if (tier >= TIER_SHARE && old->tier < TIER_SHARE && old->overrides[0] == '\0')
			say(old->overrides, sizeof old->overrides, "%s", p->file);
		return 0;
	}
	struct catalog_entry e = {.tier = tier};
	e.preset = *p;
	return append((void **)items, count, sizeof e, &e) < 0 ? -1 : 0;
}

/*
 * Load one file into the catalog: one named by the user, or one `listed` in
 * a directory. Explicit files fail hard; others are recorded as broken.
 * Returns -1 on a fatal error.
 */
static int load_file(struct catalog *cat, const char *path, bool listed, enum preset_kind want,
                     enum catalog_tier tier, char *err, size_t errsize)
{
	struct preset *p = malloc(sizeof *p);
	char msg[PRESET_ERR_MAX] = "";
	int rc;

	if (p == NULL) {
		snprintf(err, errsize, "out of memory");
		return -1;
	}
	/* a listed file may be a FIFO or a device: read regular files only */
	rc = listed ? preset_load_listed(path, want, p, msg, sizeof msg)
	            : preset_load(path, want, p, msg, sizeof msg);
	if (rc == 0)
		rc = add_preset(cat, p, tier, msg, sizeof msg);
	free(p);
	if (rc < 0 && msg[0] == '\0')
		snprintf(msg, sizeof msg, "out of memory");
	if (rc == 0)
		return 0;
	if (tier == TIER_EXPLICIT) {
		say(err, errsize, "%s", msg);
		return -1;
	}
	return add_broken(cat, path, msg);
}

static int yaml_name(const struct dirent *d)
{
	size_t n = strlen(d->d_name);

	if (d->d_name[0] == '.')
		return 0;
	return (n > 5 && strcmp(d->d_name + n - 5, ".yaml") == 0) ||
	       (n > 4 && strcmp(d->d_name + n - 4, ".yml") == 0);
}

/* Load DIR/SUB/NAME.yaml in name order. A missing directory is fine unless explicit. */
static int load_dir(struct catalog *cat, const char *dir, const char *sub, enum preset_kind want,
                    enum catalog_tier tier, char *err, size_t errsize)
{
	char path[2048];
	struct dirent **names;
	int n;

	if (snprintf(path, sizeof path, "%s/%s", dir, sub) >= (int)sizeof path)
		return 0;
	n = scandir(path, &names, yaml_name, alphasort);
	if (n < 0)
		return 0;
	int rc = 0;
	for (int i = 0; i < n; i++) {
		char file[2048];
		bool fits = snprintf(file, sizeof file, "%s/%s", path, names[i]->d_name) <
		            (int)sizeof file;
		if (rc == 0 && fits)
			rc = load_file(cat, file, true, want, tier, err, errsize);
		free(names[i]);
	}
	free(names);
	return rc;
}

static int load_tier_dir(struct catalog *cat, const char *dir, enum catalog_tier tier, char *err,
                         size_t errsize)
{
	if (dir == NULL)
		return 0;
	if (load_dir(cat, dir, "laws", PRESET_LAW, tier, err, errsize) < 0 ||
	    load_dir(cat, dir, "models", PRESET_MODEL, tier, err, errsize) < 0 ||
	    load_dir(cat, dir, "accelerators", PRESET_ACCELERATOR, tier, err, errsize) < 0 ||
	    load_dir(cat, dir, "stocks", PRESET_STOCK, tier, err, errsize) < 0 ||
	    load_dir(cat, dir, "trends", PRESET_TREND, tier, err, errsize) < 0 ||
	    load_dir(cat, dir, "downstream", PRESET_DOWNSTREAM, tier, err, errsize) < 0)
		return -1;
	return load_dir(cat, dir, "testtime", PRESET_TESTTIME, tier, err, errsize);
}

static int by_id(const void *a, const void *b)
{
	return strcmp(((const struct catalog_entry *)a)->preset.id,
	              ((const struct catalog_entry *)b)->preset.id);
}

static int by_release(const void *a, const void *b)
{
	const struct preset *x = &((const struct catalog_entry *)a)->preset;
	const struct preset *y = &((const struct catalog_entry *)b)->preset;
	int c = strcmp(x->released, y->released);

	return c != 0 ? c : strcmp(x->id, y->id);
}

int catalog_load(struct catalog *cat, const struct catalog_options *opt, char *err, size_t errsize)
{
	memset(cat, 0, sizeof *cat);
	err[0] = '\0';

	for (size_t i = 0; i < opt->nfiles; i++)
		if (load_file(cat, opt->files[i], false, PRESET_ANY, TIER_EXPLICIT, err, errsize) <
		    0)
			goto fail;
	for (size_t i = 0; i < opt->ndirs; i++) {
		DIR *d = opendir(opt->dirs[i]);
		if (d == NULL) {
			say(err, errsize, "%s: cannot open preset directory: %s", opt->dirs[i],
			    strerror(errno));
			goto fail;
		}
		closedir(d);
		if (load_tier_dir(cat, opt->dirs[i], TIER_EXPLICIT, err, errsize) < 0)
			goto fail;
	}
	if (load_tier_dir(cat, opt->config_dir, TIER_USER, err, errsize) < 0 ||
	    load_tier_dir(cat, opt->share_dir, TIER_SHARE, err, errsize) < 0 ||
	    load_tier_dir(cat, opt->beside_dir, TIER_BESIDE, err, errsize) < 0)
		goto fail;
	if (cat->nlaws > 0)
		qsort(cat->laws, cat->nlaws, sizeof *cat->laws, by_id);
	if (cat->nmodels > 0)
		qsort(cat->models, cat->nmodels, sizeof *cat->models, by_release);
	if (cat->naccelerators > 0)
		qsort(cat->accelerators, cat->naccelerators, sizeof *cat->accelerators, by_id);
	if (cat->nstocks > 0)
		qsort(cat->stocks, cat->nstocks, sizeof *cat->stocks, by_id);
	if (cat->ntrends > 0)
		qsort(cat->trends, cat->ntrends, sizeof *cat->trends, by_id);
	if (cat->ntesttimes > 0)
		qsort(cat->testtimes, cat->ntesttimes, sizeof *cat->testtimes, by_id);
	if (cat->ndownstreams > 0)
		qsort(cat->downstreams, cat->ndownstreams, sizeof *cat->downstreams, by_id);
	if (check_paper_frontiers(cat, err, errsize) != 0)
		goto fail;
	return 0;
fail:
	if (err[0] == '\0')
		snprintf(err, errsize, "out of memory");
	catalog_free(cat);
	return -1;
}

int catalog_add_law(struct catalog *cat, const struct preset *p)
{
	struct catalog_entry e = {.tier = TIER_EXPLICIT};

	if (find(cat->laws, cat->nlaws, p->id) != NULL)
		return -1;
	e.preset = *p;
	if (append((void **)&cat->laws, &cat->nlaws, sizeof e, &e) < 0)
		return -1;
	qsort(cat->laws, cat->nlaws, sizeof *cat->laws, by_id);
	return (int)(find(cat->laws, cat->nlaws, p->id) - cat->laws);
}

const struct catalog_entry *catalog_law(const struct catalog *cat, const char *id)
{
	return find(cat->laws, cat->nlaws, id);
}

const struct catalog_entry *catalog_model(const struct catalog *cat, const char *id)
{
	return find(cat->models, cat->nmodels, id);
}

const struct catalog_entry *catalog_accelerator(const struct catalog *cat, const char *id)
{
	return find(cat->accelerators, cat->naccelerators, id);
}

const struct catalog_entry *catalog_stock(const struct catalog *cat, const char *id)
{
	return find(cat->stocks, cat->nstocks, id);
}

const struct catalog_entry *catalog_trend(const struct catalog *cat, const char *id)
{
	return find(cat->trends, cat->ntrends, id);
}

const struct catalog_entry *catalog_testtime(const struct catalog *cat, const char *id)
{
	return find(cat->testtimes, cat->ntesttimes, id);
}

const struct catalog_entry *catalog_downstream(const struct catalog *cat, const char *id)
{
	return find(cat->downstreams, cat->ndownstreams, id);
}

void catalog_free(struct catalog *cat)
{
	free(cat->downstreams);
	free(cat->laws);
	free(cat->models);
	free(cat->accelerators);
	free(cat->stocks);
	free(cat->trends);
	free(cat->testtimes);
	free(cat->broken);
	memset(cat, 0, sizeof *cat);
}

const char *catalog_law_nearest(const struct catalog *cat, const char *id)
{
	const char *best = NULL;
	size_t best_d = SIZE_MAX;

	for (size_t i = 0; i < cat->nlaws; i++) {
		const char *name = cat->laws[i].preset.id;
		size_t d = text_edit_distance(id, name);
		if (d < best_d && text_near(id, name))
			best_d = d, best = name;
	}
	/* a family's name without its year ("kaplan"): the shortest id it begins */
	const char *prefix = NULL;
	for (size_t i = 0; best == NULL && strlen(id) >= 3 && i < cat->nlaws; i++) {
		const char *name = cat->laws[i].preset.id;
		if (strncmp(name, id, strlen(id)) == 0 &&
		    (prefix == NULL || strlen(name) < strlen(prefix)))
			prefix = name;
	}
	return best != NULL ? best : prefix;
}
