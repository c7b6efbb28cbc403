"""Benchmark: how the appointment check and claim resolution grow with the number of records.

For n and 10n appointments of one post (successive terms, terms with no reported end, undated
terms, and overlapping terms that conflict), and for n and 10n contribution claims, prints the CPU
time (median of several runs, `time.process_time`) and the ratio 10n / n. A check that grows as
n log n gives a ratio a little above 10; a quadratic one gives about 100.

Run:  python benchmarks/bench_timeline.py [n] [runs]
"""

import datetime
import statistics
import sys
import time

import missionmodel as mm
from missionmodel import claims, timeline

POSTS = [mm.Post.FORCE_COMMANDER, mm.Post.HEAD_OF_MISSION, mm.Post.DEPUTY_FORCE_COMMANDER]


def appointments(count: int, conflicting: bool) -> list[mm.Appointment]:
    start = datetime.date(1950, 1, 1)
    made = []
    for i in range(count):
        day = start + datetime.timedelta(days=3 * i)
        shape = i % 4
        if shape == 0:
            made.append(mm.Appointment(post=POSTS[0], holder=f"p{i}", start=day, end=day + datetime.timedelta(days=3)))
        elif shape == 1:
            made.append(mm.Appointment(post=POSTS[0], holder=f"p{i}", start=day))  # end not reported
        elif shape == 2:
            made.append(mm.Appointment(post=POSTS[0], holder=f"p{i}"))  # undated
        else:
            length = 30 if conflicting else 3
            made.append(mm.Appointment(post=POSTS[0], holder=f"p{i}", start=day, end=day + datetime.timedelta(days=length)))
    return made


def contributions(count: int) -> list[mm.Contribution]:
    codes = ["IDN", "ITA", "IND", "NPL", "GHA", "MYS", "ESP", "FRA", "CHN", "IRL", "KOR"]
    statuses = list(mm.ContributionStatus)
    kinds = [mm.ContributionKind.TROOPS, mm.ContributionKind.POLICE, mm.ContributionKind.FORMED_POLICE_UNITS]
    return [
        mm.Contribution(
            contributor=codes[i % len(codes)],
            kind=kinds[i % len(kinds)],
            status=statuses[i % len(statuses)],
            strength=100 + i % 900,
            as_of=f"{1990 + i % 35}-{1 + i % 12:02d}" if i % 5 else f"{1990 + i % 35}",
        )
        for i in range(count)
    ]


def cpu(function, runs: int) -> float:
    times = []
    for _ in range(runs):
        began = time.process_time()
        function()
        times.append(time.process_time() - began)
    return statistics.median(times)


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 2_000
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    print(f"CPU time, median of {runs} runs; ratio = time(10n) / time(n), n = {n:,}")
    for label, conflicting in (("appointment check, no conflicts", False), ("appointment check, conflicts", True)):
        small, large = appointments(n, conflicting), appointments(10 * n, conflicting)
        t_small = cpu(lambda small=small: timeline.conflicting_terms(small), runs)
        t_large = cpu(lambda large=large: timeline.conflicting_terms(large), runs)
        _, total = timeline.conflicting_terms(large)
        print(f"{label:36} n: {t_small * 1e3:8.1f} ms  10n: {t_large * 1e3:8.1f} ms  ratio {t_large / t_small:5.1f}"
              f"  (conflicting pairs at 10n: {total:,})")
    small_c, large_c = contributions(n), contributions(10 * n)
    for label, function in (
        ("claims: total_strength()", lambda c: claims.total_strength(c)),
        ("claims: total_strength(on=...)", lambda c: claims.total_strength(c, status="deployed", on="2005-06")),
    ):
        t_small = cpu(lambda f=function: f(small_c), runs)
        t_large = cpu(lambda f=function: f(large_c), runs)
        print(f"{label:36} n: {t_small * 1e3:8.1f} ms  10n: {t_large * 1e3:8.1f} ms  ratio {t_large / t_small:5.1f}")
    big = appointments(10 * n, False)
    people = [mm.Actor(id=a.holder, name=a.holder, kind=mm.ActorKind.PERSON) for a in big]

    def build() -> mm.Mission:
        return mm.Mission(
            id="bench", name="Bench", kind=mm.MissionKind.PEACEKEEPING, status=mm.MissionStatus.ACTIVE,
            appointments=big, actors=people,
        )

    t_build = cpu(build, max(1, runs // 2))
    print(f"Mission with {10 * n:,} appointments of one post built and validated: {t_build:.2f} s")

if __name__ == "__main__":
    main()
