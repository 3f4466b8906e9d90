/*
 * write.c: law presets as YAML, and atomic creation of a user's file.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "write.h"

/* A YAML double-quoted scalar: backslash and quote escaped, controls dropped. */
static void quoted(FILE *fp, const char *s)
{
	fputc('"', fp);
	for (; *s; s++) {
		if (*s == '"' || *s == '\\')
			fputc('\\', fp);
		if ((unsigned char)*s >= 0x20)
			fputc(*s, fp);
	}
	fputc('"', fp);
}

static const char *family_key(enum law_family f)
{
	return f == LAW_ADDITIVE           ? "additive"
	       : f == LAW_DATA_CONSTRAINED ? "data-constrained"
	       : f == LAW_KAPLAN           ? "kaplan"
	                                   : "frontier";
}

static void range(FILE *fp, const char *key, const struct law_range *r)
{
	if (r->hi > 0)
		fprintf(fp, "  %s: [%.6g, %.6g]\n", key, r->lo, r->hi);
}

void preset_write_law(FILE *fp, const struct preset *p, const char *comment)
{
	const struct law *law = &p->law;

	if (comment != NULL && comment[0])
		fprintf(fp, "# %s\n", comment);
	fprintf(fp, "id: %s\nname: ", p->id);
	quoted(fp, p->name);
	fprintf(fp, "\nsource: ");
	quoted(fp, p->source);
	fprintf(fp, "\nfamily: %s\ndataset: ", family_key(law->family));
	quoted(fp, p->dataset);
	fprintf(fp, "\nconvention: %s\nflops_per_param_token: %.10g\nconstants:\n",
	        law->non_embedding ? "non-embedding" : "total", law->k);
	switch (law->family) {
	case LAW_ADDITIVE:
	case LAW_DATA_CONSTRAINED:
		fprintf(fp, "  E: %.10g\n  A: %.10g\n  B: %.10g\n  alpha: %.10g\n  beta: %.10g\n",
		        law->E, law->A, law->B, law->alpha, law->beta);
		if (law->family == LAW_DATA_CONSTRAINED)
			fprintf(fp, "  rd_star: %.10g\n  rn_star: %.10g\n", law->rd_star,
			        law->rn_star);
		break;
	case LAW_KAPLAN:
		fprintf(fp, "  nc: %.10g\n  dc: %.10g\n  alpha_n: %.10g\n  alpha_d: %.10g\n",
		        law->nc, law->dc, law->alpha_n, law->alpha_d);
		break;
	case LAW_FRONTIER:
	default:
		fprintf(fp, "  params_coefficient: %.10g\n  params_exponent: %.10g\n",
		        law->frontier.params.coef, law->frontier.params.exp);
		fprintf(fp, "  tokens_coefficient: %.10g\n  tokens_exponent: %.10g\n",
		        law->frontier.tokens.coef, law->frontier.tokens.exp);
		break;
	}
	if (law->params.hi > 0 || law->tokens.hi > 0 || law->compute.hi > 0) {
		fprintf(fp, "fitted_range:\n");
		range(fp, "params", &law->params);
		range(fp, "tokens", &law->tokens);
		range(fp, "compute", &law->compute);
	}
	if (p->note[0]) {
		fprintf(fp, "note: ");
		quoted(fp, p->note);
		fputc('\n', fp);
	}
}

int write_file_atomic(const char *path, bool replace, void (*write)(FILE *fp, const void *ctx),
                      const void *ctx)
{
	char tmp[4200];
	int fd, saved;

	if (snprintf(tmp, sizeof tmp, "%s.XXXXXX", path) >= (int)sizeof tmp) {
		errno = ENAMETOOLONG;
		return -1;
	}
	if ((fd = mkstemp(tmp)) < 0)
		return -1;
	FILE *fp = fdopen(fd, "w");
	if (fp == NULL) {
		saved = errno;
		close(fd);
		unlink(tmp);
		errno = saved;
		return -1;
	}
	write(fp, ctx);
	/* a full disk shows at the flush: nothing half-written takes the name */
	if (fflush(fp) != 0 || fsync(fd) != 0) {
		saved = errno;
		fclose(fp);
		unlink(tmp);
		errno = saved;
		return -1;
	}
	if (fclose(fp) != 0) {
		saved = errno;
		unlink(tmp);
		errno = saved;
		return -1;
	}
	int rc = replace ? rename(tmp, path) : link(tmp, path);
	saved = errno;
	if (!replace || rc != 0)
		unlink(tmp);
	errno = saved;
	return rc;
}
