#!/bin/sh
# batch.sh: the batch commands' shared checks and labels: one message for an
# unknown --stock in every command, the timeline's wall rows without a level
# (their interval is two intervals' corners), the serving options refused
# alike by optimum and the explorer, and the footers' own words.
. "$(dirname "$0")/lib.sh"

# Every command that takes --stock names the known ids the same way.
for cmd in "loss --model llama3-70b" "optimum --compute 1e24" "plot contour" "timeline" \
	"--dump"; do
	# shellcheck disable=SC2086
	expect_error "$cmd --stock nope: the known ids" \
		"isoflop: --stock: unknown stock 'nope' (known: villalobos2024)" $cmd --stock nope
done

# A wall row's interval pairs the smallest stock at the fastest growth with
# the largest at the slowest: no confidence level, so none is written.
run timeline --law hoffmann2022 --format csv
walls=$(printf '%s\n' "$out" | grep '^wall,')
if [ "$rc" = 0 ] && [ "$(printf '%s\n' "$walls" | wc -l)" = 2 ] &&
	[ "$(printf '%s\n' "$walls" | awk -F, '$10 == ""' | wc -l)" = 2 ]; then
	ok "timeline csv: the wall rows leave level empty"
else
	no "timeline csv: the wall rows leave level empty" "exit $rc" "$walls"
fi
run timeline --law hoffmann2022 --format json
if [ "$rc" = 0 ] && [ "$(printf '%s\n' "$out" | grep -c '"row": *"wall".*"level": *null')" = 2 ]; then
	ok "timeline json: the wall rows' level is null"
else
	no "timeline json: the wall rows' level is null" "exit $rc" "$out"
fi

# The serving options need the same in the explorer as in optimum, in the same words.
expect_error "explorer: --serve-mfu without --inference-tokens" \
	"isoflop: --serve-mfu prices serving: give --inference-tokens T, the tokens served over the model's life" \
	--gpu h100 --serve-mfu 0.2 --dump
expect_error "explorer: --serve-price without --serve-mfu" \
	"isoflop: --serve-price needs --serve-mfu F, the share of the peak FLOP/s serving turns into model FLOPs" \
	--inference-tokens 10T --serve-price 2 --dump

# A --price (and a --serve-price) equal to the preset's own is still the user's.
run optimum --compute 1e24 --gpu h100 --mfu 0.4 --gpus 1000 --price 6.88 \
	--inference-tokens 10T --serve-mfu 0.2 --serve-price 6.88
if [ "$rc" = 0 ] && printf '%s\n' "$out" | grep -q '^USD = GPU-hours x \$6.88 an hour (--price)\.$' &&
	printf '%s\n' "$out" | grep -q '(serving, --serve-price)\.$'; then
	ok "optimum: --price and --serve-price at the preset's price are labelled as given"
else
	no "optimum: --price at the preset's price is labelled as given" "exit $rc: $err" "$out"
fi

# The footers count training at the law's own k, here 8 FLOPs per parameter per token.
sed 's/^id: .*/id: k8/; s/^flops_per_param_token: 6$/flops_per_param_token: 8/' \
	presets/laws/hoffmann2022.yaml >"$tmp/k8.yaml"
run optimum --preset "$tmp/k8.yaml" --law k8 --compute 1e24 --inference-tokens 20T \
	--gpu h100 --mfu 0.4 --days 90 --serve-mfu 0.2
if [ "$rc" = 0 ] && printf '%s\n' "$out" | grep -q '^lifetime USD = 8ND FLOPs at MFU 0.4' &&
	printf '%s\n' "$out" | grep -q '^Serving 20T tokens: total = training 8ND + inference'; then
	ok "optimum: the footers say 8ND under a law whose k is 8"
else
	no "optimum: the footers say the law's k" "exit $rc: $err" "$out"
fi

# --help names every plot and every option a command takes in its usage.
run --help
if printf '%s\n' "$out" | grep -q "fixed compute (the U-curves); compute: each law's compute-optimal" &&
	printf '%s\n' "$out" | grep -A 1 '^       isoflop timeline' | grep -q -- '--format text|csv|json'; then
	ok "--help: the plot command lists compute, the timeline usage --format"
else
	no "--help: plot compute and timeline --format" "$out"
fi

echo "1..$n"
