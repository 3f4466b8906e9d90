/*
 * test_compute_plot.c: the loss-against-compute picture records where it
 * put things (the '@', each model's tag, the floor), and those records
 * agree with the glyphs on the canvas and with model/returns.h.
 */
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_errno.h>

#include "fixtures.h"

#include "../../tui/plot/compute.h"

/* Chinchilla 70B on 1.4T tokens (Hoffmann et al. 2022, Table 1), 5.76e23 FLOPs (Table 3). */
static const struct compute_model chinchilla = {"Ch", "Chinchilla", 70e9, 1.4e12, 5.76e23};

static void draw(struct canvas *c, const struct law *law, struct compute_plot *p,
                 const struct compute_model *models, int nmodels)
{
	struct compute_law cl = {law, "hoffmann2022"};
	struct compute_spec s = {.laws = &cl,
	                         .nlaws = 1,
	                         .c_lo = 1e20,
	                         .c_hi = 1e27,
	                         .models = models,
	                         .nmodels = nmodels,
	                         .has_point = true,
	                         .point_c = 1e22};

	assert_int_equal(canvas_init(c, 80, 24), 0);
	assert_int_equal(compute_draw_base(c, (struct rect){0, 0, 80, 24}, &s, p), 0);
	compute_draw_overlay(c, (struct rect){0, 0, 80, 24}, &s, p);
}

/* The '@' is where the plot says, on L*(C), and the readout is model/returns.h's. */
static void point_and_readout(void **state)
{
	(void)state;
	struct law law = fixture_law("hoffmann2022");
	struct canvas c;
	struct compute_plot p;
	struct returns r;
	char want[160];

	draw(&c, &law, &p, NULL, 0);
	assert_true(p.point_x >= 0 && p.has_returns);
	assert_int_equal(canvas_get(&c, p.point_x, p.point_y).ch, '@');
	assert_int_equal(returns_at_compute(&law, 1e22, 0, &r), MODEL_OK);
	assert_rel(p.returns.gain, r.gain, 1e-12);
	compute_readout(&r, want, sizeof want);
	assert_true(canvas_has_text(&c, want));
	assert_true(p.has_floor && p.floor == 1.69);
	assert_true(canvas_has_text(&c, "E=1.69 irreducible"));
	canvas_free(&c);
}

/* A model's record names the cells of its tag, and they hold the tag. */
static void model_tag_recorded(void **state)
{
	(void)state;
	struct law law = fixture_law("hoffmann2022");
	struct canvas c;
	struct compute_plot p;

	draw(&c, &law, &p, &chinchilla, 1);
	assert_int_equal(p.nmodels, 1);
	assert_true(p.tags[0].shown && !p.tags[0].merged);
	assert_int_equal(p.tags[0].len, 2);
	assert_int_equal(canvas_get(&c, p.tags[0].x, p.tags[0].cy).ch, 'C');
	assert_int_equal(canvas_get(&c, p.tags[0].x + 1, p.tags[0].cy).ch, 'h');
	assert_true(p.tags[0].cx == p.tags[0].x || p.tags[0].cx == p.tags[0].x + 1);
	canvas_free(&c);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(point_and_readout),
	        cmocka_unit_test(model_tag_recorded),
	};

	gsl_set_error_handler_off();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
