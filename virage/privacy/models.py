"""Models of the privacy app."""
