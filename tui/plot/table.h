/*
 * table.h: the rows a batch command prints, as aligned text with short units
 * (for people), CSV or JSON (for scripts), and records, one row with columns
 * of its own and JSON objects nested in it (fit's report). Commands fill a
 * table or a record; only this file knows the formats.
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
	COL_COUNT,   /* parameters or tokens: 175B; an estimate, 10 digits for scripts */
	COL_RUNS,    /* a run's whole parameters or tokens: 175B, in full for scripts */
	COL_COMPUTE, /* FLOPs: 5.76e23 */
	COL_LOSS,    /* nats per token, 4 decimals */
	COL_RATIO,   /* tokens per parameter, epochs: 1 decimal */
	COL_SHARE,   /* a fraction, shown as a percentage in text */
	COL_SPREAD,  /* a fraction, shown as a percentage to 2 significant digits: 37%, 0.74% */
	COL_WHOLE,   /* a whole number, written out: 1024 accelerators */
	COL_NUMBER,  /* any other number: 4 significant digits in text */
	COL_BOOL,    /* true or false */
	COL_OBJECT,  /* JSON only: a record, nested as an object */
	COL_STRINGS, /* JSON only: strings, as an array */
	COL_TOKENS,  /* a stock of tokens, in T up to 9990T: 1000T (units_format_tokens) */
};

struct record;

struct column {
	const char *key;   /* CSV header and JSON key */
	const char *title; /* text header */
	enum column_kind kind;
	bool text_only; /* shown to people, left out of CSV */
};

struct cell {
	bool missing; /* no value: "-" in text, empty in CSV, null in JSON */
	const char *text;
	double value;                /* COL_BOOL: true when not 0 */
	const struct record *record; /* COL_OBJECT, not copied by table_add */
	const char *const *strings;  /* COL_STRINGS, not copied by table_add */
	int nstrings;
};

/* One row with columns of its own, such as a fit's report. */
struct record {
	const struct column *cols;
	const struct cell *cells;
	int ncols;
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

/*
 * A fraction as COL_SPREAD shows it to people: a percentage to 2 significant
 * digits (37%, 0.74%), bounded: ">999%" and "<-999%" past 999%, "0%" under
 * 0.0001%, never "-0%"; "?" when x is not finite (no value to show).
 */
void table_format_spread(double x, char *buf, size_t size);

void table_print(const struct table *t, enum table_format format, FILE *out);

void table_free(struct table *t);

/*
 * A record as a table of one row would print (text, CSV: a header and a
 * line), except JSON: one object on a line, not an array.
 */
void table_print_record(const struct record *r, enum table_format format, FILE *out);

/* Cell constructors, for brevity at the call sites. */
struct cell cell_text(const char *s);
struct cell cell_num(double x);
struct cell cell_none(void);
struct cell cell_bool(bool b);
struct cell cell_object(const struct record *r);
struct cell cell_strings(const char *const *s, int n);

#endif
