"""The staff directory, roles and who is calling."""
