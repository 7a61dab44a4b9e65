"""Matur contracts: the schema of every event and command on every Kafka topic.

This package is the only code the services share about the domain. A topic's schema is
written here once (pydantic v2 models); `contracts.topics` names every topic with its
partitions, retention, cleanup policy, key and value model; `contracts.schema_export`
writes the JSON Schema of every topic to `contracts/schemas/`, and the tests fail when a
change breaks backward compatibility with the committed schema.
"""

SCHEMA_VERSION = 1
