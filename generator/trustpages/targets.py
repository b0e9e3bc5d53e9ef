"""Whether a standing promise met its target, computed when its target and a measurement are both numbers.

Rules (the field reference and the README say the same):

* The measurement (`actual`) must be one number and nothing else: a percentage (`96.2%`,
  `96.2 percent`), a share (`412 of 420`, read as 98.1 %), a duration (`3.5 hours`, `45 min`,
  `2 working days`) or a bare count (`3`). Anything more (`96% in July`) is read by people only.
* The target gives the number of the same kind: its first percentage (or 100 % when it says
  every, all or each and has none); its first duration; its first bare number.
* The comparison is the words around that number: `at least`, `no less than`, `or more` (≥);
  `more than`, `over`, `above` (>); `at most`, `no more than`, `up to`, `within`, `or less` (≤);
  `less than`, `fewer than`, `under`, `below` (<). Without one, a percentage is a floor (≥) and a
  duration a limit (≤); a bare count needs the words.
* Durations compare across units (90 minutes = 1.5 hours; a day is 24 hours, a week 7 days);
  working days compare only with working days.

When no rule applies, `met` cannot be computed and stays for people to type.
"""

from __future__ import annotations

import functools
import operator
import re
from collections.abc import Callable
from dataclasses import dataclass

_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30, "sixty": 60, "a": 1, "an": 1,
}  # fmt: skip
_NUMBER = r"(\d+(?:[.,]\d+)?|" + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True)) + r")"
# Minutes per unit; working days are their own kind (their length depends on the company).
_UNITS: tuple[tuple[str, str, float], ...] = (
    (r"(?:working|business|work)[ -]days?", "working_day", 1),
    (r"seconds?|secs?|s", "minute", 1 / 60),
    (r"minutes?|mins?|min|m", "minute", 1),
    (r"hours?|hrs?|hr|h", "minute", 60),
    (r"days?|d", "minute", 24 * 60),
    (r"weeks?|wks?", "minute", 7 * 24 * 60),
)
_UNIT = "|".join(f"(?:{pattern})" for pattern, _, _ in _UNITS)
_PERCENT = re.compile(_NUMBER + r"\s*(?:%|percent\b|per cent\b)", re.IGNORECASE)
_DURATION = re.compile(r"(?<![\w.])" + _NUMBER + r"\s*(" + _UNIT + r")(?![\w%])", re.IGNORECASE)
_COUNT = re.compile(r"(?<![\w.,])(\d+(?:[.,]\d+)?)(?![\w.,])(?!\s*(?:%|percent\b|per cent\b|(?:" + _UNIT + r")\b))", re.IGNORECASE)
_SHARE = re.compile(r"\s*(\d+)\s+(?:of|out of)\s+(\d+)\s*\Z", re.IGNORECASE)
_UNIVERSAL = re.compile(r"\b(every|all|each)\b", re.IGNORECASE)

Compare = Callable[[float, float], bool]
_BEFORE: tuple[tuple[str, Compare], ...] = (
    (r"at least|no less than|not less than|no fewer than|minimum(?: of)?|min\.?|≥|>=", operator.ge),
    (r"more than|greater than|over|above|>", operator.gt),
    (r"at most|no more than|not more than|up to|maximum(?: of)?|max\.?|within|≤|<=", operator.le),
    (r"less than|fewer than|under|below|<", operator.lt),
)
_NEARBY = 40  # characters either side of a number read for its comparison: the words next to it are enough
_AFTER: tuple[tuple[str, Compare], ...] = (
    (r"or (?:more|higher|better|above|over)", operator.ge),
    (r"or (?:less|fewer|lower|below|under|sooner|faster)", operator.le),
)


@dataclass(frozen=True)
class Quantity:
    """A number with its kind: percent, minute (any duration), working_day or count."""

    kind: str
    value: float


@dataclass(frozen=True)
class Target:
    quantity: Quantity
    compare: Compare

    def met_by(self, actual: Quantity) -> bool | None:
        if actual.kind != self.quantity.kind:
            return None
        return self.compare(actual.value, self.quantity.value)


def _number(text: str) -> float:
    word = text.lower()
    return float(_NUMBER_WORDS[word]) if word in _NUMBER_WORDS else float(text.replace(",", "."))


def _duration(amount: str, unit: str) -> Quantity:
    for pattern, kind, minutes in _UNITS:
        if re.fullmatch(pattern, unit, re.IGNORECASE):
            return Quantity(kind, _number(amount) * minutes)
    raise AssertionError(unit)  # pragma: no cover - _UNIT is made of the same patterns


@functools.lru_cache(maxsize=4096)  # pure; a standing promise's target is read for each of its measurements
def actual_quantity(actual: str) -> Quantity | None:
    """The one number a measurement is, or None when it is anything more."""
    text = actual.strip()
    share = _SHARE.fullmatch(text)
    if share:
        done, out_of = int(share.group(1)), int(share.group(2))
        return Quantity("percent", 100 * done / out_of) if out_of else None
    for pattern, make in (
        (_PERCENT, lambda m: Quantity("percent", _number(m.group(1)))),
        (_DURATION, lambda m: _duration(m.group(1), m.group(2))),
        (_COUNT, lambda m: Quantity("count", _number(m.group(1)))),
    ):
        match = pattern.fullmatch(text)
        if match:
            return make(match)
    return None


@functools.lru_cache(maxsize=4096)
def target_for(target: str, kind: str) -> Target | None:
    """What `target` asks of a number of `kind`, or None when it says nothing measurable about one."""
    if kind == "percent":
        match = _PERCENT.search(target)
        if match is None:
            return Target(Quantity("percent", 100.0), operator.ge) if _UNIVERSAL.search(target) else None
        return Target(Quantity("percent", _number(match.group(1))), _comparison(target, match) or operator.ge)
    if kind in ("minute", "working_day"):
        for match in _DURATION.finditer(target):
            quantity = _duration(match.group(1), match.group(2))
            if quantity.kind == kind:
                return Target(quantity, _comparison(target, match) or operator.le)
        return None
    match = _COUNT.search(target)
    compare = _comparison(target, match) if match else None
    return Target(Quantity("count", _number(match.group(1))), compare) if match and compare else None


def _comparison(text: str, match: re.Match[str]) -> Compare | None:
    before = text[max(0, match.start() - _NEARBY) : match.start()].rstrip().lower()
    after = text[match.end() : match.end() + _NEARBY].lstrip().lower()
    for words, compare in _BEFORE:
        if re.search(r"(?:^|[\s(])(?:" + words + r")\Z", before):
            return compare
    for words, compare in _AFTER:
        if re.match(r"(?:" + words + r")\b", after):
            return compare
    return None


def computed_met(target: str, actual: str) -> bool | None:
    """Whether `actual` meets `target` by the rules above; None when that cannot be computed."""
    quantity = actual_quantity(actual)
    if quantity is None:
        return None
    wanted = target_for(target, quantity.kind)
    return wanted.met_by(quantity) if wanted is not None else None
