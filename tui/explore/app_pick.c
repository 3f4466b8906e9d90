/*
 * app_pick.c: the dialogs in the explorer's state: the pickers, their
 * type-ahead, the marked models and the typed entries (a part of the state
 * module: see app.h).
 */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <strings.h>
#include <stdlib.h>
#include <string.h>

#include "../../model/optimum.h"
#include "../../model/units.h"
#include "app.h"
#include "app_parts.h"
#include "app_views.h"
#include "save.h"

/* Whether the law pickers are open: their rows are grouped by domain (app_law_at). */
static bool law_picker(const struct app *a)
{
	return a->mode == MODE_PICK_LAW || a->mode == MODE_PICK_COMPARE;
}

/* Whether law i is listed: of the domain --domain names, or any without one. */
static bool law_listed(const struct app *a, size_t i, int domain)
{
	return (int)a->catalog->laws[i].preset.domain == domain &&
	       (a->domain < 0 || a->domain == domain);
}

size_t app_law_rows(const struct app *a)
{
	size_t n = 0;

	for (int d = 0; d < PRESET_DOMAIN_COUNT; d++)
		for (size_t i = 0; i < a->catalog->nlaws; i++)
			n += law_listed(a, i, d);
	return n;
}

long app_law_at(const struct app *a, size_t row)
{
	size_t n = 0;

	/* language first (the enum's order), each domain's laws in the catalog's order */
	for (int d = 0; d < PRESET_DOMAIN_COUNT; d++)
		for (size_t i = 0; i < a->catalog->nlaws; i++)
			if (law_listed(a, i, d) && n++ == row)
				return (long)i;
	return -1;
}

long app_law_row(const struct app *a, size_t law)
{
	size_t rows = app_law_rows(a);

	for (size_t r = 0; r < rows; r++)
		if (app_law_at(a, r) == (long)law)
			return (long)r;
	return -1;
}

void app_set_domain(struct app *a, int domain)
{
	a->domain = domain;
}

/* A law picker's highlighted law: `law` where it is listed, else the first row's. */
static size_t listed_or_first(const struct app *a, size_t law)
{
	long first = app_law_at(a, 0);

	return app_law_row(a, law) >= 0 || first < 0 ? law : (size_t)first;
}

void app_open(struct app *a, enum app_mode mode)
{
	a->mode = mode;
	a->seek[0] = '\0';
	switch (mode) {
	case MODE_ENTRY:
	case MODE_SAVE:
	case MODE_RECORD:
		a->entry[0] = '\0';
		break;
	case MODE_PICK_MODEL:
	case MODE_PICK_MARKS:
	case MODE_HELP: /* the pick is the help's scroll position */
		a->pick = 0;
		break;
	case MODE_PICK_LAW:
		a->pick = listed_or_first(a, a->scene.law);
		break;
	case MODE_PICK_COMPARE:
		a->pick = listed_or_first(a, a->compare >= 0 ? (size_t)a->compare : a->scene.law);
		break;
	case MODE_PICK_TT:
		a->pick = a->scene.tt.law >= 0 ? (size_t)a->scene.tt.law : 0;
		break;
	default:
		break;
	}
}

void app_close(struct app *a)
{
	a->mode = a->tour != NULL ? MODE_TOUR : MODE_EXPLORE;
}

void app_pick_move(struct app *a, int by, size_t rows, bool wrap)
{
	size_t step = (size_t)abs(by);
	/* a law picker moves by its rows, grouped by domain; pick stays the law's index */
	long at = law_picker(a) ? app_law_row(a, a->pick) : (long)a->pick;
	size_t row = at >= 0 ? (size_t)at : 0;

	a->seek[0] = '\0'; /* a move starts the type-ahead afresh */
	if (rows == 0)
		return;
	if (by > 0)
		row = row + step < rows ? row + step : wrap ? 0 : rows - 1;
	else
		row = row >= step ? row - step : wrap ? rows - 1 : 0;
	a->pick = law_picker(a) ? (size_t)app_law_at(a, row) : row;
}

/* The open picker's rows: models, laws or test-time laws. */
static const struct catalog_entry *pick_rows(const struct app *a, size_t *n)
{
	if (a->mode == MODE_PICK_MODEL || a->mode == MODE_PICK_MARKS) {
		*n = a->catalog->nmodels;
		return a->catalog->models;
	}
	if (a->mode == MODE_PICK_TT) {
		*n = a->catalog->ntesttimes;
		return a->catalog->testtimes;
	}
	*n = a->catalog->nlaws;
	return a->catalog->laws;
}

/* The first row of the open picker whose id or name starts with prefix, or -1. */
static long pick_find(const struct app *a, const char *prefix)
{
	size_t rows, len = strlen(prefix);
	const struct catalog_entry *e = pick_rows(a, &rows);

	if (law_picker(a))
		rows = app_law_rows(a);
	for (size_t r = 0; r < rows; r++) {
		/* a law picker finds in the order it lists, by domain */
		size_t i = law_picker(a) ? (size_t)app_law_at(a, r) : r;
		const struct preset *p = &e[i].preset;
		if (strncasecmp(p->id, prefix, len) == 0 || strncasecmp(p->name, prefix, len) == 0)
			return (long)i;
	}
	return -1;
}

bool app_pick_seek(struct app *a, int ch)
{
	size_t len = strlen(a->seek);
	char alone[2] = {(char)ch, '\0'};
	long row;

	if (ch <= ' ' || ch > '~' || len + 1 >= sizeof a->seek)
		return false;
	a->seek[len] = (char)ch;
	a->seek[len + 1] = '\0';
	row = pick_find(a, a->seek);
	if (row < 0 && len > 0 && (row = pick_find(a, alone)) >= 0)
		snprintf(a->seek, sizeof a->seek, "%s", alone);
	if (row < 0) {
		a->seek[len] = '\0';
		return false;
	}
	a->pick = (size_t)row;
	return true;
}

void app_pick_choose(struct app *a)
{
	enum app_mode mode = a->mode;

	app_close(a);
	if (mode == MODE_PICK_MODEL) {
		app_jump_model(a, a->pick);
	} else if (mode == MODE_PICK_TT) {
		app_tt_pick(a, a->pick);
	} else if (mode == MODE_PICK_COMPARE) {
		/* picking the current law itself ends the comparison, unless it is
		 * edited: then the preset is what the edit is compared with */
		a->compare = a->pick == a->scene.law && !a->scene.edited ? -1 : (long)a->pick;
		a->delta = a->delta && a->compare >= 0;
		app_status(a, "%s%s", a->compare >= 0 ? "comparing with " : "no comparison",
		           a->compare >= 0 ? a->catalog->laws[a->compare].preset.id : "");
	} else if (mode == MODE_PICK_LAW && a->pick != a->scene.law) {
		bool dropped = a->scene.edited && !a->saved;
		app_switch_law(a, a->pick);
		app_status(a, "law: %.100s%s", a->catalog->laws[a->scene.law].preset.name,
		           dropped ? " (the edits are gone; s saves them before w)" : "");
		/* a law without L(N, D) says what it cannot show instead (the map names it),
		   unless edits were lost: that matters more */
		if (!dropped)
			app_say_lacks(a);
		/* the timeline's wall is the law's: a law without one says so */
		app_view_recheck(a, TOUR_VIEW_TIMELINE);
	}
}

bool app_entry_type(struct app *a, int ch)
{
	bool caption = a->mode == MODE_RECORD;

	return app_append_char(a->entry, caption ? sizeof a->entry : APP_VALUE_MAX, ch,
	                       caption ? ' ' : 0x21, 0x7e);
}

void app_entry_erase(struct app *a)
{
	size_t len = strlen(a->entry);

	if (len > 0)
		a->entry[len - 1] = '\0';
}

void app_entry_done(struct app *a)
{
	if (a->mode == MODE_SAVE) {
		app_close(a);
		app_save_law(a, a->entry);
	} else {
		app_commit_entry(a);
	}
}

bool app_model_marked(const struct app *a, size_t model)
{
	for (int i = 0; i < a->scene.marked.n; i++)
		if (a->scene.marked.model[i] == model)
			return true;
	return false;
}

bool app_toggle_mark(struct app *a, size_t model)
{
	struct app_marks *m = &a->scene.marked;

	for (int i = 0; i < m->n; i++)
		if (m->model[i] == model) {
			/* kept in order and zeroed past n: the explorer compares marks whole */
			memmove(&m->model[i], &m->model[i + 1],
			        sizeof *m->model * (size_t)(m->n - i - 1));
			m->model[--m->n] = 0;
			return true;
		}
	if (m->n == APP_MAX_MARKED) {
		app_status(a, "%d models are marked already: Space on one unmarks it",
		           APP_MAX_MARKED);
		return false;
	}
	m->model[m->n++] = model;
	return true;
}

void app_set_marked(struct app *a, const size_t *models, int n)
{
	memset(&a->scene.marked, 0, sizeof a->scene.marked);
	for (int i = 0; i < n && a->scene.marked.n < APP_MAX_MARKED; i++)
		if (!app_model_marked(a, models[i]))
			a->scene.marked.model[a->scene.marked.n++] = models[i];
}
