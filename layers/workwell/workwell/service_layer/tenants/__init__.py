"""Use cases of tenant administration and provisioning."""
