"""The outbox, the emails it becomes, and the weekday digest."""
