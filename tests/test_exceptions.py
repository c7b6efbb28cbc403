import pickle

from missionmodel import ErrorDetail, FormatError, MissionModelError, ValidationError


def test_error_detail_str_and_under():
    detail = ErrorDetail(path="strength", message="must not be negative (got -1)")
    assert str(detail) == "strength: must not be negative (got -1)"
    assert detail.under("contributions[2]").path == "contributions[2].strength"
    assert ErrorDetail(path="[0]", message="m").under("sources").path == "sources[0]"
    assert ErrorDetail(path="", message="m").under("lead").path == "lead"
    assert str(ErrorDetail(path="", message="m")) == "$: m"


def test_validation_error_lists_every_problem():
    error = ValidationError([ErrorDetail(path="a", message="one"), ErrorDetail(path="b", message="two")], subject="Mission")
    assert str(error) == "Mission has 2 problems:\n  a: one\n  b: two"
    assert isinstance(error, ValueError)
    assert isinstance(error, MissionModelError)
    assert str(ValidationError([ErrorDetail(path="a", message="one")])) == "1 problem found:\n  a: one"


def test_validation_error_pickles():
    error = ValidationError([ErrorDetail(path="a", message="one")], subject="Mission")
    copy = pickle.loads(pickle.dumps(error))
    assert copy.errors == error.errors
    assert str(copy) == str(error)


def test_format_error_carries_position():
    error = FormatError("bad", line=3, column=4)
    assert (error.line, error.column, str(error)) == (3, 4, "bad")
    assert isinstance(error, ValueError)
