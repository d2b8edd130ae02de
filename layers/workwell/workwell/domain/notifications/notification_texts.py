"""The emails Workwell sends, in Finnish, Swedish and English. Every one is a neutral
sentence, the case's reference and a sign-in link: never content, type, category or names,
so that an email read over someone's shoulder, forwarded or kept in a mail server reveals
nothing but that something in Workwell wants the reader's attention."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum

from workwell.domain.localised_text import Language
from workwell.domain.notifications.case_digest import DigestSection
from workwell.domain.notifications.outbox import OutboxKind
from workwell.domain.notifications.tray_notices import TrayNotice

_SUPPORTED: tuple[Language, ...] = ("fi", "sv", "en")


def recipient_language(wanted: str | None, tenant_languages: Sequence[Language]) -> Language:
    """The recipient's language, else the tenant's first."""
    return next((language for language in _SUPPORTED if language == wanted), tenant_languages[0])


@dataclass(frozen=True)
class EmailText:
    subject: str
    body: str


@dataclass(frozen=True)
class _Notice:
    subject: str
    sentence: str


_NOTICES: dict[OutboxKind, dict[Language, _Notice]] = {
    OutboxKind.CASE_RECEIVED: {
        "fi": _Notice("Workwell: sinulle on uusi asia", "Sinulle on osoitettu uusi asia Workwellissä."),
        "sv": _Notice("Workwell: ett nytt ärende till dig", "Ett nytt ärende har tilldelats dig i Workwell."),
        "en": _Notice("Workwell: a new case for you", "A new case has been assigned to you in Workwell."),
    },
    OutboxKind.REPORTER_MESSAGE: {
        "fi": _Notice("Workwell: uusi viesti", "Käsittelemääsi asiaan on tullut uusi viesti."),
        "sv": _Notice("Workwell: nytt meddelande", "Ett ärende du handlägger har fått ett nytt meddelande."),
        "en": _Notice("Workwell: a new message", "A case you handle has a new message."),
    },
    OutboxKind.HANDED_OVER: {
        "fi": _Notice("Workwell: asia siirretty sinulle", "Asia on siirretty sinulle käsiteltäväksi."),
        "sv": _Notice("Workwell: ett ärende till dig", "Ett ärende har överförts till dig för handläggning."),
        "en": _Notice("Workwell: a case handed over to you", "A case has been handed over to you."),
    },
    OutboxKind.STATUS_CHANGED: {
        "fi": _Notice("Workwell: asiasi on päivittynyt", "Asiasi käsittelyn tila on muuttunut."),
        "sv": _Notice(
            "Workwell: ditt ärende har uppdaterats", "Handläggningen av ditt ärende har gått vidare."
        ),
        "en": _Notice("Workwell: your case was updated", "The handling of your case has moved on."),
    },
    # Role notices name no role and no person: whoever may know more signs in to see it.
    OutboxKind.ROLE_GRANT_REQUESTED: {
        "fi": _Notice(
            "Workwell: roolimuutos odottaa vahvistusta",
            "Workwellissä on pyydetty käsittelijän roolia, joka odottaa vahvistusta.",
        ),
        "sv": _Notice(
            "Workwell: en rolländring väntar på bekräftelse",
            "En handläggarroll har begärts i Workwell och väntar på bekräftelse.",
        ),
        "en": _Notice(
            "Workwell: a role change awaits confirmation",
            "A case-handling role has been requested in Workwell and awaits confirmation.",
        ),
    },
    OutboxKind.ROLE_GRANT_CONFIRMED: {
        "fi": _Notice("Workwell: roolimuutos vahvistettu", "Käsittelijän rooli on vahvistettu Workwellissä."),
        "sv": _Notice("Workwell: rolländringen bekräftad", "En handläggarroll har bekräftats i Workwell."),
        "en": _Notice(
            "Workwell: a role change was confirmed", "A case-handling role has been confirmed in Workwell."
        ),
    },
    OutboxKind.ROLE_GRANT_CLOSED: {
        "fi": _Notice(
            "Workwell: roolipyyntö päättyi",
            "Käsittelijän roolin pyyntö on päättynyt Workwellissä ilman muutosta.",
        ),
        "sv": _Notice(
            "Workwell: rollbegäran avslutad",
            "En begäran om handläggarroll har avslutats i Workwell utan ändring.",
        ),
        "en": _Notice(
            "Workwell: a role request was closed",
            "A request for a case-handling role was closed in Workwell without any change.",
        ),
    },
    OutboxKind.ROLE_REVOKED: {
        "fi": _Notice("Workwell: rooli poistettu", "Käsittelijän rooli on poistettu Workwellissä."),
        "sv": _Notice("Workwell: roll återkallad", "En handläggarroll har återkallats i Workwell."),
        "en": _Notice("Workwell: a role was revoked", "A case-handling role has been revoked in Workwell."),
    },
    OutboxKind.HANDLER_MESSAGE: {
        "fi": _Notice("Workwell: uusi viesti", "Olet saanut uuden viestin asiassasi."),
        "sv": _Notice("Workwell: nytt meddelande", "Du har fått ett nytt meddelande i ditt ärende."),
        "en": _Notice("Workwell: a new message", "You have a new message about your case."),
    },
    # Tray notices name no service and no person: the reference is the service's or order's id.
    OutboxKind.PROPOSAL_SUBMITTED: {
        "fi": _Notice("Workwell: uusi palveluehdotus", "Tarjottimelle on ehdotettu uutta palvelua."),
        "sv": _Notice("Workwell: ett nytt tjänsteförslag", "En ny tjänst har föreslagits på brickan."),
        "en": _Notice("Workwell: a new service proposal", "A new service has been proposed for the tray."),
    },
    OutboxKind.PROPOSAL_DECIDED: {
        "fi": _Notice("Workwell: ehdotuksesi on käsitelty", "Palveluehdotuksesi on käsitelty."),
        "sv": _Notice("Workwell: ditt förslag har behandlats", "Ditt tjänsteförslag har behandlats."),
        "en": _Notice("Workwell: your proposal was decided", "Your service proposal has been decided."),
    },
    OutboxKind.ORDER_PLACED: {
        "fi": _Notice("Workwell: uusi tilaus", "Tarjoamaasi palveluun on tullut uusi tilaus."),
        "sv": _Notice("Workwell: en ny beställning", "En tjänst du erbjuder har fått en ny beställning."),
        "en": _Notice("Workwell: a new order", "A service you offer has a new order."),
    },
    OutboxKind.ORDER_CHANGED: {
        "fi": _Notice("Workwell: tilauksesi on päivittynyt", "Tilauksesi tila on muuttunut."),
        "sv": _Notice("Workwell: din beställning har uppdaterats", "Din beställnings status har ändrats."),
        "en": _Notice("Workwell: your order was updated", "The status of your order has changed."),
    },
}

# What a tray notice says happened, and nothing more (domain/notifications/tray_notices.py).
_TRAY_NOTICES: dict[TrayNotice, dict[Language, _Notice]] = {
    TrayNotice.PROPOSAL_WAITING: {
        "fi": _Notice(
            "Workwell: palveluehdotus odottaa hyväksyntää",
            "Tarjottimelle ehdotettu palvelu odottaa hyväksyntääsi.",
        ),
        "sv": _Notice(
            "Workwell: ett tjänsteförslag väntar på godkännande",
            "En tjänst som föreslagits på brickan väntar på ditt godkännande.",
        ),
        "en": _Notice(
            "Workwell: a service proposal awaits approval",
            "A service proposed for the tray is waiting for your approval.",
        ),
    },
    TrayNotice.PROPOSAL_APPROVED: {
        "fi": _Notice(
            "Workwell: ehdotuksesi hyväksyttiin", "Palveluehdotuksesi on hyväksytty tarjottimelle."
        ),
        "sv": _Notice("Workwell: ditt förslag godkändes", "Ditt tjänsteförslag har godkänts för brickan."),
        "en": _Notice("Workwell: your proposal was approved", "Your service proposal has been approved."),
    },
    TrayNotice.PROPOSAL_REJECTED: {
        "fi": _Notice("Workwell: ehdotuksesi hylättiin", "Palveluehdotuksesi on hylätty."),
        "sv": _Notice("Workwell: ditt förslag avslogs", "Ditt tjänsteförslag har avslagits."),
        "en": _Notice("Workwell: your proposal was rejected", "Your service proposal has been rejected."),
    },
    TrayNotice.ORDER_ARRIVED: {
        "fi": _Notice("Workwell: uusi tilaus", "Käsittelemääsi palveluun on tullut uusi tilaus."),
        "sv": _Notice("Workwell: en ny beställning", "En tjänst du handhar har fått en ny beställning."),
        "en": _Notice("Workwell: a new order", "A service you handle has a new order."),
    },
    TrayNotice.ORDER_ACCEPTED: {
        "fi": _Notice("Workwell: tilauksesi hyväksyttiin", "Tilauksesi on hyväksytty."),
        "sv": _Notice("Workwell: din beställning godtogs", "Din beställning har godtagits."),
        "en": _Notice("Workwell: your order was accepted", "Your order has been accepted."),
    },
    TrayNotice.ORDER_DECLINED: {
        "fi": _Notice("Workwell: tilaustasi ei voitu ottaa vastaan", "Tilauksesi on hylätty."),
        "sv": _Notice("Workwell: din beställning avböjdes", "Din beställning har avböjts."),
        "en": _Notice("Workwell: your order was declined", "Your order has been declined."),
    },
    TrayNotice.ORDER_COMPLETED: {
        "fi": _Notice("Workwell: tilauksesi on toteutettu", "Tilauksesi on merkitty toteutetuksi."),
        "sv": _Notice("Workwell: din beställning är utförd", "Din beställning har markerats som utförd."),
        "en": _Notice("Workwell: your order was completed", "Your order has been marked completed."),
    },
    TrayNotice.ORDER_CANCELLED: {
        "fi": _Notice("Workwell: tilaus peruttiin", "Käsittelemäsi palvelun tilaus on peruttu."),
        "sv": _Notice(
            "Workwell: en beställning avbeställdes", "En beställning av en tjänst du handhar har avbokats."
        ),
        "en": _Notice(
            "Workwell: an order was cancelled", "An order of a service you handle has been cancelled."
        ),
    },
}

_REFERENCE = {"fi": "Viite", "sv": "Referens", "en": "Reference"}
_SIGN_IN = {"fi": "Kirjaudu sisään", "sv": "Logga in", "en": "Sign in"}
_FOOTER = {
    "fi": "Tämä on automaattinen viesti. Älä vastaa siihen.",
    "sv": "Detta är ett automatiskt meddelande. Svara inte på det.",
    "en": "This is an automatic message. Please do not reply.",
}


def notice_email(kind: OutboxKind | TrayNotice, language: Language, reference: str, link: str) -> EmailText:
    """A case or role notice by its outbox kind; a tray notice by what happened."""
    notice = _TRAY_NOTICES[kind][language] if isinstance(kind, TrayNotice) else _NOTICES[kind][language]
    body = "\n".join(
        [
            notice.sentence,
            "",
            f"{_REFERENCE[language]}: {reference}",
            f"{_SIGN_IN[language]}: {link}",
            "",
            _FOOTER[language],
        ]
    )
    return EmailText(notice.subject, body)


@dataclass(frozen=True)
class DigestLine:
    reference: str
    link: str


_DIGEST_HEADINGS: dict[DigestSection, dict[Language, str]] = {
    DigestSection.NEW: {
        "fi": "Uudet edellisen koosteen jälkeen",
        "sv": "Nya sedan förra sammandraget",
        "en": "New since the last digest",
    },
    DigestSection.ACKNOWLEDGEMENT_DUE: {
        "fi": "Vastaanoton kuittaus erääntyy 2 päivän sisällä",
        "sv": "Bekräftelsen förfaller inom 2 dagar",
        "en": "Acknowledgement due within 2 days",
    },
    DigestSection.OVERDUE: {
        "fi": "Myöhässä olevat määräajat",
        "sv": "Försenade tidsfrister",
        "en": "Overdue deadlines",
    },
    DigestSection.STALE: {
        "fi": "Ei toimia 14 päivään",
        "sv": "Ingen aktivitet på 14 dagar",
        "en": "No activity for 14 days",
    },
}

_DIGEST_SUBJECT = {
    "fi": "Workwell: aamun kooste",
    "sv": "Workwell: morgonens sammandrag",
    "en": "Workwell: morning digest",
}
_DIGEST_OPENING = {
    "fi": "Nämä asiat odottavat sinua Workwellissä.",
    "sv": "Dessa ärenden väntar på dig i Workwell.",
    "en": "These cases are waiting for you in Workwell.",
}


_DIGEST_OPENING_TRAY = {
    "fi": "Nämä odottavat sinua Workwellissä.",
    "sv": "Detta väntar på dig i Workwell.",
    "en": "These are waiting for you in Workwell.",
}


class TrayDigestCount(StrEnum):
    # The wellbeing coordinators' part of the digest: counts in their tenant, never which.
    PROPOSALS_PENDING = "proposalsPending"
    ORDERS_WAITING = "ordersWaiting"


_TRAY_COUNT_LABELS: dict[TrayDigestCount, dict[Language, str]] = {
    TrayDigestCount.PROPOSALS_PENDING: {
        "fi": "Hyväksyntää odottavat palveluehdotukset",
        "sv": "Tjänsteförslag som väntar på godkännande",
        "en": "Service proposals waiting for approval",
    },
    TrayDigestCount.ORDERS_WAITING: {
        "fi": "Käsittelijää odottavat tilaukset",
        "sv": "Beställningar som väntar på en utförare",
        "en": "Orders waiting for a provider",
    },
}


@dataclass(frozen=True)
class TrayDigestLine:
    count: int
    link: str


def digest_email(
    sections: Mapping[DigestSection, Sequence[DigestLine]],
    language: Language,
    sign_in_link: str,
    tray: Mapping[TrayDigestCount, TrayDigestLine] | None = None,
) -> EmailText:
    """References and counts only, each with its link; empty sections are left out. A
    coordinator's tray lines are counts with a link, never which services or orders."""
    tray_lines = {kind: line for kind, line in (tray or {}).items() if line.count > 0}
    has_cases = any(sections.get(section) for section in DigestSection)
    opening = _DIGEST_OPENING if has_cases or not tray_lines else _DIGEST_OPENING_TRAY
    lines = [opening[language], ""]
    for section in DigestSection:
        entries = sections.get(section, ())
        if not entries:
            continue
        lines.append(f"{_DIGEST_HEADINGS[section][language]} ({len(entries)}):")
        lines.extend(f"  {line.reference}  {line.link}" for line in entries)
        lines.append("")
    for kind in TrayDigestCount:
        if kind in tray_lines:
            lines.append(
                f"{_TRAY_COUNT_LABELS[kind][language]}: {tray_lines[kind].count}  {tray_lines[kind].link}"
            )
    if tray_lines:
        lines.append("")
    lines += [f"{_SIGN_IN[language]}: {sign_in_link}", "", _FOOTER[language]]
    return EmailText(_DIGEST_SUBJECT[language], "\n".join(lines))
