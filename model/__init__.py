"""The encoder, its training and evaluation, and the Classifier that loads an artifact."""
