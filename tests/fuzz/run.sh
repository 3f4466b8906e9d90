#!/bin/sh
# run.sh DIR: fuzz the preset loader for $FUZZ_SECONDS seconds from the
# shipped presets and the bad corpus, and write "passed failed" to DIR/counts.
set -u
dir=$1
seconds=${FUZZ_SECONDS:-60}
mkdir -p "$dir/corpus"
# libFuzzer exits 1 on a seed directory that does not exist: pass only real ones.
seeds=
for d in presets/laws presets/models tests/bad; do
	[ -d "$d" ] && seeds="$seeds $d"
done
"$dir/fuzz_preset" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
	-max_len=4096 -print_final_stats=1 "$dir/corpus" $seeds \
	>"$dir/fuzz.log" 2>&1
rc=$?
runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$dir/fuzz.log" | grep -o '[0-9]*$')
if [ "$rc" = 0 ]; then
	echo "ok 1 - preset loader fuzzed for ${seconds}s: ${runs:-?} inputs, no crash, leak or UB"
	echo "1 0" >"$dir/counts"
else
	echo "not ok 1 - the preset loader fuzzer failed (exit $rc); see $dir/fuzz.log"
	# The reason, wherever libFuzzer put it: CI keeps only what we print.
	grep -E 'ERROR|SUMMARY|runtime error' "$dir/fuzz.log" | head -n 20 | sed 's/^/#   /'
	tail -n 5 "$dir/fuzz.log" | sed 's/^/#   /'
	echo "0 1" >"$dir/counts"
fi
echo "# fuzz_preset: $(cat "$dir/counts" | awk '{print $1 " passed, " $2 " failed"}')"
