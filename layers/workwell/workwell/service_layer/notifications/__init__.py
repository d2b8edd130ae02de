"""Delivering outbox messages and the weekday digest."""
