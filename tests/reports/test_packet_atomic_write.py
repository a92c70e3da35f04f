"""A build that dies half-way leaves neither a partial packet nor a temporary file."""

import pytest

from reports.packets.jobs import write_atomically


def test_failed_build_leaves_nothing(tmp_path):
    target = tmp_path / "packet.pdf"

    def dies_half_way(handle):
        handle.write(b"%PDF-1.4 first half")
        raise RuntimeError("worker killed")

    with pytest.raises(RuntimeError):
        write_atomically(target, dies_half_way)
    assert list(tmp_path.iterdir()) == []


def test_failed_rebuild_keeps_the_previous_file(tmp_path):
    target = tmp_path / "packet.pdf"
    write_atomically(target, lambda handle: handle.write(b"complete"))

    def dies(handle):
        handle.write(b"partial")
        raise KeyboardInterrupt  # even an interrupt cleans up

    with pytest.raises(KeyboardInterrupt):
        write_atomically(target, dies)
    assert target.read_bytes() == b"complete"
    assert [p.name for p in tmp_path.iterdir()] == ["packet.pdf"]


def test_build_into_a_folder_that_disappeared(tmp_path):
    folder = tmp_path / "gone"
    with pytest.raises(FileNotFoundError):
        write_atomically(folder / "packet.pdf", lambda handle: handle.write(b"x"))
    assert list(tmp_path.iterdir()) == []
