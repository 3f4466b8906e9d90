/*
 * power_args.c: the words for what a one-variable or exponent-only law
 * fits, and the one-line refusals built from them.
 */
#include <stdio.h>
#include <string.h>

#include "power_args.h"

bool power_has_params(const struct law *law)
{
	return law_fits_params(law);
}

bool power_has_compute(const struct law *law)
{
	return law_fits_compute(law);
}

bool power_has_optimum(const struct law *law)
{
	return law->family == LAW_POWER && law_fits_allocation(law);
}

void power_fits_text(const struct law *law, char *buf, size_t size)
{
	const char *part[3];
	int n = 0;

	if (power_has_params(law))
		part[n++] = "L(N)";
	if (power_has_compute(law))
		part[n++] = "L(C)";
	if (power_has_optimum(law))
		part[n++] = "N_opt(C)";
	if (n == 0)
		snprintf(buf, size, "nothing");
	else if (n == 1)
		snprintf(buf, size, "%s", part[0]);
	else if (n == 2)
		snprintf(buf, size, "%s and %s", part[0], part[1]);
	else
		snprintf(buf, size, "%s, %s and %s", part[0], part[1], part[2]);
}

bool power_exponents_only(const struct law *law)
{
	return law_exponents_only(law);
}

/* "Table A2" from a source that names its table; "" when it names none. */
static void table_of(const char *source, char *buf, size_t size)
{
	const char *t = strstr(source, "Table ");
	size_t len = 0;

	buf[0] = '\0';
	if (t == NULL)
		return;
	t += strlen("Table ");
	while (t[len] && t[len] != ' ' && t[len] != ',' && t[len] != ';' && t[len] != ')' &&
	       t[len] != '.')
		len++;
	if (len > 0)
		snprintf(buf, size, "; Table %.*s", (int)len, t);
}

int power_exponents_refusal(const struct preset *p)
{
	const struct law_frontier *f = &p->law.frontier;
	char parts[128] = "", table[32];
	size_t n = 0;

	if (f->params.exp > 0)
		n += (size_t)snprintf(parts + n, sizeof parts - n, "N_opt ~ C^%g", f->params.exp);
	if (f->flops_pt.exp > 0 && n < sizeof parts)
		n += (size_t)snprintf(parts + n, sizeof parts - n, "%sM_opt ~ C^%g", n ? ", " : "",
		                      f->flops_pt.exp);
	if (f->tokens.exp > 0 && n < sizeof parts)
		snprintf(parts + n, sizeof parts - n, "%sD_opt ~ C^%g", n ? ", " : "",
		         f->tokens.exp);
	table_of(p->source, table, sizeof table);
	return cli_error("%s gives only exponents (%s%s): no allocation at a compute", p->id, parts,
	                 table);
}

int power_no_params_refusal(const char *what, const struct preset *p)
{
	char fits[64];

	if (power_exponents_only(&p->law)) /* its optimum would refuse too: say what it has */
		return power_exponents_refusal(p);
	if (p->law.family == LAW_FRONTIER)
		return cli_error("%s: '%s' is a frontier law: it fits no loss (isoflop optimum "
		                 "--law %s --compute C)",
		                 what, p->id, p->id);
	if (law_has_surface(&p->law))
		return cli_error("%s: '%s' fits L(N, D): isoflop plot profiles draws it", what,
		                 p->id);
	power_fits_text(&p->law, fits, sizeof fits);
	return cli_error("%s: '%s' fits %s, no L(N)%s", what, p->id, fits,
	                 power_has_compute(&p->law) ? ": isoflop plot compute draws its L(C)" : "");
}

int power_map_refusal(const char *what, const struct preset *p)
{
	char fits[64];
	const struct law *law = &p->law;

	power_fits_text(law, fits, sizeof fits);
	return cli_error("%s: '%s' fits %s, no loss over N and D%s%s%s", what, p->id, fits,
	                 power_has_params(law) ? ": isoflop plot params draws its L(N)" : "",
	                 power_has_params(law) && power_has_compute(law) ? "," : "",
	                 power_has_compute(law)
	                         ? (power_has_params(law) ? " plot compute its L(C)"
	                                                  : ": isoflop plot compute draws its L(C)")
	                         : "");
}

int power_no_compute_refusal(const struct preset *p)
{
	char fits[64];

	power_fits_text(&p->law, fits, sizeof fits);
	return cli_error("plot compute: '%s' fits %s, no L(C)%s", p->id, fits,
	                 power_has_params(&p->law) ? ": isoflop plot params draws its L(N)" : "");
}
