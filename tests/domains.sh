#!/bin/sh
# domains.sh: the batch commands for laws beyond language (issue 17): loss
# and optimum of Henighan et al. 2020's power laws against hand computations
# from Table 1's printed constants (arXiv:2010.14701; C in PF-days there,
# 1 PF-day = 8.64e19 FLOPs), `plot params` and `plot domains`, the presets'
# domain column and --domain, and every refusal's exact line and exit 2.
. "$(dirname "$0")/lib.sh"

# near GOT WANT TOL: |GOT/WANT - 1| <= TOL
near() { awk -v g="$1" -v w="$2" -v t="$3" 'BEGIN { r = g / w - 1; exit !(r <= t && -r <= t) }'; }

# calc EXPR: an awk expression's value
calc() { awk "BEGIN { printf \"%.12g\n\", $1 }"; }

# field CSV-LINE K: the Kth comma-separated field
field() { printf '%s\n' "$1" | cut -d, -f"$2"; }

# check NAME GOT WANT: GOT within 1e-9 of WANT
check() {
	if [ -n "$2" ] && near "$2" "$3" 1e-9; then ok "$1"; else no "$1" "got '$2', want $3"; fi
}

# loss: L(N) of image 8x8 at N = 1e6, 3.12 + (80/1e6)^0.24, as Table 1 prints it
run loss --law henighan2020-image8 --params 1e6 --format csv
row=$(printf '%s\n' "$out" | sed -n 2p)
check "image 8x8 L(N = 1e6) = 3.12 + (8.0e1/N)^0.24" "$(field "$row" 5)" "$(calc '3.12 + (80 / 1e6) ^ 0.24')"
if [ "$(printf '%s\n' "$out" | sed -n 1p)" = "law,params,tokens,compute,loss" ] &&
	[ "$(field "$row" 3)" = "" ] && [ "$(field "$row" 4)" = "" ]; then
	ok "L(N)'s CSV keeps loss's header, tokens and compute empty"
else
	no "L(N)'s CSV keeps loss's header, tokens and compute empty" "$out"
fi

# loss: L(C) of image 8x8 at 1 PF-day, 3.13 + (1/1.8e-8)^-0.19
run loss --law henighan2020-image8 --compute 1pfd --format csv
row=$(printf '%s\n' "$out" | sed -n 2p)
check "image 8x8 L(C = 1 PF-day) = 3.13 + (C/1.8e-8)^-0.19" "$(field "$row" 5)" "$(calc '3.13 + (1 / 1.8e-8) ^ -0.19')"
[ "$(field "$row" 2)" = "" ] && ok "L(C)'s row leaves params empty" || no "L(C)'s row leaves params empty" "$row"

# the language row has no floor: (N / 1.47e14)^-0.070 at N = 1e9
run loss --law henighan2020-language --params 1e9 --format csv
check "language L(N = 1e9) = (N/1.47e14)^-0.070" "$(field "$(printf '%s\n' "$out" | sed -n 2p)" 5)" "$(calc '(1e9 / 1.47e14) ^ -0.07')"

# video at 1e3 PF-days: 0.95 + (C/2.2e-5)^-0.14
run loss --law henighan2020-video --compute 1e3pfd --format csv
check "video L(C = 1e3 PF-days) = 0.95 + (C/2.2e-5)^-0.14" "$(field "$(printf '%s\n' "$out" | sed -n 2p)" 5)" "$(calc '0.95 + (1e3 / 2.2e-5) ^ -0.14')"

# optimum: image 8x8 at 1e20 FLOPs: N_opt = (C/5.3e-14 PF-days)^0.64, D = C/(6N), L(C)
run optimum --law henighan2020-image8 --compute 1e20 --format csv
row=$(printf '%s\n' "$out" | sed -n 2p)
nopt=$(calc '(1e20 / 8.64e19 / 5.3e-14) ^ 0.64')
check "image 8x8 N_opt(1e20) = (C/5.3e-14)^0.64" "$(field "$row" 3)" "$nopt"
check "image 8x8 D at 1e20 = C/(6 N_opt)" "$(field "$row" 4)" "$(calc "1e20 / (6 * $nopt)")"
check "image 8x8 optimum's loss is L(C)" "$(field "$row" 6)" "$(calc '3.13 + (1e20 / 8.64e19 / 1.8e-8) ^ -0.19')"
run optimum --law henighan2020-image8 --compute 1e20
case "$out" in *"D = C/(kN) is derived"*) ok "optimum says D is derived" ;; *) no "optimum says D is derived" "$out" ;; esac

# the refusals: one line each, exit 2
expect_error "loss of a power law refuses --tokens" \
	"isoflop: loss: 'henighan2020-image8' is a power law of one variable: give --params N for L(N) or --compute C for L(C), alone" \
	loss --law henighan2020-image8 --params 1e6 --tokens 1e9
expect_error "loss of a power law refuses --params with --compute" \
	"isoflop: loss: 'henighan2020-image8' is a power law of one variable: give --params N for L(N) or --compute C for L(C), alone" \
	loss --law henighan2020-image8 --params 1e6 --compute 1e20
expect_error "loss --compute of a law without L(C) says what it fits" \
	"isoflop: loss: 'henighan2020-t2i-text' fits L(N), no L(C): give --params N" \
	loss --law henighan2020-t2i-text --compute 1e20
expect_error "loss --compute of a surface law is refused" \
	"isoflop: loss --compute C asks a power law's L(C); 'hoffmann2022' needs --params N --tokens D" \
	loss --law hoffmann2022 --compute 1e20
expect_error "optimum --loss of a power law is refused" \
	"isoflop: optimum: 'henighan2020-image8' is a power law of one variable (L(N), L(C) and N_opt(C)): it answers --compute C alone" \
	optimum --law henighan2020-image8 --loss 3.2
expect_error "optimum of a power law without N_opt(C)" \
	"isoflop: optimum: 'henighan2020-t2i-text' fits L(N), no N_opt(C): no allocation at a compute (isoflop loss --law henighan2020-t2i-text --params N)" \
	optimum --law henighan2020-t2i-text --compute 1e20
expect_error "optimum of an exponent-only frontier" \
	"isoflop: hoffmann2022-github gives only exponents (N_opt ~ C^0.53, D_opt ~ C^0.47; Table A2): no allocation at a compute" \
	optimum --law hoffmann2022-github --compute 1e22
expect_error "plot params of a surface law" \
	"isoflop: plot params: 'hoffmann2022' fits L(N, D): isoflop plot profiles draws it" \
	plot params --law hoffmann2022
expect_error "plot params of a frontier law" \
	"isoflop: plot params: 'kaplan2020-frontier' is a frontier law: it fits no loss (isoflop optimum --law kaplan2020-frontier --compute C)" \
	plot params --law kaplan2020-frontier
expect_error "plot compute of a power law without L(C)" \
	"isoflop: plot compute: 'henighan2020-t2i-text' fits L(N), no L(C): isoflop plot params draws its L(N)" \
	plot compute --law henighan2020-t2i-text
expect_error "plot (contour) of a power law without N_opt(C)" \
	"isoflop: plot: 'henighan2020-t2i-text' fits L(N), no loss over N and D: isoflop plot params draws its L(N)" \
	plot contour --law henighan2020-t2i-text
expect_error "plot profiles of a power law" \
	"isoflop: plot profiles: 'henighan2020-image8' fits L(N), L(C) and N_opt(C), no loss over N and D: isoflop plot params draws its L(N), plot compute its L(C)" \
	plot profiles --law henighan2020-image8
expect_error "--domain with an unknown name lists the names" \
	"isoflop: --domain: unknown domain 'astronomy' (one of language, code, math, image, video, multimodal, proteins, molecules)" \
	presets laws --domain astronomy
expect_error "--domain with models is refused" \
	"isoflop: --domain filters laws: isoflop presets laws --domain image" \
	presets models --domain image

# --law all answers for the others and names the power laws it leaves out
run loss --law all --params 1e9 --tokens 2e10
case "$rc:$out" in 0:*"Power laws of one variable, not asked at (N, D): "*henighan2020-image8*) ok "loss --law all names the power laws" ;;
*) no "loss --law all names the power laws" "exit $rc" "$err" ;; esac
run optimum --law all --compute 1e22
case "$rc:$out" in 0:*henighan2020-image8*hoffmann2022-github*) ok "optimum --law all answers and names what it left out" ;;
*) no "optimum --law all answers and names what it left out" "exit $rc" "$err" ;; esac

# plot params: '@' at --params and its loss below
run plot params --law henighan2020-image8 --params 1e6
last=$(printf '%s\n' "$out" | tail -n 1)
case "$rc:$last" in "0:L(N = 1M) = 3.2239 nats per token, within the fitted"*) ok "plot params prints the point's loss below" ;;
*) no "plot params prints the point's loss below" "exit $rc" "$last" ;; esac
lines=$(printf '%s\n' "$out" | grep -c '')
[ "$lines" -le 24 ] && ok "plot params keeps to --height" || no "plot params keeps to --height" "$lines lines"
printf '%s\n' "$out" | grep -q '@' && ok "plot params draws '@'" || no "plot params draws '@'" "$out"

# plot contour of a power law with N_opt(C): its frontier, not a blank map
run plot contour --law henighan2020-image8
if [ "$rc" = 0 ] && printf '%s\n' "$out" | grep -q '\*\*'; then ok "plot of a power law draws its N_opt frontier"; else no "plot of a power law draws its N_opt frontier" "exit $rc" "$err"; fi

# plot compute of a power law draws its L(C) and floor
run plot compute --law henighan2020-image8
case "$rc:$out" in 0:*"L_inf=3.13"*) ok "plot compute draws a power law's L(C) and its floor" ;;
*) no "plot compute draws a power law's L(C) and its floor" "exit $rc" "$err" ;; esac

# plot domains: one legend entry per domain, one glyph each
run plot domains
case "$rc:$out" in 0:*"o image "*"= video 0.14"*) ok "plot domains keys each domain with its exponents" ;;
*) no "plot domains keys each domain with its exponents" "exit $rc" "$err" "$out" ;; esac
run plot domains --domain video
case "$rc:$out" in 0:*"= video 0.14"*) printf '%s\n' "$out" | grep -q "o image" && no "--domain keeps one domain" "$out" || ok "--domain keeps one domain" ;;
*) no "--domain keeps one domain" "exit $rc" "$err" ;; esac

# presets: the domain column, grouped, and --domain
run presets laws --format csv
case "$(printf '%s\n' "$out" | sed -n 1p)" in *,domain) ok "presets laws CSV ends with domain" ;; *) no "presets laws CSV ends with domain" "$(printf '%s\n' "$out" | sed -n 1p)" ;; esac
printf '%s\n' "$out" | grep -q '^law,henighan2020-image8,.*,image$' && ok "an image law's domain is image" || no "an image law's domain is image" "$(printf '%s\n' "$out" | grep image8)"
run presets laws --domain image
if [ "$rc" = 0 ] && printf '%s\n' "$out" | grep -q henighan2020-image8 && ! printf '%s\n' "$out" | grep -q hoffmann2022; then
	ok "presets laws --domain image lists image laws only"
else
	no "presets laws --domain image lists image laws only" "$out"
fi
# what a law cannot show is refused, never drawn blank or from another domain's data
G="isoflop: hoffmann2022-github gives only exponents (N_opt ~ C^0.53, D_opt ~ C^0.47; Table A2): no allocation at a compute"
expect_error "plot contour of exponents alone: no blank map" "$G" plot contour --law hoffmann2022-github
expect_error "plot params of exponents alone names what they are" "$G" plot params --law hoffmann2022-github
expect_error "plot compute of exponents alone names what they are" "$G" plot compute --law hoffmann2022-github
expect_error "--frontier with a law that fits no allocation" \
	"isoflop: --frontier: 'hoffmann2022-c4' fits no compute-optimal allocation to draw (isoflop presets laws lists the laws)" \
	plot contour --law hoffmann2022 --frontier hoffmann2022-c4
expect_error "--stock (text) with an image law" \
	"isoflop: optimum: --stock counts text tokens; 'henighan2020-image8' is a law of the image domain" \
	optimum --law henighan2020-image8 --compute 1e24 --stock villalobos2024
expect_error "timeline (the text data wall) with an image law" \
	"isoflop: timeline: the data wall counts text tokens; 'henighan2020-image8' is a law of the image domain" \
	timeline --law henighan2020-image8
expect_error "--inference-tokens with a power law" \
	"isoflop: plot: --inference-tokens needs a law with a loss surface L(N, D); 'henighan2020-image8' is a power law" \
	plot contour --law henighan2020-image8 --inference-tokens 1e12
# a law's own units in loss's note (a made-up law of tests/power-presets: nats per image)
run loss --preset-dir "$(dirname "$0")/power-presets" --law test-power --params 1e6
case "$out" in *"loss in nats per image"*) ok "loss says the law's own units" ;; *) no "loss says the law's own units" "$out" ;; esac
echo "1..$n"
