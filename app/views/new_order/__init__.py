"""new_order"""
