"""Resolution: actors, times and places, each against the article's context."""
