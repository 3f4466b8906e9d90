/*
 * app_fixture.h: the explorer as the unit tests start it, without a
 * terminal: an app on a shipped law, its frame at 80x24 as text, and the
 * frame `isoflop ... --dump` draws for a command line (the binary under
 * test: $ISOFLOP, else ./isoflop). Include it after catalog_fixture.h's
 * one inclusion point: it uses its `cat`.
 */
#ifndef ISOFLOP_APP_FIXTURE_H
#define ISOFLOP_APP_FIXTURE_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../tui/explore/app.h"
#include "../../tui/explore/explorer.h"
#include "catalog_fixture.h"

/* The explorer on law `law` of the shipped presets, as `isoflop --law law` starts it. */
static inline void app_fixture_start(struct app *a, const char *law)
{
	const struct catalog_entry *e = catalog_law(&cat, law);

	assert_non_null(e);
	app_init(a, &cat, (size_t)(e - cat.laws));
}

/* State a's frame at 80x24 as text, as it stands, into a malloc'ed string. */
static inline char *app_fixture_frame(const struct app *a)
{
	struct explorer e;
	struct canvas c;
	char *text = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&text, &len);

	assert_non_null(fp);
	explorer_init(&e);
	assert_int_equal(canvas_init(&c, 80, 24), 0);
	assert_int_equal(explorer_frame(&e, a, &c), 0);
	canvas_print(&c, fp, false);
	fclose(fp);
	canvas_free(&c);
	explorer_free(&e);
	return text;
}

/*
 * As app_fixture_frame in explore mode, out of any tour and with no
 * message: the frame a command line of state a redraws.
 */
static inline char *app_fixture_frame_shown(const struct app *a)
{
	static struct app shown; /* an app is large: off the stack */

	shown = *a;
	shown.mode = MODE_EXPLORE;
	shown.tour = NULL;
	shown.status[0] = '\0';
	return app_fixture_frame(&shown);
}

/*
 * What the isoflop under test prints, stdout and stderr, for `line` (a
 * command line "isoflop ...") with --dump added: a malloc'ed string.
 */
static inline char *app_fixture_dump(const char *line)
{
	const char *isoflop = getenv("ISOFLOP") ? getenv("ISOFLOP") : "./isoflop";
	char cmd[APP_CLIP_MAX + 256];
	char *got = calloc(1, 1 << 16);

	assert_non_null(got);
	snprintf(cmd, sizeof cmd, "'%s'%s --dump 2>&1", isoflop, line + strlen("isoflop"));
	FILE *p = popen(cmd, "r");
	assert_non_null(p);
	size_t n = fread(got, 1, (1 << 16) - 1, p);
	pclose(p);
	got[n] = '\0';
	return got;
}

#endif
