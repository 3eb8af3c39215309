"""require_tool: a missing tool skips the test here and fails it under CI=true."""

import sys

import pytest

from testing.tools import in_ci, require_tool, unavailable

MISSING = "plan-tracker-no-such-tool"


@pytest.fixture
def local(monkeypatch):
    monkeypatch.delenv("CI", raising=False)


@pytest.fixture
def ci(monkeypatch):
    monkeypatch.setenv("CI", "true")


def test_a_missing_tool_skips_locally_saying_what_to_install(local):
    with pytest.raises(pytest.skip.Exception, match=f"{MISSING} not found \\(apt-get install it\\)"):
        require_tool(MISSING, install="apt-get install it")


@pytest.mark.parametrize("value", ["false", "", "0"])
def test_ci_other_than_true_still_skips(monkeypatch, value):
    monkeypatch.setenv("CI", value)
    assert not in_ci()
    with pytest.raises(pytest.skip.Exception):
        require_tool(MISSING)


def test_a_missing_tool_fails_under_ci(ci):
    with pytest.raises(pytest.fail.Exception, match=f"{MISSING} not found.*Under CI=true .* must run"):
        require_tool(MISSING)


def test_true_in_any_case_is_ci(monkeypatch):
    monkeypatch.setenv("CI", "True")
    assert in_ci()
    with pytest.raises(pytest.fail.Exception):
        unavailable("Playwright for Python is not installed")


def test_one_missing_tool_of_several_is_named(local):
    with pytest.raises(pytest.skip.Exception, match=f"^{MISSING} not found$"):
        require_tool("sh", MISSING)


@pytest.mark.parametrize("env", ["local", "ci"])
def test_a_present_tool_gives_its_path(request, env):
    request.getfixturevalue(env)
    assert require_tool("sh").endswith("/sh")
    assert [p.rsplit("/", 1)[1] for p in require_tool("sh", "env")] == ["sh", "env"]
    assert require_tool("Python", path=sys.executable) == sys.executable


def test_a_path_that_is_not_there_is_named(local, tmp_path):
    where = str(tmp_path / "chromium")
    with pytest.raises(pytest.skip.Exception, match=f"Chromium at {where} not found"):
        require_tool("Chromium", path=where)
