"""Tests of the ui box (a package so its module names cannot clash with other boxes')."""
