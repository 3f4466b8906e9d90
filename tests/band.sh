#!/bin/sh
# band.sh: the explorer's uncertainty from --runs FILE --bootstrap N, against
# the ground truth of tests/runs/besiroglu-sweeps.csv (Besiroglu et al. 2024's
# law, arXiv:2404.10102, E 1.8172, A 482.01, B 2085.43, alpha 0.3478, beta
# 0.3658, its header says): the readout's 10-90% interval of N* at 1e22 holds
# the truth's N*, fewer runs widen it, the map keys its band and draws it
# where it is wider than the frontier, the profiles bracket the optimum,
# and --bootstrap without runs is one line.
. "$(dirname "$0")/lib.sh"

sweeps=tests/runs/besiroglu-sweeps.csv

expect_error "--bootstrap without --runs: one line" \
	"isoflop: --bootstrap resamples your runs: give them with --runs FILE" --bootstrap 50 --dump
expect_error "--seed without --bootstrap: one line" \
	"isoflop: --seed seeds the bootstrap: give --runs FILE --bootstrap N too" \
	--runs "$sweeps" --seed 3 --dump

# count TEXT: 9.02B -> 9020000000 (the readout's K, M, B, T)
count() {
	echo "$1" | awk '{ v = $0; m = 1
		if (v ~ /K$/) m = 1e3; else if (v ~ /M$/) m = 1e6
		else if (v ~ /B$/) m = 1e9; else if (v ~ /T$/) m = 1e12
		sub(/[KMBT]$/, "", v); printf "%.6g\n", v * m }'
}

# interval FILE: "LO HI" of N* in a dump's readout, "N* = 73.1B (67.6-78.7B)";
# a low end without a unit takes the high end's
interval() {
	sed -n 's/.*N\* = [^ ]* (\([^-]*\)-\([^)]*\)).*/\1 \2/p' "$1" | head -n 1 |
		awk '{ lo = $1; hi = $2; if (lo !~ /[KMBT]$/) lo = lo substr(hi, length(hi)); print lo, hi }'
}

# The truth's N* at 1e22, from the law's own constants (Chinchilla's Eq. 4):
# G = (alpha A / (beta B))^(1/(alpha+beta)), N* = G (C/6)^(beta/(alpha+beta))
truth=$(awk 'BEGIN { E = 1.8172; A = 482.01; B = 2085.43; al = 0.3478; be = 0.3658
	G = exp(log(al * A / (be * B)) / (al + be)); printf "%.6g\n", G * exp(be / (al + be) * log(1e22 / 6)) }')

"$ISOFLOP" --runs "$sweeps" --bootstrap 200 --compute 1e22 --dump >"$tmp/all" 2>"$tmp/err"
rc=$?
set -- $(interval "$tmp/all")
lo=$(count "${1:-0}") hi=$(count "${2:-0}")
if [ "$rc" = 0 ] && awk -v l="$lo" -v h="$hi" -v t="$truth" 'BEGIN { exit !(l <= t && t <= h) }'; then
	ok "the 10-90% interval of N* at 1e22 ($lo to $hi) holds the truth's $truth"
else
	no "the 10-90% interval of N* at 1e22 holds the truth's $truth" "exit $rc" \
		"$(cat "$tmp/err")" "$(grep 'N\*' "$tmp/all")"
fi

# every third run (32 of 96): less known, a wider interval
grep -v '^#' "$sweeps" | awk 'NR == 1 || NR % 3 == 2' >"$tmp/fewer.csv"
"$ISOFLOP" --runs "$tmp/fewer.csv" --bootstrap 200 --compute 1e22 --dump >"$tmp/fewer" 2>&1
set -- $(interval "$tmp/fewer")
flo=$(count "${1:-0}") fhi=$(count "${2:-0}")
if awk -v l="$lo" -v h="$hi" -v fl="$flo" -v fh="$fhi" 'BEGIN { exit !(fl > 0 && l > 0 && fh / fl > h / l) }'; then
	ok "fewer runs widen the interval ($flo-$fhi against $lo-$hi)"
else
	no "fewer runs widen the interval" "$(grep 'N\*' "$tmp/fewer")" "$(grep 'N\*' "$tmp/all")"
fi

# the readout's line says what the interval is, and every line keeps to 80 columns
if grep -q '^at this C, 10-90%: N\* = [^ ]* ([^)]*)  D\* = [^ ]* ([^)]*)' "$tmp/all" &&
	grep -q 'L\* = [0-9.]* ([0-9.]*-[0-9.]*)' "$tmp/all"; then
	ok "the readout gives N*, D* and L* with 10-90% intervals"
else
	no "the readout gives N*, D* and L* with 10-90% intervals" "$(cat "$tmp/all")"
fi
wide=$(awk 'length > 80' "$tmp/all")
if [ -z "$wide" ] && [ "$(wc -l <"$tmp/all")" = 24 ]; then
	ok "the frame keeps to 80x24"
else
	no "the frame keeps to 80x24" "$wide"
fi

# at 80x24 the band is narrower than the frontier's '*': no '^' shows, so
# its entry gives way to the runs' 'x' and the fit's edge, which do
if grep -q '^\* optimal  x runs (96)  ` beyond' "$tmp/all" && ! head -n 15 "$tmp/all" | grep -q '\^' &&
	grep -Eq '[o@*]\[|\][o@*]' "$tmp/all"; then
	ok "80x24: the legend keys what shows (the runs, the fit's edge), the profiles bracket the optimum"
else
	no "80x24: the legend keys what shows, the profiles bracket the optimum" "$(cat "$tmp/all")"
fi

# 1e26 is far past the runs (1.9e22 at most): there the band leaves the frontier
"$ISOFLOP" --runs "$sweeps" --bootstrap 200 --compute 1e26 --dump --width 100 --height 40 >"$tmp/big" 2>&1
if grep -q '\^ N\* 10-90%  ' "$tmp/big" && head -n 30 "$tmp/big" | grep -q '\^\*\*\*\^'; then
	ok "past the runs the band shows either side of the frontier"
else
	no "past the runs the band shows either side of the frontier" "$(cat "$tmp/big")"
fi

# the same seed draws the same frame; the band belongs to the runs' law alone
"$ISOFLOP" --runs "$sweeps" --bootstrap 200 --compute 1e22 --seed 1 --dump >"$tmp/seeded" 2>&1
if cmp -s "$tmp/all" "$tmp/seeded"; then
	ok "--seed 1 is the default seed: the same frame"
else
	no "--seed 1 is the default seed: the same frame" "$(diff "$tmp/all" "$tmp/seeded")"
fi
run --runs "$sweeps" --bootstrap 50 --law besiroglu2024 --dump
if [ "$rc" = 0 ] && ! printf '%s\n' "$out" | grep -q '10-90%'; then
	ok "another law shown: no band, no intervals"
else
	no "another law shown: no band, no intervals" "$out" "$err"
fi

# narrow intervals past the runs must not hide that they are extrapolated,
# nor that they are the runs' scatter alone (not the error of the law's
# form): at 80x24 the intervals take a row, dL and the efficiency give it
# up, and the note's fitted value gives way to the caution
run --runs "$sweeps" --bootstrap 100 --compute 1e25 --dump
if [ "$rc" = 0 ] && printf '%s\n' "$out" | grep -q 'N\* = 312B (' &&
	printf '%s\n' "$out" | grep -qx 'extrapolating x527 beyond the largest fitted compute; 10-90%: fit scatter only'; then
	ok "80x24 past the runs: the intervals, the extrapolation note and its caution all show"
else
	no "80x24 past the runs: the intervals, the extrapolation note and its caution all show" "$out" "$err"
fi
run --runs "$sweeps" --bootstrap 100 --compute 1e25 --dump --width 120 --height 30
if [ "$rc" = 0 ] && printf '%s\n' "$out" | grep -q 'extrapolating x527 beyond the largest fitted compute (1.9e22); 10-90%: fit scatter only'; then
	ok "wider, the note keeps its fitted value beside the caution"
else
	no "wider, the note keeps its fitted value beside the caution" "$out" "$err"
fi
# at 80x24 the note outlasts L*'s interval, dL and the efficiency, from
# just past the runs (3e23, where D*'s interval is wider) to 1e25, and names
# the farthest axis: compute, C / the sweep's largest budget (from the file)
cmax=$(grep -v '^#' "$sweeps" | awk -F, 'NR > 1 && $2 > m { m = $2 } END { printf "%.17g", m }')
for c in 3e23 1e24 2e24 1e25; do
	f=$(awk -v c="$c" -v m="$cmax" 'BEGIN { printf "%.3g", c / m }')
	run --runs "$sweeps" --bootstrap 50 --compute "$c" --dump
	if [ "$rc" = 0 ] && printf '%s\n' "$out" | tail -4 | grep -q "^extrapolating x$f beyond the largest fitted compute"; then
		ok "80x24 at C = $c: the note says x$f past the fitted compute"
	else
		no "80x24 at C = $c: the note says x$f past the fitted compute" "$out" "$err"
	fi
done
run --runs "$sweeps" --bootstrap 50 --compute 1e24 --downstream gadre2024 --dump
if [ "$rc" = 0 ] && printf '%s\n' "$out" | grep -q '^top-1 error .*, extrapolated)' &&
	printf '%s\n' "$out" | grep -q '^extrapolating x[0-9.]* beyond the largest fitted compute'; then
	ok "80x24 at 1e24 with --downstream: both extrapolation notes show"
else
	no "80x24 at 1e24 with --downstream: both extrapolation notes show" "$out" "$err"
fi
for args in "--bootstrap 100 --compute 1e22" "--compute 1e25"; do
	# shellcheck disable=SC2086 # the arguments are plain words
	run --runs "$sweeps" $args --dump --width 120 --height 30
	if [ "$rc" = 0 ] && ! printf '%s\n' "$out" | grep -q 'fit scatter'; then
		ok "no caution without intervals past the fit ($args)"
	else
		no "no caution without intervals past the fit ($args)" "$out" "$err"
	fi
done
echo "1..$n"
