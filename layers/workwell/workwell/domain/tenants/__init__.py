"""Tenants: their settings and how they are provisioned."""
