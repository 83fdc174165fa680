#!/bin/sh
# The mini-batch row of docs/MINIBATCH.md: MiniBatchNMF streamed from a 70,000 x 784 ARFF in a
# 256 MB heap (Weka's own command line, then the scoring pass of bench/MiniBatchBenchmark.java),
# against NMF on the whole file in memory. Run from the repository root after `mvn -B package`
# (or `mvn -B -q compile dependency:build-classpath@write-classpath`); writes under target/.
# `bench/minibatch.sh stream` runs the mini-batch rows only (the in-memory NMF rows take minutes).
set -e
DATA=target/mnist70k.arff
OUT=target/minibatch-bench
mkdir -p "$OUT"
# a copy of the classes, so that a build during the runs cannot pull them away
rm -rf "$OUT/classes" && cp -r target/classes "$OUT/classes"
CP="$OUT/classes:$(cat target/classpath.txt)"
[ -f "$DATA" ] || python3 bench/minibatch_data.py ../shared/datasets/MNIST_test_bal1000.arff.gz "$DATA"

# peak live heap: the largest occupancy after a collection in the GC log
peak() { grep -o '[0-9]*M->[0-9]*M' "$1" | sed 's/.*->//; s/M//' | sort -n | tail -1; }
seconds() { grep 'Elapsed (wall clock)' "$1" | sed 's/.*: //'; }

# 1. the documented command: Weka's ClusterEvaluation trains an UpdateableClusterer instance by instance
/usr/bin/time -v nice java -Xmx256m -Xlog:gc:file="$OUT/cli-gc.log" -cp "$CP" weka.clusterers.MiniBatchNMF \
  -t "$DATA" -c last -N 10 > "$OUT/cli.txt" 2> "$OUT/cli-time.txt"
echo "command line, -Xmx256m: $(seconds "$OUT/cli-time.txt") wall, peak live heap $(peak "$OUT/cli-gc.log") MB," \
  "$(grep 'Incorrectly clustered' "$OUT/cli.txt")"

# 2. objective and ACC of the streamed model, and of full-batch NMF (HALS and the default MU)
RUNS='stream:256m:'
[ "$1" = stream ] || RUNS="$RUNS,batch:3g:-solver hals,batch:3g:"
IFS=,
for run in $RUNS; do
  unset IFS
  mode=${run%%:*}; rest=${run#*:}; heap=${rest%%:*}; options=${rest#*:}
  name="$mode-$(echo "$options" | tr -d ' -')"
  /usr/bin/time -v nice java -Xmx$heap -Xlog:gc:file="$OUT/$name-gc.log" -cp "$CP" bench/MiniBatchBenchmark.java \
    $mode "$DATA" -N 10 $options > "$OUT/$name.txt" 2> "$OUT/$name-time.txt"
  echo "$(grep ' instances |' "$OUT/$name.txt") | wall $(seconds "$OUT/$name-time.txt")" \
    "| peak live heap $(peak "$OUT/$name-gc.log") MB"
done
