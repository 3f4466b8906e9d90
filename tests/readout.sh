#!/bin/sh
# readout.sh: what a speaker reads under the sliders. The readout never cuts
# a number (Gopher's efficiency at 80x24, dL at 60x18), a tour's caption
# leaves the readout its rows, and 'b' draws L, the efficiency and C three
# rows high (tests/golden/view-big-80x24.txt, through libvterm).
. "$(dirname "$0")/lib.sh"
: "${VTERM_SCREEN:?set VTERM_SCREEN to build/vterm_screen}"

# has NAME TEXT ARGS...: the --dump frame of ARGS holds TEXT
has() {
	name=$1 text=$2
	shift 2
	# shellcheck disable=SC2068 # the arguments are plain words
	out=$("$ISOFLOP" --dump "$@" 2>&1)
	if printf '%s\n' "$out" | grep -qF -- "$text"; then
		ok "$name"
	else
		no "$name" "$(printf '%s\n' "$out" | tail -n 5)"
	fi
}

has "Gopher's efficiency (49.7%) is on screen at 80x24" "efficiency 49.7%" --model gopher
has "the default frame's efficiency is on screen at 80x24" "efficiency 99.9%"
has "dL keeps its number at 60x18" "dL = +0.0000" --width 60 --height 18
if "$ISOFLOP" --dump --width 60 --height 18 | grep -q 'dL = *$'; then
	no "no readout row ends in an empty dL at 60x18"
else
	ok "no readout row ends in an empty dL at 60x18"
fi

# a tour at 80x24: the caption and the numbers it cites, both on screen
"$ISOFLOP" tour --dump chinchilla-story "$tmp/tour" >/dev/null 2>&1
step2="$tmp/tour/step-02.txt"
if grep -q "60.9% compute-efficient" "$step2" && grep -q "efficiency 60.9%" "$step2" &&
	grep -q "^L = 2.0086" "$step2"; then
	ok "tour step 2 at 80x24 shows its caption and the efficiency it cites"
else
	no "tour step 2 at 80x24: caption and readout" "$(tail -n 6 "$step2" 2>&1)"
fi
step5="$tmp/tour/step-05.txt"
if grep -q "70B parameters on 1.4T tokens" "$step5" && grep -q "^L = 1.9739" "$step5"; then
	ok "tour step 5 at 80x24 shows its caption and the readout"
else
	no "tour step 5 at 80x24: caption and readout" "$(tail -n 6 "$step5" 2>&1)"
fi

# the big readout, and b again back to the readout
g=tests/golden
if out=$("$VTERM_SCREEN" "$ISOFLOP" 80 24 screen "$g/screen-80x24.txt" b "$g/view-big-80x24.txt" \
	b "$g/screen-80x24.txt" 2>&1); then
	ok "b: L, efficiency and C three rows high at 80x24, and back"
else
	no "b: the big readout at 80x24" "$(printf '%s\n' "$out" | tail -n 8)"
fi
# the test-time panel (t): its formula whole, with its left-hand side, and the
# slider's M once, marked, whether or not it is one of the rows 2, 4, 14
for m in 4 3; do
	run --dump --model llama3-8b --inference-tokens 2.4T --larger "$m"
	rows=$(printf '%s\n' "$out" | grep -cE "[> ] +$m +[0-9.]+ *\$")
	if [ "$rc" = 0 ] && [ "$rows" = 1 ] && printf '%s\n' "$out" | grep -q "> *$m " &&
		printf '%s\n' "$out" | grep -qF 'x = M + 3 (D/T)(M - 1)'; then
		ok "test-time panel: M = $m once, marked, and the formula whole"
	else
		no "test-time panel: M = $m once, marked, and the formula whole" "$out"
	fi
done

echo "1..$n"
