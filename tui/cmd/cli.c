/*
 * cli.c: the helpers every batch command shares: one-line errors, whole
 * numbers, --range and the choice of laws.
 */
#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

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

int cli_unknown_law(const struct cli *cli, const char *option, const char *id)
{
	const char *near = catalog_law_nearest(cli->catalog, id);

	if (near != NULL)
		return cli_error(
		        "%sunknown law '%s' (did you mean '%s'? isoflop presets laws lists "
		        "them)",
		        option, id, near);
	return cli_error("%sunknown law '%s' (isoflop presets laws lists them)", option, id);
}

unsigned long cli_seed(const struct cli *cli)
{
	return (cli->given & OPT_SEED) ? (unsigned long)cli->seed : 1;
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
		for (size_t i = 0; i < cli->catalog->nlaws && n < max; i++)
			out[n++] = &cli->catalog->laws[i];
		return n;
	}
	out[0] = catalog_law(cli->catalog, id);
	if (out[0] == NULL) {
		cli_unknown_law(cli, "", id);
		return -1;
	}
	return 1;
}

int cli_domain(const char *name)
{
	char names[256] = "";
	int d = preset_domain_by_name(name);

	if (d >= 0)
		return d;
	for (int i = 0; i < PRESET_DOMAIN_COUNT; i++)
		cli_append_id(names, sizeof names, preset_domain_name((enum preset_domain)i));
	cli_error("--domain: unknown domain '%s' (one of %s)", name, names);
	return -1;
}

void cli_append_id(char *list, size_t size, const char *id)
{
	size_t used = strlen(list);

	if (used + strlen(id) + 3 > size)
		return;
	snprintf(list + used, size - used, "%s%s", used ? ", " : "", id);
}

const char *cli_known_ids(const struct catalog_entry *e, size_t n, char *buf, size_t size)
{
	buf[0] = '\0';
	for (size_t i = 0; i < n; i++)
		cli_append_id(buf, size, e[i].preset.id);
	return buf[0] ? buf : "none";
}

int cli_stock(const struct cli *cli, const char *id, struct stock_numbers *out)
{
	char ids[512];

	if (stocks_find(cli->catalog, id, out))
		return 0;
	return cli_error(
	        "--stock: unknown stock '%s' (known: %s)", id,
	        cli_known_ids(cli->catalog->stocks, cli->catalog->nstocks, ids, sizeof ids));
}

int cli_testtime_law(const struct cli *cli, const char *id, const struct catalog_entry **out)
{
	if (id == NULL)
		id = CLI_DEFAULT_TT_LAW;
	*out = catalog_testtime(cli->catalog, id);
	if (*out != NULL)
		return 0;
	if (catalog_law(cli->catalog, id) != NULL)
		return cli_error("--tt-law: '%s' is a loss law, not a test-time law (isoflop "
		                 "presets testtime lists them)",
		                 id);
	return cli_error("--tt-law: unknown test-time law '%s' (isoflop presets testtime lists "
	                 "them)",
	                 id);
}

int cli_serve_options(const struct cli *cli)
{
	if (!(cli->given & OPT_SERVE))
		return 0;
	if (!(cli->given & OPT_SERVE_MFU))
		return cli_error("--serve-price needs --serve-mfu F, the share of the peak FLOP/s "
		                 "serving turns into model FLOPs");
	if (!(cli->given & OPT_INFERENCE))
		return cli_error(
		        "--serve-mfu prices serving: give --inference-tokens T, the tokens "
		        "served over the model's life");
	return 0;
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

/* The tour named by id or path, as cli_load_tour finds it. */
static int load_tour_file(const struct cli *cli, const char *name, struct tour *out)
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

int cli_load_tour(const struct cli *cli, const char *name, struct tour *out)
{
	char err[1024];
	int rc = load_tour_file(cli, name, out);

	/* its runs: are read when it is played with them: --runs wins (runs_law.h) */
	if (rc == 0 && cli->runs == NULL && tour_check_runs(out, err, sizeof err) != 0) {
		fprintf(stderr, "%s\n", err);
		return EXIT_USAGE;
	}
	return rc;
}
