"""What the interviews app announces: a scorecard became final (submitted or amended).

The calibration engine (``reports``) listens and recomputes the opening; this app
knows nothing about it. Sent after the transaction commits.
"""

from django.dispatch import Signal

#: Sent with ``scorecard`` (the submitted or amended card) and ``opening_id``.
scorecard_final = Signal()
