"""The wellbeing survey's routes end to end (api.md, Wellbeing survey): JWT in, JSON out,
through the template's routes, on the demo tenants. Vaala's employee group
`varhaiskasvatus` is in the tray's rollout and Vaala shares Oulunkaari's region group, so
her recommendations can point at Oulunkaari's shared community service."""

from __future__ import annotations

import json
import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

import boto3
import pytest

from infra.local.aws_resources import LOCAL_REGION
from infra.local.function_host import FunctionHost
from infra.local.local_tokens import DemoIdentity, LocalTokenIssuer
from tests.conftest import Caller, json_body
from tests.unit.fakes import FixedClock
from tests.unit.survey_fixtures import LOW_SUPPORT

EMPLOYEE = "vaala-employee-1"
OTHERS_WITH_ROLES = ("vaala-coordinator-1", "vaala-hrdir-1", "vaala-admin-1", "vaala-safetymgr-1")

THRIVING = {**LOW_SUPPORT, **{f"who5_{i}": 5 for i in range(1, 6)}, "osss3_1": 4, "osss3_2": 5, "osss3_3": 5}


def key() -> dict[str, str]:
    return {"Idempotency-Key": uuid.uuid4().hex}


def answer(
    caller: Any, answers: dict[str, int], screening: str | None = "no", **headers: str
) -> dict[str, Any]:
    response = caller.request(
        "POST", "/survey/responses", {"answers": answers, "screening": screening}, headers or key()
    )
    assert response.status_code == 201, response.body
    return dict(json_body(response))


def scores_of(result: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {s["dimension"]: s for s in result["scores"]}


def raw_dump(table: str) -> list[dict[str, Any]]:
    client = boto3.client("dynamodb", region_name=LOCAL_REGION)
    items: list[dict[str, Any]] = []
    for page in client.get_paginator("scan").paginate(TableName=table):
        items.extend(page["Items"])
    return items


def test_the_survey_shows_validated_instruments_only_in_their_published_language(as_person: Any) -> None:
    response = as_person(EMPLOYEE).request("GET", "/survey")

    assert response.status_code == 200
    survey = json_body(response)
    by_dimension = {d["dimension"]: d for d in survey["dimensions"]}
    assert list(by_dimension) == ["wellbeing", "work_ability", "social_support", "competence", "physical"]
    who5 = by_dimension["wellbeing"]
    assert who5["validated"] is True
    assert who5["questions"][0]["text"] == {"en": "I have felt cheerful and in good spirits"}
    assert [o["value"] for o in who5["questions"][0]["options"]] == [5, 4, 3, 2, 1, 0]
    # Our own questions come in all three languages and say they are ours.
    assert by_dimension["competence"]["validated"] is False
    assert set(by_dimension["competence"]["questions"][0]["text"]) == {"fi", "sv", "en"}
    assert set(survey["ownScaleNote"]) == {"fi", "sv", "en"}
    assert [o["value"] for o in survey["screening"]["options"]] == ["yes", "no", "prefer_not_to_say"]


def test_a_response_is_scored_explained_and_recommends_services_with_reasons(as_person: Any) -> None:
    result = answer(as_person(EMPLOYEE), LOW_SUPPORT)

    scores = scores_of(result)
    assert (scores["wellbeing"]["score"], scores["wellbeing"]["maximum"], scores["wellbeing"]["band"]) == (
        60,
        100,
        "good",
    )
    assert (scores["work_ability"]["score"], scores["work_ability"]["band"]) == (6, "moderate")
    assert (scores["social_support"]["score"], scores["social_support"]["band"]) == (7, "poor")
    assert scores["competence"]["validated"] is False
    assert all(set(s["explanation"]) == {"fi", "sv", "en"} for s in result["scores"])
    assert all(s["change"] is None for s in result["scores"])
    assert result["screeningYes"] is False
    assert result["occupationalHealth"] is False
    community = [r for r in result["recommendations"] if r["category"] == "community"]
    assert community, result["recommendations"]
    assert community[0]["reason"] == {
        "dimension": "social_support",
        "score": 7,
        "maximum": 14,
        "band": "poor",
    }
    # What is recommended is what she may open in the tray.
    opened = as_person(EMPLOYEE).request("GET", f"/services/{community[0]['serviceId']}")
    assert opened.status_code == 200


def test_the_next_response_shows_the_change_and_whether_it_is_meaningful(as_person: Any) -> None:
    employee = as_person(EMPLOYEE)
    answer(employee, LOW_SUPPORT)

    second = scores_of(answer(employee, THRIVING))

    assert second["wellbeing"]["change"] == {"previous": 60, "difference": 40, "meaningful": True}
    assert second["social_support"]["change"] == {"previous": 7, "difference": 7, "meaningful": None}
    history = json_body(employee.request("GET", "/survey/responses/mine"))["items"]
    assert [scores_of(h)["wellbeing"]["score"] for h in history] == [100, 60]
    assert scores_of(history[1])["wellbeing"]["change"] is None
    recommended = json_body(employee.request("GET", "/recommendations"))
    assert recommended["basedOn"]["responseId"] == history[0]["responseId"]


def test_a_yes_on_the_screening_question_is_shown_back_and_files_nothing(as_person: Any) -> None:
    main_before = raw_dump("MainTable")

    result = answer(as_person(EMPLOYEE), LOW_SUPPORT, screening="yes")

    assert result["screeningYes"] is True
    # Nothing in the main table (no report, case or outbox message: nobody is told), and
    # in the survey table the response, the person's key item and one counter only.
    assert raw_dump("MainTable") == main_before
    assert len(raw_dump("SurveyTable")) == 3
    # The history never repeats the screening answer (a shared screen).
    history = json_body(as_person(EMPLOYEE).request("GET", "/survey/responses/mine"))["items"]
    assert "screeningYes" not in history[0]


def test_answers_come_back_only_to_the_person_who_gave_them(as_person: Any) -> None:
    mine = answer(as_person(EMPLOYEE), LOW_SUPPORT)
    path = f"/survey/responses/{mine['responseId']}"

    own = as_person(EMPLOYEE).request("GET", path)
    assert own.status_code == 200
    assert scores_of(json_body(own))["social_support"]["score"] == 7
    for other in (*OTHERS_WITH_ROLES, "vaala-supervisor-1", "kokkola-hrdir-sari"):
        caller = as_person(other)
        refused = caller.request("GET", path)
        assert refused.status_code == 404, other
        assert json_body(refused)["error"]["code"] == "not_found"
        assert json_body(caller.request("GET", "/survey/responses/mine"))["items"] == [], other
        assert json_body(caller.request("GET", "/recommendations"))["basedOn"] is None, other


def test_a_raw_dump_of_every_table_holds_no_answer_or_score(as_person: Any) -> None:
    result = answer(as_person(EMPLOYEE), LOW_SUPPORT, screening="yes")
    answer(as_person(EMPLOYEE), THRIVING)

    dumps = {
        table: raw_dump(table) for table in ("MainTable", "SurveyTable", "AuditTable", "IdempotencyTable")
    }

    # The main table, whose stream the notifier reads, holds nothing of the survey.
    assert not [i for i in dumps["MainTable"] if "SURVEY" in i["PK"]["S"]]
    person = [i for i in dumps["SurveyTable"] if "#SURVEY#" in i["PK"]["S"]]
    assert {i["SK"]["S"].split("#")[0] for i in person} == {"SURVEYKEY", "RESPONSE"}
    allowed = {
        "PK", "SK", "entity", "response_id", "submitted_at", "sealed", "expires_at",
        "wrapped_key", "version", "latest_response_id", "latest_submitted_at", "sealed_latest", "latest_request",
    }  # fmt: skip
    assert all(set(item) <= allowed for item in person)
    counters = [i for i in dumps["SurveyTable"] if i["PK"]["S"].endswith("#SURVEYCOUNTERS")]
    assert counters
    # Settings name dimensions and bands in their rules; what a response wrote does not.
    written = [*person, *counters, *dumps["AuditTable"], *dumps["IdempotencyTable"]]
    text = json.dumps(written, ensure_ascii=False, default=repr)
    for plain in ("who5_", "osss3_", "was_1", '"answers"', '"scores"', "screening", "poor", "moderate"):
        assert plain not in text, plain
    # The idempotency record keeps the response's id, never its scores.
    assert result["responseId"] in json.dumps(dumps["IdempotencyTable"], default=repr)
    assert EMPLOYEE not in json.dumps(counters, default=repr)


def test_bad_answers_are_refused_with_the_question_at_fault(as_person: Any) -> None:
    employee = as_person(EMPLOYEE)
    missing = {k: v for k, v in LOW_SUPPORT.items() if k != "who5_3"}

    for answers, at in (
        (missing, "who5_3"),
        ({**LOW_SUPPORT, "osss3_1": 5}, "osss3_1"),
        ({**LOW_SUPPORT, "who5_1": -1}, "who5_1"),
        ({**LOW_SUPPORT, "extra_question": 1}, "extra_question"),
    ):
        response = employee.request("POST", "/survey/responses", {"answers": answers}, key())
        assert response.status_code in (400, 422), response.body
        fields = [d["loc"] for d in json_body(response)["error"]["details"]]
        assert ["body", "answers", at] in fields, fields
    assert json_body(employee.request("GET", "/survey/responses/mine"))["items"] == []


def test_a_repeated_request_gets_the_same_response_not_a_second_one(as_person: Any) -> None:
    employee = as_person(EMPLOYEE)
    headers = key()

    first = answer(employee, LOW_SUPPORT, **headers)
    again = answer(employee, LOW_SUPPORT, **headers)

    assert again == first
    assert len(json_body(employee.request("GET", "/survey/responses/mine"))["items"]) == 1


def test_only_coordinators_hr_directors_and_admins_see_aggregates(as_person: Any) -> None:
    for reader in ("vaala-coordinator-1", "vaala-hrdir-1", "vaala-admin-1"):
        assert as_person(reader).request("GET", "/wellbeing/aggregates").status_code == 200, reader
    for other in (EMPLOYEE, "vaala-supervisor-1", "vaala-safetymgr-1"):
        assert as_person(other).request("GET", "/wellbeing/aggregates").status_code == 403, other


# ------------------------------------------------------------------ aggregates over time


@pytest.fixture
def survey_clock(function_host: FunctionHost) -> FixedClock:
    """The surveys function's clock, fixed in Vaala's fourth quarter of 2026."""
    clock = FixedClock(datetime(2026, 11, 10, 9, 0, tzinfo=UTC))
    function_host.module("SurveysFunction").bootstrap.fill(clock=clock)
    return clock


def colleagues(gateway: Any, tokens: LocalTokenIssuer, group: str, count: int) -> list[Caller]:
    """Employees of Vaala with no staff entry, as the identity provider would sign them in."""
    return [
        Caller(
            gateway,
            tokens.issue(
                DemoIdentity(
                    user_id=f"vaala-{group}-{n}",
                    tenant_id="vaala",
                    name=f"Työntekijä {n}",
                    email=f"{group}-{n}@vaala.example",
                    unit=group,
                    group=group,
                    language="fi",
                )
            ),
        )
        for n in range(count)
    ]


def period(aggregates: dict[str, Any], period_id: str) -> dict[str, Any] | None:
    return next((p for p in aggregates["periods"] if p["period"] == period_id), None)


def test_aggregates_publish_ended_periods_only_and_hide_small_groups_with_a_complement(
    as_person: Any, gateway: Any, tokens: LocalTokenIssuer, survey_clock: FixedClock
) -> None:
    coordinator = as_person("vaala-coordinator-1")
    for person in colleagues(gateway, tokens, "varhaiskasvatus", 6):
        answer(person, LOW_SUPPORT)
    for person in colleagues(gateway, tokens, "ateria-ja-puhtaus", 4):
        answer(person, THRIVING)
    for person in colleagues(gateway, tokens, "hallinto", 5):
        answer(person, LOW_SUPPORT)

    open_now = json_body(coordinator.request("GET", "/wellbeing/aggregates"))
    assert open_now["openPeriod"]["period"] == "2026-Q4"
    assert period(open_now, "2026-Q4") is None, "a period still open shows nothing"

    survey_clock.advance(timedelta(days=60).total_seconds())  # 2027-01-09
    published = json_body(coordinator.request("GET", "/wellbeing/aggregates"))
    q4 = period(published, "2026-Q4")
    assert q4 is not None
    assert q4["total"]["respondents"] == 15
    cells = {c["group"]: c for c in q4["groups"]}
    assert cells["ateria-ja-puhtaus"]["respondents"] is None
    assert cells["ateria-ja-puhtaus"]["means"] is None
    assert cells["ateria-ja-puhtaus"]["suppressed"] == "small"
    complementary = [c for c in q4["groups"] if c["suppressed"] == "complementary"]
    assert len(complementary) >= 1
    # Subtracting what is shown from the total never isolates the small group.
    shown = sum(c["respondents"] for c in q4["groups"] if c["respondents"] is not None)
    assert q4["total"]["respondents"] - shown > 4
    visible = [c for c in q4["groups"] if c["respondents"]]
    assert all(c["means"]["wellbeing"] == 60.0 for c in visible)
    assert published["minimumGroupSize"] == 5


def test_a_new_answer_after_publication_changes_no_published_figure(
    as_person: Any, gateway: Any, tokens: LocalTokenIssuer, survey_clock: FixedClock
) -> None:
    coordinator = as_person("vaala-coordinator-1")
    for person in colleagues(gateway, tokens, "varhaiskasvatus", 5):
        answer(person, LOW_SUPPORT)
    survey_clock.advance(timedelta(days=60).total_seconds())
    before = json_body(coordinator.request("GET", "/wellbeing/aggregates"))

    (late,) = colleagues(gateway, tokens, "ateria-ja-puhtaus", 1)
    answer(late, THRIVING)
    after = json_body(coordinator.request("GET", "/wellbeing/aggregates"))

    assert after == before, "two requests around one new answer differ in nothing"
    assert period(after, "2027-Q1") is None


# ------------------------------------------------------------------ retention


def test_a_shortened_retention_never_ends_the_key_before_the_answers_it_sealed(
    as_person: Any, survey_clock: FixedClock
) -> None:
    employee = as_person(EMPLOYEE)
    first = answer(employee, LOW_SUPPORT)  # kept 3 years
    admin = as_person("vaala-admin-1")
    current = json_body(admin.request("GET", "/tenant/settings"))
    settings = current["settings"]
    changed = {**settings, "retention": {**settings["retention"], "surveyAnswerDays": 30}}
    saved = admin.request(
        "PUT", "/tenant/settings", {"settings": changed, "expectedVersion": current["version"]}
    )
    assert saved.status_code == 200, saved.body
    survey_clock.advance(61)  # past the container's settings cache

    second = answer(employee, THRIVING)

    person = {
        i["SK"]["S"]: i for i in raw_dump("SurveyTable") if i["PK"]["S"].endswith(f"#SURVEY#{EMPLOYEE}")
    }
    first_expires = int(person[f"RESPONSE#{first['responseId']}"]["expires_at"]["N"])
    second_expires = int(person[f"RESPONSE#{second['responseId']}"]["expires_at"]["N"])
    assert second_expires < first_expires, "the new response is kept for the shorter time"
    assert int(person["SURVEYKEY"]["expires_at"]["N"]) >= first_expires
    # The change is shown from the first response: it is still kept.
    assert scores_of(second)["social_support"]["change"]["previous"] == 7


def test_the_change_is_never_shown_from_a_response_past_its_retention(
    as_person: Any, survey_clock: FixedClock
) -> None:
    employee = as_person(EMPLOYEE)
    answer(employee, LOW_SUPPORT)
    survey_clock.advance(timedelta(days=1096).total_seconds())

    later = answer(employee, THRIVING)

    assert all(score["change"] is None for score in later["scores"])
    history = json_body(employee.request("GET", "/survey/responses/mine"))["items"]
    assert [item["responseId"] for item in history] == [later["responseId"]]
