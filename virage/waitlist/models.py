"""Models of the waitlist app."""
