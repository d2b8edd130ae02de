"""Pure domain rules: no boto3, no environment, no I/O."""
