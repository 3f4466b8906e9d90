/*
 * profiles.h: the iso-FLOP profiles panel: loss against log N along
 * k N D = C for each decade budget in view (the U-curves of Chinchilla
 * Fig. 3), each minimum marked '*'. The overlay emphasises the current
 * budget's curve and marks the current N on it with '@'. No curses.
 */
#ifndef ISOFLOP_PROFILES_H
#define ISOFLOP_PROFILES_H

#include "../../model/law.h"
#include "canvas.h"
#include "frame.h"

#define PROFILES_MAX 32

struct profiles_spec {
	const struct law *law; /* must have a loss surface */
	const char *law_name;
	double u;          /* unique tokens for a data-constrained law; 0: unlimited */
	double n_lo, n_hi; /* window: parameters (the x axis) */
	double d_lo, d_hi; /* window: tokens (a curve spans the N whose D is in it) */
	bool has_current;  /* emphasise the budget current_c and mark '@' at current_n */
	double current_c, current_n;
	/*
	 * Zoom on current_c's curve: 1 on, 0 off, PROFILES_ZOOM_AUTO when the
	 * curve would span fewer than PROFILES_ZOOM_ROWS rows of the whole panel.
	 */
	int zoom;
	/*
	 * The 10-90% interval of current_c's optimum N* across bootstrap laws,
	 * marked '[' and ']' on its curve; both 0: none
	 */
	double spread_lo, spread_hi;
};

#define PROFILES_ZOOM_AUTO (-1)
#define PROFILES_ZOOM_ROWS 3

struct profiles {
	struct frame frame;
	int nbudgets;
	double budgets[PROFILES_MAX]; /* FLOPs, ascending */
	double min_n[PROFILES_MAX];   /* each curve's compute-optimal N */
	double min_loss[PROFILES_MAX];
	bool zoomed; /* the frame is current_c's curve, not every budget's */
};

/* Smallest rectangle the panel fits in. */
#define PROFILES_MIN_W 30
#define PROFILES_MIN_H 10

/*
 * Axes, one curve per decade budget whose optimum lies in the window, minima
 * and budget labels; zoomed (s->zoom), the axes span current_c's curve alone,
 * with a y label about every other row. Returns 0, or -1 when r is too small,
 * the law has no surface, no budget's optimum is in view, or memory runs out.
 */
int profiles_draw_base(struct canvas *c, struct rect r, const struct profiles_spec *s,
                       struct profiles *p);

/* Title, the current budget's curve emphasised, its minimum '*' and '@' at the current N. */
void profiles_draw_overlay(struct canvas *c, struct rect r, const struct profiles_spec *s,
                           const struct profiles *p);

#endif
