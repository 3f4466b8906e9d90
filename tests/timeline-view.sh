#!/bin/sh
# timeline-view.sh: the explorer's timeline view (T) end to end in tmux: T
# shows the timeline with its data wall, T again returns to the map; under
# a frontier law the status line says there is no wall and the picture
# still shows the models; 'r' records
# `view: timeline`, which `tour --dump` plays back to the same picture.
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
if wait_for 'Tab:slider' && T send-keys -t e T && wait_for '^= data wall C=3\.89e28' &&
	screen | grep -q '^data wall C=3\.89e28' && ! screen | grep -q '^besiroglu2024: @'; then
	ok "T shows the timeline: the data wall's legend and readout, no map"
else
	no "T shows the timeline: the data wall's legend and readout, no map" "$(screen)"
fi
if T send-keys -t e T && wait_for '^besiroglu2024: @ Chinchilla' &&
	! screen | grep -q 'data wall C='; then
	ok "T again returns to the map"
else
	no "T again returns to the map" "$(screen)"
fi
T send-keys -t e T
recorded="$XDG_CONFIG_HOME/isoflop/tours/recorded.yaml"
if T send-keys -t e r && wait_for '^caption: _' &&
	T send-keys -t e -l 'the data wall' && T send-keys -t e Enter &&
	wait_for 'step 1 recorded' && grep -q '^ *view: timeline$' "$recorded"; then
	ok "r records the step with view: timeline"
else
	no "r records the step with view: timeline" "$(screen)" "$(cat "$recorded" 2>&1)"
fi
T send-keys -t e q
run tour --dump recorded "$tmp/slides"
if [ "$rc" = 0 ] && grep -q '^= data wall C=3\.89e28' "$tmp/slides/step-01.txt" &&
	grep -q 'the data wall' "$tmp/slides/step-01.txt"; then
	ok "the recorded step plays back in the timeline view"
else
	no "the recorded step plays back in the timeline view" "exit $rc: $err" \
		"$(cat "$tmp/slides/step-01.txt" 2>&1)"
fi

explorer --law kaplan2020-frontier
if wait_for 'Tab:slider' && T send-keys -t e T &&
	wait_for '^no data wall under kaplan2020-frontier: no compute-optimal run' &&
	screen | grep -q 'Epoch AI 4\.7x/yr (cited)' && screen | grep -q 'G3'; then
	ok "a frontier law: the status line says no wall, the models and trends still shown"
else
	no "a frontier law: the status line says no wall, the models and trends still shown" \
		"$(screen)"
fi
T send-keys -t e q
echo "1..$n"
