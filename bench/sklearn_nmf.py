#!/usr/bin/env python3
"""scikit-learn's NMF (solver 'cd' and 'mu') on the matrices `Bench export` wrote, same rank,
per-iteration time as (t(K+1) - t(1)) / K like the Java side, fastest of three; plus numpy's GEMM for the
1024x1024 by 1024x40 product. Benchmark only: never part of the build.
Usage: sklearn_nmf.py EXPORT_DIR NAME:ITERATIONS [NAME:ITERATIONS ...] | sklearn_nmf.py --gemm-only
       | sklearn_nmf.py --whole EXPORT_DIR ROUNDS NAME:ITERATIONS ... (whole fits, first and warm)"""
import os
import sys
import time
import warnings

import numpy as np
import scipy.sparse as sp
import sklearn
from sklearn.decomposition import NMF
from sklearn.exceptions import ConvergenceWarning

warnings.simplefilter("ignore", ConvergenceWarning)


def load(directory, name):
    with open(os.path.join(directory, name + ".meta")) as f:
        kind, rows, cols, stored, rank = f.read().split()
    rows, cols, rank = int(rows), int(cols), int(rank)
    values = np.fromfile(os.path.join(directory, name + ".values.f64"), dtype="<f8")
    if kind == "dense":
        y = values.reshape(rows, cols)
        x = np.ascontiguousarray(y.T)  # scikit-learn: samples x features = instances x attributes
    else:
        starts = np.fromfile(os.path.join(directory, name + ".colstart.i32"), dtype="<i4")
        index = np.fromfile(os.path.join(directory, name + ".rowindex.i32"), dtype="<i4")
        # Y's compressed columns are the compressed rows of Yᵀ
        x = sp.csr_matrix((values, index, starts), shape=(cols, rows))
    return x, rank


def timed_fit(x, rank, solver, iterations):
    model = NMF(n_components=rank, init="random", solver=solver, beta_loss="frobenius",
                max_iter=iterations, tol=0.0, random_state=0)
    w0 = time.perf_counter()
    c0 = time.process_time()
    model.fit(x)
    return time.perf_counter() - w0, time.process_time() - c0, model.n_iter_


def gemm_reference(seconds=10.0):
    rng = np.random.default_rng(5)
    a = rng.random((1024, 1024))
    b = rng.random((1024, 40))
    for _ in range(20):
        a @ b
    walls, cpus = [], []
    end = time.perf_counter() + seconds
    while time.perf_counter() < end or len(walls) < 5:
        w0, c0 = time.perf_counter(), time.process_time()
        for _ in range(10):
            a @ b
        walls.append((time.perf_counter() - w0) / 10)
        cpus.append((time.process_time() - c0) / 10)
    flops = 2.0 * 1024 * 1024 * 40
    w, c = float(np.median(walls)), float(np.median(cpus))
    print("numpy GEMM 1024x1024 by 1024x40\tmedian wall ms %.3f\tGFLOP/s (wall) %.2f"
          "\tmedian CPU ms %.3f\tGFLOP/s (CPU) %.2f\t(%d batches of 10)"
          % (w * 1e3, flops / w / 1e9, c * 1e3, flops / c / 1e9, len(walls)))


def whole_fits(directory, rounds, specs):
    """Whole fits (init='random', tol=0) as `Bench fit` times ours: the first in this process
    (imports done, nothing warmed) and the fastest of the remaining rounds."""
    print("solver\tdata\tfirst fit wall s\tfirst fit CPU s\twarm wall s\twarm CPU s\titerations run")
    for name, iterations in specs:
        x, rank = load(directory, name)
        for solver in ("mu", "cd"):
            times = [timed_fit(x, rank, solver, int(iterations)) for _ in range(rounds)]
            warm = times[1:] or times
            print("sklearn-%s\t%s\t%.3f\t%.3f\t%.3f\t%.3f\t%s" % (solver, name, times[0][0], times[0][1],
                  min(t[0] for t in warm), min(t[1] for t in warm), ",".join(str(t[2]) for t in times)))
            sys.stdout.flush()


def main():
    print("scikit-learn %s, numpy %s, OPENBLAS_NUM_THREADS=%s"
          % (sklearn.__version__, np.__version__, os.environ.get("OPENBLAS_NUM_THREADS", "(all)")))
    if sys.argv[1] == "--gemm-only":
        gemm_reference()
        return
    if sys.argv[1] == "--whole":
        whole_fits(sys.argv[2], int(sys.argv[3]), [a.split(":") for a in sys.argv[4:]])
        return
    directory, specs = sys.argv[1], [a.split(":") for a in sys.argv[2:]]
    print("solver\tdata\twall ms/iter\tprocess CPU ms/iter\titerations run")
    for name, iterations in specs:
        iterations = int(iterations)
        x, rank = load(directory, name)
        for solver in ("cd", "mu"):
            timed_fit(x, rank, solver, 3)  # warm caches and imports
            wall, cpu = float("inf"), float("inf")
            for _ in range(3):  # the fastest of three: outside load only ever adds time
                w1, c1, _ = timed_fit(x, rank, solver, 1)
                wk, ck, done = timed_fit(x, rank, solver, iterations + 1)
                k = max(1, done - 1)
                wall, cpu = min(wall, (wk - w1) / k), min(cpu, (ck - c1) / k)
            print("sklearn-%s\t%s\t%.2f\t%.2f\t%d" % (solver, name, wall * 1e3, cpu * 1e3, done))
            sys.stdout.flush()


if __name__ == "__main__":
    main()
