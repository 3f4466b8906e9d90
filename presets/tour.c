/*
 * tour.c: the tour loader. A tour is one mapping (id, title, source, steps);
 * steps is a sequence of mappings. What each key takes is a row of the const
 * tables tour_fields and step_fields (key, setter, where it goes, range,
 * required), so a new field is one row and its setter. The events come from
 * the walk shared with presets (yaml_walk.c), so every error has the mark of
 * what caused it and the presets' wording for what both refuse.
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <yaml.h>

#include "../model/units.h"
#include "preset.h"
#include "readall.h"
#include "runs.h"
#include "text.h"
#include "tour.h"
#include "yaml_walk.h"

#define TOUR_MAX_BYTES YAML_WALK_MAX_BYTES

/* the walk's message maker, under the short name the setters use */
#define fail yaml_walk_fail

struct tour_field;

/* Store the value whose event is ev into obj, a struct tour or a struct tour_step. */
typedef int (*tour_setter)(struct yaml_walk *w, const struct tour_field *f, const yaml_event_t *ev,
                           void *obj);

struct tour_field {
	const char *key; /* first: the walker reads the keys from the rows */
	tour_setter set;
	size_t offset;        /* of the value in obj */
	size_t size;          /* of a text buffer */
	size_t mark;          /* of the struct tour_mark where a value checked when played was
	                         written; 0 for none */
	enum units_kind kind; /* numbers: how they are written */
	double lo, hi;        /* numbers: the explorer's window; 0, 0: a slider's range,
	                         checked when played (tui/explore/tour_play.c) */
	bool required;
};

/* Whether ev is one non-empty scalar that fits size bytes with its NUL: else the error. */
static int scalar_fits(struct yaml_walk *w, const yaml_event_t *ev, const char *key, size_t size)
{
	size_t n = ev->data.scalar.length;

	if (ev->type != YAML_SCALAR_EVENT)
		return fail(w, ev->start_mark, "'%s' takes a single value, not %s", key,
		            yaml_walk_noun(ev->type));
	if (n == 0)
		return fail(w, ev->start_mark, "'%s' is empty", key);
	if (n >= size)
		return fail(w, ev->start_mark, "'%s' is longer than %zu characters", key, size - 1);
	return 0;
}

/* A scalar value for key into dst (size bytes): one printable line, but for a caption's or notes'
 * lines. */
static int text(struct yaml_walk *w, const yaml_event_t *ev, const char *key, char *dst,
                size_t size)
{
	const char *v = (const char *)ev->data.scalar.value;
	size_t n = ev->data.scalar.length;

	if (scalar_fits(w, ev, key, size) != 0)
		return -1;
	for (size_t i = 0; i < n; i++)
		if (((unsigned char)v[i] < 0x20 && v[i] != '\n') || v[i] == 0x7f ||
		    text_is_c1(v + i, n - i))
			return fail(w, ev->start_mark, "'%s' contains a control character", key);
	memcpy(dst, v, n);
	dst[n] = '\0';
	if (strcmp(key, "caption") == 0 || strcmp(key, "notes") == 0)
		return 0;
	/* the rest is one line, as in presets: block scalars fold into blanks */
	for (char *c = dst; *c; c++)
		if (*c == '\n')
			*c = ' ';
	while (n > 0 && dst[n - 1] == ' ')
		dst[--n] = '\0';
	if (n == 0)
		return fail(w, ev->start_mark, "'%s' is empty", key);
	return 0;
}

static int caption(struct yaml_walk *w, const yaml_event_t *ev, struct tour_step *s)
{
	char buf[TOUR_CAPTION_LINES * (TOUR_CAPTION_BYTES + 1) + 1], *line, *save = NULL;
	int n = 0;

	if (text(w, ev, "caption", buf, sizeof buf) < 0)
		return -1;
	/* a block scalar ends in a newline; the lines are the caption's */
	size_t len = strlen(buf);
	while (len > 0 && buf[len - 1] == '\n')
		buf[--len] = '\0';
	for (line = strtok_r(buf, "\n", &save); line != NULL; line = strtok_r(NULL, "\n", &save)) {
		if (n == TOUR_CAPTION_LINES)
			return fail(w, ev->start_mark,
			            "'caption' has more than %d lines: a back row reads two",
			            TOUR_CAPTION_LINES);
		/* drawn one character a cell, in a band TOUR_CAPTION_WIDTH wide */
		if (text_utf8_length(line) > TOUR_CAPTION_WIDTH)
			return fail(w, ev->start_mark,
			            "'caption' line %d is longer than %d characters", n + 1,
			            TOUR_CAPTION_WIDTH);
		snprintf(s->caption[n++], sizeof s->caption[0], "%s", line);
	}
	return 0;
}

/* A number of the given kind in [lo, hi], the explorer's window for it. */
static int number(struct yaml_walk *w, const yaml_event_t *ev, const char *key,
                  enum units_kind kind, double lo, double hi, double *out)
{
	char buf[64], a[16], b[16];
	const char *why;

	if (text(w, ev, key, buf, sizeof buf) < 0)
		return -1;
	if (!units_parse(buf, kind, out, &why))
		return fail(w, ev->start_mark, "'%s': %s: '%s'", key, why, buf);
	if (!(*out > 0)) /* 0 is how a step says it names no value */
		return fail(w, ev->start_mark, "'%s' must be more than 0, not %s", key, buf);
	if ((lo == 0 && hi == 0) || (*out >= lo && *out <= hi))
		return 0;
	if (kind == UNITS_COMPUTE) {
		units_format_compute(lo, a, sizeof a);
		units_format_compute(hi, b, sizeof b);
	} else {
		units_format_count(lo, a, sizeof a);
		units_format_count(hi, b, sizeof b);
	}
	return fail(w, ev->start_mark,
	            "'%s' must lie in the explorer's window, %s to %s%s%s, not %s", key, a, b,
	            kind == UNITS_COMPUTE ? " FLOPs" : "",
	            hi == TOUR_WINDOW_TOKENS_STOCK_HI ? " (past 100T in the data view)" : "", buf);
}

/* The place in obj a field's value goes. */
static void *field_at(const struct tour_field *f, void *obj)
{
	return (char *)obj + f->offset;
}

static int set_text(struct yaml_walk *w, const struct tour_field *f, const yaml_event_t *ev,
                    void *obj)
{
	return text(w, ev, f->key, field_at(f, obj), f->size);
}

/* The tour's id, spelt as a preset's: never a path. */
static int set_id(struct yaml_walk *w, const struct tour_field *f, const yaml_event_t *ev,
                  void *obj)
{
	char *dst = field_at(f, obj);

	if (text(w, ev, f->key, dst, f->size) < 0)
		return -1;
	if (!preset_id_valid(dst))
		return fail(w, ev->start_mark,
		            "'%s' must be lowercase letters, digits, '.' and '-' "
		            "(like chinchilla-story), not '%s'",
		            f->key, dst);
	return 0;
}

/* Speaker notes: their lines as written, less the newline a block scalar ends in. */
static int set_notes(struct yaml_walk *w, const struct tour_field *f, const yaml_event_t *ev,
                     void *obj)
{
	char *dst = field_at(f, obj);
	size_t n;

	if (text(w, ev, f->key, dst, f->size) < 0)
		return -1;
	n = strlen(dst);
	while (n > 0 && (dst[n - 1] == '\n' || dst[n - 1] == ' '))
		dst[--n] = '\0';
	if (n == 0)
		return fail(w, ev->start_mark, "'%s' is empty", f->key);
	return 0;
}

static int set_caption(struct yaml_walk *w, const struct tour_field *f, const yaml_event_t *ev,
                       void *obj)
{
	(void)f;
	return caption(w, ev, obj);
}

static int set_number(struct yaml_walk *w, const struct tour_field *f, const yaml_event_t *ev,
                      void *obj)
{
	return number(w, ev, f->key, f->kind, f->lo, f->hi, field_at(f, obj));
}

/* A number in the field's [lo, hi], the range its option takes (--price, --watts, --pue). */
static int set_bounded(struct yaml_walk *w, const struct tour_field *f, const yaml_event_t *ev,
                       void *obj)
{
	double *v = field_at(f, obj);

	if (number(w, ev, f->key, UNITS_PLAIN, 0, 0, v) < 0)
		return -1;
	if (*v >= f->lo && *v <= f->hi)
		return 0;
	return fail(w, ev->start_mark, "'%s' must lie between %g and %g, not %g", f->key, f->lo,
	            f->hi, *v);
}

/* A value that is one of names[0..n): its index in *i; the message lists them. */
static int choice(struct yaml_walk *w, const yaml_event_t *ev, const char *key,
                  const char *const *names, size_t n, size_t *i)
{
	char buf[64], list[128] = "";

	if (text(w, ev, key, buf, sizeof buf) < 0)
		return -1;
	for (*i = 0; *i < n; (*i)++)
		if (strcmp(buf, names[*i]) == 0)
			return 0;
	for (size_t j = 0; j < n; j++)
		snprintf(list + strlen(list), sizeof list - strlen(list), "%s%s",
		         j == 0       ? ""
		         : j + 1 == n ? " or "
		                      : ", ",
		         names[j]);
	return fail(w, ev->start_mark, "'%s' must be %s, not '%s'", key, list, buf);
}

static int set_lock(struct yaml_walk *w, const struct tour_field *f, const yaml_event_t *ev,
                    void *obj)
{
	static const char *const names[] = {"N", "D", "C"};
	size_t i;

	if (choice(w, ev, f->key, names, 3, &i) < 0)
		return -1;
	*(char *)field_at(f, obj) = names[i][0];
	return 0;
}

/* true or false into an int (markers, zoom), whose -1 means the step keeps it. */
static int set_markers(struct yaml_walk *w, const struct tour_field *f, const yaml_event_t *ev,
                       void *obj)
{
	static const char *const names[] = {"true", "false"};
	size_t i;

	if (choice(w, ev, f->key, names, 2, &i) < 0)
		return -1;
	*(int *)field_at(f, obj) = i == 0;
	return 0;
}

/* contours: loss or error into an int, 0 or 1; -1 (keep) when the step leaves it. */
static int set_contours(struct yaml_walk *w, const struct tour_field *f, const yaml_event_t *ev,
                        void *obj)
{
	size_t i;

	if (choice(w, ev, f->key, tour_contours_names, 2, &i) < 0)
		return -1;
	*(int *)field_at(f, obj) = (int)i;
	return 0;
}

static int set_difference(struct yaml_walk *w, const struct tour_field *f, const yaml_event_t *ev,
                          void *obj)
{
	return set_markers(w, f, ev, obj); /* the same true/false, and -1 for keep */
}

const char *const tour_contours_names[3] = {"loss", "error", NULL};

const char *const tour_view_names[TOUR_VIEW_COUNT + 1] = {
        [TOUR_VIEW_KEEP] = "",
        [TOUR_VIEW_EXPLORE] = "explore",
        [TOUR_VIEW_INFERENCE] = "inference",
        [TOUR_VIEW_DATA] = "data",
        [TOUR_VIEW_TESTTIME] = "testtime",
        [TOUR_VIEW_HARDWARE] = "hardware",
        [TOUR_VIEW_EDIT] = "edit",
        [TOUR_VIEW_COMPUTE] = "compute",
        [TOUR_VIEW_TIMELINE] = "timeline",
        [TOUR_VIEW_TRAINTEST] = "traintest",
        [TOUR_VIEW_COVERAGE] = "coverage",
        [TOUR_VIEW_DOMAINS] = "domains",
        NULL,
};

const char *const tour_panel_names[] = {
        [TOUR_PANEL_BOTH] = "both",
        [TOUR_PANEL_MAP] = "map",
        [TOUR_PANEL_PROFILES] = "profiles",
        NULL,
};

static int set_view(struct yaml_walk *w, const struct tour_field *f, const yaml_event_t *ev,
                    void *obj)
{
	size_t i;

	/* the names after "" (keep, which no step writes) */
	if (choice(w, ev, f->key, tour_view_names + TOUR_VIEW_EXPLORE,
	           TOUR_VIEW_COUNT - TOUR_VIEW_EXPLORE, &i) < 0)
		return -1;
	*(enum tour_view *)field_at(f, obj) = (enum tour_view)(TOUR_VIEW_EXPLORE + i);
	return 0;
}

static int set_panel(struct yaml_walk *w, const struct tour_field *f, const yaml_event_t *ev,
                     void *obj)
{
	size_t i;

	if (choice(w, ev, f->key, tour_panel_names, 3, &i) < 0)
		return -1;
	*(enum tour_panel *)field_at(f, obj) = (enum tour_panel)i;
	return 0;
}

/* models: a list of model ids, checked against the catalog when played; [] marks none. */
static int set_models(struct yaml_walk *w, const struct tour_field *f, const yaml_event_t *start,
                      void *obj)
{
	struct tour_step *s = obj;
	yaml_event_t ev;
	int rc = 0;

	if (start->type != YAML_SEQUENCE_START_EVENT)
		return fail(w, start->start_mark,
		            "'%s' takes a list of model ids ([gpt3, chinchilla]), not %s", f->key,
		            yaml_walk_noun(start->type));
	s->nmodels = 0;
	while (rc == 0) {
		if (yaml_walk_next(w, &ev) < 0)
			return -1;
		if (ev.type == YAML_SEQUENCE_END_EVENT) {
			yaml_event_delete(&ev);
			break;
		}
		if (s->nmodels == TOUR_MAX_MODELS)
			rc = fail(w, ev.start_mark, "'%s' lists more than %d models", f->key,
			          TOUR_MAX_MODELS);
		else if ((rc = text(w, &ev, f->key, s->models[s->nmodels], sizeof s->models[0])) ==
		         0)
			s->models_at[s->nmodels++] = (struct tour_mark){
			        (int)ev.start_mark.line + 1, (int)ev.start_mark.column + 1};
		yaml_event_delete(&ev);
	}
	return rc;
}

/* One LOW:HIGH of a window into out[2]: counts within [lo, hi], a factor of 10 apart at least. */
static int window_interval(struct yaml_walk *w, const yaml_event_t *ev, const char *what, char *s,
                           double lo, double hi, double out[2])
{
	char *colon = strchr(s, ':'), a[16], b[16];
	const char *why;

	if (colon == NULL)
		return fail(w, ev->start_mark, "'window' expected LOW:HIGH for %s, not '%s'", what,
		            s);
	*colon = '\0';
	if (!units_parse(s, UNITS_COUNT, &out[0], &why) ||
	    !units_parse(colon + 1, UNITS_COUNT, &out[1], &why))
		return fail(w, ev->start_mark, "'window': %s %s: '%s:%s'", what, why, s, colon + 1);
	units_format_count(lo, a, sizeof a);
	units_format_count(hi, b, sizeof b);
	if (!(out[0] >= lo && out[1] <= hi))
		return fail(w, ev->start_mark, "'window': %s must lie between %s and %s: '%s:%s'",
		            what, a, b, s, colon + 1);
	/* a decade at least, as --range asks, so that the axis has a tick */
	if (out[1] < 10 * out[0] * (1 - 1e-12))
		return fail(w, ev->start_mark,
		            "'window': %s must span at least a factor of 10: '%s:%s'", what, s,
		            colon + 1);
	return 0;
}

/* window: NLO:NHI,DLO:DHI, as --range writes it, within the units' limits (units.h). */
static int set_window(struct yaml_walk *w, const struct tour_field *f, const yaml_event_t *ev,
                      void *obj)
{
	char buf[128], *comma;
	double *out = field_at(f, obj);

	if (text(w, ev, f->key, buf, sizeof buf) < 0)
		return -1;
	if ((comma = strchr(buf, ',')) == NULL)
		return fail(w, ev->start_mark,
		            "'window' expected NLOW:NHIGH,DLOW:DHIGH (e.g. 10M:10T,100M:100T), not "
		            "'%s'",
		            buf);
	*comma = '\0';
	if (window_interval(w, ev, "parameters", buf, UNITS_PARAMS_MIN, UNITS_PARAMS_MAX, out) < 0)
		return -1;
	return window_interval(w, ev, "tokens", comma + 1, UNITS_TOKENS_MIN, UNITS_TOKENS_MAX,
	                       out + 2);
}

/*
 * A scalar path for key into dst (size bytes), byte for byte: a file's name
 * may end in blanks, which text() would trim, and a newline in it would
 * fold into a blank that names another file; control characters refused.
 */
static int path_text(struct yaml_walk *w, const yaml_event_t *ev, const char *key, char *dst,
                     size_t size)
{
	const char *v = (const char *)ev->data.scalar.value;
	size_t n = ev->data.scalar.length;

	if (scalar_fits(w, ev, key, size) != 0)
		return -1;
	for (size_t i = 0; i < n; i++)
		if ((unsigned char)v[i] < 0x20 || v[i] == 0x7f || text_is_c1(v + i, n - i))
			return fail(w, ev->start_mark,
			            "'%s': the file's name contains a control character", key);
	memcpy(dst, v, n);
	dst[n] = '\0';
	return 0;
}

/*
 * runs: a CSV file, its path relative to the tour file's directory unless
 * absolute, as a preset's file is its own; read when the tour is loaded.
 */
static int set_runs(struct yaml_walk *w, const struct tour_field *f, const yaml_event_t *ev,
                    void *obj)
{
	struct tour_runs *r = &((struct tour *)obj)->runs;
	const char *file = ((struct tour *)obj)->file, *slash = strrchr(file, '/');

	if (path_text(w, ev, f->key, r->written, sizeof r->written) < 0)
		return -1;
	if (strcmp(r->written, "-") == 0)
		return fail(w, ev->start_mark,
		            "'%s' names a CSV file: a tour reads no runs from standard input",
		            f->key);
	int dir = r->written[0] == '/' || slash == NULL ? 0 : (int)(slash - file) + 1;
	if ((size_t)snprintf(r->file, sizeof r->file, "%.*s%s", dir, file, r->written) >=
	    sizeof r->file)
		return fail(w, ev->start_mark, "'%s': the path is too long", f->key);
	r->at = (struct tour_mark){(int)ev->start_mark.line + 1, (int)ev->start_mark.column + 1};
	return 0;
}

/* A whole number in [f->lo, f->hi], as the option of the same name takes it. */
static int set_whole(struct yaml_walk *w, const struct tour_field *f, const yaml_event_t *ev,
                     void *obj)
{
	char buf[32], *end;

	if (text(w, ev, f->key, buf, sizeof buf) < 0)
		return -1;
	long v = strtol(buf, &end, 10);
	if (*end != '\0' || end == buf || !(buf[0] >= '0' && buf[0] <= '9'))
		return fail(w, ev->start_mark, "'%s' takes a whole number, not '%s'", f->key, buf);
	if (v < (long)f->lo || v > (long)f->hi)
		return fail(w, ev->start_mark, "'%s' must lie between %.0f and %.0f, not %s",
		            f->key, f->lo, f->hi, buf);
	*(long *)field_at(f, obj) = v;
	return 0;
}

static int set_steps(struct yaml_walk *w, const struct tour_field *f, const yaml_event_t *ev,
                     void *obj);

#define STEP(m)      offsetof(struct tour_step, m)
#define STEP_TEXT(m) STEP(m), sizeof(((struct tour_step *)0)->m)
#define TOUR(m)      offsetof(struct tour, m)
#define TOUR_TEXT(m) TOUR(m), sizeof(((struct tour *)0)->m)

/* key, setter, where, size, mark, number kind, window, required */
static const struct tour_field step_fields[] = {
        {"caption", set_caption, 0, 0, 0, UNITS_PLAIN, 0, 0, true},
        {"law", set_text, STEP_TEXT(law), STEP(law_at), UNITS_PLAIN, 0, 0, false},
        {"model", set_text, STEP_TEXT(model), STEP(model_at), UNITS_PLAIN, 0, 0, false},
        {"params", set_number, STEP(params), 0, 0, UNITS_COUNT, TOUR_WINDOW_PARAMS_LO,
         TOUR_WINDOW_PARAMS_HI, false},
        {"tokens", set_number, STEP(tokens), 0, STEP(tokens_at), UNITS_COUNT, TOUR_WINDOW_TOKENS_LO,
         TOUR_WINDOW_TOKENS_STOCK_HI, false},
        {"compute", set_number, STEP(compute), 0, 0, UNITS_COMPUTE, TOUR_WINDOW_COMPUTE_LO,
         TOUR_WINDOW_COMPUTE_HI, false},
        {"unique_tokens", set_number, STEP(unique_tokens), 0, STEP(unique_tokens_at), UNITS_COUNT,
         TOUR_WINDOW_TOKENS_LO, TOUR_WINDOW_TOKENS_STOCK_HI, false},
        {"lock", set_lock, STEP(lock), 0, 0, UNITS_PLAIN, 0, 0, false},
        {"markers", set_markers, STEP(markers), 0, 0, UNITS_PLAIN, 0, 0, false},
        {"panel", set_panel, STEP(panel), 0, 0, UNITS_PLAIN, 0, 0, false},
        {"view", set_view, STEP(view), 0, STEP(view_at), UNITS_PLAIN, 0, 0, false},
        {"compare", set_text, STEP_TEXT(compare), STEP(compare_at), UNITS_PLAIN, 0, 0, false},
        {"difference", set_difference, STEP(difference), 0, STEP(difference_at), UNITS_PLAIN, 0, 0,
         false},
        /* the views' sliders: their ranges are the sliders', checked when played */
        {"inference_tokens", set_number, STEP(inference_tokens), 0, STEP(inference_tokens_at),
         UNITS_COUNT, 0, 0, false},
        {"larger", set_number, STEP(larger), 0, STEP(larger_at), UNITS_PLAIN, 0, 0, false},
        {"accelerator", set_text, STEP_TEXT(accelerator), STEP(accelerator_at), UNITS_PLAIN, 0, 0,
         false},
        {"gpus", set_number, STEP(gpus), 0, STEP(gpus_at), UNITS_COUNT, 0, 0, false},
        {"days", set_number, STEP(days), 0, STEP(days_at), UNITS_PLAIN, 0, 0, false},
        {"mfu", set_number, STEP(mfu), 0, STEP(mfu_at), UNITS_PLAIN, 0, 0, false},
        {"price", set_bounded, STEP(price), 0, STEP(price_at), UNITS_PLAIN, TOUR_PRICE_LO,
         TOUR_PRICE_HI, false},
        {"watts", set_bounded, STEP(watts), 0, STEP(watts_at), UNITS_PLAIN, TOUR_WATTS_LO,
         TOUR_WATTS_HI, false},
        {"pue", set_bounded, STEP(pue), 0, STEP(pue_at), UNITS_PLAIN, TOUR_PUE_LO, TOUR_PUE_HI,
         false},
        {"serve_mfu", set_bounded, STEP(serve_mfu), 0, STEP(serve_mfu_at), UNITS_PLAIN,
         TOUR_SERVE_MFU_LO, TOUR_SERVE_MFU_HI, false},
        {"serve_price", set_bounded, STEP(serve_price), 0, STEP(serve_price_at), UNITS_PLAIN,
         TOUR_PRICE_LO, TOUR_PRICE_HI, false},
        /* a stock preset's id, checked when played; none hides the band */
        {"stock", set_text, STEP_TEXT(stock), STEP(stock_at), UNITS_PLAIN, 0, 0, false},
        /* the test-time views' law (checked when played) and point: the sliders' ranges */
        {"tt_law", set_text, STEP_TEXT(tt_law), STEP(tt_law_at), UNITS_PLAIN, 0, 0, false},
        {"train", set_number, STEP(train), 0, STEP(train_at), UNITS_COMPUTE, 0, 0, false},
        {"test", set_number, STEP(test), 0, STEP(test_at), UNITS_COMPUTE, 0, 0, false},
        {"problems", set_number, STEP(problems), 0, STEP(problems_at), UNITS_COUNT, 0, 0, false},
        {"samples", set_number, STEP(samples), 0, STEP(samples_at), UNITS_COUNT, 0, 0, false},
        {"target", set_number, STEP(target), 0, STEP(target_at), UNITS_PLAIN, 0, 0, false},
        /* a downstream preset's id, checked when played; none drops the map */
        {"downstream", set_text, STEP_TEXT(downstream), STEP(downstream_at), UNITS_PLAIN, 0, 0,
         false},
        {"contours", set_contours, STEP(contours), 0, STEP(contours_at), UNITS_PLAIN, 0, 0, false},
        {"notes", set_notes, STEP_TEXT(notes), 0, UNITS_PLAIN, 0, 0, false},
        {"zoom", set_markers, STEP(zoom), 0, 0, UNITS_PLAIN, 0, 0, false},
        {"models", set_models, 0, 0, 0, UNITS_PLAIN, 0, 0, false},
        {"window", set_window, STEP(window), 0, 0, UNITS_COUNT, 0, 0, false},
};

static const struct tour_field tour_fields[] = {
        {"id", set_id, TOUR_TEXT(id), 0, UNITS_PLAIN, 0, 0, true},
        {"title", set_text, TOUR_TEXT(title), 0, UNITS_PLAIN, 0, 0, true},
        {"source", set_text, TOUR_TEXT(source), 0, UNITS_PLAIN, 0, 0, false},
        /* the runs the tour is played with, as --runs, --bootstrap and --seed */
        {"runs", set_runs, 0, 0, 0, UNITS_PLAIN, 0, 0, false},
        {"bootstrap", set_whole, TOUR(runs.bootstrap), 0, TOUR(runs.bootstrap_at), UNITS_PLAIN,
         TOUR_BOOTSTRAP_LO, TOUR_BOOTSTRAP_HI, false},
        {"seed", set_whole, TOUR(runs.seed), 0, 0, UNITS_PLAIN, 0, TOUR_SEED_HI, false},
        {"steps", set_steps, 0, 0, 0, UNITS_PLAIN, 0, 0, true},
};

static const struct yaml_keys step_keys = YAML_KEYS("in a step", step_fields);
static const struct yaml_keys tour_keys = YAML_KEYS("at the top of a tour", tour_fields);
/* struct yaml_seen has a flag per key of a table: every table must fit it */
_Static_assert(sizeof step_fields / sizeof *step_fields <= YAML_WALK_MAX_KEYS,
               "a step: too many keys");
_Static_assert(sizeof tour_fields / sizeof *tour_fields <= YAML_WALK_MAX_KEYS,
               "a tour: too many keys");

/* Each key of a mapping given to its row's setter, with obj the struct it fills. */
static int walk_fields(struct yaml_walk *w, const struct yaml_keys *keys,
                       const struct tour_field *rows, struct yaml_seen *seen, void *obj)
{
	yaml_event_t value;
	size_t k;
	int end;

	while ((end = yaml_walk_key(w, keys, seen, &k)) == 0) {
		if (yaml_walk_next(w, &value) < 0)
			return -1;
		int rc = rows[k].set(w, &rows[k], &value, obj);
		if (rc == 0 &&
		    rows[k].mark != 0) /* checked when played: keep where it was written */
			*(struct tour_mark *)((char *)obj + rows[k].mark) = (struct tour_mark){
			        (int)value.start_mark.line + 1, (int)value.start_mark.column + 1};
		yaml_event_delete(&value);
		if (rc < 0)
			return -1;
	}
	return end < 0 ? -1 : 0;
}

/* The first required row not seen, or NULL. */
static const char *missing_key(const struct tour_field *rows, size_t n,
                               const struct yaml_seen *seen)
{
	for (size_t i = 0; i < n; i++)
		if (rows[i].required && !seen->on[i])
			return rows[i].key;
	return NULL;
}

/* Row of a step key; the table is const, so a miss is a programming error. */
static size_t step_row(const char *key)
{
	for (size_t i = 0; i < sizeof step_fields / sizeof *step_fields; i++)
		if (strcmp(step_fields[i].key, key) == 0)
			return i;
	abort();
}

/* Row of a tour key, as step_row. */
static size_t tour_row(const char *key)
{
	for (size_t i = 0; i < sizeof tour_fields / sizeof *tour_fields; i++)
		if (strcmp(tour_fields[i].key, key) == 0)
			return i;
	abort();
}

/* gpus and days together give the budget, and the point its optimum: no other point. */
static int check_budget(struct yaml_walk *w, const struct yaml_seen *seen)
{
	static const char *const point[] = {"model", "params", "tokens", "compute"};
	const bool *on = seen->on;
	size_t days = step_row("days");

	if (!on[step_row("gpus")] || !on[days])
		return 0;
	for (size_t i = 0; i < sizeof point / sizeof *point; i++)
		if (on[step_row(point[i])])
			return fail(w, seen->at[days],
			            "gpus and days set the budget and the point its optimum: "
			            "give no '%s' with both",
			            point[i]);
	return 0;
}

/* How a step places its point: a model, or two of N, D, C, or C alone. */
static int check_point(struct yaml_walk *w, const struct yaml_seen *seen)
{
	size_t model = step_row("model"), n = step_row("params"), d = step_row("tokens"),
	       c = step_row("compute");
	const bool *on = seen->on;

	if (on[model] && (on[n] || on[d] || on[c]))
		return fail(w, seen->at[model], "give 'model' or params/tokens/compute, not both");
	if ((on[n] || on[d]) && on[n] + on[d] + on[c] == 1)
		return fail(
		        w, on[n] ? seen->at[n] : seen->at[d],
		        "give two of params, tokens, compute (or compute alone for the optimum)");
	if (on[n] && on[d] && on[c])
		return fail(w, seen->at[c], "give two of params, tokens, compute, not all three");
	return check_budget(w, seen);
}

void tour_step_init(struct tour_step *s)
{
	memset(s, 0, sizeof *s);
	s->markers = -1;
	s->difference = -1;
	s->contours = -1;
	s->zoom = -1;
	s->nmodels = -1;
}

/* A step: a mapping of step_fields, whose start event is `start`. */
static int step(struct yaml_walk *w, const yaml_event_t *start, struct tour_step *s)
{
	struct yaml_seen seen = {.start = start->start_mark};
	const char *missing;

	tour_step_init(s);
	s->at = (struct tour_mark){(int)start->start_mark.line + 1,
	                           (int)start->start_mark.column + 1};
	if (walk_fields(w, &step_keys, step_fields, &seen, s) < 0)
		return -1;
	missing = missing_key(step_fields, sizeof step_fields / sizeof *step_fields, &seen);
	if (missing != NULL)
		return fail(w, start->start_mark, "a step needs a '%s'", missing);
	return check_point(w, &seen);
}

static int set_steps(struct yaml_walk *w, const struct tour_field *f, const yaml_event_t *start,
                     void *obj)
{
	struct tour *t = obj;
	yaml_event_t ev;

	if (start->type != YAML_SEQUENCE_START_EVENT)
		return fail(w, start->start_mark, "'%s' takes a list of steps, not %s", f->key,
		            yaml_walk_noun(start->type));
	for (;;) {
		if (yaml_walk_next(w, &ev) < 0)
			return -1;
		if (ev.type == YAML_SEQUENCE_END_EVENT) {
			yaml_event_delete(&ev);
			break;
		}
		int rc = t->nsteps == TOUR_MAX_STEPS
		                 ? fail(w, ev.start_mark, "more than %d steps", TOUR_MAX_STEPS)
		         : ev.type != YAML_MAPPING_START_EVENT
		                 ? fail(w, ev.start_mark,
		                        "a step is a mapping (caption: ...), not %s",
		                        yaml_walk_noun(ev.type))
		                 : step(w, &ev, &t->steps[t->nsteps]);
		yaml_event_delete(&ev);
		if (rc < 0)
			return -1;
		t->nsteps++;
	}
	if (t->nsteps == 0)
		return fail(w, start->start_mark, "'%s' is empty", f->key);
	return 0;
}

/* The tour's mapping, whose start event is root, and its required keys. */
static int walk_tour(struct yaml_walk *w, const yaml_event_t *root, struct tour *t)
{
	struct yaml_seen seen = {.start = root->start_mark};
	const char *missing;

	if (walk_fields(w, &tour_keys, tour_fields, &seen, t) < 0)
		return -1;
	missing = missing_key(tour_fields, sizeof tour_fields / sizeof *tour_fields, &seen);
	if (missing != NULL)
		return fail(w, root->start_mark, "missing required key '%s' in the tour", missing);
	/* as the options: --bootstrap resamples runs, --seed seeds the bootstrap */
	if (seen.on[tour_row("bootstrap")] && !seen.on[tour_row("runs")])
		return fail(w, seen.at[tour_row("bootstrap")],
		            "'bootstrap' resamples the tour's runs: give 'runs: FILE' too");
	if (seen.on[tour_row("seed")] && !seen.on[tour_row("bootstrap")])
		return fail(w, seen.at[tour_row("seed")],
		            "'seed' seeds the bootstrap: give 'bootstrap: N' too");
	return 0;
}

int tour_parse(const char *file, const unsigned char *buf, size_t len, struct tour *out, char *err,
               size_t errsize)
{
	struct yaml_walk w;
	yaml_event_t root;
	int rc = -1;

	memset(out, 0, sizeof *out);
	out->runs.seed = -1; /* not given: the bootstrap's default */
	snprintf(out->file, sizeof out->file, "%s", file);
	if (yaml_walk_open(&w, file, buf, len, "tour", err, errsize) == 0 &&
	    yaml_walk_root(&w, &root, "tour", "a tour is a mapping (id, title, steps)") == 0) {
		rc = walk_tour(&w, &root, out);
		yaml_event_delete(&root);
		if (rc == 0)
			rc = yaml_walk_finish(&w, "tour");
	}
	yaml_walk_close(&w);
	return rc;
}

int tour_check_runs(const struct tour *t, char *err, size_t errsize)
{
	struct fit_run *runs = NULL;
	char why[512];
	size_t n;

	if (t->runs.file[0] == '\0')
		return 0;
	if (runs_load(t->runs.file, LAW_K_TRAINING, &runs, &n, NULL, why, sizeof why) == 0) {
		free(runs);
		return 0;
	}
	snprintf(err, errsize, "%s:%d:%d: 'runs': %s", t->file, t->runs.at.line, t->runs.at.col,
	         why);
	return -1;
}

int tour_load(const char *path, struct tour *out, char *err, size_t errsize)
{
	char why[256];
	size_t len;
	unsigned char *buf = read_all(path, TOUR_MAX_BYTES, false, &len, why, sizeof why);

	if (buf == NULL) {
		snprintf(err, errsize, "%s:1:1: %s", path, why);
		return -1;
	}
	int rc = tour_parse(path, buf, len, out, err, errsize);
	free(buf);
	return rc;
}

bool tour_law_is_runs(const char *law)
{
	if (strncmp(law, "runs", 4) != 0)
		return false;
	if (law[4] == '\0')
		return true;
	if (law[4] != '-' || law[5] == '\0')
		return false;
	for (const char *c = law + 5; *c; c++)
		if (*c < '0' || *c > '9')
			return false;
	return true;
}
