"""The benchmark: unboil beside its peers on the evaluation corpus (``python -m unboil.bench``)."""
