/*
 * beyond.c: the extrapolation note of loss and optimum (beyond.h): which
 * laws' rows lie past their fitted N, D or compute, and how far.
 */
#include <stdio.h>
#include <string.h>

#include "../../model/units.h"
#include "beyond.h"

/* The largest factor of b: how far the row is past the fit at all. */
static double farthest(const struct law_beyond *b)
{
	double f = b->params > b->tokens ? b->params : b->tokens;

	return f > b->compute ? f : b->compute;
}

/*
 * How far a row lies past the fit, to keep a law's farthest row: its
 * largest factor, or its compute's when the law gives a fitted compute.
 * law_beyond_fit leaves C out when N or D is past; comparing a row's N
 * factor with another's C factor kept 1e24 (C x52.7) over 1e25 (N x2.48,
 * C x526) for the runs' fit.
 */
static double reach(const struct law *law, const struct law_beyond *b, double c)
{
	double f = farthest(b);

	return law->compute.hi > 0 && c / law->compute.hi > f ? c / law->compute.hi : f;
}

void beyond_note_at(struct beyond_notes *nt, const char *id, const struct law *law, double n,
                    double d, double c, const char *c_label)
{
	struct law_beyond b = law_beyond_fit(law, n, d, c);
	int i = 0;

	if (!(farthest(&b) > 0))
		return;
	while (i < nt->n && strcmp(nt->laws[i].id, id) != 0)
		i++;
	if (i == BEYOND_MAX_LAWS)
		return;
	if (i == nt->n)
		nt->laws[nt->n++] = (struct beyond_law){id, law, b, c, c_label};
	else if (reach(law, &b, c) > reach(law, &nt->laws[i].b, nt->laws[i].c)) {
		nt->laws[i].b = b;
		nt->laws[i].c = c;
	}
}

void beyond_note(struct beyond_notes *nt, const char *id, const struct law *law, double n, double d,
                 double c)
{
	beyond_note_at(nt, id, law, n, d, c, NULL);
}

/* "N x2.28 past 16.2B" for one axis, "" inside; `its` adds "its fitted " to the first. */
static void axis_text(char axis, double factor, double hi, bool its, char *buf, size_t size)
{
	char fb[16], hb[16];

	buf[0] = '\0';
	if (!(factor > 0))
		return;
	units_format_factor(factor, fb, sizeof fb);
	if (axis == 'C')
		units_format_compute(hi, hb, sizeof hb);
	else
		units_format_count(hi, hb, sizeof hb);
	snprintf(buf, size, "%c x%s past %s%s", axis, fb, its ? "its fitted " : "", hb);
}

/* The axis a law's row is farthest past, and that factor. */
static char farthest_axis(const struct law_beyond *b, double *factor)
{
	*factor = farthest(b);
	return *factor == b->params ? 'N' : *factor == b->tokens ? 'D' : 'C';
}

/* One law's line: its axes past the fit, the larger factor first as the readout names it. */
static void print_law(const struct beyond_law *l)
{
	bool d_first = l->b.tokens > l->b.params;
	const struct law_range *first = d_first ? &l->law->tokens : &l->law->params;
	const struct law_range *second = d_first ? &l->law->params : &l->law->tokens;
	char axes[3][80];

	axis_text(d_first ? 'D' : 'N', d_first ? l->b.tokens : l->b.params, first->hi, true,
	          axes[0], sizeof axes[0]);
	axis_text(d_first ? 'N' : 'D', d_first ? l->b.params : l->b.tokens, second->hi, !axes[0][0],
	          axes[1], sizeof axes[1]);
	axis_text('C', l->b.compute, l->law->compute.hi, true, axes[2], sizeof axes[2]);
	char at[48] = "", cb[16];
	if (l->c_label != NULL) {
		units_format_compute(l->c, cb, sizeof cb);
		snprintf(at, sizeof at, " at %s = %s", l->c_label, cb);
	}
	printf("Extrapolated by %s%s: %s%s%s%s.\n", l->id, at, axes[0],
	       axes[0][0] && axes[1][0] ? ", " : "", axes[1], axes[2]);
}

/* Many laws (--law all): one line, each law's farthest axis and factor. */
static void print_many(const struct beyond_notes *nt)
{
	char fb[16];
	double f;

	printf("Extrapolated past their fitted range (farthest axis):");
	for (int i = 0; i < nt->n; i++) {
		char axis = farthest_axis(&nt->laws[i].b, &f);
		units_format_factor(f, fb, sizeof fb);
		printf("%s %s %c x%s", i ? "," : "", nt->laws[i].id, axis, fb);
	}
	printf(".\n");
}

void beyond_print(const struct beyond_notes *nt)
{
	if (nt->n > BEYOND_LINES) {
		print_many(nt);
		return;
	}
	for (int i = 0; i < nt->n; i++)
		print_law(&nt->laws[i]);
}
