from django import forms

from tasks.models import Plan


class RemindNowForm(forms.Form):
    """Which plan's year "Nhắc ngay" chases (hidden fields of the queue's buttons)."""

    plan = forms.ModelChoiceField(queryset=Plan.objects.all(), widget=forms.HiddenInput)
    year = forms.IntegerField(min_value=1900, max_value=2200, widget=forms.HiddenInput)
