"""Search URLs: /search/ and /api/search/."""

urlpatterns: list = []
