#!/bin/sh
# talk.sh: a speaker's keys in a tour, on a terminal emulated by libvterm
# (tests/vterm/vterm_screen.c), each screen against its golden: an arrow
# makes a detour and says how to return, Enter shows the step left exactly
# as it was, Esc after an error message (twice) leaves the tour playing, q
# asks and n goes on. Two goldens in a row are never the same screen: the
# second would match before the key is read.
. "$(dirname "$0")/lib.sh"
: "${VTERM_SCREEN:?set VTERM_SCREEN to build/vterm_screen}"

# vterm_screen runs the binary with no arguments: a tour needs a wrapper
printf '#!/bin/sh\nexec "%s" --tour chinchilla-story\n' "$ISOFLOP" >"$tmp/tour"
chmod +x "$tmp/tour"
g=tests/golden
cr=$(printf '\r')
esc=$(printf '\033')
if out=$("$VTERM_SCREEN" "$tmp/tour" 80 24 screen "$g/talk-step1-80x24.txt" \
	"  " "$g/talk-step3-80x24.txt" l "$g/talk-detour-80x24.txt" \
	"$cr" "$g/talk-step3-80x24.txt" "l=z$cr" "$g/talk-error-80x24.txt" \
	"$esc" "$g/talk-esc-80x24.txt" s "$g/talk-s-80x24.txt" "$esc" "$g/talk-esc-80x24.txt" \
	"$cr" "$g/talk-step3-80x24.txt" q "$g/talk-ask-80x24.txt" \
	n "$g/talk-step3-80x24.txt" 2>&1); then
	ok "a tour's detour, Enter back, Esc after errors, q n: each screen its golden"
else
	no "a tour's keys" "$(printf '%s\n' "$out" | head -n 30)"
fi
echo "1..$n"
