/*
 * cmdline.h: the command line that starts the explorer at the view on
 * screen ('y' copies it), and the OSC 52 bytes that put text on the
 * terminal's clipboard. Curses-free, so that both are unit-tested; the
 * screen only writes the bytes.
 */
#ifndef ISOFLOP_CMDLINE_H
#define ISOFLOP_CMDLINE_H

#include <stddef.h>

#include "app.h"

/*
 * "isoflop --law ID ..." for state a into buf: the law (--runs FILE, with
 * --bootstrap and --seed as given, for the fit of the session's runs), the point (--model
 * at a model, else --compute with --params, or --params and --tokens when N
 * or D is locked) and the views' options (--inference-tokens,
 * --unique-tokens, --larger, --gpu, --gpus, --mfu). Running it with --dump
 * draws a's frame. What no option carries (a comparison, the lock...) goes
 * into missing as "the lock, the comparison", or "" when nothing is left
 * out. False when buf is too small.
 */
bool cmdline_of(const struct app *a, char *buf, size_t size, char *missing, size_t msize);

/* Columns the status line's head takes at most before the command. */
#define CMDLINE_HEAD_MAX 36

/*
 * The status line after 'y', at most `width` characters into out: a
 * short head ("copied: ", or "copied, not the lock +1: " naming what the
 * line leaves out, the first items and how many more), then the command
 * line, cut with "..." where it does not fit (the clipboard has it all).
 */
void cmdline_status(const char *line, const char *missing, size_t width, char *out, size_t size);

/*
 * The OSC 52 sequence that sets the clipboard to text, ESC ] 5 2 ; c ;
 * BASE64 BEL (xterm's ctlseqs, "Manipulate Selection Data"), into out with
 * a terminating NUL. Its length, or 0 when out is too small.
 */
size_t cmdline_osc52(const char *text, char *out, size_t size);

#endif
