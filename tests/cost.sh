#!/bin/sh
# cost.sh: what a run costs, against a hand computation from the shipped
# H100's sourced price and power (AWS p5.48xlarge, $55.04 an hour for 8
# GPUs; NVIDIA's 700 W maximum TDP), the inputs refused, and the new CSV
# and JSON columns.
. "$(dirname "$0")/lib.sh"

# near GOT WANT TOL: |GOT/WANT - 1| <= TOL
near() { awk -v g="$1" -v w="$2" -v t="$3" 'BEGIN { r = g / w - 1; exit !(r <= t && -r <= t) }'; }

# column NAME: the value in $out's (CSV) header column NAME, second line
column() {
	printf '%s\n' "$out" | awk -F, -v c="$1" 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == c) k = i }
		NR == 2 && k { print $k }'
}

# Llama 3.1 405B's budget, 3.8e25 FLOPs (Meta, The Llama 3 Herd of Models,
# arXiv:2407.21783, sec. 3.3.1), on 16,384 H100 at 40% MFU, worked by hand.
hours=$(awk 'BEGIN { printf "%.10g", 3.8e25 / (989e12 * 0.4 * 3600) }')
usd=$(awk -v h="$hours" 'BEGIN { printf "%.10g", h * 55.04 / 8 }')
mwh=$(awk -v h="$hours" 'BEGIN { printf "%.10g", h * 700 * 1.1 / 1e6 }')
co2=$(awk -v m="$mwh" 'BEGIN { printf "%.10g", m * 0.4 }')

run optimum --compute 3.8e25 --gpu h100 --mfu 0.4 --gpus 16384 --pue 1.1 --grid 0.4 --format csv
for c in "gpu_hours $hours" "usd $usd" "energy_mwh $mwh" "co2e_tonnes $co2"; do
	set -- $c
	got=$(column "$1")
	if [ "$rc" = 0 ] && [ -n "$got" ] && near "$got" "$2" 1e-6; then
		ok "Llama 3.1 405B on h100: $1 by hand ($2)"
	else
		no "Llama 3.1 405B on h100: $1 by hand" "got '$got', want $2" "stderr: $err"
	fi
done

# --price and --watts override the preset; without --grid no CO2e column
run optimum --compute 3.8e25 --gpu h100 --mfu 0.4 --gpus 16384 --price 2 --watts 500 --format csv
got_usd=$(column usd) got_mwh=$(column energy_mwh)
if near "$got_usd" "$(awk -v h="$hours" 'BEGIN { print h * 2 }')" 1e-6 &&
	near "$got_mwh" "$(awk -v h="$hours" 'BEGIN { print h * 500 / 1e6 }')" 1e-6 &&
	! printf '%s\n' "$out" | head -1 | grep -q co2e; then
	ok "--price and --watts override the preset; PUE 1 unless given; no CO2e without --grid"
else
	no "--price and --watts override the preset" "$out"
fi

# an accelerator with no price: unknown, never $0, in every format
run optimum --compute 3.8e25 --gpu tpu-v5p --mfu 0.4 --gpus 8192 --format csv
if [ "$rc" = 0 ] && printf '%s\n' "$out" | head -1 | grep -q ',usd,energy_mwh$' &&
	[ -z "$(column usd)" ] && [ -z "$(column energy_mwh)" ]; then
	ok "no price, no power: empty CSV cells"
else
	no "no price, no power: empty CSV cells" "$out"
fi
run optimum --compute 3.8e25 --gpu tpu-v5p --mfu 0.4 --gpus 8192 --format json
if printf '%s\n' "$out" | grep -q '"usd": null, "energy_mwh": null'; then
	ok "no price, no power: null in JSON"
else
	no "no price, no power: null in JSON" "$out"
fi
run optimum --compute 3.8e25 --gpu tpu-v5p --mfu 0.4 --gpus 8192
if printf '%s\n' "$out" | grep -q '^USD unknown: tpu-v5p has no price; give --price USD' &&
	! printf '%s\n' "$out" | grep -q '\$0'; then
	ok "no price: the text says unknown"
else
	no "no price: the text says unknown" "$out"
fi
run optimum --compute 3.8e25 --gpu h100 --mfu 0.4 --gpus 16384
if printf '%s\n' "$out" | grep -q 'PUE 1 (the accelerators alone'; then
	ok "the default PUE is labelled: the accelerators alone"
else
	no "the default PUE is labelled" "$out"
fi

# the presets list their prices and powers, and the sources in CSV
run presets accelerators --format csv
if printf '%s\n' "$out" | head -1 | grep -q ',price,price_source,watts,power_source$' &&
	printf '%s\n' "$out" | grep '^accelerator,h100,' | grep -q ',6.88,.*as of 2026-.*,700,'; then
	ok "presets accelerators: price and watts with their sources"
else
	no "presets accelerators: price and watts with their sources" "$(printf '%s\n' "$out" | head -1)"
fi

# the explorer's hardware view: 1,024 accelerators for 30 days are 737,280
# GPU-hours; at --price 3, $2.21M; at 200 W and PUE 1.5, 221 MWh (the readout
# names a price and power given)
usd=$(awk 'BEGIN { printf "%.3gM", 1024 * 30 * 24 * 3 / 1e6 }')
mwh=$(awk 'BEGIN { printf "%.0f", 1024 * 30 * 24 * 200 * 1.5 / 1e6 }')
run --dump --width 120 --gpu tpu-v4 --gpus 1024 --mfu 0.4 --days 30 --price 3 --watts 200 --pue 1.5
if [ "$rc" = 0 ] && printf '%s\n' "$out" | grep -q "737K GPU-hours  \\\$$usd at given \\\$3/h  $mwh MWh at given 200 W\$"; then
	ok "explorer: \$$usd and $mwh MWh beside GPU-hours from --price, --watts, --pue"
else
	no "explorer: \$$usd and $mwh MWh beside GPU-hours" "$(printf '%s\n' "$out" | grep GPU-hours)" "$err"
fi
run --dump --width 120 --gpu tpu-v4 --gpus 1024 --mfu 0.4 --days 30
if [ "$rc" = 0 ] && printf '%s\n' "$out" | grep -q '737K GPU-hours  \$ unknown  MWh unknown$'; then
	ok "explorer: no price or power: unknown, never \$0"
else
	no "explorer: no price or power: unknown" "$(printf '%s\n' "$out" | grep GPU-hours)"
fi
expect_error "explorer: --grid is optimum's" "isoflop: --grid does not apply to 'the explorer' (see isoflop --help)" --dump --gpu h100 --grid 0.4

expect_error "unknown accelerator" "isoflop: unknown accelerator 'h900' (isoflop presets accelerators lists them)" optimum --compute 1e24 --gpu h900 --mfu 0.4 --gpus 8
expect_error "negative price" "isoflop: --price: must be positive: '-1'" optimum --compute 1e24 --gpu h100 --mfu 0.4 --gpus 8 --price -1
expect_error "negative watts" "isoflop: --watts: must be positive: '-700'" optimum --compute 1e24 --gpu h100 --mfu 0.4 --gpus 8 --watts -700
expect_error "PUE below 1" "isoflop: --pue: out of range (power usage effectiveness from 1 to 10): '0.9'" optimum --compute 1e24 --gpu h100 --mfu 0.4 --gpus 8 --pue 0.9
expect_error "negative grid" "isoflop: --grid: must be positive: '-0.4'" optimum --compute 1e24 --gpu h100 --mfu 0.4 --gpus 8 --grid -0.4
expect_error "price without gpu" "isoflop: --gpus, --mfu, --days, --price, --watts, --pue and --grid need --gpu ID, the accelerator (isoflop presets accelerators lists them)" optimum --compute 1e24 --price 2

# a negative price in a preset: FILE:LINE:COL
mkdir -p "$tmp/p"
printf 'id: cheap\nname: Cheap\nsource: s\npeak_flops: 1e15\nprice: -2\n' >"$tmp/p/cheap.yaml"
expect_error "negative price in a preset" "$tmp/p/cheap.yaml:5:8: 'price' must lie in [0, 1e4] USD per accelerator-hour, not -2" presets --preset "$tmp/p/cheap.yaml"

echo "1..$n"
