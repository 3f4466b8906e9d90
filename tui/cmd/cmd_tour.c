/*
 * cmd_tour.c: `isoflop tour --dump ID|FILE DIR`: one text frame per step of
 * a tour, DIR/step-01.txt and on, for slides and handouts. Nothing a user
 * wrote is overwritten unless --force says so, and never a directory, FIFO,
 * device or socket. Every frame goes to its own temporary first
 * (presets/write.h), and only when all are on disk do they take their
 * names: a full disk leaves no partial set. The renames themselves are one
 * at a time; a name taken in between stops them, and those done stay done.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../../presets/write.h"
#include "../explore/app.h"
#include "../explore/tour_play.h"
#include "cli.h"
#include "runs_law.h"
#include "../explore/explorer.h"

static void write_canvas(FILE *fp, const void *c)
{
	canvas_print(c, fp, false);
}

/* Whether path may take a frame: nothing there, or with --force a file or a symlink. */
static int frame_target_check(const char *path, bool force)
{
	const char *what;

	if (write_may_take(path, force, &what) == 0)
		return 0;
	if (what != NULL)
		return cli_error("%s is %s, not a regular file: not replaced", path, what);
	return cli_error("%s exists (--force overwrites)", path);
}

/* DIR made if missing; made says whether this run made it (to remove it again on failure). */
static int frames_dir(const char *dir, bool *made)
{
	struct stat st;

	*made = mkdir(dir, 0777) == 0;
	if (*made)
		return 0;
	if (errno != EEXIST)
		return cli_error("%s: %s", dir, strerror(errno));
	if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode))
		return cli_error("%s exists and is not a directory", dir);
	return 0;
}

/*
 * Give every written frame its name. On a failure without --force the frames
 * already named are removed again; with it they have replaced the old ones.
 */
static int commit_frames(struct write_temp *t, int n, bool force)
{
	int i;

	if (write_temps_commit(t, n, force, &i) == 0)
		return 0;
	int err = errno;
	const char *what = write_unreplaceable(t[i].path);
	if (what != NULL)
		return cli_error("%s is %s, not a regular file: not replaced", t[i].path, what);
	return cli_error("%s: %s%s", t[i].path, strerror(err),
	                 err == EEXIST && !force ? " (--force overwrites)" : "");
}

/* The tour being dumped (150 KB with its notes: not on the stack). */
static struct tour tour;

/*
 * The runs the tour is played with (its runs:, or --runs), read and fitted
 * as the explorer does (runs_law.h), and --bootstrap's draws; nothing
 * without runs. 0 or EXIT_USAGE.
 */
static int load_runs(const struct cli *cli, struct runs_law *runs, struct law **draws, int *n)
{
	int rc;

	if ((rc = runs_law_options_check(cli)) != 0)
		return rc;
	if (cli->runs == NULL)
		return 0;
	if (strcmp(cli->runs, "-") == 0)
		return cli_error("tour --dump: --runs takes a file here, not -");
	if ((rc = runs_law_load(cli, "draw", runs)) != 0)
		return rc;
	if ((rc = runs_law_bootstrap(cli, runs, draws, n)) != 0) {
		free(runs->runs);
		runs->runs = NULL;
	}
	return rc;
}

static int dump_tour(const struct cli *cli, const char *dir, const struct runs_law *runs,
                     const struct law *draws, int ndraws);

int cmd_tour(const struct cli *cli)
{
	int rc;

	if (!cli->dump || cli->nargs != 2)
		return cli_error(
		        "usage: isoflop tour --dump ID|FILE DIR [--force] (to play a tour: "
		        "isoflop --tour ID)");
	const char *dir = cli->args[1];
	if ((rc = cli_load_tour(cli, cli->args[0], &tour)) != 0)
		return rc;
	static struct cli played; /* with the tour's runs: as if given */
	runs_law_with_tour(cli, &tour, &played);
	struct runs_law runs = {0};
	struct law *draws = NULL;
	int ndraws = 0;
	if ((rc = load_runs(&played, &runs, &draws, &ndraws)) != 0)
		return rc;
	rc = dump_tour(&played, dir, &runs, draws, ndraws);
	free(runs.runs);
	free(draws);
	return rc;
}

/* The frames of the loaded tour into dir, played with runs (law 'runs' and its draws). */
static int dump_tour(const struct cli *cli, const char *dir, const struct runs_law *runs,
                     const struct law *draws, int ndraws)
{
	static struct write_temp temps[TOUR_MAX_STEPS];
	struct explorer e;
	struct canvas c;
	struct app a;
	char err[1024], path[4200];
	int rc;

	const struct catalog_entry *law = catalog_law(cli->catalog, CLI_DEFAULT_LAW);
	if (law == NULL)
		return cli_error("the default law %s is missing", CLI_DEFAULT_LAW);
	app_init(&a, cli->catalog, (size_t)(law - cli->catalog->laws));
	if (cli->runs != NULL) { /* as the explorer shows them: cmd_explore.c */
		size_t fitted = (size_t)(catalog_law(cli->catalog, runs->id) - cli->catalog->laws);
		app_set_runs(&a, runs->runs, runs->n);
		app_set_runs_from(&a, &(struct app_runs_from){
		                              cli->runs, draws != NULL ? cli->bootstrap : 0,
		                              (cli->given & OPT_SEED) ? cli->seed : -1, fitted});
		if (draws != NULL)
			app_set_draws(&a, draws, ndraws, fitted);
	}
	if (tour_play_start(&a, &tour, err, sizeof err) != 0) {
		fprintf(stderr, "%s\n", err);
		return EXIT_USAGE;
	}
	bool made;
	if ((rc = frames_dir(dir, &made)) != 0)
		return rc;
	/* refuse before writing anything: no half-written set of slides */
	for (int i = 0; i < tour.nsteps && rc == 0; i++) {
		snprintf(path, sizeof path, "%s/step-%02d.txt", dir, i + 1);
		rc = frame_target_check(path, cli->force);
	}
	if (rc != 0) {
		if (made)
			rmdir(dir);
		return rc;
	}
	explorer_init(&e);
	if (canvas_init(&c, cli->width ? cli->width : 80, cli->height ? cli->height : 24) != 0)
		return cli_error("out of memory");
	int written = 0;
	for (int i = 0; i < tour.nsteps && rc == 0; i++) {
		tour_play_show(&a, i);
		snprintf(path, sizeof path, "%s/step-%02d.txt", dir, i + 1);
		if (explorer_frame(&e, &a, &c) != 0)
			rc = cli_error("out of memory");
		else if (write_temp_create(&temps[i], path, write_canvas, &c) != 0)
			rc = cli_error("%s: %s", path, strerror(errno));
		else
			written++;
	}
	if (rc == 0)
		rc = commit_frames(temps, written, cli->force);
	for (int i = 0; i < written; i++)
		write_temp_discard(&temps[i]);
	if (rc != 0 && made)
		rmdir(dir); /* fails, as it should, if the frames were not ours to remove */
	canvas_free(&c);
	explorer_free(&e);
	if (rc == 0)
		printf("%d frame%s of '%s' in %s\n", tour.nsteps, tour.nsteps == 1 ? "" : "s",
		       tour.title, dir);
	return rc;
}
