/*
 * test_domain_explore.c: the explorer adapts to the law (issue 17). A power
 * law's place shows its L(C) (the compute panel) or its L(N), never "no
 * profiles"; the status line says what a law without L(N, D) cannot show;
 * the readout gives the law's L(N), L(C) and N_opt from the paper's own
 * constants (Henighan et al. 2020, arXiv:2010.14701, Table 1); keys with
 * nothing to act on say why; the law pickers list laws by domain and
 * --domain limits them.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../model/law.h"
#include "../../tui/explore/app.h"
#include "../../tui/explore/app_views.h"
#include "../../tui/explore/explorer.h"
#include "../../tui/explore/keys.h"
#include "../../tui/explore/law_view.h"
#include "../../tui/explore/readout.h"
#include "fixtures.h"
#include "catalog_fixture.h"

static void start(struct app *a, const char *law)
{
	const struct catalog_entry *e = catalog_law(&cat, law);

	assert_non_null(e);
	app_init(a, &cat, (size_t)(e - cat.laws));
}

static void press(struct app *a, int key)
{
	assert_int_equal(app_key(a, key), KEY_HANDLED);
}

/* Whether text appears in any row of canvas c. */
static bool shows(const struct canvas *c, const char *text)
{
	char row[512];

	for (int y = 0; y < c->h; y++) {
		for (int x = 0; x < c->w; x++)
			row[x] = (char)canvas_get(c, x, y).ch;
		row[c->w] = '\0';
		if (strstr(row, text) != NULL)
			return true;
	}
	return false;
}

/* The readout field that starts with prefix, or NULL. */
static const char *field(const struct readout_field *f, int n, const char *prefix)
{
	for (int i = 0; i < n; i++)
		if (strncmp(f[i].text, prefix, strlen(prefix)) == 0)
			return f[i].text;
	return NULL;
}

/* "L(N) = 3.1271" to its number. */
static double value_of(const char *text)
{
	const char *eq = strchr(text, '=');

	assert_non_null(eq);
	return strtod(eq + 1, NULL);
}

/* The status line on start says what each kind of law cannot show, in 80 columns. */
static void status_says_what_the_law_cannot_show(void **state)
{
	struct app a;

	(void)state;
	start(&a, "henighan2020-image8");
	assert_string_equal(
	        a.status,
	        "henighan2020-image8 fits L(N), L(C) and N_opt(C) only: no map of L(N, D)");
	start(&a, "henighan2020-t2i-text");
	assert_string_equal(a.status,
	                    "henighan2020-t2i-text fits L(N) only: no map of L(N, D), no frontier");
	start(&a, "hoffmann2022-github");
	assert_string_equal(
	        a.status,
	        "hoffmann2022-github: exponents only (N_opt ~ C^0.53): no frontier to draw");
	start(&a, "besiroglu2024");
	assert_string_equal(a.status, "");
	/* a frontier law with its coefficients: the map's title says "no loss surface" */
	start(&a, "kaplan2020-frontier");
	assert_string_equal(a.status, "");
	/* every shipped law's fits the narrowest terminal a talk is given on */
	for (size_t i = 0; i < cat.nlaws; i++) {
		char buf[APP_STATUS_MAX];
		law_view_lacks(&cat.laws[i].preset, APP_STATUS_COLUMNS, buf, sizeof buf);
		assert_true(strlen(buf) <= APP_STATUS_COLUMNS);
		assert_true(law_has_surface(&cat.laws[i].preset.law) == (buf[0] == '\0'));
	}
}

/* w to a power law says what it cannot show, in place of its name. */
static void picking_a_power_law_says_so(void **state)
{
	struct app a;
	const char *typed = "henighan2020-t2i-t";

	(void)state;
	start(&a, "besiroglu2024");
	press(&a, 'w');
	for (const char *p = typed; *p; p++)
		press(&a, *p);
	press(&a, KEYC_ENTER);
	assert_string_equal(cat.laws[a.scene.law].preset.id, "henighan2020-t2i-text");
	assert_string_equal(a.status,
	                    "henighan2020-t2i-text fits L(N) only: no map of L(N, D), no frontier");
}

/*
 * image8 at Chinchilla's point (70B, 1.4T, C = 6ND = 5.88e23 FLOPs): the
 * law's L(N), L(C) and N_opt from Table 1's 8x8 row as printed: L(N) =
 * 3.12 + (8.0e1/N)^0.24, L(C) = 3.13 + (1.8e-8 PF-days/C)^0.19, N_opt =
 * (C/5.3e-14 PF-days)^0.64.
 */
static void readout_gives_the_laws_numbers(void **state)
{
	struct app a;
	struct readout_field f[READOUT_MAX_FIELDS];
	double pfd = 8.64e19, c = 6 * 70e9 * 1.4e12;

	(void)state;
	start(&a, "henighan2020-image8");
	int n = readout_fields(&a, f);
	assert_non_null(field(f, n, "law's"));
	assert_non_null(field(f, n, "L(N) = "));
	assert_non_null(field(f, n, "L(C) = "));
	assert_true(fabs(value_of(field(f, n, "L(N) = ")) - (3.12 + pow(80 / 70e9, 0.24))) < 1e-4);
	assert_true(fabs(value_of(field(f, n, "L(C) = ")) - (3.13 + pow(1.8e-8 * pfd / c, 0.19))) <
	            1e-4);
	assert_non_null(field(f, n, "law's N_opt(C):"));
	/* (5.88e23 / 4.58e6)^0.64 = 8.9e10 */
	assert_true(fabs(pow(c / (5.3e-14 * pfd), 0.64) / 89e9 - 1) < 0.01);
	assert_string_equal(field(f, n, "N* = "), "N* = 89B");
	assert_null(field(f, n, "no loss surface"));
}

/* An L(N)-only law: L(N) at the point's N, no L(C), no N_opt; exponents alone say so. */
static void readout_shows_only_what_exists(void **state)
{
	struct app a;
	struct readout_field f[READOUT_MAX_FIELDS];

	(void)state;
	start(&a, "henighan2020-t2i-text"); /* Table 1: L(N) = (5.6e8/N)^0.037, no L_inf */
	int n = readout_fields(&a, f);
	assert_true(fabs(value_of(field(f, n, "L(N) = ")) - pow(5.6e8 / 70e9, 0.037)) < 1e-4);
	assert_null(field(f, n, "L(C)"));
	assert_null(field(f, n, "N* = "));
	assert_non_null(field(f, n, "the law fits no N_opt(C)"));
	start(&a, "hoffmann2022-github"); /* Table A2: a = 0.53, no coefficient */
	n = readout_fields(&a, f);
	assert_non_null(field(f, n, "N_opt ~ C^0.53: exponents only"));
}

/* Keys with nothing to act on say why in one line and change nothing. */
static void keys_without_a_surface_say_why(void **state)
{
	struct app a;
	double n0;

	(void)state;
	start(&a, "henighan2020-t2i-text");
	n0 = a.scene.n;
	press(&a, 'o');
	assert_string_equal(a.status,
	                    "o: henighan2020-t2i-text fits no N_opt(C): no optimum to snap to");
	assert_true(a.scene.n == n0);
	press(&a, 'z');
	assert_non_null(strstr(a.status, "has no L(N, D) to profile"));
	press(&a, 'i');
	assert_false(app_view_on(&a, TOUR_VIEW_INFERENCE));
	assert_non_null(strstr(a.status, "i needs a loss L(N, D)"));
	press(&a, 'C');
	assert_false(app_view_on(&a, TOUR_VIEW_COMPUTE));
	assert_non_null(strstr(a.status, "fits L(N) only"));
	press(&a, 'u');
	assert_false(app_view_on(&a, TOUR_VIEW_DATA));
	press(&a, 't');
	assert_false(app_view_on(&a, TOUR_VIEW_TESTTIME));
	/* a power law with N_opt(C) snaps to it: 89B at Chinchilla's compute */
	start(&a, "henighan2020-image8");
	press(&a, 'o');
	assert_true(fabs(a.scene.n / 89e9 - 1) < 0.01);
	start(&a, "hoffmann2022-github");
	press(&a, 'o');
	assert_non_null(strstr(a.status, "exponents only (N_opt ~ C^0.53)"));
}

/* The frame at 80x24: L(C) in the compute panel, L(N) in its own; no invented frontier. */
static void frame_follows_the_law(void **state)
{
	struct app a;
	struct explorer e;
	struct canvas c;

	(void)state;
	assert_int_equal(canvas_init(&c, 80, 24), 0);
	start(&a, "henighan2020-image8");
	explorer_init(&e);
	assert_int_equal(explorer_frame(&e, &a, &c), 0);
	assert_true(e.cmp_ok);
	/* the map's and the panel's titles keep the id whole: cut, it would name another law */
	char row[81];
	for (int x = 0; x < 80; x++)
		row[x] = (char)canvas_get(&c, x, 0).ch;
	row[80] = '\0';
	const char *first = strstr(row, "henighan2020-image8");
	assert_non_null(first);
	assert_non_null(strstr(first + 1, "henighan2020-image8"));
	assert_true(shows(&c, "* frontier"));
	assert_false(shows(&c, "no profiles"));
	explorer_free(&e);
	start(&a, "henighan2020-t2i-text");
	explorer_init(&e);
	assert_int_equal(explorer_frame(&e, &a, &c), 0);
	assert_false(e.cmp_ok);
	assert_true(shows(&c, "L(N): henighan2020-t2i-text"));
	assert_false(shows(&c, "* frontier"));
	assert_false(shows(&c, "no profiles"));
	explorer_free(&e);
	start(&a, "hoffmann2022-github");
	explorer_init(&e);
	assert_int_equal(explorer_frame(&e, &a, &c), 0);
	assert_false(shows(&c, "* frontier"));
	assert_true(shows(&c, "exponents only (N_opt ~ C^0.53): no frontier to draw"));
	explorer_free(&e);
	canvas_free(&c);
}

/* The law pickers list every law, grouped by domain, language first. */
static void picker_groups_by_domain(void **state)
{
	struct app a;
	int last = -1;

	(void)state;
	start(&a, "besiroglu2024");
	assert_int_equal(app_law_rows(&a), cat.nlaws);
	assert_int_equal(cat.laws[app_law_at(&a, 0)].preset.domain, PRESET_DOMAIN_LANGUAGE);
	for (size_t r = 0; r < app_law_rows(&a); r++) {
		int d = (int)cat.laws[app_law_at(&a, r)].preset.domain;
		assert_true(d >= last);
		last = d;
		assert_int_equal(app_law_row(&a, (size_t)app_law_at(&a, r)), (long)r);
	}
	assert_int_equal(app_law_at(&a, app_law_rows(&a)), -1);
	/* Down from the last language law goes to the first law of the next domain */
	press(&a, 'w');
	for (size_t r = 0; cat.laws[app_law_at(&a, r + 1)].preset.domain == 0; r++)
		press(&a, KEYC_DOWN);
	press(&a, KEYC_DOWN);
	assert_int_not_equal(cat.laws[a.pick].preset.domain, PRESET_DOMAIN_LANGUAGE);
}

/* --domain: the pickers list that domain alone; w opens on its first law; type-ahead within. */
static void domain_limits_the_picker(void **state)
{
	struct app a;

	(void)state;
	start(&a, "besiroglu2024");
	app_set_domain(&a, PRESET_DOMAIN_IMAGE);
	assert_int_equal(app_law_rows(&a), 5); /* Table 1: 8x8, 16x16, 32x32, VQ 16x16, VQ 32x32 */
	for (size_t r = 0; r < app_law_rows(&a); r++)
		assert_int_equal(cat.laws[app_law_at(&a, r)].preset.domain, PRESET_DOMAIN_IMAGE);
	assert_int_equal(app_law_row(&a, a.scene.law), -1);
	press(&a, 'w');
	assert_int_equal(a.pick, app_law_at(&a, 0));
	press(&a, 'h');
	assert_int_equal(cat.laws[a.pick].preset.domain, PRESET_DOMAIN_IMAGE);
	press(&a, KEYC_END);
	assert_int_equal(a.pick, app_law_at(&a, 4));
	press(&a, KEYC_DOWN); /* round to the first */
	assert_int_equal(a.pick, app_law_at(&a, 0));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(status_says_what_the_law_cannot_show),
	        cmocka_unit_test(picking_a_power_law_says_so),
	        cmocka_unit_test(readout_gives_the_laws_numbers),
	        cmocka_unit_test(readout_shows_only_what_exists),
	        cmocka_unit_test(keys_without_a_surface_say_why),
	        cmocka_unit_test(frame_follows_the_law),
	        cmocka_unit_test(picker_groups_by_domain),
	        cmocka_unit_test(domain_limits_the_picker),
	};
	return cmocka_run_group_tests(tests, load_catalog, free_catalog);
}
