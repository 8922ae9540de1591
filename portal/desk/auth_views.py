"""Signing in and out, and setting up two-factor sign-in (TOTP, through django-otp)."""

from functools import wraps

import django_otp
import segno
from django.contrib import messages
from django.contrib.auth import login, logout
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods, require_POST
from django_otp.plugins.otp_totp.models import TOTPDevice

from portal.desk import audit
from portal.desk.forms import SignInForm, TokenForm, confirmed_device
from portal.desk.models import AuditEvent


def desk_login_required(view):
    """Signed in, and with the one-time code too for anyone who has set one up."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        user = request.user
        if not user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if confirmed_device(user) is not None and not user.is_verified():
            logout(request)
            return redirect_to_login(request.get_full_path())
        return view(request, *args, **kwargs)

    return never_cache(wrapped)


@sensitive_post_parameters("password", "otp_token")
@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def sign_in(request):
    form = SignInForm(request, data=request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = form.get_user()
        login(request, user)
        device = getattr(user, "otp_device", None)
        if device is not None:
            django_otp.login(request, device)
        target = request.POST.get("next") or request.GET.get("next") or "/desk/"
        if not url_has_allowed_host_and_scheme(target, {request.get_host()}, require_https=False):
            target = "/desk/"
        return redirect(target)
    return render(
        request,
        "desk/login.html",
        {"form": form, "next": request.GET.get("next", "")},
        status=400 if form.errors else 200,
    )


@require_POST
def sign_out(request):
    logout(request)
    messages.info(request, "You have signed out.")
    return redirect("desk:login")


@desk_login_required
@require_http_methods(["GET", "HEAD", "POST"])
def two_factor(request):
    """Set up an authenticator app: a new secret shown as a QR code, confirmed by one code."""
    user = request.user
    confirmed = confirmed_device(user)
    if confirmed is not None:
        return render(request, "desk/two_factor.html", {"confirmed": confirmed})
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=False)
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["token"].strip()):
            device.confirmed = True
            device.save()
            django_otp.login(request, device)
            audit.record(AuditEvent.TWO_FACTOR, user)
            messages.success(request, "Two-factor sign-in is on. You will need a code each time.")
            return redirect("desk:index")
        form.add_error("token", "That code did not match. Wait for the next code and try again.")
    qr = segno.make(device.config_url, error="m")
    return render(
        request,
        "desk/two_factor.html",
        {"form": form, "qr": qr.svg_data_uri(scale=4), "secret": device.config_url},
    )
