#!/usr/bin/env bash
# Builds the Azure Functions package of Ratsworkflow (custom handler on Flex Consumption, see docs/deployment.md):
#
#   <out>/ratsworkflow/        staging folder; azd deploys this folder (azure.yaml "dist")
#   <out>/ratsworkflow.zip     the same folder as a zip, for `az functionapp deployment source config-zip`
#
# Package root:
#   host.json                      the repository's host.json (customHandler points at the executable)
#   Ratsworkflow.Functions + files `dotnet publish -c Release -r linux-x64 --self-contained` (no .NET needed on the host)
#   <FunctionName>/function.json   one folder per Azure Function, copied from infra/functions/
#
# Usage: scripts/publish.sh [out-dir]        (default out-dir: artifacts/, git-ignored)
# Build output goes to <out>/build (dotnet --artifacts-path), so a publish never touches the bin/ and obj/ folders
# of a normal build or of a test run that is going on at the same time.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
out="${1:-$root/artifacts}"
mkdir -p "$out"
out="$(cd "$out" && pwd)"
staging="$out/ratsworkflow"
package="$out/ratsworkflow.zip"

for tool in dotnet jq zip; do
  command -v "$tool" >/dev/null || { echo "publish.sh: '$tool' is required (apt-get install $tool)" >&2; exit 1; }
done

rm -rf "$staging" "$package"

echo "==> dotnet publish (Release, linux-x64, self-contained)"
dotnet publish "$root/functions/Ratsworkflow.Functions" -c Release -r linux-x64 --self-contained \
  --artifacts-path "$out/build" -o "$staging" -nologo -v q

echo "==> host.json and function folders"
cp "$root/host.json" "$staging/host.json"
executable="$(jq -er '.customHandler.description.defaultExecutablePath' "$root/host.json")"
if [ ! -f "$staging/$executable" ]; then
  echo "publish.sh: host.json names '$executable' as the custom handler, but the publish output has no such file" >&2
  exit 1
fi
chmod 755 "$staging/$executable"

count=0
for definition in "$root"/infra/functions/*/function.json; do
  name="$(basename "$(dirname "$definition")")"
  if ! [[ "$name" =~ ^[A-Za-z][A-Za-z0-9_-]{0,126}$ ]]; then
    echo "publish.sh: '$name' is not a valid Azure Functions name" >&2
    exit 1
  fi
  if [ -e "$staging/$name" ]; then
    echo "publish.sh: function folder '$name' collides with a file of the publish output" >&2
    exit 1
  fi
  jq -e '.bindings | length > 0' "$definition" >/dev/null || { echo "publish.sh: $definition has no bindings" >&2; exit 1; }
  mkdir -p "$staging/$name"
  cp "$definition" "$staging/$name/function.json"
  count=$((count + 1))
done
[ "$count" -gt 0 ] || { echo "publish.sh: no infra/functions/*/function.json found" >&2; exit 1; }

# Local-only files never go to Azure.
rm -f "$staging/local.settings.json" "$staging"/appsettings.Development.json

echo "==> zip"
# zip keeps the Unix mode bits, so the custom handler stays executable on the Linux host. -X: no extra attributes.
(cd "$staging" && zip -qrX "$package" .)
size="$(du -h "$package" | cut -f1)"
echo "Package: $package ($size, $count functions, handler '$executable')"
