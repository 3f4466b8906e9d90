/*
 * options.c: the option table (one row per option, in --help's order) and
 * the handlers that parse a value of each kind into struct cli.
 */
#include <stdio.h>
#include <string.h>

#include "../../model/law.h"
#include "options.h"

static const char *const color_words[] = {"auto", "always", "never", NULL};
static const char *const format_words[] = {"text", "csv", "json", NULL};
static const char *const method_words[] = {"parametric", "isoflop", NULL};

/* KIND_CHOICE writes an int where the enum is: they must have one size */
_Static_assert(sizeof(enum color_mode) == sizeof(int), "--color is stored as an int");
_Static_assert(sizeof(enum table_format) == sizeof(int), "--format is stored as an int");

#define FIELD(f) offsetof(struct cli, f)

/*
 * The physical ranges of numbers come from model/units.h, which says why
 * those ends: a denormal 1e-320 parameters once made a 117-digit loss.
 */
const struct cli_option cli_options[] = {
        /* name, short, arg, kind, field, count, bit, units, lo, hi, open_lo, what, words,
           action, complete, label, help */
        {"law", 0, "ID", KIND_TEXT, FIELD(law), 0, OPT_LAW, 0, 0, 0, false, NULL, NULL, NULL,
         COMPLETE_LAWS, NULL, "law preset (default " CLI_DEFAULT_LAW "); all: every law"},
        {"params", 0, "N", KIND_NUMBER, FIELD(params), 0, OPT_PARAMS, UNITS_COUNT, UNITS_PARAMS_MIN,
         UNITS_PARAMS_MAX, false, "parameters", NULL, NULL, COMPLETE_NONE, NULL,
         "parameters: 70e9, 70B (100 to 1e16; no blanks around)"},
        {"tokens", 0, "D", KIND_NUMBER, FIELD(tokens), 0, OPT_TOKENS, UNITS_COUNT, UNITS_TOKENS_MIN,
         UNITS_TOKENS_MAX, false, "tokens", NULL, NULL, COMPLETE_NONE, NULL,
         "training tokens: 1.4T (1e3 to 1e18)"},
        {"model", 0, "ID", KIND_LIST, FIELD(models), FIELD(nmodels), OPT_MODEL, 0, 0,
         CLI_MAX_MODELS, false, "", NULL, NULL, COMPLETE_MODELS, NULL,
         "take N and D from a model preset (gpt3, chinchilla ...);\n"
         "plot contour: mark it (repeatable; all: every model)"},
        {"compute", 0, "C", KIND_NUMBER, FIELD(compute), 0, OPT_COMPUTE, UNITS_COMPUTE,
         LAW_COMPUTE_MIN, LAW_COMPUTE_MAX, false, "FLOPs", NULL, NULL, COMPLETE_NONE, NULL,
         "training FLOPs: 5.76e23, or PF-days: 3.64e3pfd (1e10 to\n1e35 FLOPs)"},
        {"loss", 0, "L", KIND_NUMBER, FIELD(loss), 0, OPT_LOSS, UNITS_PLAIN, UNITS_LOSS_MIN,
         UNITS_LOSS_MAX, false, "nats per token", NULL, NULL, COMPLETE_NONE, NULL,
         "target loss in nats per token"},
        {"unique-tokens", 0, "U", KIND_NUMBER, FIELD(unique), 0, OPT_UNIQUE, UNITS_COUNT,
         UNITS_TOKENS_MIN, UNITS_TOKENS_MAX, false, "unique tokens", NULL, NULL, COMPLETE_NONE,
         NULL, "unique tokens available (data-constrained laws)"},
        {"inference-tokens", 0, "T", KIND_NUMBER, FIELD(inference), 0, OPT_INFERENCE, UNITS_COUNT,
         1, 1e20, false, "tokens", NULL, NULL, COMPLETE_NONE, NULL,
         "tokens served over the model's life"},
        {"gpu", 0, "ID", KIND_TEXT, FIELD(gpu), 0, OPT_GPU, 0, 0, 0, false, NULL, NULL, NULL,
         COMPLETE_ACCELERATORS, NULL,
         "optimum: the accelerator: h100, tpu-v5p ... (isoflop\npresets accelerators lists them)"},
        {"gpus", 0, "N", KIND_WHOLE, FIELD(gpus), 0, OPT_GPUS, 0, 1, 100000000, false, NULL, NULL,
         NULL, COMPLETE_NONE, NULL, "optimum: how many accelerators train"},
        {"mfu", 0, "F", KIND_NUMBER, FIELD(mfu), 0, OPT_MFU, UNITS_PLAIN, 1e-4, 1, false,
         "a share of the peak", NULL, NULL, COMPLETE_NONE, NULL,
         "optimum: model FLOPs utilisation, 1e-4 to 1 of the peak"},
        {"days", 0, "D", KIND_NUMBER, FIELD(days), 0, OPT_DAYS, UNITS_PLAIN, 1e-6, 1e6, false,
         "days", NULL, NULL, COMPLETE_NONE, NULL, "optimum: wall-clock days of training"},
        {"format", 0, "F", KIND_CHOICE, FIELD(format), 0, OPT_FORMAT, 0, 0, 0, false, NULL,
         format_words, NULL, COMPLETE_WORDS, NULL, "text (default), csv or json"},
        /* two spaces after this label, as --help always had */
        {"width", 0, "W", KIND_SIZE, FIELD(width), 0, OPT_WIDTH, 0, PLOT_MIN_W, PLOT_MAX_W, false,
         NULL, NULL, NULL, COMPLETE_NONE, "--width W, --height H ",
         "plot size in characters (default 80x24)"},
        {"height", 0, "H", KIND_SIZE, FIELD(height), 0, OPT_HEIGHT, 0, PLOT_MIN_H, PLOT_MAX_H,
         false, NULL, NULL, NULL, COMPLETE_NONE, NULL, NULL},
        {"range", 0, "R", KIND_RANGE, FIELD(range), 0, OPT_RANGE, 0, 0, 0, false, NULL, NULL, NULL,
         COMPLETE_NONE, NULL, "plot window NLOW:NHIGH,DLOW:DHIGH (10M:10T,100M:100T)"},
        {"frontier", 0, "ID", KIND_TEXT, FIELD(frontier), 0, OPT_FRONTIER, 0, 0, 0, false, NULL,
         NULL, NULL, COMPLETE_LAW, NULL, "plot contour: also draw this law's frontier (o)"},
        {"compare", 0, "ID", KIND_TEXT, FIELD(compare), 0, OPT_COMPARE, 0, 0, 0, false, NULL, NULL,
         NULL, COMPLETE_LAW, NULL, "plot contour: a second law's frontier (o), in the legend;"},
        {"delta", 0, NULL, KIND_FLAG, FIELD(delta), 0, OPT_DELTA, 0, 0, 0, false, NULL, NULL, NULL,
         COMPLETE_NONE, NULL, "with --compare, contours of the difference of the laws"},
        {"color", 0, "WHEN", KIND_CHOICE, FIELD(color), 0, OPT_COLOR, 0, 0, 0, false, NULL,
         color_words, NULL, COMPLETE_WORDS, NULL,
         "auto (default), always or never; NO_COLOR is honoured"},
        {"preset", 0, "FILE", KIND_LIST, FIELD(presets), FIELD(npresets), 0, 0, 0, CLI_MAX_PRESETS,
         false, " files", NULL, NULL, COMPLETE_FILE, NULL,
         "load a preset file first (repeatable); with `presets`,\n"
         "check it and list what it defines"},
        {"preset-dir", 0, "DIR", KIND_LIST, FIELD(preset_dirs), FIELD(npreset_dirs), 0, 0, 0,
         CLI_MAX_PRESETS, false, " directories", NULL, NULL, COMPLETE_DIR, NULL,
         "load DIR/laws/, DIR/models/ and DIR/accelerators/*.yaml\n(repeatable)"},
        {"dump", 0, NULL, KIND_FLAG, FIELD(dump), 0, OPT_DUMP, 0, 0, 0, false, NULL, NULL, NULL,
         COMPLETE_NONE, NULL, "print the explorer's first frame and exit"},
        {"unicode", 0, NULL, KIND_FLAG, FIELD(unicode), 0, OPT_UNICODE, 0, 0, 0, false, NULL, NULL,
         NULL, COMPLETE_NONE, NULL, "explorer: draw axes with line-drawing characters"},
        {"tour", 0, "ID|FILE", KIND_TEXT, FIELD(tour), 0, OPT_TOUR, 0, 0, 0, false, NULL, NULL,
         NULL, COMPLETE_TOURS, NULL, "play a tour for a talk (chinchilla-story ships)"},
        {"force", 0, NULL, KIND_FLAG, FIELD(force), 0, OPT_FORCE, 0, 0, 0, false, NULL, NULL, NULL,
         COMPLETE_NONE, NULL,
         "tour --dump, fit --output: replace existing files (never\n"
         "a directory, FIFO, device or socket)"},
        {"method", 0, "M", KIND_WORD, FIELD(method), 0, OPT_METHOD, 0, 0, 0, false, NULL,
         method_words, NULL, COMPLETE_WORDS, NULL, "fit: parametric (default) or isoflop"},
        {"bootstrap", 0, "N", KIND_WHOLE, FIELD(bootstrap), 0, OPT_BOOTSTRAP, 0, 0, 100000, false,
         NULL, NULL, NULL, COMPLETE_NONE, NULL,
         "fit: N resamples for percentile intervals (default 0)"},
        {"seed", 0, "S", KIND_WHOLE, FIELD(seed), 0, OPT_SEED, 0, 0, 2147483647L, false, NULL, NULL,
         NULL, COMPLETE_NONE, NULL, "fit: the bootstrap's random seed (default 1)"},
        {"exclude-top", 0, "K", KIND_WHOLE, FIELD(exclude_top), 0, OPT_EXCLUDE, 0, 0, 1000000,
         false, NULL, NULL, NULL, COMPLETE_NONE, NULL, "fit: leave out the K highest-loss runs"},
        {"at-compute", 0, "C", KIND_NUMBER, FIELD(at_compute), 0, OPT_AT_COMPUTE, UNITS_COMPUTE,
         LAW_COMPUTE_MIN, LAW_COMPUTE_MAX, false, "FLOPs", NULL, NULL, COMPLETE_NONE, NULL,
         "fit: the budget N* and D* are reported at (1e24)"},
        {"output", 0, "FILE|-", KIND_TEXT, FIELD(output), 0, OPT_OUTPUT, 0, 0, 0, false, NULL, NULL,
         NULL, COMPLETE_FILE, NULL,
         "fit: write the law as a preset (never over a file);\n"
         "-: to standard output, without the report"},
        {"runs", 0, "FILE|-", KIND_TEXT, FIELD(runs), 0, OPT_RUNS, 0, 0, 0, false, NULL, NULL, NULL,
         COMPLETE_FILE, NULL, "explorer: your runs drawn as x, their fit as law 'runs'"},
        {"larger", 0, "M", KIND_NUMBER, FIELD(larger), 0, OPT_LARGER, UNITS_PLAIN, 1, 1e6, true,
         "times larger", NULL, NULL, COMPLETE_NONE, NULL,
         "test-time: the larger model, M times N (default 2, 4, 14)"},
        {"keys", 0, NULL, KIND_ACTION, 0, 0, 0, 0, 0, 0, false, NULL, NULL, commands_print_keys,
         COMPLETE_NONE, NULL, "list the explorer's keys"},
        {"help", 'h', NULL, KIND_ACTION, 0, 0, 0, 0, 0, 0, false, NULL, NULL, commands_print_help,
         COMPLETE_NONE, NULL, "this help"},
        {"version", 'V', NULL, KIND_ACTION, 0, 0, 0, 0, 0, 0, false, NULL, NULL,
         commands_print_version, COMPLETE_NONE, NULL, "version"},
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

	if (!units_parse(arg, o->units, field, &why))
		return cli_error("--%s: %s: '%s'", o->name, why, arg);
	return number_in_range(o, arg, *(double *)field);
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
