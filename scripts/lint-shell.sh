#!/usr/bin/env bash
# `yarn lint:shell` (and the lint stage of `make test`): shellcheck on every shell script in the
# repository: the tracked `*.sh` files, and the executable ones without the suffix whose first line
# names bash or sh (`.ci/run`). Settings: `.shellcheckrc`. Debian's shellcheck is installed by
# `scripts/install.sh --for-tests`.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v shellcheck > /dev/null; then
  echo "shellcheck is missing: scripts/install.sh --for-tests installs it (Debian's shellcheck)" >&2
  exit 1
fi

scripts=()
# `git ls-files -s` prints "<mode> <object> <stage>\t<path>".
while IFS=$'\t' read -r -d '' info path; do
  if [[ "$path" == *.sh ]]; then
    scripts+=("$path")
  elif [[ "$info" == 100755* ]] && head -n 1 "$path" | grep -Eq '^#!.*[/ ](ba)?sh$'; then
    scripts+=("$path")
  fi
done < <(git ls-files -s -z)

echo "shellcheck $(shellcheck --version | sed -n 's/^version: //p'): ${#scripts[@]} scripts"
shellcheck "${scripts[@]}"
