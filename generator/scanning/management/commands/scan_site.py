"""`manage.py scan_site URL`: the cookie scan from the command line (issue 18). A refused URL
exits 2 with the reason; --allow-loopback exists here only, for tests against a local site."""

import json

from django.core.management.base import BaseCommand, CommandError, CommandParser

from generator.scanning.guard import RefusedURL
from generator.scanning.scan import scan_site


class Command(BaseCommand):
    help = "Scant een website op cookies en opslag, vóór en na toestemming."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("url")
        parser.add_argument("--pages", type=int, default=5, help="Hoeveel pagina's (standaard 5).")
        parser.add_argument(
            "--allow-loopback",
            action="store_true",
            help="Ook adressen van deze machine zelf (alleen voor tests met een lokale site).",
        )
        parser.add_argument("--format", choices=("json", "text"), default="text")
        parser.add_argument("--seconds", type=int, default=None, help="Tijd voor de hele scan.")

    def handle(self, *args, **options) -> None:
        if options["pages"] < 1:
            raise CommandError("--pages: minstens 1.", returncode=2)
        try:
            result = scan_site(
                options["url"],
                pages=options["pages"],
                allow_loopback=options["allow_loopback"],
                seconds=options["seconds"],
            )
        except RefusedURL as error:
            raise CommandError(f"url: {error}", returncode=2) from None
        if options["format"] == "json":
            self.stdout.write(json.dumps(result, ensure_ascii=False, indent=2))
            return
        self.stdout.write(text_report(result))


def text_report(result: dict) -> str:
    lines = [f"Scan van {result['url']} ({len(result['pages'])} pagina's)"]
    if result["consent_button"]:
        lines.append(f"Toestemming gegeven met de knop '{result['consent_button']}'.")
    else:
        lines.append("Geen knop om cookies te accepteren gevonden.")
    for cookie in result["cookies"]:
        when = "vóór toestemming" if cookie["set_before_consent"] else "na toestemming"
        what = cookie["category"] or "onbekend"
        lines.append(
            f"- {cookie['name']} ({cookie['domain']}, {cookie['party']}, {cookie['lifetime']}):"
            f" {what}, {cookie['provider'] or 'aanbieder onbekend'}, {when}, op {cookie['page']}"
        )
    for item in result["storage"]:
        lines.append(f"- {item['kind']} {item['name']}: {item['category'] or 'onbekend'}")
    if result["third_party_hosts"]:
        lines.append("Andere hosts: " + ", ".join(result["third_party_hosts"]))
    for refused in result["refused"]:
        lines.append(f"Geweigerd: {refused['url']} ({refused['reason']})")
    if result["incomplete"]:
        lines.append("De scan stopte op de tijdslimiet; niet alle pagina's zijn bekeken.")
    return "\n".join(lines)
