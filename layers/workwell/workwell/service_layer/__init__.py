"""Use cases. Each takes a command, a unit of work and collaborators; none touches boto3."""
