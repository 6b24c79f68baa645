# Part of nplusone-tidy, under the Apache License v2.0 with LLVM Exceptions.
# SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
# Shared by the tools/ scripts: locating the project and installing what a
# fresh Debian 12 / Ubuntu machine lacks.

NPLUSONE_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)

# Packages every build needs, and those of one LLVM major version.
nplusone_base_packages() {
  echo cmake make g++ python3 libpqxx-dev libpq-dev libsqlite3-dev
  # The database libraries the tests read the real headers of.
  echo libsqlitecpp-dev qtbase5-dev qt6-base-dev libsoci-dev libboost-dev \
    libmysqlcppconn-dev libmariadb-dev unixodbc-dev libpoco-dev \
    libcppdb-dev libhiredis-dev
  # SQL text built with fmt::format in the SQL-reading tests.
  echo libfmt-dev
  # PyYAML, for reading clang-tidy's --export-fixes in tools/nplusone-sarif.py.
  echo python3-yaml
  # dpkg-shlibdeps, for the .deb packaging test.
  echo dpkg-dev
}
nplusone_llvm_packages() {
  local v=$1
  echo "clang-$v clang-tidy-$v libclang-$v-dev llvm-$v-dev llvm-$v-tools"
  # nplusone-clangd links clangd's libraries, whose remote index uses gRPC.
  if [ "$v" -ge 15 ]; then
    echo "libgrpc++-dev libprotobuf-dev libabsl-dev"
  fi
}

# Installs the named Debian packages that are missing: as root directly,
# through sudo otherwise; without either, prints the command and fails.
nplusone_ensure_packages() {
  local missing=()
  local p
  for p in "$@"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed"; then
      missing+=("$p")
    fi
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  local apt=(apt-get)
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then
      apt=(sudo apt-get)
    else
      echo "nplusone: these packages are missing; install them as root:" >&2
      echo "  apt-get update && apt-get install -y ${missing[*]}" >&2
      return 1
    fi
  fi
  echo "nplusone: installing ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  "${apt[@]}" update -qq >&2
  "${apt[@]}" install -y -qq --no-install-recommends "${missing[@]}" >&2
}

# The newest LLVM major version with the development files installed.
nplusone_newest_llvm() {
  local v
  for v in $(seq 30 -1 14); do
    if [ -f "/usr/lib/llvm-$v/lib/cmake/clang/ClangConfig.cmake" ] &&
       [ -x "/usr/lib/llvm-$v/bin/clang-tidy" ]; then
      echo "$v"
      return 0
    fi
  done
  return 1
}

# Configures and builds the project against LLVM $1 into $2.
nplusone_build() {
  local v=$1 dir=$2
  shift 2
  local gen=()
  command -v ninja >/dev/null 2>&1 && gen=(-G Ninja)
  cmake -S "$NPLUSONE_ROOT" -B "$dir" "${gen[@]}" \
    -DLLVM_ROOT="/usr/lib/llvm-$v" "$@" >"$dir.configure.log" 2>&1 ||
    { cat "$dir.configure.log" >&2; return 1; }
  cmake --build "$dir" -j "$(nproc)"
}
