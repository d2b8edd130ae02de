"""Shared HTTP concerns: resolver set-up, error mapping, principal from claims, schemas."""
