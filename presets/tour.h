/*
 * tour.h: a guided tour for talks: a YAML file with a title and steps, each
 * a caption of at most two lines and the explorer state to show with it.
 * Parsed with libyaml's event API; the first problem comes back as one line
 * "FILE:LINE:COL: what is wrong", as for presets. Ids of laws and models are
 * checked by whoever plays the tour, against its catalog, at the marks kept
 * here. The format is documented in isoflop-presets(5).
 */
#ifndef ISOFLOP_TOUR_H
#define ISOFLOP_TOUR_H

#include <stddef.h>
#include <stdbool.h>

#include "../model/law.h"

#define TOUR_MAX_STEPS     64
#define TOUR_MAX_MODELS    16 /* ids in a step's models: list */
#define TOUR_CAPTION_LINES 2
#define TOUR_CAPTION_WIDTH 78 /* characters: an 80-column band less its margins */
/* Bytes of one caption line: a UTF-8 character takes up to 4. */
#define TOUR_CAPTION_BYTES (4 * TOUR_CAPTION_WIDTH)

/*
 * The explorer's window, which tui/explore/app.c opens on and every tour step must
 * lie in: N parameters, D tokens, and C = 6 N D FLOPs at its corners. A step
 * outside it would be clamped into it and show another point than the
 * caption's, so the loader refuses it.
 */
#define TOUR_WINDOW_PARAMS_LO  1e7
#define TOUR_WINDOW_PARAMS_HI  1e13
#define TOUR_WINDOW_TOKENS_LO  1e8
#define TOUR_WINDOW_TOKENS_HI  1e14
#define TOUR_WINDOW_COMPUTE_LO (LAW_K_TRAINING * TOUR_WINDOW_PARAMS_LO * TOUR_WINDOW_TOKENS_LO)
#define TOUR_WINDOW_COMPUTE_HI (LAW_K_TRAINING * TOUR_WINDOW_PARAMS_HI * TOUR_WINDOW_TOKENS_HI)

/*
 * The data view's window with a stock of text reaches past 100T tokens, to
 * the decade over three times the stock's high end (tui/explore/stocks.h:
 * 1e16 for Villalobos et al. 2024's): a step's tokens may go there; the
 * player checks that the step's view holds them.
 */
#define TOUR_WINDOW_TOKENS_STOCK_HI 1e16

/* The cost a step may give, as --price, --watts and --pue take it (tui/cmd/options.c). */
#define TOUR_PRICE_LO 1e-6
#define TOUR_PRICE_HI 1e4
#define TOUR_WATTS_LO 1e-3
#define TOUR_WATTS_HI 1e5
#define TOUR_PUE_LO   1.0
#define TOUR_PUE_HI   10.0
/* Serving's MFU, as --serve-mfu takes it; its price is a price's. */
#define TOUR_SERVE_MFU_LO 1e-4
#define TOUR_SERVE_MFU_HI 1.0

enum tour_panel {
	TOUR_PANEL_BOTH, /* map and profiles side by side (default) */
	TOUR_PANEL_MAP,  /* the map alone, full width */
	TOUR_PANEL_PROFILES,
};

/* The view a step shows: none of them (explore) or one; 0 keeps the view before. */
enum tour_view {
	TOUR_VIEW_KEEP,
	TOUR_VIEW_EXPLORE,   /* the map and profiles, no view's sliders */
	TOUR_VIEW_INFERENCE, /* 'i': T and the inference-aware frontier */
	TOUR_VIEW_DATA,      /* 'u': U and the data wall */
	TOUR_VIEW_TESTTIME,  /* 't': T and M, the test-time panel */
	TOUR_VIEW_HARDWARE,  /* 'g': an accelerator's count, days and MFU */
	TOUR_VIEW_EDIT,      /* 'e': the law's coefficients as sliders */
	TOUR_VIEW_COMPUTE,   /* 'C': loss against compute, in the profiles' place */
	TOUR_VIEW_TIMELINE,  /* 'T': models by year, the trends, the data wall's year */
	TOUR_VIEW_TRAINTEST, /* 'X': the train x test plane of a test-time law */
	TOUR_VIEW_COVERAGE,  /* 'K': coverage against samples of a coverage law */
	TOUR_VIEW_DOMAINS,   /* 'D': each domain's reducible L(C) against compute */
	TOUR_VIEW_COUNT      /* how many ids: a view's bit in a mask is 1u << its id */
};

/* Bytes of a step's speaker notes: a dozen lines of a second window. */
#define TOUR_NOTES_BYTES 1024

/* Where something was written, for errors found when the tour is played. */
struct tour_mark {
	int line, col; /* 1-based; 0 when absent */
};

struct tour_step {
	char caption[TOUR_CAPTION_LINES][TOUR_CAPTION_BYTES + 1]; /* UTF-8 */
	char law[64];                   /* a law id, or "" to keep the current law */
	char model[64];                 /* a model id, or "" */
	double params, tokens, compute; /* 0 when not given */
	double unique_tokens;           /* 0 when not given */
	char lock;                      /* 'N', 'D', 'C', or 0 to keep */
	int markers;                    /* 1 on, 0 off, -1 keep */
	int zoom;                       /* profiles zoomed on the point's curve: 1, 0, -1 keep */
	enum tour_panel panel;
	char models[TOUR_MAX_MODELS][64]; /* models: ids to mark (always labelled), in order */
	int nmodels;                      /* how many; -1 keeps the marks as they are */
	struct tour_mark models_at[TOUR_MAX_MODELS]; /* where each of models was written */
	enum tour_view view;
	char compare[64];             /* a law id to compare with, "none" to stop, "" to keep */
	int difference;               /* the map of L - L(compared): 1 on, 0 off, -1 keep */
	double inference_tokens;      /* T; 0 when not given */
	double larger;                /* M, the test-time panel's larger model; 0 when not given */
	char accelerator[64];         /* an accelerator id, or "" */
	double gpus, days, mfu;       /* the hardware view's sliders; 0 when not given */
	char notes[TOUR_NOTES_BYTES]; /* speaker notes, lines kept; "" when none */
	double window[4]; /* the map's window: N low, N high, D low, D high; 0s when not given */

	/* the hardware view's cost (USD an accelerator-hour, W, PUE); 0 when not given */
	double price, watts, pue;
	/* the data view's stock: a stock preset's id, "none" to hide it, "" to keep */
	char stock[64];
	/* the inference view's lifetime dollars: serving's MFU and price; 0 when not given */
	double serve_mfu, serve_price;
	struct tour_mark price_at, watts_at, pue_at, stock_at, tokens_at, unique_tokens_at;
	struct tour_mark serve_mfu_at, serve_price_at;
	/*
	 * The test-time views' law and point (X, K): a test-time law's id ("" to
	 * keep), training FLOPs, test FLOPs per problem, problems served,
	 * samples per problem and the target coverage; 0 when not given. They
	 * set the state whatever the view, as their setters do.
	 */
	char tt_law[64];
	double train, test, problems, samples, target;
	struct tour_mark tt_law_at, train_at, test_at, problems_at, samples_at, target_at;
	/*
	 * The loss-to-error map (--downstream): a downstream preset's id, which
	 * also turns its error contours on, "none" to drop it, "" to keep; and
	 * the map's contours ('A'): 1 of the error, 0 of the loss, -1 keep.
	 */
	char downstream[64];
	int contours;
	struct tour_mark downstream_at, contours_at;

	struct tour_mark at, law_at, model_at; /* the step, its law and model values */
	/* where the values checked when the tour is played were written (a new
	 * mark is also cleared in tour_write.c's same_step) */
	struct tour_mark view_at, compare_at, difference_at, inference_tokens_at, larger_at,
	        accelerator_at, gpus_at, days_at, mfu_at;
};

/* A tour's bootstrap, as --bootstrap takes it: 2 resamples or more (1 gives no interval). */
#define TOUR_BOOTSTRAP_LO 2
#define TOUR_BOOTSTRAP_HI 100000
#define TOUR_SEED_HI      2147483647L

/*
 * The runs a tour is played with (its runs:, bootstrap: and seed:), as if
 * --runs FILE --bootstrap N --seed S were given: steps may then show law
 * 'runs', their fit, with its band and intervals.
 */
struct tour_runs {
	char file[1024];     /* the CSV file: relative to the tour file's directory; "" for none */
	char written[1024];  /* the path as the tour writes it */
	long bootstrap;      /* resamples; 0 when not given */
	long seed;           /* the bootstrap's seed; -1 when not given */
	struct tour_mark at; /* where runs: was written, for the file's errors */
	struct tour_mark bootstrap_at; /* where bootstrap: was written, for its refusals */
};

struct tour {
	char file[1024];
	char id[64]; /* [a-z0-9][a-z0-9.-]*, as a preset's */
	char title[128];
	char source[640];      /* optional: the papers the captions quote */
	struct tour_runs runs; /* optional: the runs the tour is played with */
	int nsteps;
	struct tour_step steps[TOUR_MAX_STEPS];
};

/* The names steps give views and panels, by their enums; NULL-terminated. */
extern const char *const tour_view_names[];
extern const char *const tour_panel_names[];
/* The map's contours a step names, by the value of its contours field: loss 0, error 1. */
extern const char *const tour_contours_names[];

/*
 * A step that names nothing, as the loader starts each one: every field
 * keeps what the step before set. Steps built in memory (a recorded one)
 * start here too, so that they compare with loaded ones field for field.
 */
void tour_step_init(struct tour_step *s);

/* Parse a tour from memory; `file` names it in messages. -1 and err on error. */
int tour_parse(const char *file, const unsigned char *buf, size_t len, struct tour *out, char *err,
               size_t errsize);

/* Read and parse the file at path (at most 1 MiB). */
int tour_load(const char *path, struct tour *out, char *err, size_t errsize);

/*
 * Whether the tour's runs: file (if any) reads as runs (presets/runs.h): 0,
 * or -1 and "FILE:LINE:COL: 'runs': why" at the runs: key. Asked when the
 * tour is played with its runs, not when the command line's --runs wins.
 */
int tour_check_runs(const struct tour *t, char *err, size_t errsize);

/*
 * Whether law is the id the fit of runs takes (tui/cmd/runs_law.h): "runs",
 * or "runs-N" when a preset has that id; not "runsx".
 */
bool tour_law_is_runs(const char *law);

#endif
