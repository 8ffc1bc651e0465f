"""Finite fields GF(p^m): the arithmetic affine planes and orthogonal Latin squares are built on."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache


def prime_power(q: int) -> tuple[int, int] | None:
    """Split q into (p, m) with q = p^m and p prime, or None when q is no prime power."""
    if q < 2:
        return None
    p = next(d for d in range(2, q + 1) if q % d == 0)
    m, rest = 0, q
    while rest % p == 0:
        rest //= p
        m += 1
    return (p, m) if rest == 1 else None


def _digits(x: int, p: int, m: int) -> list[int]:
    return [(x // p**i) % p for i in range(m)]


def _number(coeffs: list[int], p: int) -> int:
    return sum(c * p**i for i, c in enumerate(coeffs))


def _poly_mod(a: list[int], f: list[int], p: int) -> list[int]:
    """Reduce polynomial a (low degree first) modulo monic f over Z_p."""
    a = a[:]
    deg = len(f) - 1
    for i in range(len(a) - 1, deg - 1, -1):
        c = a[i] % p
        if c:
            for j in range(deg + 1):
                a[i - deg + j] = (a[i - deg + j] - c * f[j]) % p
    return [c % p for c in a[:deg]] + [0] * max(0, deg - len(a))


def _irreducible(p: int, m: int) -> list[int]:
    """Find the first monic polynomial of degree m with no factor of degree 1..m//2."""
    for tail in range(p**m):
        f = [*_digits(tail, p, m), 1]
        if all(
            any(_poly_mod(f, [*_digits(t, p, d), 1], p))
            for d in range(1, m // 2 + 1)
            for t in range(p**d)
        ):
            return f
    raise AssertionError(f"no irreducible polynomial of degree {m} over Z_{p}")


@dataclass(frozen=True)
class Field:
    """GF(q) on the integers 0..q-1 (base-p digits are polynomial coefficients), with tables."""

    q: int
    add: tuple[tuple[int, ...], ...]
    mul: tuple[tuple[int, ...], ...]

    def neg(self, a: int) -> int:
        """Return the additive inverse of a."""
        return self.add[a].index(0)

    def sub(self, a: int, b: int) -> int:
        """Return a - b."""
        return self.add[a][self.neg(b)]


@cache
def field(q: int) -> Field:
    """Build GF(q) once; q must be a prime power."""
    split = prime_power(q)
    if split is None:
        raise ValueError(f"{q} is not a prime power")
    p, m = split
    f = _irreducible(p, m)
    digits = [_digits(x, p, m) for x in range(q)]
    add = tuple(
        tuple(
            _number([(u + v) % p for u, v in zip(digits[a], digits[b], strict=True)], p)
            for b in range(q)
        )
        for a in range(q)
    )
    mul = tuple(
        tuple(_number(_poly_mod(_times(digits[a], digits[b], p), f, p), p) for b in range(q))
        for a in range(q)
    )
    return Field(q, add, mul)


def _times(a: list[int], b: list[int], p: int) -> list[int]:
    out = [0] * (len(a) + len(b) - 1)
    for i, u in enumerate(a):
        for j, v in enumerate(b):
            out[i + j] = (out[i + j] + u * v) % p
    return out
