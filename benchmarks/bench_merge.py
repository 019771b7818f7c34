"""Time the merge stage alone on a collection (the mentions are extracted once, then merged N times).

    python benchmarks/bench_merge.py ../shared/eval/entities/Sarah_Palin/articles.jsonl [--runs 3] [--steps]
        [--count] [--alone | --share]

Prints the number of mentions and events and each run's wall and CPU time (``time.process_time``: the figure
to compare when other work loads the machine) of ``merge_mentions``, with Python's cyclic garbage collector
paused as the build pauses it, and the CPU time of the helper process that shares placing the dated
mentions on a large collection (unless ``TIMELINE_SHARE_PLACEMENT=0``) when a core is idle
(``merge/placing.py``; ``--alone``: never a helper; ``--share``: a helper however busy the machine).
``--steps`` adds the CPU time of the steps comparing wording and statements (``STEPS``: the collection's
IDF, similar wording, retellings, borrowed statements, disputed dates, previews, reactions, history; with a
helper, the IDF is the helper's: only receiving it is counted).  ``--count`` adds how many (mention, event)
comparisons placing the dated mentions makes (``clusters._rank_each``), how many representatives they
read, and how many found a match (the counting wrapper costs time: compare CPU without it; counted in one
process, as ``--alone``).
"""

from __future__ import annotations

import argparse
import gc
import resource
import time

import timeline.build as build
import timeline.merge
import timeline.merge.clusters
import timeline.merge.placing
from timeline.merge import merge_mentions
from timeline.readers import read_paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--steps", action="store_true", help="also the CPU time of the wording steps")
    parser.add_argument("--count", action="store_true", help="also count placement's comparisons")
    parser.add_argument("--alone", action="store_true", help="no helper process placing mentions")
    parser.add_argument("--share", action="store_true", help="a helper even when no core is idle")
    args = parser.parse_args()
    captured: dict[str, tuple] = {}
    original = build.merge_mentions

    def capture(mentions, articles, copies=None, **options):
        # the build hands its mentions over (the merge may change them): keep them intact for the runs
        captured["args"] = (mentions, articles, copies)
        return original(mentions, articles, copies)

    build.merge_mentions = capture
    build.build_timeline(read_paths(args.paths))
    build.merge_mentions = original
    mentions, articles, copies = captured["args"]
    steps = _time_steps() if args.steps else {}
    tallies = _count_comparisons() if args.count else {}
    if args.alone or args.count:
        timeline.merge.placing.SHARED_PLACEMENT_MIN = len(mentions) + 1
    elif args.share:
        timeline.merge.placing.SHARE_PLACEMENT = True  # even if turned off in the environment
        timeline.merge.placing.SHARED_PLACEMENT_MAX = len(mentions)
        timeline.merge.placing.IDLE_CORE_MIN = -1.0
    gc.disable()
    for run in range(args.runs):
        start, cpu_start, helper_start = time.perf_counter(), time.process_time(), _helpers_cpu()
        events = merge_mentions(mentions, articles, copies)
        elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu_start
        helper = _helpers_cpu() - helper_start
        summary = f"{len(mentions)} mentions -> {len(events)} events"
        print(f"run {run + 1}: {summary} in {elapsed:.2f} s ({cpu:.2f} s CPU, helper {helper:.2f} s CPU)")
        if steps:
            print("  steps (s CPU): " + ", ".join(f"{name} {seconds:.3f}" for name, seconds in steps.items()))
            steps.update(dict.fromkeys(steps, 0.0))
        if tallies:
            print("  placement: " + ", ".join(f"{value:,} {name}" for name, value in tallies.items()))
            tallies.update(dict.fromkeys(tallies, 0))
    gc.enable()


def _helpers_cpu() -> float:
    """CPU seconds of the ended child processes (the placement helper's, once it has ended)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


STEPS = (
    "idf",
    "join_similar",
    "join_accounts",
    "join_retold",
    "join_between",
    "join_continued",
    "join_told_accounts",
    "separate_statements",
    "join_disputed",
    "separate_previews",
    "separate_reactions",
    "separate_history",
    "join_doers_statements",
    "join_definite_references",
)


def _time_steps() -> dict[str, float]:
    """Wrap the merge's wording steps (as ``merge_mentions`` calls them) to add up their CPU time."""
    spent = dict.fromkeys(STEPS, 0.0)
    for name in STEPS:
        owner = timeline.merge.placing.Placement if name == "idf" else timeline.merge
        step = getattr(owner, name)

        def timed(*args, step=step, name=name, **options):
            start = time.process_time()
            try:
                return step(*args, **options)
            finally:
                spent[name] += time.process_time() - start

        setattr(owner, name, timed)
    return spent


def _count_comparisons() -> dict[str, int]:
    """Wrap ``clusters._rank_each`` (one mention against a set of events) to count comparisons and
    outcomes."""
    counts = dict.fromkeys(("comparisons", "representatives read", "matches"), 0)
    rank_each = timeline.merge.clusters._rank_each

    def counted(probe, clusters, cids, ranks):
        counts["comparisons"] += len(cids)
        counts["representatives read"] += sum(len(clusters[cid].reps) for cid in cids)
        before = len(ranks)
        rank_each(probe, clusters, cids, ranks)
        counts["matches"] += len(ranks) - before
        return None

    timeline.merge.clusters._rank_each = counted
    return counts


if __name__ == "__main__":
    main()
