"""Import/export shared by the domain apps (django-import-export, our way):

* ``exchange.formats``: formula escaping, the CSV and XLSX formats (``FORMATS``), reading an upload.
* ``exchange.widgets``: cells to values and back, foreign keys and many-to-many by business code.
* ``exchange.constraints``: the models' check and unique constraints evaluated in Python.
* ``exchange.resources``: ``CodeKeyedResource`` (the base resource), ``import_dataset``,
  ``result_messages``.
* ``exchange.admin``: ``ExchangeAdminMixin`` (import/export in the admin, with our formats and
  permissions) and the upload-capped import form; a confirmed import is applied exactly once
  (``exchange.models.PendingImport`` keeps the previewed file until the confirm takes it).
* ``exchange.zipguard``: ``check_archive``, run before any part of an uploaded XLSX/DOCX is read
  (zip bombs); the domain apps use it for their uploads too (evidence).

Generic machinery: it imports nothing from the domain apps; their ``resources.py`` and ``admin.py``
use it.

Rules every import follows (see ENGINEERING.md, django-import-export 4.4):

* Rows are found by business codes (agency code, plan code + task number…), never by ids.
* An unchanged row is skipped: re-importing an export writes nothing and adds no history row.
* One bad row refuses the whole file: ``rollback_on_validation_errors=True`` everywhere, and the
  admin offers no confirm step. Messages name the spreadsheet row: “Dòng 3: …” (the header is row 1).
* Validation is the model's own (fields, ``clean()``, check and unique constraints), done in Python
  against what the import read once, not with queries per row; two rows with the same key are refused.
* Rows are saved one by one through ``Model.save()``, or, for resources that set ``use_bulk`` (tasks,
  assignments), in batches that still fill what ``save()`` computes (NFC text, ``search_text``) and
  write one simple-history row per created or changed object. The admin's preview writes nothing.
* Text that a spreadsheet could take for a formula (= + - @ tab CR NUL first) never becomes one:
  CSV cells get a leading apostrophe (OWASP ASVS 1.2.10) that import removes again; XLSX cells are
  written as text.
"""
