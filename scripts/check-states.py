#!/usr/bin/env python3
"""Checks that docs/states.dot pictures the typestates of plugin/core/state.h.

Every value of `enum mr_ts` names its typestate in its comment ("unknown",
"allocated", ...); the picture has one node with class="state" per name, and no
other.  Run by ctest (docs/states).  Exit status 1 and a message on a difference.
"""
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def enum_names():
    text = open(os.path.join(ROOT, "plugin/core/state.h")).read()
    body = re.search(r"typedef enum mr_ts\s*\{(.*?)\}\s*mr_ts;", text, re.S)
    if not body:
        sys.exit("check-states: enum mr_ts not found in plugin/core/state.h")
    names = re.findall(r"MR_TS_\w+\s*,?\s*/\*\s*\"([^\"]+)\"", body.group(1))
    values = re.findall(r"\bMR_TS_\w+", body.group(1))
    if len(names) != len(values):
        sys.exit("check-states: every MR_TS_* value of state.h needs its \"name\" "
                 "first in its comment")
    return names


def dot_states():
    text = open(os.path.join(ROOT, "docs/states.dot")).read()
    return re.findall(r'^\s*"([^"]+)"\s*\[[^\]]*class="state"', text, re.M)


def main():
    names, nodes = enum_names(), dot_states()
    missing = [n for n in names if n not in nodes]
    extra = [n for n in nodes if n not in names]
    if missing or extra or len(nodes) != len(set(nodes)):
        print("docs/states.dot does not match enum mr_ts (plugin/core/state.h):")
        if missing:
            print("  states without a node: " + ", ".join(missing))
        if extra:
            print("  nodes that are no state: " + ", ".join(extra))
        if len(nodes) != len(set(nodes)):
            print("  a state has two nodes")
        return 1
    print("docs/states.dot: %d typestates, as in state.h" % len(names))
    return 0


if __name__ == "__main__":
    sys.exit(main())
