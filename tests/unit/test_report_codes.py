from __future__ import annotations

import math
import re

from workwell.domain.reports.report_codes import (
    ALPHABET,
    new_receipt_code,
    new_reference,
    normalise_receipt,
    receipt_digest,
    receipt_matches,
)


def test_references_are_random_and_shaped_like_the_product_example() -> None:
    references = {new_reference("KOK") for _ in range(200)}

    assert len(references) == 200
    assert all(re.fullmatch(r"KOK-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}", r) for r in references)


def test_receipts_carry_at_least_80_bits() -> None:
    receipt = new_receipt_code()
    symbols = normalise_receipt(receipt)

    assert len(symbols) * math.log2(len(ALPHABET)) >= 80
    assert set(symbols) <= set(ALPHABET)


def test_a_receipt_typed_by_hand_still_matches() -> None:
    receipt = "4F7Q-M2KD-9XZ0-HR3T-W8NB"
    stored = receipt_digest("kokkola", receipt)

    assert receipt_matches(stored, "kokkola", "4f7q m2kd 9xzO hr3t w8nb")
    assert not receipt_matches(stored, "kokkola", "4F7Q-M2KD-9XZ0-HR3T-W8NC")


def test_the_digest_hides_the_receipt_and_differs_per_tenant() -> None:
    receipt = new_receipt_code()

    digest = receipt_digest("kokkola", receipt)

    assert normalise_receipt(receipt).lower() not in digest
    assert len(digest) == 64
    assert digest != receipt_digest("ii", receipt)
    assert not receipt_matches(digest, "ii", receipt)
