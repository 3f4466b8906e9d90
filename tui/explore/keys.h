/*
 * keys.h: the explorer's keys, as tables: one per mode (explore, typing a
 * value, the pickers, the help, a tour, the 'g N' jump in a tour, the y/n
 * of 'q' in a tour), one row per key with its codes, names, help and
 * handler. Adding a key is a row and its handler; a tour takes every key
 * of the explore table that its own table leaves free. The help overlay is drawn from the explore
 * table and a test holds the man page's KEYS section to it, so the three never disagree. Key codes
 * are the screen's translation of curses keys: printable ASCII as itself, the rest named here, so
 * that nothing but tui/explore/screen.c needs curses.
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
	KEYC_HOME,
	KEYC_END,
};

/* What a key did. The frame's cache key decides by itself what to rebuild. */
enum key_result {
	KEY_IGNORED, /* not a key of this mode */
	KEY_HANDLED,
	KEY_QUIT,
};

typedef enum key_result key_handler(struct app *a, int key);

struct key_binding {
	const char *names;    /* as the help and the man page show them: "Left Right / h l" */
	const char *help;     /* what they do, one short line */
	int codes[12];        /* the key codes, 0-terminated; none for the mouse's row */
	key_handler *handler; /* NULL for the mouse's row */
};

/* The keys of one mode, and what any other key does (NULL: nothing). */
struct key_mode {
	const struct key_binding *keys;
	size_t len;
	key_handler *other;
	bool clears_status; /* a key of the mode replaces the last message */
};

/* The explore mode's table, as the help overlay and the man page show it. */
extern const struct key_binding key_table[];
extern const size_t key_table_len;

/* The help's lines: in a tour its own keys, then the explore table's. */
/* The help box's inside at 80 columns: every help line fits it whole. */
#define KEY_HELP_COLS 72

size_t key_help_len(const struct app *a);
void key_help_line(const struct app *a, size_t i, char *buf, size_t size);

/* The keys of the mode state a is in (a tour's 'g N' is a mode of its own). */
const struct key_mode *key_mode_of(const struct app *a);

/* The binding of a key in a mode, or NULL. */
const struct key_binding *key_in_mode(const struct key_mode *m, int key);

/* The binding of a key in the explore mode, or NULL. */
const struct key_binding *key_lookup(int key);

/* Handle one key in the mode a is in; the result says whether to quit. */
enum key_result app_key(struct app *a, int key);

#endif
