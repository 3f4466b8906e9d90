/*
 * text.c: C1 controls, printable messages and UTF-8 lengths for the loaders.
 */
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
