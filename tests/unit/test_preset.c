/*
 * test_preset.c: what the loader makes of good files (the bad ones are the
 * corpus in tests/bad/, checked through the binary by tests/bad.sh).
 */
#include <string.h>

#include "../../presets/tour.h"
#include "fixtures.h"

static int parse(const char *text, enum preset_kind want, struct preset *p, char *err)
{
	return preset_parse("t.yaml", (const unsigned char *)text, strlen(text), want, p, err,
	                    PRESET_ERR_MAX);
}

/* Logarithms as the paper prints them become the constants; k defaults to 6. */
static void law_with_logarithms(void **state)
{
	(void)state;
	static struct preset p;
	char err[PRESET_ERR_MAX];
	const char *text = "id: x\nname: X\nsource: S\nfamily: data-constrained\n"
	                   "dataset: C4\nconvention: total\nconstants:\n"
	                   "  log_E: 0.6254804\n  log_A: 6.255414\n  log_B: -1.5\n"
	                   "  alpha: 0.35\n  beta: 0.35\n  rd_star: 15.4\n  rn_star: 5.3\n";

	assert_int_equal(parse(text, PRESET_ANY, &p, err), 0);
	assert_int_equal(p.kind, PRESET_LAW);
	assert_int_equal(p.law.family, LAW_DATA_CONSTRAINED);
	assert_rel(p.law.E, exp(0.6254804), 1e-15);
	assert_rel(p.law.A, exp(6.255414), 1e-15);
	assert_rel(p.law.B, exp(-1.5), 1e-15);
	assert_rel(p.law.k, 6, 0);
	assert_false(p.law.non_embedding);
}

/* Units in YAML: PF-days for compute, suffixes for counts; MoE active params. */
static void model_with_units(void **state)
{
	(void)state;
	static struct preset p;
	char err[PRESET_ERR_MAX];
	const char *text = "# a comment\nid: moe-1\nname: \"MoE: one\"\nsource: S\n"
	                   "params: 671B\nactive_params: 37B\ntokens: 14.8T\n"
	                   "compute: 3.64e3pfd\nreleased: 2024-12\ntag: DS\n"
	                   "note: |\n  two\n  lines\n";

	assert_int_equal(parse(text, PRESET_ANY, &p, err), 0);
	assert_int_equal(p.kind, PRESET_MODEL);
	assert_string_equal(p.id, "moe-1");
	assert_string_equal(p.name, "MoE: one");
	assert_rel(p.params, 671e9, 1e-15);
	assert_rel(p.active_params, 37e9, 1e-15);
	assert_rel(p.tokens, 14.8e12, 1e-15);
	assert_rel(p.compute, 3.64e3 * 8.64e19, 1e-15);
	assert_string_equal(p.note, "two lines");
	assert_int_equal(p.line, 2); /* where the id is, for duplicate-id messages */
	assert_int_equal(p.col, 1);
}

/* A frontier in PF-days (Kaplan Table 6), with the defaults it leaves out. */
static void frontier_in_pf_days(void **state)
{
	(void)state;
	static struct preset p;
	char err[PRESET_ERR_MAX];
	const char *text = "id: f\nname: F\nsource: S\nfamily: frontier\ndataset: W\n"
	                   "convention: non-embedding\nconstants:\n  compute_unit: pf-days\n"
	                   "  params_coefficient: 1.3e9\n  params_exponent: 0.73\n";

	assert_int_equal(parse(text, PRESET_LAW, &p, err), 0);
	assert_true(p.law.non_embedding);
	assert_rel(p.law.frontier.unit, 8.64e19, 0);
	assert_rel(p.law.frontier.params.coef, 1.3e9, 0);
	assert_true(p.law.frontier.tokens.coef == 0);
}

/* peak_flops makes an accelerator; its number is FLOP/s, written out. */
static void accelerator_from_its_peak(void **state)
{
	(void)state;
	static struct preset p;
	char err[PRESET_ERR_MAX];
	const char *text = "id: h100\nname: H100 SXM\nsource: S\npeak_flops: 989e12\n";

	assert_int_equal(parse(text, PRESET_ANY, &p, err), 0);
	assert_int_equal(p.kind, PRESET_ACCELERATOR);
	assert_rel(p.peak_flops, 989e12, 0);
	assert_string_equal(preset_kind_name(p.kind), "accelerator");
	/* in accelerators/ a file is one, and must have its peak */
	assert_int_equal(parse("id: x\nname: X\nsource: S\n", PRESET_ACCELERATOR, &p, err), -1);
	assert_string_equal(
	        err, "t.yaml:1:1: missing required key 'peak_flops' in an accelerator preset");
	/* a law's keys win: peak_flops is then out of place */
	assert_int_equal(parse("id: l\nname: L\nsource: S\nfamily: additive\npeak_flops: 1e15\n",
	                       PRESET_ANY, &p, err),
	                 -1);
	assert_string_equal(err, "t.yaml:5:1: 'peak_flops' does not belong in a law preset");
}

/* The kind a directory expects wins over the content's hint. */
static void expected_kind_is_enforced(void **state)
{
	(void)state;
	static struct preset p;
	char err[PRESET_ERR_MAX];

	assert_int_equal(
	        parse("id: m\nname: M\nsource: S\nparams: 1B\ntokens: 1T\n", PRESET_LAW, &p, err),
	        -1);
	assert_string_equal(err, "t.yaml:4:1: 'params' does not belong in a law preset");
}

/* A leap day exists in a leap year (2024, 2000), not in 2100 or 2023. */
static void leap_days(void **state)
{
	(void)state;
	static struct preset p;
	char err[PRESET_ERR_MAX], text[256];
	static const struct {
		const char *date;
		int rc;
	} cases[] = {{"2024-02-29", 0},  {"2000-02-29", 0}, {"2100-02-29", -1},
	             {"2023-02-29", -1}, {"2024-12-31", 0}, {"2024-00", -1}};

	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		snprintf(text, sizeof text,
		         "id: m\nname: M\nsource: S\nparams: 1B\ntokens: 1T\nreleased: %s\n",
		         cases[i].date);
		assert_int_equal(parse(text, PRESET_MODEL, &p, err), cases[i].rc);
	}
}

/* The bounds hold the shipped constants' extremes: Kaplan's 768-parameter range, log_E. */
static void ranges_keep_the_papers(void **state)
{
	(void)state;
	static struct preset p;
	char err[PRESET_ERR_MAX];

	assert_int_equal(parse("id: l\nname: L\nsource: S\nfamily: additive\ndataset: D\n"
	                       "convention: total\nflops_per_param_token: 100\n"
	                       "constants: {log_E: -6.9, A: 0.001, B: 1e18, alpha: 0.01, beta: 2}\n"
	                       "fitted_range: {params: [768, 1e16], compute: [1e10, 1e35]}\n",
	                       PRESET_LAW, &p, err),
	                 0);
	assert_int_equal(parse("id: l\nname: L\nsource: S\nfamily: additive\ndataset: D\n"
	                       "convention: total\n"
	                       "constants: {log_E: -7, A: 1, B: 1, alpha: 0.5, beta: 0.5}\n",
	                       PRESET_LAW, &p, err),
	                 -1);
	assert_string_equal(err, "t.yaml:7:20: 'log_E': -7 gives E = 9.11882e-4, outside "
	                         "[0.001, 20] nats per token");
}

/* A tour's title, id and source are one line: newlines fold into blanks, as in presets. */
static void tour_text_is_one_line(void **state)
{
	(void)state;
	static struct tour t;
	char err[1024];
	const char *text = "id: t\ntitle: \"Two\n\n lines\"\nsteps:\n"
	                   "  - caption: |\n      one\n      two\n    compute: 1e22\n";

	assert_int_equal(tour_parse("t.yaml", (const unsigned char *)text, strlen(text), &t, err,
	                            sizeof err),
	                 0);
	assert_null(strchr(t.title, '\n'));
	assert_string_equal(t.steps[0].caption[0], "one");
	assert_string_equal(t.steps[0].caption[1], "two");
}

/* Every tour field lands where its row says: the schema table's offsets and setters. */
static void tour_fields_land_in_place(void **state)
{
	(void)state;
	static struct tour t;
	char err[1024];
	const char *text = "id: t.1\ntitle: T\nsource: S\nsteps:\n"
	                   "  - caption: c\n    law: muennighoff2023\n    params: 1B\n"
	                   "    tokens: 20B\n    unique_tokens: 1B\n    lock: D\n"
	                   "    markers: false\n    panel: profiles\n"
	                   "  - caption: d\n    model: gpt3\n    markers: true\n";

	assert_int_equal(tour_parse("t.yaml", (const unsigned char *)text, strlen(text), &t, err,
	                            sizeof err),
	                 0);
	assert_string_equal(t.id, "t.1");
	assert_string_equal(t.source, "S");
	assert_int_equal(t.nsteps, 2);
	assert_string_equal(t.steps[0].law, "muennighoff2023");
	assert_int_equal(t.steps[0].law_at.line, 6);
	assert_int_equal(t.steps[0].law_at.col, 10);
	assert_rel(t.steps[0].params, 1e9, 0);
	assert_rel(t.steps[0].tokens, 2e10, 0);
	assert_rel(t.steps[0].unique_tokens, 1e9, 0);
	assert_true(t.steps[0].compute == 0);
	assert_int_equal(t.steps[0].lock, 'D');
	assert_int_equal(t.steps[0].markers, 0);
	assert_int_equal(t.steps[0].panel, TOUR_PANEL_PROFILES);
	assert_string_equal(t.steps[1].model, "gpt3");
	assert_int_equal(t.steps[1].model_at.line, 14);
	assert_int_equal(t.steps[1].markers, 1);
	assert_int_equal(t.steps[1].lock, 0);
	assert_int_equal(t.steps[1].panel, TOUR_PANEL_BOTH);
}

/* The id grammar presets, tours and the explorer's save share. */
static void ids(void **state)
{
	(void)state;
	char longest[64];

	memset(longest, 'a', 63);
	longest[63] = '\0';
	assert_true(preset_id_valid("llama3-70b"));
	assert_true(preset_id_valid("0.5b"));
	assert_true(preset_id_valid(longest));
	longest[62] = '\0';
	assert_true(preset_id_valid(longest));
	assert_false(preset_id_valid(""));
	assert_false(preset_id_valid(".hidden"));
	assert_false(preset_id_valid("-x"));
	assert_false(preset_id_valid("a/b"));
	assert_false(preset_id_valid("Llama"));
	assert_false(preset_id_valid("a b"));
	char too_long[65];
	memset(too_long, 'a', 64);
	too_long[64] = '\0';
	assert_false(preset_id_valid(too_long));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(law_with_logarithms),
	        cmocka_unit_test(model_with_units),
	        cmocka_unit_test(frontier_in_pf_days),
	        cmocka_unit_test(accelerator_from_its_peak),
	        cmocka_unit_test(expected_kind_is_enforced),
	        cmocka_unit_test(leap_days),
	        cmocka_unit_test(ranges_keep_the_papers),
	        cmocka_unit_test(tour_text_is_one_line),
	        cmocka_unit_test(tour_fields_land_in_place),
	        cmocka_unit_test(ids),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
