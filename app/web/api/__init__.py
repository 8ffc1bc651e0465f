"""The JSON API of the public contract, one router per resource."""
