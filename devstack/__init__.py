"""Local stack: fetch and start Kafka and PostgreSQL, run the services, play a citizen."""
