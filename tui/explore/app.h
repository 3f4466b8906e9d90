/*
 * app.h: the explorer's state and every change a key can make to it. No
 * curses and no drawing here: handlers change the state and say what must be
 * redrawn, so that the lock logic, clamping, snapping and value entry are
 * unit-tested without a terminal.
 *
 * The point lives as N and D; C = k N D follows. One of the three sliders is
 * locked: moving another one moves the third so that the lock holds.
 */
#ifndef ISOFLOP_APP_H
#define ISOFLOP_APP_H

#include <stdbool.h>

#include "../../model/fit.h"
#include "../../model/hardware.h"
#include "../../presets/catalog.h"
#include "../../presets/tour.h"

/*
 * Every slider the screen can show. N, D and C are linked (C = k N D); the
 * views add their own: T (inference, 'i'; test time, 't'), U (data, 'u'),
 * M (test time), and 'e' swaps all of them for the law's coefficients.
 */
enum slider {
	SLIDER_N,
	SLIDER_D,
	SLIDER_C,
	SLIDER_T,    /* lifetime inference tokens, 0 to 1e15 */
	SLIDER_U,    /* unique tokens */
	SLIDER_M,    /* how many times larger a model test-time compute stands in for */
	SLIDER_GPUS, /* accelerators training (view 'g') */
	SLIDER_DAYS, /* wall-clock days of training */
	SLIDER_MFU,  /* model FLOPs utilisation */
	SLIDER_E,    /* the coefficients of an additive law */
	SLIDER_A,
	SLIDER_B,
	SLIDER_ALPHA,
	SLIDER_BETA,
	SLIDER_COUNT
};

/* The most sliders shown at once: N, D, C, T, U, M, count, days, MFU. */
#define APP_MAX_SLIDERS 9

/* What the screen shows over the panels. */
enum app_mode {
	MODE_EXPLORE,
	MODE_ENTRY,        /* typing a value for the focused slider after '=' */
	MODE_PICK_MODEL,   /* 'p' */
	MODE_PICK_LAW,     /* 'w' */
	MODE_PICK_COMPARE, /* 'c': a second law to compare with */
	MODE_HELP,         /* '?' */
	MODE_TOUR,         /* playing a tour: Space next, Backspace back, Esc explores */
	MODE_SAVE,         /* typing an id to save the edited law under ('s') */
};

/* What a key handler asks of the screen. */
enum key_result {
	KEY_IGNORED, /* not a key of this mode */
	KEY_HANDLED, /* the overlay changed: point, sliders, readout, status, dialogs */
	KEY_REDRAW,  /* the base changed too: law, markers, window */
	KEY_QUIT,
};

/*
 * What a tour step may change, as it was when the tour started. Every step is
 * shown by replaying steps 1..N from here, so that a step looks the same
 * whether it is reached forward, back or by 'g N': a step that names no law
 * keeps the law of the step before it in the tour, not of the step last seen.
 */
struct app_tour_origin {
	size_t law;
	bool edited, editing;
	struct law edit;
	double n, d, u;
	enum slider focus, lock;
	bool markers;
	enum tour_panel panel;
	long model;
	struct hw_plan hw;
};

#define APP_ENTRY_MAX  64 /* a preset id is up to 63 characters */
#define APP_STATUS_MAX 160

struct app {
	const struct catalog *catalog;
	size_t law;        /* index into catalog->laws */
	double n, d;       /* the current point: parameters and tokens */
	double u;          /* unique tokens for a data-constrained law; 0: unlimited */
	double n_lo, n_hi; /* window: parameters */
	double d_lo, d_hi; /* window: tokens */
	enum slider focus; /* the slider the arrows move */
	enum slider lock;  /* the slider that holds while another moves */
	bool markers;      /* model markers on the map */
	enum app_mode mode;
	size_t pick;                        /* the highlighted row of a picker */
	char entry[APP_ENTRY_MAX];          /* text typed after '=' */
	char status[APP_STATUS_MAX];        /* a message for the status line, or "" */
	enum tour_panel panel;              /* which panels the layout shows */
	const struct tour *tour;            /* the tour being played, or NULL */
	int step;                           /* its current step, from 0 */
	struct app_tour_origin tour_origin; /* the state it started from */
	bool jumping;                       /* 'g' pressed: digits name a step */
	char jump[8];                       /* the digits typed after 'g' */
	const struct fit_run *runs;         /* the user's runs (--runs), drawn on the map */
	size_t nruns;
	long model;   /* the model the point was put at (p), -1 once it moves */
	long compare; /* the law compared with (c), -1 for none */
	bool delta;   /* the map shows L(law) - L(compare) (d) */
	/* the views after Chinchilla: each adds sliders and draws its own lines */
	bool inference;    /* 'i': T, the inference-aware frontier, lifetime FLOPs */
	bool data;         /* 'u': U, the line D = 4U and where more data stops helping */
	bool testtime;     /* 't': T and M, the test-time panel in place of the profiles */
	bool editing;      /* 'e': the sliders are E, A, B, alpha, beta of the law */
	bool hardware;     /* 'g': count, days and MFU of an accelerator give C */
	long accel;        /* the accelerator (catalog->accelerators), -1 when none loaded */
	struct hw_plan hw; /* its peak, count, MFU, days; budget is C */
	enum hw_unknown hw_follow; /* which of budget, count, days follows ('f') */
	double t;                  /* lifetime inference tokens; 0: none */
	double m;                  /* the larger model's factor in the test-time panel */
	bool edited;               /* the law was edited: `edit` holds it, app_law returns it */
	bool saved;                /* and saved ('s') since its last change */
	double u_given;            /* --unique-tokens, which the data view starts from */
	struct law edit;
	char save_dir[4096]; /* where 's' saves edited laws: $XDG_CONFIG_HOME/isoflop/laws */
};

/* Steps of a slider, in decades. */
#define APP_STEP_FINE   0.05
#define APP_STEP_COARSE 0.5

/* A fresh state: Chinchilla's point under law `law`, C locked, markers on. */
void app_init(struct app *a, const struct catalog *cat, size_t law);

/* The current law. */
const struct law *app_law(const struct app *a);

/* The sliders on screen, top to bottom, into out (APP_MAX_SLIDERS); returns how many. */
int app_sliders(const struct app *a, enum slider *out);

/* A slider's short name ("N", "alpha") and its label on screen ("N params"). */
const char *app_slider_name(enum slider s);
const char *app_slider_label(enum slider s);

/* Whether moving slider s changes the map's contours or lines (not just the point). */
bool app_slider_redraws(enum slider s);

/* Whether the slider's bar is linear (E, alpha, beta, MFU) rather than in decades. */
bool app_slider_linear(enum slider s);

/* The value of a slider: N, D, C = k N D, T, U, M or a coefficient. */
double app_value(const struct app *a, enum slider s);

/* A slider's range over the window: [lo, hi]. */
void app_range(const struct app *a, enum slider s, double *lo, double *hi);

/*
 * Set slider s to v, moving the follower (the slider that is neither s nor
 * the lock; when s is the lock itself, D follows N and C, N follows D) so
 * that the lock holds, clamped so that all three stay in their ranges.
 */
void app_set(struct app *a, enum slider s, double v);

/*
 * Move slider s by `decades` (negative: down), as app_set; a slider on a
 * linear scale (E, alpha, beta) moves by a fixed share of its range instead.
 */
void app_step(struct app *a, enum slider s, double decades);

/* Turn a view on or off; the state's sliders and focus follow. */
void app_toggle_inference(struct app *a);
void app_toggle_data(struct app *a);
void app_toggle_testtime(struct app *a);
/* 'g': the hardware view; false and a status message when no accelerator is loaded. */
bool app_toggle_hardware(struct app *a);
/* 'a': the next accelerator; 'f': the next of days, count, budget to follow. */
void app_next_accelerator(struct app *a);
void app_cycle_follow(struct app *a);

/* 'e': edit the law's coefficients; false and a status message if it has none. */
bool app_toggle_editing(struct app *a);

/*
 * Save the edited law as dir/ID.yaml: written to a temporary file, then
 * linked into place so that an existing file is never replaced. 0, or -1
 * with the reason in the status line.
 */
int app_save_law(struct app *a, const char *id);

/* Put the point at the compute-optimal N and D for the current C. */
void app_snap_optimum(struct app *a);

/* Put the point at a model's (active) parameters and tokens. */
void app_jump_model(struct app *a, size_t model);

/* Move the point to (n, d), clamped into the window; C follows whatever is locked. */
void app_move_to(struct app *a, double n, double d);

/* Parse the entry as a value of the focused slider and set it; false and a status message if bad.
 */
bool app_commit_entry(struct app *a);

/*
 * Check a tour against the catalog (every law and model it names exists,
 * every point lies in the window) and show its first step. -1 and a
 * "FILE:LINE:COL: message" in err when it cannot be played.
 */
int app_tour_start(struct app *a, const struct tour *t, char *err, size_t errsize);

/*
 * Show step i of the tour (clamped to its steps): the state the tour's start
 * reaches through steps 1..i+1, however the tour got to its current step.
 */
void app_tour_show(struct app *a, int i);

/* Handle one key (see keys.h); the result says what to redraw. */
enum key_result app_key(struct app *a, int key);

#endif
