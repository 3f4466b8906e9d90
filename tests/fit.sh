#!/bin/sh
# fit.sh: `isoflop fit` on data that is odd rather than wrong: values outside
# a run's physical ranges, degenerate losses, runs at one D or one compute
# budget, and the progress line (on a terminal only).
. "$(dirname "$0")/lib.sh"

# no_nan NAME: nothing printed is nan or inf
no_nan() {
	if printf '%s\n%s\n' "$out" "$err" | grep -Eqi '(^|[^a-z])(-?nan|-?inf)([^a-z]|$)'; then
		no "$1: prints no nan or inf" "$out" "$err"
	else
		ok "$1: prints no nan or inf"
	fi
}

# runs FILE LOSS...: one run a line at growing N and D, with the losses given
runs() {
	f=$1
	shift
	printf 'params,tokens,loss\n' >"$f"
	i=0
	for l in "$@"; do
		awk -v i=$i -v l="$l" 'BEGIN { printf "%.6g,%.6g,%s\n", 1e8 * 2^i, 1e9 * 3^i, l }' >>"$f"
		i=$((i + 1))
	done
}

# --- ranges at load ------------------------------------------------------------
runs "$tmp/denormal.csv" 1e-320 1e-320 1e-320 1e-320 1e-320
expect_error "a denormal loss is refused at its line" \
	"isoflop: $tmp/denormal.csv:2: loss: 1e-320 is out of range: a run has 0.001 to 20 nats" fit "$tmp/denormal.csv"
no_nan "denormal loss"
runs "$tmp/big-loss.csv" 3 2.9 2.8 25 2.6
expect_error "a loss over 20 nats" \
	"isoflop: $tmp/big-loss.csv:5: loss: 25 is out of range: a run has 0.001 to 20 nats" fit "$tmp/big-loss.csv"
printf 'params,tokens,loss\n1e-320,1e9,3\n' >"$tmp/params.csv"
expect_error "denormal params" \
	"isoflop: $tmp/params.csv:2: params: 1e-320 is out of range: a run has 100 to 1e16 parameters" fit "$tmp/params.csv"
printf 'params,tokens,loss\n1e8,2e18,3\n' >"$tmp/tokens.csv"
expect_error "too many tokens" \
	"isoflop: $tmp/tokens.csv:2: tokens: 2e+18 is out of range: a run has 1000 to 1e18 tokens" fit "$tmp/tokens.csv"
printf 'params,flops,loss\n1e4,1e30,3\n' >"$tmp/flops.csv"
expect_error "tokens from flops out of range" \
	"isoflop: $tmp/flops.csv:2: flops / (6 params) gives 1.67e+25 tokens: out of range: a run has 1000 to 1e18 tokens" fit "$tmp/flops.csv" --method isoflop
printf 'params,flops,loss\n1e4,1e12,3\n1e4,1e7,3\n' >"$tmp/flops.csv"
expect_error "tokens below the range" \
	"isoflop: $tmp/flops.csv:3: flops / (6 params) gives 167 tokens: out of range: a run has 1000 to 1e18 tokens" fit "$tmp/flops.csv"

# --- degenerate data -------------------------------------------------------------
runs "$tmp/flat.csv" 3 3 3 3 3 3
expect_error "a loss that does not fall with N: the fit fails and says why" \
	"isoflop: $tmp/flat.csv: the fit failed: the loss does not fall with N across the runs (A/N^alpha stays under a millionth of it): no law with an N term fits them" \
	fit "$tmp/flat.csv"
run fit "$tmp/flat.csv" --output "$tmp/flat.yaml"
if [ "$rc" = 2 ] && [ ! -e "$tmp/flat.yaml" ]; then ok "degenerate data: nothing written"; else no "degenerate --output" "exit $rc" "$err"; fi

# runs at one D = 20B from Besiroglu et al.'s law, with a small ripple
awk 'BEGIN { print "params,tokens,loss"; for (i = 0; i < 20; i++) { n = 1e7 * 10^(i * 0.2);
	printf "%.6g,2e10,%.6g\n", n, (1.8172 + 482.01 / n^0.3478 + 2085.43 / 2e10^0.3658) * (1 + 0.002 * sin(7 * i)) } }' >"$tmp/one-d.csv"
run fit "$tmp/one-d.csv"
if [ "$rc" = 0 ] && printf '%s\n' "$out" | grep -q "^L = E' + A/N^alpha at D = 20B" &&
	printf '%s\n' "$out" | grep -qx 'warning: every run has D = 20B: B and beta (the D term) are unknown, so no' &&
	! printf '%s\n' "$out" | grep -q 'N\* = '; then
	ok "one D: fits L(N), says B and beta are unknown, prints no frontier"
else
	no "one D report" "exit $rc" "$out" "$err"
fi
no_nan "one D"
alpha=$(printf '%s\n' "$out" | awk 'NR == 2 { print $6 }')
if awk -v a="$alpha" 'BEGIN { exit !(a > 0.33 && a < 0.36) }'; then ok "one D: alpha = $alpha, the law's 0.3478"; else no "one D alpha" "$out"; fi
run fit "$tmp/one-d.csv" --format csv
if [ "$rc" = 0 ] && [ "$(printf '%s\n' "$out" | head -n 1)" = "method,points,tokens,E_at_D,A,alpha,objective" ] &&
	printf '%s\n' "$out" | grep -Eq '^parametric,20,2e\+10,[0-9.e+-]+,[0-9.e+-]+,[0-9.e+-]+,[0-9.e+-]+$'; then
	ok "one D, CSV: the floor at that D is E_at_D, not E; no B, beta, a, b columns"
else
	no "one D csv" "$out"
fi
run fit "$tmp/one-d.csv" --format json --bootstrap 20
if [ "$rc" = 0 ] && printf '%s\n' "$out" | grep -q '"one_d": true, "tokens": 2e+10' &&
	printf '%s\n' "$out" | grep -q '"B": null' && ! printf '%s\n' "$out" | grep -q '"beta": {'; then
	ok "one D, JSON: null for the unknowns, no interval for them"
else
	no "one D json" "$out"
fi
expect_error "one D with --output: no law to write" \
	"isoflop: $tmp/one-d.csv: every run has D = 20B: with B and beta unknown there is no law to write to $tmp/one-d.yaml" \
	fit "$tmp/one-d.csv" --output "$tmp/one-d.yaml"
if [ ! -e "$tmp/one-d.yaml" ]; then ok "one D: nothing written"; else no "one D wrote $tmp/one-d.yaml"; fi

# the explorer's --runs draws L(N, D): runs that cannot give one say why, as fit does
expect_error "--runs at one D: no map, and why" \
	"isoflop: $tmp/one-d.csv: every run has D = 20B: no L(N, D) to draw (isoflop fit $tmp/one-d.csv fits L(N) alone)" \
	--dump --runs "$tmp/one-d.csv"
expect_error "--runs on a flat loss: no nonsense optimum, and why" \
	"isoflop: $tmp/flat.csv: the loss does not fall with N across the runs: no law to draw (isoflop fit $tmp/flat.csv says more)" \
	--dump --runs "$tmp/flat.csv"

# --bootstrap on too few runs: a resample of n runs holds about 0.63 n distinct
# ones, and one of no more than Approach 3's 5 constants is not refitted (the
# refit would interpolate it and the interval come out near zero width,
# certainty that is not there). Under 12 runs over 1 resample in 20 is such
# (P = C(n,k) S(n,k) k!/n^n summed over k <= 5: 98.5% at 6, 5.2% at 11, 1.6%
# at 12), so every command that refits the runs refuses it
printf 'params,tokens,loss\n1e8,2e9,3.20\n4e8,2e9,2.95\n1e8,8e9,3.00\n4e8,8e9,2.70\n1e9,2e10,2.45\n' >"$tmp/five.csv"
# few FILE N: the refusal for N runs of FILE
few() {
	echo "isoflop: --bootstrap needs 12 runs or more; $1 has $2 (man isoflop: --bootstrap)"
}
five=$(few "$tmp/five.csv" 5)
expect_error "fit --bootstrap on 5 runs: refused" "$five" fit "$tmp/five.csv" --bootstrap 50
expect_error "explorer --runs --bootstrap on 5 runs: refused" "$five" --dump --runs "$tmp/five.csv" --bootstrap 50
expect_error "plot contour --runs --bootstrap on 5 runs: refused" "$five" \
	plot contour --runs "$tmp/five.csv" --bootstrap 50
expect_error "compare --runs --bootstrap on 5 runs: refused" "$five" \
	compare --runs "$tmp/five.csv" --compare hoffmann2022 --bootstrap 50
run fit "$tmp/five.csv"
if [ "$rc" = 0 ] && [ "$(printf '%s\n' "$out" | grep -c '^warning: 5 runs for the law')" = 1 ] &&
	printf '%s\n' "$out" | grep -qx 'warning: 5 runs for the law.s 5 parameters: the fit passes through every run and'; then
	ok "5 runs without --bootstrap: the fit is made, with a warning that it passes through them"
else
	no "5 runs, no bootstrap" "exit $rc" "$out" "$err"
fi
cp "$tmp/five.csv" "$tmp/six.csv"
echo "2e9,4e10,2.35" >>"$tmp/six.csv"
run fit "$tmp/six.csv"
if [ "$rc" = 0 ] && ! printf '%s\n' "$out" | grep -q 'passes through every run' &&
	printf '%s\n' "$out" | grep -qx "warning: 6 runs for the law's 5 parameters: 1 degree of freedom; the fit says" &&
	printf '%s\n' "$out" | grep -qx "  little about the noise (12 or more runs for --bootstrap)"; then
	ok "6 runs: no word of passing through them, but of their 1 degree of freedom"
else
	no "6 runs warning" "$out"
fi
# the warnings' numbers in the units every other line uses: 100M to 2B, not 1e+08
if printf '%s\n' "$out" | grep -qx "warning: the runs cover less than two decades of N (100M to 2B): the exponents" &&
	! printf '%s\n' "$out" | grep -q 'e+'; then
	ok "6 runs: the narrow-N warning in units"
else
	no "narrow-N warning in units" "$out"
fi
expect_error "fit --bootstrap on 6 runs: refused (98.5% of resamples hold 5 distinct or fewer)" \
	"$(few "$tmp/six.csv" 6)" fit "$tmp/six.csv" --bootstrap 50
expect_error "fit --bootstrap on 6 runs less --exclude-top 1: refused, and why 5" \
	"isoflop: --bootstrap needs 12 runs or more; $tmp/six.csv has 5 after --exclude-top (man isoflop: --bootstrap)" \
	fit "$tmp/six.csv" --exclude-top 1 --bootstrap 50
# 12 runs of Besiroglu et al.'s law (arXiv:2404.10102) on a 4 x 3 grid, a small ripple
awk 'BEGIN { print "params,tokens,loss"; i = 0; for (a = 0; a < 4; a++) for (b = 0; b < 3; b++) {
	n = 1e8 * 3^a; d = 2e9 * 4^b; i++
	printf "%.6g,%.6g,%.6g\n", n, d, (1.8172 + 482.01 / n^0.3478 + 2085.43 / d^0.3658) * (1 + 0.003 * sin(5 * i)) } }' >"$tmp/twelve.csv"
head -n 12 "$tmp/twelve.csv" >"$tmp/eleven.csv"
expect_error "fit --bootstrap on 11 runs: refused (5.2% of resamples too few)" \
	"$(few "$tmp/eleven.csv" 11)" fit "$tmp/eleven.csv" --bootstrap 50
run fit "$tmp/eleven.csv"
if [ "$rc" = 0 ] && printf '%s\n' "$out" | grep -q "^warning: 11 runs for the law's 5 parameters: 6 degrees of freedom; the fit"; then
	ok "11 runs: their 6 degrees of freedom said"
else
	no "11 runs warning" "exit $rc" "$out" "$err"
fi
run fit "$tmp/twelve.csv" --bootstrap 50
if [ "$rc" = 0 ] && printf '%s\n' "$out" | grep -q '^bootstrap: [0-9]* resamples' && ! printf '%s\n' "$out" | grep -q 'degrees* of freedom'; then
	ok "fit --bootstrap on 12 runs: made"
else
	no "fit --bootstrap on 12 runs" "exit $rc" "$out" "$err"
fi

# Approach 2 on one compute budget: the first sweep of the shipped runs; refused,
# there is no frontier to fit (issue 18's "a sweep with one budget: one line, exit 2")
grep -v '^#' tests/runs/besiroglu-sweeps.csv | head -n 13 >"$tmp/one-budget.csv"
expect_error "Approach 2 on one budget: refused" \
	"isoflop: $tmp/one-budget.csv: the runs form one compute budget (C = 6e18 FLOPs): Approach 2 fits N* ~ C^a across two or more; add runs at another budget" \
	fit "$tmp/one-budget.csv" --method isoflop
# Approach 3 on it printed E = 0.04 and a = 0.40 (the truth: 1.82, 0.513) and exit 0
expect_error "Approach 3 on one budget: refused, and why" \
	"isoflop: $tmp/one-budget.csv: the runs form one compute budget (C = 6e18 FLOPs): along it N and D move together, so A/N^alpha and B/D^beta cannot be told apart; add runs at another budget" \
	fit "$tmp/one-budget.csv"
expect_error "--runs on one budget: refused" \
	"isoflop: $tmp/one-budget.csv: the runs form one compute budget (C = 6e18 FLOPs): no L(N, D) to draw (isoflop fit $tmp/one-budget.csv says why)" \
	--dump --runs "$tmp/one-budget.csv"
# two budgets, only the first with a minimum (the second's four smallest sizes):
# that budget's optimum, and no frontier
{ cat "$tmp/one-budget.csv"; grep -v '^#' tests/runs/besiroglu-sweeps.csv | sed -n 14,17p; } >"$tmp/one-min.csv"
run fit "$tmp/one-min.csv" --method isoflop
if [ "$rc" = 0 ] && printf '%s\n' "$out" | grep -Eq '^isoflop +12 of 16 +1 of 2 +6e18 ' &&
	printf '%s\n' "$out" | grep -qx 'warning: only the budget at 6e18 FLOPs has a minimum inside its sweep: a and b' &&
	! printf '%s\n' "$out" | grep -q 'k_params'; then
	ok "one budget with a minimum: its optimum, and no frontier"
else
	no "one budget with a minimum report" "exit $rc" "$out" "$err"
fi
expect_error "one budget with a minimum, --output: no frontier to write" \
	"isoflop: $tmp/one-min.csv: only one compute budget (6e18 FLOPs) has a minimum: with a and b unknown there is no frontier to write to $tmp/ob.yaml" \
	fit "$tmp/one-min.csv" --method isoflop --output "$tmp/ob.yaml"

# Approach 2 leaves out budgets whose minimum is at the sweep's edge: two of the
# shipped sweeps' 8 budgets cut to their 4 smallest sizes (the loss still falls
# there) leave 6 budgets of 12 runs used of the 80 given, and the table says so
awk -F, '/^#/ { next } ($2 == "6e+18" || $2 == "6e+19") && ++c[$2] > 4 { next } { print }' \
	tests/runs/besiroglu-sweeps.csv >"$tmp/offc.csv"
run fit "$tmp/offc.csv" --method isoflop
if [ "$rc" = 0 ] && printf '%s\n' "$out" | grep -Eq '^isoflop +72 of 80 +6 of 8 +0\.[0-9]+ ' &&
	printf '%s\n' "$out" | grep -Eq '^method +points +budgets +a +b '; then
	ok "isoflop with budgets left out: points 72 of 80, budgets 6 of 8"
else
	no "isoflop counts used of given" "exit $rc" "$out" "$err"
fi
# the warning names the budget as every other line does: 6e18, not 6e+18
if printf '%s\n' "$out" | grep -qx 'warning: the budget at 6e18 FLOPs has its minimum at the edge of its sweep: left' &&
	! printf '%s\n' "$out" | grep -q '^warning.*e+'; then
	ok "isoflop: the budget left out named in units (6e18)"
else
	no "isoflop counts used of given" "exit $rc" "$out" "$err"
fi

# --bootstrap's N* and D* rows: named for a person, in the units of the line above
run fit tests/runs/besiroglu-sweeps.csv --bootstrap 20 --at-compute 1e23
if [ "$rc" = 0 ] && printf '%s\n' "$out" | grep -Eq '^N\* at 1e23 +[0-9.]+B +[0-9.]+B +[0-9.]+B +[0-9.]+B$' &&
	printf '%s\n' "$out" | grep -Eq '^D\* at 1e23 +[0-9.]+[BT] +[0-9.]+[BT] +[0-9.]+[BT] +[0-9.]+[BT]$' &&
	! printf '%s\n' "$out" | grep -q 'params_at\|tokens_at'; then
	ok "bootstrap rows: N* and D* at the budget, in B and T"
else
	no "bootstrap rows named" "$out"
fi
run fit tests/runs/besiroglu-sweeps.csv --bootstrap 20 --format json
if [ "$rc" = 0 ] && printf '%s\n' "$out" | grep -q '"params_at": {"p2_5": [0-9.e+]*'; then
	ok "bootstrap, JSON: the keys stay params_at and tokens_at"
else
	no "bootstrap json keys" "$out"
fi

# every warning and note fit prints wraps at 80 columns, on stdout and stderr
# wide_lines: the warnings' lines (and their indented continuations) in $out and $err past 80 columns
wide_lines() {
	printf '%s\n%s\n' "$out" "$err" | awk '/^(isoflop: )?warning: / { on = 1 } !/^(isoflop: )?warning: / && !/^  / { on = 0 } on && length > 80'
}
for args in "$tmp/five.csv" "$tmp/five.csv --format csv" "$tmp/offc.csv --method isoflop" \
	"$tmp/offc.csv --method isoflop --format csv" "$tmp/one-min.csv --method isoflop"; do
	# shellcheck disable=SC2086
	run fit $args
	if [ "$rc" = 0 ] && [ -z "$(wide_lines)" ] && printf '%s\n%s\n' "$out" "$err" | grep -q 'warning: '; then
		ok "fit $args: warnings within 80 columns"
	else
		no "fit $args: wide warnings" "$(wide_lines)"
	fi
done

# --- progress: a line on a terminal, nothing on a pipe -----------------------------
awk 'BEGIN { print "params,tokens,loss"; for (i = 0; i < 1200; i++) { n = 1e7 * 10^(4 * ((i * 0.618034) % 1)); d = 1e9 * 10^(4 * ((i * 0.414214) % 1));
	printf "%.6g,%.6g,%.6g\n", n, d, (1.8172 + 482.01 / n^0.3478 + 2085.43 / d^0.3658) * (1 + 0.005 * sin(3 * i)) } }' >"$tmp/many.csv"
run fit "$tmp/many.csv"
if [ "$rc" = 0 ] && [ -z "$err" ]; then ok "progress: stderr stays empty when it is not a terminal"; else no "progress on a pipe" "exit $rc" "$err"; fi
if printf '%s\n' "$out" | grep -q '^they ran on a sample of 1000 of the 1200 runs; [1-8] distinct minim[a-z]* w[a-z]* then refined on all runs ([0-8] converged)$'; then
	ok "over 1,000 runs: the starts run on a sample, and the report says so"
else
	no "sample line" "$out"
fi
if command -v script >/dev/null 2>&1; then
	# stdout to a file, stderr on script's pty: what the terminal shows
	timeout 120 script -qec "'$ISOFLOP' fit '$tmp/many.csv' --format csv >'$tmp/tty-out'" /dev/null >"$tmp/tty" 2>&1
	shown=$(tr '\r' '\n' <"$tmp/tty")
	last=$(tail -c 2 "$tmp/tty" | od -An -tx1 | tr -d ' \n') # a blank, then CR: erased
	if printf '%s\n' "$shown" | grep -q '^isoflop: fitting 1200 runs: step 1 of 3 (scouting), [0-9]* of 4500 starts' &&
		printf '%s\n' "$shown" | grep -q '^isoflop: fitting 1200 runs: step 2 of 3 (refining), 112 of 112 starts' &&
		printf '%s\n' "$shown" | grep -q '^isoflop: fitting 1200 runs: step 3 of 3 (on all runs), [1-8] of [1-8] minima' &&
		[ "$last" = 200d ] && grep -q '^parametric,1200,' "$tmp/tty-out"; then
		ok "progress: one line on a terminal, redrawn in place and erased at the end"
	else
		no "progress on a terminal" "$(od -c "$tmp/tty" | tail -n 5)"
	fi
else
	ok "# SKIP progress on a terminal: no script(1)"
fi
echo "1..$n"
