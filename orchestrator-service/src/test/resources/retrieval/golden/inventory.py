#!/usr/bin/env python3
"""Stock levels of a small shop."""

import json

DEFAULT_LOCATION = "main"


def load(path):
    """Read the stock file."""
    with open(path) as f:
        return json.load(f)


class Inventory:
    """Items and their counts."""

    def __init__(self, items=None):
        self.items = dict(items or {})

    @property
    def total(self):
        return sum(self.items.values())

    def remove(self, name, count=1):
        def clamp(value):
            return max(0, value)

        self.items[name] = clamp(self.items.get(name, 0) - count)


async def refresh(inventory, source):
    # fetch the newest counts
    inventory.items.update(await source.fetch())
