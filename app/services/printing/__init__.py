"""Printing at the desk, without Qt: hand-out wording, label templates, ZPL, raw printers.

The Qt side (painting the hand-out and label sheets, the preview and settings widgets) lives in
``app.views.printing``; everything here is plain data and I/O so it can be tested without a
screen and reused by any view.
"""
