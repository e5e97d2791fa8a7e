"""Báo cáo: choosing an official document, its preview, and its export onto a USB stick."""
