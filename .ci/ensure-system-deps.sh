#!/usr/bin/env bash
# Installs what the tests need that npm cannot: Debian's Chromium (browser tests drive it through
# playwright-core; no tool downloads its own browser), ffmpeg (the CLI's decoder, and ffprobe as
# the reference for frame counts) and GNU parallel (the README's cluster recipe, run by a test).
# Only when missing; where it cannot install, it says exactly what to run.
set -euo pipefail
missing=()
command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ] || missing+=(chromium)
command -v ffmpeg >/dev/null 2>&1 || missing+=(ffmpeg)
command -v ffprobe >/dev/null 2>&1 || { [[ " ${missing[*]} " == *" ffmpeg "* ]] || missing+=(ffmpeg); }
# moreutils ships a different program named parallel: ask for GNU's by its version banner.
[[ "$(parallel --version 2>/dev/null | head -n 1)" == "GNU parallel"* ]] || missing+=(parallel)
[ ${#missing[@]} -eq 0 ] && exit 0

cmd="apt-get update && apt-get install -y --no-install-recommends ${missing[*]}"
if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing ${missing[*]} with apt-get (needed by the tests)..." >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2 && apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
elif command -v sudo >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  echo "Installing ${missing[*]} with sudo apt-get (needed by the tests)..." >&2
  sudo -n sh -c "DEBIAN_FRONTEND=noninteractive $cmd" >&2
else
  echo "The tests need ${missing[*]}, which is not installed and cannot be installed from here." >&2
  echo "Run:  sudo sh -c '$cmd'" >&2
  exit 1
fi
