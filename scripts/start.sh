#!/usr/bin/env bash
# `make start`: installs what is missing, then runs the frontend (:3000) and backend (:7007) in
# development mode on the embedded SQLite database kept in .data/ (survives restarts).
source "$(dirname "$0")/env.sh"
"$PAVED_ROOT/scripts/install.sh"
cd "$PAVED_ROOT"
mkdir -p .data/sqlite .data/git .data/techdocs
log "starting Paved: http://localhost:3000 (backend http://localhost:7007)"
exec yarn start
