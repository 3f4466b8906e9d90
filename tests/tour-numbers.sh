#!/bin/sh
# tour-numbers.sh: every number a shipped tour's caption cites is on the
# screen of its step at 80x24 (tour --dump), outside the caption's own rows.
# A speaker reads the caption aloud; the room must find the number on the
# picture. What counts as a cited number: a figure standing alone, with an
# optional unit (K, M, B, T, %, e-notation): "175B", "61%", "3.14e23",
# "0.016". Not cited, so not checked: years (1900-2099), figures after
# "about" or "~" (the speaker rounds what the screen shows), references
# ("Eq. 1.5", "Table 3", arXiv ids), figures glued to letters ("2N", "G3")
# and names joined by hyphens ("Llama-3-8B-Instruct").
. "$(dirname "$0")/lib.sh"
for tour in "$(dirname "$0")"/../presets/tours/*.yaml; do
	id=$(basename "$tour" .yaml)
	rm -rf "$tmp/frames"
	if ! "$ISOFLOP" tour --dump "$id" "$tmp/frames" >/dev/null 2>"$tmp/err"; then
		no "$id: tour --dump" "$(cat "$tmp/err")"
		continue
	fi
	for frame in "$tmp/frames"/step-*.txt; do
		step=$(basename "$frame" .txt)
		# the caption: the frame's rows that start with one blank above the status line
		caption=$(awk 'NR > 1 && /^ [^ ]/ { rows[++n] = $0 } END { for (i = n - 1; i <= n; i++) if (i > 0) print rows[i] }' "$frame")
		rest=$(printf '%s\n' "$caption" | grep -vxF -f - "$frame")
		cited=$(printf '%s\n' "$caption" | sed -E \
			-e 's/(Eq\.|Table|arXiv:?|Fig\.|Figure) *[0-9][0-9.]*//g' \
			-e 's/[A-Za-z][A-Za-z0-9]*(-[A-Za-z0-9]+)+//g' \
			-e 's/([Aa]bout|~) *[0-9][0-9.,]*(e[0-9]+)?[KMBT%]?//g' |
			grep -oE '(^|[^A-Za-z0-9.])[0-9][0-9.,]*(e[+-]?[0-9]+)?[KMBT%]?([^A-Za-z0-9]|$)' |
			sed -E 's/^[^0-9]//; s/[^0-9KMBT%]$//; s/[.,]$//' |
			grep -vE '^(19|20)[0-9][0-9]$' | sort -u)
		missing=
		for num in $cited; do
			# the figure whole: not the 4 of 1.4T, not the 25B of 125B
			re=$(printf '%s' "$num" | sed 's/[.]/[.]/g')
			printf '%s\n' "$rest" | grep -qE -- "(^|[^0-9.])$re([^0-9]|\$)" || missing="$missing $num"
		done
		if [ -z "$missing" ]; then
			ok "$id $step: the caption's numbers are on screen:$(printf " %s" $cited)"
		else
			no "$id $step: cited but not on screen:$missing" "$caption"
		fi
	done
done
echo "1..$n"
