"""When two tailored contributions are "the same solution", for the learning assortment. Pure: no Django.

A professional describes a tailored or specialist contribution in their own words: "Huiswerkbegeleiding
voor Roos, twee middagen per week", "huiswerkbegeleiding (3 uur p/w)". What makes it the same solution is
what is done, not for whom, how much or how often, nor the catalogue product it was booked under (the
same help is often arranged as different products). So the description is reduced to what is done:

1. remarks in parentheses go ("(via pgb)", "(tijdelijk)");
2. case, punctuation and spacing do not count;
3. the names of the household's members go (first names and surnames), with a "voor", "van", "met"
   or "bij" in front;
4. amounts and rhythms go: numbers and number words, and words of time and frequency ("uur",
   "middagen", "per", "week", "wekelijks", "keer", "x");
5. articles ("de", "het", "een") go.

What is left is the key; an empty key (the description was only an amount) counts as nothing. Two
descriptions with the same key are the same solution, in whichever plan of the municipality they are.
"""

import re
from collections.abc import Iterable

MAX_LENGTH = 200

_PARENTHESES = re.compile(r"\([^)]*\)|\[[^\]]*\]")
_NOT_A_LETTER = re.compile(r"[^\w]+|[\d_]+")
_NUMBERS = {"een", "één", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen", "tien"}
_NUMBERS |= {"elf", "twaalf", "half", "halve", "anderhalf", "enkele", "paar"}
_TIME = {"minuut", "minuten", "min", "uur", "uren", "u", "dagdeel", "dagdelen", "dag", "dagen"}
_TIME |= {"ochtend", "ochtenden", "middag", "middagen", "avond", "avonden", "nacht", "nachten", "etmaal"}
_TIME |= {"week", "weken", "maand", "maanden", "jaar", "keer", "maal", "x", "per", "pw", "pm", "p", "w"}
_TIME |= {"wekelijks", "dagelijks", "maandelijks", "tweewekelijks", "daags", "s", "totaal"}
_TIME |= {"ochtends", "middags", "avonds", "nachts"}
_ARTICLES = {"de", "het", "een", "t"}
_LINKS = {"voor", "van", "met", "bij"}


def _words(text: str) -> list[str]:
    return [word for word in _NOT_A_LETTER.split(text.casefold()) if word]


def solution_key(what: str, names: Iterable[str] = ()) -> str:
    """The solution a description names, as a key; ``names``: the household members' names."""
    words = _words(_PARENTHESES.sub(" ", what))
    own = {word for name in names for word in _words(name)}
    kept: list[str] = []
    for word in words:
        if word in own:
            if kept and kept[-1] in _LINKS:
                kept.pop()
            continue
        if word in _NUMBERS or word in _TIME or word in _ARTICLES:
            continue
        kept.append(word)
    while kept and kept[-1] in _LINKS:
        kept.pop()
    return " ".join(kept)[:MAX_LENGTH]


def display(key: str) -> str:
    """How a proposal is named: the key with a capital, so it is stable from one count to the next."""
    return key[:1].upper() + key[1:]
