"""kit_panel"""
