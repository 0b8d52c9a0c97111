"""Forms render as NL Design System form fields: labels, descriptions, errors tied to their input.

Subclass ``Form`` or ``ModelForm`` from here; ``{{ form }}`` then renders every field through
``site/forms/field.html``. Optional fields say so in their label: we ask only what the case needs.
"""

from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import ValidationError
from django.forms.renderers import TemplatesSetting

from stuurman import identifiers

_WIDGET_CLASSES = {
    "select": "utrecht-select utrecht-select--html-select",
    "selectmultiple": "utrecht-select utrecht-select--html-select",
    "textarea": "utrecht-textarea utrecht-textarea--html-textarea",
    "checkbox": "utrecht-checkbox utrecht-checkbox--html-input",
    "radioselect": "",
    "checkboxselectmultiple": "",
}
_TEXTBOX = "utrecht-textbox utrecht-textbox--html-input"


class Renderer(TemplatesSetting):
    form_template_name = "site/forms/form.html"
    field_template_name = "site/forms/field.html"


class BoundField(forms.BoundField):
    def build_widget_attrs(self, attrs, widget=None):
        attrs = super().build_widget_attrs(attrs, widget)
        widget_type = (widget or self.field.widget).__class__.__name__.lower().removesuffix("input")
        css = _WIDGET_CLASSES.get(widget_type, _TEXTBOX)
        if css and self.errors:
            css += f" {css.split()[0]}--invalid"
        attrs["class"] = " ".join(part for part in (attrs.get("class"), css) if part)
        if self.errors:
            described = (attrs.get("aria-describedby"), f"{self.auto_id}_error")
            attrs["aria-describedby"] = " ".join(part for part in described if part)
        return attrs


class Form(forms.Form):
    bound_field_class = BoundField


class ModelForm(forms.ModelForm):
    bound_field_class = BoundField


class LoginForm(AuthenticationForm):
    bound_field_class = BoundField


class IdentifierField(forms.CharField):
    """Text that must be a Dutch identifier: cleaned to its normal form, or a message saying what is wrong."""

    normalize = staticmethod(str)

    def to_python(self, value):
        value = super().to_python(value)
        if value in self.empty_values:
            return value
        try:
            return self.normalize(value)
        except identifiers.InvalidIdentifier as error:
            raise ValidationError(str(error), code="invalid") from None


class BsnField(IdentifierField):
    normalize = staticmethod(identifiers.normalize_bsn)

    def __init__(self, *, label="BSN", max_length=11, **kwargs):
        super().__init__(label=label, max_length=max_length, **kwargs)


class PostcodeField(IdentifierField):
    normalize = staticmethod(identifiers.normalize_postcode)

    def __init__(self, *, label="Postcode", max_length=7, **kwargs):
        super().__init__(label=label, max_length=max_length, **kwargs)
