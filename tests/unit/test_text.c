/*
 * test_text.c: the edit distance behind "did you mean" (presets/text.h):
 * optimal string alignment, whose values here are worked by hand from its
 * definition (Levenshtein plus a swap of two adjacent characters, no
 * substring edited twice), and the nearness rule built on it.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "../../presets/text.h"

/* Distances worked by hand: a swap is one edit; the rest as Levenshtein. */
static void distance_counts_a_swap_as_one(void **state)
{
	static const struct {
		const char *a, *b;
		size_t want;
	} cases[] = {
	        {"plna", "plan", 1},     /* one swap (Levenshtein: 2) */
	        {"bugdet", "budget", 1}, /* one swap */
	        {"ab", "ba", 1},
	        {"abcd", "badc", 2},      /* two swaps */
	        {"ca", "abc", 3},         /* OSA edits no substring twice (Damerau: 2) */
	        {"kitten", "sitting", 3}, /* Levenshtein's own example */
	        {"", "abc", 3},
	        {"abc", "", 3},
	        {"loss", "loss", 0},
	        {"hoffmann2022-approac2h", "hoffmann2022-approach2", 1},
	        {"hoffmann2022-approac2h", "hoffmann2022-approach1", 2},
	};

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		size_t got = text_edit_distance(cases[i].a, cases[i].b);
		if (got != cases[i].want)
			fail_msg("'%s' to '%s': %zu, want %zu", cases[i].a, cases[i].b, got,
			         cases[i].want);
		assert_int_equal(text_edit_distance(cases[i].b, cases[i].a), cases[i].want);
	}
}

/* Past 64 bytes there is no distance. */
static void distance_of_long_strings_is_none(void **state)
{
	char long_one[80];

	(void)state;
	memset(long_one, 'a', sizeof long_one - 1);
	long_one[sizeof long_one - 1] = '\0';
	assert_true(text_edit_distance(long_one, "a") == SIZE_MAX);
}

/* A swapped pair in a short word is near; a short word two edits off is not. */
static void near_takes_a_swap_in_a_short_word(void **state)
{
	(void)state;
	assert_true(text_near("plna", "plan"));
	assert_true(text_near("lose", "loss"));
	assert_false(text_near("gpu", "all"));
	assert_false(text_near("plot", "plan"));
}

/* text_wrap of msg after prefix at width, as a string (free() it). */
static char *wrapped(const char *prefix, const char *msg, int width)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&buf, &len);

	assert_non_null(fp);
	text_wrap(fp, prefix, msg, "  ", width);
	fclose(fp);
	return buf;
}

/* Lines break at the last space that fits, later ones indented; words are never split. */
static void wrap_breaks_at_spaces(void **state)
{
	(void)state;
	char *a = wrapped("warning: ", "one two three four", 18);
	/* "warning: one two" is 16 columns; " three" would make 22 */
	assert_string_equal(a, "warning: one two\n  three four\n");
	free(a);
	char *b = wrapped("w: ", "short", 80);
	assert_string_equal(b, "w: short\n");
	free(b);
	char *c = wrapped("w: ", "a verylongwordindeed b", 8);
	assert_string_equal(c, "w: a\n  verylongwordindeed\n  b\n");
	free(c);
	/* characters, not bytes: "é" is one column, so "w: é é" (6) fits in 6 */
	char *d = wrapped("w: ", "\xc3\xa9 \xc3\xa9", 6);
	assert_string_equal(d, "w: \xc3\xa9 \xc3\xa9\n");
	free(d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(distance_counts_a_swap_as_one),
	        cmocka_unit_test(distance_of_long_strings_is_none),
	        cmocka_unit_test(near_takes_a_swap_in_a_short_word),
	        cmocka_unit_test(wrap_breaks_at_spaces),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
