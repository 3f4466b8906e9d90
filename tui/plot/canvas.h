/*
 * canvas.h: a W x H grid of glyphs (an ASCII character and a style class)
 * that every picture draws into: the batch `plot` command prints it, the
 * curses screen blits it. How each style looks is decided here once
 * (canvas_look); the front ends only translate the look. No curses here.
 *
 * Coordinates are screen cells: x from the left, y from the top, (0, 0) the
 * top-left corner. Writes outside the grid are dropped, so drawing code can
 * clip by simply writing.
 */
#ifndef ISOFLOP_CANVAS_H
#define ISOFLOP_CANVAS_H

#include <stdbool.h>
#include <stdio.h>

/* What a glyph is, so that a front end can colour it; contour levels last. */
enum style {
	STYLE_BLANK,
	STYLE_TEXT,      /* titles, legends, notes */
	STYLE_AXIS,      /* axis lines and tick marks */
	STYLE_TICK,      /* tick labels */
	STYLE_SHADE,     /* background shading */
	STYLE_ISOFLOP,   /* iso-FLOP lines and their labels */
	STYLE_CURVE,     /* iso-FLOP profiles */
	STYLE_HIGHLIGHT, /* the current budget's profile */
	STYLE_FRONTIER,  /* the law's compute-optimal frontier, profile minima */
	STYLE_FRONTIER2, /* a second frontier (--frontier) */
	STYLE_MODEL,     /* model markers */
	STYLE_COLLISION, /* two markers in one place: '+' */
	STYLE_CURRENT,   /* the current point '@' */
	STYLE_RUN,       /* the user's training runs 'x' (isoflop --runs) */
	STYLE_LABEL,     /* contour level labels */
	STYLE_CONTOUR,   /* contour level k is STYLE_CONTOUR + k */
};

#define CANVAS_MAX_LEVELS 32

/* Terminal colours, numbered as ANSI's SGR 30 + n (foreground) numbers them. */
enum colour {
	COLOUR_RED = 1,
	COLOUR_GREEN,
	COLOUR_YELLOW,
	COLOUR_BLUE,
	COLOUR_MAGENTA,
	COLOUR_CYAN,
};

/* Ink slots: 1-3 for the marks, then one per contour level's colour (they repeat). */
#define CANVAS_INKS 9

/*
 * How a style looks on a terminal, for every front end (the ANSI print here,
 * the curses screen): bold and reverse carry the meaning without colour.
 */
struct look {
	bool bold, dim, reverse;
	int ink; /* 0: the terminal's own colour; else 1..CANVAS_INKS, see canvas_ink */
};

/* The look of a style (an enum style, or STYLE_CONTOUR + level). */
struct look canvas_look(int style);

/* The colour of ink slot 1..CANVAS_INKS. */
enum colour canvas_ink(int ink);

struct glyph {
	char ch;             /* printable ASCII */
	unsigned char style; /* enum style, or STYLE_CONTOUR + level */
};

struct canvas {
	int w, h;
	struct glyph *cells; /* h rows of w glyphs */
};

/* A rectangle of cells that one picture owns. */
struct rect {
	int x, y, w, h;
};

/*
 * v rounded toward zero into [lo, hi], and lo for NaN: every float -> int
 * conversion in drawing goes through it, since a cast of inf, NaN or 1e308
 * is undefined behaviour (a law with k = 1e308 makes log10(k N D) inf).
 */
int canvas_clamp_int(double v, int lo, int hi);

/* A blank canvas; -1 when out of memory. */
int canvas_init(struct canvas *c, int w, int h);
void canvas_free(struct canvas *c);
void canvas_clear(struct canvas *c);

/* The glyph at (x, y); a blank one outside the grid. */
struct glyph canvas_get(const struct canvas *c, int x, int y);

/* Set one glyph; characters outside printable ASCII become '?'. */
void canvas_put(struct canvas *c, int x, int y, char ch, int style);

/*
 * Fill the cells of r (clipped to the canvas) with ch in style, a row at a
 * time: a cell at a time through canvas_put was a third of a picture's cost.
 */
void canvas_fill_rect(struct canvas *c, struct rect r, char ch, int style);

/*
 * Write s from (x, y) rightwards, one cell a character (UTF-8 ones show as
 * '?'), at most max cells; returns cells written.
 */
int canvas_text(struct canvas *c, int x, int y, const char *s, int max, int style);

/* Whether some row of c holds text (ASCII, as the cells hold it): what tests read back. */
bool canvas_has_text(const struct canvas *c, const char *text);

/*
 * Print the canvas as lines of text, trailing blanks trimmed. With colour,
 * styled glyphs are wrapped in ANSI SGR sequences; without, output is pure
 * ASCII.
 */
void canvas_print(const struct canvas *c, FILE *out, bool color);

#endif
