"""The year's compiled exports, from exactly the figures the pages show (``aggregates.compile_year``):

* ``build_xlsx`` (``xlsx``): a workbook for the coordinator's own tables — Vietnamese headers, dates as dates,
  numbers and shares as numbers, text always text (never a formula).
* ``build_docx`` (``docx``, laid out by ``docx_layout``): the draft of the compiled report (báo cáo tổng hợp)
  in the layout of Decree 30/2020/NĐ-CP on administrative documents, for the clerk to number, sign and send.

What both use (text cleaned for XML, the status words, Vietnamese whatever the page's language) is in
``common``. Both contain submitted and accepted content only (see ``aggregates``): no draft text can reach them.
"""

from .docx import build_docx
from .xlsx import build_xlsx

__all__ = ["build_docx", "build_xlsx"]
