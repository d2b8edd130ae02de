"""Safety cases: workflow, handling, access and deadlines."""
