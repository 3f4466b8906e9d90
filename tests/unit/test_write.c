/*
 * test_write.c: the presets isoflop builds from a law (fit --output, --runs,
 * the explorer's 's') and the files it writes for them.
 */
#include <stdlib.h>
#include <string.h>

#include "../../presets/write.h"
#include "fixtures.h"

/* A fit's preset: what the origin says and the law, nothing left from before. */
static void preset_of_a_fit(void **state)
{
	(void)state;
	static struct preset p, back;
	struct law law = fixture_law("hoffmann2022");
	char err[PRESET_ERR_MAX], *text = NULL;
	size_t len = 0;

	memset(&p, 'x', sizeof p);
	preset_of_law(&p, NULL, &law, &(struct law_origin){"fit", "Fit", "runs.csv", "the runs"});
	assert_int_equal(p.kind, PRESET_LAW);
	assert_string_equal(p.id, "fit");
	assert_string_equal(p.dataset, "the runs");
	assert_string_equal(p.note, "");
	assert_string_equal(p.paper_frontier, "");
	assert_memory_equal(&p.law, &law, sizeof law);

	FILE *fp = open_memstream(&text, &len);
	assert_non_null(fp);
	preset_write_law(fp, &p, NULL);
	assert_int_equal(fclose(fp), 0);
	assert_int_equal(preset_parse("t.yaml", (const unsigned char *)text, len, PRESET_LAW, &back,
	                              err, sizeof err),
	                 0);
	free(text);
	assert_rel(back.law.alpha, law.alpha, 0);
	assert_string_equal(back.source, "runs.csv");
}

/*
 * An edit keeps what the law it came from says that the edit does not
 * change (dataset, note, paper_frontier), and a long name is cut to its field.
 */
static void preset_of_an_edit(void **state)
{
	(void)state;
	static struct preset base, p;
	char name[300];
	struct law law = fixture_law("kaplan2020");

	memset(&base, 0, sizeof base);
	snprintf(base.id, sizeof base.id, "kaplan2020");
	snprintf(base.dataset, sizeof base.dataset, "WebText2");
	snprintf(base.note, sizeof base.note, "a caveat");
	snprintf(base.paper_frontier, sizeof base.paper_frontier, "kaplan2020-frontier");
	memset(name, 'n', sizeof name - 1);
	name[sizeof name - 1] = '\0';
	law.alpha_n = 0.1;
	preset_of_law(&p, &base, &law, &(struct law_origin){"mine", name, "edited", NULL});
	assert_string_equal(p.id, "mine");
	assert_string_equal(p.dataset, "WebText2");
	assert_string_equal(p.note, "a caveat");
	assert_string_equal(p.paper_frontier, "kaplan2020-frontier");
	assert_int_equal(strlen(p.name), sizeof p.name - 1);
	assert_rel(p.law.alpha_n, 0.1, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(preset_of_a_fit),
	        cmocka_unit_test(preset_of_an_edit),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
