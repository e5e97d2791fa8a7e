"""Tests of the usb box (a package so its module names cannot clash with other boxes')."""
