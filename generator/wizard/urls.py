from django.urls import path

from generator.wizard.views import StatementWizard

wizard = StatementWizard.as_view()

app_name = "wizard"
urlpatterns = [
    path("organisaties/<int:pk>/wizard/", wizard, name="start"),
    path("organisaties/<int:pk>/wizard/<str:step>/", wizard, name="step"),
]
