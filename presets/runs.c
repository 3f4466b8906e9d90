/*
 * runs.c: the CSV reader for training runs. Plain C: the format is a
 * header and rows of numbers, and every message names the line.
 */
#include <ctype.h>
#include <math.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../model/units.h"
#include "readall.h"
#include "runs.h"

/* The byte order mark some editors put first in a UTF-8 file. */
#define UTF8_BOM "\xef\xbb\xbf"

enum { COL_PARAMS, COL_LOSS, COL_TOKENS, COL_FLOPS, NCOLS };

/* A column's name in messages. */
static const char *const col_names[NCOLS] = {"params", "loss", "tokens", "flops"};

/*
 * The names a header may give each column, in any case: the ones sweeps
 * are logged under (papers' N, D, C, L; trainers' val_loss, eval_loss).
 */
static const char *const col_aliases[NCOLS][5] = {
        {"N", "n_params", "params", NULL},
        {"L", "loss", "val_loss", "eval_loss", NULL},
        {"D", "tokens", NULL},
        {"C", "flops", "compute", NULL},
};

/* Fields read from a line; more are counted but not kept. */
enum { MAX_FIELDS = 64 };

static int fail(char *err, size_t errsize, const char *file, size_t line, const char *fmt, ...)
        __attribute__((format(printf, 5, 6)));

static int fail(char *err, size_t errsize, const char *file, size_t line, const char *fmt, ...)
{
	char msg[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	/* quoted input stays one printable line: a tab as \t (a tab-separated header), else '?' */
	char shown[2 * sizeof msg], *w = shown;
	for (const char *p = msg; *p; p++) {
		if (*p == '\t') {
			*w++ = '\\';
			*w++ = 't';
		} else
			*w++ = (unsigned char)*p < 0x20 || *p == 0x7f ? '?' : *p;
	}
	*w = '\0';
	if (line > 0)
		snprintf(err, errsize, "%s:%zu: %s", file, line, shown);
	else
		snprintf(err, errsize, "%s: %s", file, shown);
	return -1;
}

/* s without the blanks at its ends, cut in place. */
static char *trim(char *s, char *end)
{
	while (s < end && isspace((unsigned char)*s))
		s++;
	while (end > s && isspace((unsigned char)end[-1]))
		end--;
	*end = '\0';
	return s;
}

/*
 * A quoted field (RFC 4180, as R's write.csv and Python's QUOTE_ALL write
 * them) at *at, just past its opening quote: unquoted in place ("" is one
 * quote, commas are kept), *at left at the comma or end after it. NULL and
 * why when the quote is not closed on the line or text follows it.
 */
static char *unquote(char **at, const char **why)
{
	char *p = *at, *w = p, *start = p;

	for (;; p++) {
		if (*p == '\0') {
			*why = "unterminated quote: a quoted field ends with \" on the same line";
			return NULL;
		}
		if (*p == '"' && p[1] == '"')
			p++;
		else if (*p == '"')
			break;
		*w++ = *p;
	}
	for (p++; isspace((unsigned char)*p); p++)
		;
	if (*p != ',' && *p != '\0') {
		*why = "text after a closing quote (a quote inside quotes is written \"\")";
		return NULL;
	}
	*at = p;
	return trim(start, w);
}

/*
 * Split a line in place at commas into at most max fields, each trimmed and
 * unquoted; the number of fields, or -1 with the field's number in *bad and
 * why it is wrong.
 */
static int split(char *line, char **fields, int max, int *bad, const char **why)
{
	int n = 0;

	for (char *p = line;; p++) {
		char *field, end;
		while (isspace((unsigned char)*p))
			p++;
		if (*p == '"') {
			p++;
			if ((field = unquote(&p, why)) == NULL) {
				*bad = n + 1;
				return -1;
			}
			end = *p;
		} else {
			char *start = p;
			while (*p && *p != ',')
				p++;
			end = *p;
			field = trim(start, p);
		}
		if (n < max)
			fields[n] = field;
		n++;
		if (end == '\0')
			return n;
	}
}

/*
 * The physical ranges of a run (model/units.h, isoflop-presets(5)): outside
 * them the fit's logarithms and exponentials stop being finite, and a loss
 * of zero or a denormal one leaves a fit nothing to work with.
 */
static const struct {
	int col;
	double lo, hi;
	const char *unit; /* after the range in the message */
} run_ranges[] = {
        {COL_PARAMS, UNITS_PARAMS_MIN, UNITS_PARAMS_MAX, "parameters"},
        {COL_TOKENS, UNITS_TOKENS_MIN, UNITS_TOKENS_MAX, "tokens"},
        {COL_LOSS, UNITS_LOSS_MIN, UNITS_LOSS_MAX, "nats"},
};

static const char *comma_hint(const char *f, double v, char *buf, size_t size);

/*
 * Whether a value of the run is outside its range; msg says which and why,
 * and how the field was read when it has thousands separators (src: each
 * column's field as written, "" when none).
 */
static bool out_of_range(const double *v, const char *const src[NCOLS], double k,
                         bool tokens_from_flops, char *msg, size_t size)
{
	for (size_t i = 0; i < sizeof run_ranges / sizeof run_ranges[0]; i++) {
		int c = run_ranges[i].col;
		double x = v[c];
		char lo[32], hi[32], hint[320];
		if (x >= run_ranges[i].lo && x <= run_ranges[i].hi)
			continue;
		units_format_short(run_ranges[i].lo, lo, sizeof lo);
		units_format_short(run_ranges[i].hi, hi, sizeof hi);
		if (c == COL_TOKENS && tokens_from_flops)
			snprintf(
			        msg, size,
			        "flops / (%g params) gives %.3g tokens: out of range: a run has %s "
			        "to %s tokens%s",
			        k, x, lo, hi,
			        comma_hint(src[COL_FLOPS], v[COL_FLOPS], hint, sizeof hint));
		else
			snprintf(msg, size, "%s: %.3g is out of range: a run has %s to %s %s%s",
			         col_names[c], x, lo, hi, run_ranges[i].unit,
			         comma_hint(src[c], x, hint, sizeof hint));
		return true;
	}
	return false;
}

/*
 * Whether a line is blank or a comment ('#'); a row starting with Excel's
 * #N/A (a loss column first) is a row, not a comment.
 */
static bool blank_or_comment(const char *s)
{
	while (isspace((unsigned char)*s))
		s++;
	if (strncasecmp(s, "#N/A", 4) == 0 &&
	    (s[4] == ',' || s[4] == '\0' || isspace((unsigned char)s[4])))
		return false;
	return *s == '\0' || *s == '#';
}

/*
 * A runs file as it is read: where the reader is, for messages, which field
 * holds each column (-1: none) once the header is read, and the runs so far.
 */
struct reader {
	const char *file;
	double k; /* FLOPs per parameter and token, to turn flops into tokens */
	char *err;
	size_t errsize;
	size_t lineno;
	bool header;
	int fields; /* the header's, which no row may exceed */
	int col[NCOLS];
	struct fit_run *runs;
	size_t count, cap;
	size_t last; /* the last line with a run, where a message about them all points */
	struct runs_skipped skipped; /* rows with no loss (NA), left out */
};

/* The buffer as a string to cut in place; NULL (and err set) when it cannot be one. */
static char *copy_text(struct reader *r, const char *buf, size_t len)
{
	char *text = malloc(len + 1);

	if (text == NULL) {
		fail(r->err, r->errsize, r->file, 0, "out of memory");
		return NULL;
	}
	if (memchr(buf, '\0', len) != NULL) {
		free(text);
		fail(r->err, r->errsize, r->file, 0, "binary file (NUL byte): runs are CSV text");
		return NULL;
	}
	memcpy(text, buf, len);
	text[len] = '\0';
	return text;
}

/* The line at *at, cut off in place without its \n or \r\n (files from Windows); NULL after the
 * last. */
static char *next_line(char **at)
{
	char *line = *at, *end;
	size_t l;

	if (line == NULL)
		return NULL;
	end = strchr(line, '\n');
	if (end != NULL)
		*end++ = '\0';
	*at = end;
	l = strlen(line);
	if (l > 0 && line[l - 1] == '\r')
		line[l - 1] = '\0';
	return line;
}

/* The column a header name stands for, or -1. */
static int column_named(const char *name)
{
	for (int c = 0; c < NCOLS; c++)
		for (int a = 0; col_aliases[c][a] != NULL; a++)
			if (strcasecmp(name, col_aliases[c][a]) == 0)
				return c;
	return -1;
}

/* Append to buf (of size, NUL-terminated) the items joined by ", ", cut with "..." when full. */
static void join(char *buf, size_t size, const char *const *items, int n)
{
	for (int i = 0; i < n; i++) {
		size_t l = strlen(buf);
		const char *item = items[i][0] ? items[i] : "\"\"";
		if (l + strlen(item) + 6 >= size) {
			snprintf(buf + l, size - l, "%s...", i > 0 ? ", " : "");
			return;
		}
		snprintf(buf + l, size - l, "%s%s", i > 0 ? ", " : "", item);
	}
}

/* The names column c goes by, "one of A, B, C". */
static void aliases_of(int c, char *buf, size_t size)
{
	int n = 0;

	while (col_aliases[c][n] != NULL)
		n++;
	buf[0] = '\0';
	join(buf, size, col_aliases[c], n);
}

static bool header_is_pairs(char **fields, int nf);

/*
 * A missing column, said with what the header has and what it could have
 * called it: a header written for another tool is then one rename away. A
 * header of a loss and a score and no params is a downstream file, said as
 * fit says it (RUNS_PAIRS_HINT).
 */
static int no_column(struct reader *r, int c, char **fields, int nf)
{
	char found[200] = "", names[80], flops[80];
	bool pairs = c == COL_PARAMS && header_is_pairs(fields, nf);

	/* one field that holds the separators of another dialect: say that, not "no column" */
	const char *other = nf == 1 ? strpbrk(fields[0], ";\t|") : NULL;
	if (other != NULL)
		return fail(r->err, r->errsize, r->file, r->lineno,
		            "the header is one field, '%.60s': columns are separated by commas, "
		            "not %s",
		            fields[0],
		            *other == ';'   ? "';'"
		            : *other == '|' ? "'|'"
		                            : "tabs (a tab-separated file)");
	join(found, sizeof found, (const char *const *)fields, nf);
	aliases_of(c, names, sizeof names);
	if (c != COL_TOKENS)
		return fail(r->err, r->errsize, r->file, r->lineno,
		            "no %s column: found %s; a %s column is one of %s%s%s%s", col_names[c],
		            found, col_names[c], names,
		            pairs ? "; it reads as " RUNS_PAIRS_HINT ", which isoflop fit " : "",
		            pairs ? r->file : "", pairs ? " fits" : "");
	aliases_of(COL_FLOPS, flops, sizeof flops);
	return fail(r->err, r->errsize, r->file, r->lineno,
	            "no tokens or flops column: found %s; a tokens column is one of %s, a flops "
	            "column one of %s",
	            found, names, flops);
}

/*
 * The header: which field holds each column, in any order, under any of its
 * names (col_aliases). Tokens or flops will do: flops become tokens through k.
 */
static int read_header(struct reader *r, char **fields, int nf)
{
	for (int i = 0; i < nf; i++) {
		int c = column_named(fields[i]);
		if (c < 0)
			continue;
		if (r->col[c] >= 0)
			return fail(r->err, r->errsize, r->file, r->lineno, "two '%s' columns",
			            col_names[c]);
		r->col[c] = i;
	}
	for (int c = 0; c < 2; c++)
		if (r->col[c] < 0)
			return no_column(r, c, fields, nf);
	if (r->col[COL_TOKENS] < 0 && r->col[COL_FLOPS] < 0)
		return no_column(r, COL_TOKENS, fields, nf);
	r->header = true;
	return 0;
}

/*
 * Whether a field is R's NA, NaN (pandas, numpy), Excel's #N/A, N/A or
 * empty: a value not recorded.
 */
static bool missing_value(const char *f)
{
	return f[0] == '\0' || strcasecmp(f, "NA") == 0 || strcasecmp(f, "NaN") == 0 ||
	       strcasecmp(f, "#N/A") == 0 || strcasecmp(f, "N/A") == 0;
}

/*
 * Whether a row is left out for the missing value f (a loss, or a
 * downstream file's score): counted, its line kept when it is the first.
 * The one rule runs and pairs files share.
 */
static bool skip_missing(struct runs_skipped *s, size_t line, const char *f)
{
	if (!missing_value(f))
		return false;
	if (s->rows++ == 0)
		s->first_line = line;
	return true;
}

/* " (3 more skipped with no loss)" for a count of runs or pairs, or "" when none were. */
static const char *skipped_more(const struct runs_skipped *s, char *buf, size_t size)
{
	buf[0] = '\0';
	if (s->rows > 0)
		snprintf(buf, size, " (%zu more skipped with no %s)", s->rows,
		         s->no_score == 0         ? "loss"
		         : s->no_score == s->rows ? "score"
		                                  : "loss or score");
	return buf;
}

/*
 * A row with more fields than the header: an unquoted comma inside a value,
 * most often a number's thousands separators, which would shift or drop
 * columns without a word. R's write.csv gives its row names a header field
 * ("") of their own, so its rows count as many fields as its header.
 */
static int too_many_fields(const char *file, size_t line, int nf, int header, char *err,
                           size_t errsize)
{
	return fail(err, errsize, file, line,
	            "%d fields, the header has %d (a number with thousands separators must be "
	            "quoted: \"2,000,000,000\")",
	            nf, header);
}

/*
 * A number with thousands separators, as a spreadsheet quotes it
 * ("20,177,000", "1,500.5"): 1 to 3 digits, then groups of a comma and 3
 * digits, then anything but a digit or comma (a fraction, an exponent, a
 * unit). Not unambiguous where the comma is the decimal mark: "1,500B" is
 * read as 1500B (1.5e12), though it may mean 1.5B, and "3,200" as 3200,
 * not 3.2; the range checks catch most such misreadings and their message
 * then says how the field was read. A lead group starting with 0 ("0,456")
 * is no thousands grouping: a decimal comma. Into out without the commas;
 * false when the commas group nothing so (a decimal comma "3,2").
 */
static bool ungroup(const char *f, char *out, size_t size)
{
	const char *p = f;
	size_t lead = 0, w = 0;

	while (isdigit((unsigned char)p[lead]))
		lead++;
	if (lead < 1 || lead > 3 || p[lead] != ',' || p[0] == '0')
		return false;
	for (p += lead; *p == ','; p += 4)
		for (int i = 1; i <= 3; i++)
			if (!isdigit((unsigned char)p[i]))
				return false;
	if (isdigit((unsigned char)*p) || strchr(p, ',') != NULL)
		return false;
	for (p = f; *p && w + 1 < size; p++)
		if (*p != ',')
			out[w++] = *p;
	out[w] = '\0';
	return *p == '\0';
}

/*
 * What a range error adds when the field was read with thousands
 * separators: how it was read and that a decimal comma is not; "" when the
 * field has no comma.
 */
static const char *comma_hint(const char *f, double v, char *buf, size_t size)
{
	const char *comma = strchr(f, ',');

	buf[0] = '\0';
	if (comma == NULL)
		return buf;
	if (strchr(comma + 1, ',') == NULL)
		snprintf(
		        buf, size,
		        " ('%.40s' read as %g, its comma a thousands separator; a decimal comma is "
		        "not read: write %.*s.%.20s)",
		        f, v, (int)(comma - f), f, comma + 1);
	else
		snprintf(buf, size,
		         " ('%.40s' read as %g, its commas thousands separators; a decimal comma "
		         "is not read)",
		         f, v);
	return buf;
}

/*
 * A field as a number of kind: thousands separators read (ungroup), a
 * decimal comma refused as such. False and why when it is no number.
 */
static bool field_number(const char *f, enum units_kind kind, double *v, const char **why)
{
	char plain[64];

	if (strchr(f, ',') == NULL)
		return units_parse(f, kind, v, why);
	if (!ungroup(f, plain, sizeof plain)) {
		*why = "a comma inside a number: thousands separators group digits in threes "
		       "(20,177,000); a decimal comma is not read (write 3.2, not 3,2)";
		return false;
	}
	return units_parse(plain, kind, v, why);
}

/*
 * A flops column beside tokens: read when it is a number (tokens are what
 * the fit uses) and, when it is not k N D within RUNS_FLOPS_TOLERANCE,
 * counted for runs_flops_note, the largest difference kept.
 */
static void check_flops(struct reader *r, const char *f, const double v[NCOLS])
{
	double flops, knd = r->k * v[COL_PARAMS] * v[COL_TOKENS], off;
	const char *why;

	if (missing_value(f) || !field_number(f, UNITS_COMPUTE, &flops, &why) || !(knd > 0) ||
	    !isfinite(knd))
		return;
	off = fabs(flops / knd - 1);
	if (!(off > RUNS_FLOPS_TOLERANCE))
		return;
	struct runs_skipped *s = &r->skipped;
	if (s->flops_rows++ == 0 || off > fabs(s->flops / s->knd - 1)) {
		s->flops_line = r->lineno;
		s->flops = flops;
		s->knd = knd;
	}
}

/*
 * The numbers of a row's columns in v, in the units each takes (a loss is
 * plain, flops may be written as compute), each field as written in src.
 * Flops are read only when there is no tokens column to read (beside one,
 * they are checked: check_flops). 1 when the loss is not recorded (NA, NaN,
 * #N/A, empty): the row is skipped and counted; a run's params, tokens or
 * flops missing are an error, for the row says nothing without them.
 */
static int read_numbers(struct reader *r, char **fields, int nf, double v[NCOLS],
                        const char *src[NCOLS])
{
	int lc = r->col[COL_LOSS];

	if (lc < nf && skip_missing(&r->skipped, r->lineno, fields[lc]))
		return 1;
	for (int c = 0; c < NCOLS; c++) {
		const char *why;
		src[c] = "";
		if (r->col[c] < 0 || (c == COL_FLOPS && r->col[COL_TOKENS] >= 0))
			continue;
		if (r->col[c] >= nf)
			return fail(r->err, r->errsize, r->file, r->lineno,
			            "no value for '%s' (%d fields)", col_names[c], nf);
		const char *f = src[c] = fields[r->col[c]];
		if (missing_value(f) && f[0] != '\0')
			return fail(r->err, r->errsize, r->file, r->lineno,
			            "%s (field %d): no value ('%s'): a run needs its %s; only rows "
			            "with no loss are skipped",
			            col_names[c], r->col[c] + 1, f, col_names[c]);
		enum units_kind kind = c == COL_LOSS    ? UNITS_PLAIN
		                       : c == COL_FLOPS ? UNITS_COMPUTE
		                                        : UNITS_COUNT;
		if (!field_number(f, kind, &v[c], &why))
			return fail(r->err, r->errsize, r->file, r->lineno, "%s: %s: '%.40s'",
			            col_names[c], why, f);
	}
	return 0;
}

/*
 * A run from a row: its numbers, tokens from flops where needed, each in
 * its range. 0, 1 for a row skipped (no loss), -1 on error.
 */
static int read_run(struct reader *r, char **fields, int nf, double v[NCOLS])
{
	char range[640];
	const char *src[NCOLS];
	int rc = read_numbers(r, fields, nf, v, src);

	if (rc != 0)
		return rc; /* -1: an error; 1: a row with no loss, skipped */
	if (r->col[COL_TOKENS] >= 0 && r->col[COL_FLOPS] >= 0 && r->col[COL_FLOPS] < nf)
		check_flops(r, fields[r->col[COL_FLOPS]], v);
	if (r->col[COL_TOKENS] < 0) {
		v[COL_TOKENS] = v[COL_FLOPS] / (r->k * v[COL_PARAMS]);
		/* extreme values can underflow or overflow the quotient */
		if (!(v[COL_TOKENS] > 0) || !isfinite(v[COL_TOKENS]))
			return fail(r->err, r->errsize, r->file, r->lineno,
			            "flops / (%g params) gives no usable token count", r->k);
	}
	if (out_of_range(v, src, r->k, r->col[COL_TOKENS] < 0, range, sizeof range))
		return fail(r->err, r->errsize, r->file, r->lineno, "%s", range);
	return 0;
}

/* Keep a run, growing the array by doubling. */
static int add_run(struct reader *r, const double v[NCOLS])
{
	if (r->count == r->cap) {
		size_t ncap = r->cap ? 2 * r->cap : 64;
		struct fit_run *more = realloc(r->runs, sizeof *more * ncap);
		if (more == NULL)
			return fail(r->err, r->errsize, r->file, r->lineno, "out of memory");
		r->runs = more;
		r->cap = ncap;
	}
	r->runs[r->count++] = (struct fit_run){v[COL_PARAMS], v[COL_TOKENS], v[COL_LOSS]};
	r->last = r->lineno;
	return 0;
}

/* One line: skipped when blank or a comment, else the header or a run. */
static int read_line(struct reader *r, char *line)
{
	char *fields[MAX_FIELDS];
	double v[NCOLS] = {0};
	const char *why;
	int nf, bad;

	if (blank_or_comment(line))
		return 0;
	nf = split(line, fields, MAX_FIELDS, &bad, &why);
	if (nf < 0)
		return fail(r->err, r->errsize, r->file, r->lineno, "field %d: %s", bad, why);
	if (r->header && nf > r->fields)
		return too_many_fields(r->file, r->lineno, nf, r->fields, r->err, r->errsize);
	if (!r->header)
		r->fields = nf;
	if (nf > MAX_FIELDS)
		nf = MAX_FIELDS;
	if (!r->header)
		return read_header(r, fields, nf);
	int rc = read_run(r, fields, nf, v);
	if (rc != 0)
		return rc < 0 ? -1 : 0;
	return add_run(r, v);
}

/* Whether the runs can make a fit: a header, enough runs, more than one model size. */
static int check_fittable(struct reader *r)
{
	char nb[16], more[80];

	if (!r->header)
		return fail(r->err, r->errsize, r->file, 0, "empty: no header and no runs");
	if (r->count < RUNS_MIN)
		return fail(r->err, r->errsize, r->file, r->last,
		            "%zu runs%s: a fit needs at least %d", r->count,
		            skipped_more(&r->skipped, more, sizeof more), RUNS_MIN);
	for (size_t i = 1; i < r->count; i++)
		if (r->runs[i].params != r->runs[0].params)
			return 0;
	units_format_count(r->runs[0].params, nb, sizeof nb);
	return fail(r->err, r->errsize, r->file, r->last,
	            "every run has N = %s: a fit needs several model sizes", nb);
}

/* runs_parse, the rows skipped for want of a loss into *skipped (may be NULL). */
static int parse_runs(const char *file, const char *buf, size_t len, double k, struct fit_run **out,
                      size_t *n, struct runs_skipped *skipped, char *err, size_t errsize)
{
	struct reader r = {
	        .file = file, .k = k, .err = err, .errsize = errsize, .col = {-1, -1, -1, -1}};
	char *text, *at, *line;
	int rc = 0;

	*out = NULL;
	*n = 0;
	if ((text = copy_text(&r, buf, len)) == NULL)
		return -1;
	at = text;
	if (strncmp(at, UTF8_BOM, strlen(UTF8_BOM)) == 0) /* Excel's "CSV UTF-8" starts so */
		at += strlen(UTF8_BOM);
	while (rc == 0 && (line = next_line(&at)) != NULL) {
		r.lineno++;
		rc = read_line(&r, line);
	}
	free(text);
	if (rc != 0 || check_fittable(&r) != 0) {
		free(r.runs);
		return -1;
	}
	*out = r.runs;
	*n = r.count;
	if (skipped != NULL)
		*skipped = r.skipped;
	return 0;
}

int runs_parse(const char *file, const char *buf, size_t len, double k, struct fit_run **out,
               size_t *n, char *err, size_t errsize)
{
	return parse_runs(file, buf, len, k, out, n, NULL, err, errsize);
}

int runs_skipped_note(const char *file, const struct runs_skipped *s, char *buf, size_t size)
{
	buf[0] = '\0';
	if (s->rows == 0)
		return 0;
	snprintf(buf, size, "%s: skipped %zu row%s with no %s (NA), first at line %zu", file,
	         s->rows, s->rows == 1 ? "" : "s",
	         s->no_score == 0         ? "loss"
	         : s->no_score == s->rows ? "score"
	                                  : "loss or score",
	         s->first_line);
	return 1;
}

int runs_flops_note(const char *file, double k, const struct runs_skipped *s, char *buf,
                    size_t size)
{
	buf[0] = '\0';
	if (s->flops_rows == 0)
		return 0;
	snprintf(buf, size,
	         "%s: flops is not %gND (%g x params x tokens) in %zu row%s, by up to %.0f%% "
	         "(line %zu: flops %.3g, %gND %.3g): the fit uses tokens",
	         file, k, k, s->flops_rows, s->flops_rows == 1 ? "" : "s",
	         100 * fabs(s->flops / s->knd - 1), s->flops_line, s->flops, k, s->knd);
	return 1;
}

int runs_load(const char *path, double k, struct fit_run **out, size_t *n,
              struct runs_skipped *skipped, char *err, size_t errsize)
{
	char why[256];
	size_t len;
	unsigned char *buf = read_all(path, RUNS_MAX_BYTES, false, &len, why, sizeof why);

	if (buf == NULL)
		return fail(err, errsize, path, 0, "%s", why);
	int rc = len > RUNS_MAX_BYTES ? fail(err, errsize, path, 0, "larger than 64 MiB")
	                              : parse_runs(path, (const char *)buf, len, k, out, n, skipped,
	                                           err, errsize);
	free(buf);
	return rc;
}

/* ---- (loss, error) pairs for a downstream fit ---- */

enum { PAIR_LOSS, PAIR_ACCURACY, PAIR_ERROR, NPAIR };

/* The names a downstream file's columns go by, in any case; the loss's are the runs'. */
static const char *const pair_aliases[NPAIR][6] = {
        {"L", "loss", "val_loss", "eval_loss", NULL},
        {"accuracy", "acc", "avg_acc", "top1", "top1_accuracy", NULL},
        {"error", "err", "avg_err", "top1_error", NULL},
};

static int pair_column_named(const char *name)
{
	for (int c = 0; c < NPAIR; c++)
		for (int a = 0; pair_aliases[c][a] != NULL; a++)
			if (strcasecmp(name, pair_aliases[c][a]) == 0)
				return c;
	return -1;
}

/* The first line of text that is neither blank nor a comment, cut in place; NULL if none. */
static char *first_content_line(char **at)
{
	char *line;

	while ((line = next_line(at)) != NULL)
		if (!blank_or_comment(line))
			return line;
	return NULL;
}

/* Which field holds each pair column (-1: none), from the header's fields. */
static void pair_columns(char **fields, int nf, int col[NPAIR], bool *has_params)
{
	for (int c = 0; c < NPAIR; c++)
		col[c] = -1;
	*has_params = false;
	for (int i = 0; i < nf; i++) {
		int c = pair_column_named(fields[i]);
		if (c >= 0 && col[c] < 0)
			col[c] = i;
		/* every file of runs has params: without it, tokens or flops are a pair's extras */
		*has_params |= column_named(fields[i]) == COL_PARAMS;
	}
}

/* Whether a header's fields make a downstream file: a score column and no params
 * (runs_is_downstream). */
static bool header_is_pairs(char **fields, int nf)
{
	int col[NPAIR];
	bool has_params;

	pair_columns(fields, nf, col, &has_params);
	return !has_params && (col[PAIR_ACCURACY] >= 0 || col[PAIR_ERROR] >= 0);
}

/* The text after a byte order mark, as a string to cut in place (malloc'ed), or NULL. */
static char *pairs_text(const char *buf, size_t len)
{
	if (len >= 3 && memcmp(buf, UTF8_BOM, 3) == 0)
		buf += 3, len -= 3;
	if (memchr(buf, '\0', len) != NULL)
		return NULL;
	char *text = malloc(len + 1);
	if (text != NULL) {
		memcpy(text, buf, len);
		text[len] = '\0';
	}
	return text;
}

int runs_is_downstream(const char *buf, size_t len)
{
	char *text = pairs_text(buf, len), *at = text, *line, *fields[MAX_FIELDS];
	int col[NPAIR], nf, bad, yes = 0;
	bool has_params;
	const char *why;

	if (text == NULL)
		return 0;
	if ((line = first_content_line(&at)) != NULL &&
	    (nf = split(line, fields, MAX_FIELDS, &bad, &why)) > 0) {
		pair_columns(fields, nf < MAX_FIELDS ? nf : MAX_FIELDS, col, &has_params);
		/* a score and no params: pairs (a missing loss column is then named as theirs) */
		yes = !has_params && (col[PAIR_ACCURACY] >= 0 || col[PAIR_ERROR] >= 0);
	}
	free(text);
	return yes;
}

/* A pairs file as it is read: the columns, the pairs so far, where for messages. */
struct pairs_reader {
	const char *file;
	char *err;
	size_t errsize;
	size_t lineno, last;
	int col[NPAIR];
	int fields; /* the header's, which no row may exceed */
	struct runs_pairs *out;
	size_t cap;
};

/* One number of a row, in [lo, hi]; name and the hint say what it is when it is not. */
static int pair_value(struct pairs_reader *r, char **fields, int nf, int c, double lo, double hi,
                      double *v)
{
	static const char *const names[NPAIR] = {"loss", "accuracy", "error"};
	const char *why;

	if (r->col[c] >= nf)
		return fail(r->err, r->errsize, r->file, r->lineno, "no value for '%s' (%d fields)",
		            names[c], nf);
	if (!field_number(fields[r->col[c]], UNITS_PLAIN, v, &why))
		return fail(r->err, r->errsize, r->file, r->lineno, "%s: %s: '%.40s'", names[c],
		            why, fields[r->col[c]]);
	if (*v >= lo && *v <= hi)
		return 0;
	if (c != PAIR_LOSS && *v > 1 && *v <= 100)
		return fail(r->err, r->errsize, r->file, r->lineno,
		            "%s: %g is out of range: a fraction from 0 to 1 (a percentage? divide "
		            "by 100)",
		            names[c], *v);
	char hint[320];
	return fail(r->err, r->errsize, r->file, r->lineno,
	            "%s: %.3g is out of range: %g to %g%s%s", names[c], *v, lo, hi,
	            c == PAIR_LOSS ? " nats" : "",
	            comma_hint(fields[r->col[c]], *v, hint, sizeof hint));
}

/* One row: its loss and its error (1 - accuracy when the file gives accuracy). */
static int read_pair(struct pairs_reader *r, char **fields, int nf)
{
	double loss, score;
	int c = r->col[PAIR_ERROR] >= 0 ? PAIR_ERROR : PAIR_ACCURACY;
	struct runs_skipped *s = &r->out->skipped;

	/* a model with no loss or no score is left out, as a run with no loss is */
	if (r->col[PAIR_LOSS] < nf && skip_missing(s, r->lineno, fields[r->col[PAIR_LOSS]]))
		return 0;
	if (r->col[c] < nf && skip_missing(s, r->lineno, fields[r->col[c]])) {
		s->no_score++;
		return 0;
	}
	if (pair_value(r, fields, nf, PAIR_LOSS, UNITS_LOSS_MIN, UNITS_LOSS_MAX, &loss) != 0 ||
	    pair_value(r, fields, nf, c, 0, 1, &score) != 0)
		return -1;
	if (r->out->n == r->cap) {
		size_t ncap = r->cap ? 2 * r->cap : 64;
		double *l = realloc(r->out->loss, sizeof *l * ncap);
		if (l != NULL)
			r->out->loss = l;
		double *e = realloc(r->out->error, sizeof *e * ncap);
		if (e != NULL)
			r->out->error = e;
		if (l == NULL || e == NULL)
			return fail(r->err, r->errsize, r->file, r->lineno, "out of memory");
		r->cap = ncap;
	}
	r->out->loss[r->out->n] = loss;
	r->out->error[r->out->n++] = c == PAIR_ERROR ? score : 1 - score;
	r->last = r->lineno;
	return 0;
}

/* The header: a loss column and an accuracy or error column, named in the message when missing. */
static int read_pair_header(struct pairs_reader *r, char **fields, int nf)
{
	char found[200] = "";
	bool has_params;

	pair_columns(fields, nf, r->col, &has_params);
	for (int i = 0; i < nf && r->out->unused[0] == '\0'; i++)
		if (column_named(fields[i]) == COL_TOKENS || column_named(fields[i]) == COL_FLOPS)
			snprintf(r->out->unused, sizeof r->out->unused, "%s", fields[i]);
	if (r->col[PAIR_LOSS] >= 0 && (r->col[PAIR_ACCURACY] >= 0 || r->col[PAIR_ERROR] >= 0))
		return 0;
	join(found, sizeof found, (const char *const *)fields, nf);
	return fail(r->err, r->errsize, r->file, r->lineno,
	            "a downstream file needs a loss column (L, loss, val_loss, eval_loss) and an "
	            "accuracy (accuracy, acc, avg_acc, top1) or error (error, err, avg_err, "
	            "top1_error) column: found %s",
	            found);
}

/* Every line after the header: a pair each, blanks and comments skipped. */
static int read_pair_lines(struct pairs_reader *r, char *at)
{
	char *line, *fields[MAX_FIELDS];
	const char *why;
	int nf, bad;
	bool header = false;

	while ((line = next_line(&at)) != NULL) {
		r->lineno++;
		if (blank_or_comment(line))
			continue;
		if ((nf = split(line, fields, MAX_FIELDS, &bad, &why)) < 0)
			return fail(r->err, r->errsize, r->file, r->lineno, "field %d: %s", bad,
			            why);
		if (header && nf > r->fields)
			return too_many_fields(r->file, r->lineno, nf, r->fields, r->err,
			                       r->errsize);
		if (!header)
			r->fields = nf;
		nf = nf > MAX_FIELDS ? MAX_FIELDS : nf;
		if (!header) {
			if (read_pair_header(r, fields, nf) != 0)
				return -1;
			header = true;
		} else if (read_pair(r, fields, nf) != 0) {
			return -1;
		}
	}
	if (!header)
		return fail(r->err, r->errsize, r->file, 0, "empty: no header and no pairs");
	char more[80];
	if (r->out->n < DOWNSTREAM_FIT_MIN)
		return fail(r->err, r->errsize, r->file, r->last,
		            "%zu (loss, error) pairs%s: a downstream fit needs at least %d",
		            r->out->n, skipped_more(&r->out->skipped, more, sizeof more),
		            DOWNSTREAM_FIT_MIN);
	return 0;
}

void runs_pairs_free(struct runs_pairs *pairs)
{
	free(pairs->loss);
	free(pairs->error);
	*pairs = (struct runs_pairs){.n = 0};
}

int runs_parse_pairs(const char *file, const char *buf, size_t len, struct runs_pairs *out,
                     char *err, size_t errsize)
{
	struct pairs_reader r = {.file = file, .err = err, .errsize = errsize, .out = out};
	char *text = pairs_text(buf, len);
	int rc;

	*out = (struct runs_pairs){.n = 0};
	if (text == NULL)
		return fail(err, errsize, file, 0,
		            memchr(buf, '\0', len) ? "binary file (NUL byte): runs are CSV text"
		                                   : "out of memory");
	rc = read_pair_lines(&r, text);
	free(text);
	if (rc != 0)
		runs_pairs_free(out);
	return rc;
}

int runs_load_either(const char *path, double k, struct fit_run **runs, size_t *n,
                     struct runs_skipped *skipped, struct runs_pairs *pairs, char *err,
                     size_t errsize)
{
	char why[256];
	size_t len;
	unsigned char *buf = read_all(path, RUNS_MAX_BYTES, false, &len, why, sizeof why);
	int rc;

	if (buf == NULL)
		return fail(err, errsize, path, 0, "%s", why);
	if (len > RUNS_MAX_BYTES)
		rc = fail(err, errsize, path, 0, "larger than 64 MiB");
	else if (runs_is_downstream((const char *)buf, len)) {
		rc = runs_parse_pairs(path, (const char *)buf, len, pairs, err, errsize) == 0 ? 1
		                                                                              : -1;
		if (rc == 1 && skipped != NULL)
			*skipped = pairs->skipped;
	} else
		rc = parse_runs(path, (const char *)buf, len, k, runs, n, skipped, err, errsize);
	free(buf);
	return rc;
}
