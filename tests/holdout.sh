#!/bin/sh
# holdout.sh: leave-one-budget-out in `isoflop fit` (model/fit_holdout.h).
# Runs made here from Chinchilla's law (Hoffmann et al. 2022, App. D.2: E
# 1.69, A 406.4, B 410.7, alpha 0.34, beta 0.28) with no noise: the largest
# budget, predicted from the others, is what it measured. On the noisy
# sweeps of tests/runs/besiroglu-sweeps.csv the 2.5-97.5% interval holds the
# truth at the largest budget, computed here from the constants in the file's
# header (its runs' mean loss; N* in closed form), and the measurement. With
# two budgets the line says why there is none, and the fit still succeeds.
. "$(dirname "$0")/lib.sh"

# truth FILE BUDGETS: 9 noise-free runs a budget from 1e18 up a decade each, around N*
truth() {
	awk -v nb="$2" 'BEGIN {
		print "params,tokens,loss"
		for (b = 0; b < nb; b++) {
			c = 1e18 * 10 ^ b; mid = 0.6 * (c / 6) ^ 0.4516
			for (i = 0; i < 9; i++) {
				p = mid * 2 ^ (i - 4); d = c / (6 * p)
				printf "%.10g,%.10g,%.10g\n", p, d, 1.69 + 406.4 / p ^ 0.34 + 410.7 / d ^ 0.28
			}
		}
	}' >"$1"
}

# csv_field NAME: the column NAME of the record in $out
csv_field() {
	printf '%s\n' "$out" | awk -F, -v k="$1" \
		'NR == 1 { for (i = 1; i <= NF; i++) if ($i == k) c = i } NR == 2 { print $c }'
}

# within A B TOL: |A - B| <= TOL
within() {
	awk -v a="$1" -v b="$2" -v t="$3" 'BEGIN { d = a - b; exit !(a != "" && d <= t && -d <= t) }'
}

truth "$tmp/truth.csv" 4
run fit "$tmp/truth.csv" --format csv
p=$(csv_field holdout_loss_predicted) m=$(csv_field holdout_loss_measured)
if [ "$rc" = 0 ] && within "$p" "$m" 1e-3 && within "$(csv_field holdout_compute)" 1e21 1e12 &&
	within "$(csv_field holdout_loss_spread)" 0 1e-3; then
	ok "parametric, noise-free: the largest budget's predicted loss is its measured one ($p, $m)"
else
	no "parametric holdout on the truth" "$out" "$err"
fi
run fit "$tmp/truth.csv" --method isoflop --format csv
p=$(csv_field holdout_params_predicted) m=$(csv_field holdout_params_measured)
if [ "$rc" = 0 ] && [ -n "$m" ] && within "$(awk -v p="$p" -v m="$m" 'BEGIN { print p / m }')" 1 1e-2; then
	ok "isoflop, noise-free: the others' frontier gives the largest budget's N* within 1% ($p, $m)"
else
	no "isoflop holdout on the truth" "$out" "$err"
fi

# the truth of besiroglu-sweeps.csv from its header: E A B alpha beta
constants=$(sed -n 's/.*(arXiv:2404.10102; E \([0-9.]*\), A \([0-9.]*\), B \([0-9.]*\),.*/\1 \2 \3/p; s/^# alpha \([0-9.]*\), beta \([0-9.]*\)).*/\1 \2/p' tests/runs/besiroglu-sweeps.csv | tr '\n' ' ')
# truth_at C: the truth's mean loss over the runs at C (within 5%) and its N* there
truth_at() {
	awk -F, -v k="$constants" -v c="$1" 'BEGIN { split(k, t, " ") }
		/^[0-9]/ && $2 >= c / 1.05 && $2 <= c * 1.05 {
			d = $2 / (6 * $1); s += t[1] + t[2] / $1 ^ t[4] + t[3] / d ^ t[5]; m++ }
		END { g = (t[4] * t[2] / (t[5] * t[3])) ^ (1 / (t[4] + t[5]))
			print s / m, g * (c / 6) ^ (t[5] / (t[4] + t[5])) }' tests/runs/besiroglu-sweeps.csv
}
set -- $(truth_at 1.9e22)
true_loss=$1 true_params=$2
# between V LO HI: LO <= V <= HI
between() {
	awk -v v="$1" -v l="$2" -v h="$3" 'BEGIN { exit !(v != "" && l <= v && v <= h) }'
}
run fit tests/runs/besiroglu-sweeps.csv --format csv
lo=$(csv_field holdout_loss_lo) hi=$(csv_field holdout_loss_hi) m=$(csv_field holdout_loss_measured)
if [ "$rc" = 0 ] && [ "$true_loss" != "" ] && between "$true_loss" "$lo" "$hi" &&
	between "$m" "$lo" "$hi" && within "$(csv_field holdout_compute)" 1.9e22 1e21; then
	seed1=$lo
	ok "besiroglu sweeps: the truth's mean loss $true_loss and the measured $m lie in $lo..$hi"
else
	no "besiroglu sweeps holdout (truth $true_loss)" "$out" "$err"
fi
run fit tests/runs/besiroglu-sweeps.csv --method isoflop --format csv
lo=$(csv_field holdout_params_lo) hi=$(csv_field holdout_params_hi)
if [ "$rc" = 0 ] && [ "$true_params" != "" ] && between "$true_params" "$lo" "$hi"; then
	ok "besiroglu sweeps, isoflop: the truth's N* $true_params lies in $lo..$hi"
else
	no "besiroglu sweeps isoflop holdout (truth N* $true_params)" "$out" "$err"
fi
run fit tests/runs/besiroglu-sweeps.csv --seed 7 --format csv
a=$(csv_field holdout_loss_lo)
run fit tests/runs/besiroglu-sweeps.csv --seed 7 --format csv
if [ "$rc" = 0 ] && [ "$a" = "$(csv_field holdout_loss_lo)" ] && [ "$a" != "${seed1-}" ]; then
	ok "the interval is the seed's: the same --seed, the same interval"
else
	no "holdout interval and --seed" "$a" "$out"
fi
# wide: the leave-one-budget-out lines of $out longer than 80 columns
wide() {
	printf '%s\n' "$out" | awk '/^leave-one-budget-out/ { on = 1 } /^warning/ { on = 0 } on && length > 80'
}
run fit tests/runs/besiroglu-sweeps.csv
if printf '%s\n' "$out" | grep -qx "leave-one-budget-out: your largest budget's runs (C = 1.9e22), predicted" &&
	printf '%s\n' "$out" | grep -Eqx "  from the others, land at L = [0-9.]+ \([0-9.]+\.\.[0-9.]+\); they measured [0-9.]+" &&
	printf '%s\n' "$out" | grep -qx "  (mean of 12): within the interval" &&
	printf '%s\n' "$out" | grep -qx "  (2.5-97.5% of its own 200 bootstrap refits of the other runs, plus the" &&
	printf '%s\n' "$out" | grep -qx "  noise of a mean of 12 runs)" && [ -z "$(wide)" ]; then
	ok "text: the leave-one-budget-out lines, their verdict, and what the interval is, in 80 columns"
else
	no "text holdout line" "$out"
fi
run fit tests/runs/besiroglu-sweeps.csv --method isoflop
if printf '%s\n' "$out" | grep -Eqx "  the others' frontier, is [0-9.]+B \([0-9.]+B\.\.[0-9.]+B\); its parabola's minimum is" &&
	printf '%s\n' "$out" | grep -Eqx "  [0-9.]+B \([0-9.]+B\.\.[0-9.]+B\); predicted / minimum = [0-9.]+ \(95%: [0-9.]+\.\.[0-9.]+\):" &&
	printf '%s\n' "$out" | grep -qx "  within the interval" && [ -z "$(wide)" ]; then
	ok "text, isoflop: both N*s with their intervals, their ratio's interval, and the verdict"
else
	no "text isoflop holdout line" "$out"
fi

# Approach 2's verdict reads the interval of the ratio predicted / minimum over
# independent resamples of the two. The shipped sweeps follow one law, so the
# largest budget follows the others: within; with the largest budget's N 1.6x
# what the runs had (C = 6ND kept, so D / 1.6) its minimum moves 1.6x up while
# the others predict what they did, so the ratio is near 1/1.6: outside.
run fit tests/runs/besiroglu-sweeps.csv --method isoflop --format csv
if [ "$rc" = 0 ] && [ "$(csv_field holdout_within)" = true ]; then ok "isoflop, the shipped sweeps: within"; else no "isoflop within" "$out"; fi
awk -F, '/^[0-9]/ && $2 > 1.5e22 { $1 = $1 * 1.6 } { print }' OFS=, tests/runs/besiroglu-sweeps.csv >"$tmp/n16.csv"
run fit "$tmp/n16.csv" --method isoflop --format csv
if [ "$(csv_field holdout_within)" = false ] && between "$(csv_field holdout_params_ratio_hi)" 0 1; then
	ok "isoflop, N x1.6 at the largest budget: outside, the ratio's interval below 1"
else
	no "isoflop outside" "$out"
fi
run fit "$tmp/n16.csv" --method isoflop
if printf '%s\n' "$out" | grep -Eqx "  [0-9.]+B \([0-9.]+B\.\.[0-9.]+B\); predicted / minimum = 0\.[0-9]+ \(95%: 0\.[0-9]+\.\.0\.[0-9]+\):" &&
	printf '%s\n' "$out" | grep -qx "  outside it: the largest budget does not follow the others" && [ -z "$(wide)" ]; then
	ok "text, isoflop, N x1.6: the ratio's interval below 1 and outside"
else
	no "text isoflop outside" "$out"
fi
# a largest budget that does not follow the others: its losses 3% up
awk -F, '/^[0-9]/ && $2 > 1.5e22 { $3 = $3 * 1.03 } { print }' OFS=, tests/runs/besiroglu-sweeps.csv >"$tmp/off.csv"
run fit "$tmp/off.csv"
if printf '%s\n' "$out" | grep -q "): outside it: the largest budget does not follow the others$"; then
	ok "a largest budget 3% off the others' law is outside the interval"
else
	no "outside verdict" "$out"
fi
run fit tests/runs/besiroglu-sweeps.csv --method isoflop --format json
if [ "$rc" = 0 ] && printf '%s\n' "$out" | grep -q '"holdout_compute": 1.89737e+22, "holdout_params_predicted": [0-9.e+]*, "holdout_params_lo": [0-9.e+]*, "holdout_params_hi": [0-9.e+]*, "holdout_params_factor": [0-9.]*, "holdout_params_measured": [0-9.e+]*, "holdout_params_measured_lo": [0-9.e+]*, "holdout_params_measured_hi": [0-9.e+]*, "holdout_params_ratio": [0-9.]*, "holdout_params_ratio_lo": [0-9.]*, "holdout_params_ratio_hi": [0-9.]*, "holdout_within": true'; then
	ok "json, isoflop: the held-out budget's predicted and measured N*, their ratio, with their intervals, and the verdict"
else
	no "json isoflop holdout" "$out"
fi

# --bootstrap 50 does not change the holdout's refits: 200 of its own, said so,
# and the same interval as without it
run fit tests/runs/besiroglu-sweeps.csv --format csv
lo=$(csv_field holdout_loss_lo)
run fit tests/runs/besiroglu-sweeps.csv --bootstrap 50
if [ "$rc" = 0 ] && printf '%s\n' "$out" | grep -q '^bootstrap: 50 resamples' &&
	printf '%s\n' "$out" | grep -qx "  (2.5-97.5% of its own 200 bootstrap refits of the other runs, plus the"; then
	ok "--bootstrap 50: the holdout's 200 refits are said to be its own"
else
	no "--bootstrap 50 and the holdout's refits" "exit $rc" "$out" "$err"
fi
run fit tests/runs/besiroglu-sweeps.csv --bootstrap 50 --format csv
if [ "$rc" = 0 ] && [ -n "$lo" ] && [ "$(csv_field holdout_loss_lo)" = "$lo" ]; then
	ok "--bootstrap 50: the holdout's interval is the one without it"
else
	no "--bootstrap and the holdout interval" "$lo" "$out"
fi

# the largest budget with 3 runs: a parabola through 3 points has no scatter to
# resample (every resample that refits is those 3 points, one minimum, an
# interval of zero width), so the line says the runs are too few and the
# verdict reads N*'s interval; the fields leave the ratio's interval empty
grep -v '^#' tests/runs/besiroglu-sweeps.csv | awk -F, 'NR == 1 || $2 < 1.5e22' >"$tmp/three.csv"
grep -v '^#' tests/runs/besiroglu-sweeps.csv | awk -F, 'NR > 1 && $2 > 1.5e22' | sed -n 4,6p >>"$tmp/three.csv"
run fit "$tmp/three.csv" --method isoflop
if [ "$rc" = 0 ] && printf '%s\n' "$out" | grep -Eqx "  [0-9.]+B \(its 3 runs too few to resample: 8 or more\); judged by N\*'s" &&
	printf '%s\n' "$out" | grep -Eq "^  interval: (within|outside)" && [ -z "$(wide)" ]; then
	ok "isoflop, 3 runs at the largest budget: too few to resample, said, N*'s interval judges"
else
	no "isoflop with 3 held-out runs" "exit $rc" "$out" "$err"
fi
run fit "$tmp/three.csv" --method isoflop --format csv
if [ "$rc" = 0 ] && [ -z "$(csv_field holdout_params_measured_lo)" ] && [ -z "$(csv_field holdout_params_ratio_lo)" ] &&
	[ -n "$(csv_field holdout_params_lo)" ]; then
	ok "isoflop, 3 runs at the largest budget, CSV: no interval for its minimum or the ratio"
else
	no "csv with 3 held-out runs" "$out"
fi

# the largest budget with 5 runs (plan's default): 58% of resamples hold 3
# distinct N or fewer and are dropped, the rest a biased subset with too narrow
# an interval; under 8 runs (fit_holdout.h: the least n with under 5% dropped)
# the runs are too few to resample, said, and N*'s interval judges
grep -v '^#' tests/runs/besiroglu-sweeps.csv | awk -F, 'NR == 1 || $2 < 1.5e22' >"$tmp/five.csv"
grep -v '^#' tests/runs/besiroglu-sweeps.csv | awk -F, 'NR > 1 && $2 > 1.5e22' | sed -n 4,8p >>"$tmp/five.csv"
run fit "$tmp/five.csv" --method isoflop
if [ "$rc" = 0 ] && printf '%s\n' "$out" | grep -Eqx "  [0-9.]+B \(its 5 runs too few to resample: 8 or more\); judged by N\*'s" && [ -z "$(wide)" ]; then
	ok "isoflop, 5 runs at the largest budget: under 8, too few to resample, said"
else
	no "isoflop with 5 held-out runs" "exit $rc" "$out" "$err"
fi
grep -v '^#' tests/runs/besiroglu-sweeps.csv | awk -F, 'NR == 1 || $2 < 1.5e22' >"$tmp/eight.csv"
grep -v '^#' tests/runs/besiroglu-sweeps.csv | awk -F, 'NR > 1 && $2 > 1.5e22' | sed -n 3,10p >>"$tmp/eight.csv"
run fit "$tmp/eight.csv" --method isoflop --format csv
if [ "$rc" = 0 ] && [ -n "$(csv_field holdout_params_measured_lo)" ] && [ -n "$(csv_field holdout_params_ratio_lo)" ]; then
	ok "isoflop, 8 runs at the largest budget: its minimum and the ratio have intervals"
else
	no "csv with 8 held-out runs" "$out"
fi

# two budgets: no prediction, a line saying why, exit 0, empty fields
truth "$tmp/two.csv" 2
for m in parametric isoflop; do
	run fit "$tmp/two.csv" --method "$m"
	if [ "$rc" = 0 ] && printf '%s\n' "$out" | grep -qx "leave-one-budget-out: not done (2 budgets): it needs 3 compute budgets (runs" &&
		printf '%s\n' "$out" | grep -qx "  within 5% of each other's 6ND), one to hold out and two to fit"; then
		ok "$m, two budgets: the line says why there is no holdout, and the fit succeeds"
	else
		no "$m with two budgets" "exit $rc" "$out" "$err"
	fi
done
run fit "$tmp/two.csv" --format json
if [ "$rc" = 0 ] && printf '%s\n' "$out" | grep -q '"holdout_compute": null, "holdout_loss_predicted": null'; then
	ok "json, two budgets: the holdout fields are null"
else
	no "json with two budgets" "$out"
fi
echo "1..$n"
