"""Language data for the quotes stage (see README.md)."""
