#!/bin/sh
# plan.sh: `isoflop plan`: the proposed runs stay within the budget and lie
# on their budgets' iso-FLOP lines (C = 6ND, checked here by arithmetic), the
# CSV has the documented columns, the simulation with noise near zero lands
# on the truth it knows, the picture fits its size, and bad input is one
# line and exit 2.
. "$(dirname "$0")/lib.sh"

# --- CSV for a scheduler ---------------------------------------------------------
run plan --budget 1e22 --target 1e24 --replicas 20 --format csv
if [ "$rc" = 0 ] && [ "$(printf '%s\n' "$out" | head -1)" = "kind,budget,params,tokens,flops,cumulative" ]; then
	ok "csv: the documented header"
else
	no "csv: the documented header" "exit $rc" "$out" "$err"
fi
# every row: six fields, 6ND = its budget = its flops, cumulative the running sum
# of the proposed runs (kind proposed) within --budget, then the suggested run(s),
# beyond the budget and so with no cumulative
check=$(printf '%s\n' "$out" | awk -F, -v budget=1e22 '
	NR == 1 { next }
	NF != 6 { print "row " NR ": " NF " fields"; next }
	{ c = 6 * $3 * $4
	  if (c < $2 * (1 - 1e-6) || c > $2 * (1 + 1e-6)) print "row " NR ": 6ND " c " != budget " $2
	  if ($5 < c * (1 - 1e-6) || $5 > c * (1 + 1e-6)) print "row " NR ": flops " $5 " != 6ND " c
	  if ($1 == "proposed") {
		sum += $5
		if ($6 < sum * (1 - 1e-6) || $6 > sum * (1 + 1e-6)) print "row " NR ": cumulative " $6 " != " sum
		if (seen) print "row " NR ": a proposed run after the next"; cost = sum; runs++ }
	  else if ($1 == "next") { seen++; if ($6 != "") print "row " NR ": the next run in the cumulative" }
	  else print "row " NR ": kind " $1 }
	END { if (cost > budget) print "cost " cost " > budget"
	      if (runs != 15) print runs " proposed runs, not 15"
	      if (seen < 1) print "no next run" }')
if [ -z "$check" ]; then
	ok "csv: 15 runs on their iso-FLOP lines, cost within --budget, the next run marked"
else
	no "csv: 15 runs on their iso-FLOP lines, cost within --budget, the next run marked" "$check"
fi

run plan --budget 3e23 --target 1e25 --budgets 4 --sizes 7 --replicas 10 --format csv
runs=$(printf '%s\n' "$out" | awk -F, 'NR > 1 && $1 == "proposed"' | wc -l)
budgets=$(printf '%s\n' "$out" | awk -F, 'NR > 1 && $1 == "proposed" { print $2 }' | sort -u | wc -l)
if [ "$rc" = 0 ] && [ "$runs" = 28 ] && [ "$budgets" = 4 ]; then
	ok "--budgets 4 --sizes 7: 28 runs in 4 budgets"
else
	no "--budgets 4 --sizes 7: 28 runs in 4 budgets" "exit $rc, $runs runs, $budgets budgets" "$err"
fi

# --- the simulation against its own truth ------------------------------------------
# besiroglu2024's a = beta / (alpha + beta) = 0.3658 / (0.3478 + 0.3658) (its preset)
run plan --budget 1e22 --target 1e24 --noise 1e-9 --replicas 8 --format json
check=$(printf '%s\n' "$out" | awk '
	/"quantity": "(a|b|nstar)"/ {
		q = $0; sub(/.*"quantity": "/, "", q); sub(/".*/, "", q)
		split("p10 p90 bias rms", keys, " ")
		for (k in keys) {
			v = $0; sub(".*\"" keys[k] "\": ", "", v); sub(/[,}].*/, "", v)
			lim = (q == "nstar") ? 0.01 : 0.002
			if (v + 0 > lim || v + 0 < -lim) print q " " keys[k] " = " v
		}
		found++
	}
	/"quantity": "a"/ { t = $0; sub(/.*"truth": /, "", t); sub(/,.*/, "", t)
		want = 0.3658 / (0.3478 + 0.3658)
		if (t - want > 1e-4 || want - t > 1e-4) print "truth a " t " != " want }
	END { if (found != 3) print found " of 3 quantities" }')
if [ "$rc" = 0 ] && [ -z "$check" ]; then
	ok "noise 1e-9: exponents and N* at the target land on the truth"
else
	no "noise 1e-9: exponents and N* at the target land on the truth" "exit $rc" "$check" "$err"
fi
if command -v python3 >/dev/null 2>&1; then
	if printf '%s\n' "$out" | python3 -c 'import json, sys; d = json.load(sys.stdin); assert set(d) == {"runs", "errors", "summary"} and len(d["runs"]) >= 15'; then
		ok "json: runs, errors and summary parse"
	else
		no "json: runs, errors and summary parse" "$out"
	fi
else
	ok "# SKIP no python3 to parse JSON"
fi

# --- text: the map at its size, then the table and the summary ---------------------
run plan --budget 1e22 --target 1e24 --replicas 20
map=$(printf '%s\n' "$out" | head -24)
wide=$(printf '%s\n' "$map" | awk 'length > 80' | wc -l)
if [ "$rc" = 0 ] && [ "$wide" = 0 ] && printf '%s\n' "$map" | grep -q 'x runs (15)' &&
	printf '%s\n' "$map" | grep -q 'T N\* at the target' && printf '%s\n' "$out" | grep -Eq '^(next run|no run is worth suggesting)' &&
	printf '%s\n' "$out" | grep -q '^N\* at target'; then
	ok "text: an 80x24 map with the runs, T and @, the table and the summary"
else
	no "text: an 80x24 map with the runs, T and @, the table and the summary" "exit $rc" "$out" "$err"
fi
run plan --budget 1e22 --target 1e24 --replicas 4 --width 60 --height 16
if [ "$rc" = 0 ] && [ "$(printf '%s\n' "$out" | head -16 | awk 'length > 60' | wc -l)" = 0 ] &&
	printf '%s\n' "$out" | sed -n 17p | grep -q '^$'; then
	ok "--width 60 --height 16: the map keeps to it"
else
	no "--width 60 --height 16: the map keeps to it" "$out"
fi

# --- text for people: kinds in words, errors to two significant digits ------------
run plan --budget 1e22 --target 1e24 --replicas 20
if [ "$rc" = 0 ] && printf '%s\n' "$out" | grep -q '^run  *budget C' &&
	printf '%s\n' "$out" | grep -Eq '^(next|in noise), beyond budget .* -$' &&
	! printf '%s\n' "$out" | grep -Eq 'true|false' &&
	[ -z "$(printf '%s\n' "$out" | sed -n '/^relative error of/,/^N\*, Approach 2/p' |
		tr -s ' ' '\n' | grep '%$' | grep -v '^[0-9]*%$' | tr -d -- '-.%' | sed 's/^0*//' | grep '...')" ] &&
	printf '%s\n' "$out" | head -24 | grep -Eq '@ (next run|best \(in noise\))'; then
	ok "text: the next run is named, beyond the budget and out of the cumulative; 2-digit errors"
else
	no "text: the next run is named, beyond the budget and out of the cumulative; 2-digit errors" "exit $rc" "$out" "$err"
fi

# --- --runs: the researcher's own runs as the truth -----------------------------------
# 3 budgets x 7 sizes from besiroglu2024's L(N, D) (E 1.8172, A 482.01, B 2085.43,
# alpha 0.3478, beta 0.3658) with a 1e-4 wobble: their fit is that law
awk 'BEGIN { print "params,tokens,loss"; split("1e18 1e19 1e20", cs, " ")
	for (b = 1; b <= 3; b++) for (i = 0; i < 7; i++) {
		n = 3e6 * 10^(b - 1) * 10^(i / 2); d = cs[b] / (6 * n)
		printf "%.8g,%.8g,%.8g\n", n, d, (1.8172 + 482.01 / n^0.3478 + 2085.43 / d^0.3658) * (1 + 1e-4 * sin(7 * (7 * b + i))) } }' >"$tmp/known.csv"
run plan --runs "$tmp/known.csv" --budget 1e22 --target 1e24 --noise 1e-9 --replicas 8 --format json
check=$(printf '%s\n' "$out" | awk '
	/"quantity": "(a|nstar)"/ {
		q = $0; sub(/.*"quantity": "/, "", q); sub(/".*/, "", q)
		t = $0; sub(/.*"truth": /, "", t); sub(/,.*/, "", t)
		al = 0.3478; be = 0.3658; a = be / (al + be)
		want = (q == "a") ? a : (al * 482.01 / (be * 2085.43))^(1 / (al + be)) * (1e24 / 6)^a
		if ((t - want) / want > 0.01 || (want - t) / want > 0.01) print q ": truth " t ", the law " want
		r = $0; sub(/.*"rms": /, "", r); sub(/[,}].*/, "", r)
		if (r + 0 > 0.002) print q ": rms " r " with noise 1e-9"
		found++ }
	END { if (found != 2) print found " of 2 quantities" }')
if [ "$rc" = 0 ] && [ -z "$check" ]; then
	ok "--runs: the truth is the fit of the runs (the law they came from), recovered"
else
	no "--runs: the truth is the fit of the runs (the law they came from), recovered" "exit $rc" "$check" "$err"
fi
run plan --runs "$tmp/known.csv" --budget 1e22 --target 1e24 --replicas 10 --format csv
check=$(printf '%s\n' "$out" | awk -F, -v budget=1e22 '
	NR == 1 { next }
	$1 == "existing" { mine++; if ($6 != "") print "row " NR ": an existing run costs"; if ($2 > top) top = $2; next }
	$1 == "proposed" || $1 == "next" { cost += $5; if ($2 <= top) print "row " NR ": budget " $2 " not above " top
		if ($1 == "next") next_++; next }
	{ print "row " NR ": kind " $1 }
	END { if (mine != 21) print mine " existing runs, not 21"
	      if (cost > budget) print "cost " cost " > " budget
	      if (next_ != 1) print next_ " next runs" }')
if [ "$rc" = 0 ] && [ -z "$check" ]; then
	ok "--runs csv: the 21 runs as existing, new budgets above them within --budget, one next"
else
	no "--runs csv: the 21 runs as existing, new budgets above them within --budget, one next" "exit $rc" "$check" "$err"
fi
run plan --runs "$tmp/known.csv" --budget 1e22 --target 1e24 --replicas 10
if [ "$rc" = 0 ] && printf '%s\n' "$out" | head -24 | grep -q 'x your runs (21)' &&
	printf '%s\n' "$out" | head -24 | grep -q '+ proposed (' &&
	printf '%s\n' "$out" | grep -q '^noise: the RMS of your runs' &&
	printf '%s\n' "$out" | grep -Eq '^(next <- first|best \(in noise\)) ' && ! printf '%s\n' "$out" | grep -q '^yours ' &&
	printf '%s\n' "$out" | grep -qx 'your 21 runs (x; --format csv lists them): their fit is taken as the truth'; then
	ok "--runs text: yours as x (counted, not listed), proposed as +, the noise's source said, the first run marked"
else
	no "--runs text: yours as x (counted, not listed), proposed as +, the noise's source said, the first run marked" "exit $rc" "$out" "$err"
fi
printf 'params,tokens,loss\n1e8,2e10,3.0\n2e8,2e10,2.9\n4e8,2e10,2.8\n8e8,2e10,2.75\n1.6e9,2e10,2.7\n3e9,2e10,2.68\n' >"$tmp/one-d.csv"
expect_error "--runs that give no L(N, D)" \
	"isoflop: $tmp/one-d.csv: every run has D = 20B: no L(N, D) to plan from (isoflop fit $tmp/one-d.csv fits L(N) alone)" \
	plan --runs "$tmp/one-d.csv" --budget 1e22 --target 1e24
expect_error "--runs: a budget too small for runs above them" \
	"isoflop: plan: --budget 4e20 FLOPs is too small for 5 new runs at 2x your largest budget, 1e20 FLOPs: give --budget 1.01e21 or more" \
	plan --runs "$tmp/known.csv" --budget 4e20 --target 1e24
expect_error "--runs with --law" \
	"isoflop: plan: --runs FILE makes the fit of your runs the truth; --law names another: give one of them" \
	plan --runs "$tmp/known.csv" --law hoffmann2022 --budget 1e22 --target 1e24

# --- bad input: one line, exit 2 ---------------------------------------------------
expect_error "a budget too small for the runs" \
	"isoflop: plan: --budget 1e18 FLOPs is too small for 3 budgets x 5 sizes: the smallest run would have N = 788K, below 57M (where the law was fitted); give --budget 4.23e21 or more" \
	plan --budget 1e18 --target 1e24
expect_error "a target below the sweep" \
	"isoflop: plan: --target 1e21 is not above the sweep's largest budget, 1.8e21 FLOPs: give a larger --target or a smaller --budget" \
	plan --budget 1e22 --target 1e21
expect_error "a frontier law as the truth" \
	"isoflop: plan: 'llama3-2024' is a frontier law: the simulation needs a loss surface L(N, D) as the truth (try --law besiroglu2024)" \
	plan --law llama3-2024 --budget 1e22 --target 1e24
expect_error "a power law as the truth" \
	"isoflop: plan: 'henighan2020-image8' is a power law: the simulation needs a loss surface L(N, D) as the truth (try --law besiroglu2024)" \
	plan --law henighan2020-image8 --budget 1e22 --target 1e24
expect_error "noise 0" "isoflop: --noise must be positive sd of log loss, not 0" \
	plan --budget 1e22 --target 1e24 --noise 0
expect_error "noise -0.1" "isoflop: --noise must be positive sd of log loss, not -0.1" \
	plan --budget 1e22 --target 1e24 --noise -0.1
expect_error "absurd noise" \
	"isoflop: --noise: out of range (more than 0 and at most 0.5 sd of log loss): '0.9'" \
	plan --budget 1e22 --target 1e24 --noise 0.9
expect_error "one replica" "isoflop: --replicas: expected a whole number from 2 to 100000, not '1'" \
	plan --budget 1e22 --target 1e24 --replicas 1
expect_error "no budget" "isoflop: plan needs --budget FLOPS: the FLOPs the whole sweep may spend" \
	plan --target 1e24
expect_error "no target" \
	"isoflop: plan needs --target C: the compute (FLOPs) whose N* the sweep is to predict" \
	plan --budget 1e22
expect_error "one budget" "isoflop: --budgets: expected a whole number from 2 to 8, not '1'" \
	plan --budget 1e22 --target 1e24 --budgets 1
expect_error "--law all" \
	"isoflop: plan takes one law as the truth: --law ID (isoflop presets laws lists them)" \
	plan --law all --budget 1e22 --target 1e24

# --- the shells know it -----------------------------------------------------------
run completion bash
if printf '%s\n' "$out" | grep -q 'plan' && printf '%s\n' "$out" | grep -q -- '--replicas'; then
	ok "completion offers plan and its options"
else
	no "completion offers plan and its options"
fi

# 96 runs already pin N* at 1e25: the best candidate's gain is within the
# simulation's noise, and plan does not suggest it (no "next run"), names it and
# says what would tell; and the starts' caveat is printed. The test: the mean
# fall of N*'s squared error, paired replica by replica (the same noise draws
# with and without the run), under 2 standard errors, on fresh replicas (the
# best is chosen on the first ones, where its fall is the most of several)
run plan --runs tests/runs/besiroglu-sweeps.csv --budget 1e24 --target 1e25
if [ "$rc" = 0 ] && printf '%s\n' "$out" | grep -Eqx "no run is worth suggesting: the best candidate \(N = [0-9.]+B at 2e23 FLOPs\)" &&
	printf '%s\n' "$out" | grep -qx "  paired over 200 fresh replicas, under 2 standard errors); more replicas" &&
	printf '%s\n' "$out" | grep -qx "  (--replicas) would tell" && ! printf '%s\n' "$out" | grep -q '^next run' &&
	! printf '%s\n' "$out" | grep -q 'next <- first' &&
	printf '%s\n' "$out" | grep -qx "(not the 4,500-start grid: the errors it finds are a lower bound)"; then
	ok "--runs: a gain within the simulation's noise is not suggested, and says so; the errors a lower bound"
else
	no "--runs: a gain within the simulation's noise is not suggested" "exit $rc" "$out" "$err"
fi
# the CSV keeps the best as its next row (scripts choose); JSON says it is in noise
run plan --runs tests/runs/besiroglu-sweeps.csv --budget 1e24 --target 1e25 --format csv --replicas 40
if [ "$rc" = 0 ] && [ "$(printf '%s\n' "$out" | grep -c '^next,')" = 1 ]; then
	ok "csv: the best candidate in noise is still the next row"
else
	no "csv: the best candidate in noise is still the next row" "exit $rc" "$out" "$err"
fi
# without --runs too: the cheapest candidate (a run below the smallest budget)
# narrows N* 26% -> 23% rms on the replicas it was chosen on, 2.2 standard
# errors there, 1.3 on fresh ones: selection flattered it; not suggested
run plan --budget 1e22 --target 1e24
if [ "$rc" = 0 ] && printf '%s\n' "$out" | grep -Eqx "no run is worth suggesting: the best candidate \(N = [0-9.]+B at 1.8e19 FLOPs\)" &&
	printf '%s\n' "$out" | grep -q '^in noise, beyond budget ' && ! printf '%s\n' "$out" | grep -q '^next run'; then
	ok "no --runs: a gain within the noise on fresh replicas is not suggested"
else
	no "no --runs: a gain within the noise on fresh replicas is not suggested" "exit $rc" "$out" "$err"
fi
run plan --budget 1e22 --target 1e24 --format json --replicas 40
if [ "$rc" = 0 ] && printf '%s\n' "$out" | grep -q '"next_in_noise": true'; then
	ok "json: the summary says the best candidate is within the noise"
else
	no "json: next_in_noise" "exit $rc" "$out" "$err"
fi
# a newcomer's reading: the default truth said once; the error table labelled as
# the proposed runs'; N* at the target in units (95.9B), as other lines say it
run plan --budget 1e22 --target 1e24 --replicas 20
if [ "$rc" = 0 ] && [ "$(printf '%s\n' "$out" | grep -cx 'truth: besiroglu2024 (the default; --law ID to change)')" = 1 ] &&
	printf '%s\n' "$out" | grep -qx 'with the proposed runs, the fits land:' &&
	printf '%s\n' "$out" | grep -Eq '^N\* at target +95\.9B ' && ! printf '%s\n' "$out" | grep -q 'e+'; then
	ok "text: the default truth said once, the table labelled, N* in units"
else
	no "text: the default truth said once, the table labelled, N* in units" "exit $rc" "$out" "$err"
fi
run plan --law besiroglu2024 --budget 1e22 --target 1e24 --replicas 20
if [ "$rc" = 0 ] && ! printf '%s\n' "$out" | grep -q '^truth: '; then ok "--law given: no default said"; else no "--law given: no default said" "$out"; fi
run plan --runs tests/runs/besiroglu-sweeps.csv --budget 1e24 --target 1e25 --replicas 20
if [ "$rc" = 0 ] && printf '%s\n' "$out" | grep -qx 'with your runs and the proposed ones, the fits land:' &&
	printf '%s\n' "$out" | grep -qx "planned 1 of the design's 3 budgets (--budgets): the lowest 2 would be under" &&
	! printf '%s\n' "$out" | grep -q '^truth: '; then
	ok "--runs: the table labelled with both; the design's budgets, not 'asked for'"
else
	no "--runs: the table labelled; the design's budgets" "exit $rc" "$out" "$err"
fi
# a clear gain is not called noise: with 400 replicas the cheapest candidate's
# fall (24% -> 22% rms) is over 2 standard errors on fresh replicas too
run plan --budget 1e22 --target 1e24 --replicas 400
gain=$(printf '%s\n' "$out" | sed -n 's/^  N\* error \([0-9.]*\)% -> \([0-9.]*\)% rms.*/\1 \2/p')
if [ "$rc" = 0 ] && [ -n "$gain" ] && printf '%s\n' "$gain" | awk '{ exit !($1 - $2 > 0.05 * $1) }' &&
	printf '%s\n' "$out" | grep -q '^next run (@)' && ! printf '%s\n' "$out" | grep -q "no run is worth suggesting"; then
	ok "a clear gain ($gain) is not called noise"
else
	no "a clear gain is not called noise" "exit $rc, gain '$gain'" "$out" "$err"
fi

# --- rounding against the money (the least budget, 2x the runs, the sum) -----------
# the least budget a refusal names is accepted when given, with and without --runs
check=""
for args in "--budget 1e18" "--budget 4.229e21" "--budget 3.84e21 --budgets 2" \
	"--budget 4.2e21 --budgets 5 --sizes 7" "--budget 3e20 --sizes 3" \
	"--runs $tmp/known.csv --budget 4e20" "--runs $tmp/known.csv --budget 4e20 --sizes 3" \
	"--runs $tmp/known.csv --budget 1.1e21 --sizes 9"; do
	# shellcheck disable=SC2086 # the options are words
	run plan $args --target 1e26 --replicas 2 --format csv
	least=$(printf '%s\n' "$err" | sed -n 's/.*give --budget \([^ ]*\) or more$/\1/p')
	if [ "$rc" != 2 ] || [ -z "$least" ]; then
		check="$check; $args: exit $rc, $err"
		continue
	fi
	# shellcheck disable=SC2086
	run plan $(printf '%s\n' "$args" | sed "s/--budget [^ ]*/--budget $least/") --target 1e26 --replicas 2 --format csv
	[ "$rc" = 0 ] || check="$check; $args: the least named, $least, refused: $err"
	# and it is the least: the three-digit value one step below is refused
	below=$(printf '%s\n' "$least" | awk -F'e' '{ m = sprintf("%.0f", $1 * 100) - 1; e = $2
		if (m < 100) { m = 999; e-- } printf "%.2fe%d\n", m / 100, e }')
	# shellcheck disable=SC2086
	run plan $(printf '%s\n' "$args" | sed "s/--budget [^ ]*/--budget $below/") --target 1e26 --replicas 2 --format csv
	[ "$rc" = 2 ] || check="$check; $args: $below, below the least $least, not refused: exit $rc"
done
if [ -z "$check" ]; then
	ok "the least budget a refusal names is accepted when given, one step below it refused"
else
	no "the least budget a refusal names is accepted when given, one step below it refused" "$check"
fi
expect_error "the budget refused is the one given, not rounded to the least" \
	"isoflop: plan: --budget 4.229e21 FLOPs is too small for 3 budgets x 5 sizes: the smallest run would have N = 56.9M, below 57M (where the law was fitted); give --budget 4.23e21 or more" \
	plan --budget 4.229e21 --target 1e24

# every row, proposed and next: whole N and D printed in full (an 11-digit D in
# %.10g rounded up past the budget), 6ND within its budget C, and the proposed
# runs' 6ND summed within --budget, to the FLOP (1.00999999596e22 once rounded
# its top budget up to 2e21 and spent 1.01e22)
check=""
for b in 1e22 3.3e23 1.00999999596e22 7.77e24 5.1e21; do
	for k in 2 3; do
		run plan --budget "$b" --budgets "$k" --target 1e27 --replicas 4 --format csv
		[ "$rc" = 0 ] || { check="$check; --budget $b --budgets $k: exit $rc $err"; continue; }
		check="$check$(printf '%s\n' "$out" | awk -F, -v budget="$b" -v k="$k" '
			NR == 1 { next }
			$3 !~ /^[0-9]+$/ || $4 !~ /^[0-9]+$/ { print "; " budget ": row " NR ": N " $3 ", D " $4 " not whole" }
			6 * $3 * $4 > $2 + 0 { print "; " budget ": row " NR ": 6ND " 6 * $3 * $4 " > C " $2 }
			$1 == "proposed" { sum += 6 * $3 * $4 }
			END { if (sum > budget + 0) printf "; %s x%d: 6ND summed %.17g > --budget", budget, k, sum }')"
	done
done
if [ -z "$check" ]; then
	ok "csv: whole N and D, 6ND within each budget C and the sum within --budget"
else
	no "csv: whole N and D, 6ND within each budget C and the sum within --budget" "$check"
fi

# --- the noise of a few runs --------------------------------------------------------
printf 'params,tokens,loss\n1e8,1.6e9,3.40\n3e8,5.5e8,3.45\n5e7,3.3e9,3.50\n1e9,1.6e9,3.05\n3e9,5.5e8,3.20\n' >"$tmp/five.csv"
expect_error "five runs and no --noise: their fit interpolates them" \
	"isoflop: $tmp/five.csv: 5 runs leave no degree of freedom for their scatter about a fit of 5 constants: give --noise" \
	plan --runs "$tmp/five.csv" --budget 1e22 --target 1e24

# --- percentages bounded --------------------------------------------------------------
# a sweep two decades short of a target 1e31 misses N* by more than 10x: ">999%", and
# no cell wider than "-0.0012%"; noise 1e-9: zeros with no sign
run plan --budget 1e30 --target 1e31 --replicas 10
cells=$(printf '%s\n' "$out" | sed -n '/^relative error of/,/^N\*, Approach 2/p' | tr -s ' ' '\n' | grep '%$')
if [ "$rc" = 0 ] && printf '%s\n' "$cells" | grep -qx '>999%' &&
	[ -z "$(printf '%s\n' "$cells" | awk 'length > 8')" ]; then
	ok "text: a percentage past 999% is >999%, none wider than 8 characters"
else
	no "text: a percentage past 999% is >999%, none wider than 8 characters" "exit $rc" "$out"
fi
run plan --budget 1e22 --target 1e24 --noise 1e-9 --replicas 8
if [ "$rc" = 0 ] && ! printf '%s\n' "$out" | grep -Eq -- '-0(\.0*)?%'; then
	ok "text: no negative zero percentage"
else
	no "text: no negative zero percentage" "$out"
fi

# --- --runs: budgets dropped below them, a target inside them --------------------------
run plan --runs tests/runs/besiroglu-sweeps.csv --budget 1e24 --target 1e25 --budgets 8 --replicas 10
if [ "$rc" = 0 ] && printf '%s\n' "$out" | grep -qx 'planned 2 of the 8 budgets asked for: the lowest 6 would be under 2x your' &&
	printf '%s\n' "$out" | grep -qx 'largest run (1.9e22 FLOPs), where new budgets start'; then
	ok "--runs --budgets 8: the budgets dropped below 2x the runs are said"
else
	no "--runs --budgets 8: the budgets dropped below 2x the runs are said" "exit $rc" "$out" "$err"
fi
expect_error "--runs: a target inside the runs' range" \
	"isoflop: plan: --target 1e22 is inside your runs' range (up to 1.9e22 FLOPs): their fit already covers N* there (isoflop fit tests/runs/besiroglu-sweeps.csv); a sweep is for a --target above it" \
	plan --runs tests/runs/besiroglu-sweeps.csv --budget 1e24 --target 1e22
expect_error "--runs: a target under twice the runs (no smaller budget helps)" \
	"isoflop: plan: --target 3e22 is not above 2x your largest run (1.9e22 FLOPs), where new budgets start: give --target 3.8e22 or more" \
	plan --runs tests/runs/besiroglu-sweeps.csv --budget 1e24 --target 3e22
# the bar is 2 x 1.89735e22 = 3.7947e22: the bound named (3.8e22, not 3.79e22)
# given back passes the check (and meets the next, the sweep's own budget)
run plan --runs tests/runs/besiroglu-sweeps.csv --budget 1e24 --target 3.8e22
if [ "$rc" = 2 ] && ! printf '%s\n' "$err" | grep -q 'not above 2x your largest run'; then
	ok "--runs: the least --target named passes the check that named it"
else
	no "--runs: the least --target named passes the check that named it" "exit $rc" "$err"
fi
# the target is checked before the budget: no budget mends it
expect_error "--runs: a wrong target is said before a small budget" \
	"isoflop: plan: --target 3e22 is not above 2x your largest run (1.9e22 FLOPs), where new budgets start: give --target 3.8e22 or more" \
	plan --runs tests/runs/besiroglu-sweeps.csv --budget 1e20 --target 3e22

# --- a budget below the laws' compute, and none at all ---------------------------------
# 1e12 FLOPs over 3 budgets x 5 runs two decades apart puts the smallest under
# LAW_COMPUTE_MIN (1e10): said so, not "N = 0"
expect_error "a budget whose smallest budget is below the law's least compute" \
	"isoflop: plan: --budget 1e12 FLOPs is too small for 3 budgets x 5 sizes: the smallest budget would be 1.8e9 FLOPs, below 1e10, the least compute isoflop takes a law at; give --budget 4.23e21 or more" \
	plan --budget 1e12 --target 1e24
# a law fitted from 1e15 parameters: its runs need budgets past 1e35 FLOPs; no
# budget does, and the refusal says that, never "inf"
mkdir -p "$tmp/big/laws"
sed -e 's/^id: besiroglu2024/id: bigfloor/' -e 's/params: \[57M, 16.2B\]/params: [1e15, 1e16]/' \
	presets/laws/besiroglu2024.yaml >"$tmp/big/laws/bigfloor.yaml"
expect_error "no budget gives the sweep: said, not inf" \
	"isoflop: plan: no --budget gives 3 budgets x 5 sizes with every run at N >= 1e15 and every budget within 1e10 to 1e35 FLOPs, the compute isoflop takes: give fewer --budgets or --sizes" \
	plan --preset-dir "$tmp/big" --law bigfloor --budget 1e30 --target 1e35

# --- the noise test counts the replicas that paired --------------------------------------
run plan --runs tests/runs/besiroglu-sweeps.csv --budget 1e24 --target 1e25 --replicas 16
if [ "$rc" = 0 ] && printf '%s\n' "$out" | grep -q "^  paired over 16 fresh replicas, under 2 standard errors); more replicas$"; then
	ok "the noise test counts the replicas whose fits paired: 16"
else
	no "the noise test counts the replicas whose fits paired: 16" "exit $rc" "$out" "$err"
fi
echo "1..$n"
