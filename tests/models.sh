#!/bin/sh
# models.sh: the marked models, always labelled whole: the story's four in
# the first frame (GPT-3 was once a bare '+' shared with J1, OPT and BLOOM),
# --model ID,ID... and a tour step's models: choosing them, and their errors.
. "$(dirname "$0")/lib.sh"

# the tags of the map's rows (the first 16 lines of an 80x24 frame)
map_rows() {
	printf '%s\n' "$out" | head -n 16
}

run --dump
for tag in G3 Go Ch L3; do
	if [ "$rc" = 0 ] && map_rows | grep -q "$tag"; then
		ok "the first frame labels $tag"
	else
		no "the first frame does not label $tag" "exit $rc" "$(map_rows)"
	fi
done
if printf '%s\n' "$out" | head -n 1 | grep -q '^besiroglu2024: @ Chinchilla 70B, L = 1\.9739'; then
	ok "the first frame's title names the point's model"
else
	no "the title names no model" "$(printf '%s\n' "$out" | head -n 1)"
fi

run --dump --model opt-175b,bloom
if [ "$rc" = 0 ] && map_rows | grep -q OPT && map_rows | grep -q BL &&
	printf '%s\n' "$out" | head -n 1 | grep -q '@ OPT-175B, L = '; then
	ok "--model a,b starts at the first and labels both"
else
	no "--model a,b" "exit $rc" "$err" "$(map_rows)"
fi
expect_error "--model: an empty id" "isoflop: --model: an empty id in 'gpt3,,bloom' (give ID,ID,...)" --dump --model gpt3,,bloom
expect_error "--model: an unknown id in the list" "isoflop: unknown model 'nosuch' (isoflop presets models lists them)" --dump --model gpt3,nosuch
expect_error "--model with --params" "isoflop: start from --model, or from --params/--tokens/--compute" --dump --model gpt3,bloom --params 1B

printf 'id: t\ntitle: T\nsteps:\n  - caption: one\n    models: [gopher, nosuch]\n' >"$tmp/bad.yaml"
expect_error "tour models: an unknown id at its mark" "$tmp/bad.yaml:5:22: unknown model 'nosuch' in models (isoflop presets models lists them)" --tour "$tmp/bad.yaml" --dump
printf 'id: t\ntitle: T\nsteps:\n  - caption: one\n    models: [opt-175b]\n' >"$tmp/opt.yaml"
run --tour "$tmp/opt.yaml" --dump
if [ "$rc" = 0 ] && map_rows | grep -q OPT && ! map_rows | grep -q G3; then
	ok "tour models: OPT labelled, GPT-3 (sharing its cell, unmarked) yields"
else
	no "tour models" "exit $rc" "$err" "$(map_rows)"
fi
echo "1..$n"
