"""The operations console: pages served by the API itself (same origin), in Bahasa
Indonesia, for the command room's screen and an officer's phone. See README (Console)."""
