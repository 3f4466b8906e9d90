/*
 * yaml_walk.c: the libyaml event walk shared by the preset and tour loaders.
 *
 * libyaml's event API rather than its document API: the document loader
 * resolves aliases silently, while events let us refuse anchors and aliases
 * at their own line and column, and give every error the mark of the event
 * that caused it. libyaml's marks are 0-based; messages are 1-based, as
 * compilers' are.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "text.h"
#include "yaml_walk.h"

static int vfail_at(struct yaml_walk *w, size_t line, size_t column, const char *fmt, va_list ap)
{
	char msg[1024];

	if (w->failed)
		return -1;
	vsnprintf(msg, sizeof msg, fmt, ap);
	/* values echoed from the file may hold newlines (folded scalars): keep one line */
	text_printable(msg);
	snprintf(w->err, w->errsize, "%s:%zu:%zu: %s", w->file, line + 1, column + 1, msg);
	w->failed = true;
	return -1;
}

int yaml_walk_fail_at(struct yaml_walk *w, size_t line, size_t column, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vfail_at(w, line, column, fmt, ap);
	va_end(ap);
	return -1;
}

int yaml_walk_fail(struct yaml_walk *w, yaml_mark_t mark, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vfail_at(w, mark.line, mark.column, fmt, ap);
	va_end(ap);
	return -1;
}

/* Line and column (0-based) of a byte offset, for reader errors that carry only an offset. */
static void offset_mark(const struct yaml_walk *w, size_t offset, size_t *line, size_t *col)
{
	*line = 0;
	*col = 0;
	for (size_t i = 0; i < offset && i < w->len; i++) {
		if (w->buf[i] == '\n') {
			(*line)++;
			*col = 0;
		} else if ((w->buf[i] & 0xc0) != 0x80) {
			(*col)++;
		}
	}
}

int yaml_walk_open(struct yaml_walk *w, const char *file, const unsigned char *buf, size_t len,
                   const char *what, char *err, size_t errsize)
{
	*w = (struct yaml_walk){
	        .file = file, .buf = buf, .len = len, .err = err, .errsize = errsize};
	if (len > YAML_WALK_MAX_BYTES)
		return yaml_walk_fail_at(w, 0, 0, "file is larger than 1 MiB");
	const unsigned char *nul = memchr(buf, '\0', len);
	if (nul != NULL) {
		size_t line, col;
		offset_mark(w, (size_t)(nul - buf), &line, &col);
		return yaml_walk_fail_at(w, line, col, "binary file (NUL byte): a %s is YAML text",
		                         what);
	}
	if (!yaml_parser_initialize(&w->parser))
		return yaml_walk_fail_at(w, 0, 0, "out of memory");
	w->started = true;
	yaml_parser_set_input_string(&w->parser, buf, len);
	return 0;
}

void yaml_walk_close(struct yaml_walk *w)
{
	if (w->started)
		yaml_parser_delete(&w->parser);
	w->started = false;
}

static int fail_yaml(struct yaml_walk *w)
{
	yaml_parser_t *p = &w->parser;
	size_t line, col;

	if (p->error == YAML_READER_ERROR) {
		offset_mark(w, p->problem_offset, &line, &col);
		return yaml_walk_fail_at(w, line, col, "not valid text: %s",
		                         p->problem ? p->problem : "?");
	}
	if (p->error == YAML_MEMORY_ERROR)
		return yaml_walk_fail_at(w, 0, 0, "out of memory reading YAML");
	if (p->context != NULL)
		return yaml_walk_fail(w, p->problem_mark, "YAML syntax: %s %s (line %zu)",
		                      p->problem ? p->problem : "error", p->context,
		                      p->context_mark.line + 1);
	return yaml_walk_fail(w, p->problem_mark, "YAML syntax: %s",
	                      p->problem ? p->problem : "error");
}

/* The anchor an event defines, or NULL. */
static const yaml_char_t *event_anchor(const yaml_event_t *ev)
{
	switch (ev->type) {
	case YAML_SCALAR_EVENT:
		return ev->data.scalar.anchor;
	case YAML_MAPPING_START_EVENT:
		return ev->data.mapping_start.anchor;
	case YAML_SEQUENCE_START_EVENT:
		return ev->data.sequence_start.anchor;
	default:
		return NULL;
	}
}

int yaml_walk_next(struct yaml_walk *w, yaml_event_t *ev)
{
	if (!yaml_parser_parse(&w->parser, ev))
		return fail_yaml(w);
	if (ev->type == YAML_ALIAS_EVENT) {
		yaml_walk_fail(w, ev->start_mark,
		               "aliases (*%.40s) are not supported: write the value out",
		               (const char *)ev->data.alias.anchor);
		yaml_event_delete(ev);
		return -1;
	}
	const yaml_char_t *anchor = event_anchor(ev);
	if (anchor != NULL) {
		yaml_walk_fail(w, ev->start_mark,
		               "anchors (&%.40s) are not supported: write the value out",
		               (const char *)anchor);
		yaml_event_delete(ev);
		return -1;
	}
	return 0;
}

const char *yaml_walk_noun(yaml_event_type_t type)
{
	switch (type) {
	case YAML_MAPPING_START_EVENT:
		return "a mapping";
	case YAML_SEQUENCE_START_EVENT:
		return "a list";
	case YAML_SCALAR_EVENT:
		return "a single value";
	default:
		return "something else";
	}
}

int yaml_walk_root(struct yaml_walk *w, yaml_event_t *root, const char *what, const char *shape)
{
	yaml_event_t ev;

	if (yaml_walk_next(w, &ev) < 0) /* stream start */
		return -1;
	yaml_event_delete(&ev);
	if (yaml_walk_next(w, &ev) < 0) /* document start, or the end of an empty stream */
		return -1;
	if (ev.type == YAML_STREAM_END_EVENT) {
		yaml_walk_fail(w, ev.start_mark, "empty file: no %s in it", what);
		yaml_event_delete(&ev);
		return -1;
	}
	yaml_event_delete(&ev);
	if (yaml_walk_next(w, root) < 0)
		return -1;
	if (root->type != YAML_MAPPING_START_EVENT) {
		yaml_walk_fail(w, root->start_mark, "%s, not %s", shape,
		               yaml_walk_noun(root->type));
		yaml_event_delete(root);
		return -1;
	}
	return 0;
}

int yaml_walk_finish(struct yaml_walk *w, const char *what)
{
	yaml_event_t ev;

	if (yaml_walk_next(w, &ev) < 0) /* document end */
		return -1;
	yaml_event_delete(&ev);
	if (yaml_walk_next(w, &ev) < 0)
		return -1;
	int rc = 0;
	if (ev.type != YAML_STREAM_END_EVENT)
		rc = yaml_walk_fail(w, ev.start_mark,
		                    "more than one YAML document: one %s per file", what);
	yaml_event_delete(&ev);
	return rc;
}

const char *yaml_walk_key_name(const struct yaml_keys *keys, size_t i)
{
	/* a row begins with its key, so a pointer to the row is one to the key */
	return *(const char *const *)(const void *)((const char *)keys->rows + i * keys->stride);
}

const char *yaml_walk_nearest(const struct yaml_keys *keys, const char *key)
{
	const char *best = yaml_walk_key_name(keys, 0);
	size_t best_d = (size_t)-1;

	for (size_t i = 0; i < keys->count; i++) {
		size_t d = text_edit_distance(key, yaml_walk_key_name(keys, i));
		if (d < best_d) {
			best_d = d;
			best = yaml_walk_key_name(keys, i);
		}
	}
	return best;
}

/* Find a key event's row and record it in seen; -1 after an error. */
static int lookup_key(struct yaml_walk *w, const struct yaml_keys *keys, struct yaml_seen *seen,
                      const yaml_event_t *key, size_t *k)
{
	if (key->type != YAML_SCALAR_EVENT)
		return yaml_walk_fail(w, key->start_mark, "keys %s must be plain words, not %s",
		                      keys->where, yaml_walk_noun(key->type));
	const char *name = (const char *)key->data.scalar.value;
	for (*k = 0; *k < keys->count; (*k)++)
		if (strcmp(name, yaml_walk_key_name(keys, *k)) == 0)
			break;
	if (*k == keys->count)
		return yaml_walk_fail(w, key->start_mark,
		                      "unknown key '%.40s' %s (did you mean '%s'?)", name,
		                      keys->where, yaml_walk_nearest(keys, name));
	if (seen->on[*k])
		return yaml_walk_fail(w, key->start_mark, "duplicate key '%s' (first at line %zu)",
		                      name, seen->at[*k].line + 1);
	seen->on[*k] = true;
	seen->at[*k] = key->start_mark;
	return 0;
}

int yaml_walk_key(struct yaml_walk *w, const struct yaml_keys *keys, struct yaml_seen *seen,
                  size_t *k)
{
	yaml_event_t key;

	if (yaml_walk_next(w, &key) < 0)
		return -1;
	if (key.type == YAML_MAPPING_END_EVENT) {
		yaml_event_delete(&key);
		return 1;
	}
	int rc = lookup_key(w, keys, seen, &key, k);
	yaml_event_delete(&key);
	return rc;
}
