/*
 * test_domains_plot.c: the domains' comparison draws each law's reducible
 * loss where its L(C) puts it, one glyph per domain, and keys each domain
 * with the range of its exponents. The laws are rows of Henighan et al.
 * 2020's Table 1 as literals (arXiv:2010.14701; C in PF-days there, in
 * FLOPs here: 1 PF-day = 8.64e19 FLOPs).
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "fixtures.h"

#include "../../tui/plot/domains.h"

/* L(C) = floor + (C / (scale PF-days))^-exponent as a power law over FLOPs. */
static struct law by_compute(double floor, double scale_pfd, double exponent)
{
	struct law law = {.family = LAW_POWER, .k = 6};

	law.by_compute = (struct law_single){floor, scale_pfd * LAW_PF_DAY, exponent};
	return law;
}

/* Table 1: language, image 8x8, image 32x32, video and math; a language row twice. */
static void henighan(struct law laws[5], struct domains_law dl[6])
{
	laws[0] = by_compute(0, 3.47e8, 0.048);
	laws[1] = by_compute(3.13, 1.8e-8, 0.19);
	laws[2] = by_compute(2.21, 3.6e-9, 0.1);
	laws[3] = by_compute(0.95, 2.2e-5, 0.14);
	laws[4] = by_compute(0.14, 1.4e-5, 0.17);
	dl[0] = (struct domains_law){&laws[0], "henighan2020-language", "language"};
	dl[1] = (struct domains_law){&laws[1], "henighan2020-image8", "image"};
	dl[2] = (struct domains_law){&laws[2], "henighan2020-image32", "image"};
	dl[3] = (struct domains_law){&laws[3], "henighan2020-video", "video"};
	dl[4] = (struct domains_law){&laws[4], "henighan2020-math", "math"};
	dl[5] = (struct domains_law){&laws[0], "again", "language"};
}

/* A cell of the law's line: (C, L(C) - floor) holds the domain's glyph at 1e20 FLOPs. */
static void lines_where_the_laws_put_them(void **state)
{
	struct law laws[5];
	struct domains_law dl[6];
	struct domains_spec s = {dl, 5, 0, 0, NULL, NULL, 0};
	struct canvas c;
	struct domains_plot p;
	int cx, cy;

	(void)state;
	henighan(laws, dl);
	assert_int_equal(canvas_init(&c, 80, 24), 0);
	assert_int_equal(domains_draw(&c, (struct rect){0, 0, 80, 24}, &s, &p), 0);
	if (getenv("SHOW"))
		canvas_print(&c, stdout, false);
	/* math at 1e20 FLOPs by hand: (1e20 / (1.4e-5 * 8.64e19))^-0.17 = 0.1459 */
	double r = pow(1e20 / (1.4e-5 * 8.64e19), -0.17);
	assert_true(fabs(r - 0.1459) < 1e-4);
	assert_true(frame_cell(&p.frame, 1e20, r, &cx, &cy));
	bool near = false;
	for (int dy = -1; dy <= 1; dy++)
		for (int dx = -1; dx <= 1; dx++)
			near |= canvas_get(&c, cx + dx, cy + dy).ch == '%';
	assert_true(near);
	canvas_free(&c);
}

/* One entry per domain, in first appearance; the exponents' range "0.10-0.19". */
static void one_glyph_per_domain(void **state)
{
	struct law laws[5];
	struct domains_law dl[6];
	struct domains_spec s = {dl, 6, 0, 0, NULL, NULL, 0};
	struct canvas c;
	struct domains_plot p;

	(void)state;
	henighan(laws, dl);
	assert_int_equal(canvas_init(&c, 80, 24), 0);
	assert_int_equal(domains_draw(&c, (struct rect){0, 0, 80, 24}, &s, &p), 0);
	assert_int_equal(p.ndomains, 4);
	assert_int_equal(p.ndrawn, 6);
	assert_string_equal(p.domains[1].name, "image");
	assert_int_equal(p.domains[1].glyph, 'o');
	assert_int_equal(p.domains[1].nlaws, 2);
	assert_true(canvas_has_text(&c, "o image 0.10-0.19"));
	assert_true(canvas_has_text(&c, "* language 0.05"));
	assert_true(canvas_has_text(&c, "slope = -exponent"));
	canvas_free(&c);
}

/* Nothing with L(C), or a rectangle too small: -1. */
static void refuses_what_it_cannot_draw(void **state)
{
	struct law none = {.family = LAW_POWER}, laws[5];
	struct domains_law dl[6], one = {&none, "x", "image"};
	struct domains_spec s = {&one, 1, 0, 0, NULL, NULL, 0};
	struct canvas c;
	struct domains_plot p;

	(void)state;
	henighan(laws, dl);
	assert_int_equal(canvas_init(&c, 80, 24), 0);
	assert_int_equal(domains_draw(&c, (struct rect){0, 0, 80, 24}, &s, &p), -1);
	s = (struct domains_spec){dl, 5, 0, 0, NULL, NULL, 0};
	assert_int_equal(domains_draw(&c, (struct rect){0, 0, 30, 10}, &s, &p), -1);
	canvas_free(&c);
	assert_int_equal(domains_glyph("proteins"), '^');
	assert_int_equal(domains_glyph("astronomy"), '+');
}

/* The explorer's C: a '|' under the current law's line in C's column, keyed in the legend. */
static void point_c_is_marked_under_the_current_line(void **state)
{
	struct law laws[5];
	struct domains_law dl[6];
	struct domains_spec s = {dl, 5, 0, 0, NULL, "current", 1e20};
	struct canvas c;
	struct domains_plot p;
	int cx, cy;

	(void)state;
	henighan(laws, dl);
	s.current = &laws[0];
	assert_int_equal(canvas_init(&c, 80, 24), 0);
	assert_int_equal(domains_draw(&c, (struct rect){0, 0, 80, 24}, &s, &p), 0);
	/* the reducible loss (scale / C)^exponent of laws[0] at 1e20 */
	double r = pow(laws[0].by_compute.scale / 1e20, laws[0].by_compute.exponent);
	assert_true(frame_cell(&p.frame, 1e20, r, &cx, &cy));
	assert_int_equal(canvas_get(&c, cx, cy).ch, '@');
	assert_int_equal(canvas_get(&c, cx, p.frame.area.y + p.frame.area.h - 1).ch, '|');
	bool keyed = false;
	for (int y = p.legend_y; y < p.legend_y + p.legend_rows; y++)
		for (int x = 0; x + 10 <= 80; x++) {
			char t[11];
			for (int k = 0; k < 10; k++)
				t[k] = (char)canvas_get(&c, x + k, y).ch;
			t[10] = '\0';
			keyed |= strcmp(t, "| C = 1e20") == 0;
		}
	assert_true(keyed);
	canvas_free(&c);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(lines_where_the_laws_put_them),
	        cmocka_unit_test(one_glyph_per_domain),
	        cmocka_unit_test(refuses_what_it_cannot_draw),
	        cmocka_unit_test(point_c_is_marked_under_the_current_line),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
