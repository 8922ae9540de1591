"""The desk's URLs, under /desk/ and only where PORTAL_DESK=1 (portal/urls.py)."""

from django.urls import path

from portal.desk import auth_views, views

app_name = "desk"
PAGE = "pages/<str:section>/<str:slug>/"

urlpatterns = [
    path("", views.index, name="index"),
    path("login/", auth_views.sign_in, name="login"),
    path("logout/", auth_views.sign_out, name="logout"),
    path("account/two-factor/", auth_views.two_factor, name="two-factor"),
    path("new/", views.new_page, name="new-page"),
    path("preview/", views.preview, name="preview"),
    path("checks/", views.checks, name="checks"),
    path("audit/", views.audit_log, name="audit"),
    path("feedback/", views.feedback_inbox, name="feedback-inbox"),
    path(PAGE, views.edit, name="edit"),
    path(PAGE + "autosave/", views.autosave, name="autosave"),
    path(PAGE + "conflict/<int:copy_id>/", views.conflict, name="conflict"),
    path(PAGE + "discard/", views.discard, name="discard"),
    path(PAGE + "review/", views.review, name="review"),
    path(PAGE + "publish/", views.publish, name="publish"),
    path(PAGE + "history/", views.history, name="history"),
    path(PAGE + "history/<str:commit>/", views.version, name="version"),
]
