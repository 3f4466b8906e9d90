/*
 * main.c: option parsing and subcommand dispatch. Thin on purpose: the
 * commands live in cmd_*.c, the numbers in model/, the presets in presets/.
 */
#include <errno.h>
#include <getopt.h>
#include <libgen.h>
#include <limits.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <gsl/gsl_errno.h>

#include "../../presets/text.h"
#include "cli.h"
#include "options.h"

/*
 * The exit status once standard output is flushed: a write that failed (a
 * full disk, a closed pipe's reader gone with SIGPIPE ignored) is one line
 * and status 2, unless the command already failed and said why.
 */
static int stdout_status(int rc)
{
	/* errno is the failed write's: a write inside a long fputs, or this flush */
	if (fflush(stdout) == 0 && !ferror(stdout))
		return rc;
	if (rc != 0)
		return rc;
	return cli_error("standard output: %s", strerror(errno ? errno : EIO));
}

/* The directory of the running binary, for presets/ beside it. */
static int exe_dir(const char *argv0, char *buf, size_t size)
{
	char path[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", path, sizeof path - 1);

	if (n > 0) {
		path[n] = '\0';
	} else if (strchr(argv0, '/') != NULL && realpath(argv0, path) != NULL) {
		/* no /proc: fall back to argv[0] */
	} else {
		return -1;
	}
	snprintf(buf, size, "%s", dirname(path));
	return 0;
}

/*
 * "unknown option '--metod'" with the nearest option or command when one is
 * near ("did you mean '--method'?"): what = "option" or "command".
 */
static int unknown_word(const char *what, const char *typed)
{
	bool option = strcmp(what, "option") == 0;
	const char *word = typed + (option ? strspn(typed, "-") : 0), *near = NULL;
	size_t len = strcspn(word, "="); /* --metod=isoflop: the name */
	char name[64];

	snprintf(name, sizeof name, "%.*s", (int)(len < 63 ? len : 63), word);
	size_t count = option ? cli_noptions : cli_ncommands, best = SIZE_MAX;
	for (size_t i = 0; i < count; i++) { /* the nearest, as catalog_law_nearest */
		const char *cand = option ? cli_options[i].name : cli_commands[i].name;
		size_t d = text_edit_distance(name, cand);
		if (d < best && text_near(name, cand))
			best = d, near = cand;
	}
	if (near != NULL)
		return cli_error("unknown %s '%s' (did you mean '%s%s'? see isoflop --help)", what,
		                 typed, option ? "--" : "", near);
	return cli_error("unknown %s '%s' (see isoflop --help)", what, typed);
}

/* A row of the option table stands for c: run its action, or parse its value. */
static int take_option(int c, char **argv, struct cli *cli)
{
	const struct cli_option *o = options_find(c);

	if (c == ':')
		return cli_error("%s needs a value", argv[optind - 1]);
	if (o == NULL)
		return unknown_word("option", argv[optind - 1]);
	if (o->kind == KIND_ACTION) {
		o->action();
		exit(stdout_status(0));
	}
	return options_parse(o, optarg, cli);
}

static int parse_options(int argc, char **argv, struct cli *cli)
{
	struct option longs[CLI_MAX_OPTIONS + 1];
	char shorts[16];
	int c, rc;

	options_getopt(longs, shorts, sizeof shorts);
	opterr = 0;
	while ((c = getopt_long(argc, argv, shorts, longs, NULL)) != -1)
		if ((rc = take_option(c, argv, cli)) != 0)
			return rc;
	cli->model = cli->nmodels > 0 ? cli->models[0] : NULL;
	cli->args = (const char *const *)argv + optind;
	cli->nargs = argc - optind;
	return 0;
}

static int load_catalog(struct cli *cli, struct catalog *catalog, const char *argv0)
{
	char config[PATH_MAX], beside[PATH_MAX], err[PRESET_ERR_MAX];
	const char *xdg = getenv("XDG_CONFIG_HOME"), *home = getenv("HOME");
	struct catalog_options opt = {
	        .files = cli->presets,
	        .nfiles = (size_t)cli->npresets,
	        .dirs = cli->preset_dirs,
	        .ndirs = (size_t)cli->npreset_dirs,
	        .share_dir = ISOFLOP_SHARE_DIR,
	};

	/* XDG Base Directory: a relative $XDG_CONFIG_HOME is invalid and ignored */
	if (xdg != NULL && xdg[0] == '/')
		snprintf(config, sizeof config, "%s/isoflop", xdg);
	else if (home != NULL && home[0] != '\0')
		snprintf(config, sizeof config, "%s/.config/isoflop", home);
	else
		config[0] = '\0';
	opt.config_dir = config[0] ? config : NULL;
	if (config[0]) {
		snprintf(cli->config_dir_buf, sizeof cli->config_dir_buf, "%s", config);
		cli->config_dir = cli->config_dir_buf;
	}
	char dir[PATH_MAX], relative[PATH_MAX];
	struct stat st;
	if (exe_dir(argv0, dir, sizeof dir) == 0) {
		snprintf(beside, sizeof beside, "%.*s/presets", PATH_MAX - 16, dir);
		opt.beside_dir = beside;
		/*
		 * An install moved as a whole (a DESTDIR staging tree, a relocated
		 * prefix) finds its presets at BIN/../share/isoflop when the
		 * compiled-in share directory is not there.
		 */
		snprintf(relative, sizeof relative, "%.*s/../share/isoflop", PATH_MAX - 32, dir);
		if (stat(ISOFLOP_SHARE_DIR, &st) != 0 && stat(relative, &st) == 0)
			opt.share_dir = relative;
	}
	/* tours live in the tours/ folder of the same directories */
	const char *tour_roots[3] = {opt.config_dir, opt.share_dir, opt.beside_dir};
	for (int i = 0; i < 3; i++)
		if (tour_roots[i] != NULL) {
			snprintf(cli->tour_dir_buf[i], sizeof cli->tour_dir_buf[i], "%s",
			         tour_roots[i]);
			cli->tour_dirs[i] = cli->tour_dir_buf[i];
		}
	if (catalog_load(catalog, &opt, err, sizeof err) < 0) {
		fprintf(stderr, "%s\n", err);
		return EXIT_USAGE;
	}
	return 0;
}

/* The command named, its options checked against its entry, run. */
static int run_command(const char *name, struct cli *cli, const char *argv0)
{
	const struct cli_command *c = commands_named(name);
	struct catalog catalog;
	char operands[128];
	int rc;

	if (c == NULL)
		return unknown_word("command", name);
	if ((rc = load_catalog(cli, &catalog, argv0)) != 0)
		return rc;
	cli->catalog = &catalog;
	if (strcmp(name, "presets") != 0)
		for (size_t j = 0; j < catalog.nbroken; j++)
			fprintf(stderr, "isoflop: warning: %s (preset skipped)\n",
			        catalog.broken[j].error);
	/* plot takes exactly one operand, its kind of picture */
	const struct cli_command *entry =
	        commands_with_operand(c, cli->nargs == 1 ? cli->args[0] : NULL);
	if (entry == NULL) {
		commands_operands(c, operands, sizeof operands);
		rc = cli_error("%s: expected %s%s%s%s", name, operands,
		               cli->nargs > 0 ? ", not '" : "", cli->nargs > 0 ? cli->args[0] : "",
		               cli->nargs > 0 ? "'" : "");
	} else if ((rc = options_check(cli, entry)) == 0) {
		rc = entry->run(cli);
	}
	catalog_free(&catalog);
	return stdout_status(rc);
}

int main(int argc, char **argv)
{
	struct cli cli = {.format = FORMAT_TEXT};
	const char *name = NULL;
	int rc;

	gsl_set_error_handler_off(); /* GSL must never abort(): every status is checked */

	/* the subcommand is the first operand; options may come before or after it */
	if (argc > 1 && argv[1][0] != '-') {
		name = argv[1];
		argv[1] = argv[0];
		argv++;
		argc--;
	}
	if ((rc = parse_options(argc, argv, &cli)) != 0)
		return rc;
	if (name == NULL && cli.nargs > 0) { /* isoflop --format csv loss ... */
		name = cli.args[0];
		cli.args++;
		cli.nargs--;
	}
	cli.explicit_presets = cli.npresets > 0 || cli.npreset_dirs > 0;
	/* no command: the explorer */
	return run_command(name != NULL ? name : "explore", &cli, argv[0]);
}
