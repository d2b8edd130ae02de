"""The template's schedules, fired while the local stack is up: what EventBridge Scheduler
does on AWS. `cron(...)` is read in its own time zone (ScheduleExpressionTimezone) and
`rate(...)` counts from the start of the stack."""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from croniter import croniter

from infra.local.background_worker import BackgroundWorker
from infra.local.template_model import Template

log = logging.getLogger("workwell.local.schedules")

Invoke = Callable[[str, Mapping[str, Any]], Any]
_RATE = re.compile(r"^rate\((\d+) (minute|minutes|hour|hours|day|days)\)$")
_CRON = re.compile(r"^cron\((.+)\)$")
_UNIT_SECONDS = {"minute": 60, "hour": 3600, "day": 86400}


def croniter_expression(aws_fields: str) -> str:
    """AWS cron has six fields (the last is the year) and '?' for "any"; days of the week
    must be names here, since AWS counts them 1-7 from Sunday and croniter 0-6."""
    fields = aws_fields.split()
    if len(fields) != 6 or fields[5] != "*":
        raise ValueError(f"unsupported schedule cron({aws_fields})")
    minute, hour, day, month, weekday = (f.replace("?", "*") for f in fields[:5])
    if re.search(r"\d", weekday) or any(c in aws_fields for c in "LW#"):
        raise ValueError(f"unsupported schedule cron({aws_fields})")
    return " ".join([minute, hour, day, month, weekday])


@dataclass(frozen=True)
class Schedule:
    function: str
    name: str
    expression: str
    timezone: str
    payload: Mapping[str, Any]

    def next_after(self, moment: datetime) -> datetime:
        rate = _RATE.match(self.expression)
        if rate:
            unit = rate.group(2).rstrip("s")
            return moment + timedelta(seconds=int(rate.group(1)) * _UNIT_SECONDS[unit])
        cron = _CRON.match(self.expression)
        if not cron:
            raise ValueError(f"unsupported schedule {self.expression}")
        zone = ZoneInfo(self.timezone)
        following = croniter(croniter_expression(cron.group(1)), moment.astimezone(zone)).get_next(datetime)
        return following.astimezone(UTC)

    @classmethod
    def all_in(cls, template: Template) -> list[Schedule]:
        schedules = []
        for event_type in ("ScheduleV2", "Schedule"):
            for function, properties in template.events_of_type(event_type):
                expression = str(properties.get("ScheduleExpression") or properties.get("Schedule"))
                schedules.append(
                    cls(
                        function=function,
                        name=f"{function}:{expression}",
                        expression=expression,
                        timezone=str(properties.get("ScheduleExpressionTimezone", "UTC")),
                        payload=json.loads(properties.get("Input", "{}")),
                    )
                )
        return schedules


class LocalScheduler(BackgroundWorker):
    def __init__(self, schedules: list[Schedule], invoke: Invoke) -> None:
        super().__init__()
        self.schedules = schedules
        self._invoke = invoke

    def payload_of(self, function: str) -> Mapping[str, Any]:
        return next(s.payload for s in self.schedules if s.function == function)

    def start(self) -> None:
        self._start_thread("local-scheduler")

    def _run(self) -> None:
        now = datetime.now(UTC)
        due = {s.name: s.next_after(now) for s in self.schedules}
        while not self._stop.is_set():
            now = datetime.now(UTC)
            for schedule in self.schedules:
                if due[schedule.name] <= now:
                    due[schedule.name] = schedule.next_after(now)
                    try:
                        self._invoke(schedule.function, schedule.payload)
                    except Exception:
                        log.exception("a scheduled invocation failed", extra={"schedule": schedule.name})
            wait = min(due.values(), default=now + timedelta(minutes=1)) - datetime.now(UTC)
            self._stop.wait(max(0.5, min(wait.total_seconds(), 60)))
