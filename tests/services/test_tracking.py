"""Carrier tracking links: the exact page per carrier, encoded numbers, no link when unknown."""

from __future__ import annotations

import pytest

from app.services.tracking import carrier_name, tracking_url


@pytest.mark.parametrize(
    ("carrier", "number", "expected"),
    [
        (
            "usps",
            "9400123456789999876500",
            "https://tools.usps.com/go/TrackConfirmAction?tLabels=9400123456789999876500",
        ),
        ("ups", "1Z999AA10123456784", "https://www.ups.com/track?tracknum=1Z999AA10123456784"),
        ("fedex", "123456789012", "https://www.fedex.com/fedextrack/?trknbr=123456789012"),
        (
            "canada_post",
            "1234567890123456",
            "https://www.canadapost-postescanada.ca/track-reperage/en#/search?"
            "searchFor=1234567890123456",
        ),
    ],
)
def test_known_carriers_link_to_their_tracking_page(
    carrier: str, number: str, expected: str
) -> None:
    assert tracking_url(carrier, number) == expected


@pytest.mark.parametrize("carrier", ["USPS", " Usps ", "FedEx", "Fed-Ex", "Canada Post", "UPS"])
def test_carrier_spelling_does_not_matter(carrier: str) -> None:
    assert tracking_url(carrier, "123") is not None


def test_number_is_trimmed_and_percent_encoded() -> None:
    url = tracking_url("ups", "  1Z 99&x=1#frag/ ")
    assert url == "https://www.ups.com/track?tracknum=1Z%2099%26x%3D1%23frag%2F"


@pytest.mark.parametrize(
    ("carrier", "number"),
    [("dhl", "123"), ("", "123"), (None, "123"), ("usps", ""), ("usps", "   "), ("usps", None)],
)
def test_no_link_for_unknown_carrier_or_missing_number(
    carrier: str | None, number: str | None
) -> None:
    assert tracking_url(carrier, number) is None


@pytest.mark.parametrize(
    ("carrier", "shown"),
    [("usps", "USPS"), ("fedex", "FedEx"), ("canadapost", "Canada Post"), ("dhl", "dhl"),
     (None, "")],
)
def test_carrier_name_known_or_as_is(carrier: str | None, shown: str) -> None:
    assert carrier_name(carrier) == shown
