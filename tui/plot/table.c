/*
 * table.c: print rows as aligned text, RFC 4180 CSV or a JSON array.
 *
 * Text uses the short units of model/units; CSV and JSON carry 10
 * significant digits (%.10g), and a run's whole counts (COL_RUNS) in full.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "../../model/units.h"
#include "table.h"

void table_init(struct table *t, const struct column *cols, int ncols)
{
	t->cols = cols;
	t->ncols = ncols;
	t->nrows = 0;
	t->cells = NULL;
	t->width = 0;
	t->drop = NULL;
	t->ndrop = 0;
}

int table_add(struct table *t, const struct cell *row)
{
	struct cell *grown = realloc(t->cells, sizeof *grown * (size_t)(t->nrows + 1) * t->ncols);

	if (grown == NULL)
		return -1;
	t->cells = grown;
	struct cell *dst = &grown[t->nrows * t->ncols];
	for (int i = 0; i < t->ncols; i++) {
		dst[i] = row[i];
		if (row[i].text != NULL && (dst[i].text = strdup(row[i].text)) == NULL) {
			for (int j = 0; j < i; j++)
				free((char *)dst[j].text);
			return -1;
		}
	}
	t->nrows++;
	return 0;
}

void table_free(struct table *t)
{
	for (int i = 0; i < t->nrows * t->ncols; i++)
		free((char *)t->cells[i].text);
	free(t->cells);
	t->cells = NULL;
	t->nrows = 0;
}

struct cell cell_text(const char *s)
{
	return (struct cell){.text = s};
}

struct cell cell_num(double x)
{
	return (struct cell){.value = x, .missing = !isfinite(x)};
}

struct cell cell_none(void)
{
	return (struct cell){.missing = true};
}

struct cell cell_bool(bool b)
{
	return (struct cell){.value = b};
}

struct cell cell_object(const struct record *r)
{
	return (struct cell){.record = r};
}

struct cell cell_strings(const char *const *s, int n)
{
	return (struct cell){.strings = s, .nstrings = n};
}

void table_format_spread(double x, char *buf, size_t size)
{
	/* 9.96 is 1.0e+01: "10%" */
	char e[32];
	if (!isfinite(x)) { /* log10 of it below is undefined */
		snprintf(buf, size, "?");
		return;
	}
	snprintf(e, sizeof e, "%.1e", 100 * x);
	double pc = strtod(e, NULL);
	if (fabs(pc) > 999) {
		snprintf(buf, size, "%s999%%", pc > 0 ? ">" : "<-");
		return;
	}
	if (fabs(pc) < 1e-4) { /* never "-0%" */
		snprintf(buf, size, "0%%");
		return;
	}
	int decimals = 1 - (int)floor(log10(fabs(pc)));
	snprintf(buf, size, "%.*f%%", decimals < 0 ? 0 : decimals, pc);
}

/* The text form of a cell for people. */
static void format_text(const struct column *c, const struct cell *v, char *buf, size_t size)
{
	if (v->missing) {
		snprintf(buf, size, "-");
		return;
	}
	switch (c->kind) {
	case COL_TEXT:
		snprintf(buf, size, "%s", v->text ? v->text : "");
		break;
	case COL_COUNT:
	case COL_RUNS:
		units_format_count(v->value, buf, size);
		break;
	case COL_COMPUTE:
		units_format_compute(v->value, buf, size);
		break;
	case COL_TOKENS:
		units_format_tokens(v->value, buf, size);
		break;
	/* bounded widths: a huge or tiny value switches to an exponent form */
	case COL_LOSS:
		units_format_fixed(v->value, 4, buf, size);
		break;
	case COL_RATIO:
		units_format_fixed(v->value, 1, buf, size);
		break;
	case COL_SPREAD:
		table_format_spread(v->value, buf, size);
		break;
	case COL_SHARE: {
		char pct[32];
		units_format_fixed(100 * v->value, 1, pct, sizeof pct);
		snprintf(buf, size, "%s%%", pct);
		break;
	}
	case COL_WHOLE:
		units_format_fixed(v->value, 0, buf, size);
		break;
	case COL_NUMBER: /* %g writes 5.5e-4 as 0.0005545: an exponent reads sooner */
		if (v->value != 0 && fabs(v->value) < 1e-3)
			snprintf(buf, size, "%.3e", v->value);
		else
			snprintf(buf, size, "%.4g", v->value);
		break;
	case COL_BOOL:
		snprintf(buf, size, "%s", v->value != 0 ? "true" : "false");
		break;
	case COL_OBJECT:
	case COL_STRINGS: /* for scripts, in JSON only */
		snprintf(buf, size, "-");
		break;
	}
}

/*
 * Cut s to at most cols characters, the last three "..." when it is cut.
 * Characters, not bytes: a UTF-8 sequence is never split.
 */
static void clip(char *s, int cols)
{
	int seen = 0;
	size_t cut = 0;

	for (size_t i = 0; s[i]; i++)
		if (((unsigned char)s[i] & 0xC0) != 0x80 && seen++ == cols - 3)
			cut = i;
	if (seen > cols && cols >= 4)
		memcpy(s + cut, "...", 4);
}

/*
 * Narrow text columns until a row fits t->width, as ps and systemctl keep
 * to a terminal rather than wrap every row. Numbers and the first column
 * (the id a command takes) keep their width. The last column (the name)
 * gives first, down to 24 characters, then the text columns before it, right
 * to left, down to their titles (8 at least), then the last one again.
 * When that is not enough, the table's optional columns (t->drop) go, one at
 * a time, before any name is cut further; with none left, text columns are
 * cut to 4 characters ("Chi...") right to left. Only rows that even then
 * cannot fit (ids and numbers alone are wider) wrap, as in a pipe.
 */
static int floor_of(const struct column *c)
{
	int n = (int)strlen(c->title);

	return n < 8 ? 8 : n;
}

#define TABLE_MAX_COLS 32

/* How far a row of these widths overruns t->width (<= 0: it fits). */
static int overrun(const struct table *t, const int *width, const bool *on)
{
	int n = t->ncols < TABLE_MAX_COLS ? t->ncols : TABLE_MAX_COLS, used = 0, shown = 0;

	for (int j = 0; j < n; j++)
		if (on[j]) {
			used += width[j];
			shown++;
		}
	return used + 2 * (shown - 1) - t->width;
}

/* Narrow text column j (never the first) towards floor, by no more than the overrun. */
static void narrow(const struct table *t, int *width, const bool *on, int j, int floor)
{
	int excess = overrun(t, width, on);

	if (j < 1 || !on[j] || t->cols[j].kind != COL_TEXT || excess <= 0)
		return;
	int give = width[j] - floor < excess ? width[j] - floor : excess;
	if (give > 0)
		width[j] -= give;
}

/* The passes that cut names, down to min_floor at the least (0: each column's floor). */
static void cut_names(const struct table *t, int *width, const bool *on, int min_floor)
{
	int n = t->ncols < TABLE_MAX_COLS ? t->ncols : TABLE_MAX_COLS, last = n - 1;

	while (last > 0 && !on[last])
		last--;
	int first_floor = floor_of(&t->cols[last]) < 24 ? 24 : floor_of(&t->cols[last]);
	narrow(t, width, on, last, min_floor ? min_floor : first_floor);
	for (int j = last - 1; j >= 1; j--)
		narrow(t, width, on, j, min_floor ? min_floor : floor_of(&t->cols[j]));
	narrow(t, width, on, last, min_floor ? min_floor : floor_of(&t->cols[last]));
}

static void fit_width(const struct table *t, int *width, bool *on)
{
	int n = t->ncols < TABLE_MAX_COLS ? t->ncols : TABLE_MAX_COLS, natural[TABLE_MAX_COLS];

	memcpy(natural, width, sizeof natural);
	cut_names(t, width, on, 0);
	for (int k = 0; k < t->ndrop && overrun(t, width, on) > 0; k++) {
		if (t->drop[k] < 1 || t->drop[k] >= n)
			continue;
		on[t->drop[k]] = false;
		memcpy(width, natural, sizeof natural); /* a name cut for it grows back */
		cut_names(t, width, on, 0);
	}
	if (overrun(t, width, on) > 0)
		cut_names(t, width, on, 4);
}

static void print_text(const struct table *t, FILE *out)
{
	int width[TABLE_MAX_COLS] = {0}, n = t->ncols < TABLE_MAX_COLS ? t->ncols : TABLE_MAX_COLS;
	bool on[TABLE_MAX_COLS];
	char buf[1024];

	for (int j = 0; j < n; j++) {
		on[j] = true;
		width[j] = (int)strlen(t->cols[j].title);
		for (int i = 0; i < t->nrows; i++) {
			format_text(&t->cols[j], &t->cells[i * t->ncols + j], buf, sizeof buf);
			int len = (int)strlen(buf);
			if (len > width[j])
				width[j] = len;
		}
	}
	if (t->width > 0)
		fit_width(t, width, on);
	int last = n - 1;
	while (last > 0 && !on[last])
		last--;
	for (int i = -1; i < t->nrows; i++) {
		for (int j = 0; j <= last; j++) {
			const struct column *c = &t->cols[j];
			if (!on[j])
				continue;
			if (i < 0)
				snprintf(buf, sizeof buf, "%s", c->title);
			else
				format_text(c, &t->cells[i * t->ncols + j], buf, sizeof buf);
			if (c->kind == COL_TEXT)
				clip(buf, width[j]);
			/* text left, numbers right, so that digits line up */
			if (c->kind == COL_TEXT)
				fprintf(out, "%-*s", j == last ? 0 : width[j], buf);
			else
				fprintf(out, "%*s", width[j], buf);
			if (j != last)
				fputs("  ", out);
		}
		fputc('\n', out);
	}
}

static void csv_field(const char *s, FILE *out)
{
	if (strpbrk(s, ",\"\n\r") == NULL) {
		fputs(s, out);
		return;
	}
	fputc('"', out);
	for (; *s; s++) {
		if (*s == '"')
			fputc('"', out);
		fputc(*s, out);
	}
	fputc('"', out);
}

static void json_string(const char *s, FILE *out)
{
	fputc('"', out);
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (c == '"' || c == '\\')
			fprintf(out, "\\%c", c);
		else if (c < 0x20)
			fprintf(out, "\\u%04x", c);
		else
			fputc(c, out);
	}
	fputc('"', out);
}

/*
 * A number for scripts: 10 significant digits (an estimate has no more), but
 * a count that is a whole number below 1e15 in full: what the user typed
 * (--params 35650623881) or a run's own N and D, so that 6 N D from the
 * printed values is the run's (35650623880 tokens, not 3.565062388e+10,
 * rounded up past the budget). An estimate is whole only by chance, and from
 * 2^52 up every double is: those keep 10 digits, bar a run's count
 * (COL_RUNS), which gets the fewest digits that give it back (1e23, not
 * 9.9999999999999992e+22).
 */
#define TABLE_WHOLE_MAX 1e15

static void print_number(const struct column *c, double x, FILE *out)
{
	bool count = c->kind == COL_RUNS || c->kind == COL_COUNT;

	if (count && x == floor(x) && fabs(x) < TABLE_WHOLE_MAX) {
		fprintf(out, "%.0f", x);
	} else if (c->kind == COL_RUNS && isfinite(x) && x == floor(x)) {
		char buf[64];
		units_format_exact(x, 17, buf, sizeof buf);
		fputs(buf, out);
	} else {
		fprintf(out, "%.10g", x);
	}
}

static void csv_header(const struct column *cols, int ncols, FILE *out)
{
	bool first = true;

	for (int j = 0; j < ncols; j++)
		if (!cols[j].text_only) {
			fprintf(out, "%s%s", first ? "" : ",", cols[j].key);
			first = false;
		}
	fputc('\n', out);
}

static void csv_row(const struct column *cols, const struct cell *row, int ncols, FILE *out)
{
	bool first = true;

	for (int j = 0; j < ncols; j++) {
		const struct cell *v = &row[j];
		if (cols[j].text_only)
			continue;
		if (!first)
			fputc(',', out);
		first = false;
		if (v->missing)
			continue;
		if (cols[j].kind == COL_TEXT)
			csv_field(v->text ? v->text : "", out);
		else if (cols[j].kind == COL_BOOL)
			fputs(v->value != 0 ? "true" : "false", out);
		else if (cols[j].kind != COL_OBJECT && cols[j].kind != COL_STRINGS) /* JSON only */
			print_number(&cols[j], v->value, out);
	}
	fputc('\n', out);
}

static void print_csv(const struct table *t, FILE *out)
{
	csv_header(t->cols, t->ncols, out);
	for (int i = 0; i < t->nrows; i++)
		csv_row(t->cols, &t->cells[i * t->ncols], t->ncols, out);
}

static void json_object(const struct column *cols, const struct cell *row, int ncols, FILE *out);

/* One cell as a JSON value. */
static void json_value(const struct column *c, const struct cell *v, FILE *out)
{
	if (v->missing) {
		fputs("null", out);
		return;
	}
	switch (c->kind) {
	case COL_TEXT:
		json_string(v->text ? v->text : "", out);
		break;
	case COL_BOOL:
		fputs(v->value != 0 ? "true" : "false", out);
		break;
	case COL_OBJECT:
		json_object(v->record->cols, v->record->cells, v->record->ncols, out);
		break;
	case COL_STRINGS:
		fputc('[', out);
		for (int i = 0; i < v->nstrings; i++) {
			if (i > 0)
				fputs(", ", out);
			json_string(v->strings[i], out);
		}
		fputc(']', out);
		break;
	default:
		print_number(c, v->value, out);
		break;
	}
}

/* A row as a JSON object, {"key": value, ...}, with no newline. */
static void json_object(const struct column *cols, const struct cell *row, int ncols, FILE *out)
{
	fputc('{', out);
	for (int j = 0; j < ncols; j++) {
		fprintf(out, "%s\"%s\": ", j ? ", " : "", cols[j].key);
		json_value(&cols[j], &row[j], out);
	}
	fputc('}', out);
}

static void print_json(const struct table *t, FILE *out)
{
	fputs("[", out);
	for (int i = 0; i < t->nrows; i++) {
		fputs(i ? ",\n " : "\n ", out);
		json_object(t->cols, &t->cells[i * t->ncols], t->ncols, out);
	}
	fputs(t->nrows ? "\n]\n" : "]\n", out);
}

void table_print(const struct table *t, enum table_format format, FILE *out)
{
	switch (format) {
	case FORMAT_TEXT:
		print_text(t, out);
		break;
	case FORMAT_CSV:
		print_csv(t, out);
		break;
	case FORMAT_JSON:
		print_json(t, out);
		break;
	}
}

void table_print_record(const struct record *r, enum table_format format, FILE *out)
{
	struct table t;

	switch (format) {
	case FORMAT_TEXT:
		table_init(&t, r->cols, r->ncols);
		if (table_add(&t, r->cells) == 0)
			print_text(&t, out);
		table_free(&t);
		break;
	case FORMAT_CSV:
		csv_header(r->cols, r->ncols, out);
		csv_row(r->cols, r->cells, r->ncols, out);
		break;
	case FORMAT_JSON:
		json_object(r->cols, r->cells, r->ncols, out);
		fputc('\n', out);
		break;
	}
}
