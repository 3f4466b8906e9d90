#!/bin/sh
# tt-view.sh: the explorer's test-time views (issue 16) end to end in tmux:
# X shows the train x test plane with its sliders and readout, a step of
# train holds the locked total, x locks train, W picks a law X cannot show
# and X closes saying why, K refuses a law that is not a coverage law and
# shows a coverage law's curve; the start options' one-line errors.
. "$(dirname "$0")/lib.sh"
trap 'end_tmux; rm -rf "$tmp"' EXIT
export ASAN_OPTIONS="${ASAN_OPTIONS:-}:detect_leaks=0"

# explorer ARGS...: a fresh explorer at 80x24 in session e
explorer() {
	T kill-session -t e 2>/dev/null
	T new-session -d -s e -x 80 -y 24 \
		"env LC_ALL=C.UTF-8 TERM=xterm HOME='$HOME' XDG_CONFIG_HOME='$XDG_CONFIG_HOME' '$ISOFLOP' $*"
}

T new-session -d -s keep -x 80 -y 24 'sleep 600'
explorer
if wait_for 'Tab:slider' && T send-keys -t e X && wait_for '^Elo over training' &&
	screen | grep -q '^> train FLOPs .* 1e15 *$' &&
	screen | grep -q '^  total FLOPs .* 2e15 locked$' && screen | grep -q '^-750 Elo' &&
	screen | grep -q '^cheapest for 10M moves' && ! screen | grep -q 'N params' &&
	screen | grep -q 'W:law K:coverage X:close'; then
	ok "X shows the plane, its four sliders, its readout and its keys, no map"
else
	no "X shows the plane, its four sliders, its readout and its keys, no map" "$(screen)"
fi
if T send-keys -t e l && wait_for '^> train FLOPs .* 1\.12e15 *$' &&
	screen | grep -q '^  total FLOPs .* 2e15 locked$' &&
	screen | grep -q '^  test/move    .* 8\.78e7 *$'; then
	ok "a step of train with the total locked moves test, the total holds"
else
	no "a step of train with the total locked moves test, the total holds" "$(screen)"
fi
if T send-keys -t e x && wait_for '^train locked: moving another slider keeps train fixed' &&
	screen | grep -q '^> train FLOPs .* locked$'; then
	ok "x in X locks train"
else
	no "x in X locks train" "$(screen)"
fi
if T send-keys -t e W && wait_for 'test-time laws: Enter picks' &&
	T send-keys -t e -l sn && T send-keys -t e Enter &&
	wait_for '^X closed: snell2024: a FLOPs match, no plane: t shows it' &&
	screen | grep -q 'N params'; then
	ok "W to a law without a plane closes X and says why"
else
	no "W to a law without a plane closes X and says why" "$(screen)"
fi
if T send-keys -t e X && wait_for '^X: jones2021-hex9 \(snell2024: no train axis; W picks\)' &&
	wait_for '^Elo over training'; then
	ok "X under a law without a plane opens on jones2021-hex9 and says so"
else
	no "X under a law without a plane opens on jones2021-hex9 and says so" "$(screen)"
fi
T send-keys -t e q

explorer
if wait_for 'Tab:slider' && T send-keys -t e K &&
	wait_for '^K: brown2024-llama3-8b-math \(jones2021-hex9: no samples axis; W picks\)' &&
	wait_for '^coverage against samples'; then
	ok "K under a law that is not a coverage law opens on Brown's MATH fit and says so"
else
	no "K under a law that is not a coverage law opens on Brown's MATH fit and says so" "$(screen)"
fi
T send-keys -t e q

explorer --preset-dir tests/testtime-presets --tt-law test-coverage --samples 30
if wait_for 'Tab:slider' && T send-keys -t e K &&
	wait_for '^coverage against samples per problem k: test-coverage' &&
	screen | grep -q '^coverage 0\.527 at k = 30' &&
	screen | grep -q '^samples needed: k = 2\.74K for 0\.9'; then
	ok "K shows a coverage law's curve, its coverage at k and the samples the target needs"
else
	no "K shows a coverage law's curve, its coverage at k and the samples the target needs" \
		"$(screen)"
fi
T send-keys -t e q

expect_error "--tt-law with an unknown id: one line, exit 2" \
	"isoflop: --tt-law: unknown test-time law 'nosuch' (isoflop presets testtime lists them)" \
	--tt-law nosuch --dump
expect_error "--target outside (0, 1): one line, exit 2" \
	"isoflop: --target 1.5: the explorer's target is a coverage between 0 and 1 (view K), e.g. 0.9" \
	--target 1.5 --dump
echo "1..$n"
