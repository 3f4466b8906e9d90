#!/bin/sh
# vterm.sh: the golden screens in a second terminal emulator. tests/e2e.sh
# reads them off tmux; here libvterm renders the bytes the explorer writes
# to a pseudo-terminal (tests/vterm/vterm_screen.c), for several TERMs, so
# that a frame right in one emulator and wrong in another shows up.
#
# Not TERM=xterm: ncurses repeats characters there with REP (CSI b), and
# libvterm 0.1.4 (Debian 12) leaves the cursor one column too far after a
# REP, wrapping the next character at the right margin; tmux and xterm do
# not. e2e.sh covers xterm.
. "$(dirname "$0")/lib.sh"
: "${VTERM_SCREEN:?set VTERM_SCREEN to build/vterm_screen}"

# check NAME TERM W H GOLDEN [KEYS GOLDEN]...
check() {
	name=$1 term=$2 w=$3 h=$4
	shift 4
	if out=$("$VTERM_SCREEN" "$ISOFLOP" "$w" "$h" "$term" "$@" 2>&1); then
		ok "$name"
	else
		no "$name" "$(printf '%s\n' "$out" | head -n 30)"
	fi
}

for term in screen tmux-256color linux vt100; do
	for size in 80x24 160x48 30x10; do
		check "TERM=$term at $size: the screen is tests/golden/screen-$size.txt" \
			"$term" "${size%x*}" "${size#*x}" "tests/golden/screen-$size.txt"
	done
done

# the views e2e.sh reaches by keys: compare (c, typing hof, Enter), the
# difference map (d), then law editing (d off, e)
g=tests/golden
cr=$(printf '\r')
check "TERM=screen: the compare, delta and edit views by their keys" screen 80 24 \
	"$g/screen-80x24.txt" "chof$cr" "$g/view-compare-80x24.txt" d "$g/view-delta-80x24.txt" \
	de "$g/view-edit-80x24.txt"

# a wrong golden is reported, with the screen as it was (the check can fail)
printf 'not the screen\n' >"$tmp/wrong.txt"
if out=$(VTERM_SCREEN_WAIT_MS=2000 "$VTERM_SCREEN" "$ISOFLOP" 80 24 screen "$tmp/wrong.txt" 2>&1); then
	no "a screen that differs from its golden fails"
elif printf '%s\n' "$out" | grep -q 'differs; the screen was:' &&
	printf '%s\n' "$out" | grep -q 'Tab:slider'; then
	ok "a screen that differs from its golden fails, showing the screen"
else
	no "a differing screen" "$out"
fi
# a program that shows the screen but ends with a status rather than dying of
# SIGTERM (as a sanitizer's leak report would make it) fails the check too
one_line_screen hello >"$tmp/hello.txt"
printf '#!/bin/sh\ntrap "exit 0" TERM\nprintf hello\nwhile :; do sleep 0.1; done\n' >"$tmp/fake"
chmod +x "$tmp/fake"
if out=$(VTERM_SCREEN_WAIT_MS=5000 "$VTERM_SCREEN" "$tmp/fake" 80 24 screen "$tmp/hello.txt" 2>&1); then
	no "a program ending with status 0 after SIGTERM fails" "$out"
elif printf '%s\n' "$out" | grep -q 'ended with status 0, not by signal 15'; then
	ok "a program ending with status 0 after SIGTERM fails, saying so"
else
	no "a program ending badly" "$out"
fi
echo "1..$n"
