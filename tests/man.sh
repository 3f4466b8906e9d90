#!/bin/sh
# man.sh [COUNTS]: the man pages must be clean under mandoc's linter and groff,
# and isoflop(1)'s KEYS must be the explorer's key table. COUNTS, a file
# named *counts, gets "passed failed"; any other name is refused, so that a
# slip (man.sh man/isoflop.1) never overwrites what someone wrote.
set -u
counts=${1:-/dev/null}
case "$counts" in
/dev/null | *counts) ;;
*)
	echo "man.sh: COUNTS must be a file named *counts, not '$counts'" >&2
	exit 2
	;;
esac
n=0 pass=0 fail=0
for page in man/*.[0-9]; do
	n=$((n + 1))
	if out=$(mandoc -T lint -W warning "$page" 2>&1) && [ -z "$out" ]; then
		echo "ok $n - mandoc -T lint $page"
		pass=$((pass + 1))
	else
		echo "not ok $n - mandoc -T lint $page"
		printf '%s\n' "$out" | sed 's/^/#   /'
		fail=$((fail + 1))
	fi
done
# groff, the other formatter people read man pages with, warns about nothing
for page in man/*.[0-9]; do
	n=$((n + 1))
	if out=$(groff -mdoc -ww -z "$page" 2>&1) && [ -z "$out" ]; then
		echo "ok $n - groff -mdoc -ww -z $page"
		pass=$((pass + 1))
	else
		echo "not ok $n - groff -mdoc -ww -z $page"
		printf '%s\n' "$out" | sed 's/^/#   /'
		fail=$((fail + 1))
	fi
done

# KEYS lists the key table, the same keys in the same order
n=$((n + 1))
want=$("${ISOFLOP:-./isoflop}" --keys | sed 's/  .*//')
got=$(awk '/^\.Sh KEYS/ { on = 1; next } /^\.Sh / { on = 0 } on && /^\.It Ic / { sub(/^\.It Ic /, ""); gsub(/\\&/, ""); print }' man/isoflop.1)
if [ -n "$want" ] && [ "$want" = "$got" ]; then
	echo "ok $n - isoflop(1) KEYS matches the key table"
	pass=$((pass + 1))
else
	echo "not ok $n - isoflop(1) KEYS differs from isoflop --keys"
	printf 'want: %s\ngot:  %s\n' "$want" "$got" | sed 's/^/#   /'
	fail=$((fail + 1))
fi
echo "# man pages: $pass passed, $fail failed"
echo "$pass $fail" >"$counts"
