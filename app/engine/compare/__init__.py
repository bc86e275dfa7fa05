"""compare stage"""
