/*
 * domains.c: each domain's reducible loss against compute. A law's line is
 * (scale / C)^exponent, L(C) less its floor, sampled at every column's
 * centre and joined cell by cell (frame_walk); on log-log axes it is
 * straight, so the picture compares the exponents by eye: the flatter the
 * line, the more compute each step of loss costs.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../model/units.h"
#include "domains.h"

/* Each known domain's glyph, { name, glyph }: fixed, so a domain reads the same everywhere. */
static const struct {
	const char *name;
	char glyph;
} domain_glyphs[] = {
        {"language", '*'}, {"code", '#'},       {"math", '%'},     {"image", 'o'},
        {"video", '='},    {"multimodal", '~'}, {"proteins", '^'}, {"molecules", '&'},
};

/* The glyph of a domain not in the table. */
#define OTHER_GLYPH '+'

/* The glyph of the law picked out (struct domains_spec's current). */
#define CURRENT_GLYPH '@'

/* Samples of each line that set the loss axis: four a decade. */
#define RANGE_SAMPLES_PER_DECADE 4

char domains_glyph(const char *domain)
{
	for (size_t i = 0; domain && i < sizeof domain_glyphs / sizeof *domain_glyphs; i++)
		if (strcmp(domain, domain_glyphs[i].name) == 0)
			return domain_glyphs[i].glyph;
	return OTHER_GLYPH;
}

bool domains_has_curve(const struct law *law)
{
	return law != NULL && law->family == LAW_POWER && law->by_compute.scale > 0 &&
	       law->by_compute.exponent > 0;
}

void domains_exponents_text(const struct domains_entry *e, char *buf, size_t size)
{
	if (e->exp_hi - e->exp_lo < 0.005)
		snprintf(buf, size, "%.2f", e->exp_lo);
	else
		snprintf(buf, size, "%.2f-%.2f", e->exp_lo, e->exp_hi);
}

/* L(C) - L_inf, NaN where undefined. */
static double reducible(const struct law *law, double c)
{
	double l;

	if (law_single_loss(&law->by_compute, c, &l) != MODEL_OK)
		return NAN;
	return l - law->by_compute.floor;
}

/* The domains in order of first appearance, each with its glyph and exponent range. */
static void collect_domains(const struct domains_spec *s, struct domains_plot *p)
{
	for (int i = 0; i < s->nlaws; i++) {
		const struct domains_law *dl = &s->laws[i];
		const char *name = dl->domain ? dl->domain : "language";
		double a = dl->law->by_compute.exponent;
		int k = 0;
		if (!domains_has_curve(dl->law))
			continue;
		p->ndrawn++;
		while (k < p->ndomains && strcmp(p->domains[k].name, name) != 0)
			k++;
		if (k == p->ndomains) {
			if (k == DOMAINS_MAX_DOMAINS)
				continue;
			p->domains[p->ndomains++] =
			        (struct domains_entry){name, domains_glyph(name), 0, a, a, false};
		}
		struct domains_entry *e = &p->domains[k];
		e->nlaws++;
		e->exp_lo = fmin(e->exp_lo, a);
		e->exp_hi = fmax(e->exp_hi, a);
		e->no_floor |= !(dl->law->by_compute.floor > 0);
	}
}

/* The loss axis: every line's values across the window, a little room either side. */
static bool loss_range(const struct domains_spec *s, double c_lo, double c_hi, double *lo,
                       double *hi)
{
	int steps = canvas_clamp_int(ceil(RANGE_SAMPLES_PER_DECADE * log10(c_hi / c_lo)), 1, 400);

	*lo = INFINITY;
	*hi = -INFINITY;
	for (int i = 0; i < s->nlaws; i++)
		for (int k = 0; domains_has_curve(s->laws[i].law) && k <= steps; k++) {
			double r = reducible(s->laws[i].law,
			                     c_lo * pow(c_hi / c_lo, (double)k / steps));
			if (!(r > 0) || !isfinite(r))
				continue;
			*lo = fmin(*lo, r);
			*hi = fmax(*hi, r);
		}
	if (!isfinite(*lo) || !isfinite(*hi))
		return false;
	/* a twentieth of the span's decades either side, and a decade at least in all */
	double pad = fmax(0.05 * log10(*hi / *lo), 0.5 - 0.5 * log10(*hi / *lo));
	pad = fmax(pad, 0.05);
	*lo = pow(10, log10(*lo) - pad);
	*hi = pow(10, log10(*hi) + pad);
	return true;
}

/* One law's reducible loss at every column's centre in its domain's glyph ('@': current). */
static void draw_line(struct canvas *c, const struct frame *f, const struct law *law, char glyph)
{
	struct frame_pen pen = {c, glyph, glyph == CURRENT_GLYPH ? STYLE_CURRENT : STYLE_CURVE,
	                        FRAME_STYLE(STYLE_TEXT), false};
	double pc = NAN, pr = NAN;

	for (int col = 0; col < f->area.w; col++) {
		double cc = axis_value(&f->x, col + 0.5), r = reducible(law, cc);
		if (isfinite(r) && r > 0 && isfinite(pr))
			frame_walk(f, pc, pr, cc, r, frame_pen_cell, &pen);
		else if (isfinite(r) && r > 0) {
			int cx, cy;
			if (frame_cell(f, cc, r, &cx, &cy))
				frame_pen_cell(cx, cy, &pen);
		}
		pc = cc;
		pr = isfinite(r) && r > 0 ? r : NAN;
	}
}

/* Every line of domain k, in its glyph. */
static void draw_domain(struct canvas *c, const struct domains_spec *s,
                        const struct domains_plot *p, int k)
{
	for (int i = 0; i < s->nlaws; i++) {
		const char *name = s->laws[i].domain ? s->laws[i].domain : "language";
		if (domains_has_curve(s->laws[i].law) && strcmp(name, p->domains[k].name) == 0)
			draw_line(c, &p->frame, s->laws[i].law, p->domains[k].glyph);
	}
}

/* Each domain's glyph, name and exponents: "o image 0.10-0.19". */
static int draw_legend(struct canvas *c, struct rect r, int y, const struct domains_plot *p,
                       int rows, double point_c)
{
	char e[DOMAINS_MAX_DOMAINS + 2][96], ex[24];
	int n = 0, dropped;

	for (int i = 0; i < p->ndomains; i++) {
		domains_exponents_text(&p->domains[i], ex, sizeof ex);
		/* no L_inf (language's: the entropy of text is not yet known): not a reducible part
		 */
		snprintf(e[n++], 96, "%c %s %s%s", p->domains[i].glyph, p->domains[i].name, ex,
		         p->domains[i].no_floor ? " (no L_inf: all of L(C))" : "");
	}
	if (point_c > 0) {
		char cb[16];
		units_format_compute(point_c, cb, sizeof cb);
		snprintf(e[n++], 96, "| C = %s", cb);
	}
	snprintf(e[n++], 96, "C in FLOPs");
	return frame_legend_wrap(c, r.x, y, r.w, e, n, rows, &dropped);
}

/* The title with the law picked out: which line is '@', or that it has none; shorter where
 * the long one does not fit, the id always whole. */
static void draw_current_title(struct canvas *c, struct rect r, const struct domains_spec *s)
{
	static const char *const lead[] = {"reducible loss L(C) - L_inf vs compute", "L(C) - L_inf",
	                                   ""};
	bool has = domains_has_curve(s->current);
	char title[160];

	for (size_t i = 0; i < sizeof lead / sizeof *lead; i++) {
		snprintf(title, sizeof title, "%s%s%s%s%s", lead[i], *lead[i] ? "; " : "",
		         has ? "@ = " : "", s->current_id,
		         has                           ? ""
		         : law_has_surface(s->current) ? ": L(N, D), not drawn"
		                                       : ": no L(C)");
		if ((int)strlen(title) <= r.w)
			break;
	}
	canvas_text(c, r.x, r.y, title, r.w, STYLE_TEXT);
}

/* The title says what the slope means; a shorter one where it does not fit. */
static void draw_title(struct canvas *c, struct rect r, const struct domains_spec *s)
{
	const char *title =
	        "reducible loss L(C) - L_inf against compute (log-log): slope = -exponent";

	if (s->current_id != NULL) {
		draw_current_title(c, r, s);
		return;
	}
	if ((int)strlen(title) > r.w)
		title = "L(C) - L_inf vs compute: slope = -exponent";
	canvas_text(c, r.x, r.y, title, r.w, STYLE_TEXT);
}

/* The frame: log C across, log reducible loss up; false when nothing is drawable. */
static bool set_axes(const struct domains_spec *s, struct domains_plot *p)
{
	double c_lo = s->c_lo > 0 ? s->c_lo : DOMAINS_C_LO;
	double c_hi = s->c_lo > 0 ? s->c_hi : DOMAINS_C_HI, lo, hi;

	if (!(c_lo > 0 && c_hi > c_lo && isfinite(c_hi)) || !loss_range(s, c_lo, c_hi, &lo, &hi))
		return false;
	p->frame = (struct frame){
	        .x = {log10(c_lo), log10(c_hi), true, 0},
	        .y = {log10(lo), log10(hi), true, 0},
	        .x_format = TICK_COMPUTE,
	        .y_format = TICK_PLAIN,
	};
	return true;
}

/* The point's C: a '|' in the blank cells from the axis up to the current law's line there. */
static void draw_point_c(struct canvas *c, const struct domains_spec *s, const struct frame *f)
{
	double r = reducible(s->current, s->point_c);
	int cx, cy;

	if (!(s->point_c > 0) || !(r > 0) || !frame_cell(f, s->point_c, r, &cx, &cy))
		return;
	for (int y = cy + 1; y < f->area.y + f->area.h; y++)
		if (canvas_get(c, cx, y).ch == ' ')
			canvas_put(c, cx, y, '|', STYLE_HIGHLIGHT);
}

int domains_draw(struct canvas *c, struct rect r, const struct domains_spec *s,
                 struct domains_plot *p)
{
	memset(p, 0, sizeof *p);
	if (r.w < DOMAINS_MIN_W || r.h < DOMAINS_MIN_H)
		return -1;
	collect_domains(s, p);
	if (p->ndrawn == 0 || !set_axes(s, p))
		return -1;
	double point_c = s->point_c > 0 && domains_has_curve(s->current) ? s->point_c : 0;
	p->legend_rows = draw_legend(NULL, r, 0, p, 2, point_c);
	if (!frame_layout(&p->frame, r, 1, p->legend_rows + 1))
		return -1;
	p->legend_y = p->frame.area.y + p->frame.area.h + 2;
	canvas_fill_rect(c, r, ' ', STYLE_BLANK);
	draw_title(c, r, s);
	frame_draw_axes(&p->frame, c);
	/*
	 * domain by domain, the domains with most laws first: a domain of one
	 * law drawn last is not buried under the bundle of another's
	 */
	for (int most = s->nlaws; most >= 1; most--)
		for (int k = 0; k < p->ndomains; k++)
			if (p->domains[k].nlaws == most)
				draw_domain(c, s, p, k);
	if (domains_has_curve(s->current)) { /* over the others, so a speaker can point at it */
		draw_point_c(c, s, &p->frame);
		draw_line(c, &p->frame, s->current, CURRENT_GLYPH);
	}
	draw_legend(c, r, p->legend_y, p, p->legend_rows, point_c);
	return 0;
}
