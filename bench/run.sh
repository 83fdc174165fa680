#!/usr/bin/env bash
# Benchmark suite (docs/BENCHMARKS.md). Not part of `mvn verify`: run by hand.
#   bench/run.sh            everything (about 15-30 minutes on 2 busy cores)
#   bench/run.sh gemm       only the GEMM comparison
# Results go to target/bench/results.txt (and the terminal).
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=target/bench
mkdir -p "$OUT"
# offline first (fast when the dependencies are cached), online otherwise
mvn_() { mvn -B -q -o "$@" 2>/dev/null || mvn -B -q "$@"; }
mvn_ test-compile
mvn_ dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$OUT/classpath" > /dev/null
CP="target/classes:target/test-classes:$(cat "$OUT/classpath")"
# the Debian python3 that python3-sklearn installs into (not a pyenv shim)
PYTHON="${PYTHON:-/usr/bin/python3}"
DATASETS="${DATASETS:-/work/shared/datasets}"
# data set : timed iterations, the same for our solvers and scikit-learn's
SPECS="orl:30 coil:20 usps:10 bbcsport:200 tdt2:5"
bench() { # bench HEAP [JVM flags...] -- ARGS...
  local heap=$1; shift
  local flags=()
  while [ "$1" != "--" ]; do flags+=("$1"); shift; done; shift
  java "-Xmx$heap" "${flags[@]}" -cp "$CP" adversarialnmf.bench.Bench "$@" "$DATASETS"
}
{
  echo "# $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) processors, load average $(cut -d' ' -f1-3 /proc/loadavg)"
  java -version 2>&1 | head -1
  if [ "${1:-all}" = gemm ] || [ "${1:-all}" = all ]; then
    java -Xmx1g -cp "$CP" adversarialnmf.bench.Bench gemm 30
  fi
  if [ "${1:-all}" = all ]; then
    # data set : iterations timed
    for spec in $SPECS; do
      data=${spec%%:*}; iters=${spec##*:}
      for solver in mu hals; do
        bench 2g -XX:ActiveProcessorCount=1 -- solver "$solver" "$data" "$iters" | tail -1
        bench 2g -- solver "$solver" "$data" "$iters" | tail -1
      done
    done
    for spec in orl:20 coil:10 bbcsport:10; do
      data=${spec%%:*}; iters=${spec##*:}
      bench 2g -XX:ActiveProcessorCount=1 -- solver anmf "$data" "$iters" | tail -1
      bench 2g -- solver anmf "$data" "$iters" | tail -1
    done
    echo "# memory targets: ANMF (ADMM) on USPS-sized data under -Xmx512m, HALS on TDT2-shaped under -Xmx2g"
    bench 512m -XX:ActiveProcessorCount=1 -- solver anmf usps 5 | tail -1
    bench 512m -- solver anmf usps 5 | tail -1
    bench 2g -- solver hals tdt2 5 | tail -1
    echo "# scikit-learn (same data, same rank)"
    for spec in $SPECS; do
      data=${spec%%:*}
      java -Xmx2g -cp "$CP" adversarialnmf.bench.Bench export "$data" "$OUT/export" "$DATASETS"
    done
    OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1 "$PYTHON" bench/sklearn_nmf.py "$OUT/export" $SPECS
    "$PYTHON" bench/sklearn_nmf.py "$OUT/export" $SPECS
  fi
} 2>&1 | tee "$OUT/results.txt"
