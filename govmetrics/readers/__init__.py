"""Readers of files as users have them (PDF pages, web pages) into text with a map back to the file."""
