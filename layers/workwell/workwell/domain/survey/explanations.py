"""What a score means, told to the person in plain words: the score and its scale, what
its band suggests, and where help is, in one or two short sentences. Never a diagnosis:
the lowest WHO-5 band suggests depression in the literature, but to the person we say
that a score this low is worth discussing with occupational health. Our own dimensions
say that their questions are not a validated scale."""

# Ranges in the texts people read are written with an en dash, as in print.
# ruff: noqa: RUF001

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from workwell.domain.localised_text import Language
from workwell.domain.survey.instruments import INSTRUMENTS, Band, Dimension
from workwell.domain.survey.scoring import DimensionScore

OWN_SCALE_NOTE: Mapping[Language, str] = MappingProxyType(
    {
        "fi": "Nämä kysymykset ovat omiamme, eivätkä ne ole validoitu mittari.",
        "sv": "Det här är våra egna frågor, inte en validerad skala.",
        "en": "Our own questions, not a validated scale.",
    }
)

OCCUPATIONAL_HEALTH_NOTE: Mapping[Language, str] = MappingProxyType(
    {
        "fi": "Jos haluat puhua voinnistasi, työterveyshuolto on tukenasi, luottamuksellisesti.",
        "sv": "Om du vill prata om hur du mår finns företagshälsovården där för dig, i förtroende.",
        "en": "If you would like to talk about how you have been feeling, occupational health is there for you, in confidence.",
    }
)

# By dimension and band: the text with {score} in each language.
_TEXTS: Mapping[tuple[Dimension, Band], Mapping[Language, str]] = MappingProxyType(
    {
        (Dimension.WELLBEING, Band.GOOD): {
            "fi": "Hyvinvointisi pistemäärä on {score}/100. Yli 50 pistettä kertoo hyvästä hyvinvoinnista.",
            "sv": "Ditt resultat för välbefinnande är {score} av 100. Över 50 poäng tyder på gott välbefinnande.",
            "en": "Your wellbeing score is {score} of 100. Scores above 50 suggest good wellbeing.",
        },
        (Dimension.WELLBEING, Band.POOR): {
            "fi": "Hyvinvointisi pistemäärä on {score}/100. Enintään 50 pistettä kertoo, että hyvinvointisi voisi olla parempi; voi auttaa, kun puhut jonkun kanssa.",
            "sv": "Ditt resultat för välbefinnande är {score} av 100. Högst 50 poäng tyder på att ditt välbefinnande kunde vara bättre; det kan hjälpa att prata med någon.",
            "en": "Your wellbeing score is {score} of 100. Scores of 50 or less suggest your wellbeing is lower than it could be; it may help to talk to someone.",
        },
        (Dimension.WELLBEING, Band.VERY_POOR): {
            "fi": "Hyvinvointisi pistemäärä on {score}/100. Näin matalasta tuloksesta kannattaa keskustella työterveyshuollon kanssa; asian kanssa ei tarvitse jäädä yksin.",
            "sv": "Ditt resultat för välbefinnande är {score} av 100. Ett så lågt resultat är värt att ta upp med företagshälsovården; du behöver inte vara ensam med det.",
            "en": "Your wellbeing score is {score} of 100. Scores this low are worth discussing with occupational health; you do not have to manage alone.",
        },
        (Dimension.WORK_ABILITY, Band.GOOD): {
            "fi": "Työkykysi pistemäärä on {score}/10. Vähintään 8 pistettä kertoo hyvästä työkyvystä.",
            "sv": "Ditt resultat för arbetsförmåga är {score} av 10. 8 poäng eller mer betyder god arbetsförmåga.",
            "en": "Your work ability score is {score} of 10. Scores of 8 or more mean good work ability.",
        },
        (Dimension.WORK_ABILITY, Band.MODERATE): {
            "fi": "Työkykysi pistemäärä on {score}/10. 6–7 pistettä kertoo kohtalaisesta työkyvystä; pienetkin muutokset työssä voivat auttaa.",
            "sv": "Ditt resultat för arbetsförmåga är {score} av 10. 6–7 poäng betyder måttlig arbetsförmåga; även små förändringar i arbetet kan hjälpa.",
            "en": "Your work ability score is {score} of 10. Scores of 6–7 mean moderate work ability; even small changes at work can help.",
        },
        (Dimension.WORK_ABILITY, Band.POOR): {
            "fi": "Työkykysi pistemäärä on {score}/10. Enintään 5 pistettä kertoo, että työkykysi voisi olla parempi; siitä voi olla apua keskustella esihenkilön tai työterveyshuollon kanssa.",
            "sv": "Ditt resultat för arbetsförmåga är {score} av 10. Högst 5 poäng tyder på att din arbetsförmåga kunde vara bättre; det kan hjälpa att prata om det med din chef eller företagshälsovården.",
            "en": "Your work ability score is {score} of 10. Scores of 5 or less suggest your work ability is lower than it could be; it may help to talk it over with your supervisor or occupational health.",
        },
        (Dimension.SOCIAL_SUPPORT, Band.STRONG): {
            "fi": "Sosiaalisen tuen pistemääräsi on {score} asteikolla 3–14. Vähintään 12 pistettä kertoo, että ympärilläsi on vahva tuki.",
            "sv": "Ditt resultat för socialt stöd är {score} på en skala från 3 till 14. 12 poäng eller mer betyder att du har starkt stöd omkring dig.",
            "en": "Your social support score is {score} on a scale of 3 to 14. Scores of 12 or more mean strong support around you.",
        },
        (Dimension.SOCIAL_SUPPORT, Band.MODERATE): {
            "fi": "Sosiaalisen tuen pistemääräsi on {score} asteikolla 3–14. 9–11 pistettä kertoo kohtalaisesta tuesta; yhteydenpito sinulle tärkeisiin ihmisiin auttaa.",
            "sv": "Ditt resultat för socialt stöd är {score} på en skala från 3 till 14. 9–11 poäng betyder måttligt stöd; att hålla kontakten med människor som betyder något för dig hjälper.",
            "en": "Your social support score is {score} on a scale of 3 to 14. Scores of 9–11 mean moderate support; keeping in touch with people who matter to you helps.",
        },
        (Dimension.SOCIAL_SUPPORT, Band.POOR): {
            "fi": "Sosiaalisen tuen pistemääräsi on {score} asteikolla 3–14. Enintään 8 pistettä kertoo, että saatat saada vähemmän tukea kuin tarvitsisit; yhteinen toiminta voi tuoda sitä lisää.",
            "sv": "Ditt resultat för socialt stöd är {score} på en skala från 3 till 14. Högst 8 poäng tyder på att du kanske får mindre stöd än du behöver; gemensamma aktiviteter kan ge mer.",
            "en": "Your social support score is {score} on a scale of 3 to 14. Scores of 8 or less suggest you may have less support than you need; shared activities can bring more.",
        },
        (Dimension.COMPETENCE, Band.GOOD): {
            "fi": "Osaamisesi pistemäärä on {score} asteikolla 2–10; vähintään 8 pistettä kertoo, että koet osaamisesi riittäväksi.",
            "sv": "Ditt resultat för kompetens är {score} på en skala från 2 till 10; 8 poäng eller mer tyder på att du känner dig väl rustad för ditt arbete.",
            "en": "Your competence score is {score} on a scale of 2 to 10; 8 or more suggests you feel well equipped for your work.",
        },
        (Dimension.COMPETENCE, Band.MODERATE): {
            "fi": "Osaamisesi pistemäärä on {score} asteikolla 2–10; 6–7 pistettä kertoo, että oppimiselle voisi olla enemmän tilaa.",
            "sv": "Ditt resultat för kompetens är {score} på en skala från 2 till 10; 6–7 poäng tyder på att det kunde finnas mer utrymme för lärande.",
            "en": "Your competence score is {score} on a scale of 2 to 10; 6–7 suggests there could be more room to learn.",
        },
        (Dimension.COMPETENCE, Band.POOR): {
            "fi": "Osaamisesi pistemäärä on {score} asteikolla 2–10; enintään 5 pistettä kertoo, että koulutuksesta tai perehdytyksestä voisi olla apua.",
            "sv": "Ditt resultat för kompetens är {score} på en skala från 2 till 10; högst 5 poäng tyder på att utbildning eller introduktion kunde hjälpa.",
            "en": "Your competence score is {score} on a scale of 2 to 10; 5 or less suggests training or induction could help.",
        },
        (Dimension.PHYSICAL, Band.GOOD): {
            "fi": "Fyysisen hyvinvointisi pistemäärä on {score} asteikolla 2–10; vähintään 8 pistettä kertoo hyvästä fyysisestä voinnista.",
            "sv": "Ditt resultat för fysiskt välbefinnande är {score} på en skala från 2 till 10; 8 poäng eller mer tyder på att du mår bra fysiskt.",
            "en": "Your physical wellbeing score is {score} on a scale of 2 to 10; 8 or more suggests you feel physically well.",
        },
        (Dimension.PHYSICAL, Band.MODERATE): {
            "fi": "Fyysisen hyvinvointisi pistemäärä on {score} asteikolla 2–10; 6–7 pistettä kertoo, että liikunnasta tai palautumisesta voisi olla apua.",
            "sv": "Ditt resultat för fysiskt välbefinnande är {score} på en skala från 2 till 10; 6–7 poäng tyder på att motion eller återhämtning kunde hjälpa.",
            "en": "Your physical wellbeing score is {score} on a scale of 2 to 10; 6–7 suggests exercise or rest could help.",
        },
        (Dimension.PHYSICAL, Band.POOR): {
            "fi": "Fyysisen hyvinvointisi pistemäärä on {score} asteikolla 2–10; enintään 5 pistettä kertoo, että fyysinen vointisi voisi olla parempi, ja siitä voi keskustella työterveyshuollon kanssa.",
            "sv": "Ditt resultat för fysiskt välbefinnande är {score} på en skala från 2 till 10; högst 5 poäng tyder på att du kunde må bättre fysiskt, och det kan du ta upp med företagshälsovården.",
            "en": "Your physical wellbeing score is {score} on a scale of 2 to 10; 5 or less suggests you could feel physically better, and occupational health can help.",
        },
    }
)

_OWN_DIMENSIONS = frozenset(instrument.dimension for instrument in INSTRUMENTS if not instrument.validated)


def explanation(score: DimensionScore) -> dict[Language, str]:
    """The explanation in fi, sv and en."""
    texts = _TEXTS[score.dimension, score.band]
    explained: dict[Language, str] = {}
    for language, text in texts.items():
        explained[language] = text.format(score=score.score)
        if score.dimension in _OWN_DIMENSIONS:
            explained[language] += " " + OWN_SCALE_NOTE[language]
    return explained
