/*
 * tour.c: the tour loader. A tour is one mapping (id, title, source, steps);
 * steps is a sequence of mappings whose keys are listed in step_keys. The
 * walk is over libyaml events, so every error has the mark of what caused it.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <yaml.h>

#include "../model/units.h"
#include "readall.h"
#include "text.h"
#include "tour.h"

#define TOUR_MAX_BYTES (1024 * 1024)

struct walker {
	yaml_parser_t parser;
	const char *file;
	char *err;
	size_t errsize;
	bool failed;
};

static int fail(struct walker *w, yaml_mark_t m, const char *fmt, ...)
        __attribute__((format(printf, 3, 4)));

static int fail(struct walker *w, yaml_mark_t m, const char *fmt, ...)
{
	char msg[512];
	va_list ap;

	if (w->failed)
		return -1;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	/* user text is quoted into messages: keep them one printable line */
	text_printable(msg);
	snprintf(w->err, w->errsize, "%s:%zu:%zu: %s", w->file, m.line + 1, m.column + 1, msg);
	w->failed = true;
	return -1;
}

/* The next event; aliases are refused (a tour has no use for them). */
static int next(struct walker *w, yaml_event_t *ev)
{
	if (!yaml_parser_parse(&w->parser, ev)) {
		yaml_mark_t m = w->parser.problem_mark;
		return fail(w, m, "malformed YAML: %s",
		            w->parser.problem ? w->parser.problem : "?");
	}
	if (ev->type == YAML_ALIAS_EVENT) {
		int rc = fail(w, ev->start_mark, "aliases (*name) are not allowed in a tour");
		yaml_event_delete(ev);
		return rc;
	}
	return 0;
}

static const char *noun(yaml_event_type_t t)
{
	return t == YAML_SCALAR_EVENT           ? "a single value"
	       : t == YAML_SEQUENCE_START_EVENT ? "a list"
	       : t == YAML_MAPPING_START_EVENT  ? "a mapping"
	                                        : "nothing";
}

/* A scalar value for key into dst (size bytes): one printable line, but for a caption's two. */
static int text(struct walker *w, const yaml_event_t *ev, const char *key, char *dst, size_t size)
{
	const char *v = (const char *)ev->data.scalar.value;
	size_t n = ev->data.scalar.length;

	if (ev->type != YAML_SCALAR_EVENT)
		return fail(w, ev->start_mark, "'%s' takes a single value, not %s", key,
		            noun(ev->type));
	if (n == 0)
		return fail(w, ev->start_mark, "'%s' is empty", key);
	if (n >= size)
		return fail(w, ev->start_mark, "'%s' is longer than %zu characters", key, size - 1);
	for (size_t i = 0; i < n; i++)
		if (((unsigned char)v[i] < 0x20 && v[i] != '\n') || v[i] == 0x7f ||
		    text_is_c1(v + i, n - i))
			return fail(w, ev->start_mark, "'%s' contains a control character", key);
	memcpy(dst, v, n);
	dst[n] = '\0';
	if (strcmp(key, "caption") == 0)
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

static int caption(struct walker *w, const yaml_event_t *ev, struct tour_step *s)
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
static int number(struct walker *w, const yaml_event_t *ev, const char *key, enum units_kind kind,
                  double lo, double hi, double *out)
{
	char buf[64], a[16], b[16];
	const char *why;

	if (text(w, ev, key, buf, sizeof buf) < 0)
		return -1;
	if (!units_parse(buf, kind, out, &why))
		return fail(w, ev->start_mark, "'%s': %s: '%s'", key, why, buf);
	if (*out >= lo && *out <= hi)
		return 0;
	if (kind == UNITS_COMPUTE) {
		units_format_compute(lo, a, sizeof a);
		units_format_compute(hi, b, sizeof b);
	} else {
		units_format_count(lo, a, sizeof a);
		units_format_count(hi, b, sizeof b);
	}
	return fail(w, ev->start_mark, "'%s' must lie in the explorer's window, %s to %s%s, not %s",
	            key, a, b, kind == UNITS_COMPUTE ? " FLOPs" : "", buf);
}

static const char *const step_keys[] = {"caption", "law",           "model", "params",  "tokens",
                                        "compute", "unique_tokens", "lock",  "markers", "panel"};
#define NSTEP_KEYS (sizeof step_keys / sizeof *step_keys)

static int step_value(struct walker *w, size_t k, const yaml_event_t *ev, struct tour_step *s)
{
	char buf[64];
	const char *key = step_keys[k];

	switch (k) {
	case 0:
		return caption(w, ev, s);
	case 1:
		s->law_at = (struct tour_mark){(int)ev->start_mark.line + 1,
		                               (int)ev->start_mark.column + 1};
		return text(w, ev, key, s->law, sizeof s->law);
	case 2:
		s->model_at = (struct tour_mark){(int)ev->start_mark.line + 1,
		                                 (int)ev->start_mark.column + 1};
		return text(w, ev, key, s->model, sizeof s->model);
	case 3:
		return number(w, ev, key, UNITS_COUNT, TOUR_WINDOW_PARAMS_LO, TOUR_WINDOW_PARAMS_HI,
		              &s->params);
	case 4:
		return number(w, ev, key, UNITS_COUNT, TOUR_WINDOW_TOKENS_LO, TOUR_WINDOW_TOKENS_HI,
		              &s->tokens);
	case 5:
		return number(w, ev, key, UNITS_COMPUTE, TOUR_WINDOW_COMPUTE_LO,
		              TOUR_WINDOW_COMPUTE_HI, &s->compute);
	case 6:
		return number(w, ev, key, UNITS_COUNT, TOUR_WINDOW_TOKENS_LO, TOUR_WINDOW_TOKENS_HI,
		              &s->unique_tokens);
	case 7:
		if (text(w, ev, key, buf, sizeof buf) < 0)
			return -1;
		if (strcmp(buf, "N") != 0 && strcmp(buf, "D") != 0 && strcmp(buf, "C") != 0)
			return fail(w, ev->start_mark, "'lock' must be N, D or C, not '%s'", buf);
		s->lock = buf[0];
		return 0;
	case 8:
		if (text(w, ev, key, buf, sizeof buf) < 0)
			return -1;
		if (strcmp(buf, "true") != 0 && strcmp(buf, "false") != 0)
			return fail(w, ev->start_mark, "'markers' must be true or false, not '%s'",
			            buf);
		s->markers = buf[0] == 't';
		return 0;
	default:
		if (text(w, ev, key, buf, sizeof buf) < 0)
			return -1;
		if (strcmp(buf, "both") == 0)
			s->panel = TOUR_PANEL_BOTH;
		else if (strcmp(buf, "map") == 0)
			s->panel = TOUR_PANEL_MAP;
		else if (strcmp(buf, "profiles") == 0)
			s->panel = TOUR_PANEL_PROFILES;
		else
			return fail(w, ev->start_mark,
			            "'panel' must be both, map or profiles, not '%s'", buf);
		return 0;
	}
}

/*
 * The next key of a mapping whose keys are keys[0..n): its index in *k, its
 * mark in seen[*k]. Returns 1 at the end of the mapping, 0 for a key, -1
 * after an error (an unknown or repeated key). `where` names the mapping.
 */
static int next_key(struct walker *w, const char *const *keys, size_t n, const char *where,
                    bool *on, yaml_mark_t *seen, size_t *k)
{
	yaml_event_t key;
	char list[256] = "";

	if (next(w, &key) < 0)
		return -1;
	if (key.type == YAML_MAPPING_END_EVENT) {
		yaml_event_delete(&key);
		return 1;
	}
	const char *name =
	        key.type == YAML_SCALAR_EVENT ? (const char *)key.data.scalar.value : "?";
	for (*k = 0; *k < n && strcmp(name, keys[*k]) != 0; (*k)++)
		;
	int rc = 0;
	if (*k == n) {
		for (size_t i = 0; i < n; i++)
			snprintf(list + strlen(list), sizeof list - strlen(list), "%s%s",
			         i ? ", " : "", keys[i]);
		rc = fail(w, key.start_mark, "unknown key '%.40s' %s (keys: %s)", name, where,
		          list);
	} else if (on[*k]) {
		rc = fail(w, key.start_mark, "duplicate key '%s' (first at line %zu)", keys[*k],
		          seen[*k].line + 1);
	} else {
		on[*k] = true;
		seen[*k] = key.start_mark;
	}
	yaml_event_delete(&key);
	return rc;
}

/* A step: a mapping of step_keys, whose start event is `start`. */
static int step(struct walker *w, const yaml_event_t *start, struct tour_step *s)
{
	yaml_mark_t seen[NSTEP_KEYS];
	bool on[NSTEP_KEYS] = {false};
	yaml_event_t value;

	memset(s, 0, sizeof *s);
	s->markers = -1;
	s->at = (struct tour_mark){(int)start->start_mark.line + 1,
	                           (int)start->start_mark.column + 1};
	for (;;) {
		size_t k;
		int end = next_key(w, step_keys, NSTEP_KEYS, "in a step", on, seen, &k);
		if (end < 0)
			return -1;
		if (end > 0)
			break;
		if (next(w, &value) < 0)
			return -1;
		int rc = step_value(w, k, &value, s);
		yaml_event_delete(&value);
		if (rc < 0)
			return -1;
	}
	if (!on[0])
		return fail(w, start->start_mark, "a step needs a 'caption'");
	if (on[2] && (on[3] || on[4] || on[5]))
		return fail(w, seen[2], "give 'model' or params/tokens/compute, not both");
	if ((on[3] || on[4]) && on[3] + on[4] + on[5] == 1)
		return fail(
		        w, on[3] ? seen[3] : seen[4],
		        "give two of params, tokens, compute (or compute alone for the optimum)");
	if (on[3] && on[4] && on[5])
		return fail(w, seen[5], "give two of params, tokens, compute, not all three");
	return 0;
}

static int steps(struct walker *w, const yaml_event_t *start, struct tour *t)
{
	yaml_event_t ev;

	if (start->type != YAML_SEQUENCE_START_EVENT)
		return fail(w, start->start_mark, "'steps' takes a list of steps, not %s",
		            noun(start->type));
	for (;;) {
		if (next(w, &ev) < 0)
			return -1;
		if (ev.type == YAML_SEQUENCE_END_EVENT) {
			yaml_event_delete(&ev);
			break;
		}
		if (ev.type != YAML_MAPPING_START_EVENT || t->nsteps == TOUR_MAX_STEPS) {
			int rc = t->nsteps == TOUR_MAX_STEPS
			                 ? fail(w, ev.start_mark, "more than %d steps",
			                        TOUR_MAX_STEPS)
			                 : fail(w, ev.start_mark,
			                        "a step is a mapping (caption: ...), "
			                        "not %s",
			                        noun(ev.type));
			yaml_event_delete(&ev);
			return rc;
		}
		int rc = step(w, &ev, &t->steps[t->nsteps]);
		yaml_event_delete(&ev);
		if (rc < 0)
			return -1;
		t->nsteps++;
	}
	if (t->nsteps == 0)
		return fail(w, start->start_mark, "'steps' is empty");
	return 0;
}

/* The tour's id, spelt as a preset's: [a-z0-9][a-z0-9.-]*, so never a path. */
static int tour_id(struct walker *w, const yaml_event_t *ev, char *dst, size_t size)
{
	if (text(w, ev, "id", dst, size) < 0)
		return -1;
	bool ok = (*dst >= 'a' && *dst <= 'z') || (*dst >= '0' && *dst <= '9');
	for (const char *c = dst; ok && *c; c++)
		ok = (*c >= 'a' && *c <= 'z') || (*c >= '0' && *c <= '9') || *c == '.' || *c == '-';
	if (!ok)
		return fail(w, ev->start_mark,
		            "'id' must be lowercase letters, digits, '.' and '-' "
		            "(like chinchilla-story), not '%s'",
		            dst);
	return 0;
}

static int root(struct walker *w, const yaml_event_t *start, struct tour *t)
{
	static const char *const keys[] = {"id", "title", "source", "steps"};
	bool on[4] = {false};
	yaml_mark_t seen[4];
	yaml_event_t value;

	for (;;) {
		size_t k;
		int end = next_key(w, keys, 4, "at the top of a tour", on, seen, &k);
		if (end < 0)
			return -1;
		if (end > 0)
			break;
		if (next(w, &value) < 0)
			return -1;
		int rc = k == 0   ? tour_id(w, &value, t->id, sizeof t->id)
		         : k == 1 ? text(w, &value, "title", t->title, sizeof t->title)
		         : k == 2 ? text(w, &value, "source", t->source, sizeof t->source)
		                  : steps(w, &value, t);
		yaml_event_delete(&value);
		if (rc < 0)
			return -1;
	}
	for (size_t k = 0; k < 4; k++)
		if (!on[k] && k != 2)
			return fail(w, start->start_mark, "missing required key '%s' in the tour",
			            keys[k]);
	return 0;
}

int tour_parse(const char *file, const unsigned char *buf, size_t len, struct tour *out, char *err,
               size_t errsize)
{
	struct walker w = {.file = file, .err = err, .errsize = errsize};
	yaml_event_t ev;
	int rc = -1;

	memset(out, 0, sizeof *out);
	snprintf(out->file, sizeof out->file, "%s", file);
	if (len > TOUR_MAX_BYTES || memchr(buf, '\0', len) != NULL) {
		snprintf(err, errsize, "%s:1:1: %s", file,
		         len > TOUR_MAX_BYTES ? "file is larger than 1 MiB"
		                              : "binary file (NUL byte): a tour is YAML text");
		return -1;
	}
	if (!yaml_parser_initialize(&w.parser)) {
		snprintf(err, errsize, "%s:1:1: out of memory", file);
		return -1;
	}
	yaml_parser_set_input_string(&w.parser, buf, len);
	/* stream start, document start, the tour's mapping */
	for (int i = 0; i < 3; i++) {
		if (next(&w, &ev) < 0)
			goto out;
		yaml_event_type_t t = ev.type;
		if (i == 1 && t == YAML_STREAM_END_EVENT) {
			fail(&w, ev.start_mark, "empty file: no tour in it");
			yaml_event_delete(&ev);
			goto out;
		}
		if (i == 2 && t != YAML_MAPPING_START_EVENT) {
			fail(&w, ev.start_mark, "a tour is a mapping (id, title, steps), not %s",
			     noun(t));
			yaml_event_delete(&ev);
			goto out;
		}
		if (i == 2) {
			rc = root(&w, &ev, out);
			yaml_event_delete(&ev);
			if (rc < 0)
				goto out;
			rc = -1;
			break;
		}
		yaml_event_delete(&ev);
	}
	if (next(&w, &ev) < 0) /* document end */
		goto out;
	yaml_event_delete(&ev);
	if (next(&w, &ev) < 0)
		goto out;
	if (ev.type != YAML_STREAM_END_EVENT) {
		fail(&w, ev.start_mark, "more than one YAML document: one tour per file");
		yaml_event_delete(&ev);
		goto out;
	}
	yaml_event_delete(&ev);
	rc = 0;
out:
	yaml_parser_delete(&w.parser);
	return rc;
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
