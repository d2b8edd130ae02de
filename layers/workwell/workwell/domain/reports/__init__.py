"""Safety reports: types, references and receipts, and the report itself."""
