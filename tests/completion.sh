#!/bin/sh
# completion.sh: the shell completions `isoflop completion` writes from the
# option and command tables. bash's runs for real (no bash-completion
# package: the script is sourced, COMP_WORDS set, the function called and
# COMPREPLY read); zsh's and fish's are checked to parse where installed.
. "$(dirname "$0")/lib.sh"

if ! command -v bash >/dev/null 2>&1; then
	echo "1..0 # SKIP no bash"
	exit 0
fi
run completion bash
if [ "$rc" = 0 ] && [ -n "$out" ]; then ok "completion bash prints a script"; else no "completion bash" "exit $rc" "$err"; fi
printf '%s\n' "$out" >"$tmp/isoflop.bash"

# complete WORD...: what bash offers for the last word, one line, in order
complete_words() {
	ISOFLOP="$ISOFLOP" bash -c '
		. "$1"
		shift
		isoflop() { "$ISOFLOP" "$@"; } # the scripts ask the binary for ids
		COMP_WORDS=("$@")
		COMP_CWORD=$(($# - 1))
		COMP_LINE="$*"
		COMP_POINT=${#COMP_LINE}
		COMPREPLY=()
		_isoflop
		printf "%s\n" "${COMPREPLY[*]}"' bash "$tmp/isoflop.bash" "$@"
}

# expect_offer NAME WANT WORD...: bash offers exactly WANT
expect_offer() {
	name=$1 want=$2
	shift 2
	got=$(complete_words "$@" 2>&1)
	if [ "$got" = "$want" ]; then ok "$name"; else no "$name" "got:  $got" "want: $want"; fi
}

expect_offer "isoflop optimum --la<TAB> gives --law" "--law" isoflop optimum --la
laws=$("$ISOFLOP" presets laws --format csv | tail -n +2 | cut -d, -f2 | tr '\n' ' ')
expect_offer "isoflop optimum --law <TAB> lists the shipped laws and all" "${laws}all" \
	isoflop optimum --law ''
expect_offer "a command name completes: isoflop opt<TAB>" "optimum" isoflop opt
expect_offer "loss does not take --gpu: isoflop loss --gp<TAB> offers nothing" "" isoflop loss --gp
expect_offer "optimum takes --gpu and --gpus" "--gpu --gpus" isoflop optimum --gp
expect_offer "plot profiles does not take --model" "" isoflop plot profiles --mo
expect_offer "plot contour takes --model" "--model" isoflop plot contour --mo
expect_offer "plot's kinds complete" "contour profiles compute testtime coverage params domains" isoflop plot ''
tt_laws=$("$ISOFLOP" presets testtime --format csv | tail -n +2 | cut -d, -f2 | tr '\n' ' ')
expect_offer "--tt-law <TAB> lists the test-time laws (presets testtime)" "${tt_laws% }" isoflop plot testtime --tt-law ''
expect_offer "options before the command count: --format csv loss --mod<TAB>" "--model" \
	isoflop --format csv loss --mod
expect_offer "a number has nothing to offer" "" isoflop optimum --compute ''
expect_offer "--color offers its words" "always" isoflop --color al
models=$("$ISOFLOP" presets models --format csv | tail -n +2 | cut -d, -f2 | grep '^gpt' | tr '\n' ' ')
expect_offer "--model <TAB> lists the models" "${models% }" isoflop loss --model gpt

# a user's own law preset counts: the ids come from the binary at completion time
mkdir -p "$XDG_CONFIG_HOME/isoflop/laws"
sed 's/^id: .*/id: zz-mine/' presets/laws/hoffmann2022.yaml >"$XDG_CONFIG_HOME/isoflop/laws/zz-mine.yaml"
expect_offer "a user preset completes: --law zz<TAB>" "zz-mine" isoflop optimum --law zz

# every option of the table appears in the script: the script and --help agree
missing=
for o in $("$ISOFLOP" --help | sed -n 's/^  \(-., \)\{0,1\}\(--[a-z-]*\).*/\2/p'); do
	grep -q -- "$o" "$tmp/isoflop.bash" || missing="$missing $o"
done
if [ -z "$missing" ]; then ok "every option in --help is in the bash script"; else no "options missing from the script" "$missing"; fi

expect_error "completion refuses an unknown shell" \
	"isoflop: completion: expected bash, zsh or fish, not 'tcsh'" completion tcsh

for shell in zsh fish; do
	if ! command -v "$shell" >/dev/null 2>&1; then
		ok "# SKIP $shell is not installed: its script is not checked"
		continue
	fi
	"$ISOFLOP" completion "$shell" >"$tmp/script.$shell"
	if "$shell" -n "$tmp/script.$shell" 2>"$tmp/err.$shell"; then
		ok "$shell -n accepts the $shell script"
	else
		no "$shell -n" "$(cat "$tmp/err.$shell")"
	fi
done
echo "1..$n"
