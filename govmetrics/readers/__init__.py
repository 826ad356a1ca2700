"""Readers of the files users have besides plain text: web pages and PDF pages."""
