/*
 * cli.h: what the batch commands share: the parsed options, the catalog and
 * the way they report errors (one line on stderr, exit status 2).
 */
#ifndef ISOFLOP_CLI_H
#define ISOFLOP_CLI_H

#include <stdbool.h>
#include <stddef.h>

#include "../../model/units.h"
#include "../../presets/catalog.h"
#include "../../presets/tour.h"
#include "../plot/coverage.h"
#include "../plot/table.h"
#include "../plot/traintest.h"
#include "../explore/stocks.h"

/* Exit status of every user-facing failure. */
#define EXIT_USAGE 2

/* The default law: Epoch AI's refit agrees with Approaches 1 and 2. */
#define CLI_DEFAULT_LAW "besiroglu2024"

/*
 * Options as bits of a 64-bit set, so that each command can say which ones it
 * takes: macros, since an enum constant must fit in an int. They live only
 * in memory (nothing writes them out); options_check refuses in their order.
 */
#define OPT_LAW         (1ull << 0)
#define OPT_PARAMS      (1ull << 1)
#define OPT_TOKENS      (1ull << 2)
#define OPT_COMPUTE     (1ull << 3)
#define OPT_LOSS        (1ull << 4)
#define OPT_UNIQUE      (1ull << 5)
#define OPT_INFERENCE   (1ull << 6)
#define OPT_MODEL       (1ull << 7)
#define OPT_FORMAT      (1ull << 8)
#define OPT_WIDTH       (1ull << 9)
#define OPT_HEIGHT      (1ull << 10)
#define OPT_RANGE       (1ull << 11)
#define OPT_FRONTIER    (1ull << 12)
#define OPT_COLOR       (1ull << 13)
#define OPT_DUMP        (1ull << 14)
#define OPT_UNICODE     (1ull << 15)
#define OPT_TOUR        (1ull << 16)
#define OPT_FORCE       (1ull << 17)
#define OPT_METHOD      (1ull << 18)
#define OPT_BOOTSTRAP   (1ull << 19)
#define OPT_SEED        (1ull << 20)
#define OPT_EXCLUDE     (1ull << 21)
#define OPT_OUTPUT      (1ull << 22)
#define OPT_AT_COMPUTE  (1ull << 23)
#define OPT_RUNS        (1ull << 24)
#define OPT_LARGER      (1ull << 25)
#define OPT_COMPARE     (1ull << 26)
#define OPT_DELTA       (1ull << 27)
#define OPT_GPU         (1ull << 28)
#define OPT_GPUS        (1ull << 29)
#define OPT_MFU         (1ull << 30)
#define OPT_DAYS        (1ull << 31)
#define OPT_RECORD      (1ull << 32)
#define OPT_NOTES       (1ull << 33)
#define OPT_PRICE       (1ull << 34)
#define OPT_WATTS       (1ull << 35)
#define OPT_PUE         (1ull << 36)
#define OPT_GRID        (1ull << 37)
#define OPT_COST        (OPT_PRICE | OPT_WATTS | OPT_PUE | OPT_GRID)
#define OPT_STOCK       (1ull << 38)
#define OPT_TREND       (1ull << 39)
#define OPT_SERVE_MFU   (1ull << 40)
#define OPT_SERVE_PRICE (1ull << 41)
#define OPT_SERVE       (OPT_SERVE_MFU | OPT_SERVE_PRICE)
#define OPT_TT_LAW      (1ull << 42)
#define OPT_TRAIN       (1ull << 43)
#define OPT_TEST        (1ull << 44)
#define OPT_PROBLEMS    (1ull << 45)
#define OPT_SAMPLES     (1ull << 46)
#define OPT_TARGET      (1ull << 47)
#define OPT_DOMAIN      (1ull << 48)
#define OPT_BUDGET      (1ull << 49)
#define OPT_NOISE       (1ull << 50)
#define OPT_REPLICAS    (1ull << 51)
#define OPT_SIZES       (1ull << 52)
#define OPT_NBUDGETS    (1ull << 53)
/* plan's options: the sweep's budget and shape, and its simulation */
#define OPT_PLAN       (OPT_BUDGET | OPT_NOISE | OPT_REPLICAS | OPT_SIZES | OPT_NBUDGETS)
#define OPT_DOWNSTREAM (1ull << 58) /* high, away from the bits other options take next */
/* the test-time options: the plane's point, its problems, a coverage law's samples */
#define OPT_TESTTIME (OPT_TT_LAW | OPT_TRAIN | OPT_TEST | OPT_PROBLEMS | OPT_SAMPLES | OPT_TARGET)
/*
 * Not an option: a command that takes --compute as a list or range of
 * budgets (optimum) has this bit too. The top bit, so that a new option
 * takes the next free one below it.
 */
#define OPT_BUDGETS (1ull << 63)

/* --color: whether pictures carry ANSI colours. */
enum color_mode {
	COLOR_AUTO, /* when stdout is a terminal, TERM is not dumb and NO_COLOR is unset */
	COLOR_ALWAYS,
	COLOR_NEVER,
};

#define CLI_MAX_MODELS  64
#define CLI_MAX_BUDGETS 100 /* --compute LO:HI[:STEP] or C,C,...: rows of a table */
#define CLI_MAX_PRESETS 64  /* --preset files, and --preset-dir directories */

/* Picture sizes `plot` accepts, in cells. */
#define PLOT_MIN_W 40
#define PLOT_MAX_W 300
#define PLOT_MIN_H 12
#define PLOT_MAX_H 100

struct cli {
	unsigned long long given;           /* OPT_* bits seen on the command line */
	const char *law;                    /* --law ID, or "all" */
	const char *model;                  /* --model ID: the first one given (models[0]) */
	const char *models[CLI_MAX_MODELS]; /* every --model, in order; "all" is one */
	int nmodels;
	double params;                   /* --params */
	double tokens;                   /* --tokens */
	double compute;                  /* --compute, FLOPs: the first of budgets */
	double budgets[CLI_MAX_BUDGETS]; /* --compute's budgets, in order */
	int nbudgets;                    /* 1 for a single --compute */
	double loss;                     /* --loss */
	double unique;                   /* --unique-tokens, 0 if not given */
	double inference;                /* --inference-tokens, 0 if not given */
	enum table_format format;
	int width, height;       /* --width, --height of a picture */
	double range[4];         /* --range: N low, N high, D low, D high */
	const char *frontier;    /* --frontier ID: a second law's frontier */
	enum color_mode color;   /* --color */
	bool dump;               /* --dump: print the explorer's first frame and exit */
	bool unicode;            /* --unicode: line-drawing characters on the screen */
	const char *const *args; /* operands after the options */
	int nargs;
	bool explicit_presets;                /* --preset or --preset-dir given */
	const char *presets[CLI_MAX_PRESETS]; /* --preset FILE, in order */
	int npresets;
	const char *preset_dirs[CLI_MAX_PRESETS]; /* --preset-dir DIR, in order */
	int npreset_dirs;
	/* main's: a command reads it, the explorer adds its runs law to it */
	struct catalog *catalog;
	const char *runs;       /* --runs FILE|-: the user's runs in the explorer */
	const char *compare;    /* plot contour --compare ID */
	bool delta;             /* plot contour --delta */
	double larger;          /* test-time --larger M */
	const char *gpu;        /* optimum --gpu ID: an accelerator preset */
	long gpus;              /* optimum --gpus N: how many of them */
	double mfu;             /* optimum --mfu F: model FLOPs utilisation, (0, 1] */
	double days;            /* optimum --days D: wall-clock days of training */
	double price;           /* --price USD per accelerator-hour, over the preset's */
	double watts;           /* --watts W per accelerator, over the preset's */
	double pue;             /* --pue X >= 1; 1 (the accelerators alone) unless given */
	double grid;            /* --grid kg CO2e per kWh; CO2e only when given */
	double serve_mfu;       /* --serve-mfu F: serving's MFU, (0, 1]; no default */
	double serve_price;     /* --serve-price USD per accelerator-hour while serving */
	const char *method;     /* fit --method parametric|isoflop */
	long bootstrap;         /* fit --bootstrap N */
	long seed;              /* fit --seed S, 0 to 2^31 - 1 */
	long exclude_top;       /* fit --exclude-top K */
	const char *output;     /* fit --output FILE */
	double at_compute;      /* fit --at-compute C */
	const char *tour;       /* --tour ID|FILE */
	const char *record;     /* --record FILE: the tour 'r' appends steps to */
	const char *notes;      /* --notes PATH: the tour's speaker notes, at each step */
	const char *stock;      /* --stock ID: a data stock (the band, epochs, the data wall) */
	const char *downstream; /* --downstream ID: a loss-to-error map (Gadre et al. 2024) */
	const char *trend;      /* --trend ID: a compute trend preset (timeline) */
	const char *tt_law;     /* --tt-law ID: a test-time law preset */
	const char *domain;     /* --domain NAME: laws of one domain (presets, plot domains) */
	double train;           /* --train FLOPS: training compute, > 0 */
	double test;            /* --test FLOPS: test-time compute per problem, > 0 */
	double problems;        /* --problems Q: problems served, >= 1 */
	double samples;         /* --samples K: samples per problem, >= 1 */
	double target;          /* --target P: a performance (or coverage) to reach */
	double plan_budget;     /* plan --budget FLOPS: what the whole sweep may spend */
	double noise;           /* plan --noise SIGMA: sd of log loss between runs */
	long replicas;          /* plan --replicas R: simulated sweeps, >= 2 */
	long sizes;             /* plan --sizes S: runs per budget */
	long plan_budgets;      /* plan --budgets K: compute budgets in the sweep */
	bool force;             /* --force: overwrite files a command writes */
	const char *config_dir; /* $XDG_CONFIG_HOME/isoflop or ~/.config/isoflop; NULL if none */
	char config_dir_buf[4096];
	const char *tour_dirs[3]; /* where tours live: config, share, beside */
	char tour_dir_buf[3][4096];
	/* the tour whose bootstrap: is played, its refusals at FILE:LINE:COL; NULL: --bootstrap */
	const struct tour *bootstrap_tour;
};

/* Print "isoflop: message" on stderr and return EXIT_USAGE. */
int cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/*
 * "unknown law 'ID'" after `option` ("--compare: ", or "" for --law), with
 * the nearest id when one is near: returns 2, as cli_error.
 */
int cli_unknown_law(const struct cli *cli, const char *option, const char *id);

/* --seed S, or 1 when not given: the bootstrap's and the simulation's seed. */
unsigned long cli_seed(const struct cli *cli);

/* A whole number within [lo, hi], no blanks around it; 0 or EXIT_USAGE. */
int cli_whole(const char *option, const char *arg, long lo, long hi, long *out);

/*
 * The laws a command runs over: --law ID (default CLI_DEFAULT_LAW) or every
 * law with --law all. Returns the count, or -1 after printing an error.
 */
int cli_laws(const struct cli *cli, const struct catalog_entry **out, int max);

/*
 * The domain --domain names (enum preset_domain), or one line listing the
 * names and -1.
 */
int cli_domain(const char *name);

/* Append ", id" (or "id" to an empty list) if it fits. */
void cli_append_id(char *list, size_t size, const char *id);

/* "a, b": the ids of a kind, for a message naming the right one; "none" when there are none. */
const char *cli_known_ids(const struct catalog_entry *e, size_t n, char *buf, size_t size);

/*
 * The stock `id` (--stock) into *out: 0, or one line naming the known ids
 * and EXIT_USAGE. Every command that takes --stock reports it so.
 */
int cli_stock(const struct cli *cli, const char *id, struct stock_numbers *out);

/* The test-time law --tt-law names by default: the one with a plane. */
#define CLI_DEFAULT_TT_LAW TRAINTEST_DEFAULT_LAW
/* The coverage law plot coverage and test-time draw without --tt-law, when it is there. */
#define CLI_DEFAULT_COVERAGE_LAW COVERAGE_DEFAULT_LAW

/*
 * The test-time law `id` (--tt-law; NULL: CLI_DEFAULT_TT_LAW) into *out: 0,
 * or one line (an unknown id names `isoflop presets testtime`; a loss law's
 * id says it is one) and EXIT_USAGE.
 */
int cli_testtime_law(const struct cli *cli, const char *id, const struct catalog_entry **out);

/*
 * What --serve-mfu and --serve-price need wherever they are taken: --serve-price
 * --serve-mfu, and --serve-mfu --inference-tokens. 0, or one line and EXIT_USAGE.
 */
int cli_serve_options(const struct cli *cli);

/* Parse --range NLO:NHI,DLO:DHI (short units allowed) into out[4]. */
int cli_parse_range(const char *arg, double out[4]);

/* Whether to colour a picture written to stdout, from --color and the environment. */
bool cli_use_color(const struct cli *cli);

/*
 * The width text output should keep within: $COLUMNS when set (as ps and
 * dpkg read it), else the terminal's when standard output is one, else 0
 * (a pipe or a file: no limit).
 */
int cli_text_width(void);

/* The commands: each reads the options and never writes them. */
int cmd_loss(const struct cli *cli);
int cmd_plot_contour(const struct cli *cli);
int cmd_plot_profiles(const struct cli *cli);
int cmd_plot_compute(const struct cli *cli);
int cmd_plot_testtime(const struct cli *cli);
int cmd_plot_coverage(const struct cli *cli);
int cmd_plot_params(const struct cli *cli);
int cmd_plot_domains(const struct cli *cli);
int cmd_explore(const struct cli *cli);
int cmd_tour(const struct cli *cli);
int cmd_fit(const struct cli *cli);
int cmd_testtime(const struct cli *cli);
int cmd_optimum(const struct cli *cli);
int cmd_plan(const struct cli *cli);
int cmd_presets(const struct cli *cli);
int cmd_timeline(const struct cli *cli);
int cmd_compare(const struct cli *cli);

/*
 * Load a tour named by id (searched in the tours/ folder of the preset
 * directories) or by path (anything with a '/' or ending in .yaml), and
 * its runs: file unless --runs gives the runs (tour_check_runs).
 * Returns 0, or EXIT_USAGE after printing the error.
 */
int cli_load_tour(const struct cli *cli, const char *name, struct tour *out);

#endif
