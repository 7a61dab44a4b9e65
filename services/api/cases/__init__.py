"""Cases: list, detail with timeline, CSV export, and actions sent as commands."""
