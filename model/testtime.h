/*
 * testtime.h: compute at test time, in the FLOPs accounting of Snell et al.
 * 2024 (arXiv:2408.03314): pretraining costs 6 N D_pre, serving 2 N D_inf.
 */
#ifndef ISOFLOP_TESTTIME_H
#define ISOFLOP_TESTTIME_H

/*
 * How many times more inference compute per token an N-parameter model may
 * spend at test time to cost the same total FLOPs as an M-times larger model
 * trained on the same D_pre tokens and serving the same D_inf tokens:
 * 6 N D_pre + 2 N D_inf K = 6 M N D_pre + 2 M N D_inf, so
 * K = M + 3 (D_pre / D_inf) (M - 1). NaN unless d_pre, d_inf > 0 and m >= 1.
 */
double testtime_multiplier(double d_pre, double d_inf, double m);

#endif
