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
	else if (farthest(&b) > farthest(&nt->laws[i].b)) {
		nt->laws[i].b = b;
		nt->laws[i].c = c;
	}
}

void beyond_note(struct beyond_notes *nt, const char *id, const struct law *law, double n, double d,
                 double c)
{
	beyond_note_at(nt, id, law, n, d, c, NULL);
}

/*
 * "N x2.28 past 16.2B" or "N x19.7 below 70M" for one axis, "" inside;
 * `its` adds "its fitted " ("its smallest fitted ") to the first.
 */
static void axis_text(char axis, double factor, bool below, const struct law_range *r, bool its,
                      char *buf, size_t size)
{
	char fb[16], hb[16];
	double end = below ? r->lo : r->hi;

	buf[0] = '\0';
	if (!(factor > 0))
		return;
	units_format_factor(factor, fb, sizeof fb);
	if (axis == 'C')
		units_format_compute(end, hb, sizeof hb);
	else
		units_format_count(end, hb, sizeof hb);
	snprintf(buf, size, "%c x%s %s %s%s", axis, fb, below ? "below" : "past",
	         its ? (below ? "its smallest fitted " : "its fitted ") : "", hb);
}

/* The axis a law's row is farthest outside, that factor, and whether it is below the fit. */
static char farthest_axis(const struct law_beyond *b, double *factor, bool *below)
{
	*factor = farthest(b);
	if (*factor == b->params) {
		*below = b->params_below;
		return 'N';
	}
	if (*factor == b->tokens) {
		*below = b->tokens_below;
		return 'D';
	}
	*below = b->compute_below;
	return 'C';
}

/*
 * One law's line: its axes outside the fit, the largest factor first as the
 * readout names it (1e25 FLOPs on the runs' fit: C x527 before N x2.48).
 */
static void print_law(const struct beyond_law *l)
{
	const struct law_beyond *b = &l->b;
	struct {
		char axis;
		double f;
		bool below;
		const struct law_range *r;
	} ax[3] = {{'N', b->params, b->params_below, &l->law->params},
	           {'D', b->tokens, b->tokens_below, &l->law->tokens},
	           {'C', b->compute, b->compute_below, &l->law->compute}};
	char text[3][80], line[256] = "", at[48] = "", cb[16];
	bool used[3] = {false, false, false};

	for (int k = 0; k < 3; k++) { /* largest factor first, the rest as they come */
		int m = -1;
		for (int i = 0; i < 3; i++)
			if (!used[i] && ax[i].f > 0 && (m < 0 || ax[i].f > ax[m].f))
				m = i;
		if (m < 0)
			break;
		used[m] = true;
		axis_text(ax[m].axis, ax[m].f, ax[m].below, ax[m].r, k == 0, text[k],
		          sizeof text[k]);
		snprintf(line + strlen(line), sizeof line - strlen(line), "%s%s", k ? ", " : "",
		         text[k]);
	}
	if (l->c_label != NULL) {
		units_format_compute(l->c, cb, sizeof cb);
		snprintf(at, sizeof at, " at %s = %s", l->c_label, cb);
	}
	printf("Extrapolated by %s%s: %s.\n", l->id, at, line);
}

/* Many laws (--law all): one line, each law's farthest axis and factor. */
static void print_many(const struct beyond_notes *nt)
{
	char fb[16];
	double f;
	bool below;

	printf("Extrapolated outside their fitted range (farthest axis):");
	for (int i = 0; i < nt->n; i++) {
		char axis = farthest_axis(&nt->laws[i].b, &f, &below);
		units_format_factor(f, fb, sizeof fb);
		printf("%s %s %c x%s%s", i ? "," : "", nt->laws[i].id, axis, fb,
		       below ? " below" : "");
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
