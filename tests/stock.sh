#!/bin/sh
# stock.sh: the data stock at the command line. `loss --stock` gives the
# epochs of the stock that D is, checked against a hand computation from the
# sourced stock (Villalobos et al. 2024, arXiv:2211.04325: about 300T tokens,
# 90% interval 100T to 1000T) and Llama 3's 15T training tokens (Meta's
# model card): 15T / 300T = 0.05, 15T / 1000T = 0.015, 15T / 100T = 0.15.
# `plot contour --stock` draws the band and grows the window to hold it.
. "$(dirname "$0")/lib.sh"

run loss --model llama3-70b --stock villalobos2024 --format csv
want='law,params,tokens,compute,loss,stock_epochs,stock_epochs_low,stock_epochs_high'
if [ "$rc" = 0 ] && [ "$(printf '%s\n' "$out" | head -n 1)" = "$want" ] &&
	printf '%s\n' "$out" | tail -n 1 | grep -q ',0\.05,0\.015,0\.15$'; then
	ok "loss --stock: Llama 3 70B's 15T is 0.05 (0.015-0.15) epochs of 300T (100T-1000T)"
else
	no "loss --stock: stock epochs" "exit $rc" "$out"
fi

run loss --model llama3-70b --format csv
if [ "$rc" = 0 ] && ! printf '%s\n' "$out" | grep -q stock; then
	ok "loss without --stock: no stock columns"
else
	no "loss without --stock: no stock columns" "$out"
fi

expect_error "loss --stock: unknown id" \
	"isoflop: --stock: unknown stock 'nope' (known: villalobos2024)" \
	loss --model llama3-70b --stock nope
expect_error "plot contour --stock: unknown id" \
	"isoflop: --stock: unknown stock 'nope' (known: villalobos2024)" \
	plot contour --stock nope
expect_error "plot profiles takes no --stock" \
	"isoflop: --stock does not apply to 'plot profiles' (see isoflop --help)" \
	plot profiles --stock villalobos2024

run plot contour --stock villalobos2024
if [ "$rc" = 0 ] && printf '%s\n' "$out" | grep -q '^1e16 +' &&
	printf '%s\n' "$out" | grep -q '" villalobos2024 300T  ; 100T-1000T (90%)' &&
	printf '%s\n' "$out" | grep -q '"""'; then
	ok "plot contour --stock: the window reaches 1e16, the band and its key are drawn"
else
	no "plot contour --stock: band" "exit $rc" "$out"
fi

run plot contour --stock villalobos2024 --range 10M:10T,100M:10T
if [ "$rc" = 0 ] && ! printf '%s\n' "$out" | grep -q '"""'; then
	ok "plot contour --stock --range below the stock: the window is kept, no band row"
else
	no "plot contour --stock --range: window kept" "exit $rc" "$out"
fi

echo "1..$n"
