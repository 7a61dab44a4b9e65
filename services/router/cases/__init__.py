"""The router's case logic: pure functions from (reporter state, message) to
(new reporter state, outputs). No Kafka, no clock, no I/O."""
