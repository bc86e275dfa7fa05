"""HTTP routers: one per resource; they translate HTTP to service calls and nothing more."""
