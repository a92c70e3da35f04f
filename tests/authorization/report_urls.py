"""Matrix rows for the hiring-report pages (kept apart so that the list stays readable)."""

MANAGERS = {"anonymous": "login", "candidate": "login", "interviewer": "deny",
            "outsider": "deny", "other_manager": "deny", "manager": "ok", "hr": "ok",
            "superuser": "ok"}

MATRIX: dict = {
    "candidate_report": (
        "GET", lambda o: f"/reports/openings/{o.slug}/candidates/{o.app}/report/", MANAGERS),
    "candidate_report_pdf": (
        "GET", lambda o: f"/reports/openings/{o.slug}/candidates/{o.app}/report.pdf", MANAGERS),
    "report_packet_request": ("POST", lambda o: f"/reports/openings/{o.slug}/packets/", MANAGERS),
    "report_packet_status": (
        "GET", lambda o: f"/reports/openings/{o.slug}/packets/{o.packet}/", MANAGERS),
    "report_packet_retry": (
        "POST", lambda o: f"/reports/openings/{o.slug}/packets/{o.packet}/retry/", MANAGERS),
    "report_packet_download": (
        "GET", lambda o: f"/reports/openings/{o.slug}/packets/{o.packet}/packet.pdf", MANAGERS),
}
