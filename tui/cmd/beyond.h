/*
 * beyond.h: the note under loss's and optimum's text tables naming the laws
 * whose rows lie outside their fitted range (law_beyond_fit), above or
 * below, every axis past with the largest factor first: "Extrapolated by
 * runs at C = 1e25: C x527 past its fitted 1.9e22, N x2.48 past 126B, D
 * x2.12 past 2.52T.", "Extrapolated by hoffmann2022: D x107 below its
 * smallest fitted 5B, N x19.7 below 70M." The explorer's readout says the
 * same per point.
 */
#ifndef ISOFLOP_BEYOND_H
#define ISOFLOP_BEYOND_H

#include "../../model/law.h"

#define BEYOND_MAX_LAWS 32

/* Past this many laws (--law all) the note is one line of factors. */
#define BEYOND_LINES 3

/* One law's farthest row past its fit. */
struct beyond_law {
	const char *id; /* the preset's id (the catalog outlives the note) */
	const struct law *law;
	struct law_beyond b;
	double c;            /* the row's compute */
	const char *c_label; /* names c in the note ("C", "B's C"); NULL: c unsaid */
};

/* The laws a table extrapolates, in the order their rows came. */
struct beyond_notes {
	struct beyond_law laws[BEYOND_MAX_LAWS];
	int n;
};

/* A row of law `id` at (n, d, c): kept when it lies farther past the fit than the law's others. */
void beyond_note(struct beyond_notes *nt, const char *id, const struct law *law, double n, double d,
                 double c);

/*
 * As beyond_note, the note naming the row's compute too, as the table's
 * column c_label: "Extrapolated by runs at C = 1e25: C x527 past its fitted
 * 1.9e22, N x2.48 past 126B, D x2.12 past 2.52T." (compare: its A's and B's C
 * differ, and N or D past says nothing of which budget).
 */
void beyond_note_at(struct beyond_notes *nt, const char *id, const struct law *law, double n,
                    double d, double c, const char *c_label);

/* One line per law that extrapolates; nothing when none does. */
void beyond_print(const struct beyond_notes *nt);

#endif
