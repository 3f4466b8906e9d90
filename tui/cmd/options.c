/*
 * options.c: the option table (one row per option, in --help's order) and
 * the handlers that parse a value of each kind into struct cli.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "../../model/law.h"
#include "../../model/plan.h"
#include "options.h"

/* KIND_CHOICE stores a word's index: each word sits at its enum's value */
static const char *const color_words[] = {
        [COLOR_AUTO] = "auto", [COLOR_ALWAYS] = "always", [COLOR_NEVER] = "never", NULL};
static const char *const format_words[] = {
        [FORMAT_TEXT] = "text", [FORMAT_CSV] = "csv", [FORMAT_JSON] = "json", NULL};
static const char *const method_words[] = {"parametric", "isoflop", NULL};
/* for completion only: cli_domain checks the name against presets/ (preset_domain_by_name) */
static const char *const domain_words[] = {"language",   "code",     "math",      "image", "video",
                                           "multimodal", "proteins", "molecules", NULL};
/* one word per domain presets/ knows: a new domain must be added here too */
_Static_assert(sizeof domain_words / sizeof *domain_words == PRESET_DOMAIN_COUNT + 1,
               "domain_words lists every enum preset_domain name");

/* KIND_CHOICE writes an int where the enum is: they must have one size */
_Static_assert(sizeof(enum color_mode) == sizeof(int), "--color is stored as an int");
_Static_assert(sizeof(enum table_format) == sizeof(int), "--format is stored as an int");

#define FIELD(f) offsetof(struct cli, f)

/*
 * The physical ranges of numbers come from model/units.h, which says why
 * those ends: a denormal 1e-320 parameters once made a 117-digit loss.
 */
const struct cli_option cli_options[] = {
        {.name = "law",
         .arg = "ID",
         .kind = KIND_TEXT,
         .field = FIELD(law),
         .bit = OPT_LAW,
         .complete = COMPLETE_LAWS,
         .help = "law preset (default " CLI_DEFAULT_LAW "); all: every law"},
        {.name = "params",
         .arg = "N",
         .kind = KIND_NUMBER,
         .field = FIELD(params),
         .bit = OPT_PARAMS,
         .units = UNITS_COUNT,
         .lo = UNITS_PARAMS_MIN,
         .hi = UNITS_PARAMS_MAX,
         .what = "parameters",
         .help = "parameters: 70e9, 70B (100 to 1e16; no blanks around)"},
        {.name = "tokens",
         .arg = "D",
         .kind = KIND_NUMBER,
         .field = FIELD(tokens),
         .bit = OPT_TOKENS,
         .units = UNITS_COUNT,
         .lo = UNITS_TOKENS_MIN,
         .hi = UNITS_TOKENS_MAX,
         .what = "tokens",
         .help = "training tokens: 1.4T (1e3 to 1e18)"},
        {.name = "model",
         .arg = "ID",
         .kind = KIND_LIST,
         .field = FIELD(models),
         .count = FIELD(nmodels),
         .bit = OPT_MODEL,
         .hi = CLI_MAX_MODELS,
         .what = "",
         .complete = COMPLETE_MODELS,
         .help = "take N and D from a model preset (gpt3, chinchilla ...);\n"
                 "explorer: ID,ID... starts at the first, labels all named;\n"
                 "plot contour: label it (repeatable; all: every model)"},
        {.name = "compute",
         .arg = "C",
         .kind = KIND_BUDGETS,
         .field = FIELD(compute),
         .bit = OPT_COMPUTE,
         .units = UNITS_COMPUTE,
         .lo = LAW_COMPUTE_MIN,
         .hi = LAW_COMPUTE_MAX,
         .what = "FLOPs",
         .help = "training FLOPs: 5.76e23, or PF-days: 3.64e3pfd (1e10 to\n1e35 FLOPs); "
                 "optimum: a list 1e21,1e23, or a range\nLO:HI, one row a decade, "
                 "or LO:HI:STEP (a factor)"},
        {.name = "loss",
         .arg = "L",
         .kind = KIND_NUMBER,
         .field = FIELD(loss),
         .bit = OPT_LOSS,
         .units = UNITS_PLAIN,
         .lo = UNITS_LOSS_MIN,
         .hi = UNITS_LOSS_MAX,
         .what = "nats per token",
         .help = "target loss in nats per token"},
        {.name = "unique-tokens",
         .arg = "U",
         .kind = KIND_NUMBER,
         .field = FIELD(unique),
         .bit = OPT_UNIQUE,
         .units = UNITS_COUNT,
         .lo = UNITS_TOKENS_MIN,
         .hi = UNITS_TOKENS_MAX,
         .what = "unique tokens",
         .help = "unique tokens available (data-constrained laws)"},
        {.name = "inference-tokens",
         .arg = "T",
         .kind = KIND_NUMBER,
         .field = FIELD(inference),
         .bit = OPT_INFERENCE,
         .units = UNITS_COUNT,
         .lo = 1,
         .hi = 1e20,
         .what = "tokens",
         .help = "tokens served over the model's life"},
        {.name = "gpu",
         .arg = "ID",
         .kind = KIND_TEXT,
         .field = FIELD(gpu),
         .bit = OPT_GPU,
         .complete = COMPLETE_ACCELERATORS,
         .help = "optimum: the accelerator: h100, tpu-v5p ... (isoflop\npresets accelerators lists "
                 "them)"},
        {.name = "gpus",
         .arg = "N",
         .kind = KIND_WHOLE,
         .field = FIELD(gpus),
         .bit = OPT_GPUS,
         .lo = 1,
         .hi = 100000000,
         .help = "optimum: how many accelerators train"},
        {.name = "mfu",
         .arg = "F",
         .kind = KIND_NUMBER,
         .field = FIELD(mfu),
         .bit = OPT_MFU,
         .units = UNITS_PLAIN,
         .lo = 1e-4,
         .hi = 1,
         .what = "a share of the peak",
         .help = "optimum: model FLOPs utilisation, 1e-4 to 1 of the peak"},
        {.name = "days",
         .arg = "D",
         .kind = KIND_NUMBER,
         .field = FIELD(days),
         .bit = OPT_DAYS,
         .units = UNITS_PLAIN,
         .lo = 1e-6,
         .hi = 1e6,
         .what = "days",
         .help = "optimum: wall-clock days of training"},
        {.name = "price",
         .arg = "USD",
         .kind = KIND_NUMBER,
         .field = FIELD(price),
         .bit = OPT_PRICE,
         .units = UNITS_PLAIN,
         .lo = 1e-6,
         .hi = 1e4,
         .what = "USD per accelerator-hour",
         .help = "with --gpu: USD per accelerator-hour, over the preset's\n"
                 "on-demand list price"},
        {.name = "watts",
         .arg = "W",
         .kind = KIND_NUMBER,
         .field = FIELD(watts),
         .bit = OPT_WATTS,
         .units = UNITS_PLAIN,
         .lo = 1e-3,
         .hi = 1e5,
         .what = "watts per accelerator",
         .help = "with --gpu: watts per accelerator at full load, over the\n"
                 "preset's datasheet figure"},
        {.name = "pue",
         .arg = "X",
         .kind = KIND_NUMBER,
         .field = FIELD(pue),
         .bit = OPT_PUE,
         .units = UNITS_PLAIN,
         .lo = 1,
         .hi = 10,
         .what = "power usage effectiveness",
         .help = "with --gpu: the data centre's power usage effectiveness,\n"
                 "1 to 10 (default 1: the accelerators alone)"},
        {.name = "grid",
         .arg = "KG",
         .kind = KIND_NUMBER,
         .field = FIELD(grid),
         .bit = OPT_GRID,
         .units = UNITS_PLAIN,
         .lo = 1e-6,
         .hi = 10,
         .what = "kg CO2e per kWh",
         .help = "with --gpu: the grid's kg CO2e per kWh: adds tonnes\nof CO2e"},
        {.name = "serve-mfu",
         .arg = "F",
         .kind = KIND_NUMBER,
         .field = FIELD(serve_mfu),
         .bit = OPT_SERVE_MFU,
         .units = UNITS_PLAIN,
         .lo = 1e-4,
         .hi = 1,
         .what = "a share of the peak",
         .help = "with --gpu and --inference-tokens: serving's MFU,\n"
                 "1e-4 to 1, no default: adds lifetime dollars, the\n"
                 "USD-optimal model and the map's iso-cost lines"},
        {.name = "serve-price",
         .arg = "USD",
         .kind = KIND_NUMBER,
         .field = FIELD(serve_price),
         .bit = OPT_SERVE_PRICE,
         .units = UNITS_PLAIN,
         .lo = 1e-6,
         .hi = 1e4,
         .what = "USD per accelerator-hour",
         .help = "with --serve-mfu: USD per accelerator-hour while serving\n"
                 "(default: the training price)"},
        {.name = "trend",
         .arg = "ID",
         .kind = KIND_TEXT,
         .field = FIELD(trend),
         .bit = OPT_TREND,
         .help = "timeline: the cited growth of compute a year\n(default epoch2024)"},
        {.name = "tt-law",
         .arg = "ID",
         .kind = KIND_TEXT,
         .field = FIELD(tt_law),
         .bit = OPT_TT_LAW,
         .complete = COMPLETE_TESTTIME,
         .help = "a test-time law (isoflop presets testtime lists them;\n"
                 "default jones2021-hex9)"},
        {.name = "domain",
         .arg = "NAME",
         .kind = KIND_TEXT,
         .field = FIELD(domain),
         .bit = OPT_DOMAIN,
         .words = domain_words,
         .complete = COMPLETE_WORDS,
         .help = "presets laws, plot domains and the explorer's law\n"
                 "picker: laws of one domain\n"
                 "(language, code, math, image, video, multimodal,\n"
                 "proteins, molecules)"},
        {.name = "train",
         .arg = "FLOPS",
         .kind = KIND_NUMBER,
         .field = FIELD(train),
         .bit = OPT_TRAIN,
         .units = UNITS_COMPUTE,
         .lo = 0,
         .hi = LAW_COMPUTE_MAX,
         .open_lo = true,
         .what = "FLOPs",
         .help = "test-time laws: training compute, FLOPs or PF-days"},
        {.name = "test",
         .arg = "FLOPS",
         .kind = KIND_NUMBER,
         .field = FIELD(test),
         .bit = OPT_TEST,
         .units = UNITS_COMPUTE,
         .lo = 0,
         .hi = LAW_COMPUTE_MAX,
         .open_lo = true,
         .what = "FLOPs",
         .help = "test-time laws: test-time compute per problem (or move),\n"
                 "FLOPs, 1 or more"},
        {.name = "problems",
         .arg = "Q",
         .kind = KIND_NUMBER,
         .field = FIELD(problems),
         .bit = OPT_PROBLEMS,
         .units = UNITS_COUNT,
         .lo = 1,
         .hi = 1e20,
         .what = "problems",
         .help = "test-time laws: problems served (1 to 1e20): total =\n"
                 "train + Q x test; default: serving costs about what\n"
                 "training does"},
        {.name = "samples",
         .arg = "K",
         .kind = KIND_NUMBER,
         .field = FIELD(samples),
         .bit = OPT_SAMPLES,
         .units = UNITS_COUNT,
         .lo = 1,
         .hi = 1e12,
         .what = "samples",
         .help = "coverage laws: samples per problem (1 to 1e12)"},
        {.name = "target",
         .arg = "P",
         .kind = KIND_NUMBER,
         .field = FIELD(target),
         .bit = OPT_TARGET,
         .units = UNITS_SIGNED,
         .lo = -1e300,
         .hi = 1e300,
         .what = "performance",
         .help = "test-time laws: a performance to reach, in the law's\n"
                 "units (Elo; a coverage in (0, 1)); in the explorer,\n"
                 "view K's coverage target; plan: the compute (FLOPs) whose\n"
                 "N* the sweep is to predict"},
        {.name = "format",
         .arg = "F",
         .kind = KIND_CHOICE,
         .field = FIELD(format),
         .bit = OPT_FORMAT,
         .words = format_words,
         .complete = COMPLETE_WORDS,
         .help = "text (default), csv or json"},
        /* two spaces after this label, as --help always had */
        {.name = "width",
         .arg = "W",
         .kind = KIND_SIZE,
         .field = FIELD(width),
         .bit = OPT_WIDTH,
         .lo = PLOT_MIN_W,
         .hi = PLOT_MAX_W,
         .label = "--width W, --height H ",
         .help = "plot size in characters (default 80x24)"},
        {.name = "height",
         .arg = "H",
         .kind = KIND_SIZE,
         .field = FIELD(height),
         .bit = OPT_HEIGHT,
         .lo = PLOT_MIN_H,
         .hi = PLOT_MAX_H},
        {.name = "range",
         .arg = "R",
         .kind = KIND_RANGE,
         .field = FIELD(range),
         .bit = OPT_RANGE,
         .help = "plot window NLOW:NHIGH,DLOW:DHIGH (10M:10T,100M:100T)"},
        {.name = "frontier",
         .arg = "ID",
         .kind = KIND_TEXT,
         .field = FIELD(frontier),
         .bit = OPT_FRONTIER,
         .complete = COMPLETE_LAW,
         .help = "plot contour: also draw this law's frontier (o)"},
        {.name = "compare",
         .arg = "ID",
         .kind = KIND_TEXT,
         .field = FIELD(compare),
         .bit = OPT_COMPARE,
         .complete = COMPLETE_LAW,
         .help = "compare: the law B whose compute is counted;\nplot contour: a second "
                 "law's frontier (#), in the legend;\nexplorer: opens comparing with it "
                 "(c)"},
        {.name = "stock",
         .arg = "ID",
         .kind = KIND_TEXT,
         .field = FIELD(stock),
         .bit = OPT_STOCK,
         .help = "a data stock (villalobos2024): plot contour draws it as a\nband "
                 "across the tokens axis; loss and optimum add the\nepochs of it "
                 "that D is; the explorer opens the data\nview on it (none: no band); "
                 "timeline: the stock\nthat sets the data wall"},
        {.name = "downstream",
         .arg = "ID",
         .kind = KIND_TEXT,
         .field = FIELD(downstream),
         .bit = OPT_DOWNSTREAM,
         .help = "a loss-to-error map (gadre2024, or one fit FILE\n"
                 "--output writes from (loss, accuracy) pairs): loss and\n"
                 "optimum add the top-1 error it derives (derived); the\n"
                 "explorer's readout gives it; the explorer and plot\n"
                 "contour draw its contours (A toggles)"},
        {.name = "delta",
         .kind = KIND_FLAG,
         .field = FIELD(delta),
         .bit = OPT_DELTA,
         .help = "with --compare, contours of the difference of the laws"},
        {.name = "color",
         .arg = "WHEN",
         .kind = KIND_CHOICE,
         .field = FIELD(color),
         .bit = OPT_COLOR,
         .words = color_words,
         .complete = COMPLETE_WORDS,
         .help = "auto (default), always or never; NO_COLOR is honoured"},
        {.name = "preset",
         .arg = "FILE",
         .kind = KIND_LIST,
         .field = FIELD(presets),
         .count = FIELD(npresets),
         .hi = CLI_MAX_PRESETS,
         .what = " files",
         .complete = COMPLETE_FILE,
         .help = "load a preset file first (repeatable); with `presets`,\n"
                 "check it and list what it defines"},
        {.name = "preset-dir",
         .arg = "DIR",
         .kind = KIND_LIST,
         .field = FIELD(preset_dirs),
         .count = FIELD(npreset_dirs),
         .hi = CLI_MAX_PRESETS,
         .what = " directories",
         .complete = COMPLETE_DIR,
         .help = "load DIR/laws/, models/, accelerators/, stocks/,\ntrends/ and testtime/*.yaml "
                 "(repeatable)"},
        {.name = "dump",
         .kind = KIND_FLAG,
         .field = FIELD(dump),
         .bit = OPT_DUMP,
         .help = "print the explorer's first frame and exit"},
        {.name = "unicode",
         .kind = KIND_FLAG,
         .field = FIELD(unicode),
         .bit = OPT_UNICODE,
         .help = "explorer: draw axes with line-drawing characters"},
        {.name = "tour",
         .arg = "ID|FILE",
         .kind = KIND_TEXT,
         .field = FIELD(tour),
         .bit = OPT_TOUR,
         .complete = COMPLETE_TOURS,
         .help = "play a tour for a talk (chinchilla-story ships)"},
        {.name = "record",
         .arg = "FILE",
         .kind = KIND_TEXT,
         .field = FIELD(record),
         .bit = OPT_RECORD,
         .complete = COMPLETE_FILE,
         .help = "explorer: r appends steps to this tour (default\n"
                 "tours/recorded.yaml in the config directory)"},
        {.name = "notes",
         .arg = "PATH",
         .kind = KIND_TEXT,
         .field = FIELD(notes),
         .bit = OPT_NOTES,
         .help = "with --tour: each step's speaker notes and the next\n"
                 "caption to a file, a FIFO or a terminal (/dev/pts/N)"},
        {.name = "force",
         .kind = KIND_FLAG,
         .field = FIELD(force),
         .bit = OPT_FORCE,
         .help = "tour --dump, fit --output: replace existing files (never\n"
                 "a directory, FIFO, device or socket)"},
        {.name = "method",
         .arg = "M",
         .kind = KIND_WORD,
         .field = FIELD(method),
         .bit = OPT_METHOD,
         .words = method_words,
         .complete = COMPLETE_WORDS,
         .help = "fit: parametric (default) or isoflop"},
        {.name = "bootstrap",
         .arg = "N",
         .kind = KIND_WHOLE,
         .field = FIELD(bootstrap),
         .bit = OPT_BOOTSTRAP,
         .hi = 100000,
         .help = "fit: N resamples (N >= 2) for intervals (default 0);\n"
                 "explorer with --runs: the 10-90% band of N* on the map,\n"
                 "the optimum's interval on the profiles and the readout\n"
                 "(and the compare line's k); plot contour with --runs:\n"
                 "the band; compare: k's 10-90% interval over N refits;\n"
                 "refused on fewer than 12 runs (resamples of fewer too\n"
                 "often hold no more distinct runs than the law's 5).\n"
                 "The runs' scatter alone: past the runs, not the error\n"
                 "of the law's form"},
        {.name = "seed",
         .arg = "S",
         .kind = KIND_WHOLE,
         .field = FIELD(seed),
         .bit = OPT_SEED,
         .hi = 2147483647L,
         .help = "fit, plan, explorer, plot contour, compare: the\nbootstrap's or "
                 "simulation's random seed (default 1)"},
        {.name = "exclude-top",
         .arg = "K",
         .kind = KIND_WHOLE,
         .field = FIELD(exclude_top),
         .bit = OPT_EXCLUDE,
         .hi = 1000000,
         .help = "fit: leave out the K highest-loss runs"},
        {.name = "at-compute",
         .arg = "C",
         .kind = KIND_NUMBER,
         .field = FIELD(at_compute),
         .bit = OPT_AT_COMPUTE,
         .units = UNITS_COMPUTE,
         .lo = LAW_COMPUTE_MIN,
         .hi = LAW_COMPUTE_MAX,
         .what = "FLOPs",
         .help = "fit: the budget N* and D* are reported at (1e24)"},
        {.name = "output",
         .arg = "FILE|-",
         .kind = KIND_TEXT,
         .field = FIELD(output),
         .bit = OPT_OUTPUT,
         .complete = COMPLETE_FILE,
         .help = "fit: write the law as a preset (never over a file);\n"
                 "-: to standard output, without the report"},
        {.name = "runs",
         .arg = "FILE|-",
         .kind = KIND_TEXT,
         .field = FIELD(runs),
         .bit = OPT_RUNS,
         .complete = COMPLETE_FILE,
         .help = "explorer, tour --dump, plot contour: your runs drawn\n"
                 "as x, their fit as law 'runs'; compare, loss: that fit\n"
                 "(loss's default law, one more row of --law all);\n"
                 "plan: their fit as the truth, the new runs above theirs"},
        {.name = "budget",
         .arg = "FLOPS",
         .kind = KIND_NUMBER,
         .field = FIELD(plan_budget),
         .bit = OPT_BUDGET,
         .units = UNITS_COMPUTE,
         .lo = LAW_COMPUTE_MIN,
         .hi = LAW_COMPUTE_MAX,
         .what = "FLOPs",
         .help = "plan: FLOPs the whole sweep may spend (sum of 6ND)"},
        {.name = "budgets",
         .arg = "K",
         .kind = KIND_WHOLE,
         .field = FIELD(plan_budgets),
         .bit = OPT_NBUDGETS,
         .lo = 2,
         .hi = PLAN_MAX_BUDGETS,
         .help = "plan: compute budgets in the sweep (default 3)"},
        {.name = "sizes",
         .arg = "S",
         .kind = KIND_WHOLE,
         .field = FIELD(sizes),
         .bit = OPT_SIZES,
         .lo = PLAN_MIN_SIZES,
         .hi = PLAN_MAX_SIZES,
         .help = "plan: model sizes per budget (default 5)"},
        {.name = "noise",
         .arg = "SIGMA",
         .kind = KIND_NUMBER,
         .field = FIELD(noise),
         .bit = OPT_NOISE,
         .units = UNITS_PLAIN,
         .lo = 0,
         .hi = PLAN_MAX_NOISE,
         .open_lo = true,
         .what = "sd of log loss",
         .help = "plan: run-to-run noise, sd of log loss (default 0.005;\nwith --runs, "
                 "their RMS log residual about their\nfit over n - 5: "
                 "needed with 5 runs or fewer)"},
        {.name = "replicas",
         .arg = "R",
         .kind = KIND_WHOLE,
         .field = FIELD(replicas),
         .bit = OPT_REPLICAS,
         .lo = 2,
         .hi = 100000,
         .help = "plan: simulated sweeps to fit (default 200)"},
        {.name = "larger",
         .arg = "M",
         .kind = KIND_NUMBER,
         .field = FIELD(larger),
         .bit = OPT_LARGER,
         .units = UNITS_PLAIN,
         .lo = 1,
         .hi = 1e6,
         .open_lo = true,
         .what = "times larger",
         .help = "test-time: the larger model, M times N (default 2, 4, 14)"},
        {.name = "keys",
         .kind = KIND_ACTION,
         .action = commands_print_keys,
         .help = "list the explorer's keys"},
        {.name = "help",
         .short_name = 'h',
         .kind = KIND_ACTION,
         .action = commands_print_help,
         .help = "this help"},
        {.name = "version",
         .short_name = 'V',
         .kind = KIND_ACTION,
         .action = commands_print_version,
         .help = "version"},
};

const size_t cli_noptions = sizeof cli_options / sizeof *cli_options;
_Static_assert(sizeof cli_options / sizeof *cli_options <= CLI_MAX_OPTIONS,
               "raise CLI_MAX_OPTIONS: getopt_long's array holds them all");

/* getopt_long returns 256 + the row for long names, the letter for short ones */
#define OPTION_VAL(i) (256 + (int)(i))

void options_getopt(struct option *longs, char *shorts, size_t size)
{
	size_t used = (size_t)snprintf(shorts, size, ":"); /* ':' for a missing value */

	for (size_t i = 0; i < cli_noptions; i++) {
		const struct cli_option *o = &cli_options[i];
		longs[i] = (struct option){o->name, o->arg ? required_argument : no_argument, NULL,
		                           OPTION_VAL(i)};
		if (o->short_name && used + 1 < size) {
			shorts[used++] = o->short_name;
			shorts[used] = '\0';
		}
	}
	longs[cli_noptions] = (struct option){NULL, 0, NULL, 0};
}

const struct cli_option *options_find(int c)
{
	for (size_t i = 0; i < cli_noptions; i++)
		if (c == OPTION_VAL(i) ||
		    (cli_options[i].short_name && c == cli_options[i].short_name))
			return &cli_options[i];
	return NULL;
}

void options_join(const char *const *words, char *buf, size_t size)
{
	size_t n = 0;

	buf[0] = '\0';
	while (words[n] != NULL)
		n++;
	for (size_t i = 0; i < n; i++) {
		size_t used = strlen(buf);
		const char *sep = i == 0 ? "" : i + 1 == n ? " or " : ", ";
		snprintf(buf + used, size - used, "%s%s", sep, words[i]);
	}
}

/* The physical range check of a number: 0, or EXIT_USAGE after one line. */
static int number_in_range(const struct cli_option *o, const char *arg, double x)
{
	char los[32], his[32];

	if (!((o->open_lo ? x <= o->lo : x < o->lo) || x > o->hi))
		return 0;
	units_format_short(o->lo, los, sizeof los);
	units_format_short(o->hi, his, sizeof his);
	if (o->open_lo)
		return cli_error("--%s: out of range (more than %s and at most %s %s): '%s'",
		                 o->name, los, his, o->what, arg);
	return cli_error("--%s: out of range (%s from %s to %s): '%s'", o->name, o->what, los, his,
	                 arg);
}

static int parse_number(const struct cli_option *o, const char *arg, void *field)
{
	const char *why;
	double x;

	/* compute: zero or less says so plainly (only these rows are open at 0) */
	if (o->open_lo && o->lo == 0 && units_parse(arg, UNITS_SIGNED, &x, &why) && x <= 0)
		return cli_error("--%s must be positive %s, not %s", o->name, o->what, arg);
	if (!units_parse(arg, o->units, field, &why))
		return cli_error("--%s: %s: '%s'", o->name, why, arg);
	return number_in_range(o, arg, *(double *)field);
}

/* One budget of a --compute list or range: a number in the row's range. */
static int parse_budget(const struct cli_option *o, const char *arg, const char *s, size_t len,
                        double *out)
{
	char buf[64];
	const char *why;

	if (len == 0 || len >= sizeof buf)
		return cli_error("--%s: expected C, C,C,... or LO:HI[:STEP], not '%s'", o->name,
		                 arg);
	memcpy(buf, s, len);
	buf[len] = '\0';
	if (!units_parse(buf, o->units, out, &why))
		return cli_error("--%s: %s: '%s' in '%s'", o->name, why, buf, arg);
	return number_in_range(o, arg, *out);
}

/* LO:HI[:STEP]: LO times STEP (10 unless given) to the i, up to HI. */
static int parse_budget_range(const struct cli_option *o, const char *arg, struct cli *cli)
{
	const char *c1 = strchr(arg, ':'), *c2 = strchr(c1 + 1, ':');
	const char *end = arg + strlen(arg);
	double lo, hi, step = 10;
	int rc;

	if (strchr(arg, ',') != NULL || (c2 != NULL && strchr(c2 + 1, ':') != NULL))
		return cli_error("--%s: expected LO:HI or LO:HI:STEP, not '%s'", o->name, arg);
	if ((rc = parse_budget(o, arg, arg, (size_t)(c1 - arg), &lo)) != 0 ||
	    (rc = parse_budget(o, arg, c1 + 1, (size_t)((c2 ? c2 : end) - c1 - 1), &hi)) != 0)
		return rc;
	if (c2 != NULL && !units_parse(c2 + 1, UNITS_PLAIN, &step, &(const char *){NULL}))
		return cli_error("--%s: the step must be a number, a factor such as 10: '%s'",
		                 o->name, arg);
	if (!(step > 1) || !isfinite(step))
		return cli_error("--%s: the step is a factor between budgets and must exceed 1: "
		                 "'%s'",
		                 o->name, arg);
	if (hi < lo)
		return cli_error("--%s: the range runs from low to high (LO:HI): '%s'", o->name,
		                 arg);
	/*
	 * Powers, not a running product, so the ends are not off by the rounding
	 * of each step; a step that lands within a millionth past HI (a ratio
	 * given to seven digits) counts, and stops at HI.
	 */
	double rows = floor(log(hi / lo) / log(step) * (1 + 1e-6) + 1e-9) + 1;
	if (rows > CLI_MAX_BUDGETS)
		return cli_error("--%s: '%s' is %.0f budgets; at most %d", o->name, arg, rows,
		                 CLI_MAX_BUDGETS);
	cli->nbudgets = (int)rows;
	for (int i = 0; i < cli->nbudgets; i++)
		cli->budgets[i] = fmin(lo * pow(step, i), hi);
	return 0;
}

/* KIND_BUDGETS: C, a list C,C,..., or a range LO:HI[:STEP]; the first is also cli->compute. */
static int parse_budgets(const struct cli_option *o, const char *arg, struct cli *cli)
{
	int rc = 0;

	cli->nbudgets = 0;
	if (strchr(arg, ':') != NULL)
		rc = parse_budget_range(o, arg, cli);
	else
		for (const char *s = arg;; s++) {
			const char *comma = strchr(s, ',');
			size_t len = comma ? (size_t)(comma - s) : strlen(s);
			if (cli->nbudgets == CLI_MAX_BUDGETS)
				return cli_error("--%s: at most %d budgets: '%s'", o->name,
				                 CLI_MAX_BUDGETS, arg);
			if ((rc = parse_budget(o, arg, s, len, &cli->budgets[cli->nbudgets])) != 0)
				return rc;
			cli->nbudgets++;
			if (comma == NULL)
				break;
			s = comma;
		}
	if (rc == 0)
		cli->compute = cli->budgets[0];
	return rc;
}

/* KIND_WHOLE and KIND_SIZE: cli_whole, then stored as a long or an int. */
static int parse_whole(const struct cli_option *o, const char *arg, void *field)
{
	char flag[64];
	long v;
	int rc;

	snprintf(flag, sizeof flag, "--%s", o->name);
	if ((rc = cli_whole(flag, arg, (long)o->lo, (long)o->hi, &v)) != 0)
		return rc;
	if (o->kind == KIND_SIZE)
		*(int *)field = (int)v;
	else
		*(long *)field = v;
	return 0;
}

/* KIND_CHOICE and KIND_WORD: the value must be one of the row's words. */
static int parse_choice(const struct cli_option *o, const char *arg, void *field)
{
	char expected[128];

	for (int i = 0; o->words[i] != NULL; i++) {
		if (strcmp(arg, o->words[i]) != 0)
			continue;
		if (o->kind == KIND_CHOICE)
			*(int *)field = i;
		else
			*(const char **)field = arg;
		return 0;
	}
	options_join(o->words, expected, sizeof expected);
	return cli_error("--%s: expected %s, not '%s'", o->name, expected, arg);
}

/* KIND_LIST: one more value, at most hi of them. */
static int parse_list(const struct cli_option *o, const char *arg, struct cli *cli)
{
	const char **list = (const char **)((char *)cli + o->field);
	int *count = (int *)((char *)cli + o->count);

	if (*count == (int)o->hi)
		return cli_error("--%s: at most %d%s", o->name, (int)o->hi, o->what);
	list[(*count)++] = arg;
	return 0;
}

/*
 * --bootstrap 1: a single resample has no spread, yet fit would print a
 * zero-width interval and compare a blank one; refused here for every
 * command (0 stays: fit's "none").
 */
static int check_bootstrap(const struct cli *cli)
{
	if (cli->bootstrap == 1)
		return cli_error("--bootstrap: 1 resample gives no interval: give 2 or more (200 "
		                 "is usual)");
	return 0;
}

int options_parse(const struct cli_option *o, const char *arg, struct cli *cli)
{
	void *field = (char *)cli + o->field;
	int rc = 0;

	switch (o->kind) {
	case KIND_TEXT:
		*(const char **)field = arg;
		break;
	case KIND_FLAG:
		*(bool *)field = true;
		break;
	case KIND_NUMBER:
		rc = parse_number(o, arg, field);
		break;
	case KIND_WHOLE:
	case KIND_SIZE:
		rc = parse_whole(o, arg, field);
		if (rc == 0 && o->bit == OPT_BOOTSTRAP)
			rc = check_bootstrap(cli);
		break;
	case KIND_CHOICE:
	case KIND_WORD:
		rc = parse_choice(o, arg, field);
		break;
	case KIND_LIST:
		/* a full list is refused before the option counts as given */
		if ((rc = parse_list(o, arg, cli)) != 0)
			return rc;
		break;
	case KIND_RANGE:
		rc = cli_parse_range(arg, field);
		break;
	case KIND_BUDGETS:
		rc = parse_budgets(o, arg, cli);
		break;
	case KIND_ACTION: /* main runs it and exits */
		break;
	}
	cli->given |= o->bit;
	return rc;
}

void options_print_help(FILE *out)
{
	fputs("options:\n", out);
	for (size_t i = 0; i < cli_noptions; i++) {
		const struct cli_option *o = &cli_options[i];
		char label[64];
		if (o->help == NULL)
			continue;
		if (o->label != NULL)
			snprintf(label, sizeof label, "%s", o->label);
		else if (o->short_name)
			snprintf(label, sizeof label, "-%c, --%s", o->short_name, o->name);
		else
			snprintf(label, sizeof label, "--%s%s%s", o->name, o->arg ? " " : "",
			         o->arg ? o->arg : "");
		fprintf(out, "  %-20s ", label);
		/* continuation lines start under the first line's text */
		for (const char *s = o->help; *s; s++) {
			fputc(*s, out);
			if (*s == '\n')
				fprintf(out, "%23s", "");
		}
		fputc('\n', out);
	}
}

const struct cli_command *commands_named(const char *name)
{
	for (size_t i = 0; i < cli_ncommands; i++)
		if (strcmp(name, cli_commands[i].name) == 0)
			return &cli_commands[i];
	return NULL;
}

const struct cli_command *commands_with_operand(const struct cli_command *c, const char *operand)
{
	if (c->operand == NULL)
		return c;
	for (size_t i = 0; i < cli_ncommands; i++)
		if (strcmp(c->name, cli_commands[i].name) == 0 && operand != NULL &&
		    strcmp(operand, cli_commands[i].operand) == 0)
			return &cli_commands[i];
	return NULL;
}

void commands_operands(const struct cli_command *c, char *buf, size_t size)
{
	const char *words[8];
	size_t n = 0;

	for (size_t i = 0; i < cli_ncommands && n + 1 < sizeof words / sizeof *words; i++)
		if (strcmp(c->name, cli_commands[i].name) == 0 && cli_commands[i].operand != NULL)
			words[n++] = cli_commands[i].operand;
	words[n] = NULL;
	options_join(words, buf, size);
}

int options_check(const struct cli *cli, const struct cli_command *c)
{
	if (cli->nbudgets > 1 && !(c->options & OPT_BUDGETS))
		return cli_error("--compute: a list or range of budgets is for 'optimum'; '%s' "
		                 "takes one",
		                 c->what);
	/* in the order of the bits, so that the first refused is the one it always was */
	for (int b = 0; b < 64; b++) {
		unsigned long long bit = 1ull << b;
		if (!(cli->given & bit) || (c->options & bit))
			continue;
		for (size_t i = 0; i < cli_noptions; i++)
			if (cli_options[i].bit == bit)
				return cli_error("--%s does not apply to '%s' (see isoflop --help)",
				                 cli_options[i].name, c->what);
	}
	return 0;
}
