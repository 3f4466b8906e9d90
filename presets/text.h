/*
 * text.h: what the preset and tour loaders share about the text in a file:
 * C1 controls, printable messages, characters counted in UTF-8.
 */
#ifndef ISOFLOP_TEXT_H
#define ISOFLOP_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

/*
 * Whether s (n bytes) starts with a C1 control, U+0080..U+009F (UTF-8 C2 80
 * to C2 9F): terminals obey some of them (U+009B is CSI) as they do ESC.
 */
bool text_is_c1(const char *s, size_t n);

/*
 * Make a message one printable line in place: C0 controls, DEL and C1
 * controls (user text quoted into it, a folded scalar's newline) become '?'.
 */
void text_printable(char *msg);

/* Characters in a valid UTF-8 string: the bytes that start one. */
size_t text_utf8_length(const char *s);

/*
 * Optimal-string-alignment distance of two short strings, for "did you
 * mean": Levenshtein with a swap of adjacent characters as one edit;
 * SIZE_MAX past 64 bytes.
 */
size_t text_edit_distance(const char *a, const char *b);

/*
 * Whether a typed word is near enough to a name to suggest it: a few edits,
 * fewer for short words ("hofmann2022" for "hoffmann2022", never "all" for "gpu").
 */
bool text_near(const char *typed, const char *name);

/*
 * Print prefix and msg to fp as lines of at most width characters, broken
 * at spaces (a word longer than a line stands alone on one), each after the
 * first starting with indent; a newline ends the last. The messages a
 * command prints about its result (fit's warnings) wrap as its text does.
 */
void text_wrap(FILE *fp, const char *prefix, const char *msg, const char *indent, int width);

#endif
