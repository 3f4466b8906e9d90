/*
 * yaml_walk.h: the walk over libyaml events that the preset and tour loaders
 * share. It opens a file's text (at most 1 MiB, no NUL byte), reads the one
 * document's top mapping, refuses anchors and aliases where they stand,
 * looks keys up in a loader's table (unknown ones with "did you mean",
 * duplicates with the first one's line) and makes the first error one line
 * "FILE:LINE:COL: what is wrong". What a key's value means is the loader's.
 */
#ifndef ISOFLOP_YAML_WALK_H
#define ISOFLOP_YAML_WALK_H

#include <stdbool.h>
#include <stddef.h>

#include <yaml.h>

#define YAML_WALK_MAX_BYTES (1024 * 1024) /* the "1 MiB" of the message */
#define YAML_WALK_MAX_KEYS  48            /* keys in one loader table, at most */

struct yaml_walk {
	yaml_parser_t parser;
	const char *file;         /* names the file in messages */
	const unsigned char *buf; /* the text, for the marks of reader errors */
	size_t len;
	char *err; /* the message, "FILE:LINE:COL: ..." */
	size_t errsize;
	bool failed;  /* the first error stands: later ones are its echoes */
	bool started; /* the parser is initialised */
};

/*
 * The keys of one mapping: a loader's const table whose rows each begin with
 * `const char *key`, so the walker can read the keys of any schema.
 */
struct yaml_keys {
	const char *where; /* for messages: "at the top level", "in a step" */
	const void *rows;
	size_t count, stride; /* rows, and the size of one */
};

#define YAML_KEYS(where, table)                                                                    \
	{                                                                                          \
		(where), (table), sizeof(table) / sizeof *(table), sizeof *(table)                 \
	}

/* Which keys of one mapping were seen, and where. */
struct yaml_seen {
	yaml_mark_t start; /* the mapping's own mark */
	bool on[YAML_WALK_MAX_KEYS];
	yaml_mark_t at[YAML_WALK_MAX_KEYS]; /* each key's mark */
};

/*
 * Start a walk over buf (len bytes) of `file`, a `what` ("preset", "tour")
 * in messages. -1 and the message in err when the text is too large, holds a
 * NUL byte or the parser cannot start; yaml_walk_close in every case.
 */
int yaml_walk_open(struct yaml_walk *w, const char *file, const unsigned char *buf, size_t len,
                   const char *what, char *err, size_t errsize);

/* Release the parser. */
void yaml_walk_close(struct yaml_walk *w);

/*
 * Read up to the document's top mapping into *root (the caller deletes it):
 * an empty file is "no WHAT in it", anything but a mapping is "SHAPE, not a
 * list" (shape: "a tour is a mapping (id, title, steps)").
 */
int yaml_walk_root(struct yaml_walk *w, yaml_event_t *root, const char *what, const char *shape);

/* After the top mapping: the end of the stream, or "one WHAT per file". */
int yaml_walk_finish(struct yaml_walk *w, const char *what);

/* The next event; anchors and aliases are refused at their mark. */
int yaml_walk_next(struct yaml_walk *w, yaml_event_t *ev);

/*
 * The next key of a mapping: its row in *k, recorded in seen. 1 at the end
 * of the mapping, 0 for a key, -1 after an error (a key that is no plain
 * word, an unknown key, a repeated one).
 */
int yaml_walk_key(struct yaml_walk *w, const struct yaml_keys *keys, struct yaml_seen *seen,
                  size_t *k);

/*
 * The key of keys nearest to an unknown word by edit distance, the first of
 * the table on a tie: the "did you mean" of unknown keys and enum values.
 */
const char *yaml_walk_nearest(const struct yaml_keys *keys, const char *key);

/* The key of row i. */
const char *yaml_walk_key_name(const struct yaml_keys *keys, size_t i);

/* "a mapping", "a list", "a single value": what an event starts, for messages. */
const char *yaml_walk_noun(yaml_event_type_t type);

/* Make "FILE:LINE:COL: message" for a 0-based line and column; always -1. */
int yaml_walk_fail_at(struct yaml_walk *w, size_t line, size_t column, const char *fmt, ...)
        __attribute__((format(printf, 4, 5)));

/* The same at a libyaml mark. */
int yaml_walk_fail(struct yaml_walk *w, yaml_mark_t mark, const char *fmt, ...)
        __attribute__((format(printf, 3, 4)));

#endif
