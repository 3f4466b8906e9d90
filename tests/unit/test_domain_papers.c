/*
 * test_domain_papers.c: the shipped laws beyond language (issue 17), loaded
 * through the real loader and held to their papers' own numbers: every
 * constant of Henighan et al. 2020 (arXiv:2010.14701) Table 1 as printed,
 * its Table 3 per-image forms and Sec. 6's 602 nats per image, the language
 * row against Kaplan's and GPT-3's fits it quotes, "beta ~ 0.7" for every
 * domain; Hoffmann et al. 2022 Table A2 and DeepSeek LLM Table 4, whose
 * exponents come without coefficients and so fit no N_opt at a compute.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "../../model/optimum.h"
#include "../../presets/write.h"
#include "fixtures.h"

/* Load presets/laws/ID.yaml, domain and units included, or fail with the loader's message. */
static const struct preset *fixture_preset(const char *id)
{
	char path[256], err[PRESET_ERR_MAX];
	static struct preset p;

	snprintf(path, sizeof path, "presets/laws/%s.yaml", id);
	if (preset_load(path, PRESET_LAW, &p, err, sizeof err) != 0)
		fail_msg("%s", err);
	return &p;
}

/* One relation as Table 1 prints it: floor + (x / x0)^-alpha; x0 == 0 where the cell is empty. */
struct printed {
	double floor, x0, alpha;
};

/*
 * Henighan et al. 2020, Table 1, typed from the paper: L(N) with N in
 * non-embedding parameters, L(C) and N_opt(C) = (C / C_N)^beta with C in
 * PF-days, loss in nats per token. The text rows of the multimodal models
 * have L(N) only ("combined text/image loss" in the L(C) cell, N_opt blank).
 */
static const struct table1_row {
	const char *id;
	enum preset_domain domain;
	struct printed by_n, by_c;
	double c_n, beta; /* N_opt(C) = (C / c_n)^beta; 0 where blank */
} table1[] = {
        {"henighan2020-language",
         PRESET_DOMAIN_LANGUAGE,
         {0, 1.47e14, 0.070},
         {0, 3.47e8, 0.048},
         3.3e-13,
         0.73},
        {"henighan2020-image8",
         PRESET_DOMAIN_IMAGE,
         {3.12, 8.0e1, 0.24},
         {3.13, 1.8e-8, 0.19},
         5.3e-14,
         0.64},
        {"henighan2020-image16",
         PRESET_DOMAIN_IMAGE,
         {2.64, 2.8e2, 0.22},
         {2.64, 1.6e-8, 0.16},
         4.8e-12,
         0.75},
        {"henighan2020-image32",
         PRESET_DOMAIN_IMAGE,
         {2.20, 6.3e1, 0.13},
         {2.21, 3.6e-9, 0.1},
         1.6e-13,
         0.65},
        {"henighan2020-vq16",
         PRESET_DOMAIN_IMAGE,
         {3.99, 2.7e4, 0.13},
         {4.09, 6.1e-7, 0.11},
         6.2e-14,
         0.64},
        {"henighan2020-vq32",
         PRESET_DOMAIN_IMAGE,
         {3.07, 1.9e4, 0.14},
         {3.17, 2.6e-6, 0.12},
         9.4e-13,
         0.7},
        {"henighan2020-t2i-text", PRESET_DOMAIN_MULTIMODAL, {0, 5.6e8, 0.037}, {0, 0, 0}, 0, 0},
        {"henighan2020-t2i-image",
         PRESET_DOMAIN_MULTIMODAL,
         {2.0, 5.1e3, 0.16},
         {1.93, 1.5e-6, 0.15},
         9.4e-13,
         0.7},
        {"henighan2020-i2t-text", PRESET_DOMAIN_MULTIMODAL, {0, 7.0e8, 0.039}, {0, 0, 0}, 0, 0},
        {"henighan2020-i2t-image",
         PRESET_DOMAIN_MULTIMODAL,
         {2.0, 5.5e3, 0.15},
         {1.97, 1.5e-6, 0.16},
         3.3e-12,
         0.72},
        {"henighan2020-video",
         PRESET_DOMAIN_VIDEO,
         {1.01, 3.7e4, 0.24},
         {0.95, 2.2e-5, 0.14},
         1.13e-12,
         0.71},
        {"henighan2020-math",
         PRESET_DOMAIN_MATH,
         {0.28, 1.1e4, 0.16},
         {0.14, 1.4e-5, 0.17},
         2.3e-12,
         0.69},
};

#define ROWS (sizeof table1 / sizeof *table1)

/* The loaded relation against the printed one; a compute scale is printed in PF-days. */
static void assert_relation(const struct law_single *got, const struct printed *want, double unit)
{
	assert_abs(got->floor, want->floor, 0);
	assert_rel(got->scale, want->x0 * unit, 1e-12);
	assert_abs(got->exponent, want->alpha, 0);
}

/* Every cell of Table 1, as printed; the domain and units each row is in. */
static void henighan_table1_as_printed(void **state)
{
	(void)state;
	for (size_t i = 0; i < ROWS; i++) {
		const struct table1_row *r = &table1[i];
		const struct preset *p = fixture_preset(r->id);
		const struct law *law = &p->law;

		assert_int_equal(law->family, LAW_POWER);
		assert_int_equal(p->domain, r->domain);
		assert_string_equal(p->units, "nats per token");
		assert_true(law->non_embedding);
		assert_non_null(strstr(p->source, "arXiv:2010.14701, Table 1"));
		assert_relation(&law->by_params, &r->by_n, 1);
		assert_relation(&law->by_compute, &r->by_c, LAW_PF_DAY);
		if (r->beta == 0) {
			assert_abs(law->frontier.params.coef, 0, 0);
			continue;
		}
		/* N_opt = (C / C_N)^beta = C_N^-beta C^beta, C in FLOPs */
		assert_abs(law->frontier.params.exp, r->beta, 0);
		assert_rel(law->frontier.params.coef, pow(r->c_n * LAW_PF_DAY, -r->beta), 1e-9);
		assert_abs(law->frontier.unit, 1, 0);
	}
}

/*
 * Table 3 gives the image rows per image, C in PF-days: with T tokens per
 * image, L = T L_token, so C0_image = C0_token T^(1/alpha) and L_inf T.
 * Both tables print two digits, so 3.1e19 may stand for 3.149e19 and Table
 * 1's 2.6e-6 for 2.55e-6: 2.5% holds the four rows that agree (the largest
 * gap is VQ 32x32's 2.2%), and a digit slipped would be a factor of 10.
 */
static void henighan_table3_per_image(void **state)
{
	(void)state;
	static const struct {
		const char *id;
		double tokens;    /* per image: 3 R^2 pixels' channels, or VQ codes */
		double c0, floor; /* Table 3: C0 per image in PF-days, L_inf in nats per image */
	} table3[] = {
	        {"henighan2020-image16", 768, 1.7e10, 2026},
	        {"henighan2020-image32", 3072, 2.7e26, 6806},
	        {"henighan2020-vq16", 256, 4.7e15, 1047},
	        {"henighan2020-vq32", 1024, 3.1e19, 3246},
	};
	for (size_t i = 0; i < sizeof table3 / sizeof *table3; i++) {
		const struct law law = fixture_law(table3[i].id);
		const struct law_single *c = &law.by_compute;
		double c0_token = c->scale / LAW_PF_DAY;
		assert_rel(c0_token * pow(table3[i].tokens, 1 / c->exponent), table3[i].c0, 0.025);
		assert_rel(c->floor * table3[i].tokens, table3[i].floor, 0.01);
	}
}

/*
 * 8x8 images, 192 tokens each: Sec. 6's "L(C=inf) ~ 602 nats/image" from
 * the compute trend. Table 1's L(C) constant 1.8e-8 gives 1.87e4 PF-days
 * per image against Table 3's 1.9e3: the preset keeps Table 1 as printed
 * and its note says so; this pins the factor of 10 the note describes.
 */
static void henighan_8x8_per_image(void **state)
{
	(void)state;
	const struct preset *p = fixture_preset("henighan2020-image8");
	const struct law_single *c = &p->law.by_compute;

	assert_rel(c->floor * 192, 602, 0.005);
	double ratio = c->scale / LAW_PF_DAY * pow(192, 1 / c->exponent) / 1.9e3;
	assert_true(ratio > 9 && ratio < 11);
	assert_non_null(strstr(p->note, "1.8e-9"));
}

/*
 * The language row quotes its sources (caption: "The compute scaling results
 * and data for language are from [BMR+20], while N_opt(C) comes from
 * [KMH+20]"): Kaplan et al.'s N_opt = 1.3e9 C^0.73 and GPT-3's L = 2.57
 * C^-0.048, C in PF-days, both printed to two or three digits (0.6% and
 * 0.1% at C = 1 PF-day). Checked through the model, at 1 and 1e4 PF-days.
 */
static void henighan_language_is_kaplans_and_gpt3s(void **state)
{
	(void)state;
	const struct law law = fixture_law("henighan2020-language");
	static const double pfd[] = {1, 1e4};

	for (size_t i = 0; i < 2; i++) {
		struct allocation a;
		double loss;
		assert_int_equal(optimum_at_compute(&law, pfd[i] * LAW_PF_DAY, 0, &a), MODEL_OK);
		assert_rel(a.params, 1.3e9 * pow(pfd[i], 0.73), 0.01);
		assert_int_equal(law_single_loss(&law.by_compute, pfd[i] * LAW_PF_DAY, &loss),
		                 MODEL_OK);
		assert_rel(loss, 2.57 * pow(pfd[i], -0.048), 0.002);
		assert_true(a.has_loss);
		assert_rel(a.loss, loss, 1e-12);
	}
	/* no L_inf: "we cannot yet obtain a meaningful estimate for the entropy" */
	assert_abs(law.by_params.floor, 0, 0);
	assert_abs(law.by_compute.floor, 0, 0);
}

/*
 * "beta ~ 0.7 ... very similar for all domains" (Sec. 1); "We clearly have
 * beta > 0.6 for all data modalities" (Sec. 2.3): every N_opt exponent of
 * Table 1 in [0.6, 0.8].
 */
static void henighan_beta_near_0_7(void **state)
{
	(void)state;
	for (size_t i = 0; i < ROWS; i++) {
		const struct law law = fixture_law(table1[i].id);
		if (law.frontier.params.coef == 0)
			continue;
		assert_true(law.frontier.params.exp >= 0.6 && law.frontier.params.exp <= 0.8);
	}
}

/* A law that prints no N_opt (a text row, an exponent alone) answers no allocation. */
static void assert_no_allocation(const char *id)
{
	const struct law law = fixture_law(id);
	struct allocation a;

	assert_int_equal(optimum_at_compute(&law, 1e22, 0, &a), MODEL_ENOFIT);
}

static void henighan_text_rows_fit_no_optimum(void **state)
{
	(void)state;
	assert_no_allocation("henighan2020-t2i-text");
	assert_no_allocation("henighan2020-i2t-text");
}

/*
 * Hoffmann et al. 2022, App. C, Table A2: "Coef. a where N_opt ~ C^a" and
 * "Coef. b where D_opt ~ C^b": C4 0.50 / 0.50, GitHub 0.53 / 0.47. No
 * coefficients are published.
 */
static void hoffmann_table_a2(void **state)
{
	(void)state;
	static const struct {
		const char *id;
		enum preset_domain domain;
		double a, b;
	} a2[] = {
	        {"hoffmann2022-c4", PRESET_DOMAIN_LANGUAGE, 0.50, 0.50},
	        {"hoffmann2022-github", PRESET_DOMAIN_CODE, 0.53, 0.47},
	};
	for (size_t i = 0; i < 2; i++) {
		const struct preset *p = fixture_preset(a2[i].id);
		assert_int_equal(p->law.family, LAW_FRONTIER);
		assert_int_equal(p->domain, a2[i].domain);
		assert_abs(p->law.frontier.params.exp, a2[i].a, 0);
		assert_abs(p->law.frontier.tokens.exp, a2[i].b, 0);
		assert_abs(p->law.frontier.params.coef, 0, 0);
		assert_abs(p->law.frontier.tokens.coef, 0, 0);
		assert_no_allocation(a2[i].id);
	}
}

/*
 * DeepSeek LLM, Table 4, "Coeff. a where N_opt(M_opt) ~ C^a": early data
 * 0.450 / 0.550, current data 0.524 / 0.476 (Eq. 4's 0.5243 / 0.4757),
 * OpenWebText2 0.578 / 0.422. "The higher the data quality, the more the
 * increased compute budget should be allocated to model scaling": a rises
 * from early to current to OpenWebText2.
 */
static void deepseek_table4(void **state)
{
	(void)state;
	static const struct {
		const char *id;
		double a, b, tol;
	} t4[] = {
	        {"deepseek2024-early", 0.450, 0.550, 0},
	        {"deepseek2024", 0.524, 0.476, 0.0005},
	        {"deepseek2024-owt2", 0.578, 0.422, 0},
	};
	for (size_t i = 0; i < 3; i++) {
		const struct law law = fixture_law(t4[i].id);
		assert_abs(law.frontier.flops_pt.exp, t4[i].a, t4[i].tol);
		assert_abs(law.frontier.tokens.exp, t4[i].b, t4[i].tol);
		assert_abs(law.frontier.params.exp, 0, 0); /* a is for M, not N */
		if (i > 0)
			assert_true(law.frontier.flops_pt.exp >
			            fixture_law(t4[i - 1].id).frontier.flops_pt.exp);
	}
	assert_no_allocation("deepseek2024-early");
	assert_no_allocation("deepseek2024-owt2");
}

/* A law that names no domain is a language law, and its units are left to "nats per token". */
static void language_by_default(void **state)
{
	(void)state;
	const struct preset *p = fixture_preset("hoffmann2022");

	assert_int_equal(p->domain, PRESET_DOMAIN_LANGUAGE);
	assert_string_equal(p->units, "");
	assert_string_equal(preset_domain_name(PRESET_DOMAIN_MULTIMODAL), "multimodal");
	assert_int_equal(preset_domain_by_name("proteins"), PRESET_DOMAIN_PROTEINS);
	assert_int_equal(preset_domain_by_name("protein"), -1);
}

/*
 * A power law and an exponent-only frontier written back (the explorer's
 * save) read back to the same law, domain and units: N_opt's C_N^-beta goes
 * out as C_N and comes back within rounding.
 */
static void power_and_exponents_round_trip(void **state)
{
	(void)state;
	static const char *const ids[] = {"henighan2020-image8", "henighan2020-i2t-text",
	                                  "deepseek2024-early"};
	for (size_t i = 0; i < 3; i++) {
		struct preset a = *fixture_preset(ids[i]), b;
		char *buf = NULL, err[PRESET_ERR_MAX];
		size_t len = 0;
		FILE *fp = open_memstream(&buf, &len);
		assert_non_null(fp);
		preset_write_law(fp, &a, NULL);
		fclose(fp);
		if (preset_parse("saved.yaml", (unsigned char *)buf, len, PRESET_LAW, &b, err,
		                 sizeof err) != 0)
			fail_msg("%s\n%s", err, buf);
		free(buf);
		assert_int_equal(b.law.family, a.law.family);
		assert_int_equal(b.domain, a.domain);
		assert_string_equal(b.units, a.units);
		assert_abs(b.law.by_params.floor, a.law.by_params.floor, 0);
		assert_rel(b.law.by_params.scale, a.law.by_params.scale, 1e-12);
		assert_abs(b.law.by_params.exponent, a.law.by_params.exponent, 0);
		assert_rel(b.law.by_compute.scale, a.law.by_compute.scale, 1e-12);
		assert_rel(b.law.frontier.params.coef, a.law.frontier.params.coef, 1e-12);
		assert_abs(b.law.frontier.params.exp, a.law.frontier.params.exp, 0);
		assert_abs(b.law.frontier.flops_pt.exp, a.law.frontier.flops_pt.exp, 0);
		assert_abs(b.law.frontier.tokens.exp, a.law.frontier.tokens.exp, 0);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(henighan_table1_as_printed),
	        cmocka_unit_test(henighan_table3_per_image),
	        cmocka_unit_test(henighan_8x8_per_image),
	        cmocka_unit_test(henighan_language_is_kaplans_and_gpt3s),
	        cmocka_unit_test(henighan_beta_near_0_7),
	        cmocka_unit_test(henighan_text_rows_fit_no_optimum),
	        cmocka_unit_test(hoffmann_table_a2),
	        cmocka_unit_test(deepseek_table4),
	        cmocka_unit_test(language_by_default),
	        cmocka_unit_test(power_and_exponents_round_trip),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
