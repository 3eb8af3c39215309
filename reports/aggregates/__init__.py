"""The coordinator's figures for a plan and a year: who reported, what got done, indicator totals, the
agencies' own words. The overview pages and both exports read these functions and nothing else, so the
files say exactly what the pages show.

The rules these figures apply live in their own modules: on time, late, drafting, not started and missing in
``reports.rules``; completed, overdue and done for the year in ``reports.completion``. What this module adds:

* **Obliged** agencies are the AgencyReport rows of the year not flagged ``invited``: ``open_reporting_year``
  creates one per agency named on a task, flagged invited when the plan does not oblige its kind
  (``Plan.obliged_kinds``). Invited bodies may report; they are never counted in obliged, completeness,
  timeliness, missing or late, and the overview shows them apart. A year never opened has nobody obliged yet.
* A **returned** report was submitted: it counts as submitted (on time or late by its first submission)
  for completeness and timeliness, and is shown as returned. Its content is being revised by the agency,
  so, like a draft, it is left out of every content figure — task statuses, quantities, indicators,
  texts — until it is sent again. **Content comes only from submitted and accepted reports**; draft
  content never reaches a page or an export of this module.
* Completeness = submitted ÷ obliged; timeliness = on time ÷ obliged; both also over the task × agency
  grid (one cell per report line).

Every function runs a fixed number of queries, whatever the number of agencies.

One module per noun: ``kinds`` (agency kinds grouped as the coordinator reads them), ``figures`` (the headline
figures of each year), ``overview`` (the year overview: every obliged agency by kind group), ``rollup`` (per
task, the spread of statuses across the responsible agencies), ``lines`` (one task's lines, the lines with
content), ``indicators`` (indicator totals), ``agency_feedback`` (the agencies' own words) and ``compiled``
(everything, for the exports). The names the pages and tests use are re-exported here.
"""

from ..rules import State
from .agency_feedback import feedback
from .compiled import compile_year
from .figures import year_figures, years_overview
from .indicators import indicator_totals
from .kinds import KIND_GROUPS, kind_group
from .lines import line_spreads, task_lines
from .overview import year_overview
from .rollup import SPREAD_LABELS, overdue_tasks, task_rollup

__all__ = [
    "KIND_GROUPS", "SPREAD_LABELS", "State", "compile_year", "feedback", "indicator_totals", "kind_group",
    "line_spreads", "overdue_tasks", "task_lines", "task_rollup", "year_figures", "year_overview", "years_overview",
]
