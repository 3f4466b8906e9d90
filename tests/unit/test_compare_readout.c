/*
 * test_compare_readout.c: the compare view's readout line, "B needs k x the
 * compute for L* at this C (derived)", against the compute multipliers
 * worked out apart from model/ (tests/unit/test_compare.c: Hoffmann et al.
 * 2022 Eq. 10 at Gopher's 5.76e23 FLOPs reaches 1.930748, which the
 * Besiroglu et al. 2024 refit's optimum reaches with 6.209x the compute),
 * and the line's refusals: a frontier law has no L(C), and a loss below
 * the compared law's floor no budget reaches.
 */
#include <stdio.h>
#include <string.h>

#include "../../tui/explore/app.h"
#include "../../tui/explore/explorer.h"
#include "../../tui/explore/keys.h"
#include "../../tui/explore/readout.h"
#include "fixtures.h"
#include "catalog_fixture.h"

/* An explorer on law `id` at compute c, compared with law `with`. */
static void start(struct app *a, const char *id, double c, const char *with)
{
	const struct catalog_entry *law = catalog_law(&cat, id), *b = catalog_law(&cat, with);

	assert_non_null(law);
	assert_non_null(b);
	app_init(a, &cat, (size_t)(law - cat.laws));
	app_set(a, SLIDER_C, c);
	assert_rel(app_value(a, SLIDER_C), c, 1e-9);
	app_set_compare(a, (long)(b - cat.laws));
}

/* Fail unless one readout field of a reads exactly `want`. */
static void has_field(const struct app *a, const char *want)
{
	struct readout_field f[READOUT_MAX_FIELDS];
	int n = readout_fields(a, f);

	for (int i = 0; i < n; i++)
		if (strcmp(f[i].text, want) == 0)
			return;
	for (int i = 0; i < n; i++)
		print_message("field: %s\n", f[i].text);
	fail_msg("no readout field '%s'", want);
}

static void multiplier_at_gopher_compute(void **state)
{
	struct app a;

	(void)state;
	/* Gopher's budget is past both fits (N* 32B > 16B): the line says so */
	start(&a, "hoffmann2022", 5.76e23, "besiroglu2024");
	has_field(&a, "besiroglu2024 needs 6.21x the compute for L* at this C (derived, "
	              "extrapolated)");
	start(&a, "besiroglu2024", 5.76e23, "hoffmann2022");
	has_field(&a, "hoffmann2022 needs 0.338x the compute for L* at this C (derived, "
	              "extrapolated)");
}

/* Inside both fits (1e21: N* 1.8B, D* 91B) the line carries no mark. */
static void multiplier_inside_the_fits(void **state)
{
	struct app a;

	(void)state;
	start(&a, "hoffmann2022", 1e21, "besiroglu2024");
	has_field(&a, "besiroglu2024 needs 0.769x the compute for L* at this C (derived)");
}

static void refusals_said(void **state)
{
	struct app a;

	(void)state;
	start(&a, "hoffmann2022", 1e24, "llama3-2024");
	has_field(&a, "llama3-2024 has no loss: no compute multiplier");
	start(&a, "hoffmann2022", 1e24, "henighan2020-t2i-text");
	has_field(&a, "henighan2020-t2i-text has no L(C): no compute multiplier");
	/* Kaplan's Eq. 1.5 optimum at 1e25 is 1.428 (golden section), under Eq. 10's E */
	start(&a, "kaplan2020", 1e25, "hoffmann2022");
	has_field(&a, "hoffmann2022 never reaches L* at this C (its floor: 1.6900)");
}

/*
 * At 80x24 the line is on screen where the readout has a row for it: inside
 * the law's fitted range (beyond it, the extrapolation note keeps the third
 * row). The refit's optimum at 1e21 FLOPs (4B on 42B tokens) is inside its
 * 57M-16.2B, 245M-318B; its L* there is 2.305529, which Eq. 10's optimum
 * reaches with 1.2745e21 FLOPs, 1.27x (test_compare.c's route).
 */
static void on_screen_at_80x24(void **state)
{
	struct app a;
	struct explorer e;
	struct canvas c;

	(void)state;
	start(&a, "besiroglu2024", 1e21, "hoffmann2022");
	app_key(&a, 'o'); /* to the optimum at this C */
	explorer_init(&e);
	assert_int_equal(canvas_init(&c, 80, 24), 0);
	assert_int_equal(explorer_frame(&e, &a, &c), 0);
	if (!canvas_has_text(&c, "hoffmann2022 needs 1.27x the compute")) {
		canvas_print(&c, stdout, false);
		fail_msg("no compare line at 80x24");
	}
	canvas_free(&c);
	explorer_free(&e);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(multiplier_at_gopher_compute),
	        cmocka_unit_test(multiplier_inside_the_fits),
	        cmocka_unit_test(refusals_said),
	        cmocka_unit_test(on_screen_at_80x24),
	};
	return cmocka_run_group_tests(tests, load_catalog, free_catalog);
}
