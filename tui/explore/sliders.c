/*
 * sliders.c: the sliders' names, ranges and values, read from the
 * explorer's state (app.h) and never changing it: what the screen draws
 * and the setters in app.c clamp to; which sliders show, from the open
 * views' rows (app_views.h).
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "../../model/traintest.h"
#include "../../model/units.h"
#include "../plot/traintest.h"
#include "app.h"
#include "app_views.h"

/*
 * Every slider's names and, for those that do not depend on the window,
 * its range. A linear slider steps by 1/200 of its range (fine) or 1/20
 * (coarse); the others step in decades.
 */
static const struct {
	const char *name, *label;
	double lo, hi;
	bool linear;
} sliders[SLIDER_COUNT] = {
        [SLIDER_N] = {"N", "N params", 0, 0, false},
        [SLIDER_D] = {"D", "D tokens", 0, 0, false},
        [SLIDER_C] = {"C", "C FLOPs ", 0, 0, false},
        /* Sardana et al. 2023 consider up to ~1e13-1e14 lifetime tokens; 1e15 leaves room */
        [SLIDER_T] = {"T", "T infer ", 1e9, 1e15, false},
        [SLIDER_U] = {"U", "U unique", 0, 0, false},
        /* Snell et al. 2024 compare with models up to 14x larger */
        [SLIDER_M] = {"M", "M larger", 1, 100, false},
        /* from one accelerator to a hundred million, 15 minutes to ten years */
        [SLIDER_GPUS] = {"count", "G count ", 1, 1e8, false},
        [SLIDER_DAYS] = {"days", "days    ", 0.01, 3650, false},
        [SLIDER_MFU] = {"MFU", "MFU     ", 0.01, 1, true},
        /*
         * The plane's axes: wide bounds of our own, not a paper's range (a
         * law's fitted range is its preset's fitted_range), test compute from
         * one FLOP a problem; a billion billion problems served at most.
         */
        [SLIDER_TRAIN] = {"train", "train FLOPs ", 1e6, 1e30, false},
        [SLIDER_TEST] = {"test", "test/problem", 1, 1e25, false},
        [SLIDER_PROBLEMS] = {"problems", "problems    ", 1, 1e18, false},
        [SLIDER_TOTAL] = {"total", "total FLOPs ", 1e6, 1e40, false},
        /* Brown et al. 2024 sample up to 10,000 times a problem; 1e6 leaves room */
        [SLIDER_SAMPLES] = {"k", "samples k", 1, 1e6, false},
        [SLIDER_TARGET] = {"target", "target   ", 0.01, 0.99, true},
        [SLIDER_E] = {"E", "E       ", 0.1, 5, true},
        [SLIDER_A] = {"A", "A       ", 1, 1e7, false},
        [SLIDER_B] = {"B", "B       ", 1, 1e7, false},
        [SLIDER_ALPHA] = {"alpha", "alpha   ", 0.02, 1.5, true},
        [SLIDER_BETA] = {"beta", "beta    ", 0.02, 1.5, true},
};

const char *app_slider_name(enum slider s)
{
	return sliders[s].name;
}

void app_slider_title(const struct app *a, enum slider s, char *buf, size_t size)
{
	const struct catalog_entry *e = app_tt_law(a);
	const char *per = e != NULL ? traintest_per(&e->preset.tt) : "problem";
	int w = (int)strlen(sliders[s].label), len = (int)strlen(per);

	/* the label's width keeps the bars aligned: a longer word says the plain thing */
	if (s == SLIDER_TEST)
		snprintf(buf, size, len + 5 <= w ? "test/%-7s" : "test FLOPs  ", per);
	else if (s == SLIDER_PROBLEMS && len + 1 <= w)
		snprintf(buf, size, "%ss%*s", per, w - len - 1, "");
	else if (s == SLIDER_PROBLEMS)
		snprintf(buf, size, "%-*s", w, "served");
	else
		snprintf(buf, size, "%s", sliders[s].label);
}

bool app_slider_linear(enum slider s)
{
	return sliders[s].linear;
}

const struct law *app_law(const struct app *a)
{
	return a->scene.edited ? &a->scene.edit : &a->catalog->laws[a->scene.law].preset.law;
}

int app_sliders(const struct app *a, enum slider *out)
{
	bool shown[SLIDER_COUNT] = {[SLIDER_N] = true, [SLIDER_D] = true, [SLIDER_C] = true};
	int n = 0;

	/* each open view's sliders; a view that replaces shows its own alone */
	for (size_t i = 0; i < app_views_len; i++) {
		const struct app_view *v = &app_views[i];
		if (!app_view_on(a, v->id))
			continue;
		if (v->replaces) {
			memcpy(out, v->sliders, sizeof *out * (size_t)v->nsliders);
			return v->nsliders;
		}
		for (int k = 0; k < v->nsliders; k++)
			shown[v->sliders[k]] = true;
	}
	/* in the order of enum slider, which a view shared by two (T) keeps in one place */
	for (int s = 0; s < SLIDER_COUNT && n < APP_MAX_SLIDERS; s++)
		if (shown[s])
			out[n++] = (enum slider)s;
	return n;
}

enum slider app_slider_by(const struct app *a, int by)
{
	enum slider on[APP_MAX_SLIDERS];
	int n = app_sliders(a, on), i = 0;

	while (i < n && on[i] != a->scene.focus)
		i++;
	return on[((i < n ? i : 0) + by + n) % n]; /* off screen: from the first */
}

double app_value(const struct app *a, enum slider s)
{
	const struct law *law = app_law(a);

	switch (s) {
	case SLIDER_N:
		return a->scene.n;
	case SLIDER_D:
		return a->scene.d;
	case SLIDER_C:
		return law_compute(law, a->scene.n, a->scene.d);
	case SLIDER_T:
		return a->t;
	case SLIDER_U:
		return a->scene.u;
	case SLIDER_M:
		return a->m;
	case SLIDER_GPUS:
		return a->scene.hw.count;
	case SLIDER_DAYS:
		return a->scene.hw.days;
	case SLIDER_MFU:
		return a->scene.hw.mfu;
	case SLIDER_TRAIN:
		return a->scene.tt.train;
	case SLIDER_TEST:
		return a->scene.tt.test;
	case SLIDER_PROBLEMS:
		return a->scene.tt.problems;
	case SLIDER_TOTAL:
		return tt_total(a->scene.tt.train, a->scene.tt.test, a->scene.tt.problems);
	case SLIDER_SAMPLES:
		return a->scene.tt.samples;
	case SLIDER_TARGET:
		return a->scene.tt.target;
	case SLIDER_E:
		return law->E;
	case SLIDER_A:
		return law->A;
	case SLIDER_B:
		return law->B;
	case SLIDER_ALPHA:
		return law->alpha;
	case SLIDER_BETA:
	default:
		return law->beta;
	}
}

void app_range(const struct app *a, enum slider s, double *lo, double *hi)
{
	double k = app_law(a)->k;

	switch (s) {
	case SLIDER_N:
		*lo = a->n_lo;
		*hi = a->n_hi;
		break;
	case SLIDER_D:
	case SLIDER_U:
		*lo = a->d_lo;
		*hi = app_tokens_hi(a);
		break;
	case SLIDER_C:
		*lo = k * a->n_lo * a->d_lo;
		*hi = k * a->n_hi * app_tokens_hi(a);
		break;
	default:
		*lo = sliders[s].lo;
		*hi = sliders[s].hi;
		break;
	}
}

bool app_parse_value(enum slider s, const char *text, double *v, char *why, size_t whysize)
{
	enum units_kind kind =
	        s == SLIDER_C || (s >= SLIDER_TRAIN && s <= SLIDER_TOTAL && s != SLIDER_PROBLEMS)
	                ? UNITS_COMPUTE
	        : s == SLIDER_N || s == SLIDER_D || s == SLIDER_U ? UNITS_COUNT
	        : s == SLIDER_T || s == SLIDER_GPUS || s == SLIDER_PROBLEMS || s == SLIDER_SAMPLES
	                ? UNITS_COUNT
	                : UNITS_PLAIN;
	char number[APP_ENTRY_MAX];
	const char *reason;

	/* MFU as the slider shows it, 40%, or as a share, 0.4 */
	snprintf(number, sizeof number, "%s", text);
	size_t len = strlen(number);
	bool percent = s == SLIDER_MFU && len > 1 && number[len - 1] == '%';
	if (percent)
		number[len - 1] = '\0';
	if (!units_parse(number, kind, v, &reason)) {
		snprintf(why, whysize, "%s: %s: '%s'", app_slider_name(s), reason, text);
		return false;
	}
	if (percent)
		*v /= 100;
	if (s == SLIDER_MFU && *v > 1) {
		snprintf(why, whysize, "MFU: a share of the peak, 0.4 or 40%%, not '%s'", text);
		return false;
	}
	return true;
}

void app_clamp_note(const struct app *a, enum slider s, double v, double lo, double hi,
                    const char *typed, char *note, size_t size)
{
	char got[16];

	/* N, D, C and the plane's four move together: the value taken is the slider's own */
	bool linked = s <= SLIDER_C || (s >= SLIDER_TRAIN && s <= SLIDER_TOTAL);

	note[0] = '\0';
	if (!linked) {
		/*
		 * A slider of its own clamps only at its range; what the hardware
		 * view's follower does after it (whole accelerators) is no clamp.
		 */
		double to = v < lo ? lo : v > hi ? hi : v;
		if (to != v && !(s == SLIDER_T && v < lo))
			snprintf(note, size, "%s = %s is out of reach here: clamped to %.4g",
			         app_slider_name(s), typed, to);
		return;
	}
	double at = app_value(a, s);
	if (!(fabs(at - v) > 1e-9 * v))
		return;
	if (s == SLIDER_N || s == SLIDER_D || s == SLIDER_PROBLEMS)
		units_format_count(at, got, sizeof got);
	else
		units_format_compute(at, got, sizeof got);
	snprintf(note, size, "%s = %s is out of reach here: clamped to %s", app_slider_name(s),
	         typed, got);
}

/* The slider that follows s: the free one, or when s is the lock, D for N and C, N for D. */
static enum slider follower(const struct app *a, enum slider s)
{
	if (s != a->scene.lock) /* N + D + C = 0 + 1 + 2: the third is what the other two leave */
		return (enum slider)(SLIDER_N + SLIDER_D + SLIDER_C - s - a->scene.lock);
	return s == SLIDER_D ? SLIDER_N : SLIDER_D;
}

/*
 * One of log N, log D (`mine`, in [lo, hi]) set to t; when the other
 * (`other`, in [olo, ohi]) follows, their sum z = log10(C / k) holds, which
 * narrows how far `mine` may go.
 */
static void place(double t, double lo, double hi, double olo, double ohi, double z,
                  bool other_follows, double *mine, double *other)
{
	if (other_follows) {
		lo = fmax(lo, z - ohi);
		hi = fmin(hi, z - olo);
	}
	*mine = fmin(fmax(t, lo), hi);
	if (other_follows)
		*other = z - *mine;
}

/*
 * In log10 space the link C = k N D is a sum, log(C/k) = log N + log D, so
 * the ranges of the moved slider and its follower are intervals there.
 */
bool app_linked_point(const struct app *a, enum slider s, double v, double *n, double *d)
{
	enum slider f = follower(a, s);
	double x = log10(a->scene.n), y = log10(a->scene.d), z = x + y; /* z = log10(C / k) */
	double xlo = log10(a->n_lo), xhi = log10(a->n_hi);
	double ylo = log10(a->d_lo), yhi = log10(app_tokens_hi(a));
	double t = log10(v);

	if (!(v > 0) || !isfinite(v))
		return false;
	switch (s) {
	case SLIDER_N: /* D follows (C holds) or C follows (D holds) */
		place(t, xlo, xhi, ylo, yhi, z, f == SLIDER_D, &x, &y);
		break;
	case SLIDER_D:
		place(t, ylo, yhi, xlo, xhi, z, f == SLIDER_N, &y, &x);
		break;
	case SLIDER_C:
	default:
		t -= log10(app_law(a)->k);
		if (f == SLIDER_D) /* N holds, D follows */
			y = fmin(fmax(t, x + ylo), x + yhi) - x;
		else /* D holds, N follows */
			x = fmin(fmax(t, y + xlo), y + xhi) - y;
		break;
	}
	*n = pow(10, x);
	*d = pow(10, y);
	return true;
}

bool app_own_clamp(const struct app *a, enum slider s, double v, double *to)
{
	double lo, hi;

	app_range(a, s, &lo, &hi);
	if (!isfinite(v) || (s != SLIDER_T && !(v > 0)))
		return false;
	v = s == SLIDER_T && v < lo ? 0 : fmin(fmax(v, lo), hi);
	*to = s == SLIDER_GPUS ? fmax(1, round(v)) : v; /* whole accelerators */
	return true;
}

double app_stepped(const struct app *a, enum slider s, double decades)
{
	double v = app_value(a, s), lo, hi;

	app_range(a, s, &lo, &hi);
	if (app_slider_linear(s)) /* 1/20 decade is 1/200 of the range, half a decade 1/20 */
		return v + decades / 10 * (hi - lo);
	if (s == SLIDER_T && v == 0) /* from none, the first step reaches the range */
		return decades > 0 ? lo : 0;
	if (s == SLIDER_GPUS && round(v * pow(10, decades)) == v) /* whole ones: 1, 2, 3 */
		return v + (decades > 0 ? 1 : -1);
	return v * pow(10, decades);
}

bool app_slider_locked(const struct app *a, enum slider s)
{
	/* in the plane the lock is among total, train and test; N, D, C are not shown */
	return app_view_on(a, TOUR_VIEW_TRAINTEST) ? a->scene.tt.lock == s : a->scene.lock == s;
}
