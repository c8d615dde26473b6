#!/usr/bin/env bash
# Builds Slipway's offline runtime images from Debian packages (debootstrap + docker import),
# so machines without a container registry can still build apps. Idempotent: an image that
# already exists is skipped unless --force is given.
#
#   deploy/runtimes/build-runtime-images.sh [--force] [--if-docker] [RUNTIME...]
#
# RUNTIME defaults to every runtime listed below. --if-docker exits quietly when no Docker
# daemon answers (used by `make run`).
set -euo pipefail

MIRROR="${SLIPWAY_DEBIAN_MIRROR:-http://deb.debian.org/debian}"
SUITE="${SLIPWAY_DEBIAN_SUITE:-bookworm}"
REPOSITORY="${SLIPWAY_RUNTIME_REPOSITORY:-slipway/runtime}"

# image name -> extra Debian packages on top of minbase (see docs/runtimes.md)
declare -A PACKAGES=(
  [python3]="python3 ca-certificates"
  [python3-sklearn]="python3 python3-sklearn python3-joblib ca-certificates"
  [nodejs18]="nodejs npm ca-certificates"
  [java17]="openjdk-17-jdk-headless ca-certificates"
)

force=false
if_docker=false
runtimes=()
for arg in "$@"; do
  case "$arg" in
    --force) force=true ;;
    --if-docker) if_docker=true ;;
    -h|--help) sed -n '2,9p' "$0"; exit 0 ;;
    -*) echo "unknown option: $arg" >&2; exit 2 ;;
    *) runtimes+=("$arg") ;;
  esac
done
[ ${#runtimes[@]} -gt 0 ] || runtimes=("${!PACKAGES[@]}")

if ! docker info >/dev/null 2>&1; then
  if $if_docker; then
    echo "runtimes: no Docker daemon answers; skipping runtime images (the process runtime needs none)"
    exit 0
  fi
  echo "runtimes: no Docker daemon answers; start dockerd first" >&2
  exit 1
fi

for runtime in "${runtimes[@]}"; do
  packages="${PACKAGES[$runtime]:-}"
  if [ -z "$packages" ]; then
    echo "runtimes: unknown runtime '$runtime' (known: ${!PACKAGES[*]})" >&2
    exit 2
  fi
  image="$REPOSITORY-$runtime:$SUITE"
  if ! $force && docker image inspect "$image" >/dev/null 2>&1; then
    echo "runtimes: $image exists, skipping"
    continue
  fi
  if ! command -v debootstrap >/dev/null 2>&1; then
    echo "runtimes: debootstrap is missing; install it (apt-get install -y debootstrap)" >&2
    exit 1
  fi
  if [ "$(id -u)" -ne 0 ]; then
    echo "runtimes: debootstrap needs root" >&2
    exit 1
  fi
  rootfs="$(mktemp -d /tmp/slipway-rootfs-XXXXXX)"
  trap 'umount "$rootfs/proc" 2>/dev/null; rm -rf "$rootfs" "$rootfs.log"' EXIT
  echo "runtimes: building $image from $SUITE with: $packages"
  # debootstrap resolves dependencies poorly for large package sets (npm fails to configure), so
  # it lays down the minimal base and apt inside the new root installs the runtime's packages.
  debootstrap --variant=minbase "$SUITE" "$rootfs" "$MIRROR" >"$rootfs.log" 2>&1 \
    || { tail -n 30 "$rootfs.log" >&2; exit 1; }
  mount -t proc proc "$rootfs/proc"
  if ! chroot "$rootfs" sh -c "apt-get update -qq && DEBIAN_FRONTEND=noninteractive \
      apt-get install -y -qq --no-install-recommends $packages" >>"$rootfs.log" 2>&1; then
    umount "$rootfs/proc"
    tail -n 30 "$rootfs.log" >&2
    exit 1
  fi
  umount "$rootfs/proc"
  rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/*
  tar -C "$rootfs" -c . | docker import \
    --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
    --change 'ENV LANG=C.UTF-8' \
    --change 'CMD ["/bin/sh"]' \
    - "$image" >/dev/null
  rm -rf "$rootfs" "$rootfs.log"
  trap - EXIT
  echo "runtimes: built $image"
done
