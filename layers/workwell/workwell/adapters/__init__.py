"""AWS adapters: DynamoDB, KMS, SES. The only place boto3 is used."""
