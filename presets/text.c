/*
 * text.c: C1 controls, printable messages and UTF-8 lengths for the loaders.
 */
#include <stdint.h>
#include <string.h>

#include "text.h"

bool text_is_c1(const char *s, size_t n)
{
	return n >= 2 && (unsigned char)s[0] == 0xc2 && (unsigned char)s[1] >= 0x80 &&
	       (unsigned char)s[1] <= 0x9f;
}

void text_printable(char *msg)
{
	for (char *c = msg; *c; c++)
		if ((unsigned char)*c < 0x20 || *c == 0x7f)
			*c = '?';
		else if (text_is_c1(c, 2))
			c[0] = c[1] = '?';
}

size_t text_utf8_length(const char *s)
{
	size_t n = 0;

	for (; *s; s++)
		n += ((unsigned char)*s & 0xc0) != 0x80;
	return n;
}

/*
 * The optimal-string-alignment distance: Levenshtein's insertions,
 * deletions and substitutions plus a swap of two adjacent characters, each
 * costing 1, so "plna" is 1 from "plan", not 2 (Damerau 1964; no substring
 * is edited twice). Keys and ids are short: 64 bytes is plenty.
 */
size_t text_edit_distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b), rows[3][65];

	if (la > 64 || lb > 64)
		return SIZE_MAX;
	for (size_t j = 0; j <= lb; j++)
		rows[0][j] = j;
	for (size_t i = 1; i <= la; i++) {
		/* rows[(i + 1) % 3]: row i - 2; rows[(i + 2) % 3]: i - 1; rows[i % 3]: i */
		size_t *two = rows[(i + 1) % 3], *up = rows[(i + 2) % 3], *row = rows[i % 3];
		row[0] = i;
		for (size_t j = 1; j <= lb; j++) {
			size_t best = up[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
			if (up[j] + 1 < best)
				best = up[j] + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] &&
			    two[j - 2] + 1 < best)
				best = two[j - 2] + 1;
			row[j] = best;
		}
	}
	return rows[la % 3][lb];
}

bool text_near(const char *typed, const char *name)
{
	size_t len = strlen(typed);

	return text_edit_distance(typed, name) <= (len < 6 ? 1 : len < 12 ? 2 : 3);
}

/* Characters in the first n bytes of a UTF-8 string. */
static size_t utf8_columns(const char *s, size_t n)
{
	size_t c = 0;

	for (size_t i = 0; i < n; i++)
		c += ((unsigned char)s[i] & 0xC0) != 0x80;
	return c;
}

void text_wrap(FILE *fp, const char *prefix, const char *msg, const char *indent, int width)
{
	size_t col = text_utf8_length(prefix), room = width > 0 ? (size_t)width : SIZE_MAX;
	size_t lead = text_utf8_length(indent);
	bool fresh = true; /* nothing but the prefix or indent on the line yet */

	fputs(prefix, fp);
	for (const char *p = msg; *p != '\0';) {
		if (*p == ' ') {
			p++;
			continue;
		}
		size_t len = strcspn(p, " "), w = utf8_columns(p, len);
		if (!fresh && col + 1 + w > room) {
			fprintf(fp, "\n%s", indent);
			col = lead;
			fresh = true;
		}
		if (!fresh) {
			fputc(' ', fp);
			col++;
		}
		fwrite(p, 1, len, fp);
		col += w;
		fresh = false;
		p += len;
	}
	fputc('\n', fp);
}
