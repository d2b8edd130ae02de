"""The services a survey result may recommend: every published service offered to the
person, not only the first page of the tray."""

from __future__ import annotations

from tests.unit.fakes import FakeUnitOfWork
from tests.unit.tray_fixtures import ctx, details, person, tray_store
from workwell.service_layer.survey.survey_ports import offered_services
from workwell.service_layer.tray.catalogue import create_service
from workwell.service_layer.tray.tray_scope import FreshTrayScopes


def test_services_beyond_the_first_page_of_the_tray_are_considered() -> None:
    store = tray_store()
    created = {
        create_service(
            ctx("vaala", "koordinaattori-v"),
            details(title={"fi": f"Palvelu {n:03d}", "sv": f"Tjänst {n:03d}"}),
            FakeUnitOfWork(store),
            publish=True,
        ).service.service_id
        for n in range(130)
    }
    uow = FakeUnitOfWork(store)

    offered = offered_services(person("vaala", "emp-v"), FreshTrayScopes(uow), uow)

    assert {s.service_id for s in offered} == created


def test_nothing_is_offered_while_the_tray_is_not_open_to_the_persons_group() -> None:
    store = tray_store()
    create_service(ctx("vaala", "koordinaattori-v"), details(), FakeUnitOfWork(store), publish=True)
    uow = FakeUnitOfWork(store)

    assert offered_services(person("vaala", "emp-v", group="hallinto"), FreshTrayScopes(uow), uow) == []
