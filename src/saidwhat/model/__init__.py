"""A trained attribution span model: a linear-chain CRF tags cue / source / content tokens (BIO).

features.py  per-token features from the engine's one spaCy parse
tags.py      gold BRAT spans -> token tags (training) and tag chunks (decoding)
decode.py    tag chunks -> grouped attributions (records.FoundAttribution)
tagger.py    the packaged artifact, loaded lazily once per process; ``predict_attributions(doc)``
train.py     parse PolNeAR once (cached DocBin), train, score on dev, write artifact + card
boundaries.py          a second look at where reported contents end: candidate ends ranked by learned weights
train_boundaries.py    those weights, fit on the engine's own proposals over PolNeAR train
"""
