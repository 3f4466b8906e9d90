/*
 * write.c: law presets as YAML, and atomic creation of a user's file.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "write.h"

/* Bytes in the UTF-8 sequence that starts at s, 0 if it is not a whole, valid one. */
static size_t utf8_len(const unsigned char *s)
{
	size_t n = s[0] < 0x80             ? 1
	           : (s[0] & 0xe0) == 0xc0 ? 2
	           : (s[0] & 0xf0) == 0xe0 ? 3
	           : (s[0] & 0xf8) == 0xf0 ? 4
	                                   : 0;

	if (n == 2 && s[0] < 0xc2)
		return 0; /* overlong */
	for (size_t i = 1; i < n; i++)
		if ((s[i] & 0xc0) != 0x80)
			return 0; /* cut short (a truncated name) or not UTF-8 */
	return n;
}

/*
 * A YAML double-quoted scalar that the loader reads back: quote and
 * backslash escaped, control characters (and DEL), which presets may not
 * hold, as spaces, and anything that is not whole UTF-8, such as a
 * character a fixed-size field cut in half, dropped.
 */
static void quoted(FILE *fp, const char *text)
{
	const unsigned char *s = (const unsigned char *)text;

	fputc('"', fp);
	while (*s) {
		size_t n = utf8_len(s);
		if (n == 0) {
			s++;
			continue;
		}
		if (*s == '"' || *s == '\\')
			fprintf(fp, "\\%c", *s);
		else if (*s < 0x20 || *s == 0x7f)
			fputc(' ', fp); /* the loader takes no control characters in text */
		else
			fwrite(s, 1, n, fp);
		s += n;
	}
	fputc('"', fp);
}

/*
 * A constant as the shortest decimal that reads back as the same double
 * (482.01, not 482.00999999999999): a saved law is the law, to the bit.
 */
static const char *exact(double v, char *buf, size_t size)
{
	for (int digits = 6; digits < 17; digits++) {
		snprintf(buf, size, "%.*g", digits, v);
		if (strtod(buf, NULL) == v)
			return buf;
	}
	snprintf(buf, size, "%.17g", v);
	return buf;
}

static void constant(FILE *fp, const char *key, double v)
{
	char buf[32];
	fprintf(fp, "  %s: %s\n", key, exact(v, buf, sizeof buf));
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
	char kb[32];
	fprintf(fp, "\nconvention: %s\nflops_per_param_token: %s\nconstants:\n",
	        law->non_embedding ? "non-embedding" : "total", exact(law->k, kb, sizeof kb));
	switch (law->family) {
	case LAW_ADDITIVE:
	case LAW_DATA_CONSTRAINED:
		constant(fp, "E", law->E);
		constant(fp, "A", law->A);
		constant(fp, "B", law->B);
		constant(fp, "alpha", law->alpha);
		constant(fp, "beta", law->beta);
		if (law->family == LAW_DATA_CONSTRAINED) {
			constant(fp, "rd_star", law->rd_star);
			constant(fp, "rn_star", law->rn_star);
		}
		break;
	case LAW_KAPLAN:
		constant(fp, "nc", law->nc);
		constant(fp, "dc", law->dc);
		constant(fp, "alpha_n", law->alpha_n);
		constant(fp, "alpha_d", law->alpha_d);
		break;
	case LAW_FRONTIER:
	default:
		constant(fp, "params_coefficient", law->frontier.params.coef);
		constant(fp, "params_exponent", law->frontier.params.exp);
		constant(fp, "tokens_coefficient", law->frontier.tokens.coef);
		constant(fp, "tokens_exponent", law->frontier.tokens.exp);
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
	/* mkstemp makes it 0600; a preset is as readable as any file the user makes */
	mode_t mask = umask(0);
	umask(mask);
	if (fchmod(fd, 0666 & ~mask) != 0) {
		saved = errno;
		close(fd);
		unlink(tmp);
		errno = saved;
		return -1;
	}
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
	if (rc != 0 && !replace && errno != EEXIST && errno != ENOENT && errno != EACCES) {
		/*
		 * No hard links here (vfat, some network file systems): claim the
		 * name with an exclusive create, then rename over that placeholder.
		 */
		int claim = open(path, O_WRONLY | O_CREAT | O_EXCL, 0666);
		if (claim >= 0) {
			close(claim);
			if ((rc = rename(tmp, path)) != 0) {
				saved = errno;
				unlink(path);
				errno = saved;
			}
		}
	}
	saved = errno;
	if (!replace || rc != 0)
		unlink(tmp);
	errno = saved;
	return rc;
}
