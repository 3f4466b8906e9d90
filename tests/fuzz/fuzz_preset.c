/*
 * fuzz_preset.c: libFuzzer target for the preset loader (and the number
 * parser it calls), for every kind it can be asked for: any, law, model,
 * accelerator, stock, trend, test-time law. Any input must give either a
 * preset or one error line: no crash, no leak, no undefined behaviour, no
 * unterminated message.
 *
 * An accepted law must also be safe to compute with, which is what the
 * loader's ranges are for: at the corners of the range of N and D the
 * program works in, its loss is finite and above zero (a loss of 0 or inf
 * reached log10 and float-to-int conversions in drawing), and k N D and
 * its frontier powers are finite. A power law's L(N) and L(C) are a
 * number, never NaN, at the ends of the counts and budgets drawn.
 */
#include <math.h>
#include <stdint.h>
#include <string.h>

#include "../../model/traintest.h"
#include "../../presets/preset.h"

/* A stock or trend that loads holds its estimate inside its interval, at a level in (0, 1). */
static void check_interval(const struct preset *p)
{
	double lo = p->kind == PRESET_STOCK ? p->stock_low : p->growth_low;
	double mid = p->kind == PRESET_STOCK ? p->stock : p->growth;
	double hi = p->kind == PRESET_STOCK ? p->stock_high : p->growth_high;

	if (!(lo > 0 && lo <= mid && mid <= hi && isfinite(hi)))
		__builtin_trap();
	if (!(p->level > 0 && p->level < 1))
		__builtin_trap();
	if (p->kind == PRESET_TREND && !(lo > 1 && p->from < p->to))
		__builtin_trap();
}

/*
 * A test-time law that loads answers inside its fitted ranges: a log-linear
 * law's performance at the corners of its compute is a number (never NaN
 * from a sign the loader let through), a coverage law's c(k) lies in (0, 1].
 */
static void check_testtime(const struct tt_law *t)
{
	if (t->form == TT_LOG_LINEAR) {
		if (!(t->exchange > 0 && t->per_unit > 0))
			__builtin_trap();
		double train = t->train.hi > 0 ? t->train.hi : 1e20;
		double test = t->test.lo > 0 ? t->test.lo : 1;
		if (isnan(tt_performance(t, train, test)))
			__builtin_trap();
	} else if (t->form == TT_COVERAGE) {
		double k = t->samples.hi > 0 ? t->samples.hi : 1e4;
		double c = tt_coverage(t, k);
		if (!(t->a < 0 && t->b < 0) || !(c >= 0 && c <= 1))
			__builtin_trap();
	} else if (t->form == TT_FLOPS_MATCH) {
		if (!(t->larger > 1 && t->nloads >= 1 && t->nloads <= TT_MAX_LOADS))
			__builtin_trap();
	} else {
		__builtin_trap(); /* a test-time law always has a form */
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The corners: from the smallest counts a preset may give to the largest. */
static const double corner_n[] = {100, 1e7, 1e13, 1e16};
static const double corner_d[] = {1e3, 1e8, 1e14, 1e18};
static const double corner_c[] = {LAW_COMPUTE_MIN, 1e23, LAW_COMPUTE_MAX};

static void check_power(const struct law_power *p, double unit)
{
	for (size_t i = 0; p->coef != 0 && i < sizeof corner_c / sizeof *corner_c; i++) {
		double x = p->coef * pow(corner_c[i] / unit, p->exp);
		if (!isfinite(x) || x <= 0)
			__builtin_trap();
	}
}

/* One relation of a power law at the corners of x: a loss of at least its floor, or no fit. */
static void check_single(const struct law_single *s, const double *xs, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		double l = NAN;
		enum model_status st = law_single_loss(s, xs[i], &l);
		if (s->scale == 0 ? st != MODEL_ENOFIT : st != MODEL_OK || isnan(l) || l < s->floor)
			__builtin_trap();
	}
}

static void check_law(const struct law *law)
{
	if (law->family == LAW_POWER) {
		if (law->by_params.scale == 0 && law->by_compute.scale == 0)
			__builtin_trap(); /* the loader wants L(N) or L(C) */
		check_single(&law->by_params, corner_n, sizeof corner_n / sizeof *corner_n);
		check_single(&law->by_compute, corner_c, sizeof corner_c / sizeof *corner_c);
		check_power(&law->frontier.params, law->frontier.unit);
		return;
	}
	if (law->family == LAW_FRONTIER) {
		check_power(&law->frontier.params, law->frontier.unit);
		check_power(&law->frontier.flops_pt, law->frontier.unit);
		check_power(&law->frontier.tokens, law->frontier.unit);
		return;
	}
	for (size_t i = 0; i < sizeof corner_n / sizeof *corner_n; i++)
		for (size_t j = 0; j < sizeof corner_d / sizeof *corner_d; j++) {
			double n = corner_n[i], d = corner_d[j], l = -1;
			if (!isfinite(law_compute(law, n, d)))
				__builtin_trap();
			for (double u = 0; u <= d / 10; u += d / 10) {
				enum model_status st = law_loss(law, n, d, u, &l);
				/*
				 * Kaplan's power, and the data-constrained law's G^(1/(a+b))
				 * at extreme A/B, may overflow: a clean "out of domain".
				 */
				if (st != MODEL_OK && law->family == LAW_ADDITIVE)
					__builtin_trap();
				if (st == MODEL_OK && !(isfinite(l) && l > 0))
					__builtin_trap();
			}
		}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct preset p;
	char err[PRESET_ERR_MAX];

	err[0] = '\0';
	for (int want = PRESET_ANY; want <= PRESET_TESTTIME; want++) {
		if (preset_parse("fuzz.yaml", data, size, (enum preset_kind)want, &p, err,
		                 sizeof err) != 0) {
			/* an error is one line naming the file */
			if (strncmp(err, "fuzz.yaml:", 10) != 0 || strchr(err, '\n') != NULL)
				__builtin_trap();
		} else if (p.kind == PRESET_LAW) {
			check_law(&p.law);
		} else if (p.kind == PRESET_STOCK || p.kind == PRESET_TREND) {
			check_interval(&p);
		} else if (p.kind == PRESET_TESTTIME) {
			check_testtime(&p.tt);
		}
	}
	return 0;
}
