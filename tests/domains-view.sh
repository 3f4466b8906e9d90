#!/bin/sh
# domains-view.sh: the explorer's domains view (D) end to end in tmux: D
# draws every law with an L(C) in the whole panel area, the current law's
# line in '@' and named in the title, and the readout gives its domain, its
# L(C) (Henighan et al. 2020, arXiv:2010.14701, Table 1: 8x8 images,
# L(C) = 3.13 + (C/1.8e-8 PF-days)^-0.19) and the reducible loss at the
# point's C: (1.8e-8 * 8.64e19 / 1e20)^0.19 = 0.0328. D again returns to
# the map; a law with exponents only (DeepSeek LLM Table 4, early data,
# a = 0.450) says it fits no L(C) and lists Table 4's a = 0.450, 0.524 and
# 0.578 under the picture; an L(N, D) law points to view C; a tour step's
# `view: domains` and 'r'.
. "$(dirname "$0")/lib.sh"
trap 'end_tmux; rm -rf "$tmp"' EXIT
export ASAN_OPTIONS="${ASAN_OPTIONS:-}:detect_leaks=0"

# explorer ARGS...: a fresh explorer at 80x24 in session e
explorer() {
	T kill-session -t e 2>/dev/null
	T new-session -d -s e -x 80 -y 24 \
		"env LC_ALL=C.UTF-8 TERM=xterm NO_COLOR=1 HOME='$HOME' XDG_CONFIG_HOME='$XDG_CONFIG_HOME' '$ISOFLOP' $*"
}

T new-session -d -s keep -x 80 -y 24 'sleep 600'
explorer --law henighan2020-image8 --compute 1e20
if wait_for 'C FLOPs' && T send-keys -t e D &&
	wait_for '@ = henighan2020-image8$' && screen | grep -q '@@@@' &&
	screen | grep -q '^henighan2020-image8 (image): L(C) = 3\.13 + (1\.56e12/C)^0\.19' &&
	screen | grep -q '^at C = 1e20: reducible 0\.0328 of L(C) = 3\.1628 nats per token'; then
	ok "D shows the domains, image8's line as @, its L(C) and reducible loss at C"
else
	no "D shows the domains, image8's line as @, its L(C) and reducible loss at C" "$(screen)"
fi
if T send-keys -t e D && wait_for '^ +10M +100M' && ! screen | grep -q '@ = henighan2020'; then
	ok "D again returns to the map"
else
	no "D again returns to the map" "$(screen)"
fi
T send-keys -t e D
recorded="$XDG_CONFIG_HOME/isoflop/tours/recorded.yaml"
if T send-keys -t e r && wait_for '^caption: _' &&
	T send-keys -t e -l 'the domains' && T send-keys -t e Enter &&
	wait_for 'step 1 recorded' && grep -q '^ *view: domains$' "$recorded"; then
	ok "r records the step with view: domains"
else
	no "r records the step with view: domains" "$(screen)" "$(cat "$recorded" 2>&1)"
fi
T send-keys -t e q

explorer --law deepseek2024-early
if wait_for 'C FLOPs' && T send-keys -t e D &&
	wait_for 'deepseek2024-early: no L\(C\)$' &&
	screen | grep -q '^deepseek2024-early (language) fits no L(C)' &&
	screen | grep -q 'M_opt ~ C^0\.45, D_opt ~ C^0\.55 (exponents only)'; then
	ok "an exponent-only law: fits no L(C), its Table 4 exponents in the readout"
else
	no "an exponent-only law: fits no L(C), its Table 4 exponents in the readout" "$(screen)"
fi
T send-keys -t e q

run tour --dump tests/tours/domains-view.yaml "$tmp/slides"
if [ "$rc" = 0 ] && grep -q '@ = henighan2020-image8$' "$tmp/slides/step-01.txt" &&
	grep -q '^deepseek2024-early (language) fits no L(C)' "$tmp/slides/step-02.txt" &&
	grep -q 'deepseek2024 a=0\.524  deepseek2024-early a=0\.45$' "$tmp/slides/step-02.txt" &&
	grep -q '^deepseek2024-owt2 a=0\.578$' "$tmp/slides/step-02.txt" &&
	grep -q '^besiroglu2024 (language) is an L(N, D) law: C shows its L\*(C)' \
		"$tmp/slides/step-03.txt"; then
	ok "tour steps with view: domains play back, Table 4's exponents under exponents only, an L(N, D) law sent to C"
else
	no "tour steps with view: domains play back, Table 4's exponents under exponents only, an L(N, D) law sent to C" \
		"exit $rc: $err" "$(cat "$tmp/slides/step-0"[12].txt 2>&1)"
fi
echo "1..$n"
