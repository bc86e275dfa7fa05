"""text stage"""
