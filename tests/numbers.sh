#!/bin/sh
# numbers.sh: numbers in and out of the batch commands: each option's
# physical range, one rule for blanks (refused, COLUMNS included), bounded
# widths and no nan or inf in any output, loss --law all when one law cannot
# answer, messages that name the right target, and presets on narrow terminals.
. "$(dirname "$0")/lib.sh"

# --- ranges: the option, the range and the value in one line -----------------
expect_error "denormal parameters" "isoflop: --params: out of range (parameters from 100 to 1e16): '1e-320'" loss --params 1e-320 --tokens 1T
expect_error "too many tokens" "isoflop: --tokens: out of range (tokens from 1000 to 1e18): '1e19'" loss --params 70B --tokens 1e19
expect_error "a loss of 1e-320" "isoflop: --loss: out of range (nats per token from 0.001 to 20): '1e-320'" optimum --loss 1e-320
expect_error "unique tokens past 1e18" "isoflop: --unique-tokens: out of range (unique tokens from 1000 to 1e18): '1e30'" optimum --law muennighoff2023 --compute 1e22 --unique-tokens 1e30
expect_error "inference tokens past 1e20" "isoflop: --inference-tokens: out of range (tokens from 1 to 1e20): '1e300'" test-time --params 8B --tokens 15T --inference-tokens 1e300
expect_error "a 1e308-times larger model" "isoflop: --larger: out of range (more than 1 and at most 1e6 times larger): '1e308'" test-time --params 8B --tokens 15T --inference-tokens 1T --larger 1e308
expect_error "days past a million" "isoflop: --days: out of range (days from 1e-6 to 1e6): '1e300'" optimum --gpu h100 --mfu 0.4 --gpus 8 --days 1e300
expect_error "a denormal MFU" "isoflop: --mfu: out of range (a share of the peak from 1e-4 to 1): '1e-320'" optimum --gpu h100 --mfu 1e-320 --gpus 8 --days 3
expect_error "fit --at-compute past 1e35" "isoflop: --at-compute: out of range (FLOPs from 1e10 to 1e35): '1e300'" fit --at-compute 1e300 tests/runs/besiroglu-sweeps.csv
expect_error "compute in PF-days past 1e35" "isoflop: --compute: out of range (FLOPs from 1e10 to 1e35): '1e20pfd'" optimum --compute 1e20pfd

# --- one rule for blanks: refused around every number --------------------------
expect_error "blank before a count" "isoflop: --params: blanks around the number (write it without spaces): ' 70B'" loss --params " 70B" --tokens 1T
expect_error "blank after a count" "isoflop: --tokens: blanks around the number (write it without spaces): '1T '" loss --params 70B --tokens "1T "
expect_error "blank before a whole number" "isoflop: --gpus: blanks around the number (write it without spaces): ' 5'" optimum --gpu h100 --mfu 0.4 --gpus " 5" --days 3
expect_error "blank before a width" "isoflop: --width: blanks around the number (write it without spaces): ' 80'" plot contour --width " 80"
# COLUMNS with a blank is no number: ignored (as ps does), so a pipe gets whole rows
COLUMNS=" 40" "$ISOFLOP" presets laws >"$tmp/blank"
"$ISOFLOP" presets laws >"$tmp/none"
COLUMNS=40 "$ISOFLOP" presets laws >"$tmp/forty"
if cmp -s "$tmp/blank" "$tmp/none" && ! cmp -s "$tmp/forty" "$tmp/none"; then
	ok "COLUMNS=' 40' is ignored like any COLUMNS that is not a whole number"
else
	no "COLUMNS with a blank" "$(cat "$tmp/blank")"
fi

# --- no nan, no inf, no number wider than its column ---------------------------
# the widest numbers each command can be asked for, at the ends of every range
wide_or_nan() {
	awk '{ for (i = 1; i <= NF; i++) if ($i ~ /^[-+0-9.]+[0-9.eE%KMBT+-]*$/ && length($i) > 11) bad++ }
	     /nan|inf([^eo]|$)/ { bad++ } END { exit bad > 0 }'
}
for args in "loss --law all --params 1e3 --tokens 1e18" "loss --law all --params 1e16 --tokens 1e3" \
	"loss --law all --params 1e16 --tokens 1e18" \
	"test-time --params 1e16 --tokens 1e18 --inference-tokens 1 --larger 1e6" \
	"test-time --params 1e3 --tokens 1e3 --inference-tokens 1e20" \
	"optimum --law all --compute 1e35" "optimum --law all --compute 1e10" \
	"optimum --gpu h100 --mfu 1 --gpus 100000000 --compute 1e35" \
	"optimum --gpu h100 --mfu 0.0001 --days 1e-6 --compute 1e10"; do
	# shellcheck disable=SC2086 # the words are the arguments
	run $args
	if [ "$rc" -le 2 ] && printf '%s\n' "$out" | wide_or_nan; then
		ok "bounded numbers: $args"
	else
		no "bounded numbers: $args" "exit $rc" "$out" "$err"
	fi
done

# --- loss --law all: a law that cannot answer is named, the others print --------
sed -e 's/^id: .*/id: kaplan-steep/' -e 's/alpha_n: .*/alpha_n: 2/' -e 's/alpha_d: .*/alpha_d: 0.01/' \
	presets/laws/kaplan2020.yaml >"$tmp/steep.yaml"
run loss --law all --preset "$tmp/steep.yaml" --params 1e3 --tokens 1e3
if [ "$rc" = 0 ] && [ "$err" = "isoflop: kaplan-steep: no finite loss at N = 1K, D = 1K: outside the law's domain" ] &&
	printf '%s\n' "$out" | grep -q '^besiroglu2024 ' && printf '%s\n' "$out" | grep -q '^kaplan2020 ' &&
	! printf '%s\n' "$out" | grep -q '^kaplan-steep'; then
	ok "loss --law all prints the laws that answer and names the one that cannot"
else
	no "loss --law all with a law that cannot answer" "exit $rc" "stderr: $err" "$out"
fi
expect_error "loss --law ID that cannot answer" "isoflop: kaplan-steep: no finite loss at N = 1K, D = 1K: outside the law's domain" loss --law kaplan-steep --preset "$tmp/steep.yaml" --params 1e3 --tokens 1e3

# --- messages name what is out of reach -----------------------------------------
expect_error "a target from --compute is not --loss" "isoflop: hoffmann2022: counting the inference tokens, the target loss 1.69453 (hoffmann2022's optimum at --compute 1e35) needs a training budget outside 1e10 to 1e35 FLOPs" optimum --law hoffmann2022 --compute 1e35 --inference-tokens 1e20

# --- presets keep to a narrow COLUMNS --------------------------------------------
for w in 50 45 40; do
	COLUMNS=$w "$ISOFLOP" presets >"$tmp/narrow"
	wide=$(awk -v w="$w" 'length($0) > w' "$tmp/narrow" | wc -l)
	if [ "$wide" = 0 ] && grep -q '^chinchilla  *70B  *1\.4T  ' "$tmp/narrow" &&
		grep -q '^hoffmann2022-unrounded  ' "$tmp/narrow"; then
		ok "COLUMNS=$w: every row fits, ids and sizes whole"
	else
		no "COLUMNS=$w" "$wide rows wider than $w" "$(cat "$tmp/narrow")"
	fi
done
# --- a crowded catalog: the explorer draws what fits and counts the rest --------
# 300 user models (the shipped ones too): the first frame still has its map
mkdir -p "$XDG_CONFIG_HOME/isoflop/models"
awk -v dir="$XDG_CONFIG_HOME/isoflop/models" 'BEGIN {
	for (i = 0; i < 300; i++) {
		f = sprintf("%s/crowd-%03d.yaml", dir, i)
		printf "id: crowd-%03d\nname: Crowd %d\nparams: %g\ntokens: %g\nreleased: 2024\nsource: \"a test\"\n",
			i, i, 1e8 * (1 + i % 50), 1e10 * (1 + int(i / 50)) >f
		close(f)
	}
}'
shipped=$(ls presets/models/*.yaml | wc -l)
run --dump --width 100 --height 40
hidden=$((300 + shipped - 240))
if [ "$rc" = 0 ] && printf '%s\n' "$out" | grep -q "$hidden models not drawn" &&
	! printf '%s\n' "$out" | grep -q "no room for the map"; then
	ok "the explorer with $((300 + shipped)) models draws 240 and counts $hidden"
else
	no "the explorer with a crowded catalog" "exit $rc" "stderr: $err" "$out"
fi
rm -rf "$XDG_CONFIG_HOME/isoflop/models"
echo "1..$n"
