#!/bin/sh
# hang.sh: inputs that once made a command spin forever, each under timeout
# so that a hang fails the test instead of the suite. A law whose E is
# about 1e16 puts the difference map's levels where one contour step is
# below a double's precision (model/contour.c).
. "$(dirname "$0")/lib.sh"

# finishes NAME CMD...: ends within 20 s, with output (exit 0) or a one-line
# refusal (exit 2; the loader may refuse such a constant one day)
finishes() {
	name=$1
	shift
	timeout 20 "$ISOFLOP" "$@" >"$tmp/out" 2>"$tmp/err"
	rc=$?
	if [ "$rc" = 0 ] && [ -s "$tmp/out" ]; then
		ok "$name"
	elif [ "$rc" = 2 ] && [ "$(wc -l <"$tmp/err")" = 1 ] && grep -q '^[^ ]*: ' "$tmp/err"; then
		ok "$name (refused: $(cat "$tmp/err"))"
	else
		no "$name" "exit $rc$([ "$rc" = 124 ] && echo ': still running after 20 s')" \
			"stderr: $(head -c 300 "$tmp/err")"
	fi
}

for e in 1e16; do
	sed -e "s/^id: .*/id: huge-e/" -e "s/^  E: .*/  E: $e/" presets/laws/hoffmann2022.yaml >"$tmp/huge-e.yaml"
	finishes "plot contour --delta against a law with E = $e ends" \
		plot contour --preset "$tmp/huge-e.yaml" --law huge-e --compare hoffmann2022 --delta
	finishes "and the other way round (E = $e)" \
		plot contour --preset "$tmp/huge-e.yaml" --law hoffmann2022 --compare huge-e --delta
done
echo "1..$n"
