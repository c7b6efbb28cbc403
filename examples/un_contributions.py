"""Read the UN Data Hub's mission list, contributions and fatalities; show UNIFIL's contingents.

Run from the repository root: ``python examples/un_contributions.py``. It reads the small sample
files in ``examples/data/`` (shaped like the Data Hub's CSV exports, quirks included), prints
what each import took, repaired and rejected, then UNIFIL's contingents in September 2024, the
top contributors across missions, totals by kind with the share of women, and one country's
contributions over time.
"""

from __future__ import annotations

from pathlib import Path

from missionmodel.countries import country_name
from missionmodel.importers import assemble, un
from missionmodel.series import contingents, country_series, top_contributors, totals, totals_by_kind

DATA = Path("examples/data")

missions = un.read_missions(DATA / "un_missions.csv")
contributions = un.read_contributions(DATA / "un_contributions.csv")
fatalities = un.read_fatalities(DATA / "un_fatalities.csv")

print("Import reports")
for result in (missions, contributions, fatalities):
    print(result.report)
    print()

assembly = assemble(missions, contributions=contributions, fatalities=fatalities)
unifil = assembly.mission("UNIFIL")
print(f"{unifil.name} ({unifil.acronym}), {unifil.status.value} since {unifil.established}")
print("Contingents in September 2024:")
for c in contingents(unifil, "2024-09"):
    print(f"  {country_name(c.contributor):<12} {c.kind.value:<20} {c.strength!s:>6}  (women {c.female}, men {c.male})")
print(f"Fatalities recorded: {len(unifil.fatalities)}")
print()

print("Top contributors, all missions, September 2024:")
for code, strength in top_contributors(assembly.missions, "2024-09", n=3):
    print(f"  {country_name(code)}: {strength}")
print()

print("Totals by kind, September 2024:")
for kind, count in totals_by_kind(assembly.missions, "2024-09").items():
    share = "n/a" if count.female_share is None else f"{count.female_share:.1%}"
    print(f"  {kind.value:<20} {count.total!s:>6}  women {share}")
overall = totals(assembly.missions, "2024-09")
print(f"  {'all':<20} {overall.total!s:>6}  women {overall.female_share:.1%}")
print()

print("Indonesia over time:")
for point in country_series(assembly.missions, "IDN"):
    print(f"  {point.month} {point.mission} {point.kind.value}: {point.strength}")
print(f"Records for missions not in the mission list, kept aside: {', '.join(assembly.unmatched_acronyms())}")
