/*
 * main.c: option parsing and subcommand dispatch. Thin on purpose: the
 * commands live in cmd_*.c, the numbers in model/, the presets in presets/.
 */
#include <errno.h>
#include <getopt.h>
#include <libgen.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <gsl/gsl_errno.h>

#include "../../model/units.h"
#include "cli.h"
#include "../explore/keys.h"

#ifndef ISOFLOP_VERSION
#define ISOFLOP_VERSION "0.1"
#endif
#ifndef ISOFLOP_SHARE_DIR
#define ISOFLOP_SHARE_DIR "/usr/local/share/isoflop"
#endif

static const char usage_text[] =
        "usage: isoflop [--law ID] [--model ID | --params N --tokens D | --compute C]\n"
        "               [--unique-tokens U] [--inference-tokens T] [--larger M]\n"
        "               [--gpu ID --gpus N --mfu F --days D] [--color WHEN] [--unicode]\n"
        "               [--tour ID|FILE] [--runs FILE|-] [--dump [--width W --height H]]\n"
        "       isoflop loss    [--law ID|all] (--params N --tokens D | --model ID)\n"
        "                       [--unique-tokens U]\n"
        "       isoflop optimum [--law ID|all] (--compute C | --loss L)\n"
        "                       [--inference-tokens T] [--unique-tokens U]\n"
        "                       [--gpu ID --mfu F (--gpus N | --days D)]\n"
        "       isoflop optimum [--law ID|all] --gpu ID --mfu F --gpus N --days D\n"
        "       isoflop presets [laws|models|accelerators]\n"
        "       isoflop plot contour  [--law ID] [--width W] [--height H] [--range R]\n"
        "                             [--model ID|all]... [--frontier ID]\n"
        "                             [--compare ID [--delta]] [--inference-tokens T]\n"
        "                             [--unique-tokens U]\n"
        "                             [--params N --tokens D | --compute C]\n"
        "       isoflop plot profiles [--law ID] [--width W] [--height H] [--range R]\n"
        "                             [--compute C] [--params N]\n"
        "       isoflop tour --dump ID|FILE DIR [--force]\n"
        "       isoflop fit FILE|- [--method parametric|isoflop] [--bootstrap N]\n"
        "                   [--seed S] [--exclude-top K] [--at-compute C]\n"
        "                   [--output LAW.yaml|- [--force]]\n"
        "       isoflop test-time (--params N --tokens D | --model ID)\n"
        "                         --inference-tokens T [--larger M]\n"
        "       isoflop --keys | --help | --version\n"
        "\n"
        "Scaling laws at the terminal: the loss of N parameters trained on D tokens,\n"
        "and where a compute budget C = 6ND is best spent.\n"
        "\n"
        "Without a command, the explorer: the loss map and iso-FLOP profiles with linked\n"
        "sliders for N, D and C (isoflop --keys lists its keys); --dump prints its first\n"
        "frame as text instead. Its views add sliders: --inference-tokens (or i) the\n"
        "inference-aware frontier, --unique-tokens (or u) the data wall, --larger (or t)\n"
        "the test-time panel, --gpu/--gpus/--mfu/--days (or g) the hardware; e edits\n"
        "the law's coefficients and s saves them.\n"
        "\n"
        "commands:\n"
        "  loss       loss L(N, D) and compute efficiency under a law\n"
        "  optimum    compute-optimal N, D and loss at a budget, or for a target loss;\n"
        "             with --inference-tokens, the model that is cheapest to train and\n"
        "             serve (Sardana et al. 2023); with --unique-tokens, the best use of\n"
        "             limited data (Muennighoff et al. 2023); with --gpu and --mfu, the\n"
        "             days on --gpus accelerators, the count for --days, or the budget\n"
        "             of both\n"
        "  presets    list the laws, models and accelerators isoflop knows, with their\n"
        "             sources\n"
        "  tour       --dump: one text frame per step of a tour, for slides\n"
        "  fit        fit a law to your runs (CSV: params, loss, tokens or flops):\n"
        "             Chinchilla's Approach 3 from 4,500 starts, or Approach 2\n"
        "  test-time  how much more compute per served token equals, in total FLOPs,\n"
        "             a model M times larger (Snell et al. 2024)\n"
        "  plot       contour: the loss map over N and D with iso-FLOP lines, the\n"
        "             compute-optimal frontier (*) and models; profiles: loss vs N at\n"
        "             fixed compute (the U-curves), as plain text\n"
        "\n";

/* in two parts: C11 promises string literals of 4,095 characters, no more */
static const char usage_options[] =
        "options:\n"
        "  --law ID             law preset (default " CLI_DEFAULT_LAW "); all: every law\n"
        "  --params N           parameters: 70e9, 70B (100 to 1e16; no blanks around)\n"
        "  --tokens D           training tokens: 1.4T (1e3 to 1e18)\n"
        "  --model ID           take N and D from a model preset (gpt3, chinchilla ...);\n"
        "                       plot contour: mark it (repeatable; all: every model)\n"
        "  --compute C          training FLOPs: 5.76e23, or PF-days: 3.64e3pfd (1e10 to\n"
        "                       1e35 FLOPs)\n"
        "  --loss L             target loss in nats per token\n"
        "  --unique-tokens U    unique tokens available (data-constrained laws)\n"
        "  --inference-tokens T tokens served over the model's life\n"
        "  --gpu ID             optimum: the accelerator: h100, tpu-v5p ... (isoflop\n"
        "                       presets accelerators lists them)\n"
        "  --gpus N             optimum: how many accelerators train\n"
        "  --mfu F              optimum: model FLOPs utilisation, 1e-4 to 1 of the peak\n"
        "  --days D             optimum: wall-clock days of training\n"
        "  --format F           text (default), csv or json\n"
        "  --width W, --height H  plot size in characters (default 80x24)\n"
        "  --range R            plot window NLOW:NHIGH,DLOW:DHIGH (10M:10T,100M:100T)\n"
        "  --frontier ID        plot contour: also draw this law's frontier (o)\n"
        "  --compare ID         plot contour: a second law's frontier (o), in the legend;\n"
        "  --delta              with --compare, contours of the difference of the laws\n"
        "  --color WHEN         auto (default), always or never; NO_COLOR is honoured\n"
        "  --preset FILE        load a preset file first (repeatable); with `presets`,\n"
        "                       check it and list what it defines\n"
        "  --preset-dir DIR     load DIR/laws/, DIR/models/ and DIR/accelerators/*.yaml\n"
        "                       (repeatable)\n"
        "  --dump               print the explorer's first frame and exit\n"
        "  --unicode            explorer: draw axes with line-drawing characters\n"
        "  --tour ID|FILE       play a tour for a talk (chinchilla-story ships)\n"
        "  --force              tour --dump, fit --output: replace existing files (never\n"
        "                       a directory, FIFO, device or socket)\n"
        "  --method M           fit: parametric (default) or isoflop\n"
        "  --bootstrap N        fit: N resamples for percentile intervals (default 0)\n"
        "  --seed S             fit: the bootstrap's random seed (default 1)\n"
        "  --exclude-top K      fit: leave out the K highest-loss runs\n"
        "  --at-compute C       fit: the budget N* and D* are reported at (1e24)\n"
        "  --output FILE|-      fit: write the law as a preset (never over a file);\n"
        "                       -: to standard output, without the report\n"
        "  --runs FILE|-        explorer: your runs drawn as x, their fit as law 'runs'\n"
        "  --larger M           test-time: the larger model, M times N (default 2, 4, 14)\n"
        "  --keys               list the explorer's keys\n"
        "  -h, --help           this help\n"
        "  -V, --version        version\n"
        "\n"
        "Numbers take K, M, B (1e9) and T (1e12). Presets are searched in --preset,\n"
        "--preset-dir, $XDG_CONFIG_HOME/isoflop, " ISOFLOP_SHARE_DIR ",\n"
        "presets/ beside the binary. See isoflop(1) and isoflop-presets(5).\n";

enum {
	LONG_PRESET = 256,
	LONG_PRESET_DIR,
	LONG_UNIQUE,
	LONG_INFERENCE,
	LONG_WIDTH,
	LONG_HEIGHT,
	LONG_RANGE,
	LONG_FRONTIER,
	LONG_COLOR,
	LONG_DUMP,
	LONG_KEYS,
	LONG_UNICODE,
	LONG_TOUR,
	LONG_FORCE,
	LONG_METHOD,
	LONG_BOOTSTRAP,
	LONG_SEED,
	LONG_EXCLUDE,
	LONG_OUTPUT,
	LONG_AT_COMPUTE,
	LONG_RUNS,
	LONG_LARGER,
	LONG_COMPARE,
	LONG_DELTA,
	LONG_GPU,
	LONG_GPUS,
	LONG_MFU,
	LONG_DAYS,
};

static const struct option long_options[] = {
        {"law", required_argument, NULL, 'l'},
        {"params", required_argument, NULL, 'n'},
        {"tokens", required_argument, NULL, 'd'},
        {"compute", required_argument, NULL, 'c'},
        {"loss", required_argument, NULL, 'L'},
        {"model", required_argument, NULL, 'm'},
        {"format", required_argument, NULL, 'f'},
        {"unique-tokens", required_argument, NULL, LONG_UNIQUE},
        {"inference-tokens", required_argument, NULL, LONG_INFERENCE},
        {"width", required_argument, NULL, LONG_WIDTH},
        {"height", required_argument, NULL, LONG_HEIGHT},
        {"range", required_argument, NULL, LONG_RANGE},
        {"frontier", required_argument, NULL, LONG_FRONTIER},
        {"color", required_argument, NULL, LONG_COLOR},
        {"dump", no_argument, NULL, LONG_DUMP},
        {"keys", no_argument, NULL, LONG_KEYS},
        {"unicode", no_argument, NULL, LONG_UNICODE},
        {"tour", required_argument, NULL, LONG_TOUR},
        {"force", no_argument, NULL, LONG_FORCE},
        {"method", required_argument, NULL, LONG_METHOD},
        {"bootstrap", required_argument, NULL, LONG_BOOTSTRAP},
        {"seed", required_argument, NULL, LONG_SEED},
        {"exclude-top", required_argument, NULL, LONG_EXCLUDE},
        {"output", required_argument, NULL, LONG_OUTPUT},
        {"at-compute", required_argument, NULL, LONG_AT_COMPUTE},
        {"runs", required_argument, NULL, LONG_RUNS},
        {"larger", required_argument, NULL, LONG_LARGER},
        {"compare", required_argument, NULL, LONG_COMPARE},
        {"delta", no_argument, NULL, LONG_DELTA},
        {"gpu", required_argument, NULL, LONG_GPU},
        {"gpus", required_argument, NULL, LONG_GPUS},
        {"mfu", required_argument, NULL, LONG_MFU},
        {"days", required_argument, NULL, LONG_DAYS},
        {"preset", required_argument, NULL, LONG_PRESET},
        {"preset-dir", required_argument, NULL, LONG_PRESET_DIR},
        {"help", no_argument, NULL, 'h'},
        {"version", no_argument, NULL, 'V'},
        {NULL, 0, NULL, 0},
};

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

/* Numbers and whole numbers: cli.c knows each option's range and the blank rule. */
static int number(const char *option, const char *arg, enum units_kind kind, double *out)
{
	return cli_number(option, arg, kind, out);
}

static int whole(const char *option, const char *arg, long lo, long hi, long *out)
{
	return cli_whole(option, arg, lo, hi, out);
}

/* A picture's width or height: a whole number of cells within [lo, hi]. */
static int size_option(const char *option, const char *arg, int lo, int hi, int *out)
{
	long v;
	int rc = cli_whole(option, arg, lo, hi, &v);

	if (rc == 0)
		*out = (int)v;
	return rc;
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

struct sources {
	const char *files[64];
	size_t nfiles;
	const char *dirs[64];
	size_t ndirs;
};

static int parse_options(int argc, char **argv, struct cli *cli, struct sources *src)
{
	int c;

	opterr = 0;
	while ((c = getopt_long(argc, argv, ":hV", long_options, NULL)) != -1) {
		int rc = 0;
		switch (c) {
		case 'l':
			cli->law = optarg;
			cli->given |= OPT_LAW;
			break;
		case 'm':
			if (cli->nmodels == CLI_MAX_MODELS)
				return cli_error("--model: at most %d", CLI_MAX_MODELS);
			if (cli->model == NULL)
				cli->model = optarg;
			cli->models[cli->nmodels++] = optarg;
			cli->given |= OPT_MODEL;
			break;
		case LONG_WIDTH:
			rc = size_option("--width", optarg, PLOT_MIN_W, PLOT_MAX_W, &cli->width);
			cli->given |= OPT_WIDTH;
			break;
		case LONG_HEIGHT:
			rc = size_option("--height", optarg, PLOT_MIN_H, PLOT_MAX_H, &cli->height);
			cli->given |= OPT_HEIGHT;
			break;
		case LONG_RANGE:
			rc = cli_parse_range(optarg, cli->range);
			cli->given |= OPT_RANGE;
			break;
		case LONG_TOUR:
			cli->tour = optarg;
			cli->given |= OPT_TOUR;
			break;
		case LONG_METHOD:
			if (strcmp(optarg, "parametric") != 0 && strcmp(optarg, "isoflop") != 0)
				rc = cli_error("--method: expected parametric or isoflop, not '%s'",
				               optarg);
			cli->method = optarg;
			cli->given |= OPT_METHOD;
			break;
		case LONG_BOOTSTRAP:
			rc = whole("--bootstrap", optarg, 0, 100000, &cli->bootstrap);
			cli->given |= OPT_BOOTSTRAP;
			break;
		case LONG_SEED: {
			long seed = 0;
			rc = whole("--seed", optarg, 0, 2147483647L, &seed);
			cli->seed = (unsigned long)seed;
			cli->given |= OPT_SEED;
			break;
		}
		case LONG_EXCLUDE:
			rc = whole("--exclude-top", optarg, 0, 1000000, &cli->exclude_top);
			cli->given |= OPT_EXCLUDE;
			break;
		case LONG_COMPARE:
			cli->compare = optarg;
			cli->given |= OPT_COMPARE;
			break;
		case LONG_DELTA:
			cli->delta = true;
			cli->given |= OPT_DELTA;
			break;
		case LONG_GPU:
			cli->gpu = optarg;
			cli->given |= OPT_GPU;
			break;
		case LONG_GPUS:
			rc = whole("--gpus", optarg, 1, 100000000, &cli->gpus);
			cli->given |= OPT_GPUS;
			break;
		case LONG_MFU:
			rc = number("--mfu", optarg, UNITS_PLAIN, &cli->mfu);
			if (rc == 0 && cli->mfu > 1)
				rc = cli_error(
				        "--mfu: the share of peak FLOP/s a run achieves lies in "
				        "(0, 1], not '%s'",
				        optarg);
			cli->given |= OPT_MFU;
			break;
		case LONG_DAYS:
			rc = number("--days", optarg, UNITS_PLAIN, &cli->days);
			cli->given |= OPT_DAYS;
			break;
		case LONG_LARGER:
			rc = number("--larger", optarg, UNITS_PLAIN, &cli->larger);
			cli->given |= OPT_LARGER;
			break;
		case LONG_RUNS:
			cli->runs = optarg;
			cli->given |= OPT_RUNS;
			break;
		case LONG_OUTPUT:
			cli->output = optarg;
			cli->given |= OPT_OUTPUT;
			break;
		case LONG_AT_COMPUTE:
			rc = number("--at-compute", optarg, UNITS_COMPUTE, &cli->at_compute);
			cli->given |= OPT_AT_COMPUTE;
			break;
		case LONG_FORCE:
			cli->force = true;
			cli->given |= OPT_FORCE;
			break;
		case LONG_UNICODE:
			cli->unicode = true;
			cli->given |= OPT_UNICODE;
			break;
		case LONG_DUMP:
			cli->dump = true;
			cli->given |= OPT_DUMP;
			break;
		case LONG_FRONTIER:
			cli->frontier = optarg;
			cli->given |= OPT_FRONTIER;
			break;
		case LONG_COLOR:
			if (strcmp(optarg, "auto") == 0)
				cli->color = COLOR_AUTO;
			else if (strcmp(optarg, "always") == 0)
				cli->color = COLOR_ALWAYS;
			else if (strcmp(optarg, "never") == 0)
				cli->color = COLOR_NEVER;
			else
				rc = cli_error("--color: expected auto, always or never, not '%s'",
				               optarg);
			cli->given |= OPT_COLOR;
			break;
		case 'n':
			rc = number("--params", optarg, UNITS_COUNT, &cli->params);
			cli->given |= OPT_PARAMS;
			break;
		case 'd':
			rc = number("--tokens", optarg, UNITS_COUNT, &cli->tokens);
			cli->given |= OPT_TOKENS;
			break;
		case 'c':
			rc = number("--compute", optarg, UNITS_COMPUTE, &cli->compute);
			cli->given |= OPT_COMPUTE;
			break;
		case 'L':
			rc = number("--loss", optarg, UNITS_PLAIN, &cli->loss);
			cli->given |= OPT_LOSS;
			break;
		case LONG_UNIQUE:
			rc = number("--unique-tokens", optarg, UNITS_COUNT, &cli->unique);
			cli->given |= OPT_UNIQUE;
			break;
		case LONG_INFERENCE:
			rc = number("--inference-tokens", optarg, UNITS_COUNT, &cli->inference);
			cli->given |= OPT_INFERENCE;
			break;
		case 'f':
			if (!table_format_parse(optarg, &cli->format))
				rc = cli_error("--format: expected text, csv or json, not '%s'",
				               optarg);
			cli->given |= OPT_FORMAT;
			break;
		case LONG_PRESET:
			if (src->nfiles == 64)
				return cli_error("--preset: at most 64 files");
			src->files[src->nfiles++] = optarg;
			break;
		case LONG_PRESET_DIR:
			if (src->ndirs == 64)
				return cli_error("--preset-dir: at most 64 directories");
			src->dirs[src->ndirs++] = optarg;
			break;
		case 'h':
			fputs(usage_text, stdout);
			fputs(usage_options, stdout);
			exit(stdout_status(0));
		case LONG_KEYS: /* the key table, as the help overlay shows it */
			for (size_t i = 0; i < key_table_len; i++)
				printf("%-16s %s\n", key_table[i].names, key_table[i].help);
			exit(stdout_status(0));
		case 'V':
			printf("isoflop %s\n", ISOFLOP_VERSION);
			exit(stdout_status(0));
		case ':':
			return cli_error("%s needs a value", argv[optind - 1]);
		default:
			return cli_error("unknown option '%s' (see isoflop --help)",
			                 argv[optind - 1]);
		}
		if (rc != 0)
			return rc;
	}
	cli->args = (const char *const *)argv + optind;
	cli->nargs = argc - optind;
	return 0;
}

static int load_catalog(struct cli *cli, const struct sources *src, const char *argv0)
{
	char config[PATH_MAX], beside[PATH_MAX], err[PRESET_ERR_MAX];
	const char *xdg = getenv("XDG_CONFIG_HOME"), *home = getenv("HOME");
	struct catalog_options opt = {
	        .files = src->files,
	        .nfiles = src->nfiles,
	        .dirs = src->dirs,
	        .ndirs = src->ndirs,
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
	if (catalog_load(&cli->catalog, &opt, err, sizeof err) < 0) {
		fprintf(stderr, "%s\n", err);
		return EXIT_USAGE;
	}
	return 0;
}

int main(int argc, char **argv)
{
	static const struct {
		const char *name;
		int (*run)(struct cli *);
	} commands[] = {
	        {"loss", cmd_loss}, {"optimum", cmd_optimum},    {"presets", cmd_presets},
	        {"plot", cmd_plot}, {"explore", cmd_explore},    {"tour", cmd_tour},
	        {"fit", cmd_fit},   {"test-time", cmd_testtime},
	};
	struct cli cli = {.format = FORMAT_TEXT};
	struct sources src = {.nfiles = 0};
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
	if ((rc = parse_options(argc, argv, &cli, &src)) != 0)
		return rc;
	if (name == NULL && cli.nargs > 0) { /* isoflop --format csv loss ... */
		name = cli.args[0];
		cli.args++;
		cli.nargs--;
	}
	cli.explicit_presets = src.nfiles > 0 || src.ndirs > 0;
	if (name == NULL) /* no command: the explorer */
		name = "explore";
	for (size_t i = 0; i < sizeof commands / sizeof *commands; i++) {
		if (strcmp(name, commands[i].name) != 0)
			continue;
		if ((rc = load_catalog(&cli, &src, argv[0])) != 0)
			return rc;
		if (strcmp(name, "presets") != 0)
			for (size_t j = 0; j < cli.catalog.nbroken; j++)
				fprintf(stderr, "isoflop: warning: %s (preset skipped)\n",
				        cli.catalog.broken[j].error);
		rc = commands[i].run(&cli);
		catalog_free(&cli.catalog);
		return stdout_status(rc);
	}
	return cli_error("unknown command '%s' (see isoflop --help)", name);
}
