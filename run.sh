#!/usr/bin/env bash
# Runs Ratsworkflow locally: Azurite (storage, data kept in .azurite/), maildev (mail, web UI on :1080) and the
# app on http://localhost:7071 with the sample configuration. Ctrl-C stops all three.
set -euo pipefail
cd "$(dirname "$0")"
./scripts/setup.sh

export ASPNETCORE_URLS="${ASPNETCORE_URLS:-http://localhost:7071}"
export App__PublicBaseUrl="${App__PublicBaseUrl:-http://localhost:7071}"
export Storage__ConnectionString="${Storage__ConnectionString:-UseDevelopmentStorage=true}"
export Email__Provider="${Email__Provider:-Smtp}"
export Email__Smtp__Host="${Email__Smtp__Host:-localhost}"
export Email__Smtp__Port="${Email__Smtp__Port:-1025}"
export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}"

pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT INT TERM

mkdir -p .azurite
if [ "$Storage__ConnectionString" = "UseDevelopmentStorage=true" ]; then
  node_modules/.bin/azurite --silent --skipApiVersionCheck --loose --location .azurite \
    --blobHost 127.0.0.1 --queueHost 127.0.0.1 --tableHost 127.0.0.1 &
  pids+=($!)
fi
if [ "$Email__Provider" = "Smtp" ] && [ "$Email__Smtp__Host" = "localhost" ]; then
  node_modules/.bin/maildev --smtp "$Email__Smtp__Port" --web 1080 --ip 127.0.0.1 --silent &
  pids+=($!)
  echo "maildev: http://localhost:1080"
fi

dotnet build functions/Ratsworkflow.Functions -c Release -nologo -v q
dotnet functions/Ratsworkflow.Functions/bin/Release/net10.0/Ratsworkflow.Functions.dll &
pids+=($!)
echo "Ratsworkflow: $ASPNETCORE_URLS"
wait -n "${pids[@]}"
