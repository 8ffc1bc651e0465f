"""Tablehop: run a business speed-networking event on the day."""
