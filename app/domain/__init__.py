"""Pure domain: plain data in, plain data out; no I/O, no framework, no wall clock."""
