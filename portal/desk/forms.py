"""The desk's forms. Sign-in is Django's own form (fields `username` and `password`) with a
one-time code added for people who have set up two-factor sign-in."""

from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.contrib.auth.signals import user_login_failed
from django_otp.plugins.otp_totp.models import TOTPDevice

from portal.desk.pages import MAX_SLUG_LENGTH


def confirmed_device(user) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()


class SignInForm(AuthenticationForm):
    otp_token = forms.CharField(
        label="Code from your authenticator app",
        required=False,
        max_length=8,
        help_text="Only if you have set up two-factor sign-in.",
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "pattern": "[0-9]*"}
        ),
    )

    def clean(self):
        cleaned = super().clean()  # the password check, through django-axes
        user = self.get_user()
        device = confirmed_device(user) if user is not None else None
        if device is None:
            return cleaned
        token = (cleaned.get("otp_token") or "").strip()
        allowed, _ = device.verify_is_allowed()
        if not token or not allowed or not device.verify_token(token):
            # A wrong code counts as a failed sign-in, so django-axes limits guessing it too.
            user_login_failed.send(
                sender=__name__,
                credentials={"username": self.cleaned_data.get("username", "")},
                request=self.request,
            )
            raise forms.ValidationError(
                "Enter the 6-digit code from your authenticator app. If it did not work, wait "
                "for the next code and try again.",
                code="otp",
            )
        user.otp_device = device
        return cleaned


class NewPageForm(forms.Form):
    section = forms.ChoiceField()
    slug = forms.CharField(
        label="File name (the end of the web address)",
        max_length=MAX_SLUG_LENGTH,
        help_text="Lowercase letters, numbers and hyphens, like bone-pain.",
    )
    title = forms.CharField(max_length=120)

    def __init__(self, *args, sections=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["section"].choices = [(s.slug, s.title) for s in sections]


class TokenForm(forms.Form):
    token = forms.CharField(
        label="Code from your authenticator app",
        max_length=8,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )
