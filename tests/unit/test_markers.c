/*
 * test_markers.c: the catalog's models as map markers, one way for the
 * explorer (every model, by its index) and for `plot contour --model`
 * (named ones first, "all" for the catalog, unknown ids reported).
 */
#include <string.h>

#include "../../tui/explore/markers.h"
#include "fixtures.h"

/* the shipped presets, as if beside the binary: "all" ranks them as shipped */
#define CATALOG_FIXTURE_BESIDE
#include "catalog_fixture.h"

/* Every model in the catalog's order, where its preset puts it: MoE at its active parameters. */
static void every_model_by_its_index(void **state)
{
	(void)state;
	struct map_marker mk[256];
	int n = -1, moe = 0;

	assert_true(cat.nmodels > 20 && cat.nmodels <= 256);
	assert_int_equal(markers_collect(&cat, NULL, 0, mk, 256, &n, NULL), MARKERS_OK);
	assert_int_equal(n, (int)cat.nmodels);
	for (int i = 0; i < n; i++) {
		const struct preset *p = &cat.models[i].preset;
		assert_string_equal(mk[i].tag, p->tag[0] ? p->tag : p->id);
		assert_string_equal(mk[i].name, p->name);
		assert_true(mk[i].n == (p->active_params > 0 ? p->active_params : p->params));
		assert_true(mk[i].d == p->tokens);
		assert_int_equal(mk[i].priority, 0);
		moe += p->active_params > 0;
	}
	assert_true(moe > 0); /* the catalog has a mixture of experts to check */
}

/* Named ids come in the order given and first on a crowded map; "all" adds the catalog. */
static void named_models_then_all(void **state)
{
	(void)state;
	static struct map_marker mk[512];
	const char *ids[] = {"gpt3", "chinchilla", "all"};
	const char *bad = NULL;
	int n = -1;

	assert_int_equal(markers_collect(&cat, ids, 3, mk, 512, &n, &bad), MARKERS_OK);
	assert_int_equal(n, 2 + (int)cat.nmodels);
	assert_string_equal(mk[0].name, catalog_model(&cat, "gpt3")->preset.name);
	assert_string_equal(mk[1].name, catalog_model(&cat, "chinchilla")->preset.name);
	assert_int_equal(mk[0].priority, MAP_MARKED);
	assert_int_equal(mk[1].priority, MAP_MARKED);
	for (int i = 2; i < n; i++)
		assert_int_equal(mk[i].priority, 1); /* shipped beside the binary */
	assert_null(bad);
}

/* An unknown id is named back; a list longer than the room says so. */
static void unknown_ids_and_too_many(void **state)
{
	(void)state;
	struct map_marker mk[4];
	const char *ids[] = {"gpt3", "nope"}, *all[] = {"all"};
	const char *bad = NULL;
	int n = -1;

	assert_int_equal(markers_collect(&cat, ids, 2, mk, 4, &n, &bad), MARKERS_UNKNOWN);
	assert_string_equal(bad, "nope");
	assert_int_equal(n, 0);
	assert_int_equal(markers_collect(&cat, all, 1, mk, 4, &n, &bad), MARKERS_TOO_MANY);
	assert_string_equal(bad, "all");
	assert_int_equal(markers_collect(&cat, NULL, 0, mk, 4, &n, NULL), MARKERS_TOO_MANY);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(every_model_by_its_index),
	        cmocka_unit_test(named_models_then_all),
	        cmocka_unit_test(unknown_ids_and_too_many),
	};
	return cmocka_run_group_tests(tests, load_catalog, free_catalog);
}
