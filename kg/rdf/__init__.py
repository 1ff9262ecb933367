"""The RDF layer: the only code that knows the vocabulary (ontologies/leader-contacts.ttl)."""
