"""Instant alerts: `[[alerts]]` rules matched against new reports, sent within seconds."""
