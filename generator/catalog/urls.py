from django.urls import path

from generator.catalog import views

app_name = "catalog"
urlpatterns = [path("catalogus/zoeken/", views.search, name="search")]
