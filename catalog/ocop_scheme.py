"""The OCOP rating scheme as data (Decision 148/QĐ-TTg, 2023): star classes by score and which
classes are certified. If a newer decision changes a threshold, change it here."""

# stars -> (lowest score, highest score), 100-point scale.
STAR_SCORE_RANGES: dict[int, tuple[int, int]] = {5: (90, 100), 4: (70, 89), 3: (50, 69)}
CERTIFIED_STARS = frozenset(STAR_SCORE_RANGES)
# Decision 148 issuers by class (before Decision 1489 of July 2025 moved 3★ to the province).
ISSUER_LEVEL_BY_STARS = {3: "district", 4: "province", 5: "central"}
