"""Links in emails: to the web app, where the reader signs in before seeing anything. Ids
only; a link leaks nothing without a session that may see the case."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote


@dataclass(frozen=True)
class SignInLinks:
    app_url: str

    def _to(self, path: str) -> str:
        return self.app_url.rstrip("/") + path

    def case(self, report_id: str) -> str:
        return self._to(f"/cases/{quote(report_id, safe='')}")

    def own_report(self, report_id: str) -> str:
        return self._to(f"/reports/{quote(report_id, safe='')}")

    def role_changes(self) -> str:
        return self._to("/staff/grants")

    # The service tray's screens (issue 14; the web app's paths for them):
    # /tray/services/{id} a service or proposal, /tray/proposals the proposals waiting for
    # approval, /tray/orders/{id} an order, /tray/orders/incoming orders to handle.
    def tray_service(self, service_id: str) -> str:
        return self._to(f"/tray/services/{quote(service_id, safe='')}")

    def tray_proposals(self) -> str:
        return self._to("/tray/proposals")

    def tray_order(self, order_id: str) -> str:
        return self._to(f"/tray/orders/{quote(order_id, safe='')}")

    def tray_incoming_orders(self) -> str:
        return self._to("/tray/orders/incoming")

    def home(self) -> str:
        return self._to("/")
