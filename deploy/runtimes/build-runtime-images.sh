#!/usr/bin/env bash
# Builds Slipway's offline runtime images from Debian packages (debootstrap + docker import),
# so machines without a container registry can still build apps. Idempotent: an image that
# exists and was built from the recipe below is skipped; one built from another recipe (an
# older package list) is rebuilt; --force rebuilds every image named.
#
#   deploy/runtimes/build-runtime-images.sh [--force] [--if-docker] [RUNTIME...]
#
# RUNTIME defaults to every runtime listed below. --if-docker exits quietly when no Docker
# daemon answers (used by `make run`).
set -euo pipefail

MIRROR="${SLIPWAY_DEBIAN_MIRROR:-http://deb.debian.org/debian}"
SUITE="${SLIPWAY_DEBIAN_SUITE:-bookworm}"
REPOSITORY="${SLIPWAY_RUNTIME_REPOSITORY:-slipway/runtime}"
# The image label that records the recipe an image was built from.
RECIPE_LABEL="dev.slipway.runtime.recipe"

# Every image carries these (downloads in build commands, git dependencies, company CAs).
COMMON="ca-certificates curl git"
# image name -> Debian packages on top of minbase and $COMMON (see docs/runtimes.md)
declare -A PACKAGES=(
  [python3]="python3 python-is-python3 python3-pip python3-venv"
  [python3-sklearn]="python3 python-is-python3 python3-pip python3-venv python3-sklearn python3-joblib"
  [nodejs18]="nodejs npm yarnpkg"
  [java17]="openjdk-17-jdk-headless maven gradle"
  [go]="golang-1.23-go"
  [ruby]="ruby bundler ruby-webrick"
  [php]="php-cli composer php-zip unzip php-curl php-mbstring php-xml"
)
# image name -> "yes" where packages only $SUITE-backports has are installed (newer than the release);
# packages the release has still come from the release
declare -A BACKPORTS=(
  [go]=yes
)
# image name -> shell commands run in the new root after the packages are installed
declare -A SETUP=(
  # App Runner's images let `pip install -r requirements.txt` install into the system, as apps expect
  [python3]="rm -f /usr/lib/python3*/EXTERNALLY-MANAGED"
  [python3-sklearn]="rm -f /usr/lib/python3*/EXTERNALLY-MANAGED"
  [nodejs18]="ln -sf /usr/bin/yarnpkg /usr/local/bin/yarn"
  [go]="ln -sf /usr/lib/go-1.23/bin/go /usr/local/bin/go && ln -sf /usr/lib/go-1.23/bin/gofmt /usr/local/bin/gofmt"
)

force=false
if_docker=false
runtimes=()
for arg in "$@"; do
  case "$arg" in
    --force) force=true ;;
    --if-docker) if_docker=true ;;
    -h|--help) sed -n '2,10p' "$0"; exit 0 ;;
    -*) echo "unknown option: $arg" >&2; exit 2 ;;
    *) runtimes+=("$arg") ;;
  esac
done
[ ${#runtimes[@]} -gt 0 ] || runtimes=(python3 python3-sklearn nodejs18 java17 go ruby php)

if ! docker info >/dev/null 2>&1; then
  if $if_docker; then
    echo "runtimes: no Docker daemon answers; skipping runtime images (the process runtime needs none)"
    exit 0
  fi
  echo "runtimes: no Docker daemon answers; start dockerd first" >&2
  exit 1
fi

# What an image is built from; a change to it (or to this recipe's form) rebuilds the image.
recipe() {
  local runtime="$1"
  printf 'v3 %s %s | %s | backports: %s | setup: %s' "$SUITE" "$COMMON" "${PACKAGES[$runtime]}" \
    "${BACKPORTS[$runtime]:-}" "${SETUP[$runtime]:-}" | sha256sum | cut -c1-16
}

# State shared by the images of one run: the minimal base is bootstrapped once and each image
# starts from a copy of it, and packages downloaded for one image serve the next.
work=""
rootfs=""
cleanup() {
  if [ -n "$rootfs" ]; then
    for mount in "$rootfs/var/cache/apt/archives" "$rootfs/proc"; do
      ! mountpoint -q "$mount" || umount -l "$mount" || true
    done
    # Never through a mount that is still there: it could be the shared archives or /proc.
    rm -rf --one-file-system "$rootfs"
  fi
  [ -z "$work" ] || rm -rf --one-file-system "$work"
}
trap cleanup EXIT

fail_with_log() {
  tail -n 30 "$work/log" >&2
  exit 1
}

# Bootstraps the minimal Debian base (with fresh package lists) into $work/base.tar, once per run.
base_tarball() {
  [ -f "$work/base.tar" ] && return
  local dir="$work/base"
  echo "runtimes: bootstrapping a minimal $SUITE from $MIRROR"
  # debootstrap resolves dependencies poorly for large package sets (npm fails to configure), so
  # it lays down the minimal base and apt inside the new root installs the runtime's packages.
  debootstrap --variant=minbase "$SUITE" "$dir" "$MIRROR" >"$work/log" 2>&1 || fail_with_log
  # Package scripts must not start services in the new root (a running one would keep /proc busy).
  printf '#!/bin/sh\nexit 101\n' >"$dir/usr/sbin/policy-rc.d"
  chmod 755 "$dir/usr/sbin/policy-rc.d"
  chroot "$dir" apt-get update -qq >>"$work/log" 2>&1 || fail_with_log
  tar -C "$dir" -cf "$work/base.tar" .
  rm -rf "$dir"
}

for runtime in "${runtimes[@]}"; do
  if [ -z "${PACKAGES[$runtime]:-}" ]; then
    echo "runtimes: unknown runtime '$runtime' (known: ${!PACKAGES[*]})" >&2
    exit 2
  fi
  image="$REPOSITORY-$runtime:$SUITE"
  wanted="$(recipe "$runtime")"
  previous="$(docker image inspect "$image" --format '{{.Id}}' 2>/dev/null || true)"
  if ! $force && [ -n "$previous" ]; then
    built="$(docker image inspect "$image" --format "{{index .Config.Labels \"$RECIPE_LABEL\"}}" 2>/dev/null || true)"
    if [ "$built" = "$wanted" ]; then
      echo "runtimes: $image exists, skipping"
      continue
    fi
    echo "runtimes: $image was built from another package list; rebuilding it"
  fi
  if ! command -v debootstrap >/dev/null 2>&1; then
    echo "runtimes: debootstrap is missing; install it (apt-get install -y debootstrap)" >&2
    exit 1
  fi
  if [ "$(id -u)" -ne 0 ]; then
    echo "runtimes: debootstrap needs root" >&2
    exit 1
  fi
  if [ -z "$work" ]; then
    work="$(mktemp -d /tmp/slipway-runtimes-XXXXXX)"
    mkdir -p "$work/archives"
  fi
  base_tarball
  packages="$COMMON ${PACKAGES[$runtime]}"
  setup="${SETUP[$runtime]:-true}"
  echo "runtimes: building $image from $SUITE with: $packages"
  rootfs="$(mktemp -d /tmp/slipway-rootfs-XXXXXX)"
  tar -C "$rootfs" -xf "$work/base.tar"
  update=true
  if [ -n "${BACKPORTS[$runtime]:-}" ]; then
    echo "deb $MIRROR $SUITE-backports main" >"$rootfs/etc/apt/sources.list.d/backports.list"
    update="apt-get update -qq"
  fi
  mount -t proc proc "$rootfs/proc"
  mount --bind "$work/archives" "$rootfs/var/cache/apt/archives"
  chroot "$rootfs" sh -c "$update && DEBIAN_FRONTEND=noninteractive \
      apt-get install -y -qq --no-install-recommends $packages && $setup" >"$work/log" 2>&1 || fail_with_log
  umount "$rootfs/var/cache/apt/archives"
  umount "$rootfs/proc"
  rm -f "$rootfs/etc/apt/sources.list.d/backports.list" "$rootfs/usr/sbin/policy-rc.d"
  rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/*
  # debootstrap copied the build host's; Docker supplies a container's own at run time.
  rm -f "$rootfs/etc/resolv.conf" "$rootfs/etc/hostname"
  touch "$rootfs/etc/resolv.conf" "$rootfs/etc/hostname"
  tar -C "$rootfs" -c . | docker import \
    --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
    --change 'ENV LANG=C.UTF-8' \
    --change "LABEL $RECIPE_LABEL=$wanted" \
    --change "LABEL dev.slipway.runtime.packages=\"$packages\"" \
    --change 'CMD ["/bin/sh"]' \
    - "$image" >/dev/null
  rm -rf "$rootfs"
  rootfs=""
  # The replaced image goes unless containers or Slipway's build images still use it.
  [ -z "$previous" ] || docker image rm "$previous" >/dev/null 2>&1 || true
  echo "runtimes: built $image"
done
