/*
 * options.h: the option table and the command table. One row per option
 * drives getopt_long, the parsing of its value into struct cli, its name in
 * messages, its lines in --help and its shell completion; one entry per
 * command names it, its usage, the options it takes and the function that
 * runs it. Adding an option is its row, its OPT_* bit and field in struct
 * cli (where the value lands) and the bit in each command that takes it; a
 * new kind of value adds its parser.
 */
#ifndef ISOFLOP_OPTIONS_H
#define ISOFLOP_OPTIONS_H

#include <getopt.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "../../model/units.h"
#include "cli.h"

/* The Makefile defines both (main.o and commands.o follow PREFIX); defaults for other builds. */
#ifndef ISOFLOP_VERSION
#define ISOFLOP_VERSION "0.1"
#endif
#ifndef ISOFLOP_SHARE_DIR
#define ISOFLOP_SHARE_DIR "/usr/local/share/isoflop"
#endif

/* How an option's value is parsed and where it goes in struct cli. */
enum option_kind {
	KIND_TEXT,    /* const char *: the value as given */
	KIND_FLAG,    /* bool: set when given */
	KIND_NUMBER,  /* double: units_parse, then the row's physical range */
	KIND_WHOLE,   /* long: a whole number within the row's [lo, hi] */
	KIND_SIZE,    /* int: a whole number of cells within the row's [lo, hi] */
	KIND_CHOICE,  /* int (an enum): the index of the value among the row's words */
	KIND_WORD,    /* const char *: the value, one of the row's words */
	KIND_LIST,    /* const char *[]: repeatable, counted by an int at count */
	KIND_RANGE,   /* double[4]: --range NLOW:NHIGH,DLOW:DHIGH */
	KIND_BUDGETS, /* double: C, or a list C,C... or range LO:HI[:STEP] into cli->budgets */
	KIND_ACTION,  /* print something and exit 0 (--help, --keys, --version) */
};

/* What a shell offers for an option's value. */
enum option_complete {
	COMPLETE_NONE,         /* a number or free text: nothing to offer */
	COMPLETE_LAWS,         /* law ids and all */
	COMPLETE_MODELS,       /* model ids and all */
	COMPLETE_LAW,          /* law ids only */
	COMPLETE_ACCELERATORS, /* accelerator ids */
	COMPLETE_TOURS,        /* tour ids, or a file */
	COMPLETE_TESTTIME,     /* test-time law ids */
	COMPLETE_FILE,         /* a file name */
	COMPLETE_DIR,          /* a directory */
	COMPLETE_WORDS,        /* the row's words */
};

struct cli_option {
	const char *name;              /* without the dashes: getopt_long's name */
	char short_name;               /* -h, -V; 0 for none */
	const char *arg;               /* the value's name in --help (ID, N); NULL: none */
	enum option_kind kind;         /* how the value is parsed */
	size_t field;                  /* offsetof(struct cli, ...) the value goes to */
	size_t count;                  /* KIND_LIST: offsetof the int count */
	unsigned long long bit;        /* OPT_* set in cli->given; 0: every command takes it */
	enum units_kind units;         /* KIND_NUMBER: how units_parse reads it */
	double lo, hi;                 /* KIND_NUMBER, KIND_WHOLE, KIND_SIZE, KIND_LIST (max) */
	bool open_lo;                  /* KIND_NUMBER: lo itself is out of range */
	const char *what;              /* the quantity in range messages; the list's noun */
	const char *const *words;      /* KIND_CHOICE, KIND_WORD: NULL-terminated */
	void (*action)(void);          /* KIND_ACTION: prints on stdout */
	enum option_complete complete; /* what completes the value */
	const char *label;             /* --help's left column when not "--name ARG" */
	const char *help;              /* --help's text, '\n' between its lines; NULL: unlisted */
};

/* Room for getopt_long's array; options.c checks that the table fits. */
#define CLI_MAX_OPTIONS 64

extern const struct cli_option cli_options[];
extern const size_t cli_noptions;

/* A batch command, in the style of tmux's cmd_entry. */
struct cli_command {
	const char *name;           /* as typed: optimum, plot ... */
	const char *operand;        /* plot's contour or profiles; NULL: none */
	const char *what;           /* the command in messages: "plot contour" */
	const char *usage;          /* its lines in --help's usage */
	unsigned long long options; /* the OPT_* bits it takes */
	int (*run)(const struct cli *);
	enum option_complete complete; /* what completes its first operand */
	const char *const *words;      /* COMPLETE_WORDS: those operands */
};

extern const struct cli_command cli_commands[];
extern const size_t cli_ncommands;

/* Fill getopt_long's array (CLI_MAX_OPTIONS + 1 rows) and its short options. */
void options_getopt(struct option *longs, char *shorts, size_t size);

/* The row getopt_long's return value c stands for; NULL for none. */
const struct cli_option *options_find(int c);

/* Parse one option's value into cli; 0 or EXIT_USAGE after one line. */
int options_parse(const struct cli_option *o, const char *arg, struct cli *cli);

/* --help's "options:" lines, from the table. */
void options_print_help(FILE *out);

/* "a, b or c" for a NULL-terminated list of words. */
void options_join(const char *const *words, char *buf, size_t size);

/* The first command called name; NULL if none. */
const struct cli_command *commands_named(const char *name);

/*
 * The entry of c's name for this operand (plot contour, plot profiles); c
 * itself when its command takes no such operand; NULL when none matches.
 */
const struct cli_command *commands_with_operand(const struct cli_command *c, const char *operand);

/* "contour or profiles": the operands of c's name. */
void commands_operands(const struct cli_command *c, char *buf, size_t size);

/* Refuse options the command does not take; 0 when all are fine. */
int options_check(const struct cli *cli, const struct cli_command *c);

/* KIND_ACTION handlers and the completion scripts (commands.c, cmd_completion.c). */
void commands_print_help(void);
void commands_print_keys(void);
void commands_print_version(void);
int cmd_completion(const struct cli *cli);

#endif
