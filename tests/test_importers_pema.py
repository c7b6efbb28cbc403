"""The PEMA (Peacekeeping Mandates) importer: on an excerpt of the real file, on each release's header, on generated rows."""

from __future__ import annotations

import collections
import csv
import io
import json
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import missionmodel as mm
from missionmodel import FormatError, PartialDate
from missionmodel.importers import ImportResult, MissionEntry, RowIssue, pema
from missionmodel.importers._csv import normalise
from missionmodel.mandate import MandateAction, MandatedTask, Task, TaskModality

FIXTURE = Path(__file__).parent / "fixtures" / "pema_excerpt.csv"
RAW_HEADER = FIXTURE.read_text(encoding="utf-8").splitlines()[0].split(",")
TASK_HEADER = [name for name in RAW_HEADER if name.rsplit("_", 1)[-1] in ("Monitor", "Assist", "Security", "Encouraged")]
MODALITIES = {"Monitor": "monitor", "Assist": "assist", "Security": "security", "Encouraged": "encouraged"}


def issues(found: tuple[RowIssue, ...]) -> list[tuple[int, str | None, str]]:
    return [(issue.row, issue.column, issue.message) for issue in found]


def by_line(result: ImportResult[MissionEntry[mm.Mandate]]) -> dict[int, mm.Mandate]:
    return {entry.row: entry.record for entry in result.records}


# --- the excerpt of the real file ---------------------------------------------------------------


def test_fixture_report() -> None:
    report = pema.read_mandates(FIXTURE).report
    assert report.format == "PEMA Peacekeeping Mandates"
    assert (report.rows_read, report.rows_taken, report.rows_rejected) == (36, 32, 4)
    assert issues(report.rejected) == [
        (
            4,
            "Signature",
            "names 2 resolutions ('S/RES/758 AND S/RES/761'): a row of PEMA codes one resolution, and this one cannot be given"
            " to either",
        ),
        (28, "Date2", "is in 2014, but Year is 2015: the file contradicts itself on the year S/RES/2179 was adopted"),
        (29, "Date2", "is in 1993, but Year is 1992: the file contradicts itself on the year S/RES/804 was adopted"),
        (32, "Date2", "is in 1994, but Year is 1995: the file contradicts itself on the year S/RES/972 was adopted"),
    ]
    warnings = issues(report.warnings)
    assert (6, "Signature", "trimmed spaces around 'S/RES/776 '") in warnings
    assert (
        15,
        "StateAuthority_Assist",
        "read '4:00 AM' as paragraph '4 a': a spreadsheet had turned '4 a' into a time",
    ) in warnings
    assert (13, "HumanRights_Assist", "the paragraph reference '8?' is marked uncertain ('?'): kept as written") in warnings
    assert (20, "Date2", "is empty: took the year of adoption, 2017, from Year") in warnings
    assert (25, "Mandate_Renewal", "is empty: not known whether the resolution renews the mandate") in warnings
    assert (
        33,
        "Mandate_CompleteAdjustment",
        "is empty: not known whether the resolution revises the mandate as a whole",
    ) in warnings
    assert (
        16,
        "Signature",
        "S/RES/2410 of MINUJUSTH is coded again at line 17, differently: both codings kept, as separate records",
    ) in warnings
    assert (
        17,
        "Signature",
        "codes S/RES/2410 of MINUJUSTH again, differently from line 16: both codings kept, as separate records",
    ) in warnings
    assert len(warnings) == 28


def test_fixture_values() -> None:
    result = pema.read_mandates(FIXTURE)
    assert result.sources == (pema.SOURCE,)
    mandates = by_line(result)
    assert len(mandates) == 32 and set(mandates) == set(range(2, 38)) - {4, 28, 29, 32}
    unisfa = mandates[26]
    assert [e.mission for e in result.records if e.row == 26] == ["UNISFA"]
    assert unisfa.authority == mm.Authority(
        kind=mm.AuthorityKind.UN_SECURITY_COUNCIL,
        body="UN Security Council",
        instruments=["S/RES/1990 (2011)"],
        adopted="2011-06-27",
    )
    assert unisfa.actions == () and unisfa.sources == ("pema",)
    assert [str(detail) for detail in unisfa.mandated_tasks] == [
        "civilian protection (security; paragraph 3d)",
        "police training (monitor; paragraph 2e)",
        "weapons free zone (monitor; paragraph 2a)",
        "mine action (assist; paragraph 2c)",
        "humanitarian access (as HumanRelief; assist; paragraph 2d)",
        "humanitarian access (as HumanRelief; security; paragraph 3c)",
    ]
    assert unisfa.tasks == (
        Task.CIVILIAN_PROTECTION,
        Task.POLICE_TRAINING,
        Task.WEAPONS_FREE_ZONE,
        Task.MINE_ACTION,
        Task.HUMANITARIAN_ACCESS,
    )
    # flags: renews (761), revises (758), both, neither, and the empty cells that are warned about
    assert mandates[5].actions == (MandateAction.RENEWS,) and mandates[3].actions == (MandateAction.REVISES,)
    assert mandates[2].actions == () and mandates[33].actions == ()
    # Comments: another document the resolution refers to
    assert mandates[3].references == ("S/24075",) and mandates[2].references == ()
    # no date: the year, from Year; the symbol written with its year
    assert mandates[23].authority.instrument == "S/RES/2350 (2017)" and mandates[23].authority.adopted == PartialDate(year=2017)
    assert mandates[16].authority.instrument == "S/RES/2410 (2018)"
    assert mandates[17].authority.instrument == "S/RES/2410 (2018)" and mandates[16] != mandates[17]


def details(mandate: mm.Mandate) -> dict[tuple[str | None, str | None], tuple[str, ...]]:
    found = {}
    for detail in mandate.mandated_tasks:
        assert detail.modality is not None
        found[(pema.task_name(detail), detail.modality.value)] = detail.paragraphs
    return found


def test_paragraph_references_as_the_file_writes_them() -> None:
    mandates = by_line(pema.read_mandates(FIXTURE))
    timor = details(mandates[15])  # S/RES/1704: "4 n" in many columns, "4:00 AM" for "4 a"
    assert timor[("StateAuthority", "assist")] == ("4 a",)
    assert timor[("ChildRights", "assist")] == ("4 g", "4 h", "4 k")
    assert timor[("HumanRights", "monitor")] == ("4 g", "4 n")
    assert timor[("MilitaryReform", "assist")] == ("4 e",)  # '4 e ' in the file
    bosnia = details(mandates[9])  # S/RES/1088: references into other documents, kept whole
    assert all(len(paragraphs) == 1 for paragraphs in bosnia.values())
    assert ("Dayton Peace Agreement, Annex 11, Article III, 15",) in bosnia.values()
    assert ("19 referring to 77 (S/1996/1012)",) in bosnia.values()
    assert details(mandates[35])[("PoliceReform", "assist")] == ("p. 1, 2, 7, 18",)  # the "p." may cover all: whole
    assert details(mandates[36])[("ChildRights", "assist")] == ("p.3, 10",)
    assert details(mandates[36])[("PoliceReform", "encouraged")] == ("9",)
    assert details(mandates[30])[("CivilSociety", "assist")] == ("42b(i)", "42b(iii)", "42b(iv)", "43d(iii)")
    assert details(mandates[8])[("Demining", "assist")] == ("1 + 29 (S/1994/1067) ?",)


def test_every_set_cell_is_one_task_counted_independently_with_the_csv_module() -> None:
    result = pema.read_mandates(FIXTURE)
    rejected = set(result.report.rejected_rows)
    with FIXTURE.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    counted: collections.Counter[tuple[str, str]] = collections.Counter()
    for line, row in enumerate(rows, start=2):
        if line in rejected:
            continue
        for name in TASK_HEADER:
            if row[name].strip() not in ("", "0"):
                task, modality = name.rsplit("_", 1)
                counted[(task, MODALITIES[modality])] += 1
    read: collections.Counter[tuple[str | None, str | None]] = collections.Counter()
    for entry in result.records:
        for detail in entry.record.mandated_tasks:
            read[(pema.task_name(detail), detail.modality.value if detail.modality else None)] += 1
    assert read == counted
    assert sum(read.values()) == 352


def test_strict_rejects_the_repaired_rows() -> None:
    report = pema.read_mandates(FIXTURE, strict=True).report
    assert report.rows_taken == 17
    assert report.rejected_rows == (4, 6, 8, 10, 11, 12, 13, 15, 20, 21, 22, 23, 25, 28, 29, 32, 33, 34, 37)


def test_mandates_round_trip_and_fit_a_mission() -> None:
    result = pema.read_mandates(FIXTURE)
    unmil = [entry.record for entry in result.records if entry.mission == "UNMIL"]
    mission = mm.Mission(
        id="unmil",
        name="UNMIL",
        kind=mm.MissionKind.PEACEKEEPING,
        status=mm.MissionStatus.CLOSED,
        mandates=unmil,
        sources=result.sources,
    )
    assert mm.loads(mm.dumps(mission), mm.Mission) == mission
    assert mm.loads(mm.dumps(mission, format="yaml"), mm.Mission, format="yaml") == mission
    assert mission.mandate_on("2011-03-10") == next(m for m in unmil if m.authority.instrument == "S/RES/1971 (2011)")


# --- the vocabulary -----------------------------------------------------------------------------


def test_the_41_tasks_of_pema_map_onto_the_model() -> None:
    assert len(pema.TASKS) == 41
    assert {name.rsplit("_", 1)[0] for name in TASK_HEADER} == set(pema.TASKS)
    for name, task in pema.TASKS.items():
        for modality in TaskModality:
            column = f"{name}_{modality.value.capitalize()}"
            read = pema.read_mandates(
                io.StringIO(f"Signature,NamePKO,Date2,Mandate_Renewal,{column}\nS/RES/1,X,2000-01-01,0,7\n")
            )
            (detail,) = read.records[0].record.mandated_tasks
            assert (detail.task, detail.modality, detail.paragraphs) == (task, modality, ("7",))
            assert pema.task_name(detail) == name  # nothing lost: PEMA's name comes back from every task


def test_header_names_of_task_columns_do_not_collide_once_normalised() -> None:
    from missionmodel.importers.pema import _LAYOUT

    seen: dict[str, str] = {}
    for canonical, spellings in _LAYOUT.columns.items():
        for spelling in spellings:
            assert seen.setdefault(normalise(spelling), canonical) == canonical, spelling


# --- PEMA's other releases ----------------------------------------------------------------------

# The task columns in the order of the raw table of version 2 (the fixture's header).
V2_TASKS = [name for name in TASK_HEADER if name != "UseOfForce_Security"]

# Version 1.2 (tobiaskauer/peacemandates, src/assets/PEMA_Feb22_v1.2.csv): ``Date`` as dd/mm/YYYY,
# a minor-adjustment flag, ``PartyAssistance`` and ``RefugeesIDPs``, and one ``UseOfForce`` column.
V12_ORDER = [
    "DisarmDemob", "Reintegration", "ControlSALW", "Demil", "ArmsEmbargo", "CivProtect", "HumanRights", "ChildRights",
    "SGBViolence", "PoliceReform", "MilitaryReform", "OffensOper", "JusticeReform", "TransJustice", "CorrectionsReform",
    "BorderControl", "Demining", "Resources", "StateAuthority", "Democratization", "ElectSec", "ElectAssist", "VoterEducation",
    "PartyAssistance", "CivilSociety", "Media", "PublicInfo", "PowerSharing", "Reconcil", "LocalReconcil", "RegReconcil",
    "EcDevelop", "HumanRelief", "PublicHealth", "RefugeesIDPs", "Gender", "LegalReform", "Ceasefire", "PeaceProcess",
    "CulturalHeritage",
]  # fmt: skip
V12_HEADER = [
    "Signature", "NamePKO", "Country", "Year", "Date", "Mandate_Renewal", "Mandate_MinorAdjustment",
    "Mandate_CompleteAdjustment",
    *(f"{task}_{modality}" for task in V12_ORDER for modality in ("Monitor", "Assist", "Security", "Encouraged")),
    "UseOfForce",
]  # fmt: skip
# The website's table (PEMA_For_Website_v4.csv): lower case, the flags before ``date`` (Stata's 13may2003),
# cells naming the resolution that mandates the task, no use-of-force column.
WEBSITE_HEADER = [
    "Signature", "NamePKO", "Country", "Year", "mandate_renewal", "mandate_completeadjustment", "date",
    *(name.lower() for name in V2_TASKS),
]  # fmt: skip
# The mission-month panel (PEMA_panel_v2.csv): ``date3`` (2003m5), task flags 0/1 in columns ending _V3.
PANEL_HEADER = [
    "signature", "namepko", "date3", "date2", "country", "year", "mandate_renewal", "mandate_completeadjustment",
    *(f"{name.lower()}_V3" for name in V2_TASKS), "useofforce_V3",
]  # fmt: skip
# The UN Data Hub's DPO-PEMA, as its column definitions name the columns.
HUB_HEADER = [
    "signature", "namepko", "country", "year", "date", "mandate_renewal", "mandate_completeadjustment",
    *(name.lower() for name in TASK_HEADER), "comments",
]  # fmt: skip


def table(header: list[str], *rows: dict[str, str], empty: str = "") -> io.StringIO:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    for row in rows:
        assert set(row) <= set(header), set(row) - set(header)
        writer.writerow([row.get(name, empty) for name in header])
    return io.StringIO(out.getvalue())


def test_version_1_2() -> None:
    text = table(
        V12_HEADER,
        {"Signature": "S/RES/1990", "NamePKO": "UNISFA", "Country": "Abyei", "Year": "2011", "Date": "27/06/2011",
         "Mandate_Renewal": "0", "Mandate_MinorAdjustment": "0", "Mandate_CompleteAdjustment": "0", "Demil_Monitor": "2a",
         "PartyAssistance_Assist": "2c", "RefugeesIDPs_Assist": "2d", "UseOfForce": "3"},
        {"Signature": "S/RES/2024", "NamePKO": "UNISFA", "Country": "Abyei", "Year": "2011", "Date": "14/12/2011",
         "Mandate_Renewal": "1", "Mandate_MinorAdjustment": "1", "Mandate_CompleteAdjustment": "0",
         "ControlSALW_Monitor": "1b, 1c"},
    )  # fmt: skip
    result = pema.read_mandates(text)
    assert result.report.ok
    first, second = (entry.record for entry in result.records)
    assert first.authority.adopted == PartialDate(year=2011, month=6, day=27)
    assert [(pema.task_name(d), d.modality, d.paragraphs) for d in first.mandated_tasks] == [
        ("Demil", TaskModality.MONITOR, ("2a",)),
        ("PolPartyAssist", TaskModality.ASSIST, ("2c",)),
        ("RefugeeIDPs", TaskModality.ASSIST, ("2d",)),
        ("UseOfForce", TaskModality.SECURITY, ("3",)),
    ]
    assert second.actions == (MandateAction.RENEWS, MandateAction.ADJUSTS)
    assert second.mandated_tasks[0].paragraphs == ("1b", "1c")


def test_the_website_table_with_tasks_carried_over() -> None:
    text = table(
        WEBSITE_HEADER,
        {"Signature": "S/RES/1479", "NamePKO": "MINUCI", "Year": "2003", "mandate_renewal": "0",
         "mandate_completeadjustment": "0", "date": "13may2003",
         "disarmdemob_assist": "Mandated in current resolution in S/RES/1479 paragraph(s) 3"},
        {"Signature": "S/RES/1514", "NamePKO": "MINUCI", "Year": "2003", "mandate_renewal": "1",
         "mandate_completeadjustment": "0", "date": "13nov2003",
         "disarmdemob_assist": "Mandated in previous resolution in S/RES/1479 paragraph(s) 3",
         "civprotect_security": "Mandated in current resolution in S/RES/1514 paragraph(s) 2, 2a"},
    )  # fmt: skip
    result = pema.read_mandates(text)
    assert result.report.ok
    first, second = (entry.record for entry in result.records)
    assert first.authority.adopted == PartialDate(year=2003, month=5, day=13)
    assert first.mandated_tasks == (
        MandatedTask(task=Task.DISARMAMENT, modality=TaskModality.ASSIST, paragraphs=["3"], source_task="DisarmDemob"),
    )
    assert second.mandated_tasks == (
        MandatedTask(
            task=Task.DISARMAMENT, modality=TaskModality.ASSIST, paragraphs=["3"], carried_from="S/RES/1479",
            source_task="DisarmDemob",
        ),
        MandatedTask(task=Task.CIVILIAN_PROTECTION, modality=TaskModality.SECURITY, paragraphs=["2", "2a"]),
    )  # fmt: skip
    assert str(second.mandated_tasks[0]) == "disarmament (as DisarmDemob; assist; paragraph 3; carried over from S/RES/1479)"


def test_the_mission_month_panel_gives_one_record_per_resolution() -> None:
    month = {"namepko": "MINUCI", "date2": "", "country": "Ivory Coast", "year": "2003", "mandate_renewal": "0",
             "mandate_completeadjustment": "0", "disarmdemob_assist_V3": "1", "useofforce_V3": "1"}  # fmt: skip
    text = table(
        PANEL_HEADER,
        {**month, "signature": "S/RES/1479", "date3": "2003m5", "date2": "13-May-03"},
        {**month, "signature": "S/RES/1479", "date3": "2003m6"},
        {**month, "signature": "S/RES/1479", "date3": "2003m7", "useofforce_V3": "0"},
        {**month, "signature": "S/RES/1514", "date3": "2003m11", "date2": "13-Nov-03", "mandate_renewal": "1"},
        {**month, "signature": "S/RES/2350", "namepko": "MINUJUSTH", "date3": "", "year": ""},
        empty="0",
    )
    result = pema.read_mandates(text)
    report = result.report
    assert (report.rows_read, report.rows_taken) == (5, 3)
    assert issues(report.rejected) == [
        (4, None, "gives other tasks or flags for S/RES/1479 than its first month, at line 2"),
        (6, "date2", "is empty, and no year is given: not known when S/RES/2350 was adopted"),
    ]
    assert [(e.row, e.record.authority.instrument, str(e.record.authority.adopted)) for e in result.records] == [
        (2, "S/RES/1479 (2003)", "2003-05-13"),
        (5, "S/RES/1514 (2003)", "2003-11-13"),
    ]
    assert [str(d) for d in result.records[0].record.mandated_tasks] == [
        "disarmament (as DisarmDemob; assist)",
        "use of force (as UseOfForce; security)",
    ]


def test_the_data_hub_table_in_csv_and_json() -> None:
    row = {"signature": "1990", "namepko": "UNISFA", "country": "Abyei", "year": "2011", "date": "2011-06-27",
           "mandate_renewal": "0", "mandate_completeadjustment": "0", "civprotect_security": "3d",
           "useofforce_security": "3", "comments": ""}  # fmt: skip
    from_csv = pema.read_mandates(table(HUB_HEADER, row))
    assert from_csv.report.ok
    document = [{**row, "signature": 1990, "year": 2011, "date": 1309132800000, "mandate_renewal": False,
                 "mandate_completeadjustment": 0, "comments": None}]  # fmt: skip
    from_json = pema.read_mandates(io.StringIO(json.dumps(document)))
    assert from_json.report.format == "PEMA Peacekeeping Mandates (JSON)"
    assert from_json.report.ok
    assert [e.record for e in from_json.records] == [e.record for e in from_csv.records]
    assert from_csv.records[0].record.authority.instrument == "S/RES/1990 (2011)"


# --- rows and headers that are wrong ------------------------------------------------------------

HEADER = "Signature,NamePKO,Year,Date2,Mandate_Renewal,Mandate_CompleteAdjustment,CivProtect_Monitor,CivProtect_Security\n"


def test_a_header_without_the_columns_read_is_a_format_error() -> None:
    with pytest.raises(FormatError, match=r"missing column\(s\) 'Mandate_Renewal'"):
        pema.read_mandates(io.StringIO("Signature,NamePKO,Year,CivProtect_Monitor\n"))
    with pytest.raises(FormatError, match="<stream>: the header has none of PEMA's task columns"):
        pema.read_mandates(io.StringIO("Signature,NamePKO,Mandate_Renewal,Troops\nS/RES/1,X,0,5\n"))


def test_bad_rows_are_rejected_with_their_reasons() -> None:
    text = HEADER + (
        "S/RES/1990,UNISFA,2011,27-Jun-11,0,0,,3d\n"
        "Resolution 1991,UNISFA,2011,,1,0,2,\n"
        "S/RES/x,UNISFA,2011,27-Jun-11,0,0,,\n"
        ",UNISFA,2011,27-Jun-11,0,0,,\n"
        "S/RES/1992 (2012),UNISFA,2011,,0,0,,\n"
        "S/RES/1993,,2011,27-Jun-11,0,0,,\n"
        "S/RES/1994,UNISFA,2011,31-Feb-11,maybe,0,,\n"
        "S/RES/1995,UNISFA,2011,27-Jun-11,1.0,0,,\n"
    )
    result = pema.read_mandates(io.StringIO(text))
    assert issues(result.report.rejected) == [
        (4, "Signature", "must be a resolution symbol such as 'S/RES/1990' or 'S/RES/1990 (2011)' (got 'S/RES/x')"),
        (5, "Signature", "is empty"),
        (6, "Signature", "gives the year 2012, but the resolution is dated 2011: the file contradicts itself"),
        (7, "NamePKO", "is empty"),
        (8, "Mandate_Renewal", "must be 0 or 1 (got 'maybe')"),
        (8, "Date2", "is not a real date (got '31-Feb-11': day is out of range for month)"),
    ]
    assert issues(result.report.warnings) == [
        (3, "Date2", "is empty: took the year of adoption, 2011, from Year"),
        (9, "Mandate_Renewal", "read '1.0' as 1"),
    ]
    assert [(e.row, e.record.authority.instrument) for e in result.records] == [
        (2, "S/RES/1990 (2011)"),
        (3, "S/RES/1991 (2011)"),
        (9, "S/RES/1995 (2011)"),
    ]


def test_a_repeated_row_is_kept_once_and_a_different_coding_twice() -> None:
    text = HEADER + (
        "S/RES/1990,UNISFA,2011,27-Jun-11,0,0,,3d\n"
        "S/RES/1990,UNISFA,2011,27-Jun-11,0,0,,3d\n"
        "S/RES/1990,UNMISS,2011,27-Jun-11,0,0,,3d\n"
        "S/RES/1990 (2011),UNISFA,2011,27-Jun-11,0,0,2,3d\n"
    )
    result = pema.read_mandates(io.StringIO(text))
    assert result.report.rows_taken == 4
    assert [(e.row, e.mission) for e in result.records] == [(2, "UNISFA"), (4, "UNMISS"), (5, "UNISFA")]
    assert issues(result.report.warnings) == [
        (3, "Signature", "repeats line 2 (S/RES/1990 of UNISFA): one record kept"),
        (2, "Signature", "S/RES/1990 of UNISFA is coded again at line 5, differently: both codings kept, as separate records"),
        (5, "Signature", "codes S/RES/1990 of UNISFA again, differently from line 2: both codings kept, as separate records"),
    ]


def test_a_task_column_this_reader_does_not_know_is_reported_where_set() -> None:
    text = "Signature,NamePKO,Date2,Mandate_Renewal,CivProtect_Monitor,Piracy_Monitor,Notes\n"
    text += "S/RES/1,X,2000-01-01,0,1,,any\nS/RES/2,X,2000-02-01,0,,4,\n"
    result = pema.read_mandates(io.StringIO(text))
    assert result.report.rows_taken == 2
    assert issues(result.report.warnings) == [
        (3, "Piracy_Monitor", "not read: not one of the PEMA task columns that this reader knows")
    ]


def test_tasks_coded_as_flags_have_no_paragraphs() -> None:
    text = HEADER + "S/RES/1,X,2000,,0,0,0,1\nS/RES/2,X,2000,,0,0,,1\n"
    first, second = (e.record for e in pema.read_mandates(io.StringIO(text)).records)
    assert first.mandated_tasks == (MandatedTask(task=Task.CIVILIAN_PROTECTION, modality=TaskModality.SECURITY),)
    # without a 0 in the row, 1 is paragraph 1
    assert second.mandated_tasks == (
        MandatedTask(task=Task.CIVILIAN_PROTECTION, modality=TaskModality.SECURITY, paragraphs=["1"]),
    )


def test_encouraged_tasks_are_details_but_not_tasks_given() -> None:
    text = "Signature,NamePKO,Date2,Mandate_Renewal,Gender_Encouraged,Gender_Assist,ChildRights_Encouraged\n"
    text += "S/RES/1,X,2000-01-01,1,5,,6\nS/RES/2,X,2000-02-01,1,5,7,\n"
    first, second = (e.record for e in pema.read_mandates(io.StringIO(text)).records)
    assert first.tasks == () and [d.requested for d in first.mandated_tasks] == [False, False]
    assert second.tasks == (Task.GENDER,)


# --- generated rows -----------------------------------------------------------------------------

REFERENCE = st.from_regex(re.compile(r"(p\.)?[1-9][0-9]?( ?[a-h])?", re.ASCII), fullmatch=True)


@st.composite
def pema_rows(draw: st.DrawFn) -> dict[str, str]:
    row = {
        "Signature": f"S/RES/{draw(st.integers(1, 2800))}",
        "NamePKO": draw(st.sampled_from(["UNISFA", "MONUSCO", "UNAVEM II"])),
        "Year": "2001",
        "Date2": draw(st.sampled_from(["05-Mar-01", "5 March 2001", "2001-03-05", ""])),
        "Mandate_Renewal": draw(st.sampled_from(["0", "1"])),
        "Mandate_CompleteAdjustment": draw(st.sampled_from(["0", "1"])),
    }
    for name in draw(st.lists(st.sampled_from(TASK_HEADER), max_size=8, unique=True)):
        references = draw(st.lists(REFERENCE, min_size=1, max_size=3, unique=True))
        if len({ref.startswith("p") for ref in references}) > 1:
            references = [ref.removeprefix("p.") for ref in references]
        row[name] = ", ".join(references)
    return row


@given(st.lists(pema_rows(), max_size=12))
def test_generated_rows_give_one_task_per_set_cell_with_its_paragraphs(rows: list[dict[str, str]]) -> None:
    result = pema.read_mandates(table(RAW_HEADER, *rows))
    report = result.report
    assert report.rows_read == report.rows_taken == len(rows) and not report.rejected
    kept = {entry.row: entry for entry in result.records}
    for line, row in enumerate(rows, start=2):
        if line not in kept:  # a repeat of an earlier row, reconciled with a warning
            assert any(w.row == line and w.message.startswith("repeats line") for w in report.warnings)
            continue
        mandate = kept[line].record
        expected = {
            (name.rsplit("_", 1)[0], MODALITIES[name.rsplit("_", 1)[1]]): tuple(row[name].split(", "))
            for name in TASK_HEADER
            if name in row
        }
        assert details(mandate) == expected
        assert mandate.authority.instrument == f"{row['Signature']} (2001)"
        assert mandate.authority.adopted == (
            PartialDate(year=2001) if not row["Date2"] else PartialDate(year=2001, month=3, day=5)
        )
        assert (MandateAction.RENEWS in mandate.actions) == (row["Mandate_Renewal"] == "1")
        assert mm.loads(mm.dumps(mandate), mm.Mandate) == mandate
