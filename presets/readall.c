/*
 * readall.c: read a file whole, growing the buffer as it comes, so that a
 * small file costs little and a pipe works like a file.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "readall.h"

unsigned char *read_all(const char *path, size_t max, size_t *len, char *why, size_t whysize)
{
	int std_in = strcmp(path, "-") == 0;
	FILE *fp = std_in ? stdin : fopen(path, "rb");
	size_t cap = 1 << 16, n = 0;
	unsigned char *buf;

	*len = 0;
	if (fp == NULL) {
		snprintf(why, whysize, "cannot open: %s", strerror(errno));
		return NULL;
	}
	buf = malloc(cap + 1);
	while (buf != NULL && n <= max) {
		if (n == cap) {
			unsigned char *grown = realloc(buf, cap * 2 + 1);
			if (grown == NULL) {
				free(buf);
				buf = NULL;
				break;
			}
			buf = grown;
			cap *= 2;
		}
		/* never more than max + 1 in all */
		size_t want = cap - n < max + 1 - n ? cap - n : max + 1 - n;
		size_t got = fread(buf + n, 1, want, fp);
		n += got;
		if (got == 0)
			break;
	}
	int bad = ferror(fp);
	if (!std_in)
		fclose(fp);
	if (buf == NULL) {
		snprintf(why, whysize, "out of memory");
		return NULL;
	}
	if (bad) {
		free(buf);
		snprintf(why, whysize, "read error");
		return NULL;
	}
	buf[n] = '\0';
	*len = n;
	return buf;
}
