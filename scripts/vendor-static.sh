#!/usr/bin/env bash
# Refreshes the vendored front-end files from the npm registry. The results are committed, so
# `make run` and `make test` never need npm. Run it by hand to update a pinned version.
set -euo pipefail
cd "$(dirname "$0")/.."

UTRECHT_CSS=@utrecht/component-library-css@9.0.4
ROTTERDAM_TOKENS=@nl-design-system-unstable/rotterdam-design-tokens@1.0.0-alpha.125
AXE=axe-core@4.14.1

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "$UTRECHT_CSS" "$ROTTERDAM_TOKENS" "$AXE" >/dev/null)
for tgz in "$work"/*.tgz; do mkdir -p "$work/x/$(basename "$tgz" .tgz)"; tar -xzf "$tgz" -C "$work/x/$(basename "$tgz" .tgz)"; done

dest=static/vendor
rm -rf "$dest" tests/e2e/vendor
mkdir -p "$dest/utrecht" "$dest/rotterdam" tests/e2e/vendor
cp "$work"/x/utrecht-component-library-css-*/package/dist/index.css "$dest/utrecht/component-library.css"
cp "$work"/x/utrecht-component-library-css-*/package/LICENSE* "$dest/utrecht/" 2>/dev/null || true
tokens=$(ls -d "$work"/x/nl-design-system-unstable-rotterdam-design-tokens-*/package)
# index.css imports design-tokens.css and custom.css; font.css is left out: it points at fonts
# the package does not ship (and at an external host), so the tokens fall back to Arial.
cp "$tokens"/dist/index.css "$tokens"/dist/design-tokens.css "$tokens"/dist/custom.css "$dest/rotterdam/"
cp "$tokens"/LICENSE* "$dest/rotterdam/" 2>/dev/null || true
cp "$work"/x/axe-core-*/package/axe.min.js tests/e2e/vendor/axe.min.js
cp "$work"/x/axe-core-*/package/LICENSE tests/e2e/vendor/axe-LICENSE 2>/dev/null || true
printf '%s\n' "$UTRECHT_CSS" "$ROTTERDAM_TOKENS" "$AXE" > "$dest/VERSIONS.txt"
echo "Vendored: $(tr '\n' ' ' < "$dest/VERSIONS.txt")"
