"""lexicon stage"""
