#!/bin/sh
# deps.sh: install what isoflop needs to build and test, where we can.
#
# Debian/Ubuntu: apt-get install the missing packages (with sudo when not
# root). Elsewhere: print the packages to install and fail, so that nobody
# builds half a tool by accident.
set -eu

# libraries (pkg-config names; cmocka and vterm only for the tests) and test tools
# (commands), with their Debian packages
debian_pkgs="pkg-config gcc make libgsl-dev libyaml-dev libncurses-dev libcmocka-dev libvterm-dev mandoc groff-base man-db clang clang-format libclang-rt-dev valgrind tmux"

missing() {
	for pc in gsl yaml-0.1 ncursesw cmocka vterm; do
		pkg-config --exists "$pc" 2>/dev/null || { echo "pkg-config:$pc"; }
	done
	for cmd in cc make mandoc groff man clang clang-format valgrind tmux; do
		command -v "$cmd" >/dev/null 2>&1 || echo "command:$cmd"
	done
	# libFuzzer's runtime ships apart from clang on Debian
	if command -v clang >/dev/null 2>&1; then
		lib=$(clang -print-file-name=libclang_rt.fuzzer-x86_64.a 2>/dev/null || true)
		[ -f "$lib" ] || echo "libfuzzer"
	fi
}

need=$(missing || true)
[ -z "$need" ] && exit 0

echo "isoflop: missing: $(echo $need)" >&2
if command -v apt-get >/dev/null 2>&1; then
	sudo=""
	if [ "$(id -u)" != 0 ]; then
		if command -v sudo >/dev/null 2>&1; then
			sudo="sudo"
		else
			echo "isoflop: not root and no sudo: run as root: apt-get install -y $debian_pkgs" >&2
			exit 1
		fi
	fi
	echo "isoflop: installing: $debian_pkgs" >&2
	$sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2 || true
	$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
		$debian_pkgs >&2
	need=$(missing || true)
	[ -z "$need" ] && exit 0
	echo "isoflop: still missing after apt-get: $(echo $need)" >&2
	exit 1
fi

cat >&2 <<MSG
isoflop: no apt-get here; install these packages, then run make again:
  Fedora:  dnf install gcc make pkgconf-pkg-config gsl-devel libyaml-devel ncurses-devel libcmocka-devel libvterm-devel mandoc groff man-db clang clang-tools-extra compiler-rt valgrind tmux
  Arch:    pacman -S gcc make pkgconf gsl libyaml ncurses cmocka libvterm mandoc groff man-db clang compiler-rt valgrind tmux
  macOS:   brew install pkg-config gsl libyaml ncurses cmocka libvterm mandoc groff llvm tmux
           (valgrind is not available on recent macOS; make check skips nothing, so use Linux for it)
MSG
exit 1
