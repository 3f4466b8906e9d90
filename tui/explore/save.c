/*
 * save.c: an edited law saved as a law preset file beside the user's other
 * presets, for `--law ID` to load it next time.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "../../presets/write.h"
#include "save.h"

int save_make_dirs(const char *dir)
{
	char path[4096];

	snprintf(path, sizeof path, "%s", dir);
	for (char *p = path + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(path, 0777) != 0 && errno != EEXIST)
			return -1;
		*p = '/';
	}
	return mkdir(path, 0777) != 0 && errno != EEXIST ? -1 : 0;
}

static void write_edited(FILE *fp, const void *ctx)
{
	preset_write_law(fp, ctx, "Saved from the isoflop explorer (e, then s).");
}

int save_law(const struct catalog *cat, const struct preset *from, const struct law *law,
             const char *dir, const char *id, char *msg, size_t msgsize)
{
	struct preset p;
	char path[4200], name[sizeof p.name], source[sizeof p.source];

	if (!preset_id_valid(id)) {
		snprintf(msg, msgsize,
		         "'%.40s' is not an id: lowercase letters, digits, '.' and '-'", id);
		return -1;
	}
	if (!dir[0]) {
		snprintf(msg, msgsize, "nowhere to save: set HOME or XDG_CONFIG_HOME");
		return -1;
	}
	/* a user preset takes precedence: under a known id it would replace that law */
	if (catalog_law(cat, id) != NULL) {
		snprintf(msg, msgsize,
		         "'%s' is a law already; saved under its id the edit would replace it", id);
		return -1;
	}
	snprintf(name, sizeof name, "%.100s, edited", from->name);
	snprintf(source, sizeof source, "edited in the isoflop explorer from %s (%.500s)", from->id,
	         from->source);
	preset_of_law(&p, from, law, &(struct law_origin){id, name, source, NULL});
	snprintf(path, sizeof path, "%s/%s.yaml", dir, id);
	if (save_make_dirs(dir) != 0 || write_file_atomic(path, false, write_edited, &p) != 0) {
		/* what went wrong first: a long path would push it off an 80-column line */
		snprintf(msg, msgsize, "%s not saved: %s (%.120s)", id, strerror(errno), path);
		return -1;
	}
	snprintf(msg, msgsize, "saved as --law %s: %.120s", id, path);
	return 0;
}
