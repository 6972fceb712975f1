"""Netwerkkracht course engine."""
