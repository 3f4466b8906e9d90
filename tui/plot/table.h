/*
 * table.h: the rows a batch command prints, as aligned text with short units
 * (for people), CSV or JSON (for scripts). Commands fill a table; only this
 * file knows the formats.
 */
#ifndef ISOFLOP_TABLE_H
#define ISOFLOP_TABLE_H

#include <stdbool.h>
#include <stdio.h>

enum table_format {
	FORMAT_TEXT,
	FORMAT_CSV,
	FORMAT_JSON,
};

enum column_kind {
	COL_TEXT,    /* a string */
	COL_COUNT,   /* parameters or tokens: 175B */
	COL_COMPUTE, /* FLOPs: 5.76e23 */
	COL_LOSS,    /* nats per token, 4 decimals */
	COL_RATIO,   /* tokens per parameter, epochs: 1 decimal */
	COL_SHARE,   /* a fraction, shown as a percentage in text */
	COL_WHOLE,   /* a whole number, written out: 1024 accelerators */
};

struct column {
	const char *key;   /* CSV header and JSON key */
	const char *title; /* text header */
	enum column_kind kind;
	bool text_only; /* shown to people, left out of CSV */
};

struct cell {
	bool missing; /* no value: "-" in text, empty in CSV, null in JSON */
	const char *text;
	double value;
};

struct table {
	const struct column *cols;
	int ncols;
	int nrows;
	struct cell *cells; /* nrows * ncols; texts owned by the table */
	int width;          /* text: cut a last text column to keep lines this wide; 0: no limit */
	const int *drop; /* text: columns to leave out, in this order, when cutting is not enough */
	int ndrop;
};

void table_init(struct table *t, const struct column *cols, int ncols);

/* Append a row of ncols cells; texts are copied. Returns -1 when out of memory. */
int table_add(struct table *t, const struct cell *row);

void table_print(const struct table *t, enum table_format format, FILE *out);

void table_free(struct table *t);

/* Cell constructors, for brevity at the call sites. */
struct cell cell_text(const char *s);
struct cell cell_num(double x);
struct cell cell_none(void);

/* Parse text|csv|json; false when it is none of them. */
bool table_format_parse(const char *s, enum table_format *out);

#endif
