/*
 * domains_view.c: view D (domains_view.h): the catalog's laws with an L(C)
 * as the plot's spec, language first as `plot domains` orders them, and the
 * readout's words for the current law.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "../../model/units.h"
#include "domains_view.h"

bool domains_view_fits(const struct app *a)
{
	for (size_t i = 0; i < a->catalog->nlaws; i++)
		if (domains_has_curve(&a->catalog->laws[i].preset.law))
			return true;
	return false;
}

/* The laws with an L(C), domain by domain in the domains' order; returns their count. */
static int view_laws(const struct app *a, struct domains_law *laws, int max)
{
	int n = 0;

	for (int d = 0; d < PRESET_DOMAIN_COUNT; d++)
		for (size_t i = 0; i < a->catalog->nlaws && n < max; i++) {
			const struct preset *p = &a->catalog->laws[i].preset;
			if ((int)p->domain == d && domains_has_curve(&p->law))
				laws[n++] = (struct domains_law){&p->law, p->id,
				                                 preset_domain_name(p->domain)};
		}
	return n;
}

/* A sentence in the middle of a blanked rect: the picture cannot be drawn. */
static void say(struct canvas *c, struct rect r, const char *text)
{
	int len = (int)strlen(text), x = r.x + (r.w - len) / 2;

	canvas_fill_rect(c, r, ' ', STYLE_BLANK);
	canvas_text(c, x < r.x ? r.x : x, r.y + r.h / 2, text, r.w, STYLE_TEXT);
}

/* An exponent as the tables print it: two decimals where that is exact (0.50), else three. */
static void exponent_text(double e, char *buf, size_t size)
{
	bool two = fabs(e * 100 - round(e * 100)) < 1e-6;

	snprintf(buf, size, two ? "%.2f" : "%.3f", e);
}

/* The most rows the exponents' table takes under the picture. */
#define TABLE_MAX_ROWS 3

/* The paper of a law's id: its part before the first '-' ("deepseek2024"). */
static size_t paper_len(const char *id)
{
	const char *dash = strchr(id, '-');

	return dash != NULL ? (size_t)(dash - id) : strlen(id);
}

/* The arXiv id a source cites ("2401.02954"), its length in *n; NULL when it cites none. */
static const char *arxiv_of(const char *source, size_t *n)
{
	const char *at = strstr(source, "arXiv:");

	if (at == NULL)
		return NULL;
	at += strlen("arXiv:");
	*n = strspn(at, "0123456789.v");
	return *n > 0 ? at : NULL;
}

/*
 * Whether law i is a frontier of the current law's paper: their sources cite
 * one arXiv id (two files of one user, "my-a" and "my-b", are not one paper).
 */
static bool same_paper(const struct app *a, size_t i, const char *id)
{
	const struct preset *p = &a->catalog->laws[i].preset;
	const struct catalog_entry *cur = catalog_law(a->catalog, id);
	const struct law_frontier *f = &p->law.frontier;
	size_t n = 0, m = 0;
	const char *x = arxiv_of(p->source, &n);
	const char *y = cur != NULL ? arxiv_of(cur->preset.source, &m) : NULL;

	return p->law.family == LAW_FRONTIER && (f->params.exp > 0 || f->flops_pt.exp > 0) &&
	       x != NULL && y != NULL && n == m && strncmp(x, y, n) == 0;
}

/*
 * Under a law with no L(C), its paper's allocation exponents in rows of r.w
 * under the picture ("deepseek2024-early a=0.45  deepseek2024 a=0.524 ..."),
 * so a talk shows Table 4's rows side by side. Returns the rows filled.
 */
static int exponents_table(const struct app *a, const char *id, int w,
                           char rows[TABLE_MAX_ROWS][160])
{
	const struct law_frontier *cf = &app_law(a)->frontier;
	int y = 0, x;

	x = snprintf(rows[0], 160, "%.*s's %s_opt ~ C^a:", (int)paper_len(id), id,
	             cf->params.exp > 0 ? "N" : "M");
	for (size_t i = 0; i < a->catalog->nlaws; i++) {
		const struct preset *p = &a->catalog->laws[i].preset;
		char e[16], entry[96];
		if (!same_paper(a, i, id))
			continue;
		exponent_text(p->law.frontier.params.exp > 0 ? p->law.frontier.params.exp
		                                             : p->law.frontier.flops_pt.exp,
		              e, sizeof e);
		int len = snprintf(entry, sizeof entry, "%s a=%s", p->id, e);
		if (x + 2 + len > w) { /* the next row; none left: the rest is not shown */
			if (y + 1 == TABLE_MAX_ROWS)
				break;
			rows[++y][0] = '\0';
			x = 0;
		}
		x += snprintf(rows[y] + strlen(rows[y]), 160 - strlen(rows[y]), "%s%s",
		              x > 0 ? "  " : "", entry);
	}
	return y + 1;
}

void domains_view_draw(struct canvas *c, const struct app *a, struct rect r)
{
	struct domains_law laws[DOMAINS_MAX_LAWS];
	struct domains_plot p;
	const struct preset *cur = &a->catalog->laws[a->scene.law].preset;
	int n = view_laws(a, laws, DOMAINS_MAX_LAWS), nrows = 0;
	struct domains_spec s = {laws, n, 0, 0, app_law(a), cur->id, app_value(a, SLIDER_C)};
	char rows[TABLE_MAX_ROWS][160];

	if (n == 0) {
		say(c, r, "no law with an L(C) is loaded: D has nothing to compare");
		return;
	}
	if (!domains_has_curve(app_law(a)) && same_paper(a, a->scene.law, cur->id) &&
	    r.h - TABLE_MAX_ROWS - 1 >= DOMAINS_MIN_H)
		nrows = exponents_table(a, cur->id, r.w, rows);
	struct rect pr = {r.x, r.y, r.w, r.h - (nrows > 0 ? nrows + 1 : 0)};
	canvas_fill_rect(c, r, ' ', STYLE_BLANK);
	if (domains_draw(c, pr, &s, &p) != 0) {
		say(c, r, "(no room for the domains picture)");
		return;
	}
	for (int i = 0; i < nrows; i++)
		canvas_text(c, r.x, pr.y + pr.h + 1 + i, rows[i], r.w, STYLE_TEXT);
}

/* "L(C) = 3.13 + (1.56e12/C)^0.19", or "(3e28/C)^0.048" with no floor. */
static void formula_text(const struct law_single *s, char *buf, size_t size)
{
	char scale[16], fl[16], ex[16];

	units_format_compute(s->scale, scale, sizeof scale);
	units_format_fixed(s->floor, 2, fl, sizeof fl);
	exponent_text(s->exponent, ex, sizeof ex);
	if (s->floor > 0)
		snprintf(buf, size, "L(C) = %s + (%s/C)^%s", fl, scale, ex);
	else
		snprintf(buf, size, "L(C) = (%s/C)^%s", scale, ex);
}

/* The allocation exponents the law gives, "N_opt ~ C^0.64", with or without coefficients. */
static void allocation_text(const struct law_frontier *f, char *buf, size_t size)
{
	char a[16], b[16];
	const struct law_power *x = f->params.exp > 0 ? &f->params : &f->flops_pt;
	const char *what = f->params.exp > 0 ? "N_opt" : "M_opt";
	const char *only = x->coef > 0 ? "" : " (exponents only)";
	double e = x->exp;

	buf[0] = '\0';
	if (!(e > 0))
		return;
	exponent_text(e, a, sizeof a);
	if (f->tokens.exp > 0) {
		exponent_text(f->tokens.exp, b, sizeof b);
		snprintf(buf, size, "%s ~ C^%s, D_opt ~ C^%s%s", what, a, b, only);
	} else {
		snprintf(buf, size, "%s ~ C^%s%s", what, a, only);
	}
}

/* "at C = 1e20: reducible 0.0489 of L(C) = 3.1789 nats per token". */
static void at_text(const struct preset *p, double c, char *buf, size_t size)
{
	const struct law_single *s = &p->law.by_compute;
	const char *units = p->units[0] ? p->units : "nats per token";
	char cb[16];
	double l;

	units_format_compute(c, cb, sizeof cb);
	if (law_single_loss(s, c, &l) != MODEL_OK)
		snprintf(buf, size, "at C = %s: no L(C)", cb);
	else if (s->floor > 0)
		snprintf(buf, size, "at C = %s: reducible %.4f of L(C) = %.4f %s", cb, l - s->floor,
		         l, units);
	else
		snprintf(buf, size, "at C = %s: L(C) = %.4f %s, no L_inf fitted", cb, l, units);
}

void domains_view_readout(const struct app *a, double c, struct domains_readout *out)
{
	const struct preset *p = &a->catalog->laws[a->scene.law].preset;
	char f[64];

	memset(out, 0, sizeof *out);
	allocation_text(&app_law(a)->frontier, out->opt, sizeof out->opt);
	if (law_has_surface(app_law(a))) { /* its L*(C) follows from L(N, D): view C draws it */
		snprintf(out->law, sizeof out->law, "%s (%s) is an L(N, D) law: C shows its L*(C)",
		         p->id, preset_domain_name(p->domain));
		return;
	}
	if (!domains_has_curve(app_law(a))) {
		snprintf(out->law, sizeof out->law, "%s (%s) fits no L(C)", p->id,
		         preset_domain_name(p->domain));
		return;
	}
	formula_text(&app_law(a)->by_compute, f, sizeof f);
	snprintf(out->law, sizeof out->law, "%s (%s): %s", p->id, preset_domain_name(p->domain), f);
	at_text(p, c, out->at, sizeof out->at);
}
