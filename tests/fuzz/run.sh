#!/bin/sh
# run.sh DIR: fuzz the preset, tour and runs (CSV) readers, $FUZZ_SECONDS
# seconds in all (a third each), from the shipped files and the bad corpus
# (tests/bad/ and tests/bad/tours/), with a dictionary of the YAML keys,
# and write "passed failed" to DIR/counts.
set -u
dir=$1
seconds=${FUZZ_SECONDS:-60}
half=$((seconds / 3))
pass=0 fail=0 n=0
for target in preset tour runs; do
	n=$((n + 1))
	mkdir -p "$dir/corpus-$target"
	# libFuzzer exits 1 on a seed directory that does not exist: pass only real ones.
	seeds=
	for d in presets/laws presets/models presets/accelerators presets/stocks presets/trends \
		presets/testtime presets/tours tests/bad tests/runs tests/fuzz/runs-seeds; do
		[ -d "$d" ] && seeds="$seeds $d"
	done
	# the keys and edge numbers of the YAML formats (the runs reader is CSV)
	dict=
	[ "$target" != runs ] && [ -f tests/fuzz/yaml.dict ] && dict=-dict=tests/fuzz/yaml.dict
	"$dir/fuzz_$target" -max_total_time="$half" -timeout=10 -rss_limit_mb=2048 \
		-max_len=4096 -print_final_stats=1 $dict "$dir/corpus-$target" $seeds \
		>"$dir/fuzz-$target.log" 2>&1
	rc=$?
	runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$dir/fuzz-$target.log" | grep -o '[0-9]*$')
	if [ "$rc" = 0 ]; then
		echo "ok $n - $target loader fuzzed for ${half}s: ${runs:-?} inputs, no crash, leak or UB"
		pass=$((pass + 1))
	else
		echo "not ok $n - the $target loader fuzzer failed (exit $rc); see $dir/fuzz-$target.log"
		# the reason, wherever libFuzzer put it: CI keeps only what we print
		grep -E 'ERROR|SUMMARY|runtime error' "$dir/fuzz-$target.log" | head -n 20 | sed 's/^/#   /'
		tail -n 5 "$dir/fuzz-$target.log" | sed 's/^/#   /'
		fail=$((fail + 1))
	fi
done
echo "$pass $fail" >"$dir/counts"
echo "# fuzz: $pass passed, $fail failed"
