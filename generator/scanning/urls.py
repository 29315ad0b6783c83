from django.urls import path

from generator.scanning import views

app_name = "scanning"
urlpatterns = [
    path("organisaties/<int:pk>/cookiescan/", views.scan_new, name="new"),
    path("organisaties/<int:pk>/cookiescan/<int:scan_id>/", views.scan_detail, name="detail"),
    path(
        "organisaties/<int:pk>/cookiescan/<int:scan_id>/status/",
        views.scan_status,
        name="status",
    ),
    path(
        "organisaties/<int:pk>/cookiescan/<int:scan_id>/overnemen/",
        views.scan_accept,
        name="accept",
    ),
]
