"""Event extraction: triggers, arguments, status, mode, date and place."""
