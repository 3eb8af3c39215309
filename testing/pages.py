"""Reading what a page shows, for tests that check it the way a user sees it."""

import re
from dataclasses import dataclass

_CARD = re.compile(r'<article class="task-card">(.*?)</article>', re.S)
_NUMBER = re.compile(r'<h3><a href="[^"]+" lang="vi">([^.<]+(?:\.[^.<]+)*?)\. ')
_ROLE = re.compile(r'<span class="badge( role-lead)?">(?:Chủ trì|Phối hợp|Lead|Coordinating)?')
_STATES = (
    (re.compile(r'<span class="badge ontime">'), "completed"),
    (re.compile(r'<span class="badge late">\D*(\d+)'), "overdue"),
    (re.compile(r'<span class="badge deadline">\D*(\d+)'), "due"),
    (re.compile(r'<span class="badge deadline">'), "due"),  # due today: no number
)


@dataclass
class Card:
    """A task card (templates_jinja2/tasks/_task_cards.html): the task's number, the agency's role on it ("lead",
    "coordinator", or None where the card names none) and its deadline's state and days (None without one)."""

    number: str
    role: str | None
    state: str | None
    days: int | None


def task_cards(html):
    """The task cards of a page, in its order."""
    cards = []
    for body in _CARD.findall(html):
        number = _NUMBER.search(body).group(1)
        meta = body.split("</h3>", 1)[1].split("</p>", 1)[0]
        role = _ROLE.search(meta.split(" · ", 2)[-1]) if meta.count(" · ") >= 2 else None
        state = days = None
        dl = body.split("<dl>", 1)[1]
        for pattern, name in _STATES:
            found = pattern.search(dl)
            if found:
                state = name
                days = int(found.group(1)) if found.groups() else (0 if name == "due" else None)
                break
        cards.append(Card(number, ("lead" if role.group(1) else "coordinator") if role else None, state, days))
    return cards
