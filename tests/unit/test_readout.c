/*
 * test_readout.c: the readout never cuts a number. For every width from 40
 * to 200, several heights and states (models, Gopher's published compute
 * included, laws with and without a loss surface, the views), each readout
 * row of the frame is read back and must be whole fields, in order, with
 * their separators: a field cut at the edge matches none. At 80x24 the
 * efficiency is on screen. Also the compare mode's legend and glyph, and
 * what 'd' says with a frontier law.
 */
#include <stdio.h>
#include <string.h>

#include "../../model/optimum.h"
#include "../../tui/explore/app.h"
#include "../../tui/explore/explorer.h"
#include "../../tui/explore/keys.h"
#include "../../tui/explore/readout.h"
#include "fixtures.h"
#include "catalog_fixture.h"

/* The states the check runs over. */
enum state {
	ST_DEFAULT,
	ST_GOPHER,
	ST_MOE,
	ST_KAPLAN_GPT3,
	ST_FRONTIER,
	ST_INFERENCE,
	ST_DATA,
	ST_HARDWARE,
	ST_COUNT
};

static void set_state(struct app *a, enum state s)
{
	static const char *const laws[ST_COUNT] = {
	        "besiroglu2024",          "besiroglu2024", "besiroglu2024",   "kaplan2020",
	        "hoffmann2022-approach1", "besiroglu2024", "muennighoff2023", "besiroglu2024"};
	static const char *const models[ST_COUNT] = {NULL,   "gopher",    "deepseek-v3", "gpt3",
	                                             "gpt3", "llama3-8b", NULL,          NULL};
	const struct catalog_entry *law = catalog_law(&cat, laws[s]);

	assert_non_null(law);
	app_init(a, &cat, (size_t)(law - cat.laws));
	if (models[s] != NULL) {
		long m = -1;
		for (size_t i = 0; i < cat.nmodels; i++)
			if (strcmp(cat.models[i].preset.id, models[s]) == 0)
				m = (long)i;
		assert_true(m >= 0);
		app_jump_model(a, (size_t)m);
	}
	if (s == ST_INFERENCE) {
		app_toggle_inference(a);
		app_set(a, SLIDER_T, 1e13);
	} else if (s == ST_DATA) {
		app_set_unique_given(a, 25e9);
		app_toggle_data(a);
	} else if (s == ST_HARDWARE) {
		assert_true(app_toggle_hardware(a));
	}
}

/* Row y of the canvas from column x0, w cells, trailing blanks trimmed. */
static void row_text(const struct canvas *c, int x0, int y, int w, char *out)
{
	int n = 0;

	for (int x = x0; x < x0 + w; x++)
		out[n++] = canvas_get(c, x, y).ch;
	while (n > 0 && out[n - 1] == ' ')
		n--;
	out[n] = '\0';
}

/*
 * Whether row is whole fields of f, in their order, each after its
 * separator unless it starts the row; the fields seen are marked.
 */
static bool whole_fields(const char *row, const struct readout_field *f, int n, bool *seen)
{
	size_t pos = 0, len = strlen(row);

	for (int i = 0; i < n && pos < len; i++) {
		size_t sep = pos > 0 ? strlen(f[i].sep) : 0, text = strlen(f[i].text);
		if (strncmp(row + pos, f[i].sep, sep) == 0 &&
		    strncmp(row + pos + sep, f[i].text, text) == 0) {
			pos += sep + text;
			seen[i] = true;
		}
	}
	return pos == len;
}

/* The readout of state s at w x h: every row whole fields; the fields seen into seen. */
static void check_size(enum state s, int w, int h, bool *seen, int *nfields)
{
	struct app a;
	struct explorer e;
	struct canvas c;
	struct readout_field f[READOUT_MAX_FIELDS];
	char row[256];

	set_state(&a, s);
	explorer_init(&e);
	assert_int_equal(canvas_init(&c, w, h), 0);
	assert_int_equal(explorer_frame(&e, &a, &c), 0);
	*nfields = readout_fields(&a, f);
	memset(seen, 0, sizeof *seen * READOUT_MAX_FIELDS);
	const struct rect *r = &e.lay.readout;
	for (int y = r->y; y < r->y + r->h; y++) {
		row_text(&c, r->x, y, r->w, row);
		if (!whole_fields(row, f, *nfields, seen))
			fail_msg("state %d at %dx%d: readout row %d is not whole fields: '%s'",
			         (int)s, w, h, y - r->y, row);
	}
	canvas_free(&c);
	explorer_free(&e);
}

static void no_field_is_cut(void **state)
{
	static const int heights[] = {12, 14, 16, 18, 24, 30, 48};
	bool seen[READOUT_MAX_FIELDS];
	int n;

	(void)state;
	for (int s = 0; s < ST_COUNT; s++)
		for (int w = EXPLORER_MIN_W; w <= 200; w++)
			for (size_t k = 0; k < sizeof heights / sizeof *heights; k++)
				check_size((enum state)s, w, heights[k], seen, &n);
}

/* At 80x24 the efficiency stays, Gopher's 49.7% among them. */
static void efficiency_stays_at_80x24(void **state)
{
	bool seen[READOUT_MAX_FIELDS];
	struct readout_field f[READOUT_MAX_FIELDS];
	struct app a;
	int n;

	(void)state;
	for (int s = 0; s < ST_COUNT; s++) {
		if (s == ST_FRONTIER || s == ST_INFERENCE)
			continue; /* no loss surface; the inference view prices FLOPs instead */
		check_size((enum state)s, 80, 24, seen, &n);
		set_state(&a, (enum state)s);
		readout_fields(&a, f);
		bool shown = false;
		for (int i = 0; i < n; i++)
			if (strstr(f[i].text, "efficiency ") != NULL && seen[i])
				shown = true;
		if (!shown)
			fail_msg("state %d: no efficiency at 80x24", s);
	}
	set_state(&a, ST_GOPHER);
	n = readout_fields(&a, f);
	check_size(ST_GOPHER, 80, 24, seen, &n);
	bool gopher = false;
	for (int i = 0; i < n; i++)
		gopher |= seen[i] && strcmp(f[i].text, "efficiency 49.7%") == 0;
	assert_true(gopher);
}

/* dL keeps its number at 60x18, where it used to end "dL =". */
static void gap_is_whole_at_60x18(void **state)
{
	struct app a;
	struct explorer e;
	struct canvas c;

	(void)state;
	set_state(&a, ST_DEFAULT);
	explorer_init(&e);
	assert_int_equal(canvas_init(&c, 60, 18), 0);
	assert_int_equal(explorer_frame(&e, &a, &c), 0);
	assert_true(canvas_has_text(&c, "dL = +0.0000"));
	canvas_free(&c);
	explorer_free(&e);
}

/* In a tour the caption has rows of its own, apart from the readout's. */
static void caption_leaves_the_readout(void **state)
{
	(void)state;
	for (int h = EXPLORER_MIN_H; h <= 60; h++) {
		struct explorer_layout l;
		explorer_layout(80, h, TOUR_PANEL_BOTH, true, 3, &l);
		assert_int_equal(l.caption.h, TOUR_CAPTION_LINES);
		assert_true(l.caption.y + l.caption.h <= l.readout.y);
		if (h >= 24 && l.readout.h < 2)
			fail_msg("80x%d in a tour: %d readout rows", h, l.readout.h);
	}
}

/* Compare state a's law with law `id`, as c, rows down and Enter do. */
static void compare_with(struct app *a, const char *id)
{
	const struct catalog_entry *e = catalog_law(&cat, id);

	assert_non_null(e);
	app_open(a, MODE_PICK_COMPARE);
	while (a->pick != (size_t)(e - cat.laws))
		app_pick_move(a, 1, cat.nlaws, true);
	app_pick_choose(a);
	assert_int_equal(a->compare, e - cat.laws);
}

/*
 * At 80x24 the law compared with is named in the legend, with a glyph of
 * its own ('#') that is not the profiles' 'o' of the current law's curve,
 * and its frontier is drawn with it; for every other law, from three
 * laws, and in the inference view, whose legend entries come first too.
 */
static void compared_law_is_named_at_80x24(void **state)
{
	static const char *const from[] = {"besiroglu2024", "kaplan2020", "muennighoff2023"};

	(void)state;
	for (size_t k = 0; k < sizeof from / sizeof *from; k++)
		for (size_t i = 0; i < cat.nlaws; i++)
			for (int view = 0; view < 2; view++) {
				const char *id = cat.laws[i].preset.id;
				struct app a;
				struct explorer e;
				struct canvas c;
				char want[96], not [96];

				set_state(&a, ST_DEFAULT);
				app_init(&a, &cat, (size_t)(catalog_law(&cat, from[k]) - cat.laws));
				struct allocation fit;
				/* an exponent alone (Table A2, Table 4) draws no frontier */
				if (i == a.scene.law ||
				    optimum_at_compute(&cat.laws[i].preset.law, 1e22, 0, &fit) ==
				            MODEL_ENOFIT)
					continue;
				if (view)
					app_toggle_inference(&a);
				compare_with(&a, id);
				explorer_init(&e);
				assert_int_equal(canvas_init(&c, 80, 24), 0);
				assert_int_equal(explorer_frame(&e, &a, &c), 0);
				snprintf(want, sizeof want, "# %s", id);
				snprintf(not, sizeof not, "o %s", id);
				if (!canvas_has_text(&c, want) || canvas_has_text(&c, not ))
					fail_msg("%s compared with %s (view %d): legend without "
					         "'%s'",
					         from[k], id, view, want);
				int marks = 0;
				for (int y = e.lay.map.y; y < e.lay.map.y + e.lay.map.h - 3; y++)
					for (int x = e.lay.map.x; x < e.lay.map.x + e.lay.map.w;
					     x++)
						marks += canvas_get(&c, x, y).ch == '#';
				/* Approach 1 runs along Muennighoff's '*', which is drawn over it
				 */
				if (marks == 0 && k < 2)
					fail_msg("%s compared with %s: no '#' frontier on the map",
					         from[k], id);
				canvas_free(&c);
				explorer_free(&e);
			}
}

/*
 * d with a frontier law, compared or current, says which law has no loss
 * and which key picks one that has, in a status line that fits 80 columns.
 */
static void d_with_a_frontier_law_says_how(void **state)
{
	struct app a;

	(void)state;
	set_state(&a, ST_DEFAULT);
	compare_with(&a, "hoffmann2022-approach1");
	assert_int_equal(app_key(&a, 'd'), KEY_HANDLED);
	assert_false(a.delta);
	assert_string_equal(a.status, "d: hoffmann2022-approach1 has no L(N, D); c: pick e.g. "
	                              "hoffmann2022");
	set_state(&a, ST_FRONTIER);
	compare_with(&a, "besiroglu2024");
	assert_int_equal(app_key(&a, 'd'), KEY_HANDLED);
	assert_false(a.delta);
	assert_non_null(strstr(a.status, "hoffmann2022-approach1 has no L(N, D); w: pick"));
	for (size_t i = 0; i < cat.nlaws; i++)
		for (size_t j = 0; j < cat.nlaws; j++) {
			if (i == j)
				continue;
			app_init(&a, &cat, i);
			compare_with(&a, cat.laws[j].preset.id);
			app_key(&a, 'd');
			if (strlen(a.status) > 80)
				fail_msg("d: '%s' is wider than 80 columns", a.status);
		}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(no_field_is_cut),
	        cmocka_unit_test(efficiency_stays_at_80x24),
	        cmocka_unit_test(gap_is_whole_at_60x18),
	        cmocka_unit_test(caption_leaves_the_readout),
	        cmocka_unit_test(compared_law_is_named_at_80x24),
	        cmocka_unit_test(d_with_a_frontier_law_says_how),
	};
	return cmocka_run_group_tests(tests, load_catalog, free_catalog);
}
