"""Benchmarks: langsniff beside other language detectors, and the model's own measurements."""
