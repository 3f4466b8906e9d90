/*
 * keys.h: the explorer's keys, as one table. The help overlay is drawn from
 * it and a test holds the man page's KEYS section to it, so the three never
 * disagree. Key codes are the screen's translation of curses keys: printable
 * ASCII as itself, the rest named here, so that nothing but tui/screen.c
 * needs curses.
 */
#ifndef ISOFLOP_KEYS_H
#define ISOFLOP_KEYS_H

#include <stddef.h>

#include "app.h"

enum {
	KEYC_TAB = '\t',
	KEYC_ENTER = '\n',
	KEYC_ESC = 27,
	KEYC_BACKSPACE = 127,
	KEYC_UP = 0x100,
	KEYC_DOWN,
	KEYC_LEFT,
	KEYC_RIGHT,
	KEYC_PGUP,
	KEYC_PGDN,
	KEYC_BTAB,
};

struct key_binding {
	const char *names; /* as the help and the man page show them: "Left Right / h l" */
	const char *help;  /* what they do, one short line */
	int codes[8];      /* the key codes, 0-terminated; none for the mouse's row */
	enum key_result (*handler)(struct app *a, int key); /* NULL for the mouse's row */
};

extern const struct key_binding key_table[];
extern const size_t key_table_len;

/* The binding of a key in the explore mode, or NULL. */
const struct key_binding *key_lookup(int key);

#endif
