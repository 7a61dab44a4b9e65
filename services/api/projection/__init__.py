"""The PostgreSQL projection of `cases.events` and `notifications.events`."""
