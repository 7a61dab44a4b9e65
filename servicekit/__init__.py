"""Runtime plumbing every Matur service uses: settings, logging, health, metrics, Kafka and
PostgreSQL connections. No domain rules live here; those are in each service and in
`contracts`."""
