"""The Kapolres's daily summary on WhatsApp: each morning at `MATUR_DAILY_SUMMARY_HOUR`
(WIB), yesterday's reports and emergencies, the cases open and overdue now, and the
districts with most overdue (then open) cases, to every active Kapolres of the regency,
as a `daily_summary` notification request (the notifier's catalogue writes the words).

| module | holds |
| --- | --- |
| `schedule.py` | which day's summary is due at a moment, a local day's bounds (pure) |
| `summary.py` | the summary of one Kapolres from plain per-district rows (pure) |
| `requests.py` | who receives it and the notification request, with its id (pure) |
| `queries.py` | the per-district rows, in SQL |
| `job.py` | the loop in the API process that sends it |

Exactly once per day and Kapolres: the notification id is
`daily_summary:<regency>:<day>:<officer_id>`, and the notifier sends an id once, however
many API processes (or restarts) publish it.
"""
