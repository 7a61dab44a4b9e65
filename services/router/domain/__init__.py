"""The router's domain rules: plain functions over plain data (no Kafka, no I/O but loading).

directory (areas), officers (who handles a village), village_text (a village from free
text), classify (category and urgency), intents (what a message asks for), reference
(case references), sla (escalation deadlines).
"""
