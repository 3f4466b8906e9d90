/*
 * readout.c: the readout under the sliders. Its numbers are fields, each
 * shown whole or not at all: a row too narrow for them drops whole fields
 * in the order of their `drop` (isoflop(1), THE READOUT, lists it), never
 * the end of one, so that "dL =" can no longer end empty. Also the big
 * readout ('b') for projectors, in a three-row digit font drawn into the
 * canvas.
 */
#include <ctype.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../model/compare.h"
#include "../../model/downstream.h"
#include "../../model/hyper.h"
#include "../../model/optimum.h"
#include "../../model/lifecost.h"
#include "../../model/returns.h"
#include "../../model/uncertainty.h"
#include "../../model/units.h"
#include "law_view.h"
#include "readout.h"
#include "domains_view.h"
#include "timeline_view.h"
#include "traintest_view.h"

/*
 * The order fields drop in, the first to go last in this list: what a
 * smaller terminal gives up first is the words, then what the map and the
 * sliders show too, and L and the efficiency last.
 */
enum {
	DROP_NEVER = 0,        /* L */
	DROP_EXTRAPOLATED = 1, /* beside the bootstrap's intervals, the note that the point lies
	                          past the fitted range: kept past every number but L: intervals
	                          that look tight past the runs mislead without it (80x24,
	                          --runs --bootstrap, C = 1e24) */
	DROP_DOWNSTREAM_OUT =
	        2,           /* the downstream error, extrapolated past its map's fitted losses */
	DROP_COST = 2,       /* hardware view: GPU-hours, dollars, MWh: the view's own numbers */
	DROP_EFFICIENCY = 3, /* inference view: this model's extra FLOPs */
	DROP_GAP = 4,        /* dL; inference view: the aware model's saving; C view: next 10x */
	DROP_COMPUTE = 5,    /* C; inference view: the lifetime FLOPs */
	DROP_OPT_N = 6,      /* N*; inference view: the Chinchilla model */
	DROP_OPT_D = 7,      /* D*; inference view: the aware model; data view: stock epochs */
	DROP_RATIO = 8,      /* D/N */
	DROP_MOE = 9,        /* a mixture of experts' active and total parameters */
	DROP_VIEW = 10,      /* epochs (data view), GPU-hours (hardware view) */
	DROP_COMPARE = 11,   /* compare view: the compute multiplier, the view's own number */
	DROP_OPT_L = 12,     /* L* */
	DROP_NOTE = 13,   /* breakdown, the paper's own allocation, the bootstrap's caution; in the
	                     compare view dL and the efficiency too (added first, kept longer) */
	DROP_FITTED = 14, /* the note's fitted value "(126B)" when the bootstrap's caution
	                     shares its row; L*'s interval (added first, kept longer) */
	DROP_ALSO = 15,   /* C in PF-days, the published compute; dL and the efficiency
	                     where the compare line or the bootstrap's intervals need rows */
	DROP_LABEL = 16,  /* "at this C:", "same L, lifetime FLOPs:" */
	DROP_WORDS = 17,  /* what the efficiency means */
	DROP_BEYOND = 18, /* the second axis past the fit, when N and D both are */
};

/* What the fields are made of. */
struct readout_state {
	const struct app *a;
	const struct law *law;
	const struct preset *model;     /* the model the point is on, or NULL */
	double cflops;                  /* C at the point */
	double loss;                    /* L at the point, when surface */
	bool surface;                   /* the law has a loss at the point */
	bool moe;                       /* the point is a mixture of experts' */
	bool derived;                   /* the optimum is isoflop's derivation (Kaplan's Eq. 1.5) */
	bool spread;                    /* line 2 gives the bootstrap's 10-90% intervals */
	const struct timeline_view *tv; /* the timeline view's derivation, or NULL */
	int gap_drop; /* dL's and the efficiency's: later than the notes where a view needs rows */
	struct readout_field *f;
	int n;
};

static void add(struct readout_state *s, const char *sep, int drop, enum readout_break brk,
                enum readout_glue glue, const char *fmt, ...) __attribute__((format(printf, 6, 7)));

/* Append a field; past READOUT_MAX_FIELDS it is left out. */
static void add(struct readout_state *s, const char *sep, int drop, enum readout_break brk,
                enum readout_glue glue, const char *fmt, ...)
{
	va_list ap;

	if (s->n >= READOUT_MAX_FIELDS)
		return;
	struct readout_field *f = &s->f[s->n++];
	va_start(ap, fmt);
	vsnprintf(f->text, sizeof f->text, fmt, ap);
	va_end(ap);
	f->sep = sep;
	f->drop = drop;
	f->brk = brk;
	f->glue = glue;
}

/*
 * A loss for the readout: 4 decimals (dL = +0.0000 at the optimum) while
 * that fits UNITS_FIXED_MAX, an exponent form past it: a law with A = 1e18
 * and alpha = 0.01 passes the loader's bounds and has losses of 1e17.
 * signed adds '+'.
 */
static const char *loss_text(double v, bool sign, char *buf, size_t size)
{
	char num[UNITS_FIXED_MAX + 8];

	if (fabs(v) < 5e-5)
		v = 0; /* a gap that rounds to nothing is +0.0000, not -0.0000 */
	if (fabs(v) < 1e5)
		snprintf(num, sizeof num, "%.4f", v);
	else
		units_format_fixed(v, 4, num, sizeof num); /* and "-" for inf or nan */
	snprintf(buf, size, "%s%s", sign && v >= 0 ? "+" : "", num);
	return buf;
}

/*
 * Whether a model's published training compute differs, as the readout
 * prints it, from the 6ND (cb, already formatted) the map places it at; the
 * published figure then goes into rb. Gopher: 6ND is 5.04e23, Hoffmann et
 * al. count 5.76e23 (Table 3, App. F).
 */
static bool reported_differs(const struct preset *model, const char *cb, char *rb, size_t size)
{
	if (model == NULL || model->compute <= 0)
		return false;
	units_format_compute(model->compute, rb, size);
	return strcmp(rb, cb) != 0;
}

/*
 * A power law's losses at the point, labelled as the law's (its paper's
 * fits, e.g. Henighan et al. 2020 Table 1): L(N) at the point's N where it
 * fits L(N), L(C) at its C where it fits L(C), in the law's units.
 */
static void fields_power_losses(struct readout_state *s)
{
	const struct preset *lp = &s->a->catalog->laws[s->a->scene.law].preset;
	double ln, lc;
	char lb[32], ub[40];
	bool has_n = law_view_fits_params(s->law) &&
	             law_single_loss(&s->law->by_params, s->a->scene.n, &ln) == MODEL_OK;
	bool has_c = law_view_fits_compute(s->law) &&
	             law_single_loss(&s->law->by_compute, s->cflops, &lc) == MODEL_OK;

	law_view_units(lp, ub, sizeof ub);
	/* the label outlasts the published compute: these are the paper's numbers, not ours */
	add(s, "", DROP_NOTE, READOUT_LINE, READOUT_WITH_NEXT, "law's");
	if (has_n)
		add(s, " ", DROP_NEVER, READOUT_FLOW, READOUT_ALONE, "L(N) = %s%s",
		    loss_text(ln, false, lb, sizeof lb), ub);
	if (has_c)
		add(s, has_n ? "  " : " ", has_n ? DROP_GAP : DROP_NEVER, READOUT_FLOW,
		    READOUT_ALONE, "L(C) = %s%s", loss_text(lc, false, lb, sizeof lb), ub);
}

/* Line 1: the loss, the compute and D/N at the point; a mixture of experts' sizes. */
static void fields_point(struct readout_state *s)
{
	const struct app *a = s->a;
	char cb[16], pb[16], lb[32], rb[16];

	units_format_compute(s->cflops, cb, sizeof cb);
	units_format_compute(s->cflops / LAW_PF_DAY, pb, sizeof pb);
	if (s->law->family == LAW_POWER)
		fields_power_losses(s);
	else if (s->surface)
		/* no law is fitted to mixtures of experts: a dense model's loss, said so */
		add(s, "", DROP_NEVER, READOUT_LINE, READOUT_ALONE, "L = %s%s",
		    loss_text(s->loss, false, lb, sizeof lb), s->moe ? " dense-equivalent" : "");
	else
		add(s, "", DROP_NEVER, READOUT_LINE, READOUT_ALONE, "no loss surface");
	add(s, "   ", DROP_COMPUTE, READOUT_FLOW, READOUT_ALONE, "C = %s FLOPs", cb);
	if (reported_differs(s->model, cb, rb, sizeof rb))
		add(s, " ", DROP_ALSO, READOUT_FLOW, READOUT_WITH_PREV, "(6ND; reported %s)", rb);
	else if (!s->moe)
		add(s, " ", DROP_ALSO, READOUT_FLOW, READOUT_WITH_PREV, "= %s PF-days", pb);
	if (s->moe) {
		char tb[16], nb[16];
		units_format_count(s->model->params, tb, sizeof tb);
		units_format_count(a->scene.n, nb, sizeof nb);
		add(s, "   ", DROP_MOE, READOUT_FLOW, READOUT_ALONE, "MoE: %s of %s", nb, tb);
	} else {
		add(s, "   ", DROP_RATIO, READOUT_FLOW, READOUT_ALONE, "D/N = %.1f",
		    a->scene.d / a->scene.n);
	}
}

/*
 * The hardware view's plan: GPU-hours, and beside them its dollars and MWh,
 * each "unknown" when the accelerator has no price or power (never $0).
 */
static void fields_cost(struct readout_state *s, const struct hw_plan *hw)
{
	char hb[16], ub[16], mb[16];
	double usd, mwh;
	/* a price or power given (--price, a step's price) is named, the preset's is not */
	const struct app_cost_given *g = &s->a->scene.given;
	bool own = g->accel == s->a->accel;
	/* the hardware view's own numbers, kept as long as the note that the point is past
	   the fit; beside the inference view's lifetime dollars they are the lesser ones */
	int level = app_view_on(s->a, TOUR_VIEW_INFERENCE) ? DROP_VIEW : DROP_COST;

	units_format_count(hw_gpu_hours(hw), hb, sizeof hb);
	add(s, "   ", level, READOUT_FLOW, READOUT_ALONE, "%s GPU-hours", hb);
	if (hw_plan_dollars(hw, &usd) == MODEL_OK) {
		units_format_count(usd, ub, sizeof ub);
		if (own && g->price > 0) /* one field: a cost without its price would mislead */
			add(s, "  ", level, READOUT_FLOW, READOUT_ALONE, "$%s at given $%.3g/h", ub,
			    hw->price);
		else
			add(s, "  ", level, READOUT_FLOW, READOUT_ALONE, "$%s", ub);
	} else {
		add(s, "  ", level, READOUT_FLOW, READOUT_ALONE, "$ unknown");
	}
	if (hw_plan_energy(hw, &mwh) == MODEL_OK) {
		units_format_count(mwh, mb, sizeof mb);
		if (own && g->watts > 0)
			add(s, "  ", level, READOUT_FLOW, READOUT_ALONE, "%s MWh at given %.3g W",
			    mb, hw->watts);
		else
			add(s, "  ", level, READOUT_FLOW, READOUT_ALONE, "%s MWh", mb);
	} else {
		add(s, "  ", level, READOUT_FLOW, READOUT_ALONE, "MWh unknown");
	}
}

/* What the data and hardware views add to line 1. */
static void fields_views(struct readout_state *s)
{
	const struct app *a = s->a;

	if (app_view_on(a, TOUR_VIEW_DATA) && a->scene.u > 0)
		add(s, "   ", DROP_VIEW, READOUT_FLOW, READOUT_ALONE,
		    a->scene.d < 1000 * a->scene.u ? "epochs %.3g" : "epochs %.0f",
		    a->scene.d / a->scene.u);
	/*
	 * the stock's interval gives the epochs' interval: its high end the
	 * fewest. The share of all public text is the data view's point, so it
	 * stays longer than D/N and the epochs of U.
	 */
	if (app_view_on(a, TOUR_VIEW_DATA) && a->stock.stock > 0)
		add(s, "   ", DROP_OPT_D, READOUT_FLOW, READOUT_ALONE,
		    "stock epochs %.2g (%.2g-%.2g)", a->scene.d / a->stock.stock,
		    a->scene.d / a->stock.stock_high, a->scene.d / a->stock.stock_low);
	if (app_view_on(a, TOUR_VIEW_HARDWARE))
		fields_cost(s, &a->scene.hw);
}

/*
 * The compute view's returns: what the next 10x of compute buys along the
 * frontier at this C, and its share of the reducible loss left ("returns
 * flatten" as a number). Kaplan's law has no E: its share is of the loss.
 */
static void fields_returns(struct readout_state *s)
{
	struct returns r;
	char gb[32];

	if (returns_at_compute(s->law, s->cflops, s->a->scene.u, &r) != MODEL_OK ||
	    !isfinite(r.share))
		return;
	add(s, "  ", DROP_GAP, READOUT_FLOW, READOUT_ALONE, "next 10x: dL %s (%.0f%% of %s)",
	    loss_text(r.gain, false, gb, sizeof gb), 100 * r.share,
	    r.floor > 0 ? "reducible" : "the loss");
}

/*
 * The timeline view's lines: the data wall's compute (derived), its year and
 * interval at the cited trend, then the year that trend brings the frontier
 * to this C. The words go first, the year last. Where the law gives no wall,
 * a line says so, and no number stands in for it.
 */
static void fields_timeline(struct readout_state *s, const struct timeline_view *v)
{
	char cb[16], y0[16], y1[16], y2[16];

	if (v->t.has_wall) {
		const struct timeline_wall *w = &v->t.wall_trend;
		units_format_compute(w->compute, cb, sizeof cb);
		add(s, "", DROP_OPT_N, READOUT_LINE, READOUT_ALONE, "data wall C=%s", cb);
		add(s, " ", DROP_LABEL, READOUT_FLOW, READOUT_WITH_PREV, "(derived)");
		add(s, ", ", DROP_GAP, READOUT_FLOW, READOUT_ALONE, "year %s",
		    units_format_year(w->year, y0, sizeof y0));
		add(s, " ", DROP_OPT_L, READOUT_FLOW, READOUT_WITH_PREV, "[%s-%s]",
		    units_format_year(w->year_early, y1, sizeof y1),
		    units_format_year(w->year_late, y2, sizeof y2));
		add(s, " ", DROP_WORDS, READOUT_FLOW, READOUT_WITH_PREV, "at %s's %.2gx/yr (cited)",
		    timeline_trend_name(v->trend), v->trend->growth);
	} else if (v->trend == NULL || !(s->a->stock.stock > 0)) {
		add(s, "", DROP_OPT_N, READOUT_LINE, READOUT_ALONE,
		    "no data wall: no %s preset loaded", v->trend == NULL ? "trend" : "stock");
	} else {
		add(s, "", DROP_OPT_N, READOUT_LINE, READOUT_ALONE,
		    "no data wall under this law: no compute-optimal run trains on the stock");
	}
	if (v->trend != NULL && isfinite(v->point_year))
		add(s, "", DROP_NOTE, READOUT_LINE, READOUT_ALONE,
		    "this C is the frontier's in %.1f on %s's trend", v->point_year,
		    timeline_trend_name(v->trend));
}

/*
 * The domains view's lines: the current law's domain and L(C), the
 * reducible loss at the point's C, and the allocation exponents it gives;
 * a law with no L(C) says so and shows what exponents it has.
 */
static void fields_domains(struct readout_state *s)
{
	struct domains_readout r;

	domains_view_readout(s->a, s->cflops, &r);
	add(s, "", DROP_NEVER, READOUT_LINE, READOUT_ALONE, "%s", r.law);
	if (r.at[0])
		add(s, "", DROP_OPT_L, READOUT_LINE, READOUT_ALONE, "%s", r.at);
	if (r.opt[0])
		add(s, r.at[0] ? "   " : ": ", DROP_OPT_N, READOUT_FLOW, READOUT_ALONE, "%s",
		    r.opt);
}

/* The timeline's lines from the derivation given, or from one made here. */
static void fields_timeline_of(struct readout_state *s)
{
	struct timeline_view v;

	if (s->tv != NULL) {
		fields_timeline(s, s->tv);
		return;
	}
	timeline_view_derive(s->a, &v);
	fields_timeline(s, &v);
	timeline_view_free(&v);
}

/*
 * A count and its interval, " 9.02B (8.62-9.51B)": the unit once when both
 * ends share it. Without an interval (p10 not finite), the count alone.
 */
static void count_with_spread(double v, const struct fit_spread *sp, char *buf, size_t size)
{
	char vb[16], lo[16], hi[16];
	size_t ll, lh;

	units_format_count(v, vb, sizeof vb);
	if (sp == NULL || !isfinite(sp->p10) || !isfinite(sp->p90)) {
		snprintf(buf, size, "%s", vb);
		return;
	}
	units_format_count(sp->p10, lo, sizeof lo);
	units_format_count(sp->p90, hi, sizeof hi);
	ll = strlen(lo);
	lh = strlen(hi);
	/* "8.62B-9.51B" reads as "8.62-9.51B" */
	if (ll > 1 && lh > 1 && lo[ll - 1] == hi[lh - 1] && !isdigit((unsigned char)lo[ll - 1]))
		lo[ll - 1] = '\0';
	snprintf(buf, size, "%s (%s-%s)", vb, lo, hi);
}

/*
 * The optimum's intervals at this C across the bootstrap laws (--runs with
 * --bootstrap), when the explorer shows the fit they resample; false otherwise.
 */
static bool optimum_spreads(const struct readout_state *s, struct fit_spread sp[3])
{
	int n;
	const struct law *draws = app_draws(s->a, &n);

	if (draws == NULL)
		return false;
	optimum_spread(draws, n, s->cflops, &sp[0], &sp[1], &sp[2]);
	return isfinite(sp[0].p10);
}

/* Line 2: the optimum at this C, labelled. */
static void fields_optimum(struct readout_state *s)
{
	struct allocation opt;
	struct fit_spread sp[3];
	char nb[40], db[40], lsb[32], dlb[32];

	if (optimum_at_compute(s->law, s->cflops, s->a->scene.u, &opt) != MODEL_OK) {
		char what[64];
		if (law_view_exponent_only(s->law, what, sizeof what))
			add(s, "", DROP_OPT_N, READOUT_LINE, READOUT_ALONE,
			    "%s: exponents only, no optimum at this C", what);
		else if (s->law->family == LAW_POWER)
			add(s, "", DROP_OPT_N, READOUT_LINE, READOUT_ALONE,
			    "the law fits no N_opt(C): no optimum at this C");
		else
			add(s, "", DROP_OPT_N, READOUT_LINE, READOUT_ALONE, "no optimum at this C");
		return;
	}
	bool spread = s->spread = optimum_spreads(s, sp);
	/* the intervals or the compare line take a row: dL and the efficiency give
	 * it up rather than the extrapolation note (narrow intervals past the runs
	 * without a word would mislead) or the view's multiplier */
	if (spread)
		s->gap_drop = DROP_ALSO;
	else if (s->a->compare >= 0) /* a tie with the notes, added later: they go first */
		s->gap_drop = DROP_NOTE;
	count_with_spread(opt.params, spread ? &sp[0] : NULL, nb, sizeof nb);
	count_with_spread(opt.tokens, spread ? &sp[1] : NULL, db, sizeof db);
	bool loss = s->surface && opt.has_loss;
	add(s, "   ", s->law->family == LAW_POWER ? DROP_NOTE : DROP_LABEL, READOUT_LINE,
	    READOUT_WITH_NEXT, "%s",
	    s->law->family == LAW_POWER ? "law's N_opt(C):"
	    : !loss                     ? "frontier at this C:"
	    : s->derived                ? "Eq. 1.5:"
	    : spread                    ? "at this C,"
	                                : "at this C:");
	/* the intervals' label stays as long as N*'s interval does: "at this C" goes first */
	if (spread && loss && !s->derived && s->law->family != LAW_POWER)
		add(s, " ", DROP_OPT_N, READOUT_LINE, READOUT_WITH_NEXT, "10-90%%:");
	add(s, " ", DROP_OPT_N, READOUT_LINE, READOUT_ALONE, "N* = %s", nb);
	/* a power law's paper fits N_opt alone: its D is C/(kN), isoflop's */
	if (s->law->family == LAW_POWER)
		add(s, "  ", DROP_OPT_D, READOUT_FLOW, READOUT_ALONE, "D = C/%gN = %s (derived)",
		    s->law->k, db);
	else
		add(s, "  ", DROP_OPT_D, READOUT_FLOW, READOUT_ALONE, "D* = %s", db);
	if (!loss)
		return;
	add(s, "  ", DROP_OPT_L, READOUT_FLOW, READOUT_ALONE, "L* = %s",
	    loss_text(opt.loss, false, lsb, sizeof lsb));
	/* L*'s interval beside it, a row of their own while there is one; short of
	 * rows (80x24 past the runs, where D*'s interval is wider) it goes first,
	 * L* keeping the optimum's row and the extrapolation note its own; in the
	 * compare view, whose line marks "extrapolated", it stays as long as L* */
	if (spread)
		add(s, " ", s->a->compare >= 0 ? DROP_OPT_L : DROP_FITTED, READOUT_FLOW,
		    READOUT_BESIDE_PREV, "(%.3f-%.3f)", sp[2].p10, sp[2].p90);
	add(s, "  ", s->gap_drop ? s->gap_drop : DROP_GAP, READOUT_FLOW, READOUT_ALONE, "dL = %s",
	    loss_text(s->loss - opt.loss, true, dlb, sizeof dlb));
	if (app_view_on(s->a, TOUR_VIEW_COMPUTE))
		fields_returns(s);
}

/*
 * With --downstream: the average top-1 error the map derives from the
 * point's loss. Labelled derived (the map holds for its own eval loss, not
 * necessarily this law's), and extrapolated outside the losses it was fitted on.
 */
static void fields_downstream(struct readout_state *s)
{
	const struct preset *map = s->a->downstream;

	if (map == NULL || !s->surface)
		return;
	bool gadre = strcmp(map->id, "gadre2024") == 0;
	bool outside = downstream_outside(&map->ds, s->loss);
	add(s, "   ", outside ? DROP_DOWNSTREAM_OUT : DROP_NOTE, READOUT_LINE, READOUT_ALONE,
	    "top-1 error %.2f (%s, derived%s)", downstream_error(&map->ds, s->loss),
	    gadre ? "Gadre et al. 2024" : map->id, outside ? ", extrapolated" : "");
}

/* Line 3: the compute efficiency and what it means, while it fits. */
static void fields_efficiency(struct readout_state *s)
{
	const struct app *a = s->a;
	struct allocation same;
	double eff;
	char ob[16];

	if (!s->surface ||
	    optimum_efficiency(s->law, a->scene.n, a->scene.d, a->scene.u, &eff, &same) != MODEL_OK)
		return;
	units_format_compute(same.compute, ob, sizeof ob);
	add(s, "   ", s->gap_drop ? s->gap_drop : DROP_EFFICIENCY, READOUT_SOFT, READOUT_ALONE,
	    "%sefficiency %.1f%%", s->moe ? "dense-eq. " : "", 100 * eff);
	if (s->derived)
		add(s, " ", DROP_WORDS, READOUT_FLOW, READOUT_WITH_PREV,
		    "against Eq. 1.5's optimum, which needs %s", ob);
	else
		add(s, ": ", DROP_WORDS, READOUT_FLOW, READOUT_WITH_PREV,
		    "an optimal%s run reaches this loss with %s", s->moe ? " dense" : "", ob);
}

/* What outside the fitted range of each axis is called, and how far the point is. */
struct beyond_axis {
	double factor; /* point / largest fitted value, or smallest / point; 0 inside */
	double end;    /* the fitted end the point is past */
	const char
	        *words; /* "beyond the largest fitted model", "below the smallest fitted model" */
	bool compute;   /* end is FLOPs (else a count) */
};

/*
 * One axis's extrapolation, "x8.08 beyond the largest fitted model" or
 * "x19.7 below the smallest fitted model", and its value "(126B)".
 */
static void beyond_text(const struct beyond_axis *ax, char *buf, size_t size, char *hb,
                        size_t hsize)
{
	char fb[16];

	units_format_factor(ax->factor, fb, sizeof fb);
	if (ax->compute)
		units_format_compute(ax->end, hb, hsize);
	else
		units_format_count(ax->end, hb, hsize);
	snprintf(buf, size, "x%s %s", fb, ax->words);
}

/*
 * How far the point lies outside the law's fitted N, D or compute
 * (law_beyond_fit), above or below: the larger factor first; when both N and D are past,
 * the other follows while the row has room. With the bootstrap's
 * intervals on line 2 the note adds that they (and the map's '^' band)
 * are the runs' scatter alone: past the runs the error of the law's form
 * dominates, which no resample of the same runs shows. At 80 columns the
 * fitted value "(126B)" gives way to it.
 */
static void fields_beyond(struct readout_state *s)
{
	const struct law *law = s->law;
	struct law_beyond b = law_beyond_fit(law, s->a->scene.n, s->a->scene.d, s->cflops);
	struct beyond_axis ax[3] = {
	        b.params_below ? (struct beyond_axis){b.params, law->params.lo,
	                                              "below the smallest fitted model", false}
	                       : (struct beyond_axis){b.params, law->params.hi,
	                                              "beyond the largest fitted model", false},
	        b.tokens_below ? (struct beyond_axis){b.tokens, law->tokens.lo,
	                                              "below the fewest tokens fitted", false}
	                       : (struct beyond_axis){b.tokens, law->tokens.hi,
	                                              "beyond the most tokens fitted", false},
	        b.compute_below ? (struct beyond_axis){b.compute, law->compute.lo,
	                                               "below the smallest fitted compute", true}
	                        : (struct beyond_axis){b.compute, law->compute.hi,
	                                               "beyond the largest fitted compute", true},
	};
	char tb[80], hb[16];
	int first = -1, other = -1;
	/*
	 * Beside the bootstrap's intervals the note is kept past every number but L: intervals
	 * that look tight past the runs mislead without it. Elsewhere it drops with the notes, as
	 * the numbers a tour's caption cites come first; in the compare view its line marks
	 * "extrapolated" itself, and is the view's number.
	 */
	int drop = s->spread && s->a->compare < 0 ? DROP_EXTRAPOLATED : DROP_NOTE;

	for (int i = 0; i < 3; i++)
		if (ax[i].factor > 0 && (first < 0 || ax[i].factor > ax[first].factor))
			first = i;
	for (int i = 0; i < 3; i++)
		if (ax[i].factor > 0 && i != first)
			other = i;
	if (first < 0)
		return;
	beyond_text(&ax[first], tb, sizeof tb, hb, sizeof hb);
	if (s->spread) {
		add(s, "   ", drop, READOUT_LINE, READOUT_ALONE, "extrapolating %s", tb);
		/* after dL and the efficiency, before the note and its caution */
		add(s, " ", DROP_FITTED, READOUT_FLOW, READOUT_WITH_PREV, "(%s)", hb);
	} else {
		add(s, "   ", drop, READOUT_LINE, READOUT_ALONE, "extrapolating %s (%s)", tb, hb);
	}
	if (other >= 0) {
		beyond_text(&ax[other], tb, sizeof tb, hb, sizeof hb);
		add(s, ", ", DROP_BEYOND, READOUT_FLOW, READOUT_ALONE, "and %s (%s)", tb, hb);
	}
	if (s->spread)
		add(s, "; ", DROP_NOTE, READOUT_FLOW, READOUT_ALONE, "%s", READOUT_SCATTER_ONLY);
}

/*
 * A law fitted on under two decades of N (law_range_narrow, the rule
 * isoflop fit warns by): its exponents are poorly determined wherever the
 * point is. Said once: not while the status line says it (app_say_lacks,
 * on opening the law; the next key clears it and the readout takes over).
 */
static void fields_narrow(struct readout_state *s)
{
	const struct law_range *r = &s->law->params;
	char lo[16], hi[16];

	if (!law_range_narrow(r) || strstr(s->a->status, APP_NARROW_WORDS) != NULL)
		return;
	units_format_count(r->lo, lo, sizeof lo);
	units_format_count(r->hi, hi, sizeof hi);
	add(s, "   ", DROP_NOTE, READOUT_LINE, READOUT_ALONE,
	    APP_NARROW_WORDS " (%s to %s): exponents poorly determined", lo, hi);
}

/*
 * Beyond the law's fitted range the numbers are extrapolation: how far, or
 * where the paper says the law itself fails. Where the law's paper
 * published its own allocation (Kaplan's Table 6, drawn 'o') it comes
 * first: the '*' of line 2 is isoflop's.
 */
static void fields_notes(struct readout_state *s)
{
	const struct app *a = s->a;
	const struct preset *lp = &a->catalog->laws[a->scene.law].preset;
	const struct catalog_entry *paper = lp->paper_frontier[0] && !a->scene.edited
	                                            ? catalog_law(a->catalog, lp->paper_frontier)
	                                            : NULL;
	bool breaks = s->surface && s->law->breakdown_loss > 0 && s->loss < s->law->breakdown_loss;
	struct allocation popt;
	char ob[16], pd[16];

	if (paper != NULL &&
	    optimum_at_compute(&paper->preset.law, s->cflops, 0, &popt) == MODEL_OK) {
		units_format_count(popt.params, ob, sizeof ob);
		units_format_count(popt.tokens, pd, sizeof pd);
		add(s, "   ", DROP_NOTE, READOUT_LINE, READOUT_ALONE,
		    "paper's own (o): N* = %s  D* = %s", ob, pd);
		if (breaks)
			add(s, "   ", DROP_NOTE, READOUT_FLOW, READOUT_ALONE,
			    "L < %g (~): the law breaks down", s->law->breakdown_loss);
	} else if (breaks) {
		/* worse than extrapolation: where the paper says the law itself fails */
		add(s, "   ", DROP_NOTE, READOUT_LINE, READOUT_ALONE,
		    "L < %g (~): past where the paper says this law breaks down",
		    s->law->breakdown_loss);
	} else {
		fields_beyond(s);
	}
	fields_narrow(s);
}

/* A learning rate as papers print it, two digits and a short exponent: 4.2e-4. */
static void lr_text(double lr, char *buf, size_t size)
{
	int e = (int)floor(log10(lr));
	double m = lr / pow(10, e);

	if (m >= 9.95) { /* rounds up to the next decade */
		m /= 10;
		e++;
	}
	snprintf(buf, size, "%.2ge%d", m, e);
}

/*
 * The near-optimal peak learning rate and batch at the point's C, where the
 * law carries a scaling law of hyperparameters (DeepSeek LLM Eq. 1), and
 * whether C lies outside the budgets it was fitted on.
 */
static void fields_hyper(struct readout_state *s)
{
	const struct hyper_law *h = &s->a->catalog->laws[s->a->scene.law].preset.hyper;
	struct hyper_point hp;
	char lb[16], bb[16], edge[16], where[48];

	if (hyper_at_compute(h, s->cflops, &hp) != MODEL_OK)
		return;
	lr_text(hp.lr, lb, sizeof lb);
	units_format_count(hp.batch, bb, sizeof bb);
	/* short, to share the optimum's row: the fitted budgets are in the man page */
	snprintf(where, sizeof where, "%s", h->label);
	if (hp.extrapolated) {
		bool past = s->cflops > h->compute.hi;
		units_format_compute(past ? h->compute.hi : h->compute.lo, edge, sizeof edge);
		snprintf(where, sizeof where, "extrapolated %s %s", past ? "past" : "below", edge);
	}
	add(s, "   ", DROP_NOTE, READOUT_FLOW, READOUT_ALONE, "lr %s  batch %s tokens (%s)", lb, bb,
	    where);
}

/* A compute multiplier as the compare line writes it: 0.985, 12.3, or 2.5e4 past the usual. */
static void format_multiplier(double k, char *buf, size_t size)
{
	if (k >= 1e-3 && k < 1e4)
		snprintf(buf, size, "%.3g", k);
	else
		units_format_compute(k, buf, size);
}

/*
 * k's 10-90% interval across the bootstrap laws of the runs' fit, each in
 * place of the law that is the runs' (A through app_draws, unedited; or B,
 * the compared law); false without draws or when under two reach L*.
 */
static bool compare_interval(const struct readout_state *s, const struct law *b,
                             struct fit_interval *iv)
{
	const struct app *a = s->a;
	int n = 0;
	const struct law *draws_a = app_draws(a, &n);
	bool b_runs = a->draws != NULL && a->compare >= 0 && (size_t)a->compare == a->draws_law;
	const struct law *draws = draws_a != NULL ? draws_a : b_runs ? a->draws : NULL;

	if (draws == NULL)
		return false;
	n = a->ndraws;
	double *k = malloc(sizeof *k * (size_t)n);
	size_t m = 0;
	if (k == NULL)
		return false;
	for (int i = 0; i < n; i++) {
		const struct law *la = draws_a != NULL ? &draws[i] : s->law;
		const struct law *lb = b_runs ? &draws[i] : b;
		if (compute_multiplier(la, lb, s->cflops, &k[m]) == MODEL_OK)
			m++;
	}
	if (m >= 2)
		*iv = fit_interval_of(k, m);
	free(k);
	return m >= 2;
}

/*
 * The compare view ('c'): how many times this C the compared law's own
 * optimum needs to reach the L* line 2 shows (model/compare.h), derived,
 * with its 10-90% interval when one of the two is the runs' fit and
 * --bootstrap refitted it; or why it has none. Nothing when this law has
 * no L* itself. It is the compare view's own number: when rows run short
 * it stays and the efficiency and dL go.
 */
#define LINE_COMPARE "%s needs %sx%s%s the compute for L* at this C (derived%s)"

/*
 * The same in fewer words, for when the interval and ", extrapolated" do
 * not both fit the line above at 80 columns (past the runs' fit with
 * --bootstrap): "hoffmann2022 needs 0.11x (0.102-0.118x) this C for L*
 * (derived, extrapolated)" keeps both, 77 columns.
 */
#define LINE_COMPARE_SHORT "%s needs %sx%s%s this C for L* (derived%s)"

/* The width the compare line must fit in one piece: the 80x24 terminal's. */
#define COMPARE_LINE_COLS 80

/* Whether the compare line in wording fmt with this interval and mark fits COMPARE_LINE_COLS. */
static bool compare_fits(const char *fmt, const char *id, const char *kb, const char *range,
                         const char *past)
{
	return snprintf(NULL, 0, fmt, id, kb, range[0] ? " " : "", range, past) <=
	       COMPARE_LINE_COLS;
}

/*
 * k's line: the interval beside k and ", extrapolated" in the brackets,
 * in the long wording when both fit, else in the short one; when neither
 * holds both (a long id) the interval follows the line, and when even the
 * mark does not fit it follows too, as its own word.
 */
static void add_compare_line(struct readout_state *s, const char *id, const char *kb,
                             const char *range, const char *past)
{
	if (range[0] && past[0] && !compare_fits(LINE_COMPARE, id, kb, range, past) &&
	    compare_fits(LINE_COMPARE_SHORT, id, kb, range, past)) {
		add(s, "   ", DROP_COMPARE, READOUT_LINE, READOUT_ALONE, LINE_COMPARE_SHORT, id, kb,
		    " ", range, past);
		return;
	}
	bool inside = range[0] && compare_fits(LINE_COMPARE, id, kb, range, past);
	bool marked = past[0] && compare_fits(LINE_COMPARE, id, kb, inside ? range : "", past);

	add(s, "   ", DROP_COMPARE, READOUT_LINE, READOUT_ALONE, LINE_COMPARE, id, kb,
	    inside ? " " : "", inside ? range : "", marked ? past : "");
	if (range[0] && !inside)
		add(s, " ", DROP_COMPARE, READOUT_FLOW, READOUT_WITH_PREV, "%s", range);
	if (past[0] && !marked)
		add(s, " ", DROP_COMPARE, READOUT_FLOW, READOUT_WITH_PREV, "(extrapolated)");
}

static void fields_compare(struct readout_state *s)
{
	const struct preset *b = &s->a->catalog->laws[s->a->compare].preset;
	struct compare_point p;
	char kb[16], lo[16], hi[16], range[48] = "";
	struct fit_interval iv;
	enum model_status st = compare_at(s->law, &b->law, s->cflops, &p);
	const char *lacks = compare_lacks(compare_status(&b->law));

	switch (st) {
	case MODEL_OK: {
		/* either optimum past its law's fit: said on the line itself */
		const char *past = compare_extrapolated(&p) ? ", extrapolated" : "";
		format_multiplier(p.k, kb, sizeof kb);
		if (compare_interval(s, &b->law, &iv)) {
			format_multiplier(iv.p10, lo, sizeof lo);
			format_multiplier(iv.p90, hi, sizeof hi);
			snprintf(range, sizeof range, "(%s-%sx)", lo, hi); /* 10-90%, as N*'s */
		}
		add_compare_line(s, b->id, kb, range, past);
		break;
	}
	case MODEL_ENOSURFACE:
	case MODEL_ENOFIT: /* said only of B (compare_status): line 2 says what this law lacks */
		if (lacks != NULL)
			add(s, "   ", DROP_COMPARE, READOUT_LINE, READOUT_ALONE,
			    "%s has %s: no compute multiplier", b->id, lacks);
		break;
	default:
		add(s, "   ", DROP_COMPARE, READOUT_LINE, READOUT_ALONE,
		    "%s never reaches L* at this C (its floor: %.4f)", b->id,
		    compare_floor(&b->law));
	}
}

/*
 * The inference view's readout (Sardana et al. 2023): what this model costs
 * over its life, and what the Chinchilla-optimal and the inference-aware
 * models of the same loss cost, k N D + 2 N T each. False when no optimum
 * reaches the loss.
 */
static bool fields_inference(struct readout_state *s)
{
	const struct app *a = s->a;
	struct inference_plan plan;
	double train = law_compute(s->law, a->scene.n, a->scene.d), infer = 2 * a->scene.n * a->t;
	char tb[16], ib[16], sb[16], cb[16], ab[16], nb[16], db[16], cn[16], lb[32];

	units_format_compute(train, tb, sizeof tb);
	units_format_compute(infer, ib, sizeof ib);
	units_format_compute(train + infer, sb, sizeof sb);
	add(s, "", DROP_NEVER, READOUT_LINE, READOUT_ALONE, "L = %s",
	    loss_text(s->loss, false, lb, sizeof lb));
	add(s, "   ", DROP_COMPUTE, READOUT_FLOW, READOUT_ALONE,
	    "train %s + inference %s = %s FLOPs", tb, ib, sb);
	if (optimum_inference(s->law, s->loss, a->scene.u, a->t, &plan) != MODEL_OK) {
		add(s, "", DROP_OPT_N, READOUT_LINE, READOUT_ALONE,
		    "no compute-optimal model reaches this loss");
		return false;
	}
	units_format_compute(plan.chinchilla_total, cb, sizeof cb);
	units_format_compute(plan.aware_total, ab, sizeof ab);
	units_format_count(plan.chinchilla.params, cn, sizeof cn);
	units_format_count(plan.aware.params, nb, sizeof nb);
	units_format_count(plan.aware.tokens, db, sizeof db);
	add(s, "", DROP_LABEL, READOUT_LINE, READOUT_WITH_NEXT, "same L, lifetime FLOPs:");
	add(s, " ", DROP_OPT_N, READOUT_LINE, READOUT_ALONE, "Chinchilla %s %s", cn, cb);
	add(s, "; ", DROP_OPT_D, READOUT_FLOW, READOUT_ALONE, "aware %s on %s %s", nb, db, ab);
	double extra = (train + infer - plan.chinchilla_total) / plan.chinchilla_total;
	add(s, "", DROP_LABEL, READOUT_LINE, READOUT_WITH_NEXT, "vs the Chinchilla-optimal model:");
	add(s, " ", DROP_EFFICIENCY, READOUT_LINE, READOUT_ALONE, "this one %+.1f%% FLOPs",
	    100 * extra);
	add(s, ", ", DROP_GAP, READOUT_FLOW, READOUT_ALONE, "the aware one %+.1f%%",
	    -100 * plan.savings);
	return true;
}

/*
 * The lifetime dollars of this model and the USD-optimal model of its loss
 * (model/lifecost.h), or what they need. They drop first at 80 columns: the
 * map's '$' lines and '&' frontier show the same.
 */
static void fields_lifecost(struct readout_state *s)
{
	const struct app *a = s->a;
	struct lifecost lc;
	struct lifecost_plan plan;
	double usd;
	char ub[16], ob[16], nb[16], db[16];

	if (!app_lifecost(a, &lc)) {
		add(s, "   ", DROP_WORDS, READOUT_FLOW, READOUT_ALONE,
		    a->scene.serve_mfu > 0 ? "lifetime $: g, an accelerator with a price"
		                           : "lifetime $: start with --serve-mfu F");
		return;
	}
	if (lifecost_dollars(&lc, law_compute(s->law, a->scene.n, a->scene.d), a->scene.n, a->t,
	                     &usd) != MODEL_OK)
		return;
	units_format_count(usd, ub, sizeof ub);
	add(s, "   ", DROP_GAP, READOUT_FLOW, READOUT_ALONE, "lifetime $%s", ub);
	if (optimum_lifecost(s->law, s->loss, a->scene.u, a->t, &lc, &plan) != MODEL_OK)
		return;
	units_format_count(plan.dollar_usd, ob, sizeof ob);
	units_format_count(plan.dollar.params, nb, sizeof nb);
	units_format_count(plan.dollar.tokens, db, sizeof db);
	add(s, "; ", DROP_VIEW, READOUT_FLOW, READOUT_ALONE, "$-optimal %s on %s $%s (%+.0f%%)", nb,
	    db, ob, 100 * (plan.dollar_usd / usd - 1));
}

/* Whether the point lies where the law was fitted: train, test and its performance. */
static bool tt_fitted(const struct tt_law *law, double train, double test, double p)
{
	return tt_in_range(law->train, train) && tt_in_range(law->test, test) &&
	       tt_in_range(law->performance, p);
}

/*
 * View X: the performance at the point with its units, the cheapest pair
 * reaching it for this many problems and its total, and the exchange rate
 * there; "extrapolated" outside the law's fitted ranges.
 */
static void fields_traintest(struct readout_state *s)
{
	const struct app_tt *t = &s->a->scene.tt;
	const struct catalog_entry *e = app_tt_law(s->a);
	char pb[48], tb[16], sb[16], cb[160], xb[96];

	if (e == NULL || !tt_has_plane(&e->preset.tt)) {
		add(s, "", DROP_NEVER, READOUT_LINE, READOUT_ALONE, "%s", app_tt_no_plane(s->a));
		return;
	}
	const struct tt_law *law = &e->preset.tt;
	double p = tt_performance(law, t->train, t->test);
	traintest_performance_text(law, p, pb, sizeof pb);
	units_format_compute(t->train, tb, sizeof tb);
	units_format_compute(t->test, sb, sizeof sb);
	add(s, "", DROP_NEVER, READOUT_LINE, READOUT_ALONE, "%s", pb);
	add(s, " ", DROP_WORDS, READOUT_FLOW, READOUT_WITH_PREV, "at train %s, test %s/%s", tb, sb,
	    traintest_per(law));
	if (!tt_in_range(law->performance, p)) {
		/* past the fitted performance the line says nothing (above 0 Elo: beyond perfect
		 * play), so no cheapest pair or exchange rate is offered for it */
		char lo[48], hi[48];
		traintest_performance_text(law, law->performance.lo, lo, sizeof lo);
		traintest_performance_text(law, law->performance.hi, hi, sizeof hi);
		add(s, "", DROP_NEVER, READOUT_LINE, READOUT_ALONE,
		    "outside the fitted %s to %s: no cheapest pair or exchange rate", lo, hi);
		return;
	}
	if (!tt_fitted(law, t->train, t->test, p))
		add(s, "  ", DROP_NOTE, READOUT_FLOW, READOUT_ALONE, "extrapolated");
	/* the exchange rate beside the performance: two readout rows (a tour's) show all three */
	traintest_exchange_text(law, t->train, p, xb, sizeof xb);
	add(s, "  ", DROP_OPT_N, READOUT_FLOW, READOUT_ALONE, "%s", xb);
	traintest_cheapest_text(law, p, t->problems, cb, sizeof cb);
	add(s, "", DROP_GAP, READOUT_LINE, READOUT_ALONE, "%s", cb);
}

/* View K: coverage at the point's k, the samples the target needs. */
static void fields_coverage(struct readout_state *s)
{
	const struct app_tt *t = &s->a->scene.tt;
	const struct catalog_entry *e = app_tt_law(s->a);
	char kb[16], tb[48];

	if (e == NULL || e->preset.tt.form != TT_COVERAGE) {
		add(s, "", DROP_NEVER, READOUT_LINE, READOUT_ALONE, "%s", app_tt_no_coverage(s->a));
		return;
	}
	const struct tt_law *law = &e->preset.tt;
	coverage_samples_text(t->samples, kb, sizeof kb);
	add(s, "", DROP_NEVER, READOUT_LINE, READOUT_ALONE, "coverage %.3f at k = %s",
	    tt_coverage(law, t->samples), kb);
	if (!tt_in_range(law->samples, t->samples))
		add(s, "  ", DROP_NOTE, READOUT_FLOW, READOUT_ALONE, "extrapolated");
	double need = coverage_samples_needed(law, t->target);
	if (isfinite(need)) {
		coverage_target_text(need, t->target, tb, sizeof tb);
		/* the fit inverted: derived, and past the fitted samples an extrapolation */
		add(s, "", DROP_GAP, READOUT_LINE, READOUT_ALONE, "samples needed: %s (%s)", tb,
		    tt_in_range(law->samples, need) ? "derived" : "extrapolated");
	} else {
		add(s, "", DROP_GAP, READOUT_LINE, READOUT_ALONE, "no k reaches %.3g", t->target);
	}
}

int readout_fields(const struct app *a, struct readout_field *f)
{
	return readout_fields_with(a, NULL, f);
}

int readout_fields_with(const struct app *a, const struct timeline_view *tv,
                        struct readout_field *f)
{
	struct readout_state s = {
	        .a = a, .law = app_law(a), .cflops = app_value(a, SLIDER_C), .tv = tv, .f = f};

	s.surface = law_has_surface(s.law) &&
	            law_loss(s.law, a->scene.n, a->scene.d, a->scene.u, &s.loss) == MODEL_OK;
	/* Kaplan's Eq. 1.5 optimum is isoflop's derivation, not the paper's: say so */
	s.derived = law_optimum_derived(s.law);
	s.model = a->scene.model >= 0 ? &a->catalog->models[a->scene.model].preset : NULL;
	s.moe = s.model != NULL && s.model->active_params > 0;
	if (app_view_on(a, TOUR_VIEW_TRAINTEST) || app_view_on(a, TOUR_VIEW_COVERAGE)) {
		/* the test-time views' own numbers: the loss law's are not on screen */
		if (app_view_on(a, TOUR_VIEW_TRAINTEST))
			fields_traintest(&s);
		else
			fields_coverage(&s);
		return s.n;
	}
	if (app_view_on(a, TOUR_VIEW_DOMAINS)) { /* the domains' own numbers, as X and K */
		fields_domains(&s);
		return s.n;
	}
	if (app_view_on(a, TOUR_VIEW_INFERENCE) && s.surface) {
		if (fields_inference(&s))
			fields_lifecost(&s);
		fields_views(&s);
		return s.n;
	}
	fields_point(&s);
	fields_views(&s);
	if (app_view_on(a, TOUR_VIEW_TIMELINE)) {
		fields_timeline_of(&s);
		return s.n;
	}
	fields_optimum(&s);
	fields_hyper(&s); /* beside the optimum it is for, before the notes push it off */
	fields_efficiency(&s);
	fields_downstream(&s);
	fields_notes(&s);
	if (a->compare >= 0)
		fields_compare(&s);
	return s.n;
}

/* ---- layout ---- */

static int text_len(const char *s)
{
	return (int)strlen(s);
}

/*
 * Whether field i may be placed after `prev` (the last field placed): a
 * label needs the field after it kept, an explanation the one before it
 * placed.
 */
static bool placeable(const struct readout_field *f, int n, const bool *keep, int i, int prev)
{
	if (!keep[i])
		return false;
	if (f[i].glue == READOUT_WITH_NEXT && (i + 1 >= n || !keep[i + 1]))
		return false;
	return (f[i].glue != READOUT_WITH_PREV && f[i].glue != READOUT_BESIDE_PREV) ||
	       prev == i - 1;
}

/*
 * One pass: the kept fields, in order, into rows of w cells; soft breaks
 * are honoured when `soft`. False when they need more than h rows.
 */
static bool flow(const struct readout_field *f, int n, const bool *keep, bool soft, int w, int h,
                 int *row, int *col)
{
	int x = 0, y = 0, prev = -1;

	for (int i = 0; i < n; i++)
		row[i] = -1;
	for (int i = 0; i < n; i++) {
		if (!placeable(f, n, keep, i, prev))
			continue;
		bool labelled = prev == i - 1 && prev >= 0 && f[prev].glue == READOUT_WITH_NEXT;
		bool brk = f[i].brk == READOUT_LINE || (soft && f[i].brk == READOUT_SOFT);
		if (brk && x > 0 && !labelled && y + 1 < h) {
			y++;
			x = 0;
		}
		int sep = x > 0 ? text_len(f[i].sep) : 0, len = text_len(f[i].text);
		bool beside = i + 1 < n && keep[i + 1] && f[i + 1].glue == READOUT_BESIDE_PREV;
		int next = f[i].glue == READOUT_WITH_NEXT || beside
		                   ? text_len(f[i + 1].sep) + text_len(f[i + 1].text)
		                   : 0;
		if (x > 0 && x + sep + len + next > w) {
			if (f[i].glue == READOUT_WITH_PREV || f[i].glue == READOUT_BESIDE_PREV)
				continue; /* an explanation goes rather than stand alone */
			y++;
			x = sep = 0;
		}
		if (len + next > w)
			continue; /* wider than the readout: never cut, never shown */
		if (y >= h)
			return false;
		row[i] = y;
		col[i] = x + sep;
		x += sep + len;
		prev = i;
	}
	return true;
}

void readout_layout(const struct readout_field *f, int n, int w, int h, int *row, int *col)
{
	bool keep[READOUT_MAX_FIELDS];

	for (int i = 0; i < n; i++)
		keep[i] = true;
	for (;;) {
		if (flow(f, n, keep, true, w, h, row, col) ||
		    flow(f, n, keep, false, w, h, row, col))
			return;
		int worst = -1; /* the highest drop; of equal ones, the last */
		for (int i = 0; i < n; i++)
			if (keep[i] && f[i].drop > 0 && (worst < 0 || f[i].drop >= f[worst].drop))
				worst = i;
		if (worst < 0)
			return; /* only what never drops, and rows for part of it */
		keep[worst] = false;
	}
}

void readout_draw(struct canvas *c, const struct app *a, const struct timeline_view *tv,
                  struct rect r)
{
	struct readout_field f[READOUT_MAX_FIELDS];
	int row[READOUT_MAX_FIELDS], col[READOUT_MAX_FIELDS];

	if (r.h <= 0)
		return;
	int n = readout_fields_with(a, tv, f);
	readout_layout(f, n, r.w, r.h, row, col);
	for (int i = 0; i < n; i++) {
		if (row[i] < 0)
			continue;
		int sep = col[i] > 0 ? text_len(f[i].sep) : 0;
		canvas_text(c, r.x + col[i] - sep, r.y + row[i], f[i].sep, sep, STYLE_TEXT);
		canvas_text(c, r.x + col[i], r.y + row[i], f[i].text, r.w - col[i], STYLE_TEXT);
	}
}

/* ---- the big readout ---- */

/* A character three rows high, as segments: most are 3 cells wide, '.' and '1' one. */
struct big_glyph {
	char ch;
	const char *rows[3];
};

static const struct big_glyph big_font[] = {
        {'0', {" _ ", "| |", "|_|"}}, {'1', {" ", "|", "|"}},       {'2', {" _ ", " _|", "|_ "}},
        {'3', {" _ ", " _|", " _|"}}, {'4', {"   ", "|_|", "  |"}}, {'5', {" _ ", "|_ ", " _|"}},
        {'6', {" _ ", "|_ ", "|_|"}}, {'7', {" _ ", "  |", "  |"}}, {'8', {" _ ", "|_|", "|_|"}},
        {'9', {" _ ", "|_|", " _|"}}, {'.', {" ", " ", "."}},       {'%', {"o /", " / ", "/ o"}},
        {'e', {" _ ", "|_ ", "|_ "}}, {'+', {"   ", "_|_", " | "}}, {'-', {"   ", "___", "   "}},
        {'L', {"   ", "|  ", "|_ "}}, {'C', {" _ ", "|  ", "|_ "}}, {' ', {" ", " ", " "}},
};

static const struct big_glyph *big_glyph_of(char ch)
{
	for (size_t i = 0; i < sizeof big_font / sizeof *big_font; i++)
		if (big_font[i].ch == ch)
			return &big_font[i];
	return NULL;
}

/* Cells text takes in the big font (a cell between characters), or -1 if it has one it lacks. */
static int big_width(const char *text)
{
	int w = 0;

	for (const char *p = text; *p; p++) {
		const struct big_glyph *g = big_glyph_of(*p);
		if (g == NULL)
			return -1;
		w += text_len(g->rows[0]) + (p[1] ? 1 : 0);
	}
	return w;
}

/* Draw text in the big font from column x of r's top three rows. */
static void big_text(struct canvas *c, struct rect r, int x, const char *text)
{
	for (const char *p = text; *p; p++) {
		const struct big_glyph *g = big_glyph_of(*p);
		for (int y = 0; y < 3; y++)
			canvas_text(c, x, r.y + y, g->rows[y], text_len(g->rows[y]),
			            STYLE_HIGHLIGHT);
		x += text_len(g->rows[0]) + 1;
	}
}

/*
 * The test-time views' numbers for the big readout, as their readout's
 * first line gives them: X the performance at the point and the total
 * compute, K the coverage at k. None when the view cannot show the law.
 */
static int big_testtime(const struct app *a, char item[][32])
{
	const struct catalog_entry *e = app_tt_law(a);
	const struct app_tt *t = &a->scene.tt;
	char cb[16];

	if (e == NULL)
		return 0;
	if (app_view_on(a, TOUR_VIEW_TRAINTEST) && tt_has_plane(&e->preset.tt)) {
		units_format_compute(tt_total(t->train, t->test, t->problems), cb, sizeof cb);
		snprintf(item[0], 32, "%.4g", tt_performance(&e->preset.tt, t->train, t->test));
		snprintf(item[1], 32, "C%s", cb);
		return 2;
	}
	if (app_view_on(a, TOUR_VIEW_COVERAGE) && e->preset.tt.form == TT_COVERAGE) {
		snprintf(item[0], 32, "%.1f%%", 100 * tt_coverage(&e->preset.tt, t->samples));
		return 1;
	}
	return 0;
}

/*
 * A power law's loss for the big digits: L(C) at the point's C, the loss its
 * panel draws, else L(N) at its N; false when it fits neither.
 */
static bool big_power_loss(const struct app *a, double *loss)
{
	const struct law *law = app_law(a);

	if (law_view_fits_compute(law))
		return law_single_loss(&law->by_compute, app_value(a, SLIDER_C), loss) == MODEL_OK;
	return law_view_fits_params(law) &&
	       law_single_loss(&law->by_params, a->scene.n, loss) == MODEL_OK;
}

bool readout_draw_big(struct canvas *c, const struct app *a, struct rect r)
{
	const struct law *law = app_law(a);
	char item[3][32], cb[16];
	double loss, eff;
	struct allocation same;
	int n = 0, gap = 4, width = 0;

	if (r.h < 3)
		return false;
	bool testtime = app_view_on(a, TOUR_VIEW_TRAINTEST) || app_view_on(a, TOUR_VIEW_COVERAGE);
	if (testtime && (n = big_testtime(a, item)) == 0)
		return false; /* the view says why in its panel; no loss map's numbers instead */
	if (!testtime && law_has_surface(law) &&
	    law_loss(law, a->scene.n, a->scene.d, a->scene.u, &loss) == MODEL_OK) {
		snprintf(item[n++], sizeof item[0], "L%.4f", loss);
		if (optimum_efficiency(law, a->scene.n, a->scene.d, a->scene.u, &eff, &same) ==
		    MODEL_OK)
			snprintf(item[n++], sizeof item[0], "%.1f%%", 100 * eff);
	}
	if (!testtime && big_power_loss(a, &loss))
		snprintf(item[n++], sizeof item[0], "L%.4f", loss);
	if (!testtime) {
		units_format_compute(app_value(a, SLIDER_C), cb, sizeof cb);
		snprintf(item[n++], sizeof item[0], "C%s", cb);
	}
	/* whole items only: C goes first, then the efficiency, as in the readout */
	int keep = 0;
	for (int i = 0; i < n; i++) {
		int iw = big_width(item[i]);
		if (iw < 0 || width + (keep ? gap : 0) + iw > r.w)
			break;
		width += (keep ? gap : 0) + iw;
		keep++;
	}
	if (keep == 0)
		return false;
	int x = r.x + (r.w - width) / 2;
	for (int i = 0; i < keep; i++) {
		big_text(c, r, x, item[i]);
		x += big_width(item[i]) + gap;
	}
	return true;
}
