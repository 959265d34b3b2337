#!/usr/bin/env bash
# The benchmark, from a clean clone: restores, builds in Release and runs tests/ExfilAnalyzers.Benchmarks.
# Arguments go to the program (--quick, --runs N, ...: see docs/benchmark.md). Results: artifacts/benchmark/.
set -euo pipefail
cd "$(dirname "$0")/.."
exec dotnet run -c Release --project tests/ExfilAnalyzers.Benchmarks -- "$@"
