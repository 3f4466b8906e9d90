#!/bin/sh
# testtime.sh: the batch side of test-time compute (issue 16) through the
# binary, held to the papers' numbers and to hand computations:
#  - Jones 2021 (arXiv:2104.03113, Sec. IV-C, Fig. 9), the shipped
#    jones2021-hex9: "for each additional 10x of train-time compute, about
#    15x of test-time compute can be eliminated": exchange_10x = 10^1.2 =
#    15.85 at any point; the fitted line log10 test = 29 - 1.2 log10 train +
#    0.004 Elo worked by hand; the cheapest pair for Q problems satisfies the
#    first-order condition train = 1.2 Q test and reaches the point's Elo.
#  - coverage rows exp(a k^b) and (ln c / a)^(1/b) by hand from the test
#    preset's a, b (tests/testtime-presets: made-up numbers, not Brown's).
#  - snell2024 through --tt-law: the same table as test-time without it.
#  - every bad input: one line, exit 2.
. "$(dirname "$0")/lib.sh"
P="--preset-dir $(cd "$(dirname "$0")" && pwd)/testtime-presets"

# field NAME: column NAME of the CSV row in $out (a header and one row)
field() {
	printf '%s\n' "$out" | awk -F, -v k="$1" 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == k) c = i }
		NR == 2 { print $c }'
}

# near NAME GOT WANT [REL]: GOT within REL (1e-6 unless given) of WANT
near() {
	if awk -v g="$2" -v w="$3" -v r="${4:-1e-6}" 'BEGIN { d = g - w; if (d < 0) d = -d
		a = w < 0 ? -w : w; exit !(g != "" && d <= r * (a > 0 ? a : 1)) }'; then
		ok "$1"
	else
		no "$1" "got $2, want $3"
	fi
}

hand() { awk "BEGIN { printf \"%.12g\", $1 }" 2>/dev/null; }

# Jones's "about 15x": 10^1.2 at two points far apart
for pt in "1e13 1e8" "1e16 1e6"; do
	set -- $pt
	run test-time --tt-law jones2021-hex9 --train "$1" --test "$2" --format csv
	near "jones2021-hex9: 10x training saves 10^1.2 = 15.85x test compute at train $1, test $2" \
		"$(field exchange_10x)" "$(hand 'exp(1.2 * log(10))')"
done

# the fitted line by hand: log10 test = 29 - 1.2 log10 train + 0.004 Elo
run test-time --tt-law jones2021-hex9 --train 1e15 --test 3e9 --problems 1e6 --format csv
elo=$(hand '(log(3e9) / log(10) - 29 + 1.2 * 15) / 0.004')
near "jones2021-hex9: Elo at train 1e15, test 3e9 is (log10 3e9 - 29 + 18) / 0.004 = $elo" \
	"$(field performance)" "$elo"
near "total = train + Q x test = 1e15 + 1e6 x 3e9" "$(field total)" 4e15
ct=$(field cheapest_train) cs=$(field cheapest_test)
near "the cheapest pair satisfies train = 1.2 Q test (the first-order condition)" \
	"$ct" "$(hand "1.2 * 1e6 * $cs")"
near "the cheapest pair reaches the point's Elo on the fitted line" \
	"$(hand "(log($cs) / log(10) - 29 + 1.2 * log($ct) / log(10)) / 0.004")" "$elo" 1e-9
near "cheapest_total = cheapest_train + Q x cheapest_test" "$(field cheapest_total)" \
	"$(hand "$ct + 1e6 * $cs")"
# Jones's fit gives no compute range (Fig. 9's axes): nothing to check the point against
if [ -z "$(field in_range)" ] && [ -z "$(field cheapest_in_range)" ] && [ "$(field units)" = Elo ]; then
	ok "units Elo; in_range and cheapest_in_range empty for a law without a fitted compute range"
else
	no "units and in_range" "$out"
fi
run test-time $P --tt-law test-loglinear --train 1e15 --test 3e9 --problems 1e6 --format csv
if [ "$(field in_range)" = true ] && [ "$(field cheapest_in_range)" = true ]; then
	ok "a law with a fitted compute range: (1e15, 3e9) and its cheapest pair are inside it"
else
	no "in_range inside the fitted ranges" "$out"
fi
run test-time $P --tt-law test-loglinear --train 1e19 --test 1e6 --format csv
if [ "$(field in_range)" = false ]; then ok "train 1e19 is past the fitted 1e17: in_range false"; else no "in_range past the fitted train" "$out"; fi

# --target instead of --test: the test compute that reaches it
run test-time --tt-law jones2021-hex9 --train 1e14 --target -1000 --format csv
near "--target -1000 Elo at train 1e14: test = 10^(29 - 16.8 - 4)" "$(field test)" \
	"$(hand 'exp((29 - 16.8 - 4) * log(10))')"

run test-time --tt-law jones2021-hex9 --train 1e15 --test 1e9 --problems 1e6 --format csv
hdr='tt_law,units,train,test,problems,performance,total,cheapest_train,cheapest_test,cheapest_total,exchange_10x,in_range,cheapest_in_range'
if [ "$rc" = 0 ] && [ "$(printf '%s\n' "$out" | head -n 1)" = "$hdr" ]; then
	ok "test-time --tt-law (log-linear) --format csv: the header"
else
	no "the log-linear CSV header" "$out"
fi
run test-time --tt-law jones2021-hex9 --train 1e15 --test 1e9 --format json
if [ "$rc" = 0 ] && printf '%s\n' "$out" | grep -qF '"tt_law": "jones2021-hex9", "units": "Elo", "train": 1e+15' &&
	printf '%s\n' "$out" | grep -qF '"performance": -500,' &&
	printf '%s\n' "$out" | grep -qF '"in_range": null, "cheapest_in_range": null}'; then
	ok "test-time --tt-law --format json: -500 Elo at (1e15, 1e9)"
else
	no "the log-linear JSON" "$out"
fi

# coverage rows by hand from the test preset: a = -2.5, b = -0.4
run test-time $P --tt-law test-coverage --samples 100 --target 0.9 --format csv
if [ "$(printf '%s\n' "$out" | head -n 1)" = "tt_law,samples,coverage,target,samples_for_target,in_range,target_in_range" ]; then
	ok "test-time --tt-law (coverage) --format csv: the header"
else
	no "the coverage CSV header" "$out"
fi
near "coverage at k = 100 is exp(-2.5 x 100^-0.4)" "$(field coverage)" "$(hand 'exp(-2.5 * exp(-0.4 * log(100)))')"
near "samples for 0.9 are (ln 0.9 / -2.5)^(1 / -0.4) = 2736.6, rounded up to whole samples" \
	"$(field samples_for_target)" "$(hand 'int(exp(log(log(0.9) / -2.5) / -0.4)) + 1')"
# a target one sample already reaches: k = 1, inside the fit (not a fraction of a sample)
run test-time $P --tt-law test-coverage --samples 100 --target 0.05 --format csv
if [ "$(field samples_for_target)" = 1 ] && [ "$(field target_in_range)" = true ]; then
	ok "target 0.05 (exp(-2.5) = 0.082 at k = 1): one sample, inside the fitted samples"
else
	no "a target one sample reaches" "$out"
fi
run test-time $P --tt-law test-coverage --format csv
if [ "$rc" = 0 ] && [ "$(printf '%s\n' "$out" | sed 1d | cut -d, -f2 | tr '\n' ' ')" = "1 10 100 1000 10000 " ]; then
	ok "without --samples: a row a decade, 1 to the fitted 10K"
else
	no "coverage rows a decade" "$out"
fi

# Brown et al. 2024, Sec. 1: Llama-3-8B-Instruct on MATH covers 82.9% with 100
# samples and 98.44% with 10,000. Its Fig. 5 fit errs by 0.003 +- 0.0027: within
# 0.011 (mean + 3 sd), written as a relative tolerance of near's.
B=brown2024-llama3-8b-math
run test-time --tt-law $B --samples 100 --format csv
near "Brown: $B covers 82.9% at k = 100 (Sec. 1)" "$(field coverage)" 0.829 0.0133
run test-time --tt-law $B --samples 10000 --format csv
near "Brown: $B covers 98.44% at k = 10,000 (Sec. 1)" "$(field coverage)" 0.9844 0.0112
run test-time --samples 100 --format csv
if [ "$(printf '%s\n' "$out" | sed -n 2p | cut -d, -f1)" = "$B" ]; then
	ok "test-time --samples without --tt-law: $B, the paper's headline curve"
else
	no "the default coverage law" "$out"
fi

# snell2024 named: the table test-time gives without --tt-law
run test-time --params 1e9 --tokens 2e10 --inference-tokens 1e9 --format csv
plain=$out
run test-time --tt-law snell2024 --params 1e9 --tokens 2e10 --inference-tokens 1e9 --format csv
if [ "$rc" = 0 ] && [ "$out" = "$plain" ] && [ -n "$out" ]; then
	ok "test-time --tt-law snell2024: Snell et al.'s table, as without --tt-law"
else
	no "snell2024's table" "$out" "want: $plain"
fi

# the pictures' readouts, within --height lines
run plot testtime --train 1e15 --test 1e9 --problems 1e6
if [ "$rc" = 0 ] && [ "$(printf '%s\n' "$out" | wc -l)" = 24 ] &&
	printf '%s\n' "$out" | grep -qxF -- '-500 Elo at train 1e15, test 1e9 FLOPs a move, 1M moves' &&
	printf '%s\n' "$out" | grep -qxF '10x training saves 15.8x test compute (derived); no fitted compute range' &&
	printf '%s\n' "$out" | grep -qxF 'cheapest for 1M moves: train 1.09e15, test 9.05e8, total 1.99e15 (derived)'; then
	ok "plot testtime: 24 lines, Elo, the cheapest pair and 15.8x below the plane"
else
	no "plot testtime's readout" "$out"
fi
run plot testtime $P --tt-law test-loglinear --train 1e19 --test 1e6
if printf '%s\n' "$out" | grep -qxF '10x training saves 15.8x test compute (derived); point extrapolated'; then
	ok "plot testtime: a point past the fitted training compute says extrapolated"
else
	no "plot testtime: extrapolated" "$out"
fi
run plot testtime
if printf '%s\n' "$out" | grep -qxF -- '-750 Elo at train 1e15, test 1e8 FLOPs a move, 10M moves (defaults)'; then
	ok "plot testtime: the default point is named as such"
else
	no "plot testtime: the default point" "$out"
fi
run plot coverage $P --tt-law test-coverage --samples 100 --target 0.9 --width 60 --height 20
if [ "$rc" = 0 ] && [ "$(printf '%s\n' "$out" | wc -l)" = 20 ] &&
	printf '%s\n' "$out" | grep -qxF 'coverage 0.673 at k = 100 samples a problem' &&
	printf '%s\n' "$out" | grep -qxF 'samples for the target: k = 2.74K for 0.9 (derived)'; then
	ok "plot coverage: coverage at k and the samples for the target"
else
	no "plot coverage's readout" "$out"
fi

# extrapolation flagged: Pythia-70M's 0.9 needs ~2e10 samples, six decades past the fitted 1e4
run test-time --tt-law brown2024-pythia-70m-math --samples 100 --target 0.9 --format csv
if [ "$(field in_range)" = true ] && [ "$(field target_in_range)" = false ]; then
	ok "test-time: samples for an unreachable-in-the-fit target are flagged target_in_range=false"
else
	no "coverage target_in_range" "$out"
fi
# the legend names only what the picture holds: ':' past the fit, '#' on the axis
run plot coverage
if printf '%s\n' "$out" | grep -q '^o coverage' && ! printf '%s\n' "$out" | grep -q 'beyond the fitted k' &&
	printf '%s\n' "$out" | grep -q '# reached'; then
	ok "plot coverage inside the fit: no ':' in the legend, '#' reached"
else
	no "plot coverage legend inside the fit" "$out"
fi
run plot coverage --samples 1e5 --target 0.999
if printf '%s\n' "$out" | grep -q ': beyond the fitted k' && printf '%s\n' "$out" | grep -q 'off the axis' &&
	! printf '%s\n' "$out" | grep -q '# reached'; then
	ok "plot coverage past the fit: ':' in the legend; a target off the axis has no '#'"
else
	no "plot coverage legend past the fit" "$out"
fi
run plot coverage --tt-law brown2024-pythia-70m-math --target 0.9
if printf '%s\n' "$out" | grep -qxF 'samples for the target: k = 20.9B for 0.9 (extrapolated)'; then
	ok "plot coverage: samples for a target past the fitted k say extrapolated"
else
	no "plot coverage: extrapolated target" "$out"
fi
run test-time --tt-law jones2021-hex9 --train 1e15 --test 1e8
if [ "$rc" = 0 ] && [ "$(printf '%s\n' "$out" | awk '{ if (length($0) > w) w = length($0) } END { print w }')" -le 80 ] &&
	printf '%s\n' "$out" | grep -q ' 10M .* 15.8 '; then
	ok "test-time --tt-law: the text table fits 80 columns, 10M problems, 15.8x"
else
	no "test-time text table width" "$out"
fi
run plot testtime --width 60 --height 20
if printf '%s\n' "$out" | grep -qF '* cheapest (under @)'; then
	ok "plot testtime: the legend says '*' is under '@' when they share a cell"
else
	no "plot testtime: cheapest under @" "$out"
fi
run plot coverage --target 0.975
if [ "$rc" = 0 ] && ! printf '%s\n' "$out" | grep -qF 'off the axis' &&
	printf '%s\n' "$out" | grep -q '100K *$'; then
	ok "plot coverage: a target just past the fitted 10K widens the axis to 100K"
else
	no "plot coverage: k axis widened" "$out"
fi
expect_error "--test below 1 FLOP" "isoflop: --test: 0.5 FLOPs a move is less than 1 FLOP" \
	plot testtime --test 0.5
expect_error "--target whose test compute is below 1 FLOP" \
	"isoflop: --target: -1500 needs 0.1 FLOPs a move at --train, less than 1 FLOP" \
	plot testtime --train 1e20 --target -1500

# bad input: one line, exit 2
expect_error "--target above Jones's fitted Elo" \
	"isoflop: --target: 50 Elo is outside jones2021-hex9's fitted performance, -1500 Elo to 0 Elo" \
	test-time --tt-law jones2021-hex9 --train 1e15 --target 50
expect_error "a coverage target of 1.2" \
	"isoflop: --target: a coverage is more than 0 and less than 1, not 1.2" \
	test-time $P --tt-law test-coverage --target 1.2
expect_error "plot coverage --target 0" \
	"isoflop: --target: a coverage is more than 0 and less than 1, not 0" \
	plot coverage $P --target 0
expect_error "--train 0" "isoflop: --train must be positive FLOPs, not 0" \
	test-time --tt-law jones2021-hex9 --train 0 --test 1e9
expect_error "--train -1e15" "isoflop: --train must be positive FLOPs, not -1e15" \
	plot testtime --train -1e15
expect_error "--test -5" "isoflop: --test must be positive FLOPs, not -5" \
	test-time --tt-law jones2021-hex9 --train 1e15 --test -5
expect_error "--problems 0.5" "isoflop: --problems: out of range (problems from 1 to 1e20): '0.5'" \
	plot testtime --problems 0.5
expect_error "--samples 0.5" "isoflop: --samples: out of range (samples from 1 to 1e12): '0.5'" \
	plot coverage $P --samples 0.5
expect_error "an unknown --tt-law names the listing" \
	"isoflop: --tt-law: unknown test-time law 'nope' (isoflop presets testtime lists them)" \
	plot testtime --tt-law nope
expect_error "a loss law's id given to --tt-law says so" \
	"isoflop: --tt-law: 'besiroglu2024' is a loss law, not a test-time law (isoflop presets testtime lists them)" \
	test-time --tt-law besiroglu2024 --train 1e15 --test 1e9
expect_error "plot testtime of a coverage law names plot coverage" \
	"isoflop: plot testtime: 'test-coverage' is a coverage law with no training-compute axis: isoflop plot coverage --tt-law test-coverage draws it" \
	plot testtime $P --tt-law test-coverage
expect_error "plot testtime of a flops-match law names test-time" \
	"isoflop: plot testtime: 'snell2024' is a flops-match law with no performance to draw: isoflop test-time --tt-law snell2024 gives its FLOPs table" \
	plot testtime --tt-law snell2024
expect_error "plot coverage of a log-linear law names plot testtime" \
	"isoflop: plot coverage: 'jones2021-hex9' is a law of training and test compute, not coverage against samples: isoflop plot testtime --tt-law jones2021-hex9 draws it" \
	plot coverage --tt-law jones2021-hex9
expect_error "test-time --tt-law jones2021-hex9 without --test" \
	"isoflop: test-time --tt-law jones2021-hex9 needs --train FLOPS and --test FLOPS (or --target P: the test compute that reaches P)" \
	test-time --tt-law jones2021-hex9 --train 1e15
expect_error "--test and --target together" \
	"isoflop: give --test (the compute) or --target (the performance it reaches), not both" \
	test-time --tt-law jones2021-hex9 --train 1e15 --test 1e9 --target -500
expect_error "--samples on a log-linear law" \
	"isoflop: test-time: --samples does not apply to 'jones2021-hex9', a log-linear law (give --train, --test or --target, --problems)" \
	test-time --tt-law jones2021-hex9 --train 1e15 --test 1e9 --samples 3
expect_error "--train on a coverage law" \
	"isoflop: test-time: --train does not apply to 'test-coverage', a coverage law (give --samples K, --target P)" \
	test-time $P --tt-law test-coverage --train 1e15
expect_error "--train on snell2024" \
	"isoflop: test-time: --train does not apply to 'snell2024', a flops-match law (give --params N --tokens D or --model ID, --inference-tokens T)" \
	test-time --tt-law snell2024 --train 1e15
expect_error "a point above perfect play (0 Elo) is refused, not drawn" \
	"isoflop: train 1e30, test 1e20 reach 6750 Elo, outside jones2021-hex9's fitted performance, -1500 Elo to 0 Elo" \
	plot testtime --train 1e30 --test 1e20
expect_error "a point below the fitted Elo is refused in test-time too" \
	"isoflop: train 1e12, test 1e3 reach -2900 Elo, outside jones2021-hex9's fitted performance, -1500 Elo to 0 Elo" \
	test-time --tt-law jones2021-hex9 --train 1e12 --test 1e3
expect_error "the explorer refuses a start past its train slider, never clamps it" \
	"isoflop: --train: the explorer's train slider runs from 1e6 to 1e30, not 1e35" \
	--train 1e35 --dump
expect_error "the explorer refuses a test compute below its slider's 1 FLOP" \
	"isoflop: --test: the explorer's test slider runs from 1 to 1e25, not 0.001" \
	--test 1e-3 --dump
expect_error "plot testtime --height 12 leaves no room for the readout" \
	"isoflop: --height: the picture and its readout need 13 lines or more" \
	plot testtime --height 12

echo "1..$n"
