#!/usr/bin/env bash
# Benchmark of Ratsworkflow (docs/benchmarks.md): speed, cost and scale of the workflow, measured against Azurite and
# the real app. Not part of ./test.sh (the full run takes long); `./scripts/bench.sh --quick` is the smoke mode.
#   ./scripts/bench.sh                 full run (throughput, vote latency, storage requests, dashboard scale, memory, cold start)
#   ./scripts/bench.sh --quick         every scenario but memory, small sizes, one run (< 60 s)
#   ./scripts/bench.sh --help          all options
#   ./scripts/bench.sh --no-build ...  skip the Release build (already built): the quick mode then takes < 60 s
# Results: printed, and written as Markdown to artifacts/bench/.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh >/dev/null
if [ "${1:-}" = "--no-build" ]; then
  shift
else
  # The app is started from its Release build, so build that (and the benchmark) first.
  dotnet build Ratsworkflow.sln -c Release -nologo -v q -clp:ErrorsOnly
fi
exec dotnet run -c Release --no-build --project bench/Ratsworkflow.Benchmarks -- "$@"
