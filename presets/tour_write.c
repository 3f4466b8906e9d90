/*
 * tour_write.c: the YAML text of tour steps (a const table with a row per
 * field a step can set: its key, whether the step sets it, how its value
 * is printed), and the append of a step to a tour file, checked by loading
 * the result with tour.c before a byte is written.
 */
#include <errno.h>
#include <limits.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "readall.h"
#include "tour_write.h"
#include "write.h"
#include "yaml_walk.h"

/* One field of a step: given says whether the step sets it (not tour.c's default for it). */
struct step_writer {
	const char *key; /* as tour.c's step_fields spells it */
	size_t offset;   /* of the value in struct tour_step */
	bool (*given)(const void *at);
	void (*print)(FILE *fp, const void *at);
};

/* A YAML double-quoted scalar: every character as it is but '"', '\\' and a newline. */
static void print_quoted(FILE *fp, const char *s)
{
	fputc('"', fp);
	for (; *s; s++) {
		if (*s == '"' || *s == '\\')
			fputc('\\', fp);
		if (*s == '\n')
			fputs("\\n", fp);
		else
			fputc(*s, fp);
	}
	fputc('"', fp);
}

static bool text_given(const void *at)
{
	return ((const char *)at)[0] != '\0';
}

static void text_print(FILE *fp, const void *at)
{
	print_quoted(fp, at);
}

/* The caption's lines joined by newlines, which tour.c splits again. */
static void caption_print(FILE *fp, const void *at)
{
	const struct tour_step *s = at; /* the caption is the step's first member */
	char buf[TOUR_CAPTION_LINES * (TOUR_CAPTION_BYTES + 1) + 1] = "";

	for (int i = 0; i < TOUR_CAPTION_LINES && s->caption[i][0]; i++)
		snprintf(buf + strlen(buf), sizeof buf - strlen(buf), "%s%s", i ? "\n" : "",
		         s->caption[i]);
	print_quoted(fp, buf);
}

static bool number_given(const void *at)
{
	return *(const double *)at > 0;
}

/* The fewest significant digits that strtod reads back to the same double. */
static void number_print(FILE *fp, const void *at)
{
	double x = *(const double *)at;
	char buf[40];

	for (int digits = 1; digits <= 17; digits++) {
		snprintf(buf, sizeof buf, "%.*g", digits, x);
		if (strtod(buf, NULL) == x)
			break;
	}
	/* 1e+07 as people write it, 1e7: the same double */
	char *e = strchr(buf, 'e');
	if (e != NULL && e[1] == '+') {
		size_t zeros = strspn(e + 2, "0");
		memmove(e + 1, e + 2 + zeros, strlen(e + 2 + zeros) + 1);
	}
	fputs(buf, fp);
}

static bool lock_given(const void *at)
{
	return *(const char *)at != 0;
}

static void lock_print(FILE *fp, const void *at)
{
	fputc(*(const char *)at, fp);
}

/* A switch tour.c keeps as -1 when the step leaves it alone. */
static bool switch_given(const void *at)
{
	return *(const int *)at >= 0;
}

static void switch_print(FILE *fp, const void *at)
{
	fputs(*(const int *)at ? "true" : "false", fp);
}

static void contours_print(FILE *fp, const void *at)
{
	fputs(tour_contours_names[*(const int *)at ? 1 : 0], fp);
}

static bool panel_given(const void *at)
{
	return *(const enum tour_panel *)at != TOUR_PANEL_BOTH;
}

static void panel_print(FILE *fp, const void *at)
{
	fputs(tour_panel_names[*(const enum tour_panel *)at], fp);
}

/* The marked models: the whole step is at `at`, as for the caption. */
static bool models_given(const void *at)
{
	return ((const struct tour_step *)at)->nmodels >= 0;
}

static void models_print(FILE *fp, const void *at)
{
	const struct tour_step *s = at;

	fputc('[', fp);
	for (int i = 0; i < s->nmodels; i++) {
		if (i > 0)
			fputs(", ", fp);
		print_quoted(fp, s->models[i]);
	}
	fputc(']', fp);
}

/* window: NLO:NHI,DLO:DHI, each number as number_print writes it. */
static bool window_given(const void *at)
{
	return ((const double *)at)[1] > 0;
}

static void window_print(FILE *fp, const void *at)
{
	const double *w = at;

	for (int i = 0; i < 4; i++) {
		if (i > 0)
			fputc(i == 2 ? ',' : ':', fp);
		number_print(fp, &w[i]);
	}
}

static bool view_given(const void *at)
{
	return *(const enum tour_view *)at != TOUR_VIEW_KEEP;
}

static void view_print(FILE *fp, const void *at)
{
	fputs(tour_view_names[*(const enum tour_view *)at], fp);
}

#define STEP(m) offsetof(struct tour_step, m)

/* key | where | given | print: in tour.c's order, so a written step reads as its table */
static const struct step_writer step_writers[] = {
        {"caption", STEP(caption), text_given, caption_print},
        {"law", STEP(law), text_given, text_print},
        {"model", STEP(model), text_given, text_print},
        {"params", STEP(params), number_given, number_print},
        {"tokens", STEP(tokens), number_given, number_print},
        {"compute", STEP(compute), number_given, number_print},
        {"unique_tokens", STEP(unique_tokens), number_given, number_print},
        {"lock", STEP(lock), lock_given, lock_print},
        {"markers", STEP(markers), switch_given, switch_print},
        {"panel", STEP(panel), panel_given, panel_print},
        {"view", STEP(view), view_given, view_print},
        {"compare", STEP(compare), text_given, text_print},
        {"difference", STEP(difference), switch_given, switch_print},
        {"inference_tokens", STEP(inference_tokens), number_given, number_print},
        {"larger", STEP(larger), number_given, number_print},
        {"accelerator", STEP(accelerator), text_given, text_print},
        {"gpus", STEP(gpus), number_given, number_print},
        {"days", STEP(days), number_given, number_print},
        {"mfu", STEP(mfu), number_given, number_print},
        {"price", STEP(price), number_given, number_print},
        {"watts", STEP(watts), number_given, number_print},
        {"pue", STEP(pue), number_given, number_print},
        {"serve_mfu", STEP(serve_mfu), number_given, number_print},
        {"serve_price", STEP(serve_price), number_given, number_print},
        {"stock", STEP(stock), text_given, text_print},
        {"tt_law", STEP(tt_law), text_given, text_print},
        {"train", STEP(train), number_given, number_print},
        {"test", STEP(test), number_given, number_print},
        {"problems", STEP(problems), number_given, number_print},
        {"samples", STEP(samples), number_given, number_print},
        {"target", STEP(target), number_given, number_print},
        {"downstream", STEP(downstream), text_given, text_print},
        {"contours", STEP(contours), switch_given, contours_print},
        {"notes", STEP(notes), text_given, text_print},
        {"zoom", STEP(zoom), switch_given, switch_print},
        {"models", 0, models_given, models_print},
        {"window", STEP(window), window_given, window_print},
};

void tour_write_step(FILE *fp, const struct tour_step *s, int indent)
{
	bool first = true;

	for (size_t i = 0; i < sizeof step_writers / sizeof *step_writers; i++) {
		const struct step_writer *w = &step_writers[i];
		const void *at = (const char *)s + w->offset;
		if (!w->given(at))
			continue;
		fprintf(fp, "%*s%s %s: ", indent, "", first ? "-" : " ", w->key);
		w->print(fp, at);
		fputc('\n', fp);
		first = false;
	}
}

void tour_write_head(FILE *fp, const char *id, const char *title, const struct tour_runs *runs)
{
	fprintf(fp, "id: %s\ntitle: ", id);
	print_quoted(fp, title);
	fputc('\n', fp);
	if (runs != NULL && runs->written[0]) {
		fputs("runs: ", fp);
		print_quoted(fp, runs->written);
		fputc('\n', fp);
		if (runs->bootstrap > 0)
			fprintf(fp, "bootstrap: %ld\n", runs->bootstrap);
		if (runs->bootstrap > 0 && runs->seed >= 0)
			fprintf(fp, "seed: %ld\n", runs->seed);
	}
	fputs("steps:\n", fp);
}

/*
 * The runs file at `file` as a tour at tour_path writes it: relative to
 * the tour's directory when it lies there or below (the two move
 * together), else absolute. The file's directory is resolved, not the file:
 * a symlinked runs file is named as given, not as the file it points to.
 * 0; -1 (errno) when a directory cannot be resolved; -2 when too long.
 */
static int runs_path_for(const char *tour_path, const char *file, char *out, size_t size)
{
	char dir[4096], fdir[4096], real_dir[PATH_MAX], real_fdir[PATH_MAX], real_file[PATH_MAX];
	const char *slash = strrchr(tour_path, '/'), *fslash = strrchr(file, '/');

	snprintf(dir, sizeof dir, "%.*s",
	         slash ? (int)(slash - tour_path) + (slash == tour_path) : 1,
	         slash ? tour_path : ".");
	snprintf(fdir, sizeof fdir, "%.*s", fslash ? (int)(fslash - file) + (fslash == file) : 1,
	         fslash ? file : ".");
	if (realpath(dir, real_dir) == NULL || realpath(fdir, real_fdir) == NULL)
		return -1;
	const char *base = fslash ? fslash + 1 : file;
	if ((size_t)snprintf(real_file, sizeof real_file, "%s%s%s", real_fdir,
	                     strcmp(real_fdir, "/") == 0 ? "" : "/", base) >= sizeof real_file)
		return -2;
	size_t n = strlen(real_dir);
	bool under = strncmp(real_file, real_dir, n) == 0 && real_file[n] == '/';
	if (strcmp(real_dir, "/") == 0)
		under = false; /* the root: absolute is as short */
	return (size_t)snprintf(out, size, "%s", under ? real_file + n + 1 : real_file) < size ? 0
	                                                                                       : -2;
}

/* Whether s holds a control character, which a tour's one-line runs: refuses. */
static bool has_control(const char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s < 0x20 || *s == 0x7f)
			return true;
	return false;
}

/* Whether step s shows the fit of the runs: its law or its comparison is theirs. */
static bool needs_runs(const struct tour_step *s)
{
	return tour_law_is_runs(s->law) || tour_law_is_runs(s->compare);
}

/* The bootstrap's seed as played: -1, not given, is the default 1 (tui/cmd/cli.c). */
static long seed_played(const struct tour_runs *r)
{
	return r->bootstrap > 0 ? (r->seed >= 0 ? r->seed : 1) : -1;
}

/* Whether two tours' runs are the same file, resampled the same way. */
static bool same_runs(const struct tour_runs *a, const struct tour_runs *b)
{
	char ra[PATH_MAX], rb[PATH_MAX];

	if (!a->file[0] || !b->file[0])
		return !a->file[0] && !b->file[0];
	return realpath(a->file, ra) != NULL && realpath(b->file, rb) != NULL &&
	       strcmp(ra, rb) == 0 && a->bootstrap == b->bootstrap &&
	       seed_played(a) == seed_played(b);
}

/*
 * Step s recorded with runs (NULL: none) into old (NULL: a new tour) plays
 * as it was only if the tour is played with the same runs: the runs of a
 * new tour into out, as it writes them; 0, or -1 and why in msg. Runs read
 * from standard input have no name to write: a step that needs them is
 * refused, another is recorded without them.
 */
static int runs_for(const char *path, const struct tour *old, const struct tour_step *s,
                    const struct tour_runs *runs, struct tour_runs *out, char *msg, size_t msgsize)
{
	static const struct tour_runs none = {.seed = -1};

	if (runs != NULL && strcmp(runs->file, "-") == 0) {
		if (needs_runs(s)) {
			snprintf(msg, msgsize,
			         "a tour names its runs' file: start with --runs FILE, "
			         "not -");
			return -1;
		}
		runs = NULL;
	}
	*out = runs != NULL ? *runs : none;
	if (runs != NULL && has_control(runs->file)) {
		snprintf(msg, msgsize,
		         "the runs' file name has a control character: a tour "
		         "writes it on one line (rename it)");
		return -1;
	}
	int rc = runs != NULL && old == NULL
	                 ? runs_path_for(path, runs->file, out->written, sizeof out->written)
	                 : 0;
	if (rc != 0) {
		snprintf(msg, msgsize, "%s: %s", runs->file,
		         rc == -2 ? "the path is too long for a tour" : strerror(errno));
		return -1;
	}
	if (old == NULL || same_runs(&old->runs, out))
		return 0;
	if (!old->runs.file[0])
		snprintf(msg, msgsize, "%s plays without runs: record into a new tour (--record)",
		         path);
	else
		snprintf(msg, msgsize, "%s plays %s%s: start isoflop with them", path,
		         old->runs.written, old->runs.bootstrap > 0 ? " with its bootstrap" : "");
	return -1;
}

/* Whether two steps set the same, wherever they were written. */
static bool same_step(const struct tour_step *a, const struct tour_step *b)
{
	static struct tour_step x, y; /* a copy of each with its marks cleared */

	memcpy(&x, a, sizeof x);
	memcpy(&y, b, sizeof y);
	struct tour_step *both[] = {&x, &y};
	for (int i = 0; i < 2; i++) {
		struct tour_step *t = both[i];
		t->at = t->law_at = t->model_at = t->tokens_at = t->unique_tokens_at = t->view_at =
		        t->compare_at = t->difference_at = t->inference_tokens_at = t->larger_at =
		                t->accelerator_at = t->gpus_at = t->days_at = t->mfu_at =
		                        t->price_at = t->watts_at = t->pue_at = t->stock_at =
		                                t->serve_mfu_at = t->serve_price_at =
		                                        (struct tour_mark){0, 0};
		t->tt_law_at = t->train_at = t->test_at = t->problems_at = t->samples_at =
		        t->target_at = t->downstream_at = t->contours_at = (struct tour_mark){0, 0};
		memset(t->models_at, 0, sizeof t->models_at);
	}
	return memcmp(&x, &y, sizeof x) == 0;
}

/* The column of the '-' before the first step of old, whose text is buf: the list's indent. */
static int list_indent(const struct tour *old, const unsigned char *buf, size_t len)
{
	size_t at = 0;

	for (int line = 1; line < old->steps[0].at.line && at < len; at++)
		line += buf[at] == '\n';
	for (int col = old->steps[0].at.col - 2; col >= 0; col--) {
		if (at + (size_t)col >= len)
			break;
		if (buf[at + (size_t)col] == '-')
			return col;
		if (buf[at + (size_t)col] != ' ')
			break;
	}
	return -1;
}

/* The bytes a tour file is to hold. */
struct text {
	char *buf;
	size_t len;
};

static void write_text(FILE *fp, const void *ctx)
{
	const struct text *t = ctx;

	fwrite(t->buf, 1, t->len, fp);
}

/* The new text: old (len bytes, NULL for a new tour) and the step after its last one. */
static int new_text(const unsigned char *old, size_t len, int indent, const struct tour_step *s,
                    const char *id, const char *title, const struct tour_runs *runs,
                    struct text *out)
{
	FILE *fp = open_memstream(&out->buf, &out->len);

	if (fp == NULL)
		return -1;
	if (old == NULL) {
		tour_write_head(fp, id, title, runs);
	} else {
		fwrite(old, 1, len, fp);
		if (len > 0 && old[len - 1] != '\n')
			fputc('\n', fp);
	}
	tour_write_step(fp, s, indent);
	return fclose(fp) == 0 ? 0 : -1;
}

/*
 * Whether new reads as the steps of old (none when NULL), then s, with old's id and title;
 * a new tour with the runs meant.
 */
static bool reads_back(const struct tour *old, const struct tour *new, const struct tour_step *s,
                       const struct tour_runs *meant)
{
	int n = old != NULL ? old->nsteps : 0;

	if (new->nsteps != n + 1 || !same_step(&new->steps[n], s))
		return false;
	/* the runs as written read back as meant: a name is no other file's */
	if (old == NULL)
		return strcmp(new->runs.written, meant->written) == 0 &&
		       new->runs.bootstrap == meant->bootstrap &&seed_played(&new->runs) ==
		               seed_played(meant);
	if (strcmp(old->id, new->id) != 0 || strcmp(old->title, new->title) != 0 ||
	    strcmp(old->source, new->source) != 0 || strcmp(old->runs.file, new->runs.file) != 0 ||
	    old->runs.bootstrap != new->runs.bootstrap || old->runs.seed != new->runs.seed)
		return false;
	for (int i = 0; i < n; i++)
		if (!same_step(&old->steps[i], &new->steps[i]))
			return false;
	return true;
}

/* What lstat found at path, if it is no file a step may be appended to; NULL if it is. */
static const char *not_appendable(const struct stat *st)
{
	return S_ISREG(st->st_mode)   ? NULL
	       : S_ISDIR(st->st_mode) ? "is a directory"
	       : S_ISLNK(st->st_mode) ? "is a symlink (record into the file it names)"
	                              : "is not a regular file";
}

/* Whether the file at path is still the one read: nobody wrote it since. */
static bool unchanged(const char *path, const struct stat *was)
{
	struct stat now;

	return lstat(path, &now) == 0 && now.st_ino == was->st_ino && now.st_dev == was->st_dev &&
	       now.st_size == was->st_size && now.st_mtim.tv_sec == was->st_mtim.tv_sec &&
	       now.st_mtim.tv_nsec == was->st_mtim.tv_nsec;
}

/* Write text to path in place of the old file (st when there was one) or as a new one. */
static int commit(const char *path, const struct text *text, const struct stat *st, char *msg,
                  size_t msgsize)
{
	struct write_temp t;

	if (write_temp_create(&t, path, write_text, text) != 0) {
		snprintf(msg, msgsize, "%s: %s", path, strerror(errno));
		return -1;
	}
	/* the tour as read is what the step was checked against: a file written since is kept */
	if (st != NULL && !unchanged(path, st)) {
		snprintf(msg, msgsize, "%s changed while recording: r again", path);
		write_temp_discard(&t);
		return -1;
	}
	if ((st != NULL && chmod(t.tmp, st->st_mode & 07777) != 0) ||
	    write_temp_commit(&t, st != NULL) != 0) {
		snprintf(msg, msgsize, "%s: %s", path, strerror(errno));
		write_temp_discard(&t);
		return -1;
	}
	return 0;
}

/* Load text as the tour at path and check that it is old's steps and s, with meant's runs. */
static int check_text(const char *path, const struct text *text, const struct tour *old,
                      const struct tour_step *s, const struct tour_runs *meant, struct tour *new,
                      char *msg, size_t msgsize)
{
	char err[512];

	if (tour_parse(path, (const unsigned char *)text->buf, text->len, new, err, sizeof err) !=
	            0 ||
	    !reads_back(old, new, s, meant)) {
		snprintf(msg, msgsize,
		         "%s: a step after its last would not read back (keep 'steps:' last, "
		         "as a '- caption:' list)",
		         path);
		return -1;
	}
	return 0;
}

/* The old file's bytes, parsed into old; NULL and why in msg when it is no tour. */
static unsigned char *read_old(const char *path, struct tour *old, size_t *len, char *msg,
                               size_t msgsize)
{
	char why[512];
	unsigned char *buf = read_all(path, YAML_WALK_MAX_BYTES, true, len, why, sizeof why);

	if (buf == NULL) {
		snprintf(msg, msgsize, "%s: %s", path, why);
		return NULL;
	}
	if (tour_parse(path, buf, *len, old, why, sizeof why) != 0) {
		snprintf(msg, msgsize, "not a tour: %s", why);
	} else if (old->nsteps == TOUR_MAX_STEPS) {
		snprintf(msg, msgsize, "%s has %d steps, the most a tour holds", path,
		         TOUR_MAX_STEPS);
	} else {
		return buf;
	}
	free(buf);
	return NULL;
}

/*
 * What is at path, if anything, into *old (malloc'ed) and its bytes into
 * *buf: 1 when there is a tour to add to, 0 when nothing is there, -1 and
 * why in msg when what is there takes no step.
 */
static int load_existing(const char *path, struct stat *st, struct tour **old, unsigned char **buf,
                         size_t *len, char *msg, size_t msgsize)
{
	if (lstat(path, st) != 0) {
		if (errno == ENOENT)
			return 0;
		snprintf(msg, msgsize, "%s: %s", path, strerror(errno));
		return -1;
	}
	if (not_appendable(st) != NULL) {
		snprintf(msg, msgsize, "%s %s", path, not_appendable(st));
		return -1;
	}
	if ((*old = malloc(sizeof **old)) == NULL) {
		snprintf(msg, msgsize, "%s: %s", path, strerror(ENOMEM));
		return -1;
	}
	*buf = read_old(path, *old, len, msg, msgsize);
	return *buf != NULL ? 1 : -1;
}

int tour_append_step(const char *path, const struct tour_step *s, const char *id, const char *title,
                     const struct tour_runs *runs, char *msg, size_t msgsize)
{
	struct tour_runs head;
	struct tour *old = NULL, *new = malloc(sizeof *new);
	struct text text = {NULL, 0};
	unsigned char *buf = NULL;
	size_t len = 0;
	struct stat st;
	int rc = -1, indent = 2;
	int exists = new != NULL ? load_existing(path, &st, &old, &buf, &len, msg, msgsize) : -1;

	if (new == NULL)
		snprintf(msg, msgsize, "%s: %s", path, strerror(ENOMEM));
	else if (exists > 0 && (indent = list_indent(old, buf, len)) < 0)
		snprintf(msg, msgsize, "%s: its steps are no '- caption:' list to add to", path);
	else if (exists >= 0 && runs_for(path, old, s, runs, &head, msg, msgsize) != 0)
		exists = -1;
	else if (exists >= 0 && new_text(buf, len, indent, s, id, title, &head, &text) != 0)
		snprintf(msg, msgsize, "%s: %s", path, strerror(errno));
	else if (exists >= 0 && check_text(path, &text, old, s, &head, new, msg, msgsize) == 0 &&
	         commit(path, &text, exists ? &st : NULL, msg, msgsize) == 0)
		rc = new->nsteps;
	free(text.buf);
	free(buf);
	free(old);
	free(new);
	return rc;
}
