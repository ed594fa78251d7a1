"""Outputs appear whole or not at all, and as ordinary files."""

from __future__ import annotations

import os
import stat

import pytest

from perfeval_xl.ooxml.atomic import atomic_target, atomic_write


def test_output_gets_ordinary_permissions_not_mkstemps_owner_only(tmp_path):
    old = os.umask(0o022)
    try:
        with atomic_target(tmp_path / "out.xlsx") as tmp:
            tmp.write_bytes(b"data")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "out.xlsx").stat().st_mode) == 0o644


def test_a_failed_write_leaves_the_previous_output_and_no_temporary(tmp_path):
    target = tmp_path / "out.xlsx"
    target.write_bytes(b"previous")
    with pytest.raises(RuntimeError):
        with atomic_target(target) as tmp:
            tmp.write_bytes(b"half")
            raise RuntimeError("killed")
    assert target.read_bytes() == b"previous"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.xlsx"]


def test_atomic_write_replaces_the_output_with_ordinary_permissions(tmp_path):
    target = tmp_path / "sub" / "out.xlsx"
    old = os.umask(0o022)
    try:
        atomic_write(target, b"first")
        atomic_write(target, b"second")
    finally:
        os.umask(old)
    assert target.read_bytes() == b"second"
    assert stat.S_IMODE(target.stat().st_mode) == 0o644
    assert [p.name for p in target.parent.iterdir()] == ["out.xlsx"]


def test_a_stale_temporary_left_by_a_killed_run_is_stepped_over(tmp_path, monkeypatch):
    import itertools

    from perfeval_xl.ooxml import atomic as _atomic

    monkeypatch.setattr(_atomic, "_serial", itertools.count(7))
    stale = tmp_path / f".~out.{os.getpid()}.7.tmp"
    stale.write_bytes(b"left by a killed run")
    atomic_write(tmp_path / "out.xlsx", b"new")
    assert (tmp_path / "out.xlsx").read_bytes() == b"new"
    assert stale.read_bytes() == b"left by a killed run"  # not ours: neither reused nor removed
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([stale.name, "out.xlsx"])


def test_umask_decides_the_mode_as_for_any_new_file(tmp_path):
    old = os.umask(0o027)
    try:
        atomic_write(tmp_path / "out.xlsx", b"x")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "out.xlsx").stat().st_mode) == 0o640
