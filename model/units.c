/*
 * units.c: parse and format 70B / 1.4T / 5.76e23 / 3.64e3pfd.
 *
 * strtod alone would also take "nan", "inf", hex floats and leading blanks;
 * the decimal syntax is checked first so that only plain numbers get through.
 * Blanks around a number are refused everywhere (options, presets, runs,
 * COLUMNS), so that " 70B" fails the same way wherever it is written.
 */
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "law.h"
#include "units.h"

/* Suffixes of counts, largest first. */
static const struct {
	const char *name;
	double scale;
} count_suffixes[] = {
        {"T", 1e12},
        {"B", 1e9},
        {"M", 1e6},
        {"K", 1e3},
};

/* Length of the leading decimal number of s ([0-9.]+ with an optional exponent), 0 if none. */
static size_t decimal_length(const char *s)
{
	size_t i = 0, digits = 0;

	if (s[i] == '+')
		i++;
	for (; isdigit((unsigned char)s[i]) || s[i] == '.'; i++)
		digits += isdigit((unsigned char)s[i]) != 0;
	if (digits == 0)
		return 0;
	if (s[i] == 'e' || s[i] == 'E') {
		size_t j = i + 1;
		if (s[j] == '+' || s[j] == '-')
			j++;
		if (isdigit((unsigned char)s[j])) {
			while (isdigit((unsigned char)s[j]))
				j++;
			i = j;
		}
	}
	return i;
}

bool units_parse(const char *s, enum units_kind kind, double *out, const char **why)
{
	char *end;
	double scale = 1;

	if (s == NULL || *s == '\0') {
		*why = "empty number";
		return false;
	}
	if (units_has_blank_edge(s)) {
		*why = "blanks around the number (write it without spaces)";
		return false;
	}
	bool negative = kind == UNITS_SIGNED && *s == '-';
	if (*s == '-' && !negative) {
		*why = "must be positive";
		return false;
	}
	s += negative;
	size_t len = decimal_length(s);
	if (len == 0) {
		*why = "not a number";
		return false;
	}
	const char *suffix = s + len;
	if (*suffix != '\0') {
		bool known = false;
		if (kind == UNITS_COUNT && suffix[1] == '\0') {
			for (size_t i = 0; i < sizeof count_suffixes / sizeof *count_suffixes; i++)
				if (toupper((unsigned char)*suffix) == *count_suffixes[i].name) {
					scale = count_suffixes[i].scale;
					known = true;
				}
		} else if (kind == UNITS_COMPUTE && strcasecmp(suffix, "pfd") == 0) {
			scale = LAW_PF_DAY;
			known = true;
		}
		if (!known) {
			*why = kind == UNITS_COUNT     ? "unknown unit (use K, M, B or T)"
			       : kind == UNITS_COMPUTE ? "unknown unit (use FLOPs like 5.76e23, "
			                                 "or PF-days like 3.64e3pfd)"
			                               : "not a number";
			return false;
		}
	}
	double x = strtod(s, &end) * scale;
	if (end != suffix) {
		*why = "not a number";
		return false;
	}
	if (!isfinite(x)) {
		*why = "out of range";
		return false;
	}
	if (negative)
		x = -x;
	if (x <= 0 && kind != UNITS_SIGNED) {
		*why = "must be positive";
		return false;
	}
	*out = x;
	return true;
}

bool units_has_blank_edge(const char *s)
{
	size_t len = strlen(s);

	return len > 0 && (isspace((unsigned char)s[0]) || isspace((unsigned char)s[len - 1]));
}

/* printf %.3g without the exponent's '+' and leading zeros: 5.76e23, 1e-05 -> 1e-5. */
static void format_g3(double x, char *buf, size_t size)
{
	char tmp[64], *e;

	snprintf(tmp, sizeof tmp, "%.3g", x);
	if ((e = strchr(tmp, 'e')) != NULL) {
		int exp = atoi(e + 1);
		*e = '\0';
		snprintf(buf, size, "%se%d", tmp, exp);
	} else {
		snprintf(buf, size, "%s", tmp);
	}
}

void units_format_count(double x, char *buf, size_t size)
{
	char digits[64];

	if (!isfinite(x)) {
		snprintf(buf, size, "-");
		return;
	}

	for (size_t i = 0; i < sizeof count_suffixes / sizeof *count_suffixes; i++) {
		double scaled = x / count_suffixes[i].scale;
		/* 1000T and above read better as an exponent */
		if (i == 0 && scaled >= 999.5)
			break;
		if (scaled >= 0.9995) {
			format_g3(scaled, digits, sizeof digits);
			snprintf(buf, size, "%s%s", digits, count_suffixes[i].name);
			return;
		}
	}
	format_g3(x, buf, size);
}

void units_format_tokens(double x, char *buf, size_t size)
{
	double t = x / 1e12;
	char g[32];

	if (!(t >= 0.9995 && t < 9995)) {
		units_format_count(x, buf, size);
		return;
	}
	/* three significant digits, written out: 1000T, not 1e+03T */
	snprintf(g, sizeof g, "%.3g", t);
	snprintf(buf, size, "%.4gT", strtod(g, NULL));
}

void units_format_factor(double x, char *buf, size_t size)
{
	char g[32];

	snprintf(g, sizeof g, "%.3g", x);
	double r = strtod(g, NULL); /* rounded to 3 digits: 999.6 is 1000 */
	if (!(r < 1e6))
		units_format_compute(r, buf, size);
	else if (r >= 1000)
		snprintf(buf, size, "%.0f", r);
	else
		snprintf(buf, size, "%s", g);
}

void units_format_compute(double x, char *buf, size_t size)
{
	/* always an exponent form, even below 1e3, so columns of FLOPs read alike */
	char tmp[64], *e;

	if (!isfinite(x)) { /* never produced by model/; never printed as nan or inf */
		snprintf(buf, size, "-");
		return;
	}
	snprintf(tmp, sizeof tmp, "%.2e", x);
	e = strchr(tmp, 'e');
	int exp = atoi(e + 1);
	*e = '\0';
	snprintf(buf, size, "%.3ge%d", strtod(tmp, NULL), exp);
}

void units_format_fixed(double x, int decimals, char *buf, size_t size)
{
	char tmp[400];

	if (!isfinite(x)) {
		snprintf(buf, size, "-");
		return;
	}
	snprintf(tmp, sizeof tmp, "%.*f", decimals, x);
	/* a value that the fixed form turns into zeros, or widens past 10 characters */
	bool all_zero = strspn(tmp, "-0.") == strlen(tmp);
	if (strlen(tmp) > UNITS_FIXED_MAX || (all_zero && x != 0))
		format_g3(x, buf, size);
	else
		snprintf(buf, size, "%s", tmp);
}

void units_format_short(double x, char *buf, size_t size)
{
	char tmp[32], *e;

	/* exponents where zeros would need counting: 1e-4, 1e18, but 0.001 and 1000 */
	if (x != 0 && (fabs(x) < 1e-3 || fabs(x) >= 1e4))
		snprintf(tmp, sizeof tmp, "%.5e", x);
	else
		snprintf(tmp, sizeof tmp, "%g", x);
	e = strchr(tmp, 'e');
	if (e == NULL) {
		snprintf(buf, size, "%s", tmp);
		return;
	}
	/* the mantissa without trailing zeros (1.50000 -> 1.5, 1.00000 -> 1) */
	int len = (int)(e - tmp);
	while (len > 1 && tmp[len - 1] == '0')
		len--;
	if (len > 1 && tmp[len - 1] == '.')
		len--;
	snprintf(buf, size, "%.*se%d", len, tmp, atoi(e + 1));
}

void units_format_exact(double x, int digits, char *buf, size_t size)
{
	char tmp[64], *e;

	if (!isfinite(x)) {
		snprintf(buf, size, "-");
		return;
	}
	if (digits < 1)
		digits = 1;
	if (digits > 17)
		digits = 17;
	for (int p = 0; p < digits; p++) {
		snprintf(tmp, sizeof tmp, "%.*e", p, x);
		if (strtod(tmp, NULL) == x)
			break;
	}
	e = strchr(tmp, 'e');
	int exp = atoi(e + 1);
	char *end = e; /* the mantissa's trailing zeros, and its point if nothing follows */
	while (strchr(tmp, '.') != NULL && end[-1] == '0')
		end--;
	if (end[-1] == '.')
		end--;
	*end = '\0';
	snprintf(buf, size, "%se%d", tmp, exp);
}

double units_round_up(double x, int digits)
{
	char buf[64];
	double unit = pow(10, floor(log10(x)) - (digits - 1));
	double v = ceil(x / unit) * unit;

	/* unit and the product may be a bit off: retype, and step up while below */
	for (int i = 0; i < 3; i++, v += unit) {
		units_format_exact(v, digits, buf, sizeof buf);
		double typed = strtod(buf, NULL);
		if (typed >= x)
			return typed;
	}
	return v;
}

const char *units_format_year(double y, char *buf, size_t size)
{
	if (isfinite(y))
		snprintf(buf, size, "%.1f", y);
	else
		snprintf(buf, size, "never");
	return buf;
}
