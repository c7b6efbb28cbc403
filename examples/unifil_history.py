"""UNIFIL's whole history from the shipped dataset: mandates, ceilings, commanders, budgets, events.

Run from the root of a checkout:

    python examples/unifil_history.py

Every answer comes with where it came from; answers the data cannot give say so.
"""

from __future__ import annotations

import warnings

from missionmodel import CoverageWarning, Post, datasets

unifil = datasets.load("unifil")
about = datasets.info("unifil")
print(f"{about.title}, version {about.version}, data as of {about.as_of} ({about.licence})")
print()

print("The chain of mandates:")
last = unifil.latest_mandate()
assert last is not None
for mandate in unifil.mandate_chain(last):
    vote = f"; {mandate.authority.vote}" if mandate.authority.vote is not None else ""
    end = f", until {mandate.end}" if mandate.end is not None else ""
    flag = " (unconfirmed)" if mandate.unconfirmed else ""
    print(f"  {mandate.authority.adopted}: {mandate.authority}{end}{vote}{flag}")
print()

print("Troop ceiling and force commander, year by year:")
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always", CoverageWarning)
    for year in (1979, 1983, 1990, 2001, 2003, 2007, 2015, 2021, 2026):
        day = f"{year}-06-30"
        ceiling = unifil.authorized_strength_on(day)
        holder = unifil.holder_on(Post.FORCE_COMMANDER, day)
        name = unifil.actor(holder.holder).name if holder is not None else "not recorded"
        acting = " (acting)" if holder is not None and holder.acting else ""
        set_by = f" (set by {ceiling.set_by.authority})" if ceiling is not None else ""
        print(f"  {day}: ceiling {ceiling or 'not recorded'}{set_by}; force commander {name}{acting}")
for warning in dict.fromkeys(str(w.message) for w in caught):
    print(f"  note: {warning}")
print()

print("Budgets (USD):")
for budget in sorted(unifil.budgets, key=lambda b: (b.start.earliest(), b.net)):
    print(f"  {budget}")
print()

print("Reported fatality counts:")
for count in unifil.fatality_counts:
    print(f"  {count}")
print()

print(f"Timeline: {len(unifil.events)} events; the first and last:")
ordered = sorted(unifil.events, key=lambda event: event.date.earliest())
for event in (*ordered[:3], *ordered[-2:]):
    print(f"  {event}")
print()

print("What the data miss:")
for note in unifil.coverage:
    if note.status.value == "missing":
        print(f"  - {note}")
print()
print("Cite it as:")
print(datasets.cite("unifil"), end="")
