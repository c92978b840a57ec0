"""Jinja2 templates of the views and the web UI (a package only so that they ship as package data)."""
