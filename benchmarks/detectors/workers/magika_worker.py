"""Magika (Google) as a JSON-lines worker: its output label, score, and its model's own label."""

from jsonlines import serve
from magika import Magika, __version__

magika = Magika()


def detect(code: str) -> dict:
    prediction = magika.identify_bytes(code.encode("utf-8")).prediction
    output = prediction.output.label
    raw = prediction.dl.label
    return {
        "answer": None if output == "unknown" else [output],
        "confidence": prediction.score,
        "ranked": [] if raw == "undefined" else [[[raw], prediction.score]],
    }


# Its vocabulary: the labels it outputs and its network's own (the 'model label' variant).
labels = {str(label) for label in [*magika.get_output_content_types(), *magika.get_model_content_types()]}
serve(detect, f"magika {__version__}", {"names": [[label] for label in sorted(labels)]})
