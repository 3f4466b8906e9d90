/*
 * preset.h: one YAML preset file, parsed and checked against the schema.
 *
 * A preset is a law (it has `family`), a real model (it has `params`), an
 * accelerator (it has `peak_flops`), a data stock (it has `stock`: the
 * tokens of usable public text), a compute trend (it has `growth`: the
 * factor frontier training compute grows by per year), a test-time law (it
 * has `form`: performance against training and test-time compute) or a
 * downstream map (it has `gamma`: a loss mapped to average top-1 error). The loader reads the file
 * with libyaml's event API (the walk tours share, yaml_walk.h), checks it against a const schema
 * table, and reports the first problem as one line "FILE:LINE:COL: what is wrong" (1-based, as
 * compilers do). The schema is documented in isoflop-presets(5).
 */
#ifndef ISOFLOP_PRESET_H
#define ISOFLOP_PRESET_H

#include <stdbool.h>
#include <stddef.h>

#include "../model/downstream.h"
#include "../model/hyper.h"
#include "../model/law.h"
#include "../model/traintest.h"

/* Largest preset file accepted: presets are a few hundred bytes. */
#define PRESET_MAX_BYTES (1024 * 1024)

/* Room for one error line, file name included. */
#define PRESET_ERR_MAX 1024

enum preset_kind {
	PRESET_ANY = 0, /* decide from the content */
	PRESET_LAW = 1,
	PRESET_MODEL = 2,
	PRESET_ACCELERATOR = 3,
	PRESET_STOCK = 4,      /* a stock of training text, with its interval */
	PRESET_TREND = 5,      /* a growth of training compute per year, with its interval */
	PRESET_TESTTIME = 6,   /* a test-time law: performance against train and test compute */
	PRESET_DOWNSTREAM = 7, /* a loss-to-downstream-error map (Gadre et al. 2024's form) */
};

/*
 * What a law's loss is measured on: language unless the preset says
 * (Henighan et al. 2020 fit images, video, math and image-text pairs).
 */
enum preset_domain {
	PRESET_DOMAIN_LANGUAGE = 0,
	PRESET_DOMAIN_CODE,
	PRESET_DOMAIN_MATH,
	PRESET_DOMAIN_IMAGE,
	PRESET_DOMAIN_VIDEO,
	PRESET_DOMAIN_MULTIMODAL,
	PRESET_DOMAIN_PROTEINS,
	PRESET_DOMAIN_MOLECULES,
	PRESET_DOMAIN_COUNT
};

struct preset {
	enum preset_kind kind;
	char id[64];      /* [a-z0-9][a-z0-9.-]*, unique per kind */
	char name[128];   /* for people */
	char source[640]; /* paper or datasheet: title, where the numbers are */
	char note[1024];  /* optional: caveats, where sources disagree */
	char file[1024];  /* where it was read from */
	int line;         /* 1-based line and column of its id */
	int col;
	/* laws */
	char dataset[160];       /* what the loss was measured on */
	char paper_frontier[64]; /* id of the paper's own frontier law, drawn beside the
	                            optimum this tool derives from the loss; "" if none */
	struct law law;
	enum preset_domain domain; /* language when the preset gives none */
	char units[32];            /* the loss's units; "" = nats per token (required for power) */
	struct hyper_law hyper;    /* eta_opt(C), B_opt(C); lr.coef == 0 when the law gives none */
	/* models */
	char tag[4];          /* 1-3 characters marking it on a map */
	double params;        /* total parameters */
	double active_params; /* parameters active per token (MoE), 0 if dense */
	double tokens;        /* training tokens */
	double compute;       /* published training FLOPs, 0 if none */
	char released[16];    /* YYYY, YYYY-MM or YYYY-MM-DD */
	/* accelerators */
	double peak_flops;      /* peak dense BF16 FLOP/s of one accelerator */
	double price;           /* USD per accelerator-hour, on-demand list; 0 = unknown */
	char price_source[640]; /* the provider's page, instance, division, "as of" date */
	double watts;           /* W per accelerator at full load; 0 = unknown */
	char power_source[640]; /* the vendor's datasheet and its row */
	/* stocks and trends: a central estimate, its interval and the interval's confidence */
	double stock, stock_low, stock_high;    /* tokens */
	double level;                           /* confidence of the interval, in (0, 1): 0.9 */
	double growth, growth_low, growth_high; /* factor per year, > 1 */
	int from, to;                           /* years the trend was fitted over */
	/* test-time laws */
	struct tt_law tt; /* form, units of performance, constants, fitted ranges */
	char task[160];   /* what performance was measured on: "Hex, 9x9 board" */
	/* downstream maps: Err(L) = epsilon - k exp(-gamma L), the losses fitted over */
	struct downstream ds;
};

/*
 * Parse a preset from memory; `file` names it in messages. On error return
 * -1 and write "FILE:LINE:COL: message" into err.
 */
int preset_parse(const char *file, const unsigned char *buf, size_t len, enum preset_kind want,
                 struct preset *out, char *err, size_t errsize);

/*
 * Read and parse the file at path (at most PRESET_MAX_BYTES), a file or a
 * pipe the user named; a directory is refused.
 */
int preset_load(const char *path, enum preset_kind want, struct preset *out, char *err,
                size_t errsize);

/*
 * The same for a file found by listing a directory: only a regular file is
 * read. A FIFO, device or socket is refused before any read, never waited on.
 */
int preset_load_listed(const char *path, enum preset_kind want, struct preset *out, char *err,
                       size_t errsize);

/*
 * Whether s is an id as presets and tours spell them: [a-z0-9][a-z0-9.-]*,
 * at most 63 characters (the room of `id`). Never a path: no '/', no
 * leading '.'.
 */
bool preset_id_valid(const char *s);

/* Whether c may stand in an id: first, a lowercase letter or digit; after it, also '.' and '-'. */
bool preset_id_char(char c, bool first);

/* The parameters a model computes with: the active ones of a mixture of experts. */
double preset_compute_params(const struct preset *p);

/*
 * The kind's name for people: "law", "model", "accelerator", "stock", "trend",
 * "test-time law", "downstream map".
 */
const char *preset_kind_name(enum preset_kind kind);

/* The law family's name as presets spell it: "additive", "kaplan", ... */
const char *preset_family_name(enum law_family family);

/* A domain's name as presets spell it: "language", "image", ...; "?" out of range. */
const char *preset_domain_name(enum preset_domain domain);

/* The domain named s; -1 when none is. */
int preset_domain_by_name(const char *s);

/* A test-time law's form as presets spell it: "log-linear", "coverage", "flops-match". */
const char *preset_tt_form_name(enum tt_form form);

#endif
