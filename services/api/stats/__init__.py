"""Statistics for dashboards over a chosen period, within the caller's areas."""
