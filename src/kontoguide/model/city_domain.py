"""Near misses of the city's e-mail domain: "stockhlm.se" is a typo for "stockholm.se".

Kept apart from the answer types so that the comparison has no other dependency. Only
the part before ".se" is compared, so subdomains ("edu.stockholm.se") keep theirs and
the city's companies' own domains, which are not one or two letters from it, pass.
"""

from __future__ import annotations

CITY_LABEL = "stockholm"
CITY_TLD = "se"
# Typos change a letter or two; a domain further away is someone else's, not a typo.
MAX_EDITS = 2


def _edits(first: str, second: str) -> int:
    """Optimal string alignment distance: insertions, deletions, substitutions and
    swaps of two neighbouring letters, each one edit."""
    rows = [list(range(len(second) + 1))]
    for i, a in enumerate(first, 1):
        row = [i]
        for j, b in enumerate(second, 1):
            cost = 0 if a == b else 1
            best = min(rows[-1][j] + 1, row[j - 1] + 1, rows[-1][j - 1] + cost)
            if i > 1 and j > 1 and a == second[j - 2] and first[i - 2] == b:
                best = min(best, rows[-2][j - 2] + 1)
            row.append(best)
        rows.append(row)
    return rows[-1][-1]


def city_domain_suggestion(address: str) -> str | None:
    """The address with the city's domain, when its domain is a near miss of it."""
    local, _, domain = address.rpartition("@")
    labels = domain.casefold().split(".")
    if not local or len(labels) < 2 or labels[-1] != CITY_TLD:
        return None
    label = labels[-2]
    if label == CITY_LABEL or _edits(label, CITY_LABEL) > MAX_EDITS:
        return None
    return f"{local}@{'.'.join([*labels[:-2], CITY_LABEL, CITY_TLD])}"
