#!/bin/sh
# downstream.sh: loss to downstream error, the form of Gadre et al. 2024
# (arXiv:2403.08540), Err = epsilon - k exp(-gamma L). Pairs made here from
# known constants, noise-free, must fit back to them; the fit written with
# --output loads as a downstream preset and gives loss and optimum their
# error column, equal to the closed form at the row's loss; bad files and
# bad uses are one line and exit 2, and nothing is written over.
. "$(dirname "$0")/lib.sh"

# pairs FILE HEADER SCORE: 10 losses 2.5 to 4.75, and SCORE (error or accuracy) from
# epsilon 0.85, k 2, gamma 0.75
pairs() {
	awk -v h="$2" -v s="$3" 'BEGIN { print h; for (i = 0; i < 10; i++) { l = 2.5 + 0.25 * i;
		e = 0.85 - 2 * exp(-0.75 * l); printf "%.17g,%.17g\n", l, s == "acc" ? 1 - e : e } }' >"$1"
}

# near GOT WANT TOL: |GOT - WANT| <= TOL
near() { awk -v g="$1" -v w="$2" -v t="$3" 'BEGIN { d = g - w; exit !(d <= t && -d <= t) }'; }

# recovers NAME FILE: the fit's CSV gives epsilon 0.85, k 2, gamma 0.75
recovers() {
	run fit "$2" --format csv
	set -- "$1" $(printf '%s\n' "$out" | sed -n 2p | tr ',' ' ')
	if [ "$rc" = 0 ] && [ $# -ge 4 ] && near "$2" 0.85 1e-6 && near "$3" 2 1e-5 && near "$4" 0.75 1e-6; then
		ok "$1: recovers epsilon, k, gamma"
	else
		no "$1: recovers epsilon, k, gamma" "exit $rc" "$err" "$out"
	fi
}

pairs "$tmp/err.csv" "eval_loss,error" err
recovers "loss and error" "$tmp/err.csv"
pairs "$tmp/acc.csv" "L,Accuracy" acc
recovers "L and accuracy (case-insensitive)" "$tmp/acc.csv"
{ printf '\357\273\277'; sed 's/[^,]*/"&"/g' "$tmp/acc.csv"; } >"$tmp/quoted.csv"
recovers "BOM and quoted fields" "$tmp/quoted.csv"

run fit "$tmp/err.csv"
case $out in
*"Gadre et al. 2024"*"epsilon  0.85"*"k        2"*"gamma    0.75 per nat"*) ok "the text report names the form and the constants" ;;
*) no "the text report" "$out" ;;
esac

# --output writes a preset the loader reads; never over an existing file
run fit "$tmp/err.csv" --output "$tmp/mine.yaml"
if [ "$rc" = 0 ] && grep -q '^gamma: 0.75' "$tmp/mine.yaml" && grep -q 'loss: \[2.5, 4.75\]' "$tmp/mine.yaml"; then
	ok "--output writes a downstream preset"
else
	no "--output writes a downstream preset" "exit $rc" "$err" "$(cat "$tmp/mine.yaml" 2>/dev/null)"
fi
cp "$tmp/mine.yaml" "$tmp/before.yaml"
expect_error "--output refuses an existing file" "isoflop: $tmp/mine.yaml: File exists (--force overwrites)" \
	fit "$tmp/err.csv" --output "$tmp/mine.yaml"
if cmp -s "$tmp/mine.yaml" "$tmp/before.yaml"; then ok "the existing file is untouched"; else no "the existing file is untouched"; fi

# the error column: the closed form at the row's loss, labelled derived
run loss --preset "$tmp/mine.yaml" --downstream mine --params 1e9 --tokens 2e10 --format csv
set -- $(printf '%s\n' "$out" | sed -n 2p | tr ',' ' ')
if [ "$rc" = 0 ] && [ "$(printf '%s\n' "$out" | head -1)" = "law,params,tokens,compute,loss,error" ] &&
	near "$6" "$(awk -v l="$5" 'BEGIN { printf "%.10g", 0.85 - 2 * exp(-0.75 * l) }')" 1e-8; then
	ok "loss --downstream: error = epsilon - k exp(-gamma L) at the row's loss"
else
	no "loss --downstream error column" "exit $rc" "$err" "$out"
fi
run optimum --preset "$tmp/mine.yaml" --downstream mine --compute 1e21 --format json
case $out in *'"error": 0.'*) ok "optimum --downstream: JSON has error" ;; *) no "optimum JSON error" "$err" "$out" ;; esac
run optimum --preset "$tmp/mine.yaml" --downstream mine --compute 1e21
case $out in
*"error (derived)"*"cross-dataset extrapolation"*"error (extrapolated)"*) ok "the text notes say derived, and extrapolated outside the fitted losses" ;;
*) no "the text notes" "$out" ;;
esac
run optimum --compute 1e21 --format csv
case $out in *error*) no "without --downstream no error column" "$out" ;; *) ok "without --downstream no error column" ;; esac

# the shipped map is the fit of the authors' six released points, to its digits
run fit tests/runs/gadre2024-c4-17task.csv --format csv
set -- $(printf '%s\n' "$out" | sed -n 2p | tr ',' ' ')
want=$(sed -n 's/^\(epsilon\|k\|gamma\): //p' presets/downstream/gadre2024.yaml | tr '\n' ' ')
set -- "$@" $want
if [ "$rc" = 0 ] && [ $# = 10 ] && near "$1" "$8" 5e-7 && near "$2" "$9" 5e-6 && near "$3" "${10}" 5e-7; then
	ok "gadre2024 is the fit of tests/runs/gadre2024-c4-17task.csv"
else
	no "gadre2024 is the fit of the released points" "exit $rc" "$err" "$out" "preset: $want"
fi
run presets downstream
case $out in *gadre2024*derived*) ok "presets downstream lists gadre2024, derived" ;; *) no "presets downstream" "$out" ;; esac
# at C4 eval loss 3, the closed form of the shipped constants
run loss --law hoffmann2022 --downstream gadre2024 --params 1e9 --tokens 2e10 --format csv
set -- $(printf '%s\n' "$out" | sed -n 2p | tr ',' ' ')
if [ "$rc" = 0 ] && near "$6" "$(awk -v l="$5" 'BEGIN { printf "%.10g", 0.849742 - 2.07890 * exp(-0.756119 * l) }')" 1e-8; then
	ok "loss --downstream gadre2024: the shipped constants' closed form"
else
	no "loss --downstream gadre2024" "exit $rc" "$err" "$out"
fi

# --- what is refused ------------------------------------------------------------
expect_error "an unknown map" \
	"isoflop: --downstream: unknown downstream map 'nope' (known: gadre2024; isoflop fit FILE --output F.yaml makes one from (loss, accuracy) pairs, --preset F.yaml loads it)" \
	loss --downstream nope --params 1e9 --tokens 2e10
printf 'loss,accuracy\n3,45\n' >"$tmp/percent.csv"
expect_error "accuracy in percent" \
	"isoflop: $tmp/percent.csv:2: accuracy: 45 is out of range: a fraction from 0 to 1 (a percentage? divide by 100)" fit "$tmp/percent.csv"
printf 'loss,error\n3,0.5\n3.2,0.55\n3.4,0.6\n' >"$tmp/three.csv"
expect_error "too few pairs" "isoflop: $tmp/three.csv:4: 3 (loss, error) pairs: a downstream fit needs at least 4" fit "$tmp/three.csv"
printf 'loss,error\n3,0.5\n3,0.55\n3,0.6\n3,0.62\n' >"$tmp/flat.csv"
expect_error "one loss" "isoflop: $tmp/flat.csv: every pair has the same loss: a downstream fit needs several" fit "$tmp/flat.csv"
printf 'loss,error\n2,0.8\n3,0.7\n4,0.6\n5,0.5\n' >"$tmp/falls.csv"
expect_error "error falling as the loss rises" \
	"isoflop: $tmp/falls.csv: no Err = epsilon - k exp(-gamma L) fits: the error must fall as the loss falls, and bend (a straight line gives no epsilon)" fit "$tmp/falls.csv"
# a straight line: the best gamma runs to its search's end (epsilon 100 was printed, exit 0)
printf 'loss,error\n2.5,0.5\n3,0.55\n3.5,0.6\n4,0.65\n4.5,0.7\n' >"$tmp/line.csv"
expect_error "error straight in the loss" \
	"isoflop: $tmp/line.csv: no Err = epsilon - k exp(-gamma L) fits: the error must fall as the loss falls, and bend (a straight line gives no epsilon)" fit "$tmp/line.csv"
# an accuracy column and no params column make (loss, accuracy) pairs, tokens or
# flops beside them or not (every file of runs has params); so a runs file with
# a misnamed params column is fitted as pairs, and a note says what was left
printf 'model_size,tokens,loss,accuracy\n1e8,2e9,3.1,0.4\n2e8,4e9,2.9,0.45\n4e8,8e9,2.7,0.5\n8e8,1.6e10,2.5,0.55\n1.6e9,3.2e10,2.4,0.6\n' >"$tmp/runs-acc.csv"
run fit "$tmp/runs-acc.csv"
if [ "$rc" = 0 ] && printf '%s\n' "$out" | grep -q "^downstream fit of $tmp/runs-acc.csv: 5 (loss, error) pairs" &&
	[ "$(printf '%s\n' "$err" | awk 'NR > 1 { sub(/^  /, " ") } { printf "%s", $0 }')" = "isoflop: note: $tmp/runs-acc.csv: column tokens not used: read as (loss, accuracy) pairs: a loss-to-error map for --downstream (a file of runs needs a params column: N, n_params, params)" ] &&
	[ -z "$(printf '%s\n' "$err" | awk 'length > 80')" ]; then
	ok "accuracy and no params column: pairs, with a note naming the tokens column left unused, in 80 columns"
else
	no "accuracy and no params column" "exit $rc" "$out" "$err"
fi
expect_error "--bootstrap on pairs" \
	"isoflop: $tmp/err.csv holds (loss, error) pairs: --bootstrap, --exclude-top and --method apply to training runs (params, tokens, loss)" \
	fit "$tmp/err.csv" --bootstrap 10
printf 'loss,error\n3,"0.5\n' >"$tmp/quote.csv"
expect_error "an unterminated quote" \
	"isoflop: $tmp/quote.csv:2: field 2: unterminated quote: a quoted field ends with \" on the same line" fit "$tmp/quote.csv"

# NA in a pairs file, as in a runs file: a row with R's NA, NaN, Excel's #N/A, N/A or an
# empty loss or score is left out with one note, and the fit is the rest's
awk -F, 'NR == 3 { print "NA," $2; next } NR == 5 { print $1 ",#N/A"; next } NR == 8 { print $1 ",n/a"; next } { print }' "$tmp/err.csv" >"$tmp/na-pairs.csv"
recovers "NA, #N/A and n/a rows left out" "$tmp/na-pairs.csv"
if [ "$err" = "isoflop: note: $tmp/na-pairs.csv: skipped 3 rows with no loss or score (NA), first at line 3" ]; then
	ok "the pairs file's skipped rows get the runs file's note"
else
	no "the pairs file's skipped rows get the runs file's note" "stderr: $err"
fi
printf 'loss,error\n3,0.5\n3.2,0.55\n3.4,0.6\n3.6,NA\n3.8,NaN\n' >"$tmp/three-na.csv"
expect_error "too few pairs after skipping: the skipped count said" \
	"isoflop: $tmp/three-na.csv:4: 3 (loss, error) pairs (2 more skipped with no score): a downstream fit needs at least 4" fit "$tmp/three-na.csv"
printf 'loss,error\n3,0.5\n3.2,0,55\n' >"$tmp/extra.csv"
expect_error "a row with more fields than the header (an unquoted comma)" \
	"isoflop: $tmp/extra.csv:3: 3 fields, the header has 2 (a number with thousands separators must be quoted: \"2,000,000,000\")" fit "$tmp/extra.csv"
printf 'loss,error\n"2,500",0.5\n' >"$tmp/comma-loss.csv"
expect_error "a loss read with a thousands separator out of range: how it was read, and the decimal comma" \
	"isoflop: $tmp/comma-loss.csv:2: loss: 2.5e+03 is out of range: 0.001 to 20 nats ('2,500' read as 2500, its comma a thousands separator; a decimal comma is not read: write 2.500)" fit "$tmp/comma-loss.csv"

echo "1..$n"
