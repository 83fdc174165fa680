#!/usr/bin/env python3
"""A NumPy reference of ANMF's ADMM (docs/ALGORITHM.md sections 1-2), for issue 22's speed target.

An independent transcription of the corrected ADMM of Luo, Zhang & Huang's Algorithm 1 as
docs/ALGORITHM.md derives it, written as a NumPy user would (vectorised products, SciPy's
Cholesky), in the order of operations of the Java solver (adversarialnmf.solver.anmf: AdmmState,
FistaUSolve, PowerIteration, AnmfObjective) so that the iterates agree to rounding:

* start: X0 rescaled by <A0 X0, Y> / ||A0 X0||^2 (if positive), A~ = B = B~ = A0, U = X0^T,
  multipliers zero, H = A~X, J = AX;
* per iteration: H by Woodbury with the n x n K; B; J; U by FISTA with function-value restart,
  warm-started at the previous U_k or, where the sub-problem's value is lower, at
  max(0, 2 U_k - U_k-1), step 1/L with L = mu + 2 gamma ||D||_2^2 * 1.05 (power
  iteration: 30 steps from a flat start, then min(5, cap) steps from the last vector; L doubled
  when a step from a restart point fails to descend), stopped at KKT residual <= 1e-6 ||R3|| or
  the cap; the direct form, or the Gram form G = D^T D where the Java's flop rule picks it;
  B~; A and A~ with one shared Cholesky; X; the multipliers;
* reported factors: the nonnegative parts of A, A~, X; the trace is objective (9) at those, by
  the Gram route (no m x N product), entry 0 at the start;
* stop: relative primal residual <= tolerance and relative change of (9) <= tolerance, or the
  iteration cap (the benchmark runs tolerance 0: always the cap).

The attacker target is the shift Z = Y + t 1, never formed (Z U = Y U + t 1 (1^T U)).
Benchmark only: never part of the build.

Usage: anmf_reference.py DIR ROUNDS NAME [NAME ...]
  DIR holds what `Bench anmf-reference` wrote (NAME.reference.txt, NAME.{y,a0,x0}.f64, and the
  Java fit's NAME.trace.f64, NAME.{a,adv,x}.f64); prints the first and warm fit times and the
  largest relative differences between this fit and the Java one.
"""
import os
import sys
import time

import numpy as np
import scipy
from scipy.linalg import cho_factor, cho_solve

KKT_TOLERANCE = 1e-6
POWER_STEPS_FIRST = 30
POWER_STEPS_WARM = 5
LIPSCHITZ_MARGIN = 1.05


def read_inputs(directory, name):
    settings = {}
    with open(os.path.join(directory, name + ".reference.txt")) as f:
        for line in f:
            key, value = line.split()
            settings[key] = value
    m, count, rank = int(settings["rows"]), int(settings["cols"]), int(settings["rank"])

    def matrix(suffix, shape):
        return np.fromfile(os.path.join(directory, name + suffix), dtype="<f8").reshape(shape)

    data = {"y": matrix(".y.f64", (m, count)), "a0": matrix(".a0.f64", (m, rank)),
            "x0": matrix(".x0.f64", (rank, count))}
    java = {"trace": np.fromfile(os.path.join(directory, name + ".trace.f64"), dtype="<f8"),
            "a": matrix(".a.f64", (m, rank)), "adv": matrix(".adv.f64", (m, rank)),
            "x": matrix(".x.f64", (rank, count))}
    return settings, data, java


def uses_gram_form(m, count, rank, cap):
    """The Java's choice (FistaUSolve.usesGramForm): the Gram form when its flops at the cap are fewer."""
    if count > m:
        return False
    gram = m * count * count + 2.0 * count * count * rank * (cap + 1.0) + 2.0 * m * count * rank
    return gram <= 4.0 * m * count * rank * cap


class PowerIteration:
    """||D||_2^2 by power iteration on D^T D, warm-started from the previous call's vector."""

    def __init__(self, count):
        self.v = np.full(count, 1.0 / np.sqrt(count))
        self.warm = False

    def squared_norm(self, d, warm_steps):
        steps = warm_steps if self.warm else POWER_STEPS_FIRST
        self.warm = True
        estimate = 0.0
        for _ in range(steps):
            w = d @ self.v
            estimate = w @ w
            v = d.T @ w
            norm = np.sqrt(v @ v)
            if norm == 0.0:
                self.v = np.full(d.shape[1], 1.0 / np.sqrt(d.shape[1]))
                self.warm = False
                return estimate
            self.v = v * (1.0 / norm)
        return estimate


class Trajectory:
    """U_k-1, the previous solve's warm start, for the extrapolated start max(0, 2 U_k - U_k-1)."""

    def __init__(self):
        self.previous = None


def fista_u(d, r3, u, du, mu, two_gamma, cap, power, gram_form, trajectory):
    """min_{U >= 0} 1/2 <U, (2 gamma D^T D + mu I) U> - <R3, U> from U (du = D U); returns U, D U, steps."""
    lipschitz = mu + two_gamma * power.squared_norm(d, min(POWER_STEPS_WARM, cap)) * LIPSCHITZ_MARGIN
    target = KKT_TOLERANCE * np.sqrt(max(np.vdot(r3, r3), np.finfo(float).tiny))
    if gram_form:
        g = d.T @ d
        image = lambda v: g @ v
        apply_q = lambda v, image_v: two_gamma * image_v + mu * v
        value = lambda v, image_v: 0.5 * (mu * np.vdot(v, v) + two_gamma * np.vdot(v, image_v)) - np.vdot(r3, v)
        current = g @ u
    else:
        image = lambda v: d @ v
        apply_q = lambda v, image_v: two_gamma * (d.T @ image_v) + mu * v
        value = lambda v, image_v: 0.5 * (mu * np.vdot(v, v) + two_gamma * np.vdot(image_v, image_v)) - np.vdot(r3, v)
        current = du
    f = value(u, current)
    if trajectory.previous is not None:
        extrapolated = np.maximum(0.0, 2.0 * u - trajectory.previous)
        image_extrapolated = image(extrapolated)
        f_extrapolated = value(extrapolated, image_extrapolated)
        trajectory.previous = u
        if f_extrapolated < f:
            u, current, f = extrapolated, image_extrapolated, f_extrapolated
    else:
        trajectory.previous = u
    momentum, image_momentum = u, current
    t, at_restart, steps = 1.0, True, 0
    while steps < cap:
        steps += 1
        gradient = apply_q(momentum, image_momentum)
        nxt = np.maximum(0.0, momentum - (gradient - r3) / lipschitz)
        step = nxt - momentum
        step2 = np.vdot(step, step)
        image_next = image(nxt)
        f_next = value(nxt, image_next)
        if f_next > f:
            # no descent: drop the momentum; from a restart point only a too small L can cause it
            if at_restart:
                lipschitz *= 2.0
            momentum, image_momentum = u, current
            t, at_restart = 1.0, True
            continue
        t_next = 0.5 * (1.0 + np.sqrt(1.0 + 4.0 * t * t))
        beta = (t - 1.0) / t_next
        momentum = nxt + beta * (nxt - u)
        image_momentum = image_next + beta * (image_next - current)
        u, current = nxt, image_next
        f, t, at_restart = f_next, t_next, False
        if lipschitz * np.sqrt(step2) <= target:
            break
    return u, (d @ u if gram_form else current), steps


def objective(y, y_norm2, shift, a, adv, x, alpha, beta, gamma, lam):
    """Objective (9) by the Gram route: the fits from Y X^T, A^T A, X X^T; phi is m x n."""
    y_xt = y @ x.T
    z_xt = y_xt + shift * x.sum(axis=1)
    gram_x = x @ x.T
    attacked = max(0.0, y_norm2 - 2.0 * np.vdot(y_xt, adv) + np.vdot(adv.T @ adv, gram_x))
    clean = max(0.0, y_norm2 - 2.0 * np.vdot(y_xt, a) + np.vdot(a.T @ a, gram_x))
    phi = adv @ gram_x + lam * (adv - a) - z_xt
    return alpha * attacked + beta * clean + gamma * np.vdot(phi, phi)


def anmf_admm(y, a0, x0, s):
    """The ADMM from (A0, X0) with the settings s; returns the reported (A, A~, X) and the trace of (9)."""
    alpha, beta, gamma, lam, mu = (float(s[k]) for k in ("alpha", "beta", "gamma", "lambda", "mu"))
    shift, tolerance = float(s["shift"]), float(s["tolerance"])
    iterations, cap = int(s["iterations"]), int(s["u_inner_iterations"])
    m, count = y.shape
    rank = a0.shape[1]
    gram_form = uses_gram_form(m, count, rank, cap)
    power = PowerIteration(count)
    trajectory = Trajectory()
    y_norm2 = np.vdot(y, y)

    a, x = a0.copy(), x0.copy()
    if s["rescale_start"] == "true":
        scale = np.vdot(a, y @ x.T) / np.vdot(a.T @ a, x @ x.T)
        if scale > 0.0 and np.isfinite(scale):
            x *= scale
    adv, b, adv_b, u = a.copy(), a.copy(), a.copy(), x.T.copy()
    m1, m2 = np.zeros((m, rank)), np.zeros((m, rank))
    m3, m4 = np.zeros((m, count)), np.zeros((m, count))
    m5 = np.zeros((count, rank))
    a_x = a @ x
    adv_x = a_x.copy()
    h, j = adv_x.copy(), a_x.copy()
    eye = np.eye(rank)
    c = 2.0 * alpha + mu
    two_gamma = 2.0 * gamma

    reported = lambda: (np.maximum(0.0, a), np.maximum(0.0, adv), np.maximum(0.0, x))
    trace = [objective(y, y_norm2, shift, *reported(), alpha, beta, gamma, lam)]
    for _ in range(iterations):
        # H = R1 (c I + 2 gamma U U^T)^-1 by Woodbury, K = (c / 2 gamma) I + U^T U
        z_u = y @ u + shift * u.sum(axis=0)
        w = lam * (a - adv) + z_u
        h = (2.0 * alpha * y + mu * adv_x + m3) * (1.0 / c)
        gram_u = u.T @ u
        r1_u = c * (h @ u) + two_gamma * (w @ gram_u)
        p = cho_solve(cho_factor(gram_u + c / two_gamma * eye), r1_u.T).T
        d_u = p / two_gamma - z_u  # H U = P / 2 gamma for the new H
        h += (1.0 / c) * ((two_gamma * w - p) @ u.T)
        b = np.maximum(0.0, a + m2 / mu)
        j = (2.0 * beta * y + mu * a_x + m4) * (1.0 / (2.0 * beta + mu))
        # U: the nonnegative QP with Q = 2 gamma D^T D + mu I
        d = h - y - shift
        r3 = 2.0 * gamma * lam * (d.T @ (a - adv)) + mu * x.T + m5
        u, d_u, _ = fista_u(d, r3, u, d_u, mu, two_gamma, cap, power, gram_form, trajectory)
        adv_b = np.maximum(0.0, adv + m1 / mu)
        # A and A~ share K = (2 gamma lambda^2 + mu) I + mu X X^T
        k = cho_factor(mu * (x @ x.T) + (2.0 * gamma * lam * lam + mu) * eye)
        mu_j = mu * j - m4
        a = mu_j @ x.T + (2.0 * gamma * lam * (d_u + lam * adv) + mu * b - m2)
        a = cho_solve(k, a.T).T
        mu_h = mu * h - m3
        adv = mu_h @ x.T + (2.0 * gamma * lam * (lam * a - d_u) + mu * adv_b - m1)
        adv = cho_solve(k, adv.T).T
        # X = (A~^T A~ + A^T A + I)^-1 R6
        r6 = (adv.T @ mu_h + a.T @ mu_j - m5.T) * (1.0 / mu) + u.T
        x = cho_solve(cho_factor(adv.T @ adv + a.T @ a + eye), r6)
        # multipliers, and the relative primal residual of the stopping rule
        adv_x, a_x = adv @ x, a @ x
        pairs = ((adv, adv_b), (a, b), (adv_x, h), (a_x, j), (x.T, u))
        residuals = [left - right for left, right in pairs]
        for multiplier, residual in zip((m1, m2, m3, m4, m5), residuals):
            multiplier += mu * residual
        primal = sum(np.vdot(r, r) for r in residuals)
        lhs = sum(np.vdot(left, left) for left, _ in pairs)
        rhs = sum(np.vdot(right, right) for _, right in pairs)
        trace.append(objective(y, y_norm2, shift, *reported(), alpha, beta, gamma, lam))
        relative_change = abs(trace[-2] - trace[-1]) / max(abs(trace[-2]), np.finfo(float).tiny)
        if np.sqrt(primal) / np.sqrt(max(lhs, rhs, np.finfo(float).tiny)) <= tolerance and relative_change <= tolerance:
            break
    return reported(), np.array(trace)


def largest_relative(ours, theirs):
    return float(np.max(np.abs(ours - theirs) / np.abs(theirs)))


def relative_norm(ours, theirs):
    return float(np.linalg.norm(ours - theirs) / np.linalg.norm(theirs))


def main():
    directory, rounds, names = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
    print("NumPy %s, SciPy %s, OPENBLAS_NUM_THREADS=%s"
          % (np.__version__, scipy.__version__, os.environ.get("OPENBLAS_NUM_THREADS", "(all)")))
    for name in names:
        settings, data, java = read_inputs(directory, name)
        times, fits = [], []
        for _ in range(rounds):
            w0, c0 = time.perf_counter(), time.process_time()
            fits.append(anmf_admm(data["y"], data["a0"], data["x0"], settings))
            times.append((time.perf_counter() - w0, time.process_time() - c0))
        warm = times[1:] or times
        iterations = int(settings["iterations"])
        (a, adv, x), trace = fits[0]
        warm_wall, warm_cpu = min(t[0] for t in warm), min(t[1] for t in warm)
        print("solver\tdata\tfirst fit wall s\tfirst fit CPU s\twarm wall s\twarm CPU s\twarm wall ms/iter"
              "\twarm CPU ms/iter\titerations run")
        print("numpy-admm\t%s\t%.3f\t%.3f\t%.3f\t%.3f\t%.2f\t%.2f\t%d" % (name, times[0][0], times[0][1],
              warm_wall, warm_cpu, warm_wall / iterations * 1e3, warm_cpu / iterations * 1e3, len(trace) - 1))
        if len(trace) != len(java["trace"]):
            print("trace lengths differ: NumPy %d, Java %d" % (len(trace), len(java["trace"])))
            continue
        gaps = np.abs(trace - java["trace"]) / np.abs(java["trace"])
        marks = sorted({0, 1, 2, 5, 10, 20, len(gaps) - 1} & set(range(len(gaps))))
        print("trace agreement on %s: largest relative difference of (9) %.2e (at iteration %d); by iteration: %s"
              % (name, gaps.max(), int(gaps.argmax()), ", ".join("%d: %.1e" % (k, gaps[k]) for k in marks)))
        print("final factors on %s: ||.-Java|| / ||Java|| A %.1e, A~ %.1e, X %.1e"
              % (name, relative_norm(a, java["a"]), relative_norm(adv, java["adv"]), relative_norm(x, java["x"])))
        # the part of the last trace gap that is the evaluation of (9), not the iterates
        y = data["y"]
        at_java = objective(y, np.vdot(y, y), float(settings["shift"]), java["a"], java["adv"], java["x"],
                            *(float(settings[k]) for k in ("alpha", "beta", "gamma", "lambda")))
        print("(9) evaluated here at the Java's final factors against the Java's last trace entry on %s: %.1e"
              % (name, abs(at_java - java["trace"][-1]) / abs(java["trace"][-1])))
        sys.stdout.flush()


if __name__ == "__main__":
    main()
