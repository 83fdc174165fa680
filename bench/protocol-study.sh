#!/usr/bin/env bash
# The protocol study (docs/REPRODUCTION.md, "The clustering protocol"): instance normalisation,
# the assignment rule, iterations, start and ANMF's mu, one RobustnessBenchmark per data set
# (resumable: run it again to finish what an interrupted run left; CSV per run in results.csv).
#   bench/protocol-study.sh                  every data set in the order below
#   bench/protocol-study.sh Yale_32x32       one of them
# Environment: DATASETS (default ../shared/datasets), OUT (default target/protocol). Seeds: 10 on
# MNIST-150 and Yale; 5 on BBCSport and ORL, 3 on MNIST-1000 (clean only) and the slow ANMF cut to
# three settings there: an ANMF fit takes 45-60 s on those sets on this 2-core machine.
set -euo pipefail
cd "$(dirname "$0")/.."
DATASETS="${DATASETS:-../shared/datasets}"
OUT="${OUT:-target/protocol}"
mkdir -p "$OUT"
mvn -B -q -o dependency:build-classpath -Dmdep.outputFile="$OUT/classpath" > /dev/null 2>&1 \
  || mvn -B -q dependency:build-classpath -Dmdep.outputFile="$OUT/classpath" > /dev/null
[ -f target/classes/weka/clusterers/ANMF.class ] || mvn -B -q -o compile
CP="target/classes:$(cat "$OUT/classpath")"

ANMF='weka.clusterers.ANMF -target "{stage2-3|shift}"'
KMEANS='weka.clusterers.SimpleKMeans -init 1'
KMEANS_L2='weka.clusterers.FilteredClusterer -F "weka.filters.unsupervised.attribute.InstanceNormalization -normalize l2" -W weka.clusterers.SimpleKMeans -- -init 1'
KMEANS_TFIDF='weka.clusterers.FilteredClusterer -F "weka.filters.unsupervised.attribute.InstanceNormalization -normalize l2 -term-weighting tfidf" -W weka.clusterers.SimpleKMeans -- -init 1'
# every factor spelled out, so that the labels mean the same at any package defaults (the committed
# results were made at commit e9e01aa (and the ONMF, L21, CNMF and GNMF k-means rows at the same code), whose defaults were -normalize none -term-weighting none
# -assign argmax -mu 100, the same fits)
NONE="-normalize none -term-weighting none"
L2KM="-normalize l2 -term-weighting none -assign kmeans"
# label=clusterer command line; labels read method/normalisation/assignment[/other factor]
CLEAN=(
  "kmeans/none=$KMEANS" "kmeans/l2=$KMEANS_L2"
  "NMF/none/argmax=weka.clusterers.NMF $NONE -assign argmax" "NMF/none/kmeans=weka.clusterers.NMF $NONE -assign kmeans"
  "NMF/l2/argmax=weka.clusterers.NMF -normalize l2 -term-weighting none -assign argmax" "NMF/l2/kmeans=weka.clusterers.NMF -normalize l2 -term-weighting none -assign kmeans"
  "NMF/l2/kmeans/I1000=weka.clusterers.NMF -I 1000 -normalize l2 -term-weighting none -assign kmeans" "NMF/l2/kmeans/nndsvd=weka.clusterers.NMF -init nndsvd -normalize l2 -term-weighting none -assign kmeans"
  "ONMF/none/argmax=weka.clusterers.OrthogonalNMF $NONE -assign argmax" "ONMF/none/kmeans=weka.clusterers.OrthogonalNMF $NONE -assign kmeans"
  "ONMF/l2/kmeans=weka.clusterers.OrthogonalNMF -normalize l2 -term-weighting none -assign kmeans"
  "L21/none/argmax=weka.clusterers.L21NMF $NONE -assign argmax" "L21/none/kmeans=weka.clusterers.L21NMF $NONE -assign kmeans"
  "L21/l2/kmeans=weka.clusterers.L21NMF -normalize l2 -term-weighting none -assign kmeans"
  "CNMF/none/argmax=weka.clusterers.CappedNMF $NONE -assign argmax" "CNMF/none/kmeans=weka.clusterers.CappedNMF $NONE -assign kmeans"
  "CNMF/l2/kmeans=weka.clusterers.CappedNMF -normalize l2 -term-weighting none -assign kmeans"
  "GNMF/none/argmax=weka.clusterers.GraphNMF $NONE -assign argmax" "GNMF/none/kmeans=weka.clusterers.GraphNMF $NONE -assign kmeans"
  "GNMF/l2/kmeans=weka.clusterers.GraphNMF -normalize l2 -term-weighting none -assign kmeans"
  "ANMF/none/argmax=$ANMF $NONE -assign argmax -mu 100" "ANMF/l2/kmeans=$ANMF -normalize l2 -term-weighting none -assign kmeans -mu 100"
  "ANMF/l2/kmeans/mu10=$ANMF -mu 10 -normalize l2 -term-weighting none -assign kmeans" "ANMF/none/kmeans/mu10=$ANMF -mu 10 $NONE -assign kmeans"
  "ANMF/none/kmeans=$ANMF $NONE -assign kmeans -mu 100" "ANMF/none/argmax/mu10=$ANMF -mu 10 $NONE -assign argmax"
)
TEXT=(
  "kmeans/tfidf-l2=$KMEANS_TFIDF"
  "NMF/tfidf-l2/kmeans=weka.clusterers.NMF -normalize l2 -term-weighting tfidf -assign kmeans"
  "NMF/tfidf-l2/argmax=weka.clusterers.NMF -normalize l2 -term-weighting tfidf -assign argmax"
  "ANMF/tfidf-l2/kmeans/mu10=$ANMF -mu 10 -normalize l2 -term-weighting tfidf -assign kmeans"
  "ONMF/tfidf-l2/kmeans=weka.clusterers.OrthogonalNMF -normalize l2 -term-weighting tfidf -assign kmeans"
  "L21/tfidf-l2/kmeans=weka.clusterers.L21NMF -normalize l2 -term-weighting tfidf -assign kmeans"
  "CNMF/tfidf-l2/kmeans=weka.clusterers.CappedNMF -normalize l2 -term-weighting tfidf -assign kmeans"
  "GNMF/tfidf-l2/kmeans=weka.clusterers.GraphNMF -normalize l2 -term-weighting tfidf -assign kmeans"
)
NOISY=(
  "kmeans/none=$KMEANS" "kmeans/l2=$KMEANS_L2"
  "NMF/none/argmax=weka.clusterers.NMF $NONE -assign argmax" "NMF/none/kmeans=weka.clusterers.NMF $NONE -assign kmeans"
  "NMF/l2/kmeans=weka.clusterers.NMF -normalize l2 -term-weighting none -assign kmeans"
  "ANMF/none/argmax=$ANMF $NONE -assign argmax -mu 100" "ANMF/l2/kmeans=$ANMF -normalize l2 -term-weighting none -assign kmeans -mu 100" "ANMF/l2/kmeans/mu10=$ANMF -mu 10 -normalize l2 -term-weighting none -assign kmeans"
  "ANMF/none/kmeans/mu10=$ANMF -mu 10 $NONE -assign kmeans"
)
# the slow sets: every method but ANMF as on the small sets; ANMF at the defaults and at mu 10
# with k-means assignment, with and without normalisation
not_anmf() { for w in "$@"; do case "$w" in ANMF*) ;; *) echo "$w" ;; esac; done; }
SLOW_ANMF=("ANMF/none/argmax=$ANMF $NONE -assign argmax -mu 100" "ANMF/none/kmeans/mu10=$ANMF -mu 10 $NONE -assign kmeans"
  "ANMF/l2/kmeans/mu10=$ANMF -mu 10 -normalize l2 -term-weighting none -assign kmeans")

run() { # run NAME RECIPE[-FOLDER] SEEDS VARIANTS... (clean-extra: the clean recipe, its own folder)
  local name=$1 folder=$2 seeds=$3; shift 3
  local recipe=${folder%%-*}
  local args=(-data "$DATASETS/$name.arff.gz" -recipe "$recipe" -seeds "$seeds" -out "$OUT/$name-$folder")
  for w in "$@"; do args+=(-W "$w"); done
  echo "# $(date -u +%FT%TZ) $name $folder, load average $(cut -d' ' -f1-3 /proc/loadavg)"
  nice -n 10 java -Xmx6g -cp "$CP" weka.experiment.RobustnessBenchmark "${args[@]}" > "$OUT/$name-$folder.log"
  tail -n +1 "$OUT/$name-$folder/tables.md" | head -40
}

# Rows added after the first pass, on the code of the new defaults (commit noted in
# docs/REPRODUCTION.md; only NNDSVD's rounding differs from the first pass's code): the baselines'
# k-means assignment without normalisation on the images, and every method's text protocol with
# the NNDSVD start. `bench/protocol-study.sh extras` runs them alone.
START="-init kmeans"
IMAGE_EXTRAS=(
  "ONMF/none/kmeans=weka.clusterers.OrthogonalNMF $NONE $START -assign kmeans"
  "L21/none/kmeans=weka.clusterers.L21NMF $NONE $START -assign kmeans"
  "CNMF/none/kmeans=weka.clusterers.CappedNMF $NONE $START -assign kmeans"
  "GNMF/none/kmeans=weka.clusterers.GraphNMF $NONE $START -assign kmeans"
)
TFIDF="-normalize l2 -term-weighting tfidf -assign kmeans -init nndsvd"
TEXT_EXTRAS=(
  "NMF/tfidf-l2/kmeans/nndsvd=weka.clusterers.NMF $TFIDF"
  "ONMF/tfidf-l2/kmeans/nndsvd=weka.clusterers.OrthogonalNMF $TFIDF"
  "L21/tfidf-l2/kmeans/nndsvd=weka.clusterers.L21NMF $TFIDF"
  "CNMF/tfidf-l2/kmeans/nndsvd=weka.clusterers.CappedNMF $TFIDF"
  "GNMF/tfidf-l2/kmeans/nndsvd=weka.clusterers.GraphNMF $TFIDF"
)
extras() {
  for name in MNIST_test_bal150 Yale_32x32; do run "$name" clean-extra 10 "${IMAGE_EXTRAS[@]}"; done
  run ORL_32x32 clean-extra 10 "${IMAGE_EXTRAS[@]}" "NMF/none/kmeans/10seeds=weka.clusterers.NMF $NONE $START -assign kmeans"
  run BBCSport clean-extra 10 "${TEXT_EXTRAS[@]}"
  run BBCSport clean-extra-anmf 5 "ANMF/tfidf-l2/kmeans/mu10/nndsvd=$ANMF -mu 10 $TFIDF"
}
if [ "${1:-}" = extras ]; then extras; exit 0; fi

mapfile -t CLEAN_SLOW < <(not_anmf "${CLEAN[@]}")
mapfile -t NOISY_SLOW < <(not_anmf "${NOISY[@]}")
SETS=("${@:-MNIST_test_bal150 Yale_32x32 BBCSport ORL_32x32 MNIST_test_bal1000}")
for name in ${SETS[*]}; do
  case "$name" in
    BBCSport) run "$name" clean 5 "${CLEAN_SLOW[@]}" "${SLOW_ANMF[@]}" "ANMF/l2/kmeans=$ANMF -normalize l2 -term-weighting none -assign kmeans -mu 100" "${TEXT[@]}" ;;
    ORL_32x32) run "$name" clean 5 "${CLEAN_SLOW[@]}" "${SLOW_ANMF[@]}"
      run "$name" saltpepper 5 "${NOISY_SLOW[@]}" "${SLOW_ANMF[@]}" ;;
    MNIST_test_bal1000) run "$name" clean 3 "${CLEAN_SLOW[@]}" "${SLOW_ANMF[@]}" ;;
    *) run "$name" clean 10 "${CLEAN[@]}"
      run "$name" saltpepper 10 "${NOISY[@]}" ;;
  esac
done
