#!/usr/bin/env bash
# Prove the Dockerfile where no image registry is reachable: build it on a Debian base made here,
# start it on an empty volume, check that it migrates, serves and runs as its non-root user.
# Needs root (CI has it); installs buildah and debootstrap when missing; prints its timings.
# Checks inside a container go by exit status: `buildah run` has been seen to lose a command's
# output here now and then.
set -euo pipefail
cd "$(dirname "$0")/.."

SUITE=bookworm # Debian 12, whose python3 is the project's Python
PYTHON_MINOR=3.11
BASE=localhost/tablehop-base:$SUITE
IMAGE=localhost/tablehop:image-test
STATE=/var/lib/tablehop-image-test # a store of its own, kept so the base is built once
WORK=$(mktemp -d /tmp/tablehop-image-test.XXXXXX)
CTR="" PORT="" SERVER_PID=""

bah() { buildah --root "$STATE/storage" --runroot "$STATE/run" --storage-driver vfs "$@"; }
say() { printf '%s image-test: %s\n' "$(date -u +%T)" "$*"; }
fail() { say "FAILED: $1"; [ -f "${2:-}" ] && tail -n 40 "$2"; exit 1; }
in_ctr() { bah run --isolation chroot "$CTR" -- "$@"; }
logged() { local log=$1; shift; "$@" >"$log" 2>&1 || fail "$* (log: $log)" "$log"; }

install_tools() {
  local missing=() tool
  for tool in buildah:buildah debootstrap:debootstrap curl:curl ss:iproute2; do
    command -v "${tool%%:*}" >/dev/null || missing+=("${tool#*:}")
  done
  [ ${#missing[@]} -eq 0 ] && return
  say "installing ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
}

# pip reads its index, certificate and timeout from this machine's config and PIP_* variables;
# local paths (file:// indexes, find-links) do not exist inside the image and are left out.
pip_conf() {
  local line key value
  declare -A conf=([cert]=/etc/ssl/certs/ca-certificates.crt)
  while IFS= read -r line; do
    key=${line%%=*} value=${line#*=}
    key=${key#*.} value=${value//\'/}
    case $key in
      index-url | extra-index-url) value=$(tr ' ' '\n' <<<"$value" | { grep -E '^https?://' || true; } | xargs) ;;
      trusted-host | timeout | default-timeout | retries) ;;
      *) continue ;;
    esac
    [ -n "$value" ] && conf[$key]=$value
  done < <(python3 -m pip config list 2>/dev/null)
  echo "[global]"
  for key in "${!conf[@]}"; do echo "$key = ${conf[$key]}"; done
}

# The image reaches the package indexes as this machine does: same apt sources and settings,
# same certificate authorities (an egress proxy's included), same pip configuration.
carry_machine_settings() {
  local root=$1 file
  rm -f "$root/etc/apt/sources.list"
  for file in /etc/apt/sources.list /etc/apt/sources.list.d/*.list /etc/apt/sources.list.d/*.sources; do
    [ -f "$file" ] && cp "$file" "$root$file"
  done
  cp -a /etc/apt/apt.conf.d/. "$root/etc/apt/apt.conf.d/"
  cp -a /etc/apt/trusted.gpg.d/. "$root/etc/apt/trusted.gpg.d/" 2>/dev/null || true
  cp -a /usr/local/share/ca-certificates/. "$root/usr/local/share/ca-certificates/"
  cp /etc/ssl/certs/ca-certificates.crt "$root/etc/ssl/certs/ca-certificates.crt"
  pip_conf >"$root/etc/pip.conf"
}

build_base() {
  local root=$WORK/rootfs mirror
  mirror=$(awk '/^URIs:/ { print $2; exit }' /etc/apt/sources.list.d/debian.sources 2>/dev/null || true)
  logged "$WORK/debootstrap.log" debootstrap --variant=minbase \
    --include=python3,python3-venv,ca-certificates "$SUITE" "$root" "${mirror:-http://deb.debian.org/debian}"
  carry_machine_settings "$root"
  rm -rf "$root"/var/cache/apt/archives/*.deb "$root"/var/lib/apt/lists/*
  tar -C "$root" --exclude='./dev/*' --exclude='./proc/*' --exclude='./sys/*' -cf "$WORK/rootfs.tar" .
  CTR=$(bah from scratch)
  logged "$WORK/import.log" bah add "$CTR" "$WORK/rootfs.tar" /
  in_ctr python3 -c "import sys; sys.exit(sys.version_info[:2] != (${PYTHON_MINOR/./,}))" ||
    fail "the base's python3 is not $PYTHON_MINOR, the project's"
  # What Debian's own images set: an image from scratch has no PATH at all.
  bah config --env PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    --env LANG=C.UTF-8 --cmd python3 "$CTR"
  logged "$WORK/commit.log" bah commit "$CTR" "$BASE"
  bah rm "$CTR" >/dev/null
  CTR=""
}

# The server's own pid: `buildah run` does not pass signals on to what it started.
listener_pid() {
  ss -Hltnp "sport = :$PORT" | { grep -o 'pid=[0-9]*' || true; } | head -n 1 | cut -d= -f2
}

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# Start the image's own command, on loopback only: chroot isolation shares this machine's network.
start_server() {
  local cmd=()
  mapfile -d '' cmd < <(bah inspect --type image "$IMAGE" |
    python3 -c 'import json, sys; print("\0".join(json.load(sys.stdin)["OCIv1"]["config"]["Cmd"]), end="")')
  [ ${#cmd[@]} -gt 0 ] || fail "the image has no command"
  bah run --isolation chroot -e UVICORN_HOST=127.0.0.1 -e "UVICORN_PORT=$PORT" \
    "$CTR" -- "${cmd[@]}" >"$WORK/server.log" 2>&1 &
  SERVER_PID=$!
  for _ in $(seq 120); do
    curl -fsS "http://127.0.0.1:$PORT/api/health" >"$WORK/health.json" 2>/dev/null && return
    kill -0 "$SERVER_PID" 2>/dev/null || fail "the server stopped" "$WORK/server.log"
    sleep 0.5
  done
  fail "no answer on /api/health within 60 s" "$WORK/server.log"
}

check_server() {
  local pid uid
  grep -q '"ok"' "$WORK/health.json" || fail "/api/health said $(cat "$WORK/health.json")"
  curl -fsS -o /dev/null "http://127.0.0.1:$PORT/" || fail "the sign-in page does not answer"
  curl -fsS -o /dev/null "http://127.0.0.1:$PORT/static/css/app.css" || fail "no static files"
  in_ctr sh -c 'alembic current 2>/dev/null | grep -q "(head)"' ||
    fail "the empty volume was not migrated to the head revision"
  pid=$(listener_pid)
  [ -n "$pid" ] || fail "no process listens on port $PORT"
  uid=$(awk '/^Uid:/ { print $2 }' "/proc/$pid/status")
  [ "$uid" != 0 ] || fail "the server runs as root"
  in_ctr sh -c "[ \$(id -u) = $uid ] && [ \$(stat -c %u /data/tablehop.db) = $uid ]" ||
    fail "the server's uid $uid is not the image's user, or tablehop.db is not the user's"
  say "health $(cat "$WORK/health.json"), volume migrated to head, server pid $pid runs as uid $uid"
}

# /data is the image's VOLUME: buildah gives each container a fresh one, as Docker does, filled
# from the image (empty, owned by the app user). Runs of the same container share it.
run_image() {
  CTR=$(bah from --pull=never "$IMAGE")
  in_ctr sh -c '[ -z "$(ls -A /data)" ]' || fail "the volume is not empty before the first start"
  PORT=$(free_port)
  start_server
  check_server
}

# uvicorn stops cleanly on SIGINT; `buildah run` does not pass signals on, so it gets it directly.
stop_server() {
  local pid
  pid=$(listener_pid)
  [ -n "$pid" ] && kill -INT "$pid"
  for _ in $(seq 20); do
    kill -0 "$SERVER_PID" 2>/dev/null || break
    sleep 0.5
  done
  kill "$SERVER_PID" 2>/dev/null
  wait "$SERVER_PID" 2>/dev/null
}

# Cleaning up goes on past a failed step: each step undoes what may be there.
clean_up() {
  set +e
  [ -n "$SERVER_PID" ] && stop_server
  [ -n "$CTR" ] && bah rm "$CTR" >/dev/null 2>&1
  bah rmi "$IMAGE" >/dev/null 2>&1
  rm -rf "$WORK"
}
trap clean_up EXIT

[ "$(id -u)" = 0 ] || fail "run as root (buildah's chroot isolation and debootstrap need it)"
install_tools
start=$SECONDS
if bah inspect --type image "$BASE" >/dev/null 2>&1; then
  base="kept"
else
  say "building the base $BASE from Debian $SUITE"
  build_base
  base="built in $((SECONDS - start)) s"
fi
say "base $BASE: $base"
start=$SECONDS
logged "$WORK/build.log" bah build --isolation chroot --pull=never --format docker \
  --build-arg "BASE=$BASE" -t "$IMAGE" .
image=$((SECONDS - start))
say "image $IMAGE built in $image s"
start=$SECONDS
run_image
say "passed: base $base, image $image s, run and checks $((SECONDS - start)) s"
