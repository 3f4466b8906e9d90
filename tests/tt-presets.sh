#!/bin/sh
# tt-presets.sh: test-time laws in the catalog (issue 16). `presets testtime`
# lists DIR/testtime/*.yaml as text, CSV and JSON (id, form, units, task,
# name), a flops-match law without units; a tree with no testtime/ lists
# nothing and keeps every other listing; the kind is named where kinds are.
# The files are tests/testtime-presets/testtime/*.yaml, with made-up numbers.
. "$(dirname "$0")/lib.sh"
dir=$(cd "$(dirname "$0")" && pwd)/testtime-presets

run presets testtime --preset-dir "$dir"
want='TEST-TIME LAWS
id               form         units     task                name
test-coverage    coverage     coverage  MATH, a test model  Test coverage law
test-flopsmatch  flops-match  -         MATH, a test model  Test FLOPs match
test-loglinear   log-linear   Elo       Hex, 9x9 board      Test log-linear law'
if [ "$rc" = 0 ] && [ "$out" = "$want" ] && [ -z "$err" ]; then
	ok "presets testtime: id, form, units, task, name by id"
else
	no "presets testtime: the text listing" "exit $rc" "$out" "stderr: $err"
fi

run presets testtime --preset-dir "$dir" --format csv
head='kind,id,name,params,tokens,compute,source,peak_flops,price,price_source,watts,power_source,stock,stock_low,stock_high,level,growth,growth_low,growth_high,from,to,form,units,task'
row='test-time law,test-flopsmatch,Test FLOPs match,,,,"A test, not a paper",,,,,,,,,,,,,,,flops-match,,"MATH, a test model"'
if [ "$rc" = 0 ] && [ "$(printf '%s\n' "$out" | head -n 1)" = "$head" ] &&
	printf '%s\n' "$out" | grep -qxF "$row" && [ "$(printf '%s\n' "$out" | wc -l)" = 4 ]; then
	ok "presets testtime --format csv: form, units (empty for flops-match), task last"
else
	no "presets testtime --format csv" "exit $rc" "$out"
fi

run presets testtime --preset-dir "$dir" --format json
if [ "$rc" = 0 ] && printf '%s\n' "$out" | grep -qF '"id": "test-loglinear"' &&
	printf '%s\n' "$out" | grep -qF '"form": "log-linear", "units": "Elo", "task": "Hex, 9x9 board"}' &&
	printf '%s\n' "$out" | grep -qF '"form": "flops-match", "units": null'; then
	ok "presets testtime --format json: form, units (null for flops-match), task"
else
	no "presets testtime --format json" "exit $rc" "$out"
fi

# a tree without testtime/ (the shipped one today): nothing, and no error
run presets testtime --preset-dir "$dir/testtime"
if [ "$rc" = 0 ] && [ -z "$err" ]; then
	ok "presets testtime with no testtime/ directory: exit 0, no error"
else
	no "presets testtime with no testtime/ directory" "exit $rc" "stderr: $err"
fi

# every kind at once keeps the others and adds the test-time laws last; a
# user's own testtime/ directory loads like the shipped ones
mkdir -p "$tmp/config/isoflop"
ln -s "$dir/testtime" "$tmp/config/isoflop/testtime"
XDG_CONFIG_HOME="$tmp/config" run presets
if [ "$rc" = 0 ] && printf '%s\n' "$out" | grep -qx 'LAWS' &&
	[ "$(printf '%s\n' "$out" | grep -x 'TEST-TIME LAWS\|TRENDS' | tr '\n' ,)" = 'TRENDS,TEST-TIME LAWS,' ]; then
	ok "presets: the test-time laws after the trends"
else
	no "presets: all kinds with test-time laws" "exit $rc" "$out"
fi

expect_error "presets: the kinds named in the error" \
	"isoflop: presets: expected laws, models, accelerators, stocks, trends, testtime or downstream, not 'testtimes'" \
	presets testtimes

run --help
if printf '%s\n' "$out" | grep -qF 'isoflop presets [laws|models|accelerators|stocks|trends|testtime|'; then
	ok "--help: presets takes testtime"
else
	no "--help: presets takes testtime" "$out"
fi

echo "1..$n"
