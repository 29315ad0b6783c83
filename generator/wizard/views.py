"""The wizard: the one class-based view (style.md, habit 1).

django-formtools gives a URL per step and step conditions. The draft in the database, not the
session, is the truth (design.md, invariant 3): every form is filled from the saved answers,
every valid step is saved at once, and formtools' session storage only remembers the step.
A save carries the draft's revision; if someone saved in between, the step is shown again with
what was typed and a conflict message, and nothing is overwritten.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.forms import BaseFormSet
from django.http import HttpResponseBadRequest
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from formtools.wizard.forms import ManagementForm
from formtools.wizard.views import NamedUrlSessionWizardView

from generator.answers.loading import AnswersError, parse_answers
from generator.answers.schema import Answers
from generator.statements.access import get_organisation_for_user
from generator.statements.exports import StatementError, statement_findings, statement_review
from generator.statements.services import StatementConflict, statement_save_step
from generator.wizard.fixes import finding_target, findings_at_step
from generator.wizard.forms.base import ui_language
from generator.wizard.steps import CONDITIONS, STEPS, STEPS_BY_NAME, form_kwargs, required_steps

MSG_CONFLICT = (
    "Deze verklaring is intussen in een ander venster of door een collega gewijzigd. "
    "Uw invoer hieronder is niet opgeslagen. Kopieer wat u wilt bewaren en laad de pagina "
    "opnieuw om de nieuwste versie te zien."
)


def _condition(name: str):
    return lambda wizard: CONDITIONS[name](wizard.answers_model())


@method_decorator(login_required, name="dispatch")
class StatementWizard(NamedUrlSessionWizardView):
    form_list = [(step.name, step.form) for step in STEPS]
    condition_dict = {name: _condition(name) for name in CONDITIONS}
    template_name = "wizard/step.html"

    @classmethod
    def as_wizard_view(cls):
        return cls.as_view(url_name="wizard:step", done_step_name="klaar")

    def dispatch(self, request, *args, **kwargs):
        self.organisation = get_organisation_for_user(request.user, kwargs["pk"])
        self.statement = self.organisation.statement
        return super().dispatch(request, *args, **kwargs)

    def answers_model(self) -> Answers:
        """The draft as Answers, for the rules that decide which steps apply and where a
        finding is fixed; parsed once per revision of the draft (a saved draft is valid)."""
        key = (self.statement.pk, self.statement.revision)
        if getattr(self, "_model_key", None) != key:
            self._model_key, self._model = key, parse_answers(self.statement.answers)
        return self._model

    def get_prefix(self, request, *args, **kwargs):
        return f"wizard_{kwargs['pk']}"

    def get_step_url(self, step: str) -> str:
        return reverse(self.url_name, kwargs={"pk": self.organisation.pk, "step": step})

    def get_form_initial(self, step: str):
        return self.form_list[step].initial_from(self.statement.answers)

    def get_form_kwargs(self, step: str | None = None) -> dict:
        return form_kwargs(step, self.statement.answers)

    def get(self, request, *args, **kwargs):
        step = kwargs.get("step")
        if step is None:
            # Resume where this person (in any browser) last saved.
            last = self.statement.last_step
            forms = self.get_form_list()
            target = self.get_next_step(last) if last in forms else self.steps.first
            return redirect(self.get_step_url(target or last or self.steps.first))
        if step == self.done_step_name:
            return redirect(self.get_step_url("controle"))
        return super().get(request, *args, **kwargs)

    def post(self, *args, **kwargs):
        # "Opslaan en terug" saves like "Opslaan en verder": going back never drops what was typed.
        goto = self.request.POST.get("wizard_goto_step")
        management = ManagementForm(self.request.POST, prefix=self.prefix)
        if (
            not management.is_valid()
            or management.cleaned_data["current_step"] not in self.get_form_list()
        ):
            # formtools answers an unknown step with a KeyError (HTTP 500); this is bad input.
            return HttpResponseBadRequest(_("Onbekende of ontbrekende stap."))
        step = management.cleaned_data["current_step"]
        self.storage.current_step = step
        form = self.get_form(data=self.request.POST, files=self.request.FILES)
        if not form.is_valid():
            return self.render(form)
        try:
            revision = int(self.request.POST.get("revision", ""))
        except ValueError:
            return HttpResponseBadRequest(_("Ontbrekende revisie."))
        before = self.findings_here(step)
        try:
            self.statement = statement_save_step(
                statement=self.statement,
                revision=revision,
                answers=form.apply(self.statement.answers),
                step=step,
                required_steps=required_steps,
                user=self.request.user,
            )
        except StatementConflict:
            return self.render(form, conflict=MSG_CONFLICT)
        except AnswersError as error:
            return self.render(form, problems=error.problems)
        # The saved answers may switch conditional steps on or off.
        for attribute in ("_resolved_form_list", "_cache_signature"):
            self.__dict__.pop(attribute, None)
        new = [
            finding
            for field, found in self.findings_here(step).items()
            for finding in found
            if finding["severity"] == "E" and finding not in before.get(field, [])
        ]
        if new and step in self.get_form_list():
            # Saved, but this step now has something that blocks publishing: show it at its
            # field before moving on (a second save goes on to the next step).
            messages.warning(
                self.request,
                _("Opgeslagen. Controleer de gemarkeerde velden: dit blokkeert het publiceren."),
            )
            return redirect(self.get_step_url(step))
        if goto and goto in self.get_form_list():
            return redirect(self.get_step_url(goto))
        if step == self.steps.last:
            messages.success(self.request, _("De verklaring is opgeslagen."))
            return redirect("statements:dashboard")
        return redirect(self.get_step_url(self.get_next_step(step)))

    def findings_here(self, step: str) -> dict[str, list[dict]]:
        answers = self.statement.answers
        return findings_at_step(step, statement_findings(answers), self.answers_model())

    def mark_fields(self, form, found: dict[str, list[dict]]) -> list[dict]:
        """Put each finding at its field (fast_crispy shows `field_findings`) and return them
        for the list at the top of the step."""
        message_key = f"message_{ui_language()}"
        forms = [*form.forms, form.main] if isinstance(form, BaseFormSet) else [form]
        listed = []
        for each in filter(None, forms):
            each.field_findings = {}
            for bound in each:
                for finding in found.get(f"div_{bound.auto_id}", []):
                    item = {
                        "severity": finding["severity"],
                        "message": finding[message_key],
                        "anchor": f"div_{bound.auto_id}",
                    }
                    each.field_findings.setdefault(bound.auto_id, []).append(item)
                    listed.append(item)
        return listed

    def get_context_data(self, form, **kwargs):
        context = super().get_context_data(form=form, **kwargs)
        current = self.steps.current
        context["step_findings"] = self.mark_fields(form, self.findings_here(current))
        context |= {
            "organisation": self.organisation,
            "statement": self.statement,
            "step": STEPS_BY_NAME[current],
            "is_formset": isinstance(form, BaseFormSet),
            "nav": [
                {
                    "step": STEPS_BY_NAME[name],
                    "url": self.get_step_url(name),
                    "done": name in self.statement.completed_steps,
                    "current": name == current,
                }
                for name in self.get_form_list()
            ],
            "missing_steps": [
                STEPS_BY_NAME[name].title
                for name in required_steps(self.answers_model())
                if name not in self.statement.completed_steps
            ],
        }
        if current == "controle":
            context |= self.review_context()
        return context

    def review_context(self) -> dict:
        answers = self.statement.answers
        try:
            review = statement_review(answers)
        except StatementError as error:
            return {"preview_error": str(error)}
        forms = self.get_form_list()
        # The checker writes every message in both languages; show the one of the UI.
        message_key = f"message_{ui_language()}"
        for finding in review["check"]["findings"]:
            finding["message"] = finding[message_key]
            step, field = finding_target(finding, self.answers_model())
            if step in forms:
                finding["fix_url"] = self.get_step_url(step) + (f"#{field}" if field else "")
        return {
            "preview": review["page"],
            "check": review["check"],
            "versions": self.statement.versions.all()[:5],
        }
