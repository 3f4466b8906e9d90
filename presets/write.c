/*
 * write.c: law presets as YAML, and atomic creation of a user's file: a
 * temporary made with mkstemp beside the name, fsync'd, then linked or
 * renamed into place, so a reader sees the old file or the new one, never a
 * part, and a full disk leaves nothing behind.
 */
#include <errno.h>
#include <fcntl.h>
#include <math.h>
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

/* A frontier power whose coefficient the paper may not give (an exponent alone loads). */
static void frontier_power(FILE *fp, const char *name, const struct law_power *pw)
{
	char key[48];

	if (pw->coef > 0) {
		snprintf(key, sizeof key, "%s_coefficient", name);
		constant(fp, key, pw->coef);
	}
	if (pw->exp > 0) {
		snprintf(key, sizeof key, "%s_exponent", name);
		constant(fp, key, pw->exp);
	}
}

/* One relation of a power law, floor + (scale / x)^exponent, where the paper fits it. */
static void power_relation(FILE *fp, const char *name, const struct law_single *r)
{
	char key[48];

	if (r->scale <= 0)
		return;
	snprintf(key, sizeof key, "%s_floor", name);
	constant(fp, key, r->floor);
	snprintf(key, sizeof key, "%s_scale", name);
	constant(fp, key, r->scale);
	snprintf(key, sizeof key, "%s_exponent", name);
	constant(fp, key, r->exponent);
}

/* A power law's constants; N_opt = coef C^beta is written back as (C / C_N)^beta, C_N in FLOPs. */
static void power_constants(FILE *fp, const struct law *law)
{
	power_relation(fp, "params", &law->by_params);
	power_relation(fp, "compute", &law->by_compute);
	if (law->frontier.params.coef > 0 && law->frontier.params.exp > 0) {
		double beta = law->frontier.params.exp;
		constant(fp, "optimal_params_scale",
		         pow(law->frontier.params.coef, -1 / beta) * law->frontier.unit);
		constant(fp, "optimal_params_exponent", beta);
	}
}

/*
 * A fitted range, its ends exact: rounded to six digits, the runs at either
 * end would fall outside the range written for them, and a narrow range
 * would round to [x, x], which the loader refuses.
 */
static void range(FILE *fp, const char *key, const struct law_range *r)
{
	if (r->hi > 0) {
		char lo[32], hi[32];
		fprintf(fp, "  %s: [%s, %s]\n", key, exact(r->lo, lo, sizeof lo),
		        exact(r->hi, hi, sizeof hi));
	}
}

void preset_of_law(struct preset *p, const struct preset *base, const struct law *law,
                   const struct law_origin *o)
{
	if (base != NULL)
		*p = *base;
	else
		memset(p, 0, sizeof *p);
	p->kind = PRESET_LAW;
	p->law = *law;
	snprintf(p->id, sizeof p->id, "%s", o->id);
	snprintf(p->name, sizeof p->name, "%s", o->name);
	snprintf(p->source, sizeof p->source, "%s", o->source);
	if (o->dataset != NULL)
		snprintf(p->dataset, sizeof p->dataset, "%s", o->dataset);
}

void preset_write_downstream(FILE *fp, const struct preset *p, const char *comment)
{
	char buf[32];

	fprintf(fp, "# %s\nid: %s\nname: ", comment, p->id);
	quoted(fp, p->name);
	fprintf(fp, "\nepsilon: %s\n", exact(p->ds.epsilon, buf, sizeof buf));
	fprintf(fp, "k: %s\n", exact(p->ds.k, buf, sizeof buf));
	fprintf(fp, "gamma: %s\n", exact(p->ds.gamma, buf, sizeof buf));
	if (p->ds.loss.hi > p->ds.loss.lo) {
		fputs("fitted_range:\n", fp);
		range(fp, "loss", &p->ds.loss);
	}
	fputs("source: ", fp);
	quoted(fp, p->source);
	if (p->note[0]) {
		fputs("\nnote: ", fp);
		quoted(fp, p->note);
	}
	fputc('\n', fp);
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
	fprintf(fp, "\nfamily: %s\n", preset_family_name(law->family));
	if (p->domain != PRESET_DOMAIN_LANGUAGE)
		fprintf(fp, "domain: %s\n", preset_domain_name(p->domain));
	if (p->units[0]) {
		fprintf(fp, "units: ");
		quoted(fp, p->units);
		fputc('\n', fp);
	}
	fprintf(fp, "dataset: ");
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
	case LAW_POWER:
		power_constants(fp, law);
		break;
	case LAW_FRONTIER:
	default:
		if (law->frontier.unit == LAW_PF_DAY)
			fprintf(fp, "  compute_unit: pf-days\n");
		if (law->frontier.c_min) { /* the fit is in C_min: without it, N is off by 2^exp */
			fprintf(fp, "  compute_convention: c-min\n");
			constant(fp, "c_min_fraction", law_frontier_compute(law, 1));
		}
		frontier_power(fp, "params", &law->frontier.params);
		frontier_power(fp, "flops_per_token", &law->frontier.flops_pt);
		frontier_power(fp, "tokens", &law->frontier.tokens);
		break;
	}
	if (law->breakdown_loss > 0) {
		char bb[32];
		fprintf(fp, "breakdown_loss: %s\n", exact(law->breakdown_loss, bb, sizeof bb));
	}
	if (p->paper_frontier[0])
		fprintf(fp, "paper_frontier: %s\n", p->paper_frontier);
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

/* What a file of this mode is, for a message, as itself or as a symlink's target. */
static const char *kind_of(mode_t mode, bool through_link)
{
	static const struct {
		mode_t type;
		const char *what, *link;
	} kinds[] = {
	        {S_IFDIR, "a directory", "a symlink to a directory"},
	        {S_IFIFO, "a FIFO", "a symlink to a FIFO"},
	        {S_IFCHR, "a character device", "a symlink to a character device"},
	        {S_IFBLK, "a block device", "a symlink to a block device"},
	        {S_IFSOCK, "a socket", "a symlink to a socket"},
	};

	for (size_t i = 0; i < sizeof kinds / sizeof *kinds; i++)
		if ((mode & S_IFMT) == kinds[i].type)
			return through_link ? kinds[i].link : kinds[i].what;
	return through_link ? "a symlink to something not a regular file" : "not a regular file";
}

const char *write_unreplaceable(const char *path)
{
	struct stat st;

	if (lstat(path, &st) != 0 || S_ISREG(st.st_mode))
		return NULL;
	if (!S_ISLNK(st.st_mode))
		return kind_of(st.st_mode, false);
	/*
	 * A link to a file, or to nothing, may be replaced; a link to a device
	 * may not (/dev/stderr is one: replacing it would break the system's).
	 */
	if (stat(path, &st) != 0 || S_ISREG(st.st_mode))
		return NULL;
	return kind_of(st.st_mode, true);
}

/* Remove the temporary, keeping errno: the caller reports the first failure. */
static int discard_failed(struct write_temp *t)
{
	int saved = errno;

	write_temp_discard(t);
	errno = saved;
	return -1;
}

int write_temp_create(struct write_temp *t, const char *path,
                      void (*write)(FILE *fp, const void *ctx), const void *ctx)
{
	int fd;

	t->tmp[0] = '\0';
	if (snprintf(t->path, sizeof t->path, "%s", path) >= (int)sizeof t->path ||
	    snprintf(t->tmp, sizeof t->tmp, "%s.XXXXXX", path) >= (int)sizeof t->tmp) {
		t->tmp[0] = '\0';
		errno = ENAMETOOLONG;
		return -1;
	}
	/* O_EXCL under a fresh name: a symlink planted at a guessable name is never followed */
	if ((fd = mkstemp(t->tmp)) < 0) {
		t->tmp[0] = '\0';
		return -1;
	}
	/* mkstemp makes it 0600; a preset is as readable as any file the user makes */
	mode_t mask = umask(0);
	umask(mask);
	if (fchmod(fd, 0666 & ~mask) != 0) {
		int saved = errno;
		close(fd);
		errno = saved;
		return discard_failed(t);
	}
	FILE *fp = fdopen(fd, "w");
	if (fp == NULL) {
		int saved = errno;
		close(fd);
		errno = saved;
		return discard_failed(t);
	}
	errno = 0; /* a write error inside write() leaves its errno for the report */
	write(fp, ctx);
	/*
	 * a full disk shows at a write inside or at the flush: nothing half-written takes the name
	 */
	if (fflush(fp) != 0 || ferror(fp) || fsync(fd) != 0) {
		int saved = ferror(fp) && errno == 0 ? EIO : errno;
		fclose(fp);
		errno = saved;
		return discard_failed(t);
	}
	if (fclose(fp) != 0)
		return discard_failed(t);
	return 0;
}

/*
 * Make the new name itself durable: fsync of the file holds its bytes, the
 * directory's holds the entry that names them. A file system that cannot
 * sync a directory (EINVAL) still has the file; nothing to report.
 */
static void sync_parent(const char *path)
{
	char dir[sizeof((struct write_temp *)0)->path];
	const char *slash = strrchr(path, '/');

	if (slash == NULL)
		snprintf(dir, sizeof dir, ".");
	else
		snprintf(dir, sizeof dir, "%.*s", slash == path ? 1 : (int)(slash - path), path);
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd >= 0) {
		fsync(fd);
		close(fd);
	}
}

int write_temp_commit(struct write_temp *t, bool replace)
{
	struct stat old;

	/* rename would put a regular file where a device, FIFO or socket was */
	if (write_unreplaceable(t->path) != NULL) {
		errno = EEXIST;
		return -1;
	}
	/* a file replaced keeps its permissions (a 0600 preset stays private) */
	if (replace && stat(t->path, &old) == 0 && S_ISREG(old.st_mode))
		chmod(t->tmp, old.st_mode & 07777);
	bool renamed = replace;
	int rc = replace ? rename(t->tmp, t->path) : link(t->tmp, t->path);
	if (rc != 0 && !replace && errno != EEXIST && errno != ENOENT && errno != EACCES) {
		/*
		 * No hard links here (vfat, some network file systems): claim the
		 * name with an exclusive create, then rename over that placeholder.
		 */
		int claim = open(t->path, O_WRONLY | O_CREAT | O_EXCL, 0666);
		if (claim >= 0) {
			close(claim);
			if ((rc = rename(t->tmp, t->path)) != 0) {
				int saved = errno;
				unlink(t->path);
				errno = saved;
			}
			renamed = rc == 0;
		}
	}
	if (rc != 0)
		return -1;
	if (!renamed)
		write_temp_discard(t); /* the link holds the text; the temporary name goes */
	t->tmp[0] = '\0';
	sync_parent(t->path);
	return 0;
}

void write_temp_discard(struct write_temp *t)
{
	if (t->tmp[0])
		unlink(t->tmp);
	t->tmp[0] = '\0';
}

int write_temps_commit(struct write_temp *t, int n, bool replace, int *failed)
{
	for (int i = 0; i < n; i++) {
		if (write_temp_commit(&t[i], replace) == 0)
			continue;
		int err = errno;
		/* without replace the names were free: the ones linked so far are ours */
		for (int j = 0; j < i && !replace; j++)
			unlink(t[j].path);
		*failed = i;
		errno = err;
		return -1;
	}
	return 0;
}

int write_may_take(const char *path, bool replace, const char **what)
{
	struct stat st;

	*what = write_unreplaceable(path);
	if (*what != NULL || (!replace && lstat(path, &st) == 0))
		return -1;
	return 0;
}

int write_file_atomic(const char *path, bool replace, void (*write)(FILE *fp, const void *ctx),
                      const void *ctx)
{
	struct write_temp t;
	int failed;

	if (write_temp_create(&t, path, write, ctx) != 0)
		return -1;
	if (write_temps_commit(&t, 1, replace, &failed) != 0)
		return discard_failed(&t);
	return 0;
}
