"""Matur ingest service."""
