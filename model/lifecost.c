/*
 * lifecost.c: lifetime dollars of a model and the dollar-optimal model of a
 * loss, through optimum_inference at a scaled T (see lifecost.h).
 */
#include "lifecost.h"

#include <math.h>

#include "hardware.h"

static bool mfu_ok(double m)
{
	return isfinite(m) && m > 0 && m <= 1;
}

static bool terms_ok(const struct lifecost *c)
{
	return isfinite(c->peak) && c->peak > 0 && mfu_ok(c->train_mfu) && mfu_ok(c->serve_mfu) &&
	       isfinite(c->train_price) && c->train_price > 0 && isfinite(c->serve_price) &&
	       c->serve_price > 0;
}

enum model_status lifecost_token_scale(const struct lifecost *c, double *scale)
{
	if (!terms_ok(c))
		return MODEL_EDOM;
	*scale = c->serve_price / c->train_price * (c->train_mfu / c->serve_mfu);
	return MODEL_OK;
}

enum model_status lifecost_per_flop(const struct lifecost *c, double *train, double *serve)
{
	double ht, hs;

	/* the hours of one FLOP: flops / (peak x MFU x 3,600 s), as every cost counts them */
	if (!terms_ok(c) || hw_hours_for(1, c->peak, c->train_mfu, &ht) != MODEL_OK ||
	    hw_hours_for(1, c->peak, c->serve_mfu, &hs) != MODEL_OK ||
	    hw_dollars(ht, c->train_price, train) != MODEL_OK ||
	    hw_dollars(hs, c->serve_price, serve) != MODEL_OK)
		return MODEL_EDOM;
	return MODEL_OK;
}

enum model_status lifecost_dollars(const struct lifecost *c, double train_flops, double n, double t,
                                   double *usd)
{
	double hours, train, serve = 0;
	enum model_status st;

	if (!terms_ok(c) || !isfinite(t) || t < 0)
		return MODEL_EDOM;
	if ((st = hw_hours_for(train_flops, c->peak, c->train_mfu, &hours)) != MODEL_OK ||
	    (st = hw_dollars(hours, c->train_price, &train)) != MODEL_OK)
		return st;
	/* serving nothing costs nothing; hw_hours_for refuses 0 FLOPs */
	if (t > 0 && ((st = hw_hours_for(2 * n * t, c->peak, c->serve_mfu, &hours)) != MODEL_OK ||
	              (st = hw_dollars(hours, c->serve_price, &serve)) != MODEL_OK))
		return st;
	if (!isfinite(train + serve))
		return MODEL_EDOM;
	*usd = train + serve;
	return MODEL_OK;
}

enum model_status optimum_lifecost(const struct law *law, double loss, double u, double t,
                                   const struct lifecost *c, struct lifecost_plan *out)
{
	struct inference_plan scaled;
	enum model_status st;

	if ((st = lifecost_token_scale(c, &out->token_scale)) != MODEL_OK)
		return st;
	if ((st = optimum_inference(law, loss, u, t, &out->flops)) != MODEL_OK ||
	    (st = optimum_inference(law, loss, u, t * out->token_scale, &scaled)) != MODEL_OK)
		return st;
	out->dollar = scaled.aware;
	const struct allocation *ch = &out->flops.chinchilla, *aw = &out->flops.aware;
	if ((st = lifecost_dollars(c, ch->compute, ch->params, t, &out->chinchilla_usd)) !=
	            MODEL_OK ||
	    (st = lifecost_dollars(c, aw->compute, aw->params, t, &out->aware_usd)) != MODEL_OK ||
	    (st = lifecost_dollars(c, out->dollar.compute, out->dollar.params, t,
	                           &out->dollar_usd)) != MODEL_OK)
		return st;
	/*
	 * the optima come from Brent to 1e-10: where the dollar one lands dearer
	 * than a candidate by that tolerance, the candidate is the cheapest
	 */
	if (out->dollar_usd > out->aware_usd) {
		out->dollar = *aw;
		out->dollar_usd = out->aware_usd;
	}
	if (out->dollar_usd > out->chinchilla_usd) {
		out->dollar = *ch;
		out->dollar_usd = out->chinchilla_usd;
	}
	out->savings = (out->chinchilla_usd - out->dollar_usd) / out->chinchilla_usd;
	return MODEL_OK;
}
