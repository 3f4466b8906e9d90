/*
 * test_map_stock.c: the data stock's band on the map and in the data view.
 * The band sits on the rows whose tokens lie in the stock's interval, the
 * median's row is labelled with its number, nothing the reader must keep
 * (the frontier, models, the point) is drawn over, and no band is drawn
 * when there is no stock. The data view grows the window to hold the
 * stock, and its readout gives the epochs of the stock the point needs,
 * checked against a hand computation: Llama 3 70B's 15T tokens over
 * Villalobos et al. 2024's 300T (100T-1000T) is 0.05 (0.015-0.15) epochs.
 */
#include <stdlib.h>
#include <string.h>

#include "../../tui/explore/app.h"
#include "../../tui/explore/readout.h"
#include "../../tui/plot/canvas.h"
#include "../../tui/plot/map.h"
#include "fixtures.h"
#include "catalog_fixture.h"

/* A window that holds the stock: 10M-10T parameters, 100M-10000T tokens. */
static struct map_spec stock_spec(const struct law *law, const struct map_marker *mk, int nmk)
{
	return (struct map_spec){
	        .law = law,
	        .law_name = "test",
	        .dataset = "",
	        .n_lo = 1e7,
	        .n_hi = 1e13,
	        .d_lo = 1e8,
	        .d_hi = 1e16,
	        .markers = mk,
	        .nmarkers = nmk,
	        .has_point = true,
	        .point_n = 70e9,
	        .point_d = 300e12, /* on the median itself */
	        .stock = 300e12,
	        .stock_low = 100e12,
	        .stock_high = 1000e12,
	        .stock_level = 0.9,
	        .stock_name = "villalobos2024",
	};
}

/* Draw s into a fresh 80x24 canvas c (canvas_free it), m filled. */
static void draw(struct canvas *c, const struct map_spec *s, struct map *m)
{
	assert_int_equal(canvas_init(c, 80, 24), 0);
	assert_int_equal(map_draw_base(c, (struct rect){0, 0, 80, 24}, s, m), 0);
	map_draw_overlay(c, (struct rect){0, 0, 80, 24}, s, m);
}

/* How many cells of row y in the plot hold ch. */
static int count_in_row(const struct canvas *c, const struct rect *a, int y, char ch)
{
	int n = 0;

	for (int x = a->x; x < a->x + a->w; x++)
		n += canvas_get(c, x, y).ch == ch;
	return n;
}

/* The band's glyphs are on the interval's rows and nowhere else; the median's row is labelled. */
static void band_lies_on_the_interval_rows(void **state)
{
	(void)state;
	struct law law = fixture_law("besiroglu2024");
	struct map_spec s = stock_spec(&law, NULL, 0);
	struct canvas c;
	struct map m;
	int mx, my, inside = 0;

	s.has_point = false;
	draw(&c, &s, &m);
	const struct rect *a = &m.frame.area;
	assert_true(frame_cell(&m.frame, s.n_lo, s.stock, &mx, &my));
	for (int y = a->y; y < a->y + a->h; y++) {
		double n, d, above, below;
		frame_value(&m.frame, a->x, y, &n, &d);
		frame_value(&m.frame, a->x, y - 1, &n, &above);
		frame_value(&m.frame, a->x, y + 1, &n, &below);
		int band = count_in_row(&c, a, y, ';') + count_in_row(&c, a, y, '"');
		if (d >= s.stock_low && d <= s.stock_high) {
			inside++;
			assert_true(band > 0);
		} else if (y != my && (below > s.stock_high || above < s.stock_low)) {
			/* a whole row away from the interval: nothing of it */
			assert_int_equal(band, 0);
		}
	}
	assert_true(inside >= 1);
	/* the median is a line: most of its row, and it carries the number */
	assert_true(count_in_row(&c, a, my, '"') > a->w / 3);
	char row[128];
	for (int x = 0; x < c.w; x++)
		row[x] = canvas_get(&c, x, my).ch;
	row[c.w] = '\0';
	assert_non_null(strstr(row, "300T"));
	canvas_free(&c);
}

/* The frontier, the models and the point show exactly as without the band. */
static void band_hides_nothing_that_matters(void **state)
{
	(void)state;
	struct law law = fixture_law("besiroglu2024");
	/* a model inside the band, and one on the median's row */
	const struct map_marker mk[] = {{"Zz", "in the band", 1e10, 600e12, 0},
	                                {"Yy", "on the median", 1e12, 300e12, 0}};
	struct map_spec with = stock_spec(&law, mk, 2), without = with;
	struct canvas cw, co;
	struct map mw, mo;

	/* one legend line in both, so that the band's entries do not move the plot */
	with.max_legend = without.max_legend = 1;
	without.stock = 0;
	draw(&cw, &with, &mw);
	draw(&co, &without, &mo);
	assert_int_equal(mw.point_x, mo.point_x);
	assert_int_equal(mw.point_y, mo.point_y);
	assert_int_equal(canvas_get(&cw, mw.point_x, mw.point_y).ch, '@');
	int kept = 0;
	for (int y = 0; y < co.h; y++)
		for (int x = 0; x < co.w; x++) {
			struct glyph g = canvas_get(&co, x, y);
			if (g.style == STYLE_FRONTIER || g.style == STYLE_MODEL ||
			    g.style == STYLE_COLLISION || g.style == STYLE_CURRENT) {
				struct glyph h = canvas_get(&cw, x, y);
				assert_int_equal(h.ch, g.ch);
				assert_int_equal(h.style, g.style);
				kept++;
			}
		}
	assert_true(kept > 10);
	for (int i = 0; i < 2; i++)
		assert_int_equal(mw.tags[i].place, MARKER_TAG);
	canvas_free(&cw);
	canvas_free(&co);
}

/* Stock 0: no band, no legend entry. */
static void no_stock_no_band(void **state)
{
	(void)state;
	struct law law = fixture_law("besiroglu2024");
	struct map_spec s = stock_spec(&law, NULL, 0);
	struct canvas c;
	struct map m;

	s.stock = 0;
	draw(&c, &s, &m);
	for (int y = 0; y < c.h; y++)
		for (int x = 0; x < c.w; x++) {
			assert_int_not_equal(canvas_get(&c, x, y).ch, ';');
			assert_int_not_equal(canvas_get(&c, x, y).ch, '"');
		}
	canvas_free(&c);
}

/* The data view at Llama 3 70B, with its data as the unique tokens. */
static void data_view_at_llama3(struct app *a)
{
	const struct catalog_entry *law = catalog_law(&cat, "besiroglu2024");
	const struct catalog_entry *model = catalog_model(&cat, "llama3-70b");

	assert_non_null(law);
	assert_non_null(model);
	app_init(a, &cat, (size_t)(law - cat.laws));
	app_jump_model(a, (size_t)(model - cat.models));
	app_toggle_data(a);
}

/* 15T / 300T = 0.05 epochs; the interval: 15T / 1000T = 0.015 to 15T / 100T = 0.15. */
static void readout_gives_the_epochs_of_the_stock(void **state)
{
	(void)state;
	static struct app a;
	struct readout_field f[READOUT_MAX_FIELDS];

	data_view_at_llama3(&a);
	assert_rel(a.scene.d, 15e12, 1e-12);
	int n = readout_fields(&a, f), found = 0;
	for (int i = 0; i < n; i++)
		found += strcmp(f[i].text, "stock epochs 0.05 (0.015-0.15)") == 0;
	assert_int_equal(found, 1);
}

/* The data view's window holds the stock's interval; the default window stays at 100T. */
static void data_view_window_reaches_the_stock(void **state)
{
	(void)state;
	static struct app a;
	struct app_window w;

	data_view_at_llama3(&a);
	app_map_window(&a, &w);
	assert_true(w.d_hi >= 1e15);
	double lo, hi;
	app_range(&a, SLIDER_D, &lo, &hi);
	assert_true(hi >= 1e15); /* the D slider reaches it too */
	app_toggle_data(&a);
	app_default_window(&a);
	app_map_window(&a, &w);
	assert_rel(w.d_hi, 1e14, 1e-12);
	app_range(&a, SLIDER_D, &lo, &hi);
	assert_rel(hi, 1e14, 1e-12);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(band_lies_on_the_interval_rows),
	        cmocka_unit_test(band_hides_nothing_that_matters),
	        cmocka_unit_test(no_stock_no_band),
	        cmocka_unit_test(readout_gives_the_epochs_of_the_stock),
	        cmocka_unit_test(data_view_window_reaches_the_stock),
	};

	return cmocka_run_group_tests(tests, load_catalog, free_catalog);
}
