#!/usr/bin/env bash
# Runs Ratsworkflow locally: Azurite (storage, data kept in .azurite/), maildev (mail, web UI on :1080) and the
# app on http://localhost:7071 with the sample configuration. Ctrl-C stops all three.
#
#   ./run.sh                  behaves like production (German error pages, no pattern library), with the sample data
#   ./run.sh --development    ASP.NET Core's Development environment: exception details, /muster, generated API token
#   ./run.sh --print-settings prints the settings it would start with and starts nothing
set -euo pipefail
cd "$(dirname "$0")"

environment=Production
print_only=false
for arg in "$@"; do
  case "$arg" in
    --development) environment=Development ;;
    --print-settings) print_only=true ;;
    *) echo "Unbekannte Option: $arg (erlaubt: --development, --print-settings)" >&2; exit 2 ;;
  esac
done

export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-$environment}"
export ASPNETCORE_URLS="${ASPNETCORE_URLS:-http://localhost:7071}"
export App__PublicBaseUrl="${App__PublicBaseUrl:-http://localhost:7071}"
export Storage__ConnectionString="${Storage__ConnectionString:-UseDevelopmentStorage=true}"
export Email__Provider="${Email__Provider:-Smtp}"
export Email__Smtp__Host="${Email__Smtp__Host:-localhost}"
export Email__Smtp__Port="${Email__Smtp__Port:-1025}"
# Outside Development the app invents no clerk API token; a local run gets a random one for this run (printed below).
generated_token=""
if [ -z "${Clerks__ApiToken:-}" ] && [ "$ASPNETCORE_ENVIRONMENT" != "Development" ]; then
  generated_token="$(head -c 32 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n')"
  export Clerks__ApiToken="$generated_token"
fi

if [ "$print_only" = true ]; then
  env | grep -E '^(ASPNETCORE_|App__|Storage__|Email__|Clerks__)' | sort
  exit 0
fi

./scripts/setup.sh

pids=()
azurite_pids=()
# Azurite gets SIGINT, as Ctrl-C sends it: azurite-table saves its data on SIGINT only (SIGTERM would lose its last
# 5 s of writes). The others get SIGTERM: a background job of a script ignores SIGINT unless it handles it itself.
cleanup() {
  # The app first, so its engine can release its leases while storage is still there.
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  for pid in "${azurite_pids[@]}"; do kill -INT "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap cleanup EXIT INT TERM

mkdir -p .azurite
if [ "$Storage__ConnectionString" = "UseDevelopmentStorage=true" ]; then
  # One process per service (same data folder and ports as one "azurite"): each is a single Node thread, and the
  # engine's queue polling and the app's table work then do not wait for each other (docs/benchmarks.md, "Ninth session").
  for service in blob queue table; do
    "node_modules/.bin/azurite-$service" --silent --skipApiVersionCheck --loose --disableTelemetry --location .azurite \
      "--${service}Host" 127.0.0.1 &
    azurite_pids+=($!)
  done
fi
if [ "$Email__Provider" = "Smtp" ] && [ "$Email__Smtp__Host" = "localhost" ]; then
  node_modules/.bin/maildev --smtp "$Email__Smtp__Port" --web 1080 --ip 127.0.0.1 --silent &
  pids+=($!)
  echo "maildev: http://localhost:1080"
fi

dotnet build functions/Ratsworkflow.Functions -c Release -nologo -v q
dotnet functions/Ratsworkflow.Functions/bin/Release/net10.0/Ratsworkflow.Functions.dll &
pids+=($!)
echo "Ratsworkflow ($ASPNETCORE_ENVIRONMENT): $ASPNETCORE_URLS"
if [ -n "$generated_token" ]; then
  echo "Clerk API token of this run: Authorization: Bearer $generated_token"
fi
wait -n "${pids[@]}" "${azurite_pids[@]}"
