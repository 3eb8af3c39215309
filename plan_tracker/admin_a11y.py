"""Accessible admin inlines: a tabular inline shows each field's label once, in the table's heading, so its inputs
have no <label> of their own. ``LabelledInlineMixin`` gives every input, select and text box of the rows its field's
label as ``aria-label`` (screen readers and axe-core; static/js/admin-a11y.js passes it on to autocomplete boxes)."""


from django.utils.translation import gettext


class LabelledInlineMixin:
    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        if field is not None:
            widget = getattr(field.widget, "widget", field.widget)  # inside RelatedFieldWidgetWrapper
            widget.attrs["aria-label"] = str(field.label)
        return field

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)

        class LabelledFormSet(formset):
            def add_fields(self, form, index):
                super().add_fields(form, index)
                if "DELETE" in form.fields:  # the row's "delete" tick box: Django's own word for it
                    form.fields["DELETE"].widget.attrs["aria-label"] = gettext("Delete")

        LabelledFormSet.__name__ = formset.__name__
        return LabelledFormSet
