"""guesslang as a JSON-lines worker: `language_name` (None when unsure) and its probabilities."""

import os

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

from importlib.metadata import version

import tensorflow as tf
from guesslang import Guess
from jsonlines import serve

tf.config.threading.set_intra_op_parallelism_threads(1)
tf.config.threading.set_inter_op_parallelism_threads(1)
guess = Guess()


def detect(code: str) -> dict:
    ranked = guess.probabilities(code)
    name = guess.language_name(code)
    return {
        "answer": [name] if name else None,
        "confidence": ranked[0][1] if name else None,
        "ranked": [[[language], float(p)] for language, p in ranked[:20]],
    }


names = [[language] for language in guess.supported_languages]
serve(detect, f"guesslang {version('guesslang')} (tensorflow-cpu {tf.__version__})", {"names": names})
