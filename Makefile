# isoflop: the only build. `make run` and `make check` set everything up.
#
#   make            build ./isoflop
#   make run        install missing packages, build, open isoflop
#   make check      install missing packages, then every test (plain, ASan+UBSan,
#                   valgrind, 60 s of fuzzing, man pages, install, clang-format); ends
#                   with one line "N passed, N failed"
#   make sanitize   the suite under ASan+UBSan only
#   make fuzz       fuzz the preset and tour loaders (FUZZ_SECONDS in all, default 60)
#   make bench      speed figures
#   make golden     rewrite the golden plots in tests/golden/ (review the diff)
#   make install    binary, man pages, presets and bash/zsh/fish completions
#                   under PREFIX (DESTDIR stages); make uninstall removes exactly those
#   make deps       install (Debian/Ubuntu) or list (elsewhere) what is missing

PREFIX   ?= /usr/local
BINDIR   ?= $(PREFIX)/bin
MANDIR   ?= $(PREFIX)/share/man
SHAREDIR ?= $(PREFIX)/share/isoflop
# where bash-completion, zsh and fish look for a command's completions
BASHCOMPDIR ?= $(PREFIX)/share/bash-completion/completions
ZSHCOMPDIR  ?= $(PREFIX)/share/zsh/site-functions
FISHCOMPDIR ?= $(PREFIX)/share/fish/vendor_completions.d
VERSION   = 0.1
CC       ?= cc
CFLAGS   ?= -O2 -g
FUZZ_SECONDS ?= 60

PKGS     = gsl yaml-0.1 ncursesw
# recursive (=) so that pkg-config runs after `make deps` installed the packages
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   = $(shell pkg-config --libs $(PKGS) 2>/dev/null)
CMOCKA_LIBS = $(shell pkg-config --libs cmocka 2>/dev/null)

WARN     = -std=c11 -Wall -Wextra -Wpedantic -Werror
DEFS     = -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -DISOFLOP_VERSION='"$(VERSION)"' \
           -DISOFLOP_SHARE_DIR='"$(SHAREDIR)"'
ALL_CFLAGS = $(WARN) $(DEFS) $(CFLAGS) $(SAN) $(PKG_CFLAGS) -pthread
LDLIBS   = $(PKG_LIBS) -lm -pthread

# BUILD is build/ for the plain tree and build/asan/ for the sanitizer tree.
BUILD   ?= build
SAN     ?=

LIB_SRC  = $(wildcard model/*.c) $(wildcard presets/*.c) $(filter-out tui/cmd/main.c,$(wildcard tui/*/*.c))
# objects under obj/: build/asan/presets is a link to the presets the
# sanitised binary reads beside it, and objects must not land through it
LIB_OBJ  = $(patsubst %.c,$(BUILD)/obj/%.o,$(LIB_SRC))
MAIN_OBJ = $(BUILD)/obj/tui/cmd/main.o
UNIT_SRC = $(wildcard tests/unit/test_*.c)
UNIT_BIN = $(patsubst tests/unit/%.c,$(BUILD)/tests/%,$(UNIT_SRC))
BIN      = $(if $(filter build,$(BUILD)),isoflop,$(BUILD)/isoflop)

.PHONY: all deps run check test-suite sanitize valgrind fuzz bench lint-man clean format golden \
        install uninstall FORCE

all: $(BIN)

deps:
	@sh mk/deps.sh

run: deps
	@$(MAKE) --no-print-directory all
	./isoflop

$(BUILD)/obj/%.o: %.c
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -MMD -MP -c $< -o $@

# main.o and commands.o (--help) hold SHAREDIR: rebuild it when PREFIX or SHAREDIR change between runs
build/sharedir.stamp: FORCE
	@mkdir -p build
	@echo '$(SHAREDIR)' | cmp -s - $@ || echo '$(SHAREDIR)' >$@
$(MAIN_OBJ) $(BUILD)/obj/tui/cmd/commands.o: build/sharedir.stamp

$(BIN): $(LIB_OBJ) $(MAIN_OBJ)
	$(CC) $(CFLAGS) $(SAN) -o $@ $^ $(LDLIBS)

# unit tests link the library objects, not main
$(BUILD)/tests/%: tests/unit/%.c $(LIB_OBJ) $(wildcard tests/unit/*.h)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -o $@ $< $(LIB_OBJ) $(LDLIBS) $(CMOCKA_LIBS)

-include $(shell find $(BUILD) -name '*.d' 2>/dev/null)

# The suite of one tree: unit tests, the CLI and the bad-preset corpus.
# tests/run.sh prints TAP per suite and appends its counts to $(BUILD)/counts.
test-suite: $(BIN) $(UNIT_BIN) build/vterm_screen
	@rm -f $(BUILD)/counts
	@ISOFLOP=$(abspath $(BIN)) VTERM_SCREEN=$(abspath build/vterm_screen) sh tests/run.sh \
		$(BUILD)/counts $(UNIT_BIN) tests/cli.sh tests/fit.sh tests/bad.sh tests/docs.sh \
		tests/runs-input.sh \
		tests/runs-plot.sh \
		tests/compare.sh \
		tests/band.sh \
		tests/golden.sh tests/e2e.sh tests/vterm.sh tests/files.sh tests/numbers.sh \
		tests/hang.sh tests/signals.sh tests/kaplan.sh tests/audit.sh tests/completion.sh \
		tests/same.sh tests/structure.sh tests/record.sh tests/notes.sh tests/talk.sh \
		tests/models.sh tests/readout.sh tests/tour-numbers.sh tests/optimum.sh \
		tests/cost.sh \
		tests/stock.sh \
		tests/limits.sh \
		tests/compute.sh \
		tests/domains.sh \
		tests/domains-view.sh \
		tests/timeline.sh \
		tests/cview.sh \
		tests/tourfields.sh \
		tests/lifecost.sh \
		tests/timeline-view.sh \
		tests/batch.sh \
		tests/rplot.sh \
		tests/tt-presets.sh \
		tests/testtime.sh \
		tests/tt-view.sh \
		tests/domain-view.sh \
		tests/plan.sh \
		tests/hyper.sh \
		tests/holdout.sh \
		tests/downstream.sh \
		tests/downstream2.sh \
		tests/extrapolation.sh \
		tests/screen80.sh

# the terminal emulator the golden screens are checked in besides tmux: a
# test tool, built plain for both trees
build/vterm_screen: tests/vterm/vterm_screen.c
	@mkdir -p $(@D)
	$(CC) $(WARN) $(DEFS) $(CFLAGS) $(shell pkg-config --cflags vterm) -o $@ $< \
		$(shell pkg-config --libs vterm) -lutil

# the failed tests' names are gathered for the closing lines (tests/total.sh)
check: export FAILURES = $(abspath build/failures)
check: deps
	@$(MAKE) --no-print-directory all
	@rm -f build/counts.all build/failures build/failures.first
	@$(MAKE) --no-print-directory test-suite && cat build/counts >> build/counts.all
	@$(MAKE) --no-print-directory sanitize-suite && cat build/asan/counts >> build/counts.all
	@$(MAKE) --no-print-directory valgrind-suite && cat build/valgrind-counts >> build/counts.all
	@$(MAKE) --no-print-directory fuzz-suite && cat build/fuzz/counts >> build/counts.all
	@$(MAKE) --no-print-directory lint-man && cat build/man-counts >> build/counts.all
	@sh tests/install.sh build/install-counts && cat build/install-counts >> build/counts.all
	@sh tests/format.sh build/format-counts && cat build/format-counts >> build/counts.all
	@sh tests/total.sh build/counts.all

SANFLAGS = -fsanitize=address,undefined,float-cast-overflow -fno-sanitize-recover=all -fno-omit-frame-pointer

sanitize: deps
	@$(MAKE) --no-print-directory sanitize-suite
	@sh tests/total.sh build/asan/counts

sanitize-suite:
	@mkdir -p build/asan && ln -sfn ../../presets build/asan/presets
	@LABEL=asan ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
		$(MAKE) --no-print-directory BUILD=build/asan SAN="$(SANFLAGS)" test-suite

# valgrind over the unit tests and a few commands of the plain build; the
# 4,500-start fits of test_fit, test_gsl's thousands of solves,
# test_readout's thousands of frames and test_plan's thousands of simulated
# fits would take minutes under it (ASan covers them)
VALGRIND_UNIT = $(filter-out %/test_fit %/test_gsl %/test_readout %/test_plan,$(UNIT_BIN))
valgrind-suite: $(BIN) $(UNIT_BIN)
	@rm -f build/valgrind-counts
	@LABEL=valgrind ISOFLOP=$(abspath $(BIN)) VALGRIND=1 sh tests/run.sh build/valgrind-counts $(VALGRIND_UNIT) tests/valgrind.sh

valgrind: deps
	@$(MAKE) --no-print-directory valgrind-suite
	@sh tests/total.sh build/valgrind-counts

FUZZ_FLAGS = $(WARN) $(DEFS) -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all \
             $(shell pkg-config --cflags yaml-0.1)
FUZZ_LIBS  = $(shell pkg-config --libs yaml-0.1 gsl) -lm
build/fuzz/fuzz_preset: tests/fuzz/fuzz_preset.c presets/preset.c presets/yaml_walk.c presets/readall.c \
		presets/text.c model/units.c model/law.c model/traintest.c model/downstream.c model/hyper.c
	@mkdir -p $(@D)
	clang $(FUZZ_FLAGS) -o $@ $^ $(FUZZ_LIBS)
build/fuzz/fuzz_tour: tests/fuzz/fuzz_tour.c presets/tour.c presets/yaml_walk.c presets/preset.c presets/runs.c \
		presets/readall.c presets/text.c model/units.c model/law.c model/traintest.c \
		model/downstream.c model/hyper.c
	@mkdir -p $(@D)
	clang $(FUZZ_FLAGS) -o $@ $^ $(FUZZ_LIBS)

build/fuzz/fuzz_runs: tests/fuzz/fuzz_runs.c presets/runs.c presets/readall.c model/units.c \
		model/downstream.c model/law.c
	@mkdir -p $(@D)
	clang $(FUZZ_FLAGS) -o $@ $^ $(FUZZ_LIBS) -lgsl -lgslcblas

fuzz-suite: build/fuzz/fuzz_preset build/fuzz/fuzz_tour build/fuzz/fuzz_runs
	@FUZZ_SECONDS=$(FUZZ_SECONDS) sh tests/fuzz/run.sh build/fuzz

fuzz: deps
	@$(MAKE) --no-print-directory fuzz-suite
	@sh tests/total.sh build/fuzz/counts

lint-man: $(BIN)
	@ISOFLOP=$(abspath $(BIN)) sh tests/man.sh build/man-counts

build/bench: bench/bench.c $(LIB_OBJ)
	$(CC) $(ALL_CFLAGS) -o $@ $< $(LIB_OBJ) $(LDLIBS)

build/bench_plan: bench/bench_plan.c $(LIB_OBJ)
	$(CC) $(ALL_CFLAGS) -o $@ $< $(LIB_OBJ) $(LDLIBS)

build/pty_bytes: bench/pty_bytes.c
	$(CC) $(WARN) $(DEFS) $(CFLAGS) -o $@ $< -lutil

bench: deps
	@$(MAKE) --no-print-directory all build/bench build/bench_plan build/pty_bytes
	@./build/bench presets/laws
	@./build/bench_plan presets/laws
	@./build/pty_bytes ./isoflop

# rewrite tests/golden/*.txt from the current binary; review the diff like code
golden: $(BIN)
	@ISOFLOP=$(abspath $(BIN)) sh tests/golden.sh --update
	@ISOFLOP=$(abspath $(BIN)) sh tests/e2e.sh --update | grep wrote
	@ISOFLOP=$(abspath $(BIN)) sh tests/domain-view.sh --update | grep wrote

# the completion scripts, written by the binary from its option and command tables
COMPLETIONS = build/completion/isoflop build/completion/_isoflop build/completion/isoflop.fish
build/completion/isoflop: isoflop
	@mkdir -p $(@D)
	./isoflop completion bash >$@
build/completion/_isoflop: isoflop
	@mkdir -p $(@D)
	./isoflop completion zsh >$@
build/completion/isoflop.fish: isoflop
	@mkdir -p $(@D)
	./isoflop completion fish >$@

# The binary, both man pages, the presets under SHAREDIR and the shell
# completions; DESTDIR stages.
PRESET_FILES = $(wildcard presets/laws/*.yaml presets/models/*.yaml presets/accelerators/*.yaml \
                           presets/stocks/*.yaml presets/trends/*.yaml presets/tours/*.yaml)

install: all $(COMPLETIONS)
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(MANDIR)/man5 \
		$(DESTDIR)$(BASHCOMPDIR) $(DESTDIR)$(ZSHCOMPDIR) $(DESTDIR)$(FISHCOMPDIR)
	install -m 755 isoflop $(DESTDIR)$(BINDIR)/isoflop
	install -m 644 man/isoflop.1 $(DESTDIR)$(MANDIR)/man1/isoflop.1
	install -m 644 man/isoflop-presets.5 $(DESTDIR)$(MANDIR)/man5/isoflop-presets.5
	install -m 644 build/completion/isoflop $(DESTDIR)$(BASHCOMPDIR)/isoflop
	install -m 644 build/completion/_isoflop $(DESTDIR)$(ZSHCOMPDIR)/_isoflop
	install -m 644 build/completion/isoflop.fish $(DESTDIR)$(FISHCOMPDIR)/isoflop.fish
	for f in $(PRESET_FILES); do \
		install -d $(DESTDIR)$(SHAREDIR)/$$(basename $$(dirname $$f)) && \
		install -m 644 $$f $(DESTDIR)$(SHAREDIR)/$$(basename $$(dirname $$f))/ || exit 1; \
	done

# exactly what install wrote, then the share directories if they are empty
uninstall:
	rm -f $(DESTDIR)$(BINDIR)/isoflop $(DESTDIR)$(MANDIR)/man1/isoflop.1 \
		$(DESTDIR)$(MANDIR)/man5/isoflop-presets.5 $(DESTDIR)$(BASHCOMPDIR)/isoflop \
		$(DESTDIR)$(ZSHCOMPDIR)/_isoflop $(DESTDIR)$(FISHCOMPDIR)/isoflop.fish
	for f in $(PRESET_FILES); do \
		rm -f $(DESTDIR)$(SHAREDIR)/$$(basename $$(dirname $$f))/$$(basename $$f); \
	done
	-rmdir $(DESTDIR)$(SHAREDIR)/laws $(DESTDIR)$(SHAREDIR)/models \
		$(DESTDIR)$(SHAREDIR)/accelerators $(DESTDIR)$(SHAREDIR)/stocks \
		$(DESTDIR)$(SHAREDIR)/trends $(DESTDIR)$(SHAREDIR)/tours \
		$(DESTDIR)$(SHAREDIR) 2>/dev/null

format:
	clang-format -i $(wildcard model/*.[ch] presets/*.[ch] tui/*/*.[ch] tests/unit/*.[ch] tests/fuzz/*.c tests/vterm/*.c bench/*.c)

clean:
	rm -rf build isoflop
