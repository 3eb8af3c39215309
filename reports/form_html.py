"""The report form's field blocks written in Python (issue #18, session 12): the same HTML as the Jinja2 macro
``field_block`` of ``templates_jinja2/reports/_report_form.html`` gave (kept as the tests' reference in
``reports/tests/reference/jinja2/reports/_report_form.html``), without a macro call and a dozen finalized template
expressions per field: the officer's form has ~25–40 fields, rendered at every look after a save.

Every value goes through the environment's own ``finalize`` (Django's ``conditional_escape``), as the macro's
``{{ … }}`` did; conditions are the macro's, with Python's truth as Jinja2's ``if`` takes it."""

from django.utils.safestring import SafeString

from plan_tracker.jinja2 import finalize


def field_block(field, required_title):
    """One field's block: its label (with the red star of a part needed before submitting, titled
    ``required_title``), its widget, its help text and its errors (tied to it by the id ``<auto_id>-error``)."""
    errors = field.errors
    widget = field.field.widget
    out = ['<div class="field']
    if errors:
        out.append(" has-error")
    if getattr(widget, "input_type", None) == "select":
        out.append(" field-select")
    out += ['" data-field="', finalize(field.name), '">\n  <label for="', finalize(field.id_for_label), '">',
            finalize(field.label)]
    if field.field.required_to_submit:
        out += [' <span class="req" title="', finalize(required_title), '">*</span>']
    out += ["</label>\n  ", finalize(field), "\n  "]
    help_text = field.help_text
    if help_text:
        out += ['<small class="meta">', finalize(help_text), "</small>"]
    out.append("\n  ")
    if errors:
        out += ['<div class="error" id="', finalize(field.auto_id), '-error">']
        for error in errors:
            out += ["<p>", finalize(error), "</p>"]
        out.append("</div>")
    out.append("\n</div>")
    return SafeString("".join(out))


# Passed through Django's templates too (the tests' reference body hands it to the Jinja2 form): not called there.
field_block.do_not_call_in_templates = True
