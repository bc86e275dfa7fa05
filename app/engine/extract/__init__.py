"""Extract stage: one text -> its quantitative claims, unframed, each with a normalised Value.

Numbers in digits and words (numbers.py, number_words.py), units and currencies (units.py), dates and times
(dates.py), counted nouns (nouns.py), ids and ages (idents.py), elided units (elision.py), references to the
sentence before (anaphora.py) and trends (trends.py), read on each sentence's tokens by quantities.py and
turned into Claims by claims.py.
"""
