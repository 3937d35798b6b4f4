"""Models of the capsules app."""
