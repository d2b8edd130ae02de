"""Use cases of the handlers' side of a case."""
