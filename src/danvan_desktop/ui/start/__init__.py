"""The start's work off the GUI thread: the lane jobs ``ui/app_controller.py`` runs."""
