"""Mô hình: the model list, the model form and its panels (indicators, photos),
the list of model fields."""
