#!/usr/bin/env bash
# Offline checks of the Azure infrastructure code (nothing is deployed, no network beyond NuGet):
#   * restores the Bicep CLI from NuGet (Azure.Bicep.CommandLine.linux-x64, version pinned in
#     Directory.Packages.props, referenced by tests/Ratsworkflow.Deployment.Tests) and asks MSBuild for its path;
#   * bicep build + lint of infra/main.bicep (all modules) and build-params + lint of infra/main.bicepparam;
#   * fails on any error AND on any warning or linter finding (infra/bicepconfig.json explains disabled rules).
# The functions themselves are not declared here: the Worker SDK generates functions.metadata when the FunctionApp
# builds (tests/Ratsworkflow.FunctionApp.Tests checks it).
# The compiled templates land in artifacts/infra/ (git-ignored) for inspection.
# The same checks, plus assertions on the compiled ARM JSON, run as tests in tests/Ratsworkflow.Deployment.Tests.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
project=tests/Ratsworkflow.Deployment.Tests/Ratsworkflow.Deployment.Tests.csproj
out=artifacts/infra
mkdir -p "$out"

echo "==> restore Bicep CLI (NuGet)"
dotnet restore "$project" -nologo -v q >/dev/null
bicep="$(dotnet msbuild "$project" -nologo -getProperty:BicepPath | tr -d '\r' | tr '\\' '/')"
if [ ! -f "$bicep" ]; then
  echo "check-infra.sh: Bicep CLI not found at '$bicep'" >&2
  exit 1
fi
[ -x "$bicep" ] || chmod u+x "$bicep"
echo "    $("$bicep" --version)"

failed=0
# Runs a bicep command; any output on stderr (warnings, linter findings, errors) or a non-zero exit fails the check.
check() {
  local label="$1"; shift
  local log
  log="$(mktemp)"
  if "$bicep" "$@" 2>"$log" >/dev/null && [ ! -s "$log" ]; then
    echo "    ok    $label"
  else
    echo "    FAIL  $label"
    sed 's/^/          /' "$log"
    failed=1
  fi
  rm -f "$log"
}

echo "==> bicep"
check "build infra/main.bicep"            build infra/main.bicep --outfile "$out/main.json"
check "lint  infra/main.bicep (+modules)" lint infra/main.bicep
check "build-params infra/main.bicepparam" build-params infra/main.bicepparam --outfile "$out/main.parameters.json"
check "lint  infra/main.bicepparam"       lint infra/main.bicepparam

if [ "$failed" -ne 0 ]; then
  echo "check-infra.sh: FAILED" >&2
  exit 1
fi
echo "check-infra.sh: all infrastructure checks passed (templates in $out/)"
