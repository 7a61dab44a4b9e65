"""Matur api service."""
