"""The call log is kept ``SELECTION_API_LOG_RETENTION_DAYS``; the sweep deletes older rows."""

from datetime import timedelta

from django.conf import settings
from django.utils import timezone

from .models import ApiCall


def delete_old_calls() -> int:
    """Deletes the calls logged before the retention window; returns how many went."""
    cutoff = timezone.now() - timedelta(days=settings.SELECTION_API_LOG_RETENTION_DAYS)
    deleted, _ = ApiCall.objects.filter(at__lt=cutoff).delete()
    return deleted
