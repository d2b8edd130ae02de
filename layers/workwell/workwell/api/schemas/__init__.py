"""Request and response models of the HTTP API (camelCase on the wire)."""
