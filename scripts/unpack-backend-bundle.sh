#!/usr/bin/env bash
# Unpacks a Backstage app's built backend bundle (packages/backend/dist/bundle.tar.gz, from
# `yarn build:backend`) into <dest>, so `node packages/backend` run from <dest> runs what the
# Dockerfile installs: the app's own packages as built to dist/ with their production package.json,
# every other dependency from <repo>/node_modules (symbolic links; the image installs them from
# yarn.lock instead). Used by `make prod-check` and the catalog and frontend benchmarks, for Paved
# and for a stock app alike.
#   scripts/unpack-backend-bundle.sh <repo> <dest>
set -euo pipefail
repo="$(cd "$1" && pwd)"
dest="$2"
[ -f "$repo/packages/backend/dist/bundle.tar.gz" ] || {
  echo "no $repo/packages/backend/dist/bundle.tar.gz: run yarn build:backend there first" >&2
  exit 1
}
rm -rf "$dest"
mkdir -p "$dest/node_modules"
tar -xzf "$repo/packages/backend/dist/bundle.tar.gz" -C "$dest"
# Scopes become real folders of links (never a link to the repository's scope folder, which the
# workspace links below would then write into).
for dependency in "$repo"/node_modules/[!@]* "$repo"/node_modules/.bin "$repo"/node_modules/@*/*; do
  relative="${dependency#"$repo"/}"
  mkdir -p "$dest/$(dirname "$relative")"
  ln -s "$dependency" "$dest/$relative"
done
for manifest in "$dest"/packages/*/package.json "$dest"/plugins/*/package.json; do
  [ -f "$manifest" ] || continue
  name="$(node -p "require('$manifest').name")"
  mkdir -p "$dest/node_modules/$(dirname "$name")"
  rm -f "$dest/node_modules/$name"
  ln -s "$(dirname "$manifest")" "$dest/node_modules/$name"
done
