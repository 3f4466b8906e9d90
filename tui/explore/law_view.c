/*
 * law_view.c: what the explorer can show of a law (law_view.h), from the
 * relations its paper fits: the profiles' place, the status line's "what
 * this law cannot show" and the refusals of keys with nothing to act on.
 */
#include <stdio.h>
#include <string.h>

#include "law_view.h"

bool law_view_fits_params(const struct law *law)
{
	return law_fits_params(law);
}

bool law_view_fits_compute(const struct law *law)
{
	return law_fits_compute(law);
}

enum law_panel law_view_panel(const struct law *law)
{
	if (law_has_surface(law))
		return LAW_PANEL_PROFILES;
	if (law_view_fits_compute(law))
		return LAW_PANEL_COMPUTE;
	if (law_view_fits_params(law))
		return LAW_PANEL_PARAMS;
	return LAW_PANEL_NONE;
}

bool law_view_has_frontier(const struct law *law)
{
	return law_fits_allocation(law);
}

bool law_view_exponent_only(const struct law *law, char *buf, size_t size)
{
	const struct law_frontier *f = &law->frontier;
	/* the relation a paper names first: N_opt, else M_opt (DeepSeek), else D_opt */
	const struct {
		const struct law_power *p;
		const char *name;
	} rel[] = {{&f->params, "N_opt"}, {&f->flops_pt, "M_opt"}, {&f->tokens, "D_opt"}};

	buf[0] = '\0';
	if (!law_exponents_only(law))
		return false;
	for (size_t i = 0; i < sizeof rel / sizeof *rel; i++)
		if (rel[i].p->coef == 0 && rel[i].p->exp > 0) {
			snprintf(buf, size, "%s ~ C^%.2f", rel[i].name, rel[i].p->exp);
			return true;
		}
	return false;
}

/* "L(N), L(C) and N_opt(C)": the relations a power law fits. */
static void power_fits(const struct law *law, char *buf, size_t size)
{
	const char *part[3];
	int n = 0;

	if (law_view_fits_params(law))
		part[n++] = "L(N)";
	if (law_view_fits_compute(law))
		part[n++] = "L(C)";
	if (law_view_has_frontier(law))
		part[n++] = "N_opt(C)";
	snprintf(buf, size, "%s%s%s%s%s", n > 0 ? part[0] : "nothing", n > 2 ? ", " : "",
	         n > 2 ? part[1] : "", n > 1 ? " and " : "", n > 1 ? part[n - 1] : "");
}

/* The lacks without the id: "fits L(N) only: no map of L(N, D), no frontier". */
static void lacks_text(const struct law *law, char *buf, size_t size)
{
	char what[64];

	if (law_view_exponent_only(law, what, sizeof what)) {
		snprintf(buf, size, "exponents only (%s): no frontier to draw", what);
	} else if (law->family == LAW_POWER) {
		power_fits(law, what, sizeof what);
		snprintf(buf, size, "fits %s only: no map of L(N, D)%s", what,
		         law_view_has_frontier(law) ? "" : ", no frontier");
	} else {
		snprintf(buf, size, "fits N_opt(C) only: no loss to map, no profiles");
	}
}

void law_view_lacks(const struct preset *p, int width, char *buf, size_t size)
{
	char text[128];

	buf[0] = '\0';
	if (law_has_surface(&p->law))
		return;
	lacks_text(&p->law, text, sizeof text);
	/* an exponent-only law reads "ID: exponents only", the others "ID fits ..." */
	const char *sep = strncmp(text, "fits", 4) == 0 ? " " : ": ";
	if ((int)(strlen(p->id) + strlen(sep) + strlen(text)) <= width)
		snprintf(buf, size, "%s%s%s", p->id, sep, text);
	else
		snprintf(buf, size, "%.*s", width, text);
}

/* 'o': what a law without an allocation at C lacks. */
static const char *no_optimum(const struct preset *p, char *buf, size_t size)
{
	char what[64];

	if (law_view_has_frontier(&p->law))
		return NULL;
	if (law_view_exponent_only(&p->law, what, sizeof what))
		snprintf(buf, size, "o: %s: exponents only (%s), no optimum", p->id, what);
	else
		snprintf(buf, size, "o: %s fits no N_opt(C): no optimum to snap to", p->id);
	return buf;
}

const char *law_view_refusal(const struct preset *p, int key, char *buf, size_t size)
{
	if (key == 'o')
		return no_optimum(p, buf, size);
	if (law_has_surface(&p->law))
		return NULL;
	if (key == 'z') {
		snprintf(buf, size, "z zooms the isoFLOP profiles: %s has no L(N, D) to profile",
		         p->id);
		return buf;
	}
	/* the views' keys: a frontier law's views open and say why (app_views.c's rows) */
	if (p->law.family != LAW_POWER)
		return NULL;
	switch (key) {
	case 'i':
		snprintf(buf, size, "i needs a loss L(N, D): %s has none (w: pick another law)",
		         p->id);
		return buf;
	case 'u':
		snprintf(buf, size, "u: unique tokens change no loss of %s: it has no L(N, D)",
		         p->id);
		return buf;
	case 't':
		snprintf(buf, size, "t trades L(N, D) for test time: %s has no L(N, D)", p->id);
		return buf;
	case 'T':
		/* the stock of public text is no stock of images' or videos' tokens */
		if (p->domain == PRESET_DOMAIN_LANGUAGE)
			return NULL;
		snprintf(buf, size, "T: the data wall counts text tokens; %s's domain is %s", p->id,
		         preset_domain_name(p->domain));
		return buf;
	case 'C':
		if (law_view_fits_compute(&p->law))
			return NULL;
		snprintf(buf, size, "C draws L(C): %s fits %s", p->id,
		         law_view_fits_params(&p->law) ? "L(N) only (drawn in the panel)"
		                                       : "no loss");
		return buf;
	default:
		return NULL;
	}
}

const char *law_view_units(const struct preset *p, char *buf, size_t size)
{
	if (p->units[0] == '\0' || strcmp(p->units, "nats per token") == 0)
		snprintf(buf, size, "%s", "");
	else
		snprintf(buf, size, " %s", p->units);
	return buf;
}
