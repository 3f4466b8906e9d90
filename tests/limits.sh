#!/bin/sh
# limits.sh: the data stock and the compute trend presets, checked against
# the figures their sources publish (stated here, not read from our output),
# and the search path for the two kinds: a user's stocks/ and trends/, a
# broken one listed and skipped, --preset-dir, completion ids.
. "$(dirname "$0")/lib.sh"

# field CSV-LINE N: the Nth comma-separated field (the fields read here hold no commas)
field() { printf '%s\n' "$1" | cut -d, -f"$2"; }

# --- Villalobos et al. 2024 ---------------------------------------------------
# "the total effective stock of human-generated public text data is on the
# order of 300 trillion tokens, with a 90% confidence interval of 100T to
# 1000T" (the authors' announcement of arXiv:2211.04325v2, section Results)
run presets stocks --format csv
row=$(printf '%s\n' "$out" | grep '^stock,villalobos2024,')
# columns: kind,id,name,params,tokens,compute,source,peak_flops,stock,stock_low,stock_high,level;
# the source holds commas, so count from the end
tail4=$(printf '%s\n' "$row" | awk -F, '{print $(NF-3) "," $(NF-2) "," $(NF-1) "," $NF}')
if [ "$tail4" = "3e+14,1e+14,1e+15,0.9" ]; then
	ok "villalobos2024: 300T tokens, 90% interval 100T to 1000T"
else
	no "villalobos2024 stock" "got:  $tail4" "want: 3e+14,1e+14,1e+15,0.9"
fi
case $row in
*arXiv:2211.04325*) ok "villalobos2024 cites arXiv:2211.04325" ;;
*) no "villalobos2024 cites its paper" "$row" ;;
esac

# --- Epoch AI 2024 --------------------------------------------------------------
# epoch.ai/data-insights/compute-trend-post-2010 (June 19, 2024), its table:
# annual growth 4.7x / year, 90% confidence interval (4.3x to 5.2x), models
# after 2010; the blog post: "from 2010 to May 2024"
run presets trends --format csv
row=$(printf '%s\n' "$out" | grep '^trend,epoch2024,')
tail7=$(printf '%s\n' "$row" | awk -F, '{for (i = NF - 6; i <= NF; i++) printf "%s%s", $i, i < NF ? "," : "\n"}')
# level,growth,growth_low,growth_high,from,to with stock columns empty before them
if [ "$tail7" = ",0.9,4.7,4.3,5.2,2010,2024" ]; then
	ok "epoch2024: 4.7x a year, 90% interval 4.3x to 5.2x, fitted 2010 to 2024"
else
	no "epoch2024 trend" "got:  $tail7" "want: ,0.9,4.7,4.3,5.2,2010,2024"
fi

# --- text listing ----------------------------------------------------------------
run presets stocks
if printf '%s\n' "$out" | grep -q '^villalobos2024  *300T  *100T  .*90\.0%'; then
	ok "presets stocks: the stock, its interval and level"
else
	no "presets stocks text" "$out"
fi
run presets trends
if printf '%s\n' "$out" | grep -q '^epoch2024  *4\.7  *4\.3  *5\.2  *90\.0%  *2010  *2024 '; then
	ok "presets trends: the growth, its interval, level and years"
else
	no "presets trends text" "$out"
fi

# --- the search path ---------------------------------------------------------------
stock='id: my-stock
name: My stock
source: "My notes, page 1"
stock: 50T
stock_low: 20T
stock_high: 90T
level: 0.8'
mkdir -p "$XDG_CONFIG_HOME/isoflop/stocks" "$XDG_CONFIG_HOME/isoflop/trends"
printf '%s\n' "$stock" >"$XDG_CONFIG_HOME/isoflop/stocks/my-stock.yaml"
printf 'id: broken-trend\nname: B\nsource: "S"\ngrowth: 3\nlevel: 0.9\nfrom: 2015\nto: 2020\n' \
	>"$XDG_CONFIG_HOME/isoflop/trends/broken-trend.yaml"
run presets stocks --format csv
if printf '%s\n' "$out" | grep -q '^stock,my-stock,.*,5e+13,2e+13,9e+13,0.8$' &&
	printf '%s\n' "$out" | grep -q '^stock,villalobos2024,'; then
	ok "a user's stocks/ loads beside the shipped stock"
else
	no "user stock" "$out"
fi
want="isoflop: broken preset: $XDG_CONFIG_HOME/isoflop/trends/broken-trend.yaml:1:1: a trend needs its interval: growth_low and growth_high"
if [ "$err" = "$want" ]; then ok "a broken user trend is reported in one line and skipped"; else no "broken user trend" "got:  $err" "want: $want"; fi
rm -rf "$XDG_CONFIG_HOME/isoflop"

mkdir -p "$tmp/dir/stocks"
printf '%s\n' "$stock" | sed 's/my-stock/dir-stock/' >"$tmp/dir/stocks/dir-stock.yaml"
run presets stocks --preset-dir "$tmp/dir" --format csv
if [ "$rc" = 0 ] && printf '%s\n' "$out" | grep -q '^stock,dir-stock,'; then
	ok "--preset-dir DIR reads DIR/stocks/"
else
	no "--preset-dir stocks" "exit $rc" "$out" "$err"
fi
printf '%s\n' "$stock" | sed 's/^stock_low.*//' >"$tmp/dir/stocks/dir-stock.yaml"
expect_error "--preset-dir: a stock without its interval is fatal" \
	"$tmp/dir/stocks/dir-stock.yaml:1:1: a stock needs its interval: stock_low and stock_high" \
	presets --preset-dir "$tmp/dir"

run completion ids stocks
if [ "$out" = villalobos2024 ]; then ok "completion ids stocks"; else no "completion ids stocks" "$out" "$err"; fi
run completion ids trends
if [ "$out" = epoch2024 ]; then ok "completion ids trends"; else no "completion ids trends" "$out" "$err"; fi
expect_error "presets: one section at most" \
	"isoflop: presets takes at most one of laws, models, accelerators, stocks, trends, testtime, downstream" presets stocks trends

echo "1..$n"
