"""Workwell shared package: domain rules, use cases, AWS adapters and HTTP concerns."""
