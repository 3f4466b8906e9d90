/*
 * cmd_tour.c: `isoflop tour --dump ID|FILE DIR`: one text frame per step of
 * a tour, DIR/step-01.txt and on, for slides and handouts. Nothing a user
 * wrote is overwritten unless --force says so; with it, each file is
 * replaced atomically (written beside, then renamed).
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "app.h"
#include "cli.h"
#include "explorer.h"

static int write_frame(const char *path, const struct canvas *c, bool force)
{
	char tmp[4300];
	FILE *fp;

	if (!force) {
		/* "x": fail if it exists, so two runs never race into one file */
		fp = fopen(path, "wx");
		if (fp == NULL)
			return cli_error("%s: %s%s", path, strerror(errno),
			                 errno == EEXIST ? " (--force overwrites)" : "");
	} else {
		snprintf(tmp, sizeof tmp, "%.4200s.tmp", path);
		fp = fopen(tmp, "w");
		if (fp == NULL)
			return cli_error("%s: %s", tmp, strerror(errno));
	}
	canvas_print(c, fp, false);
	if (fclose(fp) != 0)
		return cli_error("%s: %s", force ? tmp : path, strerror(errno));
	if (force && rename(tmp, path) != 0)
		return cli_error("%s: %s", path, strerror(errno));
	return 0;
}

int cmd_tour(struct cli *cli)
{
	static struct tour tour;
	struct explorer e;
	struct canvas c;
	struct app a;
	char err[1024], path[4200];
	int rc;

	if ((rc = cli_check_options(cli, "tour", OPT_DUMP | OPT_FORCE | OPT_WIDTH | OPT_HEIGHT)) !=
	    0)
		return rc;
	if (!cli->dump || cli->nargs != 2)
		return cli_error(
		        "usage: isoflop tour --dump ID|FILE DIR [--force] (to play a tour: "
		        "isoflop --tour ID)");
	const char *dir = cli->args[1];
	if ((rc = cli_load_tour(cli, cli->args[0], &tour)) != 0)
		return rc;
	const struct catalog_entry *law = catalog_law(&cli->catalog, CLI_DEFAULT_LAW);
	if (law == NULL)
		return cli_error("the default law %s is missing", CLI_DEFAULT_LAW);
	app_init(&a, &cli->catalog, (size_t)(law - cli->catalog.laws));
	if (app_tour_start(&a, &tour, err, sizeof err) != 0) {
		fprintf(stderr, "%s\n", err);
		return EXIT_USAGE;
	}
	if (mkdir(dir, 0777) != 0 && errno != EEXIST)
		return cli_error("%s: %s", dir, strerror(errno));
	/* refuse before writing anything: no half-written set of slides */
	for (int i = 0; i < tour.nsteps && !cli->force; i++) {
		snprintf(path, sizeof path, "%s/step-%02d.txt", dir, i + 1);
		if (access(path, F_OK) == 0)
			return cli_error("%s exists (--force overwrites)", path);
	}
	explorer_init(&e);
	if (canvas_init(&c, cli->width ? cli->width : 80, cli->height ? cli->height : 24) != 0)
		return cli_error("out of memory");
	for (int i = 0; i < tour.nsteps && rc == 0; i++) {
		app_tour_show(&a, i);
		snprintf(path, sizeof path, "%s/step-%02d.txt", dir, i + 1);
		if (explorer_frame(&e, &a, &c) != 0)
			rc = cli_error("out of memory");
		else
			rc = write_frame(path, &c, cli->force);
	}
	canvas_free(&c);
	explorer_free(&e);
	if (rc == 0)
		printf("%d frames of '%s' in %s\n", tour.nsteps, tour.title, dir);
	return rc;
}
