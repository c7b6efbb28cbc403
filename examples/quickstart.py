"""Quick start: build a small mission in code, validate it, save it as JSON and YAML, read it back.

Run from the repository root:  python examples/quickstart.py
"""

import tempfile
from pathlib import Path

import missionmodel as mm

report = mm.Source(
    id="seed-article",
    title="Five Countries Pledge Troops for Gaza Under New International Stabilization Plan as Hamas Rejects Initiative",
    publisher="news article",
    published="2026-02",
)

mission = mm.Mission(
    id="isf",
    name="International Stabilization Force",
    acronym="ISF",
    kind=mm.MissionKind.STABILIZATION,
    status=mm.MissionStatus.AUTHORIZED,
    area="Gaza Strip",
    countries=["PSE"],
    lead="board-of-peace",
    contributions=[
        mm.Contribution(
            contributor="IDN",
            kind=mm.ContributionKind.TROOPS,
            status=mm.ContributionStatus.PLEDGED,
            strength=mm.Strength.at_most(8000),
            as_of="2026-02-19",
            role="deputy command",
            caveats=["humanitarian mandate only", "no combat operations"],
            sources=["seed-article"],
        ),
        mm.Contribution(
            contributor="KAZ",
            kind=mm.ContributionKind.MEDICAL,
            status=mm.ContributionStatus.PLEDGED,
            strength=mm.Strength.unknown(),
            as_of="2026-02-19",
            sources=["seed-article"],
        ),
    ],
    appointments=[
        mm.Appointment(post=mm.Post.FORCE_COMMANDER, holder="jasper-jeffers", sources=["seed-article"]),
    ],
    positions=[
        mm.Position(
            actor="hamas",
            stance=mm.Stance.OPPOSES,
            date="2026-02",
            demands=["a complete cessation of Israeli military operations", "a permanent ceasefire"],
            sources=["seed-article"],
        ),
    ],
    actors=[
        mm.Actor(id="board-of-peace", name="Board of Peace", kind=mm.ActorKind.INTERNATIONAL_ORGANIZATION),
        mm.Actor(id="jasper-jeffers", name="Jasper Jeffers", kind=mm.ActorKind.PERSON, country="USA"),
        mm.Actor(id="hamas", name="Hamas", kind=mm.ActorKind.POLITICAL_MOVEMENT),
    ],
    sources=[report],
)

# A record with mistakes is rejected with all its problems at once.
try:
    mm.from_dict({"contributor": "Indonesia", "kind": "troop", "status": "pledged", "strenght": 8000}, mm.Contribution)
except mm.ValidationError as error:
    print(error)
    print()

with tempfile.TemporaryDirectory() as folder:
    for name in ("isf.json", "isf.yaml"):
        path = Path(folder) / name
        mm.dump(mission, path)
        again = mm.load(path)
        print(f"{name}: {path.stat().st_size} bytes, read back equal: {again == mission}")

print()
print(f"{mission.name} ({mission.acronym}), led by {mission.actor(mission.lead or '').name}")
for contribution in mission.contributions:
    who = mission.actor(contribution.contributor).name
    print(f"  {who}: {contribution.kind.value}, {contribution.strength} ({contribution.status.value})")
print(f"  total pledged: {mission.total_strength(status=mm.ContributionStatus.PLEDGED)}")
commander = mission.holder_on(mm.Post.FORCE_COMMANDER, "2026-03-01")
print(f"  force commander: {mission.actor(commander.holder).name if commander else 'not known'}")
for position in mission.positions_by(mm.Stance.OPPOSES):
    print(f"  {mission.actor(position.actor).name} opposes; demands: {'; '.join(position.demands)}")
