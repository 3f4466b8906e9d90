#!/bin/sh
# holdout.sh: leave-one-budget-out in `isoflop fit` (model/fit_holdout.h).
# Runs made here from Chinchilla's law (Hoffmann et al. 2022, App. D.2: E
# 1.69, A 406.4, B 410.7, alpha 0.34, beta 0.28) with no noise: the largest
# budget, predicted from the others, is what it measured. On the noisy
# sweeps of tests/runs/besiroglu-sweeps.csv the measured mean lies within the
# stated +/- (the refit's RMS residual on the other budgets' runs). With two
# budgets the line says why there is none, and the fit still succeeds.
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

run fit tests/runs/besiroglu-sweeps.csv --format csv
p=$(csv_field holdout_loss_predicted) m=$(csv_field holdout_loss_measured)
s=$(csv_field holdout_loss_spread)
if [ "$rc" = 0 ] && within "$m" "$p" "$s" && within "$(csv_field holdout_compute)" 1.9e22 1e21; then
	ok "besiroglu sweeps: the measured mean $m lies within $p +/- $s"
else
	no "besiroglu sweeps holdout" "$out" "$err"
fi
run fit tests/runs/besiroglu-sweeps.csv
line=$(printf '%s\n' "$out" | grep '^leave-one-budget-out: ')
if printf '%s\n' "$line" | grep -Eq "^leave-one-budget-out: your largest budget's runs \(C = 1.9e22\), predicted from the others, land at L = [0-9.]+ \+/- [0-9.]+; they measured [0-9.]+ \(mean of 12\)$" &&
	printf '%s\n' "$out" | grep -q "^  (+/- is the refit's RMS residual on the other budgets' runs"; then
	ok "text: the leave-one-budget-out line, and what its +/- is"
else
	no "text holdout line" "$out"
fi
run fit tests/runs/besiroglu-sweeps.csv --method isoflop --format json
if [ "$rc" = 0 ] && printf '%s\n' "$out" | grep -q '"holdout_compute": 1.89737e+22, "holdout_params_predicted": [0-9.e+]*, "holdout_params_factor": [0-9.]*, "holdout_params_measured": [0-9.e+]*'; then
	ok "json, isoflop: the held-out budget's predicted and measured N*"
else
	no "json isoflop holdout" "$out"
fi

# two budgets: no prediction, a line saying why, exit 0, empty fields
truth "$tmp/two.csv" 2
for m in parametric isoflop; do
	run fit "$tmp/two.csv" --method "$m"
	if [ "$rc" = 0 ] && printf '%s\n' "$out" | grep -qx "leave-one-budget-out: not done (2 budgets): it needs 3 compute budgets (runs within 5% of each other's 6ND), one to hold out and two to fit"; then
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
