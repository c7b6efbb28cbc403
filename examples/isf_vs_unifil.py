"""The ISF for Gaza and UNIFIL side by side: load the two shipped datasets and compare them.

Run from the repository root:  python examples/isf_vs_unifil.py
"""

import sys
from pathlib import Path

try:
    import missionmodel  # noqa: F401  (only checks that the package can be imported)
except ModuleNotFoundError:  # a fresh clone that was not installed: use its source tree
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from missionmodel import ContributionStatus, datasets
from missionmodel.compare import compare, render_markdown, render_text

isf = datasets.load("isf")
unifil = datasets.load("unifil")
rows = compare(isf, unifil)
titles = ("Aspect", "ISF (Gaza)", "UNIFIL (Lebanon)")

print(render_text(rows, titles))

# The sources behind one cell: who reported Indonesia's pledge of up to 8,000?
pledge = next(c for c in isf.contributions_of("IDN") if c.status is ContributionStatus.PLEDGED)
for source in isf.sources_of(pledge):
    print(f"Indonesia's pledge ({pledge.strength}) is reported by: {source.title} ({source.published})")
print()

# The same comparison as a Markdown table, e.g. for a report; here only the first rows.
print(render_markdown(rows[:4], titles), end="")
