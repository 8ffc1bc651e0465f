"""Use cases: load, call the domain, save, publish. The only layer that commits."""
