#!/bin/sh
# tourfields.sh: round 1's dollars, energy and data stock where a talk reaches
# them: `optimum --stock` (the epochs of Villalobos et al. 2024's stock,
# arXiv:2211.04325: about 300T tokens, 90% interval 100T to 1000T, so 15T is
# 15/300 = 0.05, 15/1000 = 0.015 and 15/100 = 0.15 epochs), the explorer's
# --stock and --price, a start past 100T tokens in the data view, tour
# steps that set price, watts, pue and stock, and the stock read in T.
. "$(dirname "$0")/lib.sh"

run optimum --law besiroglu2024 --tokens 15T --stock villalobos2024 --format csv
want='law,compute,params,tokens,tokens_per_param,loss,stock_epochs,stock_epochs_low,stock_epochs_high'
if [ "$rc" = 0 ] && [ "$(printf '%s\n' "$out" | head -n 1)" = "$want" ] &&
	printf '%s\n' "$out" | tail -n 1 | grep -q ',0\.05,0\.015,0\.15$'; then
	ok "optimum --stock: 15T is 0.05 (0.015-0.15) epochs of 300T (100T-1000T), in CSV"
else
	no "optimum --stock: stock epochs in CSV" "exit $rc: $err" "$out"
fi

run optimum --law besiroglu2024 --tokens 15T --stock villalobos2024 --format json
if [ "$rc" = 0 ] && printf '%s\n' "$out" |
	grep -q '"stock_epochs": 0.05, "stock_epochs_low": 0.015, "stock_epochs_high": 0.15}'; then
	ok "optimum --stock: the same in JSON"
else
	no "optimum --stock: the same in JSON" "exit $rc: $err" "$out"
fi

run optimum --law besiroglu2024 --tokens 15T --stock villalobos2024
if [ "$rc" = 0 ] && printf '%s\n' "$out" | head -n 1 | grep -q 'stock epochs *low *high$' &&
	printf '%s\n' "$out" | sed -n 2p | grep -q '0\.05 *0\.015 *0\.15$'; then
	ok "optimum --stock: the same as text"
else
	no "optimum --stock: the same as text" "exit $rc: $err" "$out"
fi

expect_error "optimum --stock: unknown id" \
	"isoflop: --stock: unknown stock 'nope' (known: villalobos2024)" \
	optimum --compute 1e24 --stock nope

# the explorer: a start past 100T in the data view, whose window reaches the stock
run --law muennighoff2023 --params 1T --tokens 300T --unique-tokens 300T --dump
if [ "$rc" = 0 ] && printf '%s\n' "$out" | grep -q 'stock epochs 1 (0.3-3)'; then
	ok "explorer: 300T tokens start in the data view, one epoch of the stock"
else
	no "explorer: 300T tokens start in the data view" "exit $rc: $err" "$out"
fi
expect_error "explorer: 300T tokens outside the data view are refused" \
	"isoflop: the start point lies outside the window (N 10M..10T, D 100M..100T)" \
	--law muennighoff2023 --params 1T --tokens 300T --dump

run --stock none --dump
if [ "$rc" = 0 ] && printf '%s\n' "$out" | grep -q '^  U unique' &&
	! printf '%s\n' "$out" | grep -q 'stock'; then
	ok "explorer --stock none: the data view without the band"
else
	no "explorer --stock none: the data view without the band" "exit $rc: $err" "$out"
fi
run --stock villalobos2024 --dump
if [ "$rc" = 0 ] && printf '%s\n' "$out" | grep -q 'stock epochs'; then
	ok "explorer --stock ID: the data view with its stock"
else
	no "explorer --stock ID: the data view with its stock" "exit $rc: $err" "$out"
fi
expect_error "explorer --stock: unknown id" \
	"isoflop: --stock: unknown stock 'nope' (known: villalobos2024)" \
	--stock nope --dump

# a price given is named; 413K H100-hours (Chinchilla's C at MFU 0.4) at $3 are $1.24M
run --gpu h100 --price 3 --dump
if [ "$rc" = 0 ] && printf '%s\n' "$out" | grep -q '413K GPU-hours' &&
	printf '%s\n' "$out" | grep -q '\$1.24M at given \$3/h'; then
	ok "explorer --price: the readout names the price given"
else
	no "explorer --price: the readout names the price given" "exit $rc: $err" "$out"
fi

# a tour that sets them plays, each value on screen
cat >"$tmp/t.yaml" <<'YAML'
id: fields
title: Fields
steps:
  - caption: the H100 at three dollars an hour
    compute: 5.88e23
    view: hardware
    accelerator: h100
    price: 3
    watts: 700
    pue: 1.2
  - caption: the stock hidden
    view: data
    stock: none
  - caption: the stock, and a run past it
    params: 1T
    tokens: 3000T
    stock: villalobos2024
YAML
run tour --dump "$tmp/t.yaml" "$tmp/slides"
if [ "$rc" = 0 ] && grep -q 'at given \$3/h' "$tmp/slides/step-01.txt" &&
	grep -q 'U unique' "$tmp/slides/step-02.txt" &&
	! grep -q 'stock epochs' "$tmp/slides/step-02.txt" &&
	grep -q 'stock epochs 10 (3-30)' "$tmp/slides/step-03.txt"; then
	ok "a tour's price, watts, pue and stock play"
else
	no "a tour's price, watts, pue and stock play" "exit $rc: $err" \
		"$(cat "$tmp/slides/step-01.txt" "$tmp/slides/step-03.txt" 2>&1)"
fi
# the stock and its interval in one unit, as the paper gives them: 100T to 1000T
run presets stocks
if [ "$rc" = 0 ] && printf '%s\n' "$out" | grep -q '^villalobos2024 *300T *100T *1000T '; then
	ok "presets stocks: 300T, 100T to 1000T, not 1e15"
else
	no "presets stocks: 300T, 100T to 1000T" "exit $rc: $err" "$out"
fi
echo "1..$n"
