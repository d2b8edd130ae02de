"""The wellbeing survey (product.md, Wellbeing survey): its questions, how answers are
scored and explained, the periods aggregates are published for, and the services a
result suggests."""
