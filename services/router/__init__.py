"""Matur router service."""
