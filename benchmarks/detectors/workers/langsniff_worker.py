"""langsniff's Classifier as a JSON-lines worker, so its start-up and memory are measured like the others'.

Usage: python langsniff_worker.py [MODEL_DIR]  (default: the shipped artifact, Classifier.default()).
"""

import hashlib
import json
import sys
from pathlib import Path

import torch
from jsonlines import serve
from langsniff.model.classifier import Classifier
from langsniff.model.prediction import ArtifactError
from langsniff.model.shipped import DEFAULT_ARTIFACT

try:
    classifier = Classifier.load(sys.argv[1]) if len(sys.argv) > 1 else Classifier.default()
except ArtifactError as error:
    print(json.dumps({"error": str(error)}), flush=True)
    sys.exit(0)
torch.set_num_threads(1)  # one thread, like every other detector here (after loading, which sets its own)


def detect(code: str) -> dict:
    prediction = classifier.predict(code)
    return {
        "answer": [prediction.label],
        "confidence": prediction.confidence,
        "ranked": [[[label], p] for label, p in prediction.probabilities.items()],
    }


folder = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_ARTIFACT
weights = hashlib.sha256((folder / "model.safetensors").read_bytes()).hexdigest()[:12]  # a new model is a new version
name = sys.argv[1] if len(sys.argv) > 1 else "model/default"
labels = list(classifier.labels)
extra = {"threshold": classifier.threshold, "labels": labels, "names": [[label] for label in labels]}
serve(detect, f"langsniff {name} {weights} (threshold {classifier.threshold:.3f})", extra)
