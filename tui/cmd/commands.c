/*
 * commands.c: the command table (name, usage, the options each takes, the
 * function that runs it) and what --help, --keys and --version print.
 */
#include <stdio.h>

#include "../explore/keys.h"
#include "options.h"

/* What the picture options share: plot contour adds its marks and laws. */
#define PLOT_OPTIONS                                                                               \
	(OPT_LAW | OPT_WIDTH | OPT_HEIGHT | OPT_RANGE | OPT_PARAMS | OPT_TOKENS | OPT_COMPUTE |    \
	 OPT_UNIQUE | OPT_COLOR)

static const char *const presets_words[] = {"laws",   "models",   "accelerators", "stocks",
                                            "trends", "testtime", "downstream",   NULL};
static const char *const shell_words[] = {"bash", "zsh", "fish", NULL};

/* In --help's order of usage lines; the first is the command without a name. */
const struct cli_command cli_commands[] = {
        {"explore", NULL, "the explorer",
         "usage: isoflop [--law ID] [--model ID | --params N --tokens D | --compute C]\n"
         "               [--unique-tokens U] [--inference-tokens T] [--larger M]\n"
         "               [--gpu ID --gpus N --mfu F --days D] [--price USD] [--watts W]\n"
         "               [--pue X] [--stock ID] [--serve-mfu F [--serve-price USD]]\n"
         "               [--color WHEN] [--unicode]\n"
         "               [--tour ID|FILE [--notes PATH]] [--record FILE]\n"
         "               [--runs FILE|- [--bootstrap N [--seed S]]] [--compare ID]\n"
         "               [--range R] [--domain NAME] [--downstream ID]\n"
         "               [--dump [--width W --height H]]\n",
         OPT_LAW | OPT_MODEL | OPT_PARAMS | OPT_TOKENS | OPT_COMPUTE | OPT_UNIQUE | OPT_COLOR |
                 OPT_DUMP | OPT_WIDTH | OPT_HEIGHT | OPT_UNICODE | OPT_TOUR | OPT_RUNS |
                 OPT_INFERENCE | OPT_LARGER | OPT_GPU | OPT_GPUS | OPT_MFU | OPT_DAYS | OPT_RECORD |
                 OPT_PRICE | OPT_WATTS | OPT_PUE | OPT_NOTES | OPT_RANGE | OPT_STOCK | OPT_SERVE |
                 OPT_TESTTIME | OPT_DOMAIN | OPT_BOOTSTRAP | OPT_SEED | OPT_DOWNSTREAM |
                 OPT_COMPARE,
         cmd_explore, COMPLETE_NONE, NULL},
        {"loss", NULL, "loss",
         "       isoflop loss    [--law ID|all] (--params N --tokens D | --model ID)\n"
         "                       [--unique-tokens U] [--stock ID] [--downstream ID]\n"
         "                       [--runs FILE|-]\n"
         "       isoflop loss    --law POWER-LAW (--params N | --compute C)\n",
         OPT_LAW | OPT_PARAMS | OPT_TOKENS | OPT_MODEL | OPT_UNIQUE | OPT_FORMAT | OPT_STOCK |
                 OPT_COMPUTE | OPT_DOWNSTREAM | OPT_RUNS,
         cmd_loss, COMPLETE_NONE, NULL},
        {"optimum", NULL, "optimum",
         "       isoflop optimum [--law ID|all] (--compute C | --loss L)\n"
         "                       [--inference-tokens T] [--unique-tokens U] [--stock ID]\n"
         "                       [--gpu ID --mfu F (--gpus N | --days D)]\n"
         "                       [--price USD] [--watts W] [--pue X] [--grid KG]\n"
         "                       [--serve-mfu F [--serve-price USD]]\n"
         "       isoflop optimum [--law ID|all] (--compute LO:HI[:STEP] | --compute C,C...\n"
         "                       | --params N | --tokens D) [--unique-tokens U]\n"
         "       isoflop optimum [--law ID|all] --gpu ID --mfu F --gpus N --days D\n",
         OPT_LAW | OPT_COMPUTE | OPT_LOSS | OPT_UNIQUE | OPT_INFERENCE | OPT_FORMAT | OPT_GPU |
                 OPT_GPUS | OPT_MFU | OPT_DAYS | OPT_PARAMS | OPT_TOKENS | OPT_BUDGETS | OPT_COST |
                 OPT_STOCK | OPT_SERVE | OPT_DOWNSTREAM,
         cmd_optimum, COMPLETE_NONE, NULL},
        {"compare", NULL, "compare",
         "       isoflop compare [--law A] --compare B\n"
         "                       [--compute C | --compute LO:HI[:STEP] | --compute C,C...]\n"
         "                       [--runs FILE [--bootstrap N] [--seed S]]\n"
         "                       [--format text|csv|json]\n",
         OPT_LAW | OPT_COMPARE | OPT_COMPUTE | OPT_BUDGETS | OPT_RUNS | OPT_BOOTSTRAP | OPT_SEED |
                 OPT_FORMAT,
         cmd_compare, COMPLETE_NONE, NULL},
        {"presets", NULL, "presets",
         "       isoflop presets [laws|models|accelerators|stocks|trends|testtime|\n"
         "                       downstream] [--domain NAME]\n",
         OPT_FORMAT | OPT_DOMAIN, cmd_presets, COMPLETE_WORDS, presets_words},
        {"plot", "contour", "plot contour",
         "       isoflop plot contour  [--law ID] [--width W] [--height H] [--range R]\n"
         "                             [--model ID|all]... [--frontier ID]\n"
         "                             [--compare ID [--delta]] [--inference-tokens T]\n"
         "                             [--unique-tokens U] [--stock ID] [--downstream ID]\n"
         "                             [--gpu ID --mfu F --serve-mfu F [--price USD]\n"
         "                             [--serve-price USD]]\n"
         "                             [--params N --tokens D | --compute C]\n"
         "                             [--runs FILE|- [--bootstrap N [--seed S]]]\n",
         PLOT_OPTIONS | OPT_MODEL | OPT_FRONTIER | OPT_COMPARE | OPT_DELTA | OPT_INFERENCE |
                 OPT_STOCK | OPT_GPU | OPT_MFU | OPT_PRICE | OPT_SERVE | OPT_DOWNSTREAM | OPT_RUNS |
                 OPT_BOOTSTRAP | OPT_SEED,
         cmd_plot_contour, COMPLETE_NONE, NULL},
        {"plot", "profiles", "plot profiles",
         "       isoflop plot profiles [--law ID] [--width W] [--height H] [--range R]\n"
         "                             [--compute C] [--params N]\n",
         PLOT_OPTIONS, cmd_plot_profiles, COMPLETE_NONE, NULL},
        {"plot", "compute", "plot compute",
         "       isoflop plot compute  [--law ID[,ID...]|all] [--width W] [--height H]\n"
         "                             [--model ID|all]... [--unique-tokens U]\n"
         "                             [--compute C | --compute LO:HI[:STEP]]\n"
         "                             [--format text|csv|json]\n",
         OPT_LAW | OPT_WIDTH | OPT_HEIGHT | OPT_COMPUTE | OPT_UNIQUE | OPT_COLOR | OPT_MODEL |
                 OPT_FORMAT | OPT_BUDGETS,
         cmd_plot_compute, COMPLETE_NONE, NULL},
        {"plot", "testtime", "plot testtime",
         "       isoflop plot testtime [--tt-law ID] [--width W] [--height H]\n"
         "                             [--train FLOPS] [--test FLOPS | --target P]\n"
         "                             [--problems Q]\n",
         OPT_TT_LAW | OPT_TRAIN | OPT_TEST | OPT_TARGET | OPT_PROBLEMS | OPT_WIDTH | OPT_HEIGHT |
                 OPT_COLOR,
         cmd_plot_testtime, COMPLETE_NONE, NULL},
        {"plot", "coverage", "plot coverage",
         "       isoflop plot coverage [--tt-law ID] [--width W] [--height H]\n"
         "                             [--samples K] [--target P]\n",
         OPT_TT_LAW | OPT_SAMPLES | OPT_TARGET | OPT_WIDTH | OPT_HEIGHT | OPT_COLOR,
         cmd_plot_coverage, COMPLETE_NONE, NULL},
        {"plot", "params", "plot params",
         "       isoflop plot params   [--law ID] [--params N] [--width W] [--height H]\n",
         OPT_LAW | OPT_PARAMS | OPT_WIDTH | OPT_HEIGHT | OPT_COLOR, cmd_plot_params, COMPLETE_NONE,
         NULL},
        {"plot", "domains", "plot domains",
         "       isoflop plot domains  [--domain NAME] [--width W] [--height H]\n",
         OPT_DOMAIN | OPT_WIDTH | OPT_HEIGHT | OPT_COLOR, cmd_plot_domains, COMPLETE_NONE, NULL},
        {"tour", NULL, "tour",
         "       isoflop tour --dump ID|FILE DIR [--force] [--runs FILE [--bootstrap N]\n"
         "                   [--seed S]]\n",
         OPT_DUMP | OPT_FORCE | OPT_WIDTH | OPT_HEIGHT | OPT_RUNS | OPT_BOOTSTRAP | OPT_SEED,
         cmd_tour, COMPLETE_TOURS, NULL},
        {"fit", NULL, "fit",
         "       isoflop fit FILE|- [--method parametric|isoflop] [--bootstrap N]\n"
         "                   [--seed S] [--exclude-top K] [--at-compute C]\n"
         "                   [--output LAW.yaml|- [--force]]\n",
         OPT_METHOD | OPT_BOOTSTRAP | OPT_SEED | OPT_EXCLUDE | OPT_OUTPUT | OPT_FORCE | OPT_FORMAT |
                 OPT_AT_COMPUTE,
         cmd_fit, COMPLETE_FILE, NULL},
        {"plan", NULL, "plan",
         "       isoflop plan [--law ID | --runs FILE] --budget FLOPS --target C\n"
         "                    [--budgets K] [--sizes S] [--noise SIGMA] [--replicas R]\n"
         "                    [--seed S]\n"
         "                    [--width W] [--height H] [--format text|csv|json]\n",
         OPT_LAW | OPT_RUNS | OPT_PLAN | OPT_TARGET | OPT_SEED | OPT_FORMAT | OPT_WIDTH |
                 OPT_HEIGHT | OPT_COLOR,
         cmd_plan, COMPLETE_NONE, NULL},
        {"test-time", NULL, "test-time",
         "       isoflop test-time (--params N --tokens D | --model ID)\n"
         "                         --inference-tokens T [--larger M] [--tt-law snell2024]\n"
         "       isoflop test-time --tt-law ID --train FLOPS (--test FLOPS | --target P)\n"
         "                         [--problems Q] [--format text|csv|json]\n"
         "       isoflop test-time --tt-law ID [--samples K] [--target P]\n",
         OPT_PARAMS | OPT_TOKENS | OPT_MODEL | OPT_INFERENCE | OPT_LARGER | OPT_FORMAT |
                 OPT_TESTTIME,
         cmd_testtime, COMPLETE_NONE, NULL},
        {"timeline", NULL, "timeline",
         "       isoflop timeline [--law ID] [--stock ID] [--trend ID]\n"
         "                        [--width W] [--height H] [--format text|csv|json]\n",
         OPT_LAW | OPT_STOCK | OPT_TREND | OPT_WIDTH | OPT_HEIGHT | OPT_COLOR | OPT_FORMAT,
         cmd_timeline, COMPLETE_NONE, NULL},
        {"completion", NULL, "completion", "       isoflop completion bash|zsh|fish\n", 0,
         cmd_completion, COMPLETE_WORDS, shell_words},
};

const size_t cli_ncommands = sizeof cli_commands / sizeof *cli_commands;

static const char usage_about[] =
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
        "\n";

/* in two parts: C11 promises string literals of 4,095 characters, no more */
static const char usage_commands[] =
        "commands:\n"
        "  loss       loss L(N, D) and compute efficiency under a law\n"
        "  optimum    compute-optimal N, D and loss at a budget (or a table of them,\n"
        "             as Chinchilla's Table 3), for a target loss, or for a size N or D;\n"
        "             with --inference-tokens, the model that is cheapest to train and\n"
        "             serve (Sardana et al. 2023); with --unique-tokens, the best use of\n"
        "             limited data (Muennighoff et al. 2023); with --gpu and --mfu, the\n"
        "             days on --gpus accelerators, the count for --days, or the budget\n"
        "             of both\n"
        "  compare    the compute multiplier of two laws or fits: B needs k x C to\n"
        "             reach A's compute-optimal loss at C (derived); with --runs and\n"
        "             --bootstrap N, k's 10-90% interval\n"
        "  presets    list the laws, models, accelerators, data stocks and compute\n"
        "             trends isoflop knows, with their sources\n"
        "  tour       --dump: one text frame per step of a tour, for slides\n"
        "  fit        fit a law to your runs (CSV: params, loss, tokens or flops):\n"
        "             Chinchilla's Approach 3 from 4,500 starts, or Approach 2\n"
        "  plan       propose an IsoFLOP sweep (budgets x sizes) that spends --budget\n"
        "             FLOPs, simulate fitting it with a law as the truth, report the\n"
        "             error of the exponents and of N* at --target, and suggest the\n"
        "             next run; with --runs FILE, the truth is your runs' fit and the\n"
        "             new runs lie above them\n"
        "  test-time  how much more compute per served token equals, in total FLOPs,\n"
        "             a model M times larger (Snell et al. 2024); with --tt-law, a\n"
        "             test-time law's rows: performance, the cheapest train and test\n"
        "             pair and the exchange rate, or coverage against samples\n"
        "  plot       contour: the loss map over N and D with iso-FLOP lines, the\n"
        "             compute-optimal frontier (*) and models; profiles: loss vs N at\n"
        "             fixed compute (the U-curves); compute: each law's compute-optimal\n"
        "             loss against compute, where returns flatten; testtime: a\n"
        "             test-time law's performance over training x test compute with\n"
        "             iso-total lines (Jones 2021); coverage: coverage against samples\n"
        "             (Brown et al. 2024); as plain text\n"
        "  timeline   training compute by release year: the growth a year fitted to the\n"
        "             models (derived), Epoch AI's trend (cited), and the data wall's\n"
        "             year, when a compute-optimal run needs the whole stock of text\n"
        "  completion\n"
        "             the shell completion script for bash, zsh or fish\n"
        "\n";

static const char usage_end[] =
        "\n"
        "Numbers take K, M, B (1e9) and T (1e12). Presets are searched in --preset,\n"
        "--preset-dir, $XDG_CONFIG_HOME/isoflop, " ISOFLOP_SHARE_DIR ",\n"
        "presets/ beside the binary. See isoflop(1) and isoflop-presets(5).\n";

void commands_print_help(void)
{
	for (size_t i = 0; i < cli_ncommands; i++)
		fputs(cli_commands[i].usage, stdout);
	fputs(usage_about, stdout);
	fputs(usage_commands, stdout);
	options_print_help(stdout);
	fputs(usage_end, stdout);
}

/* The key table, as the help overlay shows it. */
void commands_print_keys(void)
{
	for (size_t i = 0; i < key_table_len; i++)
		printf("%-16s %s\n", key_table[i].names, key_table[i].help);
}

void commands_print_version(void)
{
	printf("isoflop %s\n", ISOFLOP_VERSION);
}
