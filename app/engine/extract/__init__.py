"""extract stage"""
