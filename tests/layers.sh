#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# The layering the build states, checked on the objects: no layer uses a
# symbol defined in a layer it may not use (core: none; extractor and out:
# core; store: core and out). Arguments: the object files of core,
# extractor, out and store, each list joined with ':' (CMake passes them).
set -euo pipefail
[ $# -eq 4 ] || { echo "usage: layers.sh CORE EXTRACTOR OUT STORE (objects, ':'-joined)" >&2; exit 2; }
command -v nm >/dev/null || { echo "layers: no nm; skipped"; exit 77; }
names=(core extractor out store)
declare -A objs
args=("$@")
for i in 0 1 2 3; do objs[${names[$i]}]=${args[$i]}; done
defined() { tr ':' '\n' <<<"${objs[$1]}" | xargs nm --defined-only -g 2>/dev/null |
  awk 'NF == 3 && $2 ~ /[TDBR]/ {print $3}' | sort -u; }
undefined() { tr ':' '\n' <<<"${objs[$1]}" | xargs nm -u 2>/dev/null | awk '{print $NF}' | sort -u; }
fail=0
check() { # LAYER FORBIDDEN...
  local layer=$1; shift
  local used; used=$(undefined "$layer")
  for other in "$@"; do
    local bad; bad=$(comm -12 <(echo "$used") <(defined "$other"))
    if [ -n "$bad" ]; then
      echo "layers: $layer uses $other, which it may not: $(echo $bad | head -c 300)" >&2
      fail=1
    fi
  done
}
check core extractor out store
check extractor out store
check out extractor store
check store extractor
[ $fail -eq 0 ] && echo "layers: core < extractor, out < store: kept"
exit $fail
