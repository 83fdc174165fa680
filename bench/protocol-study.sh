#!/usr/bin/env bash
# The protocol study (docs/REPRODUCTION.md, "The clustering protocol"): instance normalisation,
# the assignment rule, iterations, start and ANMF's mu, one RobustnessBenchmark per data set
# (resumable: run it again to finish what an interrupted run left; CSV per run in results.csv).
#   bench/protocol-study.sh                  every data set in the order below
#   bench/protocol-study.sh Yale_32x32       one of them
# Environment: DATASETS (default ../shared/datasets), OUT (default target/protocol), SEEDS (10).
set -euo pipefail
cd "$(dirname "$0")/.."
DATASETS="${DATASETS:-../shared/datasets}"
OUT="${OUT:-target/protocol}"
SEEDS="${SEEDS:-10}"
mkdir -p "$OUT"
mvn -B -q -o dependency:build-classpath -Dmdep.outputFile="$OUT/classpath" > /dev/null 2>&1 \
  || mvn -B -q dependency:build-classpath -Dmdep.outputFile="$OUT/classpath" > /dev/null
[ -f target/classes/weka/clusterers/ANMF.class ] || mvn -B -q -o compile
CP="target/classes:$(cat "$OUT/classpath")"

ANMF='weka.clusterers.ANMF -target "{stage2-3|shift}"'
KMEANS='weka.clusterers.SimpleKMeans -init 1'
KMEANS_L2='weka.clusterers.FilteredClusterer -F "weka.filters.unsupervised.attribute.InstanceNormalization -normalize l2" -W weka.clusterers.SimpleKMeans -- -init 1'
KMEANS_TFIDF='weka.clusterers.FilteredClusterer -F "weka.filters.unsupervised.attribute.InstanceNormalization -normalize l2 -term-weighting tfidf" -W weka.clusterers.SimpleKMeans -- -init 1'
L2KM='-normalize l2 -assign kmeans'
# label=clusterer command line; labels read method/normalisation/assignment[/other factor]
CLEAN=(
  "kmeans/none=$KMEANS" "kmeans/l2=$KMEANS_L2"
  "NMF/none/argmax=weka.clusterers.NMF" "NMF/none/kmeans=weka.clusterers.NMF -assign kmeans"
  "NMF/l2/argmax=weka.clusterers.NMF -normalize l2" "NMF/l2/kmeans=weka.clusterers.NMF $L2KM"
  "NMF/l2/kmeans/I1000=weka.clusterers.NMF $L2KM -I 1000" "NMF/l2/kmeans/nndsvd=weka.clusterers.NMF $L2KM -init nndsvd"
  "ONMF/none/argmax=weka.clusterers.OrthogonalNMF" "ONMF/l2/kmeans=weka.clusterers.OrthogonalNMF $L2KM"
  "L21/none/argmax=weka.clusterers.L21NMF" "L21/l2/kmeans=weka.clusterers.L21NMF $L2KM"
  "CNMF/none/argmax=weka.clusterers.CappedNMF" "CNMF/l2/kmeans=weka.clusterers.CappedNMF $L2KM"
  "GNMF/none/argmax=weka.clusterers.GraphNMF" "GNMF/l2/kmeans=weka.clusterers.GraphNMF $L2KM"
  "ANMF/none/argmax=$ANMF" "ANMF/l2/kmeans=$ANMF $L2KM"
  "ANMF/l2/kmeans/mu10=$ANMF $L2KM -mu 10" "ANMF/none/kmeans/mu10=$ANMF -assign kmeans -mu 10"
)
TEXT=(
  "kmeans/tfidf-l2=$KMEANS_TFIDF"
  "NMF/tfidf-l2/kmeans=weka.clusterers.NMF -term-weighting tfidf $L2KM"
  "NMF/tfidf-l2/argmax=weka.clusterers.NMF -term-weighting tfidf -normalize l2"
  "ANMF/tfidf-l2/kmeans/mu10=$ANMF -term-weighting tfidf $L2KM -mu 10"
)
NOISY=(
  "kmeans/none=$KMEANS" "kmeans/l2=$KMEANS_L2"
  "NMF/none/argmax=weka.clusterers.NMF" "NMF/l2/kmeans=weka.clusterers.NMF $L2KM"
  "ANMF/none/argmax=$ANMF" "ANMF/l2/kmeans=$ANMF $L2KM" "ANMF/l2/kmeans/mu10=$ANMF $L2KM -mu 10"
)

run() { # run NAME RECIPE VARIANTS...
  local name=$1 recipe=$2; shift 2
  local args=(-data "$DATASETS/$name.arff.gz" -recipe "$recipe" -seeds "$SEEDS" -out "$OUT/$name-$recipe")
  for w in "$@"; do args+=(-W "$w"); done
  echo "# $(date -u +%FT%TZ) $name $recipe, load average $(cut -d' ' -f1-3 /proc/loadavg)"
  nice -n 10 java -Xmx6g -cp "$CP" weka.experiment.RobustnessBenchmark "${args[@]}" > "$OUT/$name-$recipe.log"
  tail -n +1 "$OUT/$name-$recipe/tables.md" | head -40
}

SETS=("${@:-MNIST_test_bal150 Yale_32x32 BBCSport ORL_32x32 MNIST_test_bal1000}")
for name in ${SETS[*]}; do
  if [ "$name" = BBCSport ]; then
    run "$name" clean "${CLEAN[@]}" "${TEXT[@]}"
  else
    run "$name" clean "${CLEAN[@]}"
    run "$name" saltpepper "${NOISY[@]}"
  fi
done
