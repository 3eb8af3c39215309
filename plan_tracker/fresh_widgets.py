"""Widgets made for one field, not copied by it (issue #18, session 17).

Django's ``Field.__init__`` deep-copies the widget instance it is given (``copy.deepcopy(widget)``): a widget may be
shared, as the class-level fields' are between the forms made from them. A form that builds its fields in
``__init__`` (the officer's report form: ~30 fields per form, four forms a journey) makes each widget inline for one
field, so that copy is only work (~0.2 ms of the form's ~1.6 ms: the widget, its attrs, a select's choices).

A ``FreshWidget`` is its own first copy: the first ``deepcopy`` of it (its field's) returns it; every later one (a
form's copy of its class-level ``base_fields``, anyone else's) is Django's real copy. So a widget is never shared
between two fields or two forms: what one form's ``full_clean`` writes into its widgets' attrs (``aria-invalid``)
never reaches another form. Only for widgets made where they are handed to their field (nobody else holds them)."""

from django import forms


class FreshWidget:
    """Mixed in before a Django widget class: the first ``deepcopy`` returns the widget itself."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._fresh = True

    def __deepcopy__(self, memo):
        if self.__dict__.pop("_fresh", False):  # the field's own copy, once
            return self
        return super().__deepcopy__(memo)


class Textarea(FreshWidget, forms.Textarea):
    pass


class Select(FreshWidget, forms.Select):
    pass


class ClearableFileInput(FreshWidget, forms.ClearableFileInput):
    pass
