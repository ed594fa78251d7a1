"""Test support outside the installed package: the test-data generator (``synth``)."""
