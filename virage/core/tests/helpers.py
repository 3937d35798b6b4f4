class Rollback(Exception):
    """Raised inside a transaction in tests to roll it back."""
