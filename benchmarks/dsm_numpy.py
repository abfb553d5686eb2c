"""The numpy stand-in for a dynamic stock model with a precomputed survival matrix (issue 15), at the
sizes of benchmarks/dsm.ts: normal lifetime (mean 20, sd 6), integer ages, the T × T matrix
SF[t, c] = sf(t - c) built once, outside the timing, as a sweep that does not vary lifetimes could.

    python3 benchmarks/dsm_numpy.py
Inflow-driven: stock = SF @ inflow (one matrix-vector product), outflow from the balance.
Stock-driven: inflow from SF @ inflow = stock (scipy's triangular solve, O(T^2)).
Prints the median µs per run of each; compare with `node dist/benchmarks/dsm.js` ("precomputed").
"""

import os
import statistics
import time

# One thread, as the JavaScript kernels run: a multithreaded matrix-vector product at T = 1000 took
# 7 ms on the busy 2-core VM against 0.3 ms on one thread.
for variable in ['OPENBLAS_NUM_THREADS', 'OMP_NUM_THREADS', 'MKL_NUM_THREADS']:
    os.environ.setdefault(variable, '1')

import numpy as np  # noqa: E402
from scipy.linalg import solve_triangular  # noqa: E402
from scipy.stats import norm  # noqa: E402


def survival_matrix(horizon):
    ages = np.arange(horizon)
    sf = norm.sf(ages, loc=20, scale=6)
    return np.tril(sf[ages[:, None] - ages[None, :]])


def inflow_driven(matrix, inflow):
    stock = matrix @ inflow
    outflow = inflow - np.diff(stock, prepend=0.0)
    return stock[-1] + outflow[-1]


def stock_driven(matrix, stock):
    inflow = solve_triangular(matrix, stock, lower=True, check_finite=False)
    outflow = inflow - np.diff(stock, prepend=0.0)
    return inflow[-1] + outflow[-1]


def microseconds_per_run(run, *args, budget=0.5, rounds=5):
    medians = []
    for _ in range(rounds):
        calls = 0
        started = time.perf_counter()
        while time.perf_counter() - started < budget / rounds or calls < 3:
            run(*args)
            calls += 1
        medians.append((time.perf_counter() - started) / calls * 1e6)
    return statistics.median(medians)


print(f'{"T":>5} {"inflow-driven µs (SF @ i)":>26} {"stock-driven µs (triangular solve)":>36}')
for horizon in [50, 100, 200, 400, 1000]:
    matrix = survival_matrix(horizon)
    inflow = 100 + np.arange(horizon) / 2
    target = 1000 + 2000 * np.arange(horizon) / horizon
    print(f'{horizon:>5} {microseconds_per_run(inflow_driven, matrix, inflow):>26.1f} {microseconds_per_run(stock_driven, matrix, target):>36.1f}')
