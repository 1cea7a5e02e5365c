"""Matching: which passages of the next plan answer each proposal and each base measure.

glossary (acronyms, set phrases) → units (stems, index terms) → query (asks and context) →
index (BM25 candidates) → aligner (passage scores, candidates; parallel: over processes) →
assign (proposals that compete for one passage).
"""
