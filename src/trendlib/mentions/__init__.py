"""Stage 4 — mentions: actors, money, percentages and the clause around each, found in the corpus
of stage 3 and anchored to its raw lines."""
