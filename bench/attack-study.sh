#!/usr/bin/env bash
# The attack study (docs/REPRODUCTION.md, "Against an attack"; docs/ATTACK.md): every method under
# weka.filters.unsupervised.attribute.FactorizationAttack, transfer and white-box threat models,
# budgets epsilon (max norm, relative to the data's largest value), one AttackStudy per data set
# (resumable: run it again to finish what an interrupted run left; one CSV line per run).
#   bench/attack-study.sh                       the full study: four data sets, 10 seeds, every variant
#   SEEDS=3 bench/attack-study.sh reduced       the first reduced study: two data sets, nine variants
#   VARIANTS=reduced bench/attack-study.sh      four data sets, 10 seeds, the nine variants (the committed run)
# Environment: DATASETS (default ../shared/datasets), OUT (default target/attack), SEEDS, EPSILONS
# (default 0,0.02,0.05,0.1), NAMES (data sets of the full study), VARIANTS (all or reduced), NORM (inf or 2), THREATS (default transfer,whitebox), CLASSES (default target/classes:target/test-classes;
# a copy of them keeps a long run apart from rebuilds).
set -euo pipefail
cd "$(dirname "$0")/.."
DATASETS="${DATASETS:-../shared/datasets}"
OUT="${OUT:-target/attack}"
EPSILONS="${EPSILONS:-0,0.02,0.05,0.1}"
NORM="${NORM:-inf}"
THREATS="${THREATS:-transfer,whitebox}"
mkdir -p "$OUT"
# the study driver lives in src/bench (compiled with the tests); the classpath without the pom entries
[ -f target/test-classes/weka/experiment/AttackStudy.class ] || mvn -B -q -o test-compile
mvn -B -q -o dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$OUT/classpath" > /dev/null
CP="${CLASSES:-target/classes:target/test-classes}:$(tr ':' '\n' < "$OUT/classpath" | grep '\.jar$' | paste -sd:)"

ANMF=weka.clusterers.ANMF
NO_ATTACK="-target weka.filters.AllFilter"
# label=clusterer command line; a label X/Z:Y is X without attack (Z = Y), whose labels the study
# compares with X's (and with X/Z:...'s); {attack} is the cell's own attack (the attacker target Z).
# ANMF's defaults (mu 10, the random shift target on clean data) are a setting that acts; so is the
# scale-fixed variant (unit-norm bases); gamma 1e-2 with beta 0.4 is the ablation's strongest pair.
REDUCED=(
  "NMF=weka.clusterers.NMF" "ONMF=weka.clusterers.OrthogonalNMF" "L21=weka.clusterers.L21NMF"
  "CNMF=weka.clusterers.CappedNMF"
  "ANMF=$ANMF" "ANMF/Z:Y=$ANMF $NO_ATTACK" "ANMF/Z:attack=$ANMF -target \"{attack}\""
  "ANMF/unit=$ANMF -unit-norm-bases" "ANMF/unit/Z:Y=$ANMF -unit-norm-bases $NO_ATTACK"
)
ALL=("${REDUCED[@]}" "ANMF/beta0.4-gamma1e-2=$ANMF -beta 0.4 -gamma 1e-2"
  "ANMF/beta0.4-gamma1e-2/Z:Y=$ANMF -beta 0.4 -gamma 1e-2 $NO_ATTACK"
  "ANMF/beta0.4-gamma1e-2/Z:attack=$ANMF -beta 0.4 -gamma 1e-2 -target \"{attack}\"")

run() { # run NAME SEEDS VARIANTS...
  local name=$1 seeds=$2; shift 2
  local args=(-data "$DATASETS/$name.arff.gz" -epsilon "$EPSILONS" -norm "$NORM" -seeds "$seeds"
    -threat "$THREATS" -out "$OUT/$name")
  for w in "$@"; do args+=(-W "$w"); done
  echo "# $(date -u +%FT%TZ) $name, load average $(cut -d' ' -f1-3 /proc/loadavg)"
  nice -n 10 java -Xmx3g -cp "$CP" weka.experiment.AttackStudy "${args[@]}" 2>&1 \
    | grep -v 'netlib\|BlasSelection\|^WARNING\|^INFO\|^[A-Z][a-z][a-z] [0-9][0-9], ' || true
}

if [ "${1:-}" = reduced ]; then
  for name in MNIST_test_bal150 Yale_32x32; do run "$name" "${SEEDS:-3}" "${REDUCED[@]}"; done
else
  if [ "${VARIANTS:-all}" = reduced ]; then VARIANT_SET=("${REDUCED[@]}"); else VARIANT_SET=("${ALL[@]}"); fi
  for name in ${NAMES:-MNIST_test_bal150 Yale_32x32 ORL_32x32 MNIST_test_bal1000}; do
    run "$name" "${SEEDS:-10}" "${VARIANT_SET[@]}"
  done
fi
python3 bench/attack_report.py "$OUT" > "$OUT/report.md"
