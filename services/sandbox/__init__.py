"""Sandbox WhatsApp Graph API: stands in for Meta's Cloud API in local runs and tests."""
