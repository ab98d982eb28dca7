"""Scale: the same pipeline over many files, in partitions, on one core or a Dask cluster (``warledger run``).

Modules, in the order a run uses them: ``partitions`` (plan inputs into partitions; read, extract and write one:
the task a worker runs), ``engines`` (local or Dask), ``parquet`` (the partitioned output, and loading it into the
ledger before fusion), ``manifest`` (what is written, for resuming), ``runner`` (``run``, the whole). The synthetic
corpus for tests and benchmarks is ``synthetic`` and ``synthetic_files``. See docs/scaling.md.

This package stays light to import: ``warledger.scale.runner.run`` is the entry point.
"""

DEFAULT_PARTITION_SIZE = 250
"""Documents per partition: about 10-25 s of work for one core, small enough to balance two workers and to lose
little when one dies, large enough that task overhead and file counts stay small."""
