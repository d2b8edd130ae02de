"""Use cases of the staff directory and of the caller's roles."""
