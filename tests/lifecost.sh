#!/bin/sh
# lifecost.sh: lifetime dollars (training at its MFU plus serving at its
# own) against sums done here from the shipped H100's sourced price (AWS
# p5.48xlarge, $55.04 an hour for 8 GPUs, as of 2026-11-09), the
# dollar-optimal model as Sardana et al.'s FLOP optimum at a scaled T, the
# serving options' bad input, and the iso-cost lines on the map.
. "$(dirname "$0")/lib.sh"

near() { awk -v g="$1" -v w="$2" -v t="$3" 'BEGIN { r = g / w - 1; exit !(r <= t && -r <= t) }'; }

# column NAME: the value in $out's (CSV) header column NAME, second line
column() {
	printf '%s\n' "$out" | awk -F, -v c="$1" 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == c) k = i }
		NR == 2 && k { print $k }'
}

price=$(awk 'BEGIN { printf "%.10g", 55.04 / 8 }')
base="--law hoffmann2022 --compute 1e24 --inference-tokens 2e13 --gpu h100 --mfu 0.4 --days 90"

# lifetime dollars of the FLOP-optimal row, from its N and D, by hand:
# 6ND / (989e12 x 0.4 x 3,600) h + 2 N T / (989e12 x 0.2 x 3,600) h, at $6.88
run optimum $base --serve-mfu 0.2 --format csv
fn=$(column params) fd=$(column tokens)
want=$(awk -v n="$fn" -v d="$fd" -v p="$price" 'BEGIN {
	printf "%.10g", p * (6 * n * d / (989e12 * 0.4 * 3600) + 2 * n * 2e13 / (989e12 * 0.2 * 3600)) }')
got=$(column lifetime_usd)
if [ "$rc" = 0 ] && [ -n "$got" ] && near "$got" "$want" 1e-6; then
	ok "lifetime USD of the FLOP-optimal model by hand ($want)"
else
	no "lifetime USD of the FLOP-optimal model by hand" "got '$got', want $want" "$err"
fi

# the dollar optimum: serving at half training's MFU makes it smaller than
# Sardana's, and it is Sardana's own optimum at T x 2 (same price)
dn=$(column derived_usd_optimal_params) dd=$(column derived_usd_optimal_tokens)
dusd=$(column derived_usd_optimal_lifetime_usd)
run optimum --law hoffmann2022 --compute 1e24 --inference-tokens 4e13 --format csv
twice=$(column params)
if awk -v a="$dn" -v b="$fn" 'BEGIN { exit !(a < b) }' && near "$dn" "$twice" 1e-9; then
	ok "serve MFU 0.2 < 0.4: USD-optimal N $dn < FLOP-optimal $fn, = Sardana's at 2T"
else
	no "USD-optimal model is Sardana's at 2T" "USD-optimal $dn, FLOP-optimal $fn, at 2T $twice"
fi
want=$(awk -v n="$dn" -v d="$dd" -v p="$price" 'BEGIN {
	printf "%.10g", p * (6 * n * d / (989e12 * 0.4 * 3600) + 2 * n * 2e13 / (989e12 * 0.2 * 3600)) }')
if near "$dusd" "$want" 1e-6 && awk -v a="$dusd" -v b="$got" 'BEGIN { exit !(a < b) }'; then
	ok "USD-optimal lifetime dollars by hand ($want), below the FLOP-optimal's"
else
	no "USD-optimal lifetime dollars by hand" "got '$dusd', want $want (FLOP-optimal $got)"
fi

# --serve-price at $2 an hour with equal MFUs: T scaled by 2 / 6.88
run optimum $base --serve-mfu 0.4 --serve-price 2 --format csv
dn=$(column derived_usd_optimal_params)
run optimum --law hoffmann2022 --compute 1e24 \
	--inference-tokens "$(awk -v p="$price" 'BEGIN { printf "%.17g", 2e13 * 2 / p }')" --format csv
if near "$dn" "$(column params)" 1e-9; then
	ok "--serve-price 2: Sardana's optimum at T x 2/6.88"
else
	no "--serve-price 2: Sardana's optimum at T x 2/6.88" "got $dn, want $(column params)"
fi

# text: the three rows, labelled, and the footer naming the derivation
run optimum $base --serve-mfu 0.2
if [ "$rc" = 0 ] && printf '%s\n' "$out" | grep -q 'USD-optimal (derived)' &&
	printf '%s\n' "$out" | grep -q 'derived by isoflop (not in Sardana et al.)'; then
	ok "text: the USD-optimal row, labelled derived"
else
	no "text: the USD-optimal row, labelled derived" "$out" "$err"
fi
run optimum $base
if printf '%s\n' "$out" | grep -q 'Lifetime dollars need --serve-mfu F'; then
	ok "without --serve-mfu: says the dollar optimum needs it"
else
	no "without --serve-mfu: says the dollar optimum needs it" "$out"
fi

# bad input: one line, exit 2
expect_error "--serve-mfu 0" "isoflop: --serve-mfu: must be positive: '0'" \
	optimum $base --serve-mfu 0
expect_error "--serve-mfu -0.2" "isoflop: --serve-mfu: must be positive: '-0.2'" \
	optimum $base --serve-mfu -0.2
expect_error "--serve-mfu 1.5" \
	"isoflop: --serve-mfu: out of range (a share of the peak from 1e-4 to 1): '1.5'" \
	optimum $base --serve-mfu 1.5
expect_error "--serve-price -1" "isoflop: --serve-price: must be positive: '-1'" \
	optimum $base --serve-mfu 0.2 --serve-price -1
expect_error "--serve-mfu without --inference-tokens" \
	"isoflop: --serve-mfu prices serving: give --inference-tokens T, the tokens served over the model's life" \
	optimum --compute 1e24 --gpu h100 --mfu 0.4 --days 90 --serve-mfu 0.2
expect_error "--serve-mfu without --gpu" \
	"isoflop: --serve-mfu needs --gpu ID and --mfu F, the accelerator and the training MFU (isoflop presets accelerators lists them)" \
	optimum --compute 1e24 --inference-tokens 1e12 --serve-mfu 0.2
expect_error "--serve-price without --serve-mfu" \
	"isoflop: --serve-price needs --serve-mfu F, the share of the peak FLOP/s serving turns into model FLOPs" \
	optimum $base --serve-price 2
expect_error "no price" \
	"isoflop: lifetime dollars need a price: tpu-v5p has none; give --price USD an accelerator-hour" \
	optimum --compute 1e24 --inference-tokens 1e12 --gpu tpu-v5p --mfu 0.4 --days 90 --serve-mfu 0.2

# the map: iso-cost lines labelled in round dollars and the USD-optimal frontier
run plot contour --inference-tokens 10T --gpu h100 --mfu 0.4 --serve-mfu 0.2 --width 80 --height 24
if [ "$rc" = 0 ] && printf '%s\n' "$out" | grep -q '\$1M ' &&
	printf '%s\n' "$out" | grep -q '& USD-optimal (derived)  \$ lifetime USD' &&
	[ "$(printf '%s\n' "$out" | wc -l)" -le 24 ]; then
	ok "plot contour: iso-cost lines (\$1M) and the USD-optimal frontier in 80x24"
else
	no "plot contour: iso-cost lines and the USD-optimal frontier" "$out" "$err"
fi
# the $1M line meets the bottom edge (D = 100M) at N = $1M / (6a x 100M + 2b x 10T), by hand:
# a, b the dollars of a training and a serving FLOP; the label ends left of that column
nb=$(awk -v p="$price" 'BEGIN { a = p / (989e12 * 0.4 * 3600); b = p / (989e12 * 0.2 * 3600)
	printf "%.6g", 1e6 / (6 * a * 1e8 + 2 * b * 1e13) }')
# columns (from 0): the plot spans 6..79 for N from 1e7 to 1e13, 74 cells; the label
# ends in the cell before the line's, so its first character (index from 1) is col - 2
col=$(awk -v n="$nb" 'BEGIN { printf "%d", 6 + int((log(n) / log(10) - 7) / 6 * 74) }')
row=$(printf '%s\n' "$out" | sed -n 20p)
at=$(printf '%s\n' "$row" | awk '{ print index($0, "$1M ") }')
if [ "$at" -gt 0 ] && [ $((col - at - 2)) -ge -1 ] && [ $((col - at - 2)) -le 1 ]; then
	ok "the \$1M line meets D = 100M at N = $nb by hand (column $col)"
else
	no "the \$1M line meets D = 100M at N = $nb by hand" "label at $at, want its end near $col" "$row"
fi
# the explorer's inference view, priced from the start options: Chinchilla's 70B on 1.4T
# serving 10T tokens, by hand $16.367M (as in test_lifecost), and the USD-optimal frontier
usd=$(awk -v p="$price" 'BEGIN { a = 6 * 70e9 * 1.4e12 / (989e12 * 0.4 * 3600)
	b = 2 * 70e9 * 1e13 / (989e12 * 0.2 * 3600); printf "%.3g", p * (a + b) / 1e6 }')
run --dump --width 120 --height 40 --law hoffmann2022 --params 70B --tokens 1.4T \
	--inference-tokens 10T --gpu h100 --mfu 0.4 --serve-mfu 0.2 --gpus 1024
if [ "$rc" = 0 ] && printf '%s\n' "$out" | grep -qF "lifetime \$${usd}M; \$-optimal" &&
	printf '%s\n' "$out" | grep -qF '& USD-optimal'; then
	ok "explorer: lifetime \$${usd}M by hand and the USD-optimal model"
else
	no "explorer: lifetime \$${usd}M by hand and the USD-optimal model" "$out" "$err"
fi
run --dump --width 120 --height 40 --inference-tokens 10T
if printf '%s\n' "$out" | grep -q 'lifetime \$: start with --serve-mfu F' &&
	! printf '%s\n' "$out" | grep -q 'lifetime USD'; then
	ok "explorer: without --serve-mfu no iso-cost lines, and the readout says what to give"
else
	no "explorer: without --serve-mfu, the readout says what to give" "$out"
fi
expect_error "plot: --serve-mfu without --inference-tokens" \
	"isoflop: --gpu, --mfu and --serve-mfu price the inference view: give --inference-tokens T" \
	plot contour --gpu h100 --mfu 0.4 --serve-mfu 0.2
expect_error "plot: --gpu without --serve-mfu" \
	"isoflop: iso-cost lines need --gpu ID, --mfu F and --serve-mfu F (the training and the serving MFU)" \
	plot contour --inference-tokens 10T --gpu h100 --mfu 0.4

# --stock beside the dollars: each option brings its own columns and no other
# (a merge once let the stock's switch take the dollars' columns too)
run optimum --compute 1e24 --stock villalobos2024 --inference-tokens 10T --gpu h100 \
	--mfu 0.4 --gpus 1024 --serve-mfu 0.2 --format csv
head=$(printf '%s\n' "$out" | head -n 1)
case "$head" in
*,stock_epochs,stock_epochs_low,stock_epochs_high,lifetime_usd,usd_savings,derived_usd_optimal_params,derived_usd_optimal_tokens,derived_usd_optimal_lifetime_usd,derived_usd_optimal_savings)
	ok "optimum --stock with --serve-mfu: both sets of columns, once" ;;
*) no "optimum --stock with --serve-mfu: both sets of columns" "$out" ;;
esac
run optimum --compute 1e24 --stock villalobos2024 --inference-tokens 10T --gpu h100 \
	--mfu 0.4 --gpus 1024 --serve-mfu 0.2
if [ "$rc" = 0 ] && ! printf '%s\n' "$out" | grep -q -- '-  -$'; then
	ok "optimum --stock with --serve-mfu as text: no empty derived columns"
else
	no "optimum --stock with --serve-mfu as text" "$out"
fi

echo "1..$n"
