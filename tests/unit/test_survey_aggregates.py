"""Survey aggregates with small-number suppression (security.md, Small numbers): a group
below the tenant's minimum (never below 5) is hidden together with enough other cells that
the tenant total minus the groups shown never gives it back."""

from __future__ import annotations

import random
from collections.abc import Mapping

import pytest

from tests.unit.survey_fixtures import scores_of, who5
from workwell.domain.survey.aggregates import (
    NO_GROUP,
    CellCounts,
    PublishedCell,
    PublishedPeriod,
    effective_minimum,
    publish_period,
)
from workwell.domain.survey.instruments import Dimension
from workwell.domain.survey.periods import parse_period
from workwell.domain.survey.scoring import score_answers

PERIOD = parse_period("2026-Q4")
GROUPS = ["varhaiskasvatus", "hallinto", "opetus"]
W, WA = Dimension.WELLBEING, Dimension.WORK_ABILITY


def cell(respondents: int, wellbeing_mean: int = 60, work_ability_mean: int = 7) -> CellCounts:
    return CellCounts(respondents, {W: respondents * wellbeing_mean, WA: respondents * work_ability_mean})


def by_group(published: PublishedPeriod) -> dict[str | None, PublishedCell]:
    return {c.group: c for c in published.groups}


def test_one_response_adds_its_scores_and_nothing_else() -> None:
    scores = scores_of(was_1=9)
    one = CellCounts.one(scores)
    assert one.respondents == 1
    assert dict(one.sums) == {s.dimension: s.score for s in scores.scores}
    both = one.plus(CellCounts.one(score_answers(who5(1, 1, 1, 1, 1))))
    assert both.respondents == 2
    assert both.sums[W] == 60 + 20
    assert both.sums[WA] == 9 + 7
    assert CellCounts.empty().plus(one) == one


@pytest.mark.parametrize(("setting", "minimum"), [(0, 5), (1, 5), (4, 5), (5, 5), (6, 6), (20, 20)])
def test_the_minimum_is_never_below_5(setting: int, minimum: int) -> None:
    assert effective_minimum(setting) == minimum


def test_all_groups_large_enough_are_shown_with_their_means() -> None:
    counts = {
        "varhaiskasvatus": cell(10, 60, 8),
        "hallinto": CellCounts(6, {W: 6 * 40 + 8, WA: 40}),
        "opetus": cell(5, 80, 9),
    }
    published = publish_period(PERIOD, counts, GROUPS, 5)
    assert published.period == PERIOD
    assert published.total == PublishedCell(
        None, 21, {W: round((600 + 248 + 400) / 21, 1), WA: round((80 + 40 + 45) / 21, 1)}, None
    )
    assert published.groups == (
        PublishedCell("varhaiskasvatus", 10, {W: 60.0, WA: 8.0}, None),
        PublishedCell("hallinto", 6, {W: 41.3, WA: 6.7}, None),
        PublishedCell("opetus", 5, {W: 80.0, WA: 9.0}, None),
    )


def test_a_group_of_4_is_hidden_with_a_complementary_cell() -> None:
    counts = {"varhaiskasvatus": cell(20), "hallinto": cell(4, 20), "opetus": cell(12)}
    published = publish_period(PERIOD, counts, GROUPS, 5)
    groups = by_group(published)
    assert groups["hallinto"] == PublishedCell("hallinto", None, None, "small")
    # The smallest other group is hidden too: 36 - 20 = 16 is hallinto and opetus together.
    assert groups["opetus"] == PublishedCell("opetus", None, None, "complementary")
    assert groups["varhaiskasvatus"].respondents == 20
    assert published.total.respondents == 36
    assert NO_GROUP not in groups


def test_the_tenants_minimum_setting_is_used_above_5() -> None:
    counts = {"varhaiskasvatus": cell(20), "hallinto": cell(7), "opetus": cell(9)}
    assert publish_period(PERIOD, counts, GROUPS, 5).groups[1].suppressed is None
    groups = by_group(publish_period(PERIOD, counts, GROUPS, 8))
    assert groups["hallinto"].suppressed == "small"
    assert groups["opetus"].suppressed == "complementary"


def test_a_setting_below_5_still_hides_a_group_of_4() -> None:
    counts = {"varhaiskasvatus": cell(20), "hallinto": cell(4), "opetus": cell(12)}
    assert by_group(publish_period(PERIOD, counts, GROUPS, 3))["hallinto"].suppressed == "small"


def test_a_total_below_the_minimum_is_hidden_and_so_is_every_group_in_it() -> None:
    counts = {"varhaiskasvatus": cell(3), "opetus": cell(1)}
    published = publish_period(PERIOD, counts, GROUPS, 5)
    assert published.total == PublishedCell(None, None, None, "small")
    assert published.groups == (
        PublishedCell("varhaiskasvatus", None, None, "small"),
        # Zero is shown: a fixed partition says nothing by being empty.
        PublishedCell("hallinto", 0, None, None),
        PublishedCell("opetus", None, None, "small"),
    )


def test_nobody_answered() -> None:
    published = publish_period(PERIOD, {}, GROUPS, 5)
    assert published.total == PublishedCell(None, 0, None, None)
    assert published.groups == tuple(PublishedCell(g, 0, None, None) for g in GROUPS)


def test_people_without_a_group_come_last_and_only_when_there_are_any() -> None:
    counts = {"varhaiskasvatus": cell(20), NO_GROUP: cell(6), "opetus": cell(12)}
    published = publish_period(PERIOD, counts, GROUPS, 5)
    assert [c.group for c in published.groups] == [*GROUPS, NO_GROUP]
    assert published.groups[-1].respondents == 6
    assert published.total.respondents == 38


def test_a_group_removed_from_the_settings_keeps_its_own_row_after_todays_groups() -> None:
    counts = {"varhaiskasvatus": cell(20), "poistettu": cell(2), NO_GROUP: cell(1), "opetus": cell(12)}
    published = publish_period(PERIOD, counts, GROUPS, 5)
    assert [c.group for c in published.groups] == [*GROUPS, "poistettu", NO_GROUP]
    assert published.total.respondents == 35
    groups = by_group(published)
    assert groups["poistettu"].suppressed == "small"
    assert groups[NO_GROUP].suppressed == "small"
    assert groups["hallinto"] == PublishedCell("hallinto", 0, None, None)


def cells_by_group(published: PublishedPeriod) -> dict[str | None, PublishedCell]:
    return {c.group: c for c in published.groups if c.respondents != 0}


def test_removing_a_group_publishes_the_same_figures_so_two_readings_subtract_to_nothing() -> None:
    # The reviewer's case: A=10 shown, B=6 and the people without a group (3) hidden. Had
    # removing A folded it into "-", the second reading would show "-" = 13 and give back 3.
    counts = {"a": cell(10, 60), "b": cell(6, 50), NO_GROUP: cell(3, 20)}
    before = publish_period(PERIOD, counts, ["a", "b"], 5)
    after = publish_period(PERIOD, counts, ["b"], 5)
    assert by_group(before)[NO_GROUP].respondents is None
    assert before.total == after.total
    assert cells_by_group(before) == cells_by_group(after)


def test_neither_the_order_of_groups_nor_a_new_group_changes_what_is_hidden() -> None:
    counts = {"a": cell(3), "b": cell(7), "c": cell(7), "d": cell(30)}
    first = publish_period(PERIOD, counts, ["a", "b", "c", "d"], 5)
    for groups in (["d", "c", "b", "a"], ["c", "a", "d", "b", "new"]):
        again = publish_period(PERIOD, counts, groups, 5)
        assert cells_by_group(again) == cells_by_group(first)
        assert again.total == first.total


def test_groups_must_be_unique_and_never_the_no_group_key() -> None:
    with pytest.raises(ValueError, match="unique"):
        publish_period(PERIOD, {}, ["opetus", "opetus"], 5)
    with pytest.raises(ValueError, match="not an employee group"):
        publish_period(PERIOD, {}, ["opetus", NO_GROUP], 5)


def hidden_groups(published: PublishedPeriod) -> list[str | None]:
    return [c.group for c in published.groups if c.respondents is None]


def check_published(counts: Mapping[str, CellCounts], groups: list[str], setting: int) -> None:
    published = publish_period(PERIOD, counts, groups, setting)
    minimum = effective_minimum(setting)
    true = {g: counts.get(g, CellCounts.empty()).respondents for g in [*groups, NO_GROUP]}
    total = sum(true.values())
    shown = by_group(published)
    for group, n in true.items():
        if group == NO_GROUP and n == 0 and group not in shown:
            continue
        published_cell = shown[group]
        if 0 < n < minimum:
            assert published_cell.suppressed == "small"
        elif published_cell.respondents is None:
            assert published_cell.suppressed == "complementary"
            assert published_cell.means is None
        else:
            assert published_cell.respondents == n
            assert published_cell.suppressed is None
    if published.total.respondents is not None:
        assert published.total.respondents == total
        hidden = hidden_groups(published)
        # total - (groups shown) is the sum of the hidden groups: never a single one.
        assert len(hidden) != 1
        remainder = total - sum(c.respondents or 0 for c in published.groups)
        assert remainder == sum(true[g] for g in hidden if g is not None)
    else:
        assert 0 < total < minimum or len(hidden_groups(published)) >= 2


def test_no_published_numbers_give_back_a_single_hidden_group() -> None:
    generator = random.Random(20261204)
    for _ in range(500):
        groups = [f"g{i}" for i in range(generator.randint(1, 6))]
        counts = {
            group: cell(generator.choice([0, 0, 1, 2, 3, 4, 5, 6, 9, 15, 40]))
            for group in [*groups, NO_GROUP]
            if generator.random() < 0.85
        }
        check_published(counts, groups, generator.choice([1, 5, 7]))
