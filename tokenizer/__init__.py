"""Building, saving and loading the BPE tokenizer."""
