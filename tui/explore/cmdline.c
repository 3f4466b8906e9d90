/*
 * cmdline.c: the command line of the view on screen and the OSC 52 bytes
 * that copy it (cmdline.h).
 */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../presets/text.h"
#include "cmdline.h"

/* A growing line: appends stop at the end of buf and say so in ok. */
struct line {
	char *buf;
	size_t size, len;
	bool ok;
};

static void add(struct line *l, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void add(struct line *l, const char *fmt, ...)
{
	va_list ap;

	if (!l->ok)
		return;
	va_start(ap, fmt);
	int n = vsnprintf(l->buf + l->len, l->size - l->len, fmt, ap);
	va_end(ap);
	if (n < 0 || (size_t)n >= l->size - l->len)
		l->ok = false;
	else
		l->len += (size_t)n;
}

/*
 * v in the fewest significant digits that read back within a millionth of
 * v: short, free of the float noise a slider's steps leave (7.56e+24, not
 * 7.560000000000008e+24), and yet on the same point to every digit the
 * frame shows.
 */
static void add_number(struct line *l, const char *option, double v)
{
	char b[40];

	for (int digits = 1; digits <= 17; digits++) {
		snprintf(b, sizeof b, "%.*g", digits, v);
		if (fabs(strtod(b, NULL) - v) <= 1e-6 * fabs(v))
			break;
	}
	add(l, " --%s %s", option, b);
}

/*
 * A path as one shell word: as it is when every byte is one no shell
 * reads specially, else in single quotes, a quote in it as '\''.
 */
static void add_path(struct line *l, const char *option, const char *path)
{
	static const char plain[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
	                            "0123456789._+,-/:=@%";

	/* zsh expands a word that starts with '=' to a command's path, as shells do '~' */
	if (path[0] != '\0' && path[0] != '=' && strspn(path, plain) == strlen(path)) {
		add(l, " --%s %s", option, path);
		return;
	}
	add(l, " --%s '", option);
	for (const char *c = path; *c; c++)
		if (*c == '\'')
			add(l, "'\\''");
		else
			add(l, "%c", *c);
	add(l, "'");
}

/* Preset ids as a shell word: quoted unless letters, digits and . _ + , - */
static void add_id(struct line *l, const char *option, const char *id)
{
	if (strspn(id, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._+,-") ==
	            strlen(id) &&
	    id[0] != '\0' && strchr(id, '\'') == NULL)
		add(l, " --%s %s", option, id);
	else if (strchr(id, '\'') == NULL)
		add(l, " --%s '%s'", option, id);
	else
		l->ok = false; /* an id with a quote: the loader takes none, so never here */
}

/* Whether the session read its runs from standard input: no command can read them again. */
static bool runs_piped(const struct app *a)
{
	return a->runs_from.file != NULL && strcmp(a->runs_from.file, "-") == 0;
}

/*
 * The law, and the runs the session read: --runs FILE alone when the law
 * is their fit (the explorer starts on it; its id may be runs-2, which
 * --law would not name), with --bootstrap and --seed as they were given.
 * Runs from standard input are left out (a pasted --runs - would wait on
 * the terminal), and with them their fit as the law.
 */
static void add_law(struct line *l, const struct app *a)
{
	const struct app_runs_from *r = &a->runs_from;

	if (r->file == NULL || a->scene.law != r->law)
		add_id(l, "law", a->catalog->laws[a->scene.law].preset.id);
	if (r->file == NULL || runs_piped(a))
		return;
	add_path(l, "runs", r->file);
	if (r->bootstrap > 0)
		add(l, " --bootstrap %ld", r->bootstrap);
	if (r->bootstrap > 0 && r->seed >= 0)
		add(l, " --seed %ld", r->seed);
}

/* --compare ID, the law c compares with, unless it is the fit of runs no command reads. */
static bool add_compare(struct line *l, const struct app *a)
{
	if (a->compare < 0)
		return true;
	if (runs_piped(a) && (size_t)a->compare == a->runs_from.law)
		return false;
	add_id(l, "compare", a->catalog->laws[a->compare].preset.id);
	return true;
}

/* Name what no option carries, comma-separated, into missing. */
static void left_out(char *missing, size_t msize, bool leave, const char *what)
{
	size_t len = strlen(missing);

	if (leave && len < msize)
		snprintf(missing + len, msize - len, "%s%s", len ? ", " : "", what);
}

/* Whether the marks are the ones the explorer starts with when no --model is given. */
static bool default_marks(const struct app *a)
{
	static const char *const story[] = {APP_STORY_MODELS};
	int n = 0;

	for (size_t i = 0; i < sizeof story / sizeof *story; i++) {
		const struct catalog_entry *e = catalog_model(a->catalog, story[i]);
		if (e == NULL)
			continue;
		if (!app_model_marked(a, (size_t)(e - a->catalog->models)))
			return false;
		n++;
	}
	return n == a->scene.marked.n;
}

/*
 * The point at model m: --model M,X,Y starts at M and marks exactly M, X
 * and Y, so the line carries the marks only when M is one of them.
 */
static bool add_model(struct line *l, const struct app *a, size_t m)
{
	char ids[APP_CLIP_MAX];
	size_t len = (size_t)snprintf(ids, sizeof ids, "%s", a->catalog->models[m].preset.id);

	for (int i = 0; i < a->scene.marked.n && len < sizeof ids; i++)
		if (a->scene.marked.model[i] != m)
			len += (size_t)snprintf(
			        ids + len, sizeof ids - len, ",%s",
			        a->catalog->models[a->scene.marked.model[i]].preset.id);
	add_id(l, "model", ids);
	return app_model_marked(a, m);
}

/* The point: at its model, or on its budget; false when the marks do not follow. */
static bool add_point(struct line *l, const struct app *a)
{
	if (a->scene.model >= 0 && (size_t)a->scene.model < a->catalog->nmodels)
		return add_model(l, a, (size_t)a->scene.model);
	if (a->scene.lock == SLIDER_C) {
		add_number(l, "compute", app_value(a, SLIDER_C));
		add_number(l, "params", a->scene.n);
	} else {
		add_number(l, "params", a->scene.n);
		add_number(l, "tokens", a->scene.d);
	}
	return default_marks(a);
}

/*
 * The data view: --unique-tokens opens it under a data-constrained law,
 * --stock under any; the stock is named unless it is the one shown anyway.
 */
static void add_data(struct line *l, const struct app *a, bool data_law)
{
	const char *stock = a->stock.stock > 0 ? a->stock.id : "none";

	if (!app_view_on(a, TOUR_VIEW_DATA))
		return;
	if (data_law)
		add_number(l, "unique-tokens", app_value(a, SLIDER_U));
	if (!data_law || strcmp(stock, STOCKS_DEFAULT) != 0)
		add_id(l, "stock", stock);
}

/* The hardware view's price and power when given for its accelerator, and a PUE other than 1. */
static void add_cost(struct line *l, const struct app *a)
{
	const struct app_cost_given *g = &a->scene.given;

	if (g->accel == a->accel && g->price > 0)
		add_number(l, "price", g->price);
	if (g->accel == a->accel && g->watts > 0)
		add_number(l, "watts", g->watts);
	if (a->scene.hw.pue != 1)
		add_number(l, "pue", a->scene.hw.pue);
}

/*
 * Serving's terms when the inference view is priced: --serve-mfu opens the
 * hardware view, so they are written only with it (else left out).
 */
static void add_serve(struct line *l, const struct app *a)
{
	if (!(a->scene.serve_mfu > 0) || !app_view_on(a, TOUR_VIEW_INFERENCE) ||
	    !app_view_on(a, TOUR_VIEW_HARDWARE) || a->accel < 0)
		return;
	add_number(l, "serve-mfu", a->scene.serve_mfu);
	if (a->scene.serve_price > 0)
		add_number(l, "serve-price", a->scene.serve_price);
}

/* The test-time views' law and point: the options set them, a tour's view: opens X or K. */
static void add_tt(struct line *l, const struct app *a)
{
	const struct catalog_entry *e = app_tt_law(a);
	bool x = app_view_on(a, TOUR_VIEW_TRAINTEST), k = app_view_on(a, TOUR_VIEW_COVERAGE);

	if ((!x && !k) || e == NULL)
		return;
	add_id(l, "tt-law", e->preset.id);
	if (x) {
		add_number(l, "train", a->scene.tt.train);
		add_number(l, "test", a->scene.tt.test);
		add_number(l, "problems", a->scene.tt.problems);
	} else {
		add_number(l, "samples", a->scene.tt.samples);
		add_number(l, "target", a->scene.tt.target);
	}
}

/* The views a talk may start in, with their sliders. */
static void add_views(struct line *l, const struct app *a, bool data_law)
{
	add_data(l, a, data_law);
	if (app_view_on(a, TOUR_VIEW_INFERENCE))
		add_number(l, "inference-tokens", a->t);
	if (app_view_on(a, TOUR_VIEW_TESTTIME))
		add_number(l, "larger", a->m);
	if (app_view_on(a, TOUR_VIEW_HARDWARE) && a->accel >= 0) {
		add_id(l, "gpu", a->catalog->accelerators[a->accel].preset.id);
		add_number(l, "gpus", a->scene.hw.count);
		add_number(l, "mfu", a->scene.hw.mfu);
		add_cost(l, a);
	}
	add_serve(l, a);
	add_tt(l, a);
}

bool cmdline_of(const struct app *a, char *buf, size_t size, char *missing, size_t msize)
{
	struct line l = {buf, size, 0, size > 0};
	bool data_law = app_law(a)->family == LAW_DATA_CONSTRAINED;
	bool inference = app_view_on(a, TOUR_VIEW_INFERENCE);
	bool testtime = app_view_on(a, TOUR_VIEW_TESTTIME);
	bool hardware = app_view_on(a, TOUR_VIEW_HARDWARE);

	if (size > 0)
		buf[0] = '\0';
	add(&l, "isoflop");
	add_law(&l, a);
	bool marks = add_point(&l, a);
	add_views(&l, a, data_law);
	if (a->downstream != NULL) /* which turns its error contours on */
		add_id(&l, "downstream", a->downstream->id);
	bool compared = add_compare(&l, a);
	if (msize > 0)
		missing[0] = '\0';
	left_out(missing, msize, runs_piped(a), "the runs from standard input");
	left_out(missing, msize, !marks, "the marked models");
	left_out(missing, msize, a->scene.edited, "the edits");
	left_out(missing, msize, a->scene.lock != SLIDER_C, "the lock");
	left_out(missing, msize, !compared, "the comparison");
	/* no option opens the difference map: d does */
	left_out(missing, msize, a->compare >= 0 && a->delta, "the difference map (d)");
	left_out(missing, msize, !a->scene.markers, "markers off");
	left_out(missing, msize, a->downstream != NULL && !a->error_contours, "loss contours (A)");
	left_out(missing, msize, a->scene.panel != TOUR_PANEL_BOTH, "one panel");
	/* no option opens it: a tour's `view: compute` does */
	left_out(missing, msize, app_view_on(a, TOUR_VIEW_COMPUTE), "the compute view");
	/* --larger starts T where 't' does, at D; only --inference-tokens sets it */
	left_out(missing, msize, testtime && !inference && a->t != a->scene.d, "T");
	/* --stock opens the data view at U = D; only --unique-tokens sets U */
	left_out(missing, msize,
	         app_view_on(a, TOUR_VIEW_DATA) && !data_law && a->scene.u != a->scene.d, "U");
	left_out(missing, msize, hardware && a->hw_follow != HW_DAYS, "what follows (f)");
	/* --serve-mfu would open the hardware view too */
	left_out(missing, msize, inference && !hardware && a->scene.serve_mfu > 0,
	         "the serving MFU");
	/* no option starts the explorer in the timeline: a tour step's view: does */
	left_out(missing, msize, app_view_on(a, TOUR_VIEW_TIMELINE), "the timeline view");
	left_out(missing, msize, app_view_on(a, TOUR_VIEW_TRAINTEST), "the train x test view");
	left_out(missing, msize, app_view_on(a, TOUR_VIEW_COVERAGE), "the coverage view");
	left_out(missing, msize, app_view_on(a, TOUR_VIEW_DOMAINS), "the domains view");
	left_out(missing, msize,
	         app_view_on(a, TOUR_VIEW_TRAINTEST) && a->scene.tt.lock != SLIDER_TOTAL,
	         "the plane's lock");
	return l.ok;
}

/* The bytes of s's first `chars` UTF-8 characters. */
static size_t utf8_bytes(const char *s, size_t chars)
{
	size_t i = 0;

	for (; s[i] && chars > 0; chars--)
		for (i++; ((unsigned char)s[i] & 0xc0) == 0x80; i++)
			;
	return i;
}

void cmdline_status(const char *line, const char *missing, size_t width, char *out, size_t size)
{
	char head[CMDLINE_HEAD_MAX + 32] = "copied: ";
	size_t len = 0, items = 0, shown = 0;

	if (missing[0] != '\0') {
		/* the first items that fit a short head, the rest counted: the line is what matters
		 */
		len = (size_t)snprintf(head, sizeof head, "copied, not ");
		for (const char *at = missing; at != NULL; items++) {
			const char *next = strstr(at, ", ");
			size_t n = next != NULL ? (size_t)(next - at) : strlen(at);
			if (shown == items && len + n + 2 <= CMDLINE_HEAD_MAX) {
				len += (size_t)snprintf(head + len, sizeof head - len, "%s%.*s",
				                        shown ? ", " : "", (int)n, at);
				shown++;
			}
			at = next != NULL ? next + 2 : NULL;
		}
		if (items > shown)
			len += (size_t)snprintf(head + len, sizeof head - len, "%s%zu more",
			                        shown ? " and " : "", items - shown);
		snprintf(head + len, sizeof head - len, ": ");
	}
	len = strlen(head);
	size_t room = width > len + 4 ? width - len : 4;
	if (text_utf8_length(line) <= room)
		snprintf(out, size, "%s%s", head, line);
	else
		snprintf(out, size, "%s%.*s...", head, (int)utf8_bytes(line, room - 3), line);
}

/* RFC 4648 base64 of n bytes of in into out (4 characters per 3 bytes, padded). */
static void base64(const unsigned char *in, size_t n, char *out)
{
	static const char digits[] =
	        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

	for (size_t i = 0; i < n; i += 3, out += 4) {
		unsigned long group = (unsigned long)in[i] << 16;
		if (i + 1 < n)
			group |= (unsigned long)in[i + 1] << 8;
		if (i + 2 < n)
			group |= in[i + 2];
		out[0] = digits[group >> 18 & 63];
		out[1] = digits[group >> 12 & 63];
		out[2] = i + 1 < n ? digits[group >> 6 & 63] : '=';
		out[3] = i + 2 < n ? digits[group & 63] : '=';
	}
	*out = '\0';
}

size_t cmdline_osc52(const char *text, char *out, size_t size)
{
	static const char head[] = "\033]52;c;";
	size_t n = strlen(text);
	size_t len = sizeof head - 1 + (n + 2) / 3 * 4 + 1; /* head, base64, BEL */

	if (len + 1 > size)
		return 0;
	memcpy(out, head, sizeof head - 1);
	base64((const unsigned char *)text, n, out + sizeof head - 1);
	out[len - 1] = '\a';
	out[len] = '\0';
	return len;
}
