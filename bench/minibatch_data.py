#!/usr/bin/env python3
"""MNIST-sized data for the mini-batch NMF benchmark (docs/MINIBATCH.md).

Replicates the 1,000 balanced MNIST digits of ../shared/datasets 70 times, each copy shifted by
up to one pixel in each direction and given pixel noise (clipped to [0, 255]), into a
70,000 x 784 ARFF with the class last, in shuffled order. The file (about 190 MB) is written where
asked (target/ or /tmp), never into the repository.

    python3 bench/minibatch_data.py ../shared/datasets/MNIST_test_bal1000.arff.gz target/mnist70k.arff
"""
import gzip
import sys

import numpy as np

COPIES = 70
NOISE = 12.0  # standard deviation of the pixel noise, on the 0..255 scale
SEED = 25


def read_arff(path):
    opener = gzip.open if path.endswith(".gz") else open
    rows, labels, classes = [], [], None
    with opener(path, "rt") as f:
        in_data = False
        for line in f:
            line = line.strip()
            if not line or line.startswith("%"):
                continue
            if not in_data:
                if line.lower().startswith("@attribute class"):
                    classes = line[line.index("{") + 1:line.index("}")]
                if line.lower() == "@data":
                    in_data = True
                continue
            values = line.split(",")
            rows.append([float(v) for v in values[:-1]])
            labels.append(values[-1])
    return np.array(rows), labels, classes


def main(source, target):
    pixels, labels, classes = read_arff(source)
    rng = np.random.default_rng(SEED)
    images = pixels.reshape(-1, 28, 28)
    count = COPIES * len(labels)
    order = rng.permutation(count)
    with open(target, "w") as out:
        out.write("%% %d jittered copies of MNIST_test_bal1000 (bench/minibatch_data.py, seed %d)\n" % (COPIES, SEED))
        out.write("@relation mnist70k_w28_h28\n")
        for p in range(784):
            out.write("@attribute p%d numeric\n" % p)
        out.write("@attribute class {%s}\n@data\n" % classes)
        for start in range(0, count, 5000):
            chunk = order[start:start + 5000]
            source_rows = chunk % len(labels)
            shifted = np.empty((len(chunk), 28, 28))
            for k, s in enumerate(source_rows):
                dy, dx = rng.integers(-1, 2, size=2)
                shifted[k] = np.roll(np.roll(images[s], dy, axis=0), dx, axis=1)
            noisy = np.clip(shifted.reshape(len(chunk), 784) + rng.normal(0, NOISE, (len(chunk), 784)), 0, 255)
            noisy = np.rint(noisy).astype(int)
            for k, s in enumerate(source_rows):
                out.write(",".join(map(str, noisy[k])) + "," + labels[s] + "\n")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: minibatch_data.py <MNIST_test_bal1000.arff.gz> <output.arff>")
    main(sys.argv[1], sys.argv[2])
