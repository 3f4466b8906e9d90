#!/bin/sh
# screen80.sh: what a newcomer saw at 80x24 in tmux, monochrome, with their
# own runs: every key the screen draws is one it shows (the legend keys the
# runs' 'x' and the fit's edge '`' that are on the map), every interval has
# its 10-90% label, and no title, key, help line or picker row is cut
# mid-word or covered by a marker.
. "$(dirname "$0")/lib.sh"
trap 'end_tmux; rm -rf "$tmp"' EXIT
export ASAN_OPTIONS="${ASAN_OPTIONS:-}:detect_leaks=0"
runs="--runs tests/runs/besiroglu-sweeps.csv --bootstrap 50"

# start ARGS...: the explorer in session e, 80x24, monochrome, up and drawn
start() {
	end_tmux
	T new -d -s e -x 80 -y 24 "TERM=xterm NO_COLOR=1 '$ISOFLOP' $*"
	note_panes
	wait_for 'Tab:slider' || echo "# the explorer did not start: $*"
}

# keys KEY...: send each key, then wait for the screen to settle
keys() {
	for k in "$@"; do
		T send-keys -t e "$k"
		sleep 0.3
	done
	sleep 0.5
}

# legend: the map's legend (row 17, the map's 49 columns); map: its plot rows
legend() { screen | sed -n 17p | cut -c1-49; }
map() { screen | sed -n 2,14p | cut -c7-49; }

start "$runs"
l=$(legend)
case $l in
'* optimal  x runs (96)  `'*) ok "legend: the runs right after the optimum, then the fit's edge" ;;
*) no "legend: the runs right after the optimum, then the fit's edge" "legend: $l" ;;
esac
# what the legend keys is on the map
if map | grep -q 'x' && map | grep -q '`'; then
	ok "legend: the 'x' and '\`' it keys are on the map"
else
	no "legend: the 'x' and '\`' it keys are on the map" "$(map)"
fi
# intervals on the readout's optimum row come with their label
r=$(screen | sed -n 21,23p)
if printf '%s\n' "$r" | grep '(12-13.4B)' | grep -q '10-90%:'; then
	ok "readout: the intervals' row says 10-90%"
else
	no "readout: the intervals' row says 10-90%" "$r"
fi

# (3d) the profiles' budget labels keep clear of '[', '@' and ']'
keys z
p=$(screen | sed -n 2,14p | cut -c51-80)
if printf '%s\n' "$p" | grep -Eq '[0-9][][@]|[][@][0-9]'; then
	no "profiles: no budget label touches the optimum's brackets or '@'" "$p"
else
	ok "profiles: no budget label touches the optimum's brackets or '@'"
fi

# (3b) N typed past the window: the profiles' key is whole
start "$runs"
keys = 1e25 Enter
k=$(screen | sed -n 17p | cut -c51-80)
case $k in
*'@ off panel' | *'@ N='*[0-9BMTK]) ok "profiles' key whole at N = 1e25: $k" ;;
*) no "profiles' key whole at N = 1e25" "key: $k" ;;
esac

# (3a) the difference map's title fits the map's width whole
start "$runs"
keys c hoff Enter d
t=$(screen | sed -n 1p | cut -c1-50)
if printf '%s\n' "$t" | grep -Eq '^dL = runs - hoffmann2022: [+-][0-9.]+( at @| at \([^)]*\))? *$'; then
	ok "difference title whole: $t"
else
	no "difference title whole" "title: $t"
fi
l=$(legend)
case $l in
*'/ dL'*) ok "legend keys the difference's contours" ;;
*) no "legend keys the difference's contours" "legend: $l" ;;
esac

# (2) with --downstream the intervals keep their label
start "$runs --downstream gadre2024"
r=$(screen | sed -n 21,23p)
if printf '%s\n' "$r" | grep '(12-13.4B)' | grep -q '10-90%:'; then
	ok "readout with --downstream: the intervals' row says 10-90%"
else
	no "readout with --downstream: the intervals' row says 10-90%" "$r"
fi

# (3c) every help line ends inside the box with a blank before its edge:
# the box's sides are columns 3 and 78, its text 5 to 76, and a line cut
# short fills column 76
start "$runs"
keys '?'
rows=$(screen | awk 'substr($0, 3, 1) == "|" && substr($0, 78, 1) == "|"' | wc -l)
cut=$(screen | awk 'substr($0, 3, 1) == "|" && substr($0, 78, 1) == "|" && substr($0, 76, 1) != " "')
if [ "$rows" -gt 10 ] && [ -z "$cut" ]; then
	ok "help: no line runs to the box's edge ($rows rows)"
else
	no "help: no line runs to the box's edge" "rows: $rows" "$cut"
fi

# (4) the compare picker: the selected row marked '>', names whole
start "$runs"
keys c
s=$(screen)
if printf '%s\n' "$s" | grep -Eq '\| > [a-z]' &&
	printf '%s\n' "$s" | grep -q 'Chinchilla Approach 3 (Eq. 10 as printed)'; then
	ok "compare picker: '>' marks the selected row, names whole"
else
	no "compare picker: '>' marks the selected row, names whole" "$s"
fi
# (5) the law picker at 50 columns: the middle columns give way, the names
# stay (a negative room for them, compared unsigned, once kept every column)
end_tmux
T new -d -s e -x 50 -y 24 "TERM=xterm NO_COLOR=1 '$ISOFLOP'"
note_panes
wait_for 'Tab:slider' || echo "# the explorer did not start at 50 columns"
keys w
s=$(screen)
if printf '%s\n' "$s" | grep -q 'hoffmann2022  *Chinchilla' &&
	printf '%s\n' "$s" | grep -q 'deepseek2024  *DeepSeek'; then
	ok "law picker at 50 columns: each id with its name"
else
	no "law picker at 50 columns: each id with its name" "$s"
fi
echo "1..$n"
