"""A process that saves a project over and over, one more review each time, and says which it saved.
tests/store/test_project.py kills it at random moments."""

import sys

from missiondesk.facts.reviews import Review
from missiondesk.store import project


def main(path: str) -> None:
    data = project.load(path)
    n = 0
    while True:
        n += 1
        # a large change each round, so a kill often lands mid-transaction
        for i in range(300):
            key = (f"doc{i}", "count", n, n + 1)
            data.reviews[key] = Review(*key, "accepted", {"note": "x" * 200})
        project.save(data, path)
        print(n, flush=True)


if __name__ == "__main__":
    main(sys.argv[1])
