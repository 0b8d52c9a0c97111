#!/usr/bin/env bash
# Refresh the vendored front-end assets in src/stuurman/site/static/vendor/.
#
# Needs Node/npm (only for this script: `make run` serves the committed copies and never needs Node).
# To upgrade, change a pinned version below, run `make vendor`, and review the diff of VERSIONS.txt.
# htmx stays on 2.0.x: htmx 4 is a different API.
set -euo pipefail

COMPONENT_LIBRARY_CSS="@utrecht/component-library-css@9.0.4"
# The NL Design System "voorbeeld" theme (EUPL-1.2). Utrecht's own tokens are proprietary to Gemeente
# Utrecht, so a municipality running Stuurman swaps in its own theme package here.
DESIGN_TOKENS="@nl-design-system-unstable/voorbeeld-design-tokens@7.4.1"
HTMX="htmx.org@2.0.11"

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENDOR="$ROOT/src/stuurman/site/static/vendor"

command -v npm >/dev/null || { echo "refresh-vendor: npm is needed to refresh the vendored assets" >&2; exit 1; }

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

# fetch SPEC: npm pack SPEC into $WORK and extract it; prints the directory holding package/.
fetch() {
    local spec="$1" dir tarball
    dir="$WORK/$(echo "$spec" | tr '/@' '__')"
    mkdir -p "$dir"
    tarball="$(cd "$dir" && npm pack --silent "$spec" 2>/dev/null | tail -n 1)"
    tar -xzf "$dir/$tarball" -C "$dir"
    echo "$dir/package"
}

# version DIR: the exact version in an extracted package.json.
version() {
    node -p "require('$1/package.json').version"
}

STAGE="$WORK/vendor"
mkdir -p "$STAGE/utrecht" "$STAGE/theme" "$STAGE/htmx"

pkg="$(fetch "$COMPONENT_LIBRARY_CSS")"
cl_version="$(version "$pkg")"
cp "$pkg/dist/index.css" "$STAGE/utrecht/component-library.css"
cp "$pkg/LICENSE.md" "$STAGE/utrecht/LICENSE-component-library-css.md"

pkg="$(fetch "$DESIGN_TOKENS")"
dt_version="$(version "$pkg")"
# theme.css: every token as a custom property on `.voorbeeld-theme`, no external font or image files.
cp "$pkg/dist/theme.css" "$STAGE/theme/design-tokens.css"
cp "$pkg/LICENSE.md" "$STAGE/theme/LICENSE.md"

pkg="$(fetch "$HTMX")"
htmx_version="$(version "$pkg")"
case "$htmx_version" in
    2.0.*) ;;
    *) echo "refresh-vendor: htmx must stay on 2.0.x, got $htmx_version" >&2; exit 1 ;;
esac
cp "$pkg/dist/htmx.min.js" "$STAGE/htmx/htmx.min.js"
cp "$pkg/LICENSE" "$STAGE/htmx/LICENSE"

{
    echo "# Vendored front-end assets, written by scripts/refresh-vendor.sh. Do not edit by hand."
    echo "@utrecht/component-library-css@$cl_version"
    echo "@nl-design-system-unstable/voorbeeld-design-tokens@$dt_version"
    echo "htmx.org@$htmx_version"
    echo
    echo "# sha256  file"
    (cd "$STAGE" && find . -type f ! -name VERSIONS.txt | sed 's|^\./||' | LC_ALL=C sort | xargs sha256sum)
} >"$STAGE/VERSIONS.txt"

rm -rf "$VENDOR"
mkdir -p "$(dirname "$VENDOR")"
cp -R "$STAGE" "$VENDOR"
echo "refresh-vendor: wrote $VENDOR"
sed -n '2,4p' "$VENDOR/VERSIONS.txt"
