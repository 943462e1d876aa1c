"""`make test` runs the short form of these tests; `make soak` (MISSIONDESK_SOAK=1) the long one: more kills,
more fuzzing, and every hostile case through every command on its own."""

import os

import pytest

SOAK = os.environ.get("MISSIONDESK_SOAK") == "1"


def pytest_configure(config):
    config.addinivalue_line("markers", "soak: long reliability runs, only under `make soak`")
    config.addinivalue_line("markers", "kill: kills a child process at random moments (subprocess test)")


def pytest_collection_modifyitems(config, items):
    if SOAK:
        return
    skip = pytest.mark.skip(reason="long run: `make soak`")
    for item in items:
        if "soak" in item.keywords:
            item.add_marker(skip)
