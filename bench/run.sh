#!/usr/bin/env bash
# Benchmark suite (docs/BENCHMARKS.md). Not part of `mvn verify`: run by hand.
#   bench/run.sh            everything (about 15 minutes on 2 cores shared with other work)
#   bench/run.sh gemm       only the GEMM comparison
#   bench/run.sh phases     only the per-phase profile of an ANMF iteration (ORL, COIL- and USPS-shaped)
#   bench/run.sh fits       only the whole MU and HALS fits against scikit-learn's (fresh JVM and warm)
#   bench/run.sh reference  only ANMF's ADMM against its NumPy reference (bench/anmf_reference.py) from the
#                           default Weka face's start, and the whole default face fit
#   bench/run.sh fixed      only the default face's final X-step (model (9) per training column) against
#                           its ADMM iteration (ORL, COIL-shaped), one thread
# Results go to target/bench/results.txt (and the terminal). Every comparison is a ratio measured
# in this one run; each line is preceded by the load average at its start.
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
DATASETS="${DATASETS:-../shared/datasets}"
# data set : timed iterations, the same for our solvers and scikit-learn's
SPECS="orl:100 bbcsport:300 tdt2:5"
# data set : iterations of the whole fits (issue 22's shapes)
FIT_SPECS="coil:200 usps:200 bbcsport:200 tdt2:50"
# data set : ADMM iterations against the NumPy reference (fixed, tolerance 0); rounds of each timing
REFERENCE_SPECS="coil:30 orl:30"
REFERENCE_ROUNDS=4
# data set : ADMM iterations before the final X-step is timed
FIXED_SPECS="orl:200 coil:100"
# OpenBLAS tuning variables of this machine's environment are dropped for the benchmark only, so
# NumPy and our native path see the same OpenBLAS defaults
clean_env=(env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE)
load() { echo "# load average $(cut -d' ' -f1-3 /proc/loadavg)"; }
# java HEAP THREADS [JVM flags...] -- ARGS: THREADS 1 = one JVM processor and one OpenBLAS thread
java_() {
  local heap=$1 threads=$2; shift 2
  local flags=()
  while [ "$1" != "--" ]; do flags+=("$1"); shift; done; shift
  if [ "$threads" = 1 ]; then
    "${clean_env[@]}" OPENBLAS_NUM_THREADS=1 java "-Xmx$heap" -XX:ActiveProcessorCount=1 "${flags[@]}" -cp "$CP" adversarialnmf.bench.Bench "$@"
  else
    "${clean_env[@]}" java "-Xmx$heap" "${flags[@]}" -cp "$CP" adversarialnmf.bench.Bench "$@"
  fi
}
solver() { # solver HEAP THREADS NAME DATA ITERATIONS
  load
  java_ "$1" "$2" -- solver "$3" "$4" "$5" "$DATASETS" | sed -n '1p;$p'
}
{
  echo "# $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) processors, commit $(git rev-parse --short HEAD)"
  java -version 2>&1 | head -1
  if [ "${1:-all}" = gemm ] || [ "${1:-all}" = all ]; then
    for threads in 1 all; do
      load
      java_ 1g "$threads" -- gemm 20
      if [ "$threads" = 1 ]; then
        "${clean_env[@]}" OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1 "$PYTHON" bench/sklearn_nmf.py --gemm-only
      else
        "${clean_env[@]}" "$PYTHON" bench/sklearn_nmf.py --gemm-only
      fi
    done
  fi
  if [ "${1:-all}" = phases ] || [ "${1:-all}" = all ]; then
    # where an ANMF (ADMM, defaults) iteration goes, against MU's on the same data, one thread; the
    # ADMM's nine m x N auxiliaries rule out TDT2-shaped data (-solver auto fits those by gradient)
    for data in orl coil usps; do
      load
      java_ 2g 1 -- phases "$data" 20 "$DATASETS"
      # model (9) by the gradient solver (-solver gradient), per iteration, for the same comparison
      load
      java_ 2g 1 -- solver anmf-gradient "$data" 20 "$DATASETS" 2>/dev/null | sed -n '$p'
    done
  fi
  if [ "${1:-all}" = fits ] || [ "${1:-all}" = all ]; then
    # whole fits (random start, fixed iterations, tolerance 0) on the issue-22 shapes: one JVM per
    # solver and data set, so its first fit is a fresh JVM's; scikit-learn's first fit follows its imports
    for spec in $FIT_SPECS; do
      java -Xmx3g -cp "$CP" adversarialnmf.bench.Bench export "${spec%%:*}" "$OUT/export" "$DATASETS" 2>/dev/null
    done
    for threads in 1 all; do
      echo "# ---- whole fits, $threads thread(s)"
      for spec in $FIT_SPECS; do
        for name in mu hals; do
          load
          java_ 3g "$threads" -- fit "$name" "${spec%%:*}" "${spec##*:}" 8 "$DATASETS" 2>/dev/null | sed -n '$p'
        done
      done
      load
      if [ "$threads" = 1 ]; then
        "${clean_env[@]}" OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1 "$PYTHON" bench/sklearn_nmf.py --whole "$OUT/export" 8 $FIT_SPECS
      else
        "${clean_env[@]}" "$PYTHON" bench/sklearn_nmf.py --whole "$OUT/export" 8 $FIT_SPECS
      fi
    done
  fi
  if [ "${1:-all}" = reference ] || [ "${1:-all}" = all ]; then
    # ANMF's ADMM from the default face's inputs (Bench anmf-reference writes them, times our fits and
    # writes our trace), the NumPy reference from the same inputs, then the whole default face fit
    for threads in 1 all; do
      echo "# ---- ANMF against its NumPy reference, $threads thread(s)"
      for spec in $REFERENCE_SPECS; do
        data=${spec%%:*}; iters=${spec##*:}
        load
        java_ 3g "$threads" -- anmf-reference "$data" "$iters" "$REFERENCE_ROUNDS" "$OUT/reference" "$DATASETS" \
          2>/dev/null | sed -n '1p;$p'
        load
        if [ "$threads" = 1 ]; then
          "${clean_env[@]}" OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1 "$PYTHON" bench/anmf_reference.py \
            "$OUT/reference" "$REFERENCE_ROUNDS" "$data"
        else
          "${clean_env[@]}" "$PYTHON" bench/anmf_reference.py "$OUT/reference" "$REFERENCE_ROUNDS" "$data"
        fi
        load
        java_ 3g "$threads" -- face-fit "$data" "$iters" "$REFERENCE_ROUNDS" "$DATASETS" 2>/dev/null | sed -n '$p'
      done
    done
  fi
  if [ "${1:-all}" = fixed ] || [ "${1:-all}" = all ]; then
    for spec in $FIXED_SPECS; do
      load
      java_ 3g 1 -- final-step "${spec%%:*}" "${spec##*:}" 3 "$DATASETS" 2>/dev/null | sed -n '1p;$p'
    done
  fi
  if [ "${1:-all}" = all ]; then
    for threads in 1 all; do
      echo "# ---- $threads thread(s)"
      for spec in $SPECS; do
        data=${spec%%:*}; iters=${spec##*:}
        for name in mu hals; do
          solver 2g "$threads" "$name" "$data" "$iters"
        done
      done
      # ANMF (ADMM, defaults) against our MU on ORL, in the same run
      solver 2g "$threads" anmf orl 20
    done
    echo "# the Explorer's wait: ANMF's and NMF's default fits on ORL, 200 iterations each"
    load
    java_ 2g all -- whole-fit 200 "$DATASETS"
    echo "# memory targets: ANMF (ADMM) on USPS-sized data under -Xmx512m, HALS on TDT2-shaped under -Xmx2g"
    solver 512m 1 anmf usps 3
    solver 512m all anmf usps 3
    solver 2g all hals tdt2 3
    echo "# scikit-learn (same data, same rank)"
    for spec in $SPECS; do
      data=${spec%%:*}
      java -Xmx2g -cp "$CP" adversarialnmf.bench.Bench export "$data" "$OUT/export" "$DATASETS"
    done
    load
    "${clean_env[@]}" OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1 "$PYTHON" bench/sklearn_nmf.py "$OUT/export" $SPECS
    load
    "${clean_env[@]}" "$PYTHON" bench/sklearn_nmf.py "$OUT/export" $SPECS
  fi
} 2>&1 | tee "$OUT/results.txt"
