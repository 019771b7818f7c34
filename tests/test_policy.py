"""Loading the check policy from pyproject.toml / .timeline.toml, command-line overrides, durations."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from timeline.config import CheckPolicy
from timeline.errors import UsageError
from timeline.policy import load_policy, parse_duration

DATA = Path(__file__).parent / "data" / "check"
DEFAULT_FAIL_ON = {"undated-article", "undated-event", "interval", "unreadable-article"}


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A repository root (the policy search stops at its .git) with an articles/ folder."""
    root = tmp_path / "repo"
    (root / ".git").mkdir(parents=True)
    (root / "articles" / "2022").mkdir(parents=True)
    return root


def place(fixture: str, where: Path, name: str) -> Path:
    target = where / name
    shutil.copyfile(DATA / fixture, target)
    return target


# -- durations ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("3d", 3),
        ("2w", 14),
        ("1m", 30),
        ("1y", 365),
        ("0d", 0),
        ("10", 10),
        (" 4D ", 4),
        ("2 weeks", 14),
        ("1 day", 1),
        ("3 months", 90),
    ],
)
def test_parse_duration(text: str, days: int):
    assert parse_duration(text) == days


@pytest.mark.parametrize("text", ["", "d", "three days", "-3d", "1.5w", "3x", "3 fortnights", "w2"])
def test_parse_duration_rejects_nonsense(text: str):
    with pytest.raises(UsageError, match="invalid duration"):
        parse_duration(text)


# -- finding and reading the policy file --------------------------------------------------------------


def test_no_policy_file_gives_the_defaults(repo: Path):
    policy = load_policy(repo / "articles", {})
    assert policy == CheckPolicy()
    assert policy.fail_on == DEFAULT_FAIL_ON and not policy.strict and policy.source is None


def test_pyproject_tool_timeline_is_found_walking_up(repo: Path):
    pyproject = place("pyproject-policy.toml", repo, "pyproject.toml")
    policy = load_policy(repo / "articles" / "2022", {})
    assert policy.max_gap_days == 3
    assert policy.fail_on == {"undated-article", "interval"}
    assert policy.strict is True
    assert policy.since == date(2022, 2, 1)  # TOML date literal
    assert policy.until == date(2022, 2, 28)  # date string
    assert policy.source == str(pyproject.resolve())


def test_timeline_toml_is_found_and_wins_over_pyproject_in_the_same_directory(repo: Path):
    place("pyproject-policy.toml", repo, "pyproject.toml")
    place("timeline-policy.toml", repo, ".timeline.toml")
    policy = load_policy(repo / "articles", {})
    assert policy.max_gap_days == 14
    assert policy.fail_on == {"undated-event"}
    assert policy.strict is False and policy.since is None  # nothing merged from pyproject.toml


def test_the_nearest_policy_file_wins(repo: Path):
    place("timeline-policy.toml", repo, ".timeline.toml")
    place("pyproject-policy.toml", repo / "articles", "pyproject.toml")
    assert load_policy(repo / "articles" / "2022", {}).max_gap_days == 3
    assert load_policy(repo, {}).max_gap_days == 14


def test_pyproject_without_tool_timeline_is_skipped(repo: Path):
    place("timeline-policy.toml", repo, ".timeline.toml")
    (repo / "articles" / "pyproject.toml").write_text(
        '[project]\nname = "x"\n\n[tool.ruff]\nline-length = 90\n'
    )
    assert load_policy(repo / "articles", {}).max_gap_days == 14


def test_the_search_stops_at_the_repository_root(repo: Path):
    place("timeline-policy.toml", repo.parent, ".timeline.toml")  # outside the repository
    assert load_policy(repo / "articles", {}) == CheckPolicy()


def test_a_file_path_searches_from_its_directory(repo: Path):
    place("timeline-policy.toml", repo, ".timeline.toml")
    article = repo / "articles" / "one.txt"
    article.write_text("text")
    assert load_policy(article, {}).max_gap_days == 14


def test_empty_fail_on_fails_on_nothing_but_strict_kinds(repo: Path):
    (repo / ".timeline.toml").write_text("fail-on = []\nstrict = true\nmax-gap = 5\n")
    policy = load_policy(repo, {})
    assert policy.fail_on == set() and policy.strict and policy.max_gap_days == 5


def test_month_values_for_since_and_until_cover_the_whole_month(repo: Path):
    (repo / ".timeline.toml").write_text('since = "2022-02"\nuntil = "2022-02"\n')
    policy = load_policy(repo, {})
    assert (policy.since, policy.until) == (date(2022, 2, 1), date(2022, 2, 28))


# -- an explicit policy file (--config) ----------------------------------------------------------------


def test_config_file_replaces_the_search(repo: Path, tmp_path: Path):
    place("pyproject-policy.toml", repo, "pyproject.toml")  # would be found by the search
    chosen = place("timeline-policy.toml", tmp_path, "ci-policy.toml")
    policy = load_policy(repo / "articles", {}, config_file=chosen)
    assert policy.max_gap_days == 14 and policy.fail_on == {"undated-event"}
    assert policy.source == str(chosen)


def test_config_file_may_be_a_pyproject(repo: Path, tmp_path: Path):
    chosen = place("pyproject-policy.toml", tmp_path, "pyproject.toml")
    assert load_policy(repo, {}, config_file=chosen).max_gap_days == 3
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n')
    with pytest.raises(UsageError, match=r"pyproject\.toml: no \[tool\.timeline\] table"):
        load_policy(repo, {}, config_file=chosen)


def test_missing_config_file_is_a_usage_error(repo: Path):
    with pytest.raises(UsageError, match="no such policy file"):
        load_policy(repo, {}, config_file=repo / "nope.toml")


# -- command-line overrides ---------------------------------------------------------------------------


def test_command_line_overrides_win_over_the_file(repo: Path):
    place("pyproject-policy.toml", repo, "pyproject.toml")
    overrides = {"max_gap": "1w", "fail_on": "undated-event,conflict", "strict": False, "until": "2022-03-15"}
    policy = load_policy(repo / "articles", overrides)
    assert policy.max_gap_days == 7
    assert policy.fail_on == {"undated-event", "conflict"}
    assert policy.strict is False
    assert policy.since == date(2022, 2, 1)  # not overridden: from the file
    assert policy.until == date(2022, 3, 15)


def test_overrides_given_as_none_are_not_given(repo: Path):
    place("pyproject-policy.toml", repo, "pyproject.toml")
    policy = load_policy(repo, {"max-gap": None, "strict": None, "since": None, "fail-on": None})
    assert policy.max_gap_days == 3 and policy.strict is True and policy.since == date(2022, 2, 1)


def test_overrides_accept_parsed_values(repo: Path):
    policy = load_policy(
        repo, {"max_gap_days": 10, "since": date(2022, 1, 1), "fail_on": {"interval"}, "strict": True}
    )
    assert policy == CheckPolicy(max_gap_days=10, since=date(2022, 1, 1), fail_on={"interval"}, strict=True)


# -- errors name the file and the key -----------------------------------------------------------------


def test_unknown_key_is_a_usage_error_naming_file_and_key(repo: Path):
    policy_file = place("bad-key-policy.toml", repo, ".timeline.toml")
    with pytest.raises(UsageError) as error:
        load_policy(repo / "articles", {})
    assert str(policy_file.resolve()) in str(error.value) and "'max_gaps'" in str(error.value)


def test_unknown_key_in_pyproject_names_the_table(repo: Path):
    (repo / "pyproject.toml").write_text('[tool.timeline]\nmaxgap = "3d"\n')
    with pytest.raises(UsageError, match=r"pyproject\.toml \[tool\.timeline\]: unknown key 'maxgap'"):
        load_policy(repo, {})


def test_bad_value_is_a_usage_error_naming_file_and_key(repo: Path):
    place("bad-value-pyproject.toml", repo, "pyproject.toml")
    with pytest.raises(UsageError, match=r"pyproject\.toml \[tool\.timeline\]: max-gap: invalid duration"):
        load_policy(repo, {})


@pytest.mark.parametrize(
    ("toml", "key"),
    [
        ('fail-on = ["undated-article", "gaps"]', "fail-on"),
        ('fail-on = "interval"', None),  # a string is read as a comma list: accepted
        ('strict = "sometimes"', "strict"),
        ('since = "last week"', "since"),
        ("until = 3", "until"),
        ("max-gap = true", "max-gap"),
        ("max-gap = -1", "max-gap"),
    ],
)
def test_bad_values_of_every_key(repo: Path, toml: str, key: str | None):
    (repo / ".timeline.toml").write_text(toml + "\n")
    if key is None:
        load_policy(repo, {})
        return
    with pytest.raises(UsageError, match=rf"\.timeline\.toml: {key}: "):
        load_policy(repo, {})


def test_bad_override_names_the_option(repo: Path):
    with pytest.raises(UsageError, match="--max-gap: invalid duration"):
        load_policy(repo, {"max_gap": "soon"})
    with pytest.raises(UsageError, match="--fail-on: unknown gap kind 'holes'"):
        load_policy(repo, {"fail_on": "interval,holes"})


def test_since_after_until_is_a_usage_error(repo: Path):
    (repo / ".timeline.toml").write_text('since = "2022-03-01"\n')
    with pytest.raises(UsageError, match="after"):
        load_policy(repo, {"until": "2022-02-01"})


def test_invalid_toml_is_a_usage_error_naming_the_file(repo: Path):
    (repo / ".timeline.toml").write_text("max-gap = \n")
    with pytest.raises(UsageError, match=r"\.timeline\.toml: cannot read policy"):
        load_policy(repo, {})
