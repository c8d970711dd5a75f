from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture
def fixtures() -> Path:
    return FIXTURES


@pytest.fixture(autouse=True)
def _quiet_cwd(tmp_path, monkeypatch):
    # Tests never depend on the caller's working directory.
    monkeypatch.chdir(tmp_path)
    yield
