#!/usr/bin/env bash
# BenchmarkDotNet micro-benchmarks (bench/Scalekit.AspNetCore.Benchmarks): token validation (cache hit, full
# validation, stock JwtBearer), the validated-token cache, scope checks, policy lookup; time and allocations per
# operation. Arguments go to BenchmarkDotNet; without any, every benchmark runs with the default job, in process.
#
#   bench/micro.sh                                              # everything (28 cases, 20 to 30 minutes)
#   bench/micro.sh --filter '*Request*' --job short --inProcess # a quick look
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== building bench/Scalekit.AspNetCore.Benchmarks (Release)"
dotnet build bench/Scalekit.AspNetCore.Benchmarks -c Release -nologo -v quiet > /dev/null
echo "== machine"
source bench/machine.sh
if [ $# -eq 0 ]; then set -- --filter '*' --inProcess; fi
echo "command:     bench/micro.sh $*"
dotnet bench/Scalekit.AspNetCore.Benchmarks/bin/Release/net10.0/Scalekit.AspNetCore.Benchmarks.dll "$@"
echo "load after:  $(cut -d' ' -f1-3 /proc/loadavg)"
