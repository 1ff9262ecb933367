"""Sentence splitting: the boundaries every later stage and the prefilter share."""

from __future__ import annotations

import pytest

from kg.nlp.segment import split_sentences


@pytest.mark.parametrize(("text", "expected"), [
    ("Macron a appelé Poutine. Il a aussi parlé à Scholz.", ["Macron a appelé Poutine.", "Il a aussi parlé à Scholz."]),
    ("M. Macron a reçu Mme Meloni. Ils ont dîné.", ["M. Macron a reçu Mme Meloni.", "Ils ont dîné."]),
    ("George W. Bush met Tony Blair. They talked.", ["George W. Bush met Tony Blair.", "They talked."]),
    ("The U.S. president spoke to the U.K. prime minister.", ["The U.S. president spoke to the U.K. prime minister."]),
    ("Headline without a dot\nBody text starts here. Second one!", ["Headline without a dot", "Body text starts here.",
                                                                      "Second one!"]),
    ("They met in Kyiv.The next day they spoke again.", ["They met in Kyiv.", "The next day they spoke again."]),
    ("« C'est utile », a-t-il dit. Puis il est parti.", ["« C'est utile », a-t-il dit.", "Puis il est parti."]),
    ("   \n\n  ", []),
])
def test_segment_splits_like_a_reader(text: str, expected: list[str]) -> None:
    assert [s.text for s in split_sentences(text)] == expected


def test_segment_offsets_point_into_the_text() -> None:
    text = "Intro line\n\nFirst sentence here. Second sentence there.\nA caption"
    for s in split_sentences(text):
        assert text[s.start:s.end] == s.text
    assert [s.paragraph for s in split_sentences(text)] == [0, 1, 1, 2]
