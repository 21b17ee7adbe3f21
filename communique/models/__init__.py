"""Trained models: the event model (run time in ``event_model``, training in ``training``)."""
