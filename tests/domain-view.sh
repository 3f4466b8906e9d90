#!/bin/sh
# domain-view.sh: the explorer adapts to the law (issue 17), end to end in
# tmux at 80x24: a power law starts with its L(C) beside the map and the
# status line saying what it cannot show; w lists the laws by domain with a
# domain column (tests/golden/picker-domains-80x24.txt), type-ahead finds a
# law there and picking an L(N)-only law draws its L(N) and says so; keys with
# nothing to act on say why; --domain limits the picker and starts on the
# domain's first law; a wrong domain is one line on stderr.
# With --update, write the picker's golden instead.
. "$(dirname "$0")/lib.sh"
trap 'end_tmux; rm -rf "$tmp"' EXIT
export ASAN_OPTIONS="${ASAN_OPTIONS:-}:detect_leaks=0"
golden=tests/golden/picker-domains-80x24.txt

# explorer ARGS...: a fresh explorer at 80x24 in session e
explorer() {
	T kill-session -t e 2>/dev/null
	T new-session -d -s e -x 80 -y 24 \
		"env LC_ALL=C.UTF-8 TERM=xterm NO_COLOR=1 HOME='$HOME' XDG_CONFIG_HOME='$XDG_CONFIG_HOME' '$ISOFLOP' $*"
}

# still: the screen once two captures 0.5 s apart agree, into $tmp/screen
still() {
	screen >"$tmp/before"
	i=0
	while [ "$i" -lt 40 ]; do
		sleep 0.5
		screen >"$tmp/screen"
		cmp -s "$tmp/screen" "$tmp/before" && return 0
		cp "$tmp/screen" "$tmp/before"
		i=$((i + 1))
	done
	return 1
}

if ! command -v tmux >/dev/null 2>&1; then
	no "tmux is installed (make deps installs it)"
	echo "1..$n"
	exit 0
fi
T new-session -d -s keep -x 80 -y 24 'sleep 600'

explorer --law henighan2020-image8
if wait_for '^henighan2020-image8 fits L\(N\), L\(C\) and N_opt\(C\) only: no map of L\(N, D\)$' &&
	screen | sed -n 1p | grep -q ' henighan2020-image8$' && screen | grep -q "^law's L(N) = 3.1271" &&
	! screen | grep -q 'no profiles'; then
	ok "a power law starts with its L(C) beside the map, its losses and what it cannot show"
else
	no "a power law starts with its L(C) and says what it cannot show" "$(screen)"
fi
T send-keys -t e w && wait_for 'laws: Enter switches' && still
if [ "${1:-}" = --update ]; then
	cp "$tmp/screen" "$golden"
	ok "wrote $golden"
elif cmp -s "$tmp/screen" "$golden"; then
	ok "w lists the laws by domain, language first, with a domain column ($golden)"
else
	no "the picker differs from $golden" "$(diff "$golden" "$tmp/screen" | head -n 20)"
fi
if T send-keys -t e -l henighan2020-t2i-t && T send-keys -t e Enter &&
	wait_for '^henighan2020-t2i-text fits L\(N\) only: no map of L\(N, D\), no frontier$' &&
	screen | grep -q 'L(N): henighan2020-t2i-text' && ! screen | grep -q '^\* frontier'; then
	ok "type-ahead picks an L(N)-only law: its L(N) is drawn, no frontier keyed, and it says so"
else
	no "picking an L(N)-only law" "$(screen)"
fi
if T send-keys -t e o && wait_for '^o: henighan2020-t2i-text fits no N_opt\(C\): no optimum to snap to$' &&
	T send-keys -t e i && wait_for '^i needs a loss L\(N, D\): henighan2020-t2i-text has none' &&
	! screen | grep -q '^  T infer'; then
	ok "o and i say why in one line and change nothing"
else
	no "o and i under an L(N)-only law" "$(screen)"
fi
T send-keys -t e q

explorer --domain image
if wait_for '^henighan2020-image16 fits' && T send-keys -t e w && wait_for 'laws: Enter switches' &&
	still && [ "$(grep -cE '\| (>| ) henighan2020-(image|vq)[0-9]+ ' "$tmp/screen")" = 5 ] &&
	[ "$(grep -cE '\| (>| ) [a-z]+[0-9]{4}' "$tmp/screen")" = 5 ]; then
	ok "--domain image starts on its first law and the picker lists its 5 laws alone"
else
	no "--domain image" "$(screen)"
fi
T send-keys -t e Escape q

expect_error "--domain of no law" \
	"isoflop: --domain proteins: no law of that domain is loaded (isoflop presets laws lists them)" \
	--domain proteins --dump
echo "1..$n"
