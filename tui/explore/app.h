/*
 * app.h: the explorer's state and every change keys, clicks, start options
 * and tours can make to it. No curses and no drawing here, so that the lock
 * logic, clamping, snapping and value entry are unit-tested without a
 * terminal. Only the state module writes the state's fields: app.c (the
 * point, sliders, views, hardware) and its parts app_pick.c (dialogs),
 * app_tour.c (tour steps), app_views.c (the views' table) and app_window.c
 * (the map's window); sliders.c reads them for the sliders' names, ranges
 * and values.
 *
 * The point lives as N and D; C = k N D follows. One of the three sliders is
 * locked: moving another one moves the third so that the lock holds.
 */
#ifndef ISOFLOP_APP_H
#define ISOFLOP_APP_H

#include <stdbool.h>

#include "../../model/fit.h"
#include "../../model/hardware.h"
#include "../../model/lifecost.h"
#include "../../presets/catalog.h"
#include "../../presets/tour.h"
#include "stocks.h"

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
	/* the train x test plane ('X'): total = train + problems x test, one locked */
	SLIDER_TRAIN,    /* training FLOPs */
	SLIDER_TEST,     /* test-time FLOPs per problem */
	SLIDER_PROBLEMS, /* problems served */
	SLIDER_TOTAL,    /* train + problems x test */
	/* coverage against samples ('K') */
	SLIDER_SAMPLES, /* samples per problem, k */
	SLIDER_TARGET,  /* a coverage to reach */
	SLIDER_E,       /* the coefficients of an additive law */
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
	MODE_TOUR,         /* playing a tour: Space next, Backspace back, other keys detour */
	MODE_SAVE,         /* typing an id to save the edited law under ('s') */
	MODE_RECORD,       /* typing the caption of a tour step to record ('r') */
	MODE_PICK_MARKS,   /* 'M': the marked models, toggled with Space */
	MODE_PICK_TT,      /* 'W': a test-time law */
};

/* The most models marked at once: a map labels a handful whole, not dozens. */
#define APP_MAX_MARKED 32

/* Models always labelled whole on the map; the rest yield to them. */
struct app_marks {
	int n;                        /* how many */
	size_t model[APP_MAX_MARKED]; /* indices into catalog->models, in the order marked */
};

/*
 * The map's window: what `--range`, a tour step's `window:` and the keys
 * + - . 0 set. The map shows it grown to hold the point and the view's
 * features (app_map_window), so the point is never off the map.
 */
struct app_window {
	double n_lo, n_hi; /* parameters */
	double d_lo, d_hi; /* tokens */
};

/* How far one + or - moves each edge of the map's window, in decades. */
#define APP_ZOOM_DECADES 1.0
/* The narrowest window + gives, in decades of N and of D. */
#define APP_ZOOM_MIN_SPAN 1.0

/*
 * The test-time views' state (X, K): a test-time law and a point on its
 * axes. The plane's three linked sliders keep total = train + problems x
 * test; `lock` (SLIDER_TOTAL, SLIDER_TRAIN or SLIDER_TEST) holds while
 * another moves.
 */
struct app_tt {
	long law; /* index into catalog->testtimes, -1 when none is loaded */
	/* the last plane and coverage laws picked or shown: X and K return to them; -1: none */
	long last_plane, last_coverage;
	double train;    /* FLOPs */
	double test;     /* FLOPs per problem */
	double problems; /* Q */
	double samples;  /* k */
	double target;   /* coverage (K), 0 < target < 1 */
	enum slider lock;
};

/*
 * What a tour step may change, listed once: struct app holds it as its
 * member `scene`, so that a tour saves the state it started from and
 * replays every step from it in one assignment each. A step is shown by
 * replaying steps 1..N from there, so that it looks the same whether it is
 * reached forward, back or by 'g N'.
 */
struct app_scene {
	size_t law;     /* index into catalog->laws */
	bool edited;    /* the law was edited: `edit` holds it, app_law returns it */
	unsigned views; /* the open views: bit 1u << v for each (app_views.h) */
	/*
	 * The views a view's key closed to make room for it (its id + 1 in
	 * made_room_for, 0: none), reopened when the same key closes it: T T
	 * comes back to the compute or hardware view it left.
	 */
	unsigned made_room;
	int made_room_for;
	struct law edit;         /* the edited law */
	double n, d;             /* the current point: parameters and tokens */
	double u;                /* unique tokens for a data-constrained law; 0: unlimited */
	enum slider focus;       /* the slider the arrows move */
	enum slider lock;        /* the slider that holds while another moves */
	bool markers;            /* model markers on the map */
	struct app_marks marked; /* models labelled whole ('M', --model, a step's models:) */
	enum tour_panel panel;   /* which panels the layout shows */
	long model;              /* the model the point was put at (p), -1 once it moves */
	struct hw_plan hw;       /* the accelerator's peak, count, MFU, days; budget is C */
	int zoom; /* profiles on the point's curve ('z'): 1, 0, or -1 when it is flat */
	struct app_window window; /* the map's window as set, before it grows */
	/*
	 * A price and power given (--price/--watts, a step's price/watts) for
	 * accelerator `accel` alone: another accelerator has its own preset's
	 * (app_next_accelerator says so). 0: none given.
	 */
	struct app_cost_given {
		long accel;
		double price, watts;
	} given;
	/* the inference view's lifetime dollars: serving's MFU (--serve-mfu, a step's
	 * serve_mfu; 0: none) and price (0: training's) */
	double serve_mfu, serve_price;
	struct app_tt tt; /* the test-time views' law and point */
};

/*
 * The state a tour starts from, which every step is replayed from: the
 * scene (the open views with it), and the views' own state, which a step
 * may also change (compare, difference, inference_tokens, larger,
 * accelerator, gpus, days, mfu) but the rest of the explorer reads from
 * struct app.
 */
struct app_tour_start {
	struct app_scene scene; /* the open views with it */
	bool delta;
	long compare, accel;
	enum hw_unknown hw_follow;
	double t, m;
	struct stock_numbers stock;      /* a step may name another (stock:) */
	const struct preset *downstream; /* and another loss-to-error map (downstream:) */
	bool error_contours;
};

struct notes; /* notes.h: where a tour's speaker notes go (--notes) */

#define APP_VALUE_MAX  64                       /* a value or a preset id: up to 63 characters */
#define APP_ENTRY_MAX  (TOUR_CAPTION_WIDTH + 1) /* a caption's line is the longest entry */
#define APP_STATUS_MAX 160
/* The columns a status line is written for: the narrowest terminal a talk is given on. */
#define APP_STATUS_COLUMNS 80
#define APP_CLIP_MAX       1024 /* a command line with every option and a long model id */

/*
 * The explorer's state. Read it freely; change it only through the
 * functions below, so that every change keeps the lock, the window and the
 * hardware identity.
 */
struct app {
	struct app_scene scene; /* what a tour step may change */
	const struct catalog *catalog;
	double n_lo, n_hi; /* where the point may go: parameters (the sliders' range) */
	double d_lo, d_hi; /* and tokens; the map's window is scene.window */
	enum app_mode mode;
	size_t pick;                       /* the highlighted row of a picker */
	char seek[APP_ENTRY_MAX];          /* what was typed in a picker to find a row by */
	char entry[APP_ENTRY_MAX];         /* text typed after '=' */
	char status[APP_STATUS_MAX];       /* a message for the status line, or "" */
	const struct tour *tour;           /* the tour being played, or NULL */
	int step;                          /* its current step, from 0 */
	struct app_tour_start tour_origin; /* the state it started from */
	struct notes *notes;               /* where its steps' notes go (--notes), or NULL */
	bool jumping;                      /* 'g' pressed: digits name a step */
	char jump[8];                      /* the digits typed after 'g' */
	bool detoured;                     /* an explorer key moved off the tour's step */
	int detour_from;                   /* the step it left, which Enter shows again */
	bool asking_quit;                  /* 'q' in a tour: the status line asks y/n */
	char clip[APP_CLIP_MAX];           /* text for the terminal's clipboard ('y') */
	bool clip_pending;                 /* clip waits for the screen to send it */
	const struct fit_run *runs;        /* the user's runs (--runs), drawn on the map */
	size_t nruns;
	const struct law *draws; /* bootstrap laws of the runs' fit (--bootstrap), or NULL */
	int ndraws;
	size_t draws_law; /* the law (catalog->laws) they resample */
	/*
	 * Where the runs came from, as 'y' copies and 'r' records them: --runs
	 * FILE as given (or a tour's runs:), --bootstrap N (0: none), --seed S
	 * (-1: not given) and the law fitted to them; file NULL without runs.
	 */
	struct app_runs_from {
		const char *file;
		long bootstrap, seed;
		size_t law;
	} runs_from;
	long compare; /* the law compared with (c), -1 for none */
	bool delta;   /* the map shows L(law) - L(compare) (d) */
	bool big;     /* 'b': the readout's L, efficiency and C in big digits */
	/* the views' own state; which views are open is scene.views (app_views.h) */
	long accel; /* the accelerator (catalog->accelerators), -1 when none loaded */
	enum hw_unknown hw_follow; /* which of budget, count, days follows ('f') */
	double t;                  /* lifetime inference tokens; 0: none */
	double m;                  /* the larger model's factor in the test-time panel */
	bool saved;                /* the edited law was saved ('s') since its last change */
	double u_given;            /* --unique-tokens, which the data view starts from */
	char save_dir[4096];       /* where 's' saves edited laws: $XDG_CONFIG_HOME/isoflop/laws */
	char record_path[4096];    /* the tour 'r' appends steps to, "" for none */
	bool zoom_shown;           /* the profiles were last drawn zoomed (app_zoom_shown) */

	/* --domain: the law pickers list this domain's laws alone (enum preset_domain); -1: all */
	int domain;

	/* the data view's stock of text (its band, epochs and window); stock.stock 0: none */
	struct stock_numbers stock;

	/* --downstream: a loss-to-error map (the readout's error line, 'A' its contours); NULL */
	const struct preset *downstream;
	bool error_contours; /* 'A': the map's contours are of the error it derives, not of L */
};

/* Steps of a slider, in decades. */
#define APP_STEP_FINE   0.05
#define APP_STEP_COARSE 0.5

/* A fresh state: Chinchilla's point under law `law`, C locked, markers on. */
void app_init(struct app *a, const struct catalog *cat, size_t law);

/*
 * What the current law cannot show (law_view.h), in the status line: a
 * power law or an exponent-only frontier says so when picked or started on,
 * and a law fitted on under two decades of N (law_range_narrow) that its
 * exponents are poorly determined; other laws leave the status line as it was.
 */
void app_say_lacks(struct app *a);

/* The words of that warning, for the readout to leave out while the status line says them. */
#define APP_NARROW_WORDS "fitted on under two decades of N"

/*
 * The law pickers' rows (w, c): the laws grouped by domain, language first
 * and each domain in the catalog's order, of --domain's alone when given.
 * a->pick stays the highlighted law's index in catalog->laws.
 */
size_t app_law_rows(const struct app *a);
/* The law (index into catalog->laws) on row `row`, or -1 past the last. */
long app_law_at(const struct app *a, size_t row);
/* The row law is on, or -1 when --domain leaves it out. */
long app_law_row(const struct app *a, size_t law);
/* --domain: the law pickers list laws of `domain` (enum preset_domain) alone; -1: all. */
void app_set_domain(struct app *a, int domain);

/* The current law. */
const struct law *app_law(const struct app *a);

/* The sliders on screen, top to bottom, into out (APP_MAX_SLIDERS); returns how many. */
int app_sliders(const struct app *a, enum slider *out);

/*
 * The slider `by` places after the focus among those on screen (negative:
 * before), wrapping round; a focus off screen counts from the first, so
 * that 0 gives the focus if it is on screen and the first slider if not.
 */
enum slider app_slider_by(const struct app *a, int by);

/* A slider's short name ("N", "alpha"). */
const char *app_slider_name(enum slider s);
/*
 * Slider s's label as the current law names it: the plane's test compute
 * is counted per its law's `per` ("test/move", "moves"), else the label.
 */
void app_slider_title(const struct app *a, enum slider s, char *buf, size_t size);

/* Whether slider s is the locked one: among total, train, test in view X, else N, D, C. */
bool app_slider_locked(const struct app *a, enum slider s);

/* Whether the slider's bar is linear (E, alpha, beta, MFU) rather than in decades. */
bool app_slider_linear(enum slider s);

/* The value of a slider: N, D, C = k N D, T, U, M or a coefficient. */
double app_value(const struct app *a, enum slider s);

/* A slider's range over the window: [lo, hi]. */
void app_range(const struct app *a, enum slider s, double *lo, double *hi);

/*
 * Where setting linked slider s (N, D or C) to v puts the point: the
 * follower (see app_set) takes up the change, and both stay in the window.
 * False, and n and d untouched, when v is not a positive finite number.
 */
bool app_linked_point(const struct app *a, enum slider s, double v, double *n, double *d);

/*
 * The value a slider of its own (not N, D, C) takes when set to v: clamped
 * into its range, T below it 0 (no inference), a count whole accelerators.
 * False, and *to untouched, when v is no value for it.
 */
bool app_own_clamp(const struct app *a, enum slider s, double v, double *to);

/* The value app_step moves slider s to: `decades` up or down, or a share of a linear range. */
double app_stepped(const struct app *a, enum slider s, double decades);

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

/*
 * The top of the D and U sliders (and so of C's): d_hi, or in the data view
 * with a stock of text known, past the stock's interval (1e16 for
 * Villalobos et al.'s 1000T), so that the point can walk into the band.
 */
double app_tokens_hi(const struct app *a);

/* Whether view v (TOUR_VIEW_INFERENCE...: a row of app_views.h) is open. */
bool app_view_on(const struct app *a, enum tour_view v);

/*
 * Open or close view v, closing the views that draw in its place; the
 * state's sliders and focus follow. False and a status message when it
 * cannot open (its row refuses: edit without an additive law, hardware
 * without accelerators).
 */
bool app_toggle_view(struct app *a, enum tour_view v);

/* The same, by name: 'i' inference, 'u' data, 't' test time, 'g' hardware. */
bool app_toggle_inference(struct app *a);
bool app_toggle_data(struct app *a);
bool app_toggle_testtime(struct app *a);
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

/*
 * Parse text as a value of slider s ("70B", "3e23", an MFU as 0.4 or 40%).
 * False and "NAME: why: 'text'" in why when it is none.
 */
bool app_parse_value(enum slider s, const char *text, double *v, char *why, size_t whysize);

/*
 * After typed text was set as value v of slider s, whose range was [lo, hi]:
 * "NAME = TEXT is out of reach here: clamped to X" into note when the slider
 * could not take v, else "".
 */
void app_clamp_note(const struct app *a, enum slider s, double v, double lo, double hi,
                    const char *typed, char *note, size_t size);

/*
 * Parse the entry as a value of the focused slider and set it; false and a
 * status message if bad.
 */
bool app_commit_entry(struct app *a);

/* ---- setters: what keys, clicks, start options and tours change ---- */

/* A message for the status line (printf), or none. */
void app_status(struct app *a, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void app_clear_status(struct app *a);

/* Focus slider s (one on screen); or the next (by 1) or previous (-1) on screen. */
void app_focus(struct app *a, enum slider s);
void app_focus_by(struct app *a, int by);

/* 'x': lock the next of C, N, D, saying so in the status line. */
void app_cycle_lock(struct app *a);

/* 'm': model markers on or off. */
void app_toggle_markers(struct app *a);

/*
 * 'z': zoom the profiles on the point's curve, or show every budget again:
 * the opposite of what the screen last showed (app_zoom_shown), since with
 * scene.zoom at -1 the panel decides by itself.
 */
void app_toggle_zoom(struct app *a);

/* What the screen drew last: the profiles zoomed or not, for the next 'z'. */
void app_zoom_shown(struct app *a, bool zoomed);

/*
 * Marks. By default (app_init) the story's models, those of them the
 * catalog has: GPT-3, Gopher, Chinchilla and Llama 3 70B (APP_STORY_MODELS).
 */
#define APP_STORY_MODELS "gpt3", "gopher", "chinchilla", "llama3-70b"
bool app_model_marked(const struct app *a, size_t model);
/* 'M' then Space: mark or unmark a model; false and a status message when APP_MAX_MARKED are. */
bool app_toggle_mark(struct app *a, size_t model);
/* Exactly these models marked (a tour step, --model a,b,c); past APP_MAX_MARKED are dropped. */
void app_set_marked(struct app *a, const size_t *models, int n);

/* 'b': the big readout on or off. */
void app_toggle_big(struct app *a);

/* 'd': the map of L - L(compared); false and a status message without two surfaces. */
bool app_toggle_delta(struct app *a);

/*
 * Show exactly one view (TOUR_VIEW_INFERENCE...), or none (EXPLORE), as
 * the view keys would; false and a status message when the view cannot
 * open (edit without an additive law, hardware without accelerators).
 */
bool app_set_view(struct app *a, enum tour_view view);

/* Compare with law `law` (catalog->laws), or with none (-1): the difference map goes with it. */
void app_set_compare(struct app *a, long law);

/* The difference map on or off; false and a status message when it cannot show. */
bool app_set_delta(struct app *a, bool on);

/*
 * The inference view's lifetime dollars: true, with *out filled from the
 * hardware plan (peak, MFU, price) and the serving terms, when the view is
 * open, the hardware view has chosen an accelerator with a price and a
 * serving MFU was given.
 */
bool app_lifecost(const struct app *a, struct lifecost *out);

/* Use accelerator `accel` (catalog->accelerators) in the hardware view. */
void app_set_accelerator(struct app *a, size_t accel);

/*
 * The hardware view's price (USD per accelerator-hour) and power (W) for
 * the current accelerator only, over its preset's; the PUE (>= 1) for the
 * session. Values the caller checked (positive; PUE >= 1).
 */
void app_set_price(struct app *a, double usd);
void app_set_watts(struct app *a, double watts);
void app_set_pue(struct app *a, double pue);
/* Serving's MFU and price per accelerator-hour (0: the training price), for lifetime dollars. */
void app_set_serve(struct app *a, double mfu, double price);

/*
 * The data view's stock of text: the stock preset `id`, or none ("none":
 * no band, no stock epochs). False, nothing changed, for an unknown id.
 */
bool app_set_stock(struct app *a, const char *id);

/* Which of budget, count and days follows when another moves. */
void app_set_follow(struct app *a, enum hw_unknown follow);

/*
 * Count and days given: the budget follows from the hardware and the point
 * goes to that budget's compute-optimal allocation, clamped into the window
 * like every move. The budget into *budget and the optimum as computed,
 * before the clamp, into *n and *d, for a caller that refuses one outside
 * the window; MODEL_OK or why not (the point then stays).
 */
enum model_status app_hw_budget_optimum(struct app *a, double count, double days, double *budget,
                                        double *n, double *d);

/* The tour file 'r' appends the current state to as a step. */
void app_set_record_path(struct app *a, const char *path);

/* Where 's' saves; the user's runs drawn on the map; --unique-tokens for the data view. */
void app_set_save_dir(struct app *a, const char *dir);
void app_set_runs(struct app *a, const struct fit_run *runs, size_t n);
/* Where the runs came from (the caller keeps from.file), for 'y' and 'r'. */
void app_set_runs_from(struct app *a, const struct app_runs_from *from);
/* The bootstrap laws of law `law`'s fit (the caller keeps them), for the band and intervals. */
void app_set_draws(struct app *a, const struct law *draws, int n, size_t law);
/* Those laws while the explorer shows their law unedited, with *n set; else NULL and 0. */
const struct law *app_draws(const struct app *a, int *n);
void app_set_unique_given(struct app *a, double u);

/*
 * The test-time views' state (start options, tour steps): the law (index
 * into catalog->testtimes), training FLOPs, test FLOPs per problem, the
 * problems served, the samples per problem and the target coverage. Values
 * are clamped into the sliders' ranges; a bad one (not positive, not
 * finite, an index past the catalog's) changes nothing and returns false.
 */
bool app_set_tt_law(struct app *a, size_t index);
bool app_set_train(struct app *a, double flops);
bool app_set_test(struct app *a, double flops);
bool app_set_problems(struct app *a, double q);
bool app_set_samples(struct app *a, double k);
bool app_set_target(struct app *a, double p);

/*
 * The test-time views' first law and point (app_init); a slider of theirs
 * set, the plane's follower keeping what is locked (app_set calls it); 'x'
 * in view X: lock the next of total, train, test.
 */
void app_tt_init(struct app *a);
void app_tt_set(struct app *a, enum slider s, double v);
void app_tt_cycle_lock(struct app *a);

/* The test-time law chosen, or NULL when the catalog has none. */
const struct catalog_entry *app_tt_law(const struct app *a);

/* Whether the law draws a plane (X) or a coverage curve (K), and why not (status lines). */
bool app_tt_has_plane(const struct app *a);
bool app_tt_has_coverage(const struct app *a);
const char *app_tt_no_plane(const struct app *a);
const char *app_tt_no_coverage(const struct app *a);
/* X or K (the key) about to open under a law it cannot show: switch to one it can, said. */
bool app_tt_suit(struct app *a, enum tour_view id);

/* Where a tour's speaker notes go at each step (--notes), or NULL. */
void app_set_notes(struct app *a, struct notes *n);

/*
 * Open a dialog: MODE_ENTRY or MODE_SAVE with an empty entry, a picker at
 * the current model (first), law or compared law, the help at its top.
 * app_close returns to MODE_EXPLORE.
 */
void app_open(struct app *a, enum app_mode mode);
void app_close(struct app *a);

/*
 * Move the picker's (or the help's) row by `by` among `rows`: wrapping
 * round, or stopping at the ends.
 */
void app_pick_move(struct app *a, int by, size_t rows, bool wrap);

/*
 * Type-ahead in a picker: ch extends what was typed, and the pick goes to
 * the first row whose id or name starts with it (ignoring case); when none
 * does, ch alone starts it afresh. False, the pick unmoved, when no row
 * starts with either.
 */
bool app_pick_seek(struct app *a, int ch);

/* Enter in a picker: jump to the model, switch to the law or compare with it (the marks
 * picker just closes). */
void app_pick_choose(struct app *a);

/*
 * Typing after '=', 's' or 'r': a printable character, a blank in a
 * caption only (false: not one, or no room), Backspace.
 */
bool app_entry_type(struct app *a, int ch);
void app_entry_erase(struct app *a);

/* Enter after '=', 's' or 'r': set the value, save the law or record the step; back to
 * MODE_EXPLORE. */
void app_entry_done(struct app *a);

/* ---- the map's window ---- */

/*
 * The window the map shows: scene.window grown, where it must, to hold the
 * point and what the view adds (the data view's row D = 4U) with half a
 * decade to spare, inside the units' limits (units.h).
 */
void app_map_window(const struct app *a, struct app_window *w);

/*
 * Set the map's window (--range, a tour's `window:`): false and a status
 * message, the window untouched, unless lo < hi inside the units' limits.
 */
bool app_set_window(struct app *a, const struct app_window *w);

/*
 * '+' (in > 0) or '-' (in < 0): each edge of the shown window moves
 * APP_ZOOM_DECADES about the point. False, the window unchanged, at its
 * limit (a decade each way; the units' ends).
 */
bool app_zoom(struct app *a, int in);

/* '.': the shown window's spans, centred on the point (inside the units' limits). */
void app_centre_window(struct app *a);

/* '0': the window the explorer opens on. */
void app_default_window(struct app *a);

/* ---- tours (played by tour_play.h) ---- */

/*
 * Apply a step to a state: law, view, comparison, then the point, then lock,
 * markers and panel, then the views' sliders (T, M, the hardware's).
 */
void app_apply_step(struct app *a, const struct tour_step *s);

/* Play tour t from the current state, which every step is replayed from. */
void app_tour_begin(struct app *a, const struct tour *t);

/* At step i (in the tour's range), back at the state the tour started from. */
void app_tour_rewind(struct app *a, int i);

/*
 * An explorer key in a tour starts a detour from the current step (a second
 * one continues it); showing any step ends it. The status line says how to
 * come back.
 */
void app_detour(struct app *a);

/* 'q' in a tour asks first: ask (true) or stop asking (false). */
void app_ask_quit(struct app *a, bool ask);

/* 'y': text for the terminal's clipboard; the screen sends it, then takes it. */
void app_copy(struct app *a, const char *text);
void app_copy_taken(struct app *a);

/* 'g' and digits: a step's number; false when no more fit. */
void app_jump_begin(struct app *a);
bool app_jump_digit(struct app *a, int digit);

/* End the 'g': the number typed (from 1), or -1 when none was. */
int app_jump_end(struct app *a);

#endif
