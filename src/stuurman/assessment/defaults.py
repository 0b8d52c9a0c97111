"""Which ZRM domains are pre-selected per process: a start the professional changes, never all of them
(Autoriteit Persoonsgegevens 2018: score only what the question needs)."""

PROCESSES = {
    "wmo": "Wmo 2015",
    "jeugdwet": "Jeugdwet",
    "participatiewet": "Participatiewet",
    "debt": "schuldhulp",
}

DEFAULT_DOMAINS = {
    "wmo": ("basic_adl", "instrumental_adl", "housing", "network"),
    "jeugdwet": ("relations", "mental", "network"),
    "participatiewet": ("finances", "work", "time"),
    "debt": ("finances",),
}


def defaults_for(law: str) -> tuple[str, ...]:
    return DEFAULT_DOMAINS.get(law, ())
