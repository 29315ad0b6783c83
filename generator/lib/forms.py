"""The form renderer: widgets through Jinja2 where Django ships a Jinja2 template, else through
Django templates.

Django's Jinja2 widget templates give the same markup as its Django-template ones and render
about five times faster, which matters on the long wizard steps with hundreds of options
(docs/benchmarks.md). The admin's own widgets (related-object wrappers, date pickers) exist
only as Django templates, hence the fallback.
"""

from functools import cached_property

from django.forms.renderers import BaseRenderer, DjangoTemplates, Jinja2
from django.template import TemplateDoesNotExist


class WidgetRenderer(BaseRenderer):
    @cached_property
    def _jinja2(self) -> Jinja2:
        return Jinja2()

    @cached_property
    def _django(self) -> DjangoTemplates:
        return DjangoTemplates()

    def get_template(self, template_name: str):
        try:
            return self._jinja2.get_template(template_name)
        except TemplateDoesNotExist:
            return self._django.get_template(template_name)
