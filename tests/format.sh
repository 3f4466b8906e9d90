#!/bin/sh
# format.sh COUNTS: the C sources follow the repository's .clang-format.
set -u
counts=$1
pass=0 fail=0 n=0
for f in model/*.[ch] presets/*.[ch] tui/*/*.[ch] tests/unit/*.[ch] tests/fuzz/*.c tests/vterm/*.c bench/*.c; do
	n=$((n + 1))
	if clang-format --dry-run -Werror "$f" >/dev/null 2>&1; then
		pass=$((pass + 1))
	else
		echo "not ok $n - $f is not clang-formatted (make format)"
		fail=$((fail + 1))
	fi
done
echo "# clang-format: $pass passed, $fail failed"
echo "$pass $fail" >"$counts"
