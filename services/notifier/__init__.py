"""Matur notifier service."""
