"""The pygls language server that detects the language of untitled buffers."""
