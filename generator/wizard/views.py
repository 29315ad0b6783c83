"""The wizard: one class-based view (style.md, habit 1) over the list of steps (steps.py).

The draft in the database, not the session, is the truth (design.md, invariant 3): every form
is filled from the saved answers, and every valid step is saved at once through the save
service. A save carries the draft's revision; if someone saved in between, the step is shown
again with what was typed and a conflict message, and nothing is overwritten.

No django-formtools: the wizard needs a URL per step, conditions read from the saved answers
and a save on every step, which formtools could only give by overriding its post() and
clearing its private caches (docs/architecture.md, "The wizard").
"""

from types import SimpleNamespace

from django import forms
from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.forms import BaseFormSet
from django.http import HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import View

from generator.answers.loading import AnswersError, parse_answers
from generator.answers.schema import Answers
from generator.statements.access import get_organisation_for_user
from generator.statements.exports import StatementError, statement_findings, statement_review
from generator.statements.services import StatementConflict, statement_save_step
from generator.wizard.fixes import finding_target, findings_at_step
from generator.wizard.forms.base import ui_language
from generator.wizard.steps import STEPS_BY_NAME, applicable_steps, form_kwargs, required_steps

MSG_CONFLICT = (
    "Deze verklaring is intussen in een ander venster of door een collega gewijzigd. "
    "Uw invoer hieronder is niet opgeslagen. Kopieer wat u wilt bewaren en laad de pagina "
    "opnieuw om de nieuwste versie te zien."
)
DONE = "klaar"  # the URL after the last step, kept for old links: the review


class StatementWizard(LoginRequiredMixin, View):
    template_name = "wizard/step.html"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        self.organisation = get_organisation_for_user(request.user, kwargs["pk"])
        self.statement = self.organisation.statement
        return super().dispatch(request, *args, **kwargs)

    # The steps, from the saved answers

    def answers_model(self) -> Answers:
        """The draft as Answers, for the rules that decide which steps apply and where a
        finding is fixed; parsed once per revision of the draft (a saved draft is valid)."""
        key = (self.statement.pk, self.statement.revision)
        if getattr(self, "_model_key", None) != key:
            self._model_key, self._model = key, parse_answers(self.statement.answers)
        return self._model

    def steps(self) -> list[str]:
        return applicable_steps(self.answers_model())

    def next_step(self, step: str) -> str | None:
        steps = self.steps()
        later = steps[steps.index(step) + 1 :] if step in steps else []
        return later[0] if later else None

    def previous_step(self, step: str) -> str | None:
        steps = self.steps()
        index = steps.index(step) if step in steps else 0
        return steps[index - 1] if index > 0 else None

    def step_url(self, step: str) -> str:
        return reverse("wizard:step", kwargs={"pk": self.organisation.pk, "step": step})

    @property
    def step_field(self) -> str:
        # The step a post belongs to, as a hidden field (named as django-formtools named it,
        # so a page open during an upgrade still saves).
        return f"wizard_{self.organisation.pk}-current_step"

    def build_form(self, step: str, data=None):
        form_class = STEPS_BY_NAME[step].form
        answers = self.statement.answers
        return form_class(
            data=data,
            prefix=step,
            initial=form_class.initial_from(answers),
            **form_kwargs(step, answers),
        )

    # Requests

    def get(self, request, pk: int, step: str | None = None):
        steps = self.steps()
        if step is None:
            # Resume where this person (in any browser) last saved.
            last = self.statement.last_step
            return redirect(
                self.step_url(self.next_step(last) or last if last in steps else steps[0])
            )
        if step == DONE:
            return redirect(self.step_url("controle"))
        if step not in steps:
            return redirect(self.step_url(steps[0]))
        return self.render(step, self.build_form(step))

    def post(self, request, pk: int, step: str | None = None):
        step = request.POST.get(self.step_field)
        if step not in self.steps():
            return HttpResponseBadRequest(_("Onbekende of ontbrekende stap."))
        form = self.build_form(step, data=request.POST)
        if not form.is_valid():
            return self.render(step, form)
        try:
            revision = int(request.POST.get("revision", ""))
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
                user=request.user,
            )
        except StatementConflict:
            return self.render(step, form, conflict=MSG_CONFLICT)
        except AnswersError as error:
            return self.render(step, form, problems=error.problems)
        # The saved answers may switch conditional steps on or off (answers_model follows).
        steps = self.steps()
        new = [
            finding
            for field, found in self.findings_here(step).items()
            for finding in found
            if finding["severity"] == "E" and finding not in before.get(field, [])
        ]
        if new and step in steps:
            # Saved, but this step now has something that blocks publishing: show it at its
            # field before moving on (a second save goes on to the next step).
            messages.warning(
                request,
                _("Opgeslagen. Controleer de gemarkeerde velden: dit blokkeert het publiceren."),
            )
            return redirect(self.step_url(step))
        goto = request.POST.get("wizard_goto_step")  # "Opslaan en terug" saves too
        if goto in steps:
            return redirect(self.step_url(goto))
        following = self.next_step(step)
        if following is None:
            messages.success(request, _("De verklaring is opgeslagen."))
            return redirect("statements:dashboard")
        return redirect(self.step_url(following))

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

    def render(self, current: str, form, **extra):
        steps = self.steps()
        context = {
            "form": form,
            "wizard": SimpleNamespace(
                management_form=forms.HiddenInput().render(self.step_field, current),
                steps=SimpleNamespace(
                    current=current, prev=self.previous_step(current), last=steps[-1]
                ),
            ),
            "step_findings": self.mark_fields(form, self.findings_here(current)),
            "organisation": self.organisation,
            "statement": self.statement,
            "step": STEPS_BY_NAME[current],
            "is_formset": isinstance(form, BaseFormSet),
            "nav": [
                {
                    "step": STEPS_BY_NAME[name],
                    "url": self.step_url(name),
                    "done": name in self.statement.completed_steps,
                    "current": name == current,
                }
                for name in steps
            ],
            "missing_steps": [
                STEPS_BY_NAME[name].title
                for name in required_steps(self.answers_model())
                if name not in self.statement.completed_steps
            ],
            **extra,
        }
        if current == "controle":
            context |= self.review_context()
        return render(self.request, self.template_name, context)

    def review_context(self) -> dict:
        answers = self.statement.answers
        try:
            review = statement_review(answers)
        except StatementError as error:
            return {"preview_error": str(error)}
        steps = self.steps()
        # The checker writes every message in both languages; show the one of the UI.
        message_key = f"message_{ui_language()}"
        for finding in review["check"]["findings"]:
            finding["message"] = finding[message_key]
            step, field = finding_target(finding, self.answers_model())
            if step in steps:
                finding["fix_url"] = self.step_url(step) + (f"#{field}" if field else "")
        return {
            "preview": review["page"],
            "check": review["check"],
            "versions": self.statement.versions.all()[:5],
        }
