/*
 * cmd_plot_testtime.c: `isoflop plot testtime` (the train x test plane of a
 * log-linear test-time law, tui/plot/traintest.h) and `isoflop plot
 * coverage` (coverage against samples of a coverage law,
 * tui/plot/coverage.h) as plain text, each with its readout below the
 * picture: the whole output is --height lines.
 */
#include <math.h>
#include <stdio.h>

#include "../plot/canvas.h"
#include "../plot/coverage.h"
#include "../plot/traintest.h"
#include "tt_args.h"

/* Lines under each picture: point, cheapest pair, exchange; coverage, target. */
#define TRAINTEST_READOUT 3
#define COVERAGE_READOUT  2

/* The default samples and target coverage of a coverage law's readout. */
#define DEFAULT_SAMPLES 100
#define DEFAULT_TARGET  0.9

/* A canvas of --width x (--height less the readout's lines); 0 or one line. */
static int picture_canvas(const struct cli *cli, int readout, int min_h, struct canvas *c)
{
	int w = cli->width ? cli->width : 80, h = (cli->height ? cli->height : 24) - readout;

	if (h < min_h)
		return cli_error("--height: the picture and its readout need %d lines or more",
		                 min_h + readout);
	return canvas_init(c, w, h) == 0 ? 0 : cli_error("out of memory");
}

/* "-750 Elo at train 1e15, test 1e8 FLOPs a move, 10M moves (defaults)". */
static void point_line(const struct preset *law, const struct tt_point *pt)
{
	char tr[16], te[16], q[16], perf[48];
	const char *per = traintest_per(&law->tt);
	bool given = pt->train_given || pt->test_given || pt->problems_given;

	units_format_compute(pt->train, tr, sizeof tr);
	units_format_compute(pt->test, te, sizeof te);
	units_format_count(pt->problems, q, sizeof q);
	traintest_performance_text(&law->tt, pt->performance, perf, sizeof perf);
	printf("%s at train %s, test %s FLOPs a %s, %s %ss%s\n", perf, tr, te, per, q, per,
	       given ? "" : " (defaults)");
}

/*
 * The point, the cheapest pair, the exchange rate; the point flagged when
 * it is extrapolated, and a law with no compute range said to be unchecked.
 */
static void traintest_readout(const struct preset *law, const struct tt_point *pt)
{
	char buf[160];

	point_line(law, pt);
	traintest_cheapest_text(&law->tt, pt->performance, pt->problems, buf, sizeof buf);
	printf("%s\n", buf);
	traintest_exchange_text(&law->tt, pt->train, pt->performance, buf, sizeof buf);
	printf("%s%s%s\n", buf, pt->in_range ? "" : "; point extrapolated",
	       traintest_compute_unchecked(&law->tt) ? "; no fitted compute range" : "");
}

int cmd_plot_testtime(const struct cli *cli)
{
	const struct preset *law;
	struct tt_point pt;
	struct canvas c;
	struct traintest_plot p;
	int rc;

	if ((rc = tt_args_law(cli, TT_LOG_LINEAR, "plot testtime", &law)) != 0 ||
	    (rc = tt_args_point(cli, law, &pt)) != 0)
		return rc;
	struct traintest_spec spec = {.law = &law->tt,
	                              .law_id = law->id,
	                              .has_point = true,
	                              .train = pt.train,
	                              .test = pt.test,
	                              .problems = pt.problems};
	if (!traintest_window(&spec))
		return cli_error("plot testtime: '%s' has no train x test plane", law->id);
	if ((rc = picture_canvas(cli, TRAINTEST_READOUT, TRAINTEST_MIN_H, &c)) != 0)
		return rc;
	if (traintest_draw(&c, (struct rect){0, 0, c.w, c.h}, &spec, &p) != 0) {
		canvas_free(&c);
		return cli_error("plot testtime: no picture of '%s' fits %dx%d", law->id, c.w, c.h);
	}
	canvas_print(&c, stdout, cli_use_color(cli));
	canvas_free(&c);
	traintest_readout(law, &pt);
	return 0;
}

/* "coverage 0.52 at k = 100 samples (default)", and the samples for the target. */
static void coverage_readout(const struct preset *law, const struct coverage_spec *s, bool k_given,
                             bool target_given)
{
	char k[16], lo[16], hi[16], buf[64];
	struct tt_range r = law->tt.samples;

	coverage_samples_text(s->k, k, sizeof k);
	printf("coverage %.3g at k = %s samples a problem%s", tt_coverage(&law->tt, s->k), k,
	       k_given ? "" : " (default)");
	if (!tt_in_range(r, s->k)) {
		coverage_samples_text(r.lo, lo, sizeof lo);
		coverage_samples_text(r.hi, hi, sizeof hi);
		printf(", extrapolated beyond the fitted %s to %s", lo, hi);
	}
	double kt = coverage_samples_needed(&law->tt, s->target);
	coverage_target_text(kt, s->target, buf, sizeof buf);
	/* the fit inverted: derived, and past the fitted samples an extrapolation */
	printf("\nsamples for the target%s: %s (%s)\n", target_given ? "" : " (default)", buf,
	       tt_in_range(r, kt) ? "derived" : "extrapolated");
}

int cmd_plot_coverage(const struct cli *cli)
{
	const struct preset *law;
	struct canvas c;
	struct coverage_plot p;
	int rc;

	if ((rc = tt_args_law(cli, TT_COVERAGE, "plot coverage", &law)) != 0)
		return rc;
	struct coverage_spec spec = {
	        .law = &law->tt,
	        .law_id = law->id,
	        .has_point = true,
	        .k = cli->given & OPT_SAMPLES ? cli->samples
	                                      : tt_args_middle(law->tt.samples, DEFAULT_SAMPLES),
	        .has_target = true,
	        .target = cli->given & OPT_TARGET ? cli->target : DEFAULT_TARGET};
	if ((rc = tt_args_target(law, spec.target)) != 0)
		return rc;
	/* the axis reaches the point's k and the target's even past the fitted samples */
	spec.k_hi = coverage_k_hi(&law->tt, spec.k, true, spec.target);
	if ((rc = picture_canvas(cli, COVERAGE_READOUT, COVERAGE_MIN_H, &c)) != 0)
		return rc;
	if (coverage_draw(&c, (struct rect){0, 0, c.w, c.h}, &spec, &p) != 0) {
		canvas_free(&c);
		return cli_error("plot coverage: no picture of '%s' fits %dx%d", law->id, c.w, c.h);
	}
	canvas_print(&c, stdout, cli_use_color(cli));
	canvas_free(&c);
	coverage_readout(law, &spec, cli->given & OPT_SAMPLES, cli->given & OPT_TARGET);
	return 0;
}
