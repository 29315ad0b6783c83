from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, JsonResponse
from django.views.decorators.http import require_GET

from generator.catalog.services import catalog_search


@login_required
@require_GET
def search(request: HttpRequest) -> JsonResponse:
    kind = "cookie" if request.GET.get("soort") == "cookie" else "processor"
    return JsonResponse({"results": catalog_search(kind, request.GET.get("q", ""))})
