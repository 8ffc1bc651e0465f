"""Edmonds' blossom algorithm: grow a matching along augmenting paths, in pure Python.

A matching is a list `mate` (vertex -> partner, or -1). From a free vertex a breadth-first
search grows an alternating tree; an odd cycle (a blossom) is shrunk into its base, and reaching
another free vertex flips the path, matching one more pair. Calling `augment` once from every
free vertex gives a maximum matching: a vertex with no augmenting path never gets one later
(Edmonds, "Paths, trees, and flowers", 1965). Each search is O(V·E) at worst, and stops at the
first free vertex it meets, so on the dense graphs of an event it usually looks at a few edges.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

Neighbours = Callable[[int], Iterable[int]]


def augment(root: int, mate: list[int], neighbours: Neighbours) -> bool:
    """Match the free vertex `root` by flipping an augmenting path; tell whether one exists."""
    n = len(mate)
    parent = [-1] * n  # the tree edge into an odd (inner) vertex
    base = list(range(n))  # each vertex's blossom, by its base
    outer = [False] * n
    outer[root] = True
    queue = [root]
    for v in queue:  # the queue grows while it is read
        for u in neighbours(v):
            if base[v] == base[u] or mate[v] == u:
                continue
            if u == root or (mate[u] != -1 and parent[mate[u]] != -1):
                top = _common_base(v, u, base, mate, parent)
                inside = [False] * n
                _mark(v, top, u, base, mate, parent, inside)
                _mark(u, top, v, base, mate, parent, inside)
                for i in range(n):
                    if inside[base[i]]:
                        base[i] = top
                        if not outer[i]:
                            outer[i] = True
                            queue.append(i)
            elif parent[u] == -1:
                parent[u] = v
                if mate[u] == -1:
                    _flip(u, mate, parent)
                    return True
                w = mate[u]
                outer[w] = True
                queue.append(w)
    return False


def _common_base(a: int, b: int, base: list[int], mate: list[int], parent: list[int]) -> int:
    """Find the base of the blossom closed by the edge a–b: where their paths to the root meet."""
    seen = set()
    while True:
        a = base[a]
        seen.add(a)
        if mate[a] == -1:
            break
        a = parent[mate[a]]
    while True:
        b = base[b]
        if b in seen:
            return b
        b = parent[mate[b]]


def _mark(
    v: int, top: int, child: int, base: list[int], mate: list[int], parent: list[int], inside: list
) -> None:
    """Mark the blossoms on the path from v down to `top`, pointing inner vertices the new way."""
    while base[v] != top:
        inside[base[v]] = inside[base[mate[v]]] = True
        parent[v] = child
        child = mate[v]
        v = parent[mate[v]]


def _flip(u: int, mate: list[int], parent: list[int]) -> None:
    """Flip the augmenting path ending at the free vertex u back to the root."""
    while u != -1:
        v = parent[u]
        w = mate[v]
        mate[u] = v
        mate[v] = u
        u = w
