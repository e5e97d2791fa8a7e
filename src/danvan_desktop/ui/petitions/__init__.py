"""Kiến nghị: residents' petitions, who raised them, and where they were passed on."""
