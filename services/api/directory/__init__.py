"""Districts, villages and officers of the regency; admins change the roster."""
