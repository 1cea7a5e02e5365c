"""numpy, with one BLAS thread: import `np` from here.

The confidence model's matrices are small (a hundred rows by thirty columns): one thread is faster
than several fighting for two cores (a 116 × 116 solve took 45 ms with OpenBLAS's threads against
0.4 ms with one), and adds its sums in one fixed order. The setting only holds when numpy is not
loaded yet, and a variable the user set wins.
"""

from __future__ import annotations

import os

for _name in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_name, "1")

import numpy as np  # noqa: E402

__all__ = ["np"]
