"""HR's integration pages: API clients (token shown once), the call log, webhooks."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from . import clients, webhooks
from .access import require_hr
from .forms import ClientForm, WebhookForm
from .models import ApiCall, ApiClient, WebhookDelivery, WebhookEndpoint

CALLS_SHOWN = 200


def _token_page(request, client, token: str, *, rotated: bool):
    return render(request, "api/token_once.html",
                  {"client": client, "token": token, "rotated": rotated})


@login_required
def client_list(request):
    require_hr(request)
    form = ClientForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            client, token = clients.create_client(
                name=form.cleaned_data["name"], scopes=form.cleaned_data["scopes"],
                openings=form.cleaned_data["openings"], by=request.user)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            return _token_page(request, client, token, rotated=False)
    rows = ApiClient.objects.prefetch_related("openings").order_by("revoked_at", "name")
    return render(request, "api/clients.html", {"form": form, "clients": rows})


@login_required
@require_POST
def client_rotate(request, pk: int):
    require_hr(request)
    client = get_object_or_404(ApiClient, pk=pk)
    try:
        token = clients.rotate_secret(client)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect("integrations:clients")
    return _token_page(request, client, token, rotated=True)


@login_required
@require_POST
def client_revoke(request, pk: int):
    require_hr(request)
    client = get_object_or_404(ApiClient, pk=pk)
    clients.revoke(client)
    messages.success(request, f"{client.name} is revoked: its token no longer works.")
    return redirect("integrations:clients")


@login_required
def call_log(request):
    require_hr(request)
    calls = ApiCall.objects.select_related("client")
    chosen = request.GET.get("client", "")
    if chosen.isdigit():
        calls = calls.filter(client_id=int(chosen))
    return render(request, "api/calls.html", {
        "calls": calls[:CALLS_SHOWN], "shown": CALLS_SHOWN, "chosen": chosen,
        "clients": ApiClient.objects.all()})


@login_required
def webhook_list(request):
    require_hr(request)
    form = WebhookForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            endpoint = webhooks.register_endpoint(
                url=form.cleaned_data["url"], events=form.cleaned_data["events"],
                by=request.user)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            return render(request, "api/webhook_secret.html", {"endpoint": endpoint})
    return render(request, "api/webhooks.html", {
        "form": form,
        "endpoints": WebhookEndpoint.objects.select_related("client"),
        "deliveries": WebhookDelivery.objects.select_related("endpoint")[:100],
    })


@login_required
@require_POST
def webhook_toggle(request, pk: int):
    require_hr(request)
    endpoint = get_object_or_404(WebhookEndpoint, pk=pk)
    endpoint.active = not endpoint.active
    endpoint.save(update_fields=["active"])
    return redirect("integrations:webhooks")


@login_required
@require_POST
def delivery_replay(request, pk: int):
    require_hr(request)
    delivery = get_object_or_404(WebhookDelivery, pk=pk)
    webhooks.replay(delivery)
    messages.success(request, f"{delivery.event} is queued again for {delivery.endpoint.url}.")
    return redirect("integrations:webhooks")
