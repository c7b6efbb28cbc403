"""Budgets: one reported figure for one fiscal period, kept as reported, with the document that decided it."""

from __future__ import annotations

import pytest
from hypothesis import given

import missionmodel as mm
from missionmodel import Budget, BudgetKind, Vote, testing
from missionmodel.budget import check_currency
from missionmodel.exceptions import ErrorDetail


def problems(make) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    with pytest.raises(mm.ValidationError) as caught:
        make()
    return [(error.path, error.message) for error in caught.value.errors]


def test_a_budget_figure() -> None:
    budget = Budget(start="1997-07-01", end="1998-06-30", kind=BudgetKind.APPROVED, amount=120_860_700, net=True,
                    decided_by="A/RES/51/233", decided="1997-06-13", vote=Vote(unanimous=True), sources=["a-51-233"])  # fmt: skip
    assert budget.currency == "USD" and budget.net and not budget.approximate and budget.disputes is None
    assert str(budget) == "USD 120,860,700 net approved for 1997-07-01 to 1998-06-30"
    assert mm.to_dict(budget) == {
        "start": "1997-07-01",
        "end": "1998-06-30",
        "kind": "approved",
        "amount": 120860700,
        "net": True,
        "decided_by": "A/RES/51/233",
        "decided": "1997-06-13",
        "vote": {"unanimous": True},
        "sources": ["a-51-233"],
    }
    unknown = Budget(start="2010-07-01", end="2011-06-30", kind=BudgetKind.PROPOSED, unconfirmed=True)
    assert str(unknown) == "amount not reported proposed for 2010-07-01 to 2011-06-30 (unconfirmed)"
    about = Budget(start="2006", end="2007", kind=BudgetKind.SPENT, amount=487_000_000, approximate=True)
    assert str(about) == "about USD 487,000,000 spent for 2006 to 2007"


def test_the_rules_of_a_budget() -> None:
    assert problems(
        lambda: Budget(
            id="b", start="2011-06-30", end="2010-07-01", kind=BudgetKind.APPROVED, amount=-1, currency="usd", disputes="b"
        )
    ) == [
        ("end", "'end' (2010-07-01) is before 'start' (2011-06-30)"),
        ("amount", "'amount' must not be negative (got -1)"),
        (
            "currency",
            "'currency' must be an ISO 4217 code of three capital letters, such as 'USD' (got 'usd'); did you mean 'USD'?",
        ),
        ("disputes", "'disputes' names the record's own id ('b')"),
    ]
    assert "currency" not in mm.to_dict(Budget(start="2010", end="2011", kind=BudgetKind.SPENT))  # USD, the default
    assert problems(lambda: mm.from_dict({"start": "2010", "kind": "approved"}, Budget)) == [("end", "'end' is required")]
    assert problems(lambda: mm.from_dict({"start": "2010", "end": "2011", "kind": "appropriated"}, Budget)) == [
        (
            "kind",
            "'kind' must be one of 'proposed', 'approved', 'spent' (got 'appropriated' that is a str); did you mean 'approved'?",
        )
    ]


@pytest.mark.parametrize(
    ("value", "hint"),
    [("USD", None), ("EUR", None), ("usd", "'USD'"), ("Usd", "'USD'"), ("US", None), ("USDX", None), ("$", None), ("€", None)],
)
def test_a_currency_is_three_capital_letters_and_a_wrong_case_is_corrected(value: str, hint: str | None) -> None:
    found: list[ErrorDetail] = []
    check_currency(value, "currency", found)
    if len(value) == 3 and value.isupper() and value.isascii():
        assert found == []
        return
    [problem] = found
    assert problem.path == "currency" and "ISO 4217" in problem.message
    assert problem.message.endswith(f"; did you mean {hint}?") if hint else "did you mean" not in problem.message


@given(testing.budgets())
def test_generated_budgets_round_trip(budget: Budget) -> None:
    assert mm.from_dict(mm.to_dict(budget), Budget) == budget
    text = mm.dumps(budget)
    assert mm.loads(text, Budget) == budget and mm.dumps(mm.loads(text, Budget)) == text
    yaml_text = mm.dumps(budget, format="yaml")
    assert mm.loads(yaml_text, Budget, format="yaml") == budget
    assert mm.dumps(mm.loads(yaml_text, Budget, format="yaml"), format="yaml") == yaml_text
    assert budget.kind.value in str(budget)


@given(testing.currencies())
def test_generated_currencies_are_accepted(currency: str) -> None:
    assert Budget(start="2020", end="2021", kind=BudgetKind.APPROVED, currency=currency).currency == currency


def test_conflicting_figures_are_kept_side_by_side() -> None:
    first = Budget(id="appropriation", start="2006-07-01", end="2007-06-30", kind=BudgetKind.APPROVED, amount=487_000_000,
                   decided="2006-06-30")  # fmt: skip
    second = Budget(start="2006-07-01", end="2007-06-30", kind=BudgetKind.APPROVED, amount=500_000_000,
                    decided="2006-06-01", disputes="appropriation")  # fmt: skip
    mission = mm.Mission(id="m", name="M", kind=mm.MissionKind.PEACEKEEPING, status=mm.MissionStatus.ACTIVE,
                         budgets=[first, second])  # fmt: skip
    assert mission.budgets == (first, second)
    assert mission.as_of("2006-08").budgets == (first, second)
    # Before the figure it disputes was decided, an alternative account of it is not known either.
    assert mission.as_of("2006-06-15").budgets == ()
    assert mission.as_of("2006-05").budgets == ()
