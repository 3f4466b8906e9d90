#!/bin/sh
# compare.sh: `isoflop compare`, the compute multiplier of two laws, against
# hand computations from the presets' constants: A's compute-optimal loss
# L*(C) from Hoffmann et al. 2022 Eq. 4, and the compute B's optimum needs
# for it by bisection on ln C (not the closed-form inverse isoflop uses);
# k's bootstrap interval against the known truth of a synthetic sweep; the
# refusals, one line and exit 2; and `loss`'s L*(C) and dL columns.
. "$(dirname "$0")/lib.sh"

# near GOT WANT TOL: |GOT/WANT - 1| <= TOL
near() { awk -v g="$1" -v w="$2" -v t="$3" 'BEGIN { r = g / w - 1; exit !(r <= t && -r <= t) }'; }

# The presets' cited constants: E A B alpha beta.
H="1.69 406.4 410.7 0.34 0.28"               # hoffmann2022: Eq. 10 as printed
BE="1.8172 482.01 2085.43 0.3478 0.3658"     # besiroglu2024: the refit's estimates

# multiplier "A" "B" C: L*_A(C), then the C_B where L*_B(C_B) = L*_A(C), and C_B / C
multiplier() {
	awk -v a="$1" -v b="$2" -v c="$3" '
	function lstar(p, c,   g, n, d) {  # Eq. 4: N = G (C/6)^a, D = (C/6)^b / G
		g = (p[4] * p[2] / (p[5] * p[3])) ^ (1 / (p[4] + p[5]))
		n = g * (c / 6) ^ (p[5] / (p[4] + p[5]))
		d = (c / 6) ^ (p[4] / (p[4] + p[5])) / g
		return p[1] + p[2] / n ^ p[4] + p[3] / d ^ p[5]
	}
	BEGIN {
		split(a, pa, " "); split(b, pb, " ")
		l = lstar(pa, c); lo = log(1e10); hi = log(1e35)
		for (i = 0; i < 200; i++) {
			m = (lo + hi) / 2
			if (lstar(pb, exp(m)) > l) lo = m; else hi = m
		}
		printf "%.10g %.10g %.10g\n", l, exp(m), exp(m) / c
	}'
}

# field CSV-LINE K: the Kth comma-separated field
field() { printf '%s\n' "$1" | cut -d, -f"$2"; }

run compare --law hoffmann2022 --compare besiroglu2024 --compute 5.76e23,1e24 --format csv
if [ "$(printf '%s\n' "$out" | sed -n 1p)" = "law,compare,compute,loss,compare_compute,multiplier,extrapolated" ]; then
	ok "the CSV header names its columns"
else
	no "the CSV header names its columns" "$(printf '%s\n' "$out" | sed -n 1p)"
fi
for row in 2:5.76e23 3:1e24; do
	line=$(printf '%s\n' "$out" | sed -n "${row%%:*}p")
	set -- $(multiplier "$H" "$BE" "${row#*:}")
	if near "$(field "$line" 4)" "$1" 1e-9 && near "$(field "$line" 5)" "$2" 1e-6 &&
		near "$(field "$line" 6)" "$3" 1e-6; then
		ok "Eq. 10 against the refit at ${row#*:}: L* $1, k $3 (Eq. 4, bisection)"
	else
		no "Eq. 10 against the refit at ${row#*:}" "$line" "want L* $1, C_B $2, k $3"
	fi
done

# the other way round, at Gopher's budget: below 1, the refit's loss is the higher
run compare --law besiroglu2024 --compare hoffmann2022 --compute 5.76e23 --format csv
set -- $(multiplier "$BE" "$H" 5.76e23)
if near "$(field "$(printf '%s\n' "$out" | sed -n 2p)" 6)" "$3" 1e-6; then
	ok "the refit against Eq. 10 at 5.76e23: k $3"
else
	no "the refit against Eq. 10 at 5.76e23" "$out" "want k $3"
fi

expect_error "a law against itself: one line" \
	"isoflop: compare: --law and --compare name the same law 'kaplan2020': nothing to compare" \
	compare --law kaplan2020 --compare kaplan2020 --compute 1e20:1e26 --format csv
expect_error "the runs against themselves (--law defaults to runs): one line" \
	"isoflop: compare: --law and --compare name the same law 'runs': nothing to compare" \
	compare --runs tests/runs/besiroglu-sweeps.csv --compare runs

# Extrapolation: A's optimum at C and B's at C_B against each preset's
# fitted_range (hoffmann2022: N to 16B, D to 500B; besiroglu2024: N to
# 16.2B, D to 318B), each side's N and D by Eq. 4 as multiplier() has them.
# farthest "CONSTANTS" C NHI DHI: N/NHI and D/DHI of the optimum at C
farthest() {
	awk -v p="$1" -v c="$2" -v nh="$3" -v dh="$4" 'BEGIN {
		split(p, q, " "); g = (q[4] * q[2] / (q[5] * q[3])) ^ (1 / (q[4] + q[5]))
		n = g * (c / 6) ^ (q[5] / (q[4] + q[5])); d = (c / 6) ^ (q[4] / (q[4] + q[5])) / g
		printf "%.6g %.6g\n", n / nh, d / dh }'
}
# note_factor NOTE LAW AXIS: the factor the note gives LAW on AXIS (N or D)
note_factor() {
	printf '%s\n' "$1" | sed -n "s/^Extrapolated by $2\( at [^:]*\)\{0,1\}: //p" | tr ',' '\n' |
		sed -n "s/^ *$3 x\([0-9.]*\) past.*/\1/p"
}
run compare --law hoffmann2022 --compare besiroglu2024 --compute 1e25
set -- $(multiplier "$H" "$BE" 1e25)
cb=$2
set -- $(farthest "$H" 1e25 16e9 500e9) $(farthest "$BE" "$cb" 16.2e9 318e9)
if printf '%s\n' "$out" | grep -q "(derived; extrapolated)\.$" &&
	near "$(note_factor "$out" hoffmann2022 N)" "$1" 5e-3 &&
	near "$(note_factor "$out" hoffmann2022 D)" "$2" 5e-3 &&
	near "$(note_factor "$out" besiroglu2024 N)" "$3" 5e-3 &&
	near "$(note_factor "$out" besiroglu2024 D)" "$4" 5e-3; then
	ok "1e25: both optima past their fits, said with their factors (A: N x$1 D x$2; B: N x$3 D x$4)"
else
	no "1e25: both optima past their fits, said with their factors" "$out" "want A: N x$1 D x$2; B: N x$3 D x$4"
fi
# note_at NOTE LAW: the "C = X" or "B's C = X" the note names LAW's row at, as "LABEL|X"
note_at() {
	printf '%s\n' "$1" | sed -n "s/^Extrapolated by $2 at \(.*\) = \([0-9.e]*\): .*/\1|\2/p"
}
# D is the farther axis for A, N for B: the note still says at which budget,
# A's the table's C, B's the compute its optimum needs (bisection above)
run compare --law hoffmann2022 --compare besiroglu2024 --compute 1e21:1e25
a_at=$(note_at "$out" hoffmann2022) b_at=$(note_at "$out" besiroglu2024)
if [ "$a_at" = "C|1e25" ] && [ "${b_at%%|*}" = "B's C" ] && near "${b_at#*|}" "$cb" 5e-3; then
	ok "the note names each law's budget: A at C = 1e25, B at B's C = ${b_at#*|} (bisection $cb)"
else
	no "the note names each law's budget" "$out" "want A at C|1e25, B at B's C|$cb"
fi
run compare --law hoffmann2022 --compare besiroglu2024 --compute 1e21,1e25 --format csv
if [ "$(printf '%s\n' "$out" | sed -n 2p | cut -d, -f7)" = false ] &&
	[ "$(printf '%s\n' "$out" | sed -n 3p | cut -d, -f7)" = true ]; then
	ok "CSV: extrapolated false inside both fits (1e21), true past them (1e25)"
else
	no "CSV: extrapolated false inside both fits (1e21), true past them (1e25)" "$out"
fi
run compare --law hoffmann2022 --compare besiroglu2024 --compute 1e21
if ! printf '%s\n' "$out" | grep -q -i extrapolated && printf '%s\n' "$out" | grep -q "(derived)\.$"; then
	ok "inside both fits: no extrapolation said"
else
	no "inside both fits: no extrapolation said" "$out"
fi
run compare --runs tests/runs/besiroglu-sweeps.csv --compare hoffmann2022 --compute 1e21:1e25 --format json
if printf '%s\n' "$out" | grep -q '"extrapolated": *false' && printf '%s\n' "$out" | grep -q '"extrapolated": *true'; then
	ok "JSON: the runs' fit is extrapolated past the sweep's budgets, not inside"
else
	no "JSON: the runs' fit is extrapolated past the sweep's budgets, not inside" "$out"
fi
run compare --runs tests/runs/besiroglu-sweeps.csv --compare hoffmann2022 --compute 1e21:1e25
# the farthest row is 1e25's, named by its largest factor first (C x527 past
# the sweep's 1.9e22, before N x2.48 past its 126B), not N's alone: that read
# as less extrapolation than 1e24's C x52.7
if printf '%s\n' "$out" | grep -q "^Extrapolated by runs at C = 1e25: C x527 past its fitted 1.9e22, N x2.48 past 126B"; then
	ok "text: the note names the runs' fit past its range, at its farthest row 1e25"
else
	no "text: the note names the runs' fit past its range, at its farthest row 1e25" "$out"
fi

# the largest fitted budget is 1.89737e22, shown as 1.9e22: at it and at what
# the screen shows nothing is extrapolated (it said "C x1 past"); at 1.5x it is
for c in 1.89737e22 1.9e22; do
	run compare --runs tests/runs/besiroglu-sweeps.csv --compare hoffmann2022 --compute "$c"
	if [ "$rc" = 0 ] && ! printf '%s\n' "$out" | grep -qi 'extrapolat'; then
		ok "C = $c, the fitted budget as shown: not extrapolated"
	else
		no "C = $c, the fitted budget as shown: not extrapolated" "$out" "$err"
	fi
done
run compare --runs tests/runs/besiroglu-sweeps.csv --compare hoffmann2022 --compute 2.846e22
if printf '%s\n' "$out" | grep -q "^Extrapolated by runs at C = 2.85e22: C x1.5 past its fitted 1.9e22"; then
	ok "C = 1.5x the fitted budget: C x1.5 past it"
else
	no "C = 1.5x the fitted budget: C x1.5 past it" "$out" "$err"
fi

# --bootstrap 1: no interval anywhere, one line for every command
b1="isoflop: --bootstrap: 1 resample gives no interval: give 2 or more (200 is usual)"
expect_error "fit --bootstrap 1: one line" "$b1" fit tests/runs/besiroglu-sweeps.csv --bootstrap 1
expect_error "compare --bootstrap 1: one line" "$b1" \
	compare --runs tests/runs/besiroglu-sweeps.csv --compare hoffmann2022 --bootstrap 1
expect_error "explorer --bootstrap 1: one line" "$b1" \
	--runs tests/runs/besiroglu-sweeps.csv --bootstrap 1 --dump

run compare --law hoffmann2022 --compare besiroglu2024 --compute 5.76e23
if printf '%s\n' "$out" | grep -q "^besiroglu2024 reaches it with 6.21x the compute, 3.58e24 FLOPs (derived; extrapolated)\.$"; then
	ok "text says B reaches A's loss with k x the compute, derived"
else
	no "text says B reaches A's loss with k x the compute, derived" "$out"
fi

run compare --law hoffmann2022 --compare kaplan2020 --compute 1e24
if printf '%s\n' "$out" | grep -q "different data (MassiveText; WebText2)" &&
	printf '%s\n' "$out" | grep -q "Optimum derived by isoflop from Eq. 1.5"; then
	ok "laws on different data and Kaplan's derived optimum are said"
else
	no "laws on different data and Kaplan's derived optimum are said" "$out"
fi

# a range past B's floor: those rows are empty, the others stay
run compare --law kaplan2020 --compare hoffmann2022 --compute 1e22:1e25 --format csv
if [ "$(printf '%s\n' "$out" | sed -n 4p | cut -d, -f5-6)" = "," ] &&
	[ -n "$(printf '%s\n' "$out" | sed -n 2p | cut -d, -f6)" ]; then
	ok "budgets B cannot reach leave k empty; the others keep it"
else
	no "budgets B cannot reach leave k empty; the others keep it" "$out"
fi

# --runs: the synthetic sweep's truth is besiroglu2024 (its header), so k's
# 10-90% interval against it holds 1 inside the sweep's budgets
sweep=tests/runs/besiroglu-sweeps.csv
run compare --runs "$sweep" --compare besiroglu2024 --compute 1e21,1e22 --bootstrap 60 --seed 3 --format csv
first=$out
if [ "$(printf '%s\n' "$out" | sed -n 1p)" = "law,compare,compute,loss,compare_compute,multiplier,multiplier_p10,multiplier_p90,extrapolated" ] &&
	printf '%s\n' "$out" | sed 1d | awk -F, '$1 != "runs" || !($7 <= 1 && 1 <= $8 && $7 <= $6 && $6 <= $8) { bad = 1 } END { exit bad }'; then
	ok "bootstrap: k's 10-90% interval holds the truth's 1 and the best fit's k"
else
	no "bootstrap: k's 10-90% interval holds the truth's 1 and the best fit's k" "$out"
fi
run compare --runs "$sweep" --compare besiroglu2024 --compute 1e21,1e22 --bootstrap 60 --seed 3 --format csv
if [ "$out" = "$first" ]; then
	ok "bootstrap: the same seed gives the same interval"
else
	no "bootstrap: the same seed gives the same interval" "$first" "$out"
fi

# the explorer past the sweep (1e25, N* 312B > its 126B) at 80x24: the
# compare line keeps k's interval and the extrapolated mark both, and the
# interval holds the truth's 1 (the runs are besiroglu2024's)
run --runs "$sweep" --bootstrap 200 --compare besiroglu2024 --compute 1e25 --dump
line=$(printf '%s\n' "$out" | grep '^besiroglu2024 needs ')
set -- $(printf '%s\n' "$line" | sed -n 's/.* (\([0-9.e]*\)-\([0-9.e]*\)x) .*/\1 \2/p')
if [ "$rc" = 0 ] && [ "${#line}" -le 80 ] && [ "$(printf '%s\n' "$out" | wc -l)" = 24 ] &&
	printf '%s\n' "$line" | grep -q '(derived, extrapolated)$' &&
	awk -v l="${1:-2}" -v h="${2:-0}" 'BEGIN { exit !(l <= 1 && 1 <= h) }'; then
	ok "80x24 past the runs: k's interval ($1-$2, holds 1) and 'extrapolated' on one line"
else
	no "80x24 past the runs: k's interval and 'extrapolated' on one line" "$out" "$err"
fi

expect_error "a frontier law: one line" \
	"isoflop: compare: 'llama3-2024' is a frontier law: it gives allocations only, no loss to compare (laws with a loss: isoflop presets laws)" \
	compare --compare llama3-2024
expect_error "a power law without L(C): one line" \
	"isoflop: compare: 'henighan2020-t2i-text' fits no L(C), so no compute-optimal loss to compare (its paper fits L(N) only)" \
	compare --compare henighan2020-t2i-text
expect_error "a loss below B's floor: one line" \
	"isoflop: compare: at 1e30 FLOPs 'kaplan2020' reaches L = 0.8630, at or below the floor 1.6900 of 'hoffmann2022': no budget of it reaches that loss" \
	compare --law kaplan2020 --compare hoffmann2022 --compute 1e30
expect_error "no budget of a list reachable: one line" \
	"isoflop: compare: at none of the budgets does 'hoffmann2022' reach the loss 'kaplan2020' reaches (its floor is 1.6900)" \
	compare --law kaplan2020 --compare hoffmann2022 --compute 1e25,1e26
expect_error "a bad --compute: one line" \
	"isoflop: --compute: out of range (FLOPs from 1e10 to 1e35): '1e40'" \
	compare --compare hoffmann2022 --compute 1e40
expect_error "no --compare: one line" \
	"isoflop: compare needs --compare B: the law whose compute is counted (isoflop presets laws lists them)" \
	compare --law hoffmann2022
expect_error "--bootstrap without --runs: one line" \
	"isoflop: compare --bootstrap N and --seed S refit --runs FILE: give --runs" \
	compare --compare hoffmann2022 --bootstrap 10
expect_error "law 'runs' without --runs: one line" \
	"isoflop: compare: law 'runs' is the fit of --runs FILE: give --runs" \
	compare --law runs --compare hoffmann2022

# loss: L*(C) at the point's own C = 6ND, and dL = L - L*(C), per law
lstar_h=$(awk 'BEGIN { E = 1.69; A = 406.4; B = 410.7; al = 0.34; be = 0.28; c = 6 * 70e9 * 1.4e12
	g = (al * A / (be * B)) ^ (1 / (al + be)); n = g * (c / 6) ^ (be / (al + be)); d = (c / 6) ^ (al / (al + be)) / g
	printf "%.10g\n", E + A / n ^ al + B / d ^ be }')
l_h=$(awk 'BEGIN { printf "%.10g\n", 1.69 + 406.4 / 70e9 ^ 0.34 + 410.7 / 1.4e12 ^ 0.28 }')
run loss --law all --params 70B --tokens 1.4T --format csv
line=$(printf '%s\n' "$out" | grep '^hoffmann2022,')
if [ "$(printf '%s\n' "$out" | sed -n 1p)" = "law,params,tokens,compute,loss,optimal_loss,loss_gap,efficiency,optimal_compute" ] &&
	near "$(field "$line" 6)" "$lstar_h" 1e-9 &&
	near "$(field "$line" 7)" "$(awk -v l="$l_h" -v s="$lstar_h" 'BEGIN { printf "%.10g\n", l - s }')" 1e-6; then
	ok "loss --law all: L*(C) $lstar_h and dL at Chinchilla's point in CSV"
else
	no "loss --law all: L*(C) and dL at Chinchilla's point in CSV" "$out" "want L* $lstar_h, L $l_h"
fi
run loss --law hoffmann2022 --params 70B --tokens 1.4T --format csv
if [ "$(printf '%s\n' "$out" | sed -n 1p)" = "law,params,tokens,compute,loss" ]; then
	ok "loss of one law keeps its fixed CSV header"
else
	no "loss of one law keeps its fixed CSV header" "$out"
fi
run loss --law hoffmann2022 --params 70B --tokens 1.4T
if printf '%s\n' "$out" | sed -n 1p | grep -q "L\*(C) *dL *efficiency"; then
	ok "loss text shows L*(C), dL and the efficiency"
else
	no "loss text shows L*(C), dL and the efficiency" "$out"
fi

# the law fitted to --runs is 'runs' in the table, "your runs' fit" in prose
run compare --runs tests/runs/besiroglu-sweeps.csv --compare hoffmann2022 --compute 1e20
if [ "$rc" = 0 ] && printf '%s\n' "$out" | grep -qF "At 1e20 FLOPs the compute-optimal run of your runs' fit reaches" &&
	! printf '%s\n' "$out" | grep -qF "run of runs"; then
	ok "compare's prose names the runs' law as your runs' fit (A)"
else
	no "compare's prose names the runs' law as your runs' fit (A)" "$out" "$err"
fi
run compare --runs tests/runs/besiroglu-sweeps.csv --law hoffmann2022 --compare runs --compute 1e20,1e21
if [ "$rc" = 0 ] && printf '%s\n' "$out" | grep -qF "k: your runs' fit needs k x C"; then
	ok "compare's prose names the runs' law as your runs' fit (B)"
else
	no "compare's prose names the runs' law as your runs' fit (B)" "$out" "$err"
fi

# loss --runs FILE: the runs' fit is law 'runs', loss's default then and one
# more row of --law all. The sweeps are Besiroglu et al. 2024's law with 0.5%
# noise: at (1B, 20B) the fit lies within 0.5% of the law itself
runs=tests/runs/besiroglu-sweeps.csv
truth=$(awk 'BEGIN { printf "%.10g\n", 1.8172 + 482.01 / 1e9 ^ 0.3478 + 2085.43 / 2e10 ^ 0.3658 }')
run loss --runs "$runs" --params 1B --tokens 20B --format csv
line=$(printf '%s\n' "$out" | sed -n 2p)
if [ "$rc" = 0 ] && [ "$(field "$line" 1)" = runs ] && near "$(field "$line" 5)" "$truth" 5e-3; then
	ok "loss --runs: the runs' fit by default, within 0.5% of Besiroglu's $truth"
else
	no "loss --runs: the runs' fit by default" "exit $rc" "$out" "$err" "want about $truth"
fi
want=$(field "$line" 5)
run loss --runs "$runs" --law all --params 1B --tokens 20B --format csv
if [ "$rc" = 0 ] && [ "$(printf '%s\n' "$out" | grep -c '^hoffmann2022,')" = 1 ] &&
	[ "$(field "$(printf '%s\n' "$out" | grep '^runs,')" 5)" = "$want" ]; then
	ok "loss --runs --law all: the presets and one row of the runs' fit"
else
	no "loss --runs --law all: the presets and one row of the runs' fit" "exit $rc" "$out" "$err"
fi
expect_error "loss --law runs without --runs says to give it" \
	"isoflop: loss: law 'runs' is the fit of --runs FILE: give --runs" \
	loss --law runs --params 1B --tokens 20B

run completion bash
if printf '%s\n' "$out" | grep -q "(compare:\*) _isoflop_words='--law --compute --format --compare"; then
	ok "completion knows compare and its options"
else
	no "completion knows compare and its options" "$(printf '%s\n' "$out" | grep compare)"
fi
echo "1..$n"
