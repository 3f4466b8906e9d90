#!/bin/sh
# valgrind.sh: a few commands of the real binary under valgrind, which sees
# what the sanitizers cannot in an optimised build: uninitialised reads in
# libraries and leaks across the whole process.
. "$(dirname "$0")/lib.sh"
vg() { # name status command...
	name=$1 want=$2
	shift 2
	n=$((n + 1))
	valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect \
		--show-leak-kinds=definite,indirect "$ISOFLOP" "$@" >/dev/null 2>"$tmp/err"
	rc=$?
	if [ "$rc" = "$want" ]; then
		echo "ok $n - valgrind: $name"
	else
		echo "not ok $n - valgrind: $name (exit $rc, want $want)"
		sed 's/^/#   /' "$tmp/err" | head -n 30
	fi
}
vg "presets" 0 presets
vg "loss under every law" 0 loss --law all --model gpt3 --format json
vg "optimum with inference" 0 optimum --law all --compute 1e23 --inference-tokens 2T
vg "data-constrained optimum" 0 optimum --law muennighoff2023 --compute 1e22 --unique-tokens 25B --format csv
vg "optimum on hardware, the count solved" 0 optimum --law all --loss 2.1 --gpu tpu-v5p --mfu 0.45 --days 14 --format json
vg "contour map with every model" 0 plot contour --model all --width 120 --height 40 --compute 1e23 --color always
vg "data-constrained map" 0 plot contour --law muennighoff2023 --unique-tokens 25B --frontier kaplan2020-frontier
vg "profiles" 0 plot profiles --law kaplan2020 --width 40 --height 12 --compute 1e22
vg "explorer frame (--dump)" 0 --dump --width 160 --height 48 --model gpt3
vg "isoflop fit with bootstrap" 0 fit tests/runs/besiroglu-sweeps.csv --method isoflop --bootstrap 20 --format json
vg "a bad runs file" 2 fit tests/bad/empty.yaml
vg "a bad preset" 2 presets --preset tests/bad/duplicate-key.yaml
vg "a bad option" 2 optimum --compute 1e40
echo "1..$n"
