"""Printing at the desk, the Qt side: the hand-out painter and preview, label sheets, and the
printing settings. The wording, label templates, ZPL and raw printers are in
``app.services.printing``."""
