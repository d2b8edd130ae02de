"""Use cases of the reporter's side: intake, submission and follow-up."""
