/*
 * fit_downstream.c: the downstream branch of `isoflop fit` (fit_downstream.h).
 */
#include "fit_downstream.h"

#include <errno.h>
#include <libgen.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../model/downstream.h"
#include "../../presets/preset.h"
#include "../../presets/text.h"
#include "../../presets/write.h"

/* The fit and where it came from, for every output. */
struct ds_report {
	const char *file;
	size_t n;
	struct downstream d;
	double rms;
};

static void print_text(const struct ds_report *r)
{
	printf("downstream fit of %s: %zu (loss, error) pairs, losses %.4g to %.4g\n", r->file,
	       r->n, r->d.loss.lo, r->d.loss.hi);
	printf("Err(L) = epsilon - k exp(-gamma L), the form of Gadre et al. 2024 "
	       "(arXiv:2403.08540)\n");
	printf("  epsilon  %.6g\n  k        %.6g\n  gamma    %.6g per nat\n", r->d.epsilon, r->d.k,
	       r->d.gamma);
	printf("  rms residual %.3g\n", r->rms);
}

static void print_csv(const struct ds_report *r)
{
	printf("epsilon,k,gamma,loss_lo,loss_hi,pairs,rms\n");
	printf("%.17g,%.17g,%.17g,%.17g,%.17g,%zu,%.17g\n", r->d.epsilon, r->d.k, r->d.gamma,
	       r->d.loss.lo, r->d.loss.hi, r->n, r->rms);
}

static void print_json(const struct ds_report *r)
{
	printf("{\"epsilon\": %.17g, \"k\": %.17g, \"gamma\": %.17g, \"loss_lo\": %.17g, "
	       "\"loss_hi\": %.17g, \"pairs\": %zu, \"rms\": %.17g}\n",
	       r->d.epsilon, r->d.k, r->d.gamma, r->d.loss.lo, r->d.loss.hi, r->n, r->rms);
}

/* An id from the output file's name: lowercase [a-z0-9.-], "fit" when nothing is left. */
static void id_of(const char *path, char *id, size_t size)
{
	char copy[4096], *base, *dot;
	size_t j = 0;

	snprintf(copy, sizeof copy, "%s", path);
	base = basename(copy);
	if ((dot = strrchr(base, '.')) != NULL && (!strcmp(dot, ".yaml") || !strcmp(dot, ".yml")))
		*dot = '\0';
	for (const char *p = base; *p && j + 1 < size; p++) {
		char c = *p >= 'A' && *p <= 'Z' ? (char)(*p - 'A' + 'a') : *p;
		bool ok = preset_id_char(c, j == 0);
		id[j++] = ok ? c : '-';
	}
	id[j] = '\0';
	if (!preset_id_valid(id))
		snprintf(id, size, "fit");
}

/* The preset's text, read back by the loader before anything is written. */
static int render(const struct ds_report *r, const char *out, char **text, size_t *len)
{
	struct preset p = {.kind = PRESET_DOWNSTREAM}, back;
	char err[PRESET_ERR_MAX];

	id_of(out, p.id, sizeof p.id);
	snprintf(p.name, sizeof p.name, "Downstream fit of %.90s", r->file);
	snprintf(p.source, sizeof p.source,
	         "isoflop fit of %.300s: %zu (loss, error) pairs, the form of Gadre et al. 2024, "
	         "Language models scale reliably with over-training and on downstream tasks, "
	         "arXiv:2403.08540",
	         r->file, r->n);
	p.ds = r->d;
	FILE *fp = open_memstream(text, len);
	if (fp == NULL)
		return cli_error("out of memory");
	preset_write_downstream(fp, &p, "Written by isoflop fit; edit the name and source.");
	if (fclose(fp) != 0 || preset_parse("fit", (const unsigned char *)*text, *len,
	                                    PRESET_DOWNSTREAM, &back, err, sizeof err) != 0) {
		free(*text);
		return cli_error("%s: no preset written: the fitted map is not a valid preset: %s",
		                 out, err);
	}
	return 0;
}

struct blob {
	const char *text;
	size_t len;
};

static void write_blob(FILE *fp, const void *ctx)
{
	const struct blob *b = ctx;
	fwrite(b->text, 1, b->len, fp);
}

/* Write the preset atomically; an existing file only with --force. */
static int output(const struct cli *cli, const struct ds_report *r)
{
	char *text;
	size_t len;
	int rc;

	if ((rc = render(r, cli->output, &text, &len)) != 0)
		return rc;
	struct blob b = {text, len};
	if (strcmp(cli->output, "-") == 0) {
		rc = fwrite(text, 1, len, stdout) == len
		             ? 0
		             : cli_error("standard output: write failed");
	} else if (write_file_atomic(cli->output, cli->force, write_blob, &b) != 0) {
		int err = errno;
		const char *what = write_unreplaceable(cli->output);
		rc = what != NULL ? cli_error("%s is %s, not a regular file: not replaced",
		                              cli->output, what)
		                  : cli_error("%s: %s%s", cli->output, strerror(err),
		                              err == EEXIST ? " (--force overwrites)" : "");
	}
	free(text);
	return rc;
}

int fit_downstream(const struct cli *cli, const char *file, const struct runs_pairs *pairs)
{
	struct ds_report r = {.file = file, .n = pairs->n};

	if (cli->bootstrap > 0 || cli->exclude_top > 0 || cli->method != NULL)
		return cli_error("%s holds (loss, error) pairs: --bootstrap, --exclude-top and "
		                 "--method apply to training runs (params, tokens, loss)",
		                 file);
	enum model_status st = downstream_fit(pairs->loss, pairs->error, pairs->n, &r.d, &r.rms);

	if (st == MODEL_EDOM)
		return cli_error("%s: every pair has the same loss: a downstream fit needs several",
		                 file);
	if (st != MODEL_OK)
		return cli_error("%s: no Err = epsilon - k exp(-gamma L) fits: the error must fall "
		                 "as the loss falls, and bend (a straight line gives no epsilon)",
		                 file);
	int rc = cli->output != NULL ? output(cli, &r) : 0;
	/* a file of runs whose params column is misnamed reads as pairs: say what was left */
	if (rc == 0 && pairs->unused[0] != '\0') {
		char note[1400];
		snprintf(note, sizeof note,
		         "%s: column %s not used: read as " RUNS_PAIRS_HINT
		         " (a file of runs needs a params column: N, n_params, params)",
		         file, pairs->unused);
		text_wrap(stderr, "isoflop: note: ", note, "  ", 80); /* as fit's warnings */
	}
	if (rc != 0 || (cli->output != NULL && strcmp(cli->output, "-") == 0))
		return rc;
	if (cli->format == FORMAT_CSV)
		print_csv(&r);
	else if (cli->format == FORMAT_JSON)
		print_json(&r);
	else
		print_text(&r);
	return 0;
}
