"""requisitions"""
