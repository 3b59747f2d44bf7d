"""Evaluation against BRAT standoff attribution annotations (PolNeAR layout)."""
