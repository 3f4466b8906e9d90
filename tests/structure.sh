#!/bin/sh
# structure.sh: the shape of the source, as the design card draws it.
#
# Arrows: model/ <- presets/ <- tui/, and inside tui/ (every file in one of
# its three rooms) cmd -> explore -> plot:
# tui/plot/ includes nothing from presets/, tui/explore/ or tui/cmd/;
# tui/explore/ nothing from tui/cmd/; model/ nothing from presets/ or tui/;
# presets/ nothing from tui/. No circle: the graph of `#include "..."` lines,
# a file's .c and .h taken as one module (app.c -> keys.h and keys.c -> app.h
# is the circle app <-> keys), has no cycle. Curses only in
# tui/explore/screen.c.
#
# Size: no function in model/, presets/ or tui/ over 80 lines, counted from
# the first line of its signature to its closing brace. The source is
# clang-formatted (tests/format.sh): a function's body opens with a `{` alone
# at column 0 and closes with the next `}` at column 0, and its signature's
# first line is the nearest line above starting at column 0.
. "$(dirname "$0")/lib.sh"
max=80
files=$(find model presets tui -name '*.[ch]' | LC_ALL=C sort)

# offenders OK-NAME WHAT LIST: one pass when LIST is empty, else one failure
# "WHAT: LINE" per line of it (read in this shell, so that n counts them)
offenders() {
	if [ -z "$3" ]; then
		ok "$1"
		return
	fi
	while IFS= read -r l; do
		no "$2: $l"
	done <<EOF
$3
EOF
}

# --- the include graph: "FROM-FILE LINE TO-FILE", paths from the root ---------
for f in $files; do
	sed -n 's/^[[:space:]]*#[[:space:]]*include[[:space:]]*"\([^"]*\)".*/\1/p;' "$f" |
		while read -r inc; do
			line=$(grep -n "#[[:space:]]*include[[:space:]]*\"$inc\"" "$f" | head -n 1 | cut -d: -f1)
			to=$(realpath -m --relative-to=. "$(dirname "$f")/$inc")
			echo "$f $line $to"
		done
done >"$tmp/edges"
if [ -s "$tmp/edges" ]; then
	ok "the include graph: $(wc -l <"$tmp/edges") quoted includes in $(echo "$files" | wc -l) files"
else
	no "the include graph is empty: nothing found under model/ presets/ tui/"
fi

# tui/ is three rooms: every file of it lives in one of them
loose=$(echo "$files" | grep '^tui/' | grep -Ev '^tui/(plot|explore|cmd)/[^/]+$')
if [ -z "$loose" ]; then
	ok "every file of tui/ is in tui/plot, tui/explore or tui/cmd"
else
	no "files of tui/ outside its three rooms" "$loose"
fi

# arrow DIR FORBIDDEN... : no file under DIR includes one under a FORBIDDEN folder
arrow() {
	from=$1
	shift
	bad=$(awk -v from="$from/" -v forbidden="$*" '
		index($1, from) == 1 {
			n = split(forbidden, f, " ")
			for (i = 1; i <= n; i++)
				if (index($3, f[i] "/") == 1)
					print $1 ":" $2 ": includes " $3
		}' "$tmp/edges")
	offenders "$from/ includes nothing from $*" "upward arrow" "$bad"
}
arrow tui/plot presets tui/explore tui/cmd
arrow tui/explore tui/cmd
arrow model presets tui
arrow presets tui

# --- circles: strongly connected modules of the include graph ----------------
# Tarjan's algorithm over modules (a path without .c/.h); each component of
# more than one module is a circle, printed with the includes that close it.
circles=$(awk '
	function mod(p) { sub(/\.[ch]$/, "", p); return p }
	{
		a = mod($1); b = mod($3)
		node[a] = 1; node[b] = 1
		if (a != b && !((a, b) in edge)) {
			edge[a, b] = $1 ":" $2 " -> " $3
			out[a] = out[a] " " b
		}
	}
	function visit(v,    k, w, ws, i, members, cnt, e) {
		index_of[v] = low[v] = ++counter
		stack[++sp] = v; on[v] = 1
		k = split(out[v], ws, " ")
		for (i = 1; i <= k; i++) {
			w = ws[i]
			if (!(w in index_of)) {
				visit(w)
				if (low[w] < low[v]) low[v] = low[w]
			} else if (on[w] && index_of[w] < low[v])
				low[v] = index_of[w]
		}
		if (low[v] == index_of[v]) {
			cnt = 0; members = ""
			do {
				w = stack[sp--]; on[w] = 0; comp[w] = v
				members = w (cnt++ ? " " : "") members
			} while (w != v)
			if (cnt > 1) {
				e = ""
				for (k in edge) {
					split(k, ws, SUBSEP)
					if (comp[ws[1]] == v && comp[ws[2]] == v)
						e = e "; " edge[k]
				}
				print members ":" e
			}
		}
	}
	END { for (v in node) if (!(v in index_of)) visit(v) }' "$tmp/edges")
if [ -z "$circles" ]; then
	ok "no include circle between modules"
else
	while IFS= read -r c; do
		no "include circle between ${c%%:*}" "$(printf '%s\n' "${c#*:; }" | tr ';' '\n' | sed 's/^ *//')"
	done <<EOF
$circles
EOF
fi

# --- curses in one file --------------------------------------------------------
# shellcheck disable=SC2086 # the file list is words
bad=$(grep -nE '^[[:space:]]*#[[:space:]]*include[[:space:]]*<(n?curses(w)?/)?(n?curses|term|panel|menu|form)\.h>' $files |
	grep -v '^tui/explore/screen\.c:')
offenders "curses is included only in tui/explore/screen.c" "curses outside tui/explore/screen.c" "$bad"

# --- function length -----------------------------------------------------------
# FILE:FUNCTION:LINES for each function, or FILE:LINE:? for a body whose
# signature cannot be found (the parse is wrong: that fails too)
# shellcheck disable=SC2086 # the file list is words
awk '
	FNR == 1 { start = 0; opened = 0 }
	/^[^ \t{}#\/]/ && !opened { start = FNR; sig = "" }
	start && !opened { sig = sig " " $0 }
	/^\{[ \t]*$/ && !opened {
		opened = FNR
		name = sig
		if (!start || !match(name, /[A-Za-z_][A-Za-z0-9_]*[ \t]*\(/))
			name = "?"
		else
			name = substr(name, RSTART, RLENGTH - 1)
		sub(/[ \t]+$/, "", name)
		next
	}
	/^\}/ && opened {
		if (name == "?")
			print FILENAME ":" opened ":?"
		else
			print FILENAME ":" name ":" FNR - start + 1
		opened = 0; start = 0
	}
	/^$/ && !opened { start = 0 }
' $files >"$tmp/functions"
count=$(wc -l <"$tmp/functions")
if [ "$count" -gt 100 ] && ! grep -q ':?$' "$tmp/functions"; then
	ok "$count function bodies found in $(echo "$files" | wc -l) files"
else
	no "function bodies: $count found, $(grep -c ':?$' "$tmp/functions") without a signature" \
		"$(grep ':?$' "$tmp/functions" | head -n 5)"
fi
long=$(awk -F: -v max="$max" '$3 != "?" && $3 + 0 > max' "$tmp/functions")
offenders "no function over $max lines" "function over $max lines" "$long"
echo "1..$n"
