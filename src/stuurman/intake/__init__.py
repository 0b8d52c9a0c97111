"""The front door: requests from every channel, question analysis, legal tracks and deadlines."""
