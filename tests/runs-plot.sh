#!/bin/sh
# runs-plot.sh: the user's runs beyond the explorer. `plot contour --runs
# FILE` draws the runs as x and their fit as law 'runs', shaded past the
# runs' range (the range fit --output saves), and with --bootstrap N the
# frontier's 10-90% band; the explorer's --compare ID opens the compare view,
# whose line gives k's 10-90% interval over the runs' bootstrap refits, the
# same numbers `isoflop compare` prints for the same seed. Refusals: one
# line, exit 2.
. "$(dirname "$0")/lib.sh"

sweeps=tests/runs/besiroglu-sweeps.csv

# map_lines: the picture without its title and its legend (the last line)
map_lines() { printf '%s\n' "$out" | sed '1d;$d'; }

run plot contour --runs "$sweeps"
if [ "$rc" = 0 ] && printf '%s\n' "$out" | head -n 1 | grep -q "^Fit of $sweeps" &&
	printf '%s\n' "$out" | tail -n 1 | grep -q 'x runs (96)' &&
	[ "$(map_lines | tr -cd x | wc -c)" -ge 40 ]; then
	ok "plot contour --runs: the fit is the law drawn, the runs are x on the map"
else
	no "plot contour --runs: the fit is the law drawn, the runs are x on the map" \
		"exit $rc" "$out" "$err"
fi
if printf '%s\n' "$out" | tail -n 1 | grep -q '` beyond the fit'; then
	ok "plot contour --runs: shaded past the runs' range"
else
	no "plot contour --runs: shaded past the runs' range" "$out"
fi
if ! printf '%s\n' "$out" | grep -q '\^'; then
	ok "plot contour --runs without --bootstrap: no band"
else
	no "plot contour --runs without --bootstrap: no band" "$out"
fi

run plot contour --runs "$sweeps" --bootstrap 200
if [ "$rc" = 0 ] && printf '%s\n' "$out" | tail -n 1 | grep -q '\^ N\* 10-90%' &&
	[ "$(map_lines | tr -cd '^' | wc -c)" -ge 10 ]; then
	ok "plot contour --runs --bootstrap: the band is keyed and drawn"
else
	no "plot contour --runs --bootstrap: the band is keyed and drawn" "exit $rc" "$out" "$err"
fi
first=$out
run plot contour --runs "$sweeps" --bootstrap 200 --seed 7
if [ "$rc" = 0 ] && [ "$out" != "$first" ]; then
	ok "plot contour --seed: another band"
else
	no "plot contour --seed: another band" "exit $rc" "$err"
fi
run plot contour --runs - --bootstrap 200 <"$sweeps"
if [ "$rc" = 0 ] && [ "$(printf '%s\n' "$out" | sed 1d)" = "$(printf '%s\n' "$first" | sed 1d)" ]; then
	ok "plot contour --runs -: the runs from a pipe"
else
	no "plot contour --runs -: the runs from a pipe" "exit $rc" "$err"
fi
run plot contour --law hoffmann2022 --runs "$sweeps"
if [ "$rc" = 0 ] && printf '%s\n' "$out" | head -n 1 | grep -q '^Chinchilla' &&
	printf '%s\n' "$out" | tail -n 1 | grep -q 'x runs (96)'; then
	ok "plot contour --law ID --runs: the runs over another law"
else
	no "plot contour --law ID --runs: the runs over another law" "exit $rc" "$out" "$err"
fi

expect_error "plot contour --bootstrap without --runs: one line" \
	"isoflop: --bootstrap resamples your runs: give them with --runs FILE" \
	plot contour --bootstrap 50
expect_error "plot contour --seed without --bootstrap: one line" \
	"isoflop: --seed seeds the bootstrap: give --runs FILE --bootstrap N too" \
	plot contour --runs "$sweeps" --seed 3
expect_error "plot contour --bootstrap around another law: one line" \
	"isoflop: --bootstrap draws the band of 'runs', the fit of $sweeps; --law hoffmann2022 is another law" \
	plot contour --law hoffmann2022 --runs "$sweeps" --bootstrap 50
printf 'N,D,L\n1e8,2e9,3.5\n4e8,2e9,3.1\n1e9,2e9,2.9\n4e9,2e9,2.8\n1e10,2e9,2.75\n' >"$tmp/one-d.csv"
expect_error "plot contour --runs with one D: one line" \
	"isoflop: $tmp/one-d.csv: every run has D = 2B: no L(N, D) to draw (isoflop fit $tmp/one-d.csv fits L(N) alone)" \
	plot contour --runs "$tmp/one-d.csv"
expect_error "plot profiles takes no --runs" \
	"isoflop: --runs does not apply to 'plot profiles' (see isoflop --help)" \
	plot profiles --runs "$sweeps"

# dump_k ARGS...: the compare line of the explorer's first frame at 200x48
dump_k() { "$ISOFLOP" --dump --width 200 --height 48 --compute 1e22 "$@" 2>&1 | grep -o '[^ ]* needs .*(derived).*'; }

# csv_k A B: "k p10 p90" from isoflop compare at 1e22, 3 significant digits
csv_k() {
	"$ISOFLOP" compare --law "$1" --compare "$2" --runs "$sweeps" --bootstrap 50 \
		--compute 1e22 --format csv | awk -F, 'NR == 2 { printf "%.3g %.3g %.3g\n", $6, $7, $8 }'
}

for pair in "runs hoffmann2022" "hoffmann2022 runs"; do
	set -- $pair
	line=$(dump_k --runs "$sweeps" --bootstrap 50 --law "$1" --compare "$2")
	got=$(printf '%s\n' "$line" | sed -n 's/.* needs \([^x]*\)x (\([^-]*\)-\([^x]*\)x) the compute for L\* at this C (derived)$/\1 \2 \3/p')
	want=$(csv_k "$1" "$2")
	if [ -n "$got" ] && [ "$got" = "$want" ]; then
		ok "explorer --compare $2 (law $1): k and its 10-90% interval as compare gives them"
	else
		no "explorer --compare $2 (law $1): k and its 10-90% interval as compare gives them" \
			"line: $line" "got:  $got" "want: $want"
	fi
done
line=$(dump_k --runs "$sweeps" --compare hoffmann2022)
if [ "$line" = "hoffmann2022 needs 0.985x the compute for L* at this C (derived)" ]; then
	ok "explorer --compare without --bootstrap: k alone"
else
	no "explorer --compare without --bootstrap: k alone" "line: $line"
fi
line=$(dump_k --law hoffmann2022 --compare besiroglu2024 --runs "$sweeps" --bootstrap 50)
if printf '%s\n' "$line" | grep -q '^besiroglu2024 needs [0-9.]*x the compute'; then
	ok "explorer --compare: no interval when neither law is the runs'"
else
	no "explorer --compare: no interval when neither law is the runs'" "line: $line"
fi
expect_error "explorer --compare: an unknown law, one line" \
	"isoflop: --compare: unknown law 'nosuch' (isoflop presets laws lists them)" \
	--dump --compare nosuch
expect_error "explorer --compare runs without --runs: one line" \
	"isoflop: --compare: law 'runs' is the fit of --runs FILE: give --runs" \
	--dump --compare runs
expect_error "explorer --compare with the law shown: one line" \
	"isoflop: --compare: 'hoffmann2022' is the law shown; compare it with another (--law ID sets the one shown)" \
	--dump --law hoffmann2022 --compare hoffmann2022

echo "1..$n"
