/*
 * domains.h: the comparison of domains: each law's reducible loss
 * L(C) - L_inf against training compute (FLOPs), both axes log, so that a
 * power law is a straight line whose slope is minus its exponent. Every law
 * of one domain shares that domain's glyph (all image rows are 'o'); the
 * legend names each domain with the range of its exponents ("o image
 * 0.10-0.19"). Drawn from a plain spec into a canvas rectangle, for `isoflop
 * plot domains` and the explorer alike. No curses.
 */
#ifndef ISOFLOP_PLOT_DOMAINS_H
#define ISOFLOP_PLOT_DOMAINS_H

#include <stdbool.h>
#include <stddef.h>

#include "../../model/law.h"
#include "canvas.h"
#include "frame.h"

#define DOMAINS_MAX_LAWS    32
#define DOMAINS_MAX_DOMAINS 8

/* The window when the spec gives none: 1e10 to 1e26 FLOPs (a PF-day is 8.64e19). */
#define DOMAINS_C_LO 1e10
#define DOMAINS_C_HI 1e26

/* One law to draw: a power law with L(C). */
struct domains_law {
	const struct law *law;
	const char *id;     /* the table's name for it */
	const char *domain; /* its domain's name: "image"; laws of one name share a glyph */
};

struct domains_spec {
	const struct domains_law *laws;
	int nlaws;
	double c_lo, c_hi; /* window in FLOPs; 0: DOMAINS_C_LO to DOMAINS_C_HI */
	/*
	 * The law to pick out (the explorer's current one), or NULL: its line is
	 * drawn last in '@' and the title names current_id, or says it has no L(C).
	 */
	const struct law *current;
	const char *current_id;
	/* the explorer's C: a '|' from the axis up to the current law's line; 0: none */
	double point_c;
};

/* One domain as drawn. */
struct domains_entry {
	const char *name;
	char glyph;
	int nlaws;
	double exp_lo, exp_hi; /* its laws' compute exponents */
	bool no_floor;         /* a law of it fits no L_inf: its whole L(C) is drawn */
};

/* What was drawn: for the caller's table and the tests. */
struct domains_plot {
	struct frame frame;
	int ndomains; /* in the order of first appearance in the spec */
	struct domains_entry domains[DOMAINS_MAX_DOMAINS];
	int ndrawn; /* laws with a line (those with L(C)) */
	int legend_y, legend_rows;
};

/* Smallest rectangle the picture fits in. */
#define DOMAINS_MIN_W 40
#define DOMAINS_MIN_H 12

/* Whether a law has a reducible L(C) to draw: a power law with a compute fit. */
bool domains_has_curve(const struct law *law);

/*
 * The glyph of a domain's name: a fixed one for each known domain (language
 * '*', code '#', math '%', image 'o', video '=', multimodal '~', proteins
 * '^', molecules '&'), '+' for any other. The current law's line is '@'.
 */
char domains_glyph(const char *domain);

/*
 * Draw every law's L(C) - L_inf into r of c and fill *p. Returns 0, or -1
 * when r is too small, no law has L(C), or the window is empty.
 */
int domains_draw(struct canvas *c, struct rect r, const struct domains_spec *s,
                 struct domains_plot *p);

/* "0.10-0.19", or "0.05" when the domain has one exponent. */
void domains_exponents_text(const struct domains_entry *e, char *buf, size_t size);

#endif
