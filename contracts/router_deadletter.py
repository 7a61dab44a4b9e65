"""Topic `router.deadletter`: a source record the router could not handle.

The model is the one dead-letter model of every consumer (`contracts.record_deadletter`);
this name stays for the router's code.
"""

from __future__ import annotations

from contracts.record_deadletter import RecordDeadLetter

RouterDeadLetter = RecordDeadLetter

__all__ = ["RouterDeadLetter"]
