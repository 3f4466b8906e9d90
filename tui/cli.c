/*
 * cli.c: the helpers every batch command shares: one-line errors, option
 * checks and the choice of laws.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

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
	unsigned bit;
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
};

int cli_check_options(const struct cli *cli, const char *command, unsigned allowed)
{
	for (size_t i = 0; i < sizeof option_names / sizeof *option_names; i++)
		if ((cli->given & option_names[i].bit) && !(allowed & option_names[i].bit))
			return cli_error("%s does not apply to '%s' (see isoflop --help)",
			                 option_names[i].name, command);
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
