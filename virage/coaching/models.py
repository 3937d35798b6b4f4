"""Models of the coaching app."""
