"""Orchestration with the database: requests in, engine calls, rows and response documents out."""
