/*
 * test_write.c: the presets isoflop builds from a law (fit --output, --runs,
 * the explorer's 's') and the files it writes for them.
 */
#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

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

static void write_text(FILE *fp, const void *text)
{
	fputs(text, fp);
}

/* Entries in dir besides . and .. */
static int entries(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	int n = 0;

	assert_non_null(d);
	while ((e = readdir(d)) != NULL)
		n += strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0;
	closedir(d);
	return n;
}

/*
 * A set of files (tour --dump's frames): a name taken when the set is
 * named stops it there, and without replace the names given before go
 * again, so the directory holds what it held; with replace they stay new.
 */
static void set_is_named_whole_or_not_at_all(void **state)
{
	(void)state;
	char dir[] = "/tmp/isoflop-test-write.XXXXXX", path[3][64];
	struct write_temp t[3];
	int failed = -1;

	assert_non_null(mkdtemp(dir));
	for (int i = 0; i < 3; i++) {
		snprintf(path[i], sizeof path[i], "%s/step-%02d.txt", dir, i + 1);
		assert_int_equal(write_temp_create(&t[i], path[i], write_text, "frame\n"), 0);
	}
	FILE *taken = fopen(path[2], "w"); /* another writer took the last name */
	assert_non_null(taken);
	fclose(taken);
	assert_int_equal(write_temps_commit(t, 3, false, &failed), -1);
	assert_int_equal(errno, EEXIST);
	assert_int_equal(failed, 2);
	for (int i = 0; i < 3; i++)
		write_temp_discard(&t[i]);
	assert_int_equal(entries(dir), 1); /* the other writer's file alone */

	for (int i = 0; i < 3; i++)
		assert_int_equal(write_temp_create(&t[i], path[i], write_text, "frame\n"), 0);
	assert_int_equal(write_temps_commit(t, 3, true, &failed), 0);
	assert_int_equal(entries(dir), 3);
	for (int i = 0; i < 3; i++)
		unlink(path[i]);
	rmdir(dir);
}

/* What may take a name: the rule fit --output and tour --dump check before any work. */
static void may_take_a_name(void **state)
{
	(void)state;
	char dir[] = "/tmp/isoflop-test-write.XXXXXX", path[64];
	const char *what = "x";

	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof path, "%s/law.yaml", dir);
	assert_int_equal(write_may_take(path, false, &what), 0);
	assert_null(what);
	assert_int_equal(write_file_atomic(path, false, write_text, "id: x\n"), 0);
	assert_int_equal(write_may_take(path, false, &what), -1);
	assert_null(what); /* --force would take it */
	assert_int_equal(write_may_take(path, true, &what), 0);
	assert_int_equal(write_may_take(dir, true, &what), -1);
	assert_string_equal(what, "a directory");
	unlink(path);
	rmdir(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(preset_of_a_fit),
	        cmocka_unit_test(preset_of_an_edit),
	        cmocka_unit_test(set_is_named_whole_or_not_at_all),
	        cmocka_unit_test(may_take_a_name),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
