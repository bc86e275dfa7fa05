"""Tally: a cross-source fact-consistency checker for newsrooms."""
