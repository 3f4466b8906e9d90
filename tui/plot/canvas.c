/*
 * canvas.c: the glyph grid and its plain-text and ANSI printing. This file
 * works in screen cells only; what the cells mean is the plots' business.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "canvas.h"

int canvas_init(struct canvas *c, int w, int h)
{
	c->w = w;
	c->h = h;
	c->cells = calloc((size_t)w * (size_t)h, sizeof *c->cells);
	if (c->cells == NULL)
		return -1;
	canvas_clear(c);
	return 0;
}

void canvas_free(struct canvas *c)
{
	free(c->cells);
	c->cells = NULL;
	c->w = c->h = 0;
}

void canvas_clear(struct canvas *c)
{
	for (int i = 0; i < c->w * c->h; i++)
		c->cells[i] = (struct glyph){' ', STYLE_BLANK};
}

struct glyph canvas_get(const struct canvas *c, int x, int y)
{
	if (x < 0 || y < 0 || x >= c->w || y >= c->h)
		return (struct glyph){' ', STYLE_BLANK};
	return c->cells[y * c->w + x];
}

void canvas_put(struct canvas *c, int x, int y, char ch, int style)
{
	if (x < 0 || y < 0 || x >= c->w || y >= c->h)
		return;
	/* user text (preset names) may hold UTF-8 or control bytes: keep the grid ASCII */
	if ((unsigned char)ch < 0x20 || (unsigned char)ch > 0x7e)
		ch = '?';
	c->cells[y * c->w + x] = (struct glyph){ch, (unsigned char)style};
}

void canvas_fill_rect(struct canvas *c, struct rect r, char ch, int style)
{
	int x0 = r.x < 0 ? 0 : r.x, x1 = r.x + r.w > c->w ? c->w : r.x + r.w;
	int y0 = r.y < 0 ? 0 : r.y, y1 = r.y + r.h > c->h ? c->h : r.y + r.h;

	if (x0 >= x1 || y0 >= y1)
		return;
	/* the first row through canvas_put, which keeps the grid ASCII; the rest copy it */
	for (int x = x0; x < x1; x++)
		canvas_put(c, x, y0, ch, style);
	const struct glyph *first = &c->cells[y0 * c->w + x0];
	for (int y = y0 + 1; y < y1; y++)
		memcpy(&c->cells[y * c->w + x0], first, sizeof *first * (size_t)(x1 - x0));
}

int canvas_text(struct canvas *c, int x, int y, const char *s, int max, int style)
{
	const unsigned char *u = (const unsigned char *)s;
	int n = 0;

	/*
	 * One cell a character, as the loaders count a caption: a UTF-8
	 * character's continuation bytes join its lead byte's '?' rather than
	 * take cells of their own and push the rest of the line off the band.
	 */
	for (; *u != '\0' && n < max; n++) {
		canvas_put(c, x + n, y, (char)*u, style);
		u++;
		while ((*u & 0xc0) == 0x80)
			u++;
	}
	return n;
}

bool canvas_has_text(const struct canvas *c, const char *text)
{
	char row[1024];

	for (int y = 0; y < c->h; y++) {
		int x;
		for (x = 0; x < c->w && x < (int)sizeof row - 1; x++)
			row[x] = c->cells[y * c->w + x].ch;
		row[x] = '\0';
		if (strstr(row, text) != NULL)
			return true;
	}
	return false;
}

struct look canvas_look(int style)
{
	switch (style) {
	case STYLE_BLANK:
	case STYLE_TEXT:
	case STYLE_TICK:
		return (struct look){0};
	case STYLE_ISOFLOP: /* normal intensity: above the dim shading and axes, below the bold
	                       marks */
		return (struct look){0};
	case STYLE_AXIS:
	case STYLE_SHADE:
	case STYLE_CURVE:
		return (struct look){.dim = true};
	case STYLE_HIGHLIGHT:
	case STYLE_LABEL:
		return (struct look){.bold = true};
	case STYLE_FRONTIER:
		return (struct look){.bold = true, .ink = 1};
	case STYLE_FRONTIER2:
		return (struct look){.bold = true, .ink = 2};
	case STYLE_MODEL:
	case STYLE_COLLISION:
		return (struct look){.bold = true, .ink = 3};
	case STYLE_CURRENT:
		return (struct look){.bold = true, .reverse = true};
	case STYLE_RUN:
		return (struct look){.ink = 2};
	default: /* contour levels: six colours in turn */
		return (struct look){.ink = 4 + (style - STYLE_CONTOUR) % 6};
	}
}

enum colour canvas_ink(int ink)
{
	static const enum colour inks[CANVAS_INKS] = {
	        COLOUR_YELLOW, COLOUR_MAGENTA, COLOUR_CYAN,  /* the marks */
	        COLOUR_BLUE,   COLOUR_CYAN,    COLOUR_GREEN, /* contour levels ... */
	        COLOUR_YELLOW, COLOUR_MAGENTA, COLOUR_RED,
	};

	return inks[(ink - 1) % CANVAS_INKS];
}

/* The SGR parameters of a look ("1;33"), or NULL for the terminal's default one. */
static const char *sgr(struct look l, char *buf, size_t size)
{
	size_t n = 0;

	buf[0] = '\0';
	if (l.bold)
		n += (size_t)snprintf(buf + n, size - n, "1;");
	if (l.dim)
		n += (size_t)snprintf(buf + n, size - n, "2;");
	if (l.reverse)
		n += (size_t)snprintf(buf + n, size - n, "7;");
	if (l.ink > 0)
		n += (size_t)snprintf(buf + n, size - n, "%d;", 30 + (int)canvas_ink(l.ink));
	if (n == 0)
		return NULL;
	buf[n - 1] = '\0'; /* the last ';' */
	return buf;
}

void canvas_print(const struct canvas *c, FILE *out, bool color)
{
	for (int y = 0; y < c->h; y++) {
		const struct glyph *row = c->cells + y * c->w;
		int end = c->w;
		int open = -1; /* the style whose SGR is in force, -1 for none */

		while (end > 0 && row[end - 1].ch == ' ')
			end--;
		for (int x = 0; x < end; x++) {
			char buf[16];
			const char *code =
			        color ? sgr(canvas_look(row[x].style), buf, sizeof buf) : NULL;
			int want = code != NULL ? row[x].style : -1;
			if (want != open) {
				if (open != -1)
					fputs("\033[0m", out);
				if (code != NULL)
					fprintf(out, "\033[%sm", code);
				open = want;
			}
			putc(row[x].ch, out);
		}
		if (open != -1)
			fputs("\033[0m", out);
		putc('\n', out);
	}
}

int canvas_clamp_int(double v, int lo, int hi)
{
	if (!(v >= lo)) /* NaN too */
		return lo;
	if (v >= hi)
		return hi;
	return (int)v;
}
