"""The live stream of case events (Server-Sent Events)."""
