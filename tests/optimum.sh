#!/bin/sh
# optimum.sh: optimum's plain questions against the paper's own numbers:
# the size a budget makes compute-optimal (--params, --tokens), and a list
# or range of budgets printed as a table in the shape of Chinchilla's Table 3.
. "$(dirname "$0")/lib.sh"

# Hoffmann et al. 2022, Training Compute-Optimal Large Language Models,
# arXiv:2203.15556, Table 3 (Approach 1): parameters, FLOPs, tokens.
# hoffmann2022-approach1 is the log-log least-squares line through these
# nine rows, so each comes back within 3% of the printed N, C and D; the
# 67B row within 7%: it is the Gopher budget rounded apart from the rest
# (6 x 67B x 1.5T is 1.047 x 5.76e23; tests/unit/test_law.c says more).
table3='400M 1.92e19 8.0e9
1B 1.21e20 20.2e9
10B 1.23e22 205.1e9
67B 5.76e23 1.5e12
175B 3.85e24 3.7e12
280B 9.90e24 5.9e12
520B 3.43e25 11.0e12
1T 1.27e26 21.2e12
10T 1.30e28 216.2e12'

# near GOT WANT TOL: |GOT/WANT - 1| <= TOL
near() { awk -v g="$1" -v w="$2" -v t="$3" 'BEGIN { r = g / w - 1; exit !(r <= t && -r <= t) }'; }

# check_row NAME CSV-LINE N C D TOL: the row's compute, params and tokens
check_row() {
	set -- "$1" "$(printf '%s\n' "$2" | cut -d, -f2)" "$(printf '%s\n' "$2" | cut -d, -f3)" \
		"$(printf '%s\n' "$2" | cut -d, -f4)" "$3" "$4" "$5" "$6"
	name=$1 c=$2 p=$3 d=$4 wn=$5 wc=$6 wd=$7 tol=$8
	wn=$(printf '%s\n' "$wn" | sed 's/M$/e6/; s/B$/e9/; s/T$/e12/')
	if near "$c" "$wc" "$tol" && near "$p" "$wn" "$tol" && near "$d" "$wd" "$tol"; then
		ok "$name"
	else
		no "$name" "got C $c N $p D $d" "want C $wc N $wn D $wd (within $tol)"
	fi
}

law=hoffmann2022-approach1
# (pn, not n: n counts the tests)
echo "$table3" | while read -r pn c d; do
	tol=0.03
	[ "$pn" = 67B ] && tol=0.07
	run optimum --law $law --params "$pn" --format csv
	check_row "Table 3: --params $pn gives $c FLOPs and $d tokens" "$(printf '%s\n' "$out" | sed -n 2p)" "$pn" "$c" "$d" "$tol"
	run optimum --law $law --tokens "$d" --format csv
	check_row "Table 3: --tokens $d gives $c FLOPs and $pn params" "$(printf '%s\n' "$out" | sed -n 2p)" "$pn" "$c" "$d" "$tol"
done
# the while loop ran in a subshell: count its tests here
n=$((n + 18))

# every budget of the table in one call, a row each in the table's order
run optimum --law $law --compute "$(echo "$table3" | cut -d' ' -f2 | paste -sd, -)" --format csv
i=1
echo "$table3" | while read -r pn c d; do
	i=$((i + 1))
	tol=0.03
	[ "$pn" = 67B ] && tol=0.07
	check_row "Table 3 as a list: row $pn" "$(printf '%s\n' "$out" | sed -n ${i}p)" "$pn" "$c" "$d" "$tol"
done
n=$((n + 9))
rows=$(printf '%s\n' "$out" | wc -l)
if [ "$rc" = 0 ] && [ "$rows" = 10 ]; then ok "Table 3 as a list: a header and nine rows"; else no "Table 3 as a list" "exit $rc, $rows lines" "$err"; fi

# the range syntax over the same budgets: 1B to 10B and 1T to 10T are each
# one step apart (the table's own ratios, 101.65 and 102.36)
run optimum --law $law --compute 1.21e20:1.23e22:101.6529 --format csv
check_row "Table 3 as a range: 1B" "$(printf '%s\n' "$out" | sed -n 2p)" 1B 1.21e20 20.2e9 0.03
check_row "Table 3 as a range: 10B" "$(printf '%s\n' "$out" | sed -n 3p)" 10B 1.23e22 205.1e9 0.03
run optimum --law $law --compute 1.27e26:1.30e28:102.3623 --format csv
check_row "Table 3 as a range: 1T" "$(printf '%s\n' "$out" | sed -n 2p)" 1T 1.27e26 21.2e12 0.03
check_row "Table 3 as a range: 10T" "$(printf '%s\n' "$out" | sed -n 3p)" 10T 1.30e28 216.2e12 0.03

# a range's rows are exactly the same budgets given as a list
run optimum --compute 1e20:1e26 --format csv
range=$out
run optimum --compute 1e20,1e21,1e22,1e23,1e24,1e25,1e26 --format csv
if [ "$range" = "$out" ] && [ "$(printf '%s\n' "$out" | wc -l)" = 8 ]; then ok "1e20:1e26 is one row a decade, as the list"; else no "1e20:1e26 differs from its list" "$range" "$out"; fi
run optimum --compute 1e20:1e26:100 --format csv
got=$(printf '%s\n' "$out" | sed 1d | cut -d, -f2 | paste -sd' ' -)
if [ "$got" = "1e+20 1e+22 1e+24 1e+26" ]; then ok "LO:HI:STEP steps by the factor"; else no "LO:HI:STEP" "got $got"; fi

# round trip, additive law: --params N, then --compute of the printed C gives N
for law in besiroglu2024 hoffmann2022 muennighoff2023; do
	run optimum --law $law --params 70B --format csv
	c=$(printf '%s\n' "$out" | sed -n 2p | cut -d, -f2)
	run optimum --law $law --compute "$c" --format csv
	p=$(printf '%s\n' "$out" | sed -n 2p | cut -d, -f3)
	if [ "$rc" = 0 ] && near "$p" 70e9 1e-6; then ok "$law: --params 70B, then --compute $c, gives 70B"; else no "$law round trip" "got $p" "$err"; fi
	run optimum --law $law --tokens 1.4T --format csv
	c=$(printf '%s\n' "$out" | sed -n 2p | cut -d, -f2)
	run optimum --law $law --compute "$c" --format csv
	d=$(printf '%s\n' "$out" | sed -n 2p | cut -d, -f4)
	if [ "$rc" = 0 ] && near "$d" 1.4e12 1e-6; then ok "$law: --tokens 1.4T, then --compute $c, gives 1.4T"; else no "$law tokens round trip" "got $d" "$err"; fi
done

# --law all: every law answers --params, or says in one line why not
run optimum --law all --params 70B --format csv
# the laws that print an exponent without its coefficient (Table A2, Table 4) or
# no N_opt (Henighan's text rows) answer no N: each says so in one line
err=$(printf '%s\n' "$err" | grep -v -e ' under deepseek2024-early ' -e ' under deepseek2024-owt2 ' \
	-e ' under henighan2020-i2t-text ' -e ' under henighan2020-t2i-text ' \
	-e ' under hoffmann2022-c4 ' -e ' under hoffmann2022-github ')
if [ "$rc" = 0 ] && [ -z "$err" ] && [ "$(printf '%s\n' "$out" | grep -c ',7e+10,')" -ge 8 ]; then ok "--law all --params 70B: a row per law"; else no "--law all --params" "exit $rc" "$err"; fi
run optimum --law all --params 1K
if [ "$rc" = 0 ] && printf '%s\n' "$err" | grep -q "^isoflop: --params 1K is below besiroglu2024's compute-optimal N at the least budget, 1e10 FLOPs (6.38K)$"; then ok "--law all: a law that cannot answer says why in one line"; else no "--law all --params 1K" "exit $rc" "$err"; fi

# bad input: one line, exit 2
expect_error "reversed range" "isoflop: --compute: the range runs from low to high (LO:HI): '1e26:1e20'" optimum --compute 1e26:1e20
expect_error "step of 1" "isoflop: --compute: the step is a factor between budgets and must exceed 1: '1e20:1e26:1'" optimum --compute 1e20:1e26:1
expect_error "step below 1" "isoflop: --compute: the step is a factor between budgets and must exceed 1: '1e20:1e26:0.5'" optimum --compute 1e20:1e26:0.5
expect_error "too many rows" "isoflop: --compute: '1e10:1e35:1.5' is 142 budgets; at most 100" optimum --compute 1e10:1e35:1.5
expect_error "missing end" "isoflop: --compute: expected C, C,C,... or LO:HI[:STEP], not '1e20:'" optimum --compute 1e20:
expect_error "empty list item" "isoflop: --compute: expected C, C,C,... or LO:HI[:STEP], not '1e20,,1e21'" optimum --compute 1e20,,1e21
expect_error "list and range mixed" "isoflop: --compute: expected LO:HI or LO:HI:STEP, not '1e20:1e22,1e24'" optimum --compute 1e20:1e22,1e24
expect_error "budget out of range in a list" "isoflop: --compute: out of range (FLOPs from 1e10 to 1e35): '1e21,1e40'" optimum --compute 1e21,1e40
expect_error "a list is optimum's" "isoflop: --compute: a list or range of budgets is for 'optimum'; 'plot contour' takes one" plot contour --compute 1e20,1e21
expect_error "params and compute" "isoflop: optimum needs one of --compute C, --loss L, --params N or --tokens D" optimum --params 70B --compute 1e23
expect_error "params and tokens" "isoflop: optimum needs one of --compute C, --loss L, --params N or --tokens D" optimum --params 70B --tokens 1T
expect_error "params and inference" "isoflop: --inference-tokens asks for a loss's cheapest model: give --compute C or --loss L, not --params" optimum --params 70B --inference-tokens 1T
expect_error "tokens beyond any budget" "isoflop: --tokens 1e18 is compute-optimal under besiroglu2024 for no budget up to 1e35 FLOPs" optimum --tokens 1e18

echo "1..$n"
