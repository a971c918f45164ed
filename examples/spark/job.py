"""The map step of reconcile under Apache Spark.

Reads a text file of article paths (one a line), spreads them over PARTITIONS map tasks, pipes
each task's paths through `reconcile --map` and writes the map records (one JSON line per
article) as OUT/part-NNNNN. Then, on one machine:

    reconcile --reduce OUT/part-* --format json > report.json

The reduce step orders the records by their paths itself, so the order in which Spark shuffles
the paths, runs the tasks and writes the parts does not matter.

    spark-submit [--master URL] job.py PATHS OUT [--reconcile BIN] [--ship] [--partitions N]

BIN is the reconcile binary: as every worker sees it (a name on its PATH, the default
`reconcile`, or a path), or, with --ship, a file on the driver's machine that Spark sends to
every executor. Paths may hold spaces or any other character but a newline; blank lines are
skipped. A task whose reconcile fails (a path that cannot be read: exit 2) fails, and with it
the job once Spark has tried it again.
"""

import argparse
import os
import shlex
import sys
from subprocess import PIPE, Popen
from threading import Thread

from pyspark import SparkConf, SparkContext, SparkFiles

# What `xargs` says by its exit status, for the message of a failed task.
XARGS_STATUS = {
    123: "reconcile exited 1-125 (2: a path could not be read; see the executor's stderr)",
    124: "reconcile exited 255",
    125: "reconcile was killed by a signal",
    126: "the reconcile binary cannot be run",
    127: "the reconcile binary was not found",
}


def map_command(reconcile):
    """The command each task pipes its paths through: one path a line on standard input, as
    many `reconcile --map` runs as the command line allows (`xargs -d '\\n'`), none for an
    empty partition (`-r`), and `--` so that no path is taken for an option."""
    return ["xargs", "-d", "\\n", "-r", reconcile, "--map", "--"]


def map_partition(reconcile, shipped, threads):
    """The map task: pipes a partition's paths through `map_command` and yields its records.

    Like `RDD.pipe`, but the command runs in the executor's environment (`RDD.pipe` gives it an
    empty one, so no PATH but the system's default), with `RAYON_NUM_THREADS` set to the task's
    cores (reconcile would otherwise use every core of the worker in every task), and with the
    binary that `--ship` sent, wherever the cluster manager put it."""

    def run(paths):
        binary = SparkFiles.get(reconcile) if shipped else reconcile
        env = dict(os.environ, RAYON_NUM_THREADS=str(threads))
        command = map_command(binary)
        proc = Popen(command, env=env, stdin=PIPE, stdout=PIPE)

        def feed():
            try:
                for path in paths:
                    proc.stdin.write(path.rstrip("\n").encode("utf-8") + b"\n")
                proc.stdin.close()
            except BrokenPipeError:
                pass  # the command ended early: its exit status says why

        writer = Thread(target=feed, daemon=True)
        writer.start()
        for line in proc.stdout:
            yield line.rstrip(b"\n").decode("utf-8")
        writer.join()
        status = proc.wait()
        if status != 0:
            why = XARGS_STATUS.get(status, "")
            raise RuntimeError(
                f"{shlex.join(command)} exited {status}" + (f": {why}" if why else "")
            )

    return run


def main(argv=None):
    parser = argparse.ArgumentParser(
        prog="job.py", description="reconcile's map step under Apache Spark"
    )
    parser.add_argument(
        "paths",
        help="a text file of article paths, one a line (any path Spark reads: a local file, "
        "file:, hdfs:, s3a:); every worker must be able to read the articles at those paths",
    )
    parser.add_argument(
        "out", help="the folder to write the map records to (part-NNNNN); must not exist"
    )
    parser.add_argument(
        "--reconcile",
        default="reconcile",
        help="the reconcile binary: with --ship, a path on the driver's machine (or a URL Spark "
        "reads); else as every worker sees it, a name on its PATH or a path (default: reconcile)",
    )
    parser.add_argument(
        "--ship",
        action="store_true",
        help="send the binary to every executor with the job (SparkContext.addFile)",
    )
    parser.add_argument(
        "--partitions",
        type=int,
        default=None,
        help="the number of map tasks (default: Spark's default parallelism)",
    )
    args = parser.parse_args(argv)
    if args.partitions is not None and args.partitions < 1:
        parser.error("--partitions must be at least 1")

    sc = SparkContext(conf=SparkConf().setAppName("reconcile --map"))
    sc.setLogLevel("WARN")
    try:
        reconcile = args.reconcile
        if args.ship:
            sc.addFile(args.reconcile)
            reconcile = os.path.basename(args.reconcile)
        threads = int(sc.getConf().get("spark.task.cpus", "1"))
        partitions = args.partitions or sc.defaultParallelism
        (
            sc.textFile(args.paths)
            .filter(lambda path: path.strip() != "")
            .repartition(partitions)
            .mapPartitions(map_partition(reconcile, args.ship, threads))
            .saveAsTextFile(args.out)
        )
    finally:
        sc.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
