/*
 * cli.c: the helpers every batch command shares: one-line errors, option
 * checks and the choice of laws.
 */
#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "../../model/law.h"
#include "../../model/units.h"
#include "cli.h"

int cli_error(const char *fmt, ...)
{
	va_list ap;

	fputs("isoflop: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	return EXIT_USAGE;
}

static const struct {
	unsigned long long bit;
	const char *name;
} option_names[] = {
        {OPT_LAW, "--law"},
        {OPT_PARAMS, "--params"},
        {OPT_TOKENS, "--tokens"},
        {OPT_COMPUTE, "--compute"},
        {OPT_LOSS, "--loss"},
        {OPT_UNIQUE, "--unique-tokens"},
        {OPT_INFERENCE, "--inference-tokens"},
        {OPT_MODEL, "--model"},
        {OPT_FORMAT, "--format"},
        {OPT_WIDTH, "--width"},
        {OPT_HEIGHT, "--height"},
        {OPT_RANGE, "--range"},
        {OPT_FRONTIER, "--frontier"},
        {OPT_COLOR, "--color"},
        {OPT_DUMP, "--dump"},
        {OPT_UNICODE, "--unicode"},
        {OPT_TOUR, "--tour"},
        {OPT_FORCE, "--force"},
        {OPT_METHOD, "--method"},
        {OPT_BOOTSTRAP, "--bootstrap"},
        {OPT_SEED, "--seed"},
        {OPT_EXCLUDE, "--exclude-top"},
        {OPT_OUTPUT, "--output"},
        {OPT_AT_COMPUTE, "--at-compute"},
        {OPT_RUNS, "--runs"},
        {OPT_LARGER, "--larger"},
        {OPT_COMPARE, "--compare"},
        {OPT_DELTA, "--delta"},
        {OPT_GPU, "--gpu"},
        {OPT_GPUS, "--gpus"},
        {OPT_MFU, "--mfu"},
        {OPT_DAYS, "--days"},
};

int cli_check_options(const struct cli *cli, const char *command, unsigned long long allowed)
{
	for (size_t i = 0; i < sizeof option_names / sizeof *option_names; i++)
		if ((cli->given & option_names[i].bit) && !(allowed & option_names[i].bit))
			return cli_error("%s does not apply to '%s' (see isoflop --help)",
			                 option_names[i].name, command);
	return 0;
}

/*
 * The physical range of each numeric option (model/units.h says why these
 * ends): a denormal 1e-320 parameters once made a 117-digit loss. open_lo:
 * the low end is excluded.
 */
static const struct {
	const char *name;
	double lo, hi;
	bool open_lo;
	const char *what; /* the quantity in words, for the message */
} number_ranges[] = {
        {"--params", UNITS_PARAMS_MIN, UNITS_PARAMS_MAX, false, "parameters"},
        {"--tokens", UNITS_TOKENS_MIN, UNITS_TOKENS_MAX, false, "tokens"},
        {"--unique-tokens", UNITS_TOKENS_MIN, UNITS_TOKENS_MAX, false, "unique tokens"},
        {"--inference-tokens", 1, 1e20, false, "tokens"},
        {"--compute", LAW_COMPUTE_MIN, LAW_COMPUTE_MAX, false, "FLOPs"},
        {"--at-compute", LAW_COMPUTE_MIN, LAW_COMPUTE_MAX, false, "FLOPs"},
        {"--loss", UNITS_LOSS_MIN, UNITS_LOSS_MAX, false, "nats per token"},
        {"--larger", 1, 1e6, true, "times larger"},
        {"--mfu", 1e-4, 1, false, "a share of the peak"},
        {"--days", 1e-6, 1e6, false, "days"},
};

int cli_number(const char *option, const char *arg, enum units_kind kind, double *out)
{
	const char *why;

	if (!units_parse(arg, kind, out, &why))
		return cli_error("%s: %s: '%s'", option, why, arg);
	for (size_t i = 0; i < sizeof number_ranges / sizeof *number_ranges; i++) {
		double lo = number_ranges[i].lo, hi = number_ranges[i].hi;
		char los[32], his[32];
		if (strcmp(option, number_ranges[i].name) != 0)
			continue;
		if (!((number_ranges[i].open_lo ? *out <= lo : *out < lo) || *out > hi))
			return 0;
		units_format_short(lo, los, sizeof los);
		units_format_short(hi, his, sizeof his);
		if (number_ranges[i].open_lo)
			return cli_error("%s: out of range (more than %s and at most %s %s): '%s'",
			                 option, los, his, number_ranges[i].what, arg);
		return cli_error("%s: out of range (%s from %s to %s): '%s'", option,
		                 number_ranges[i].what, los, his, arg);
	}
	return 0;
}

int cli_whole(const char *option, const char *arg, long lo, long hi, long *out)
{
	char *end;

	/* strtol would skip leading blanks: refuse them as units_parse does */
	if (units_has_blank_edge(arg))
		return cli_error("%s: blanks around the number (write it without spaces): '%s'",
		                 option, arg);
	errno = 0;
	long v = strtol(arg, &end, 10);
	if (end == arg || *end != '\0' || errno != 0 || v < lo || v > hi)
		return cli_error("%s: expected a whole number from %ld to %ld, not '%s'", option,
		                 lo, hi, arg);
	*out = v;
	return 0;
}

int cli_laws(const struct cli *cli, const struct catalog_entry **out, int max)
{
	const char *id = cli->law ? cli->law : CLI_DEFAULT_LAW;
	int n = 0;

	if (strcmp(id, "all") == 0) {
		for (size_t i = 0; i < cli->catalog.nlaws && n < max; i++)
			out[n++] = &cli->catalog.laws[i];
		return n;
	}
	out[0] = catalog_law(&cli->catalog, id);
	if (out[0] == NULL) {
		cli_error("unknown law '%s' (isoflop presets laws lists them)", id);
		return -1;
	}
	return 1;
}

void cli_append_id(char *list, size_t size, const char *id)
{
	size_t used = strlen(list);

	if (used + strlen(id) + 3 > size)
		return;
	snprintf(list + used, size - used, "%s%s", used ? ", " : "", id);
}

/* One "LO:HI" half of a --range; end points at the separator (or the string's end). */
static int parse_interval(const char *s, size_t len, const char *what, double out[2])
{
	char buf[64], *colon;
	const char *why;

	if (len >= sizeof buf)
		return cli_error("--range: %s interval too long", what);
	memcpy(buf, s, len);
	buf[len] = '\0';
	colon = strchr(buf, ':');
	if (colon == NULL)
		return cli_error("--range: expected LOW:HIGH for %s, not '%s'", what, buf);
	*colon = '\0';
	if (!units_parse(buf, UNITS_COUNT, &out[0], &why) ||
	    !units_parse(colon + 1, UNITS_COUNT, &out[1], &why))
		return cli_error("--range: %s %s: '%s:%s'", what, why, buf, colon + 1);
	/* within [1, 1e30]: k N D and its logarithms stay finite, loops over decades short */
	if (out[0] < 1 || out[1] > 1e30)
		return cli_error("--range: %s must lie between 1 and 1e30: '%s:%s'", what, buf,
		                 colon + 1);
	/* a decade at least, so that there is a tick; 30 at most, so that there is a picture */
	if (out[1] < 10 * out[0] * (1 - 1e-12))
		return cli_error("--range: %s must span at least a factor of 10: '%s:%s'", what,
		                 buf, colon + 1);
	if (out[1] > 1e30 * out[0])
		return cli_error("--range: %s spans more than 30 decades: '%s:%s'", what, buf,
		                 colon + 1);
	return 0;
}

int cli_parse_range(const char *arg, double out[4])
{
	const char *comma = strchr(arg, ',');
	int rc;

	if (comma == NULL)
		return cli_error(
		        "--range: expected NLOW:NHIGH,DLOW:DHIGH (e.g. 10M:10T,100M:100T), "
		        "not '%s'",
		        arg);
	if ((rc = parse_interval(arg, (size_t)(comma - arg), "parameters", out)) != 0)
		return rc;
	return parse_interval(comma + 1, strlen(comma + 1), "tokens", out + 2);
}

bool cli_use_color(const struct cli *cli)
{
	const char *no_color = getenv("NO_COLOR"), *term = getenv("TERM");

	if (cli->color != COLOR_AUTO)
		return cli->color == COLOR_ALWAYS;
	/* https://no-color.org: present and non-empty means no colour */
	if (no_color != NULL && no_color[0] != '\0')
		return false;
	return isatty(STDOUT_FILENO) && term != NULL && strcmp(term, "dumb") != 0;
}

int cli_text_width(void)
{
	const char *columns = getenv("COLUMNS");
	struct winsize ws;

	/* a COLUMNS that is not a plain whole number (" 80", "80x") is ignored, as ps does */
	if (columns != NULL && isdigit((unsigned char)columns[0])) {
		char *end;
		long n = strtol(columns, &end, 10);
		if (*end == '\0' && n > 0 && n <= 10000)
			return (int)n;
	}
	if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
		return ws.ws_col;
	return 0;
}

int cli_load_tour(const struct cli *cli, const char *name, struct tour *out)
{
	char path[4200], err[1024];
	size_t len = strlen(name);

	if (strchr(name, '/') != NULL || (len > 5 && strcmp(name + len - 5, ".yaml") == 0)) {
		if (tour_load(name, out, err, sizeof err) != 0) {
			fprintf(stderr, "%s\n", err);
			return EXIT_USAGE;
		}
		return 0;
	}
	for (int i = 0; i < 3; i++) {
		if (cli->tour_dirs[i] == NULL)
			continue;
		snprintf(path, sizeof path, "%s/tours/%s.yaml", cli->tour_dirs[i], name);
		if (access(path, F_OK) != 0)
			continue;
		if (tour_load(path, out, err, sizeof err) != 0) {
			fprintf(stderr, "%s\n", err);
			return EXIT_USAGE;
		}
		return 0;
	}
	return cli_error("no tour '%s' (the shipped one is chinchilla-story; a file path "
	                 "plays your own)",
	                 name);
}
