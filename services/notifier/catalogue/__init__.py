"""Every message Matur sends, in Bahasa Indonesia, rendered as Cloud API request bodies.

Pure: a `NotificationRequest` in, the body of `POST /{version}/{phone_number_id}/messages`
out. By role:

| module | holds |
| --- | --- |
| `words.py` | the names of things (tiers, categories, statuses) and button/list labels |
| `citizen_texts.py`, `officer_texts.py`, `summary_texts.py`, `phrases.py`, `texts.py` | every
sentence, per kind |
| `params.py` | reading a request's catalogue parameters |
| `limits.py` | WhatsApp's limits and the shortening that keeps within them |
| `bodies.py` | free-form bodies (inside the 24-hour window): text, list, reply buttons |
| `templates.py` | the approved templates sent outside the window |
| `envelope.py` | the whole request body (`render`), and `mark_as_read` |
"""

from services.notifier.catalogue.envelope import mark_as_read, render
from services.notifier.catalogue.templates import TemplateNames
from services.notifier.catalogue.texts import TEXTS

__all__ = ["TEXTS", "TemplateNames", "mark_as_read", "render"]
