"""Evaluation metrics and ``python -m matching evaluate`` on tiny TSV files."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from matching.cli import main
from matching.embedders import HashingEmbedder
from matching.evaluation import load_eval_set, ndcg_at_k, recall_at_k, reciprocal_rank
from matching.matcher import Matcher
from matching.types import DemandQuery

LISTINGS = """id\tcategory\ttitle\tdescription
D001\tcatering\tKatering Nasi Kotak\tNasi kotak ayam untuk rapat
D002\tcatering\tDapur Prasmanan\tPrasmanan untuk acara kantor
D003\tfurniture\tKursi Kantor\tKursi kantor dan meja kerja
D004\tbeverage\tKopi Bubuk\tKopi robusta sangrai
"""
CATEGORY_QUERIES = """qid\tsource\tquery\trelevant_categories\tpartial_categories
Q1\twritten\tNasi kotak untuk rapat\tcatering\tbeverage
Q2\tlpse\tBelanja Kursi Kantor TA 2025\tfurniture\t
"""
LISTING_QUERIES = """qid\tsource\tquery\trelevant\tpartial
Q1\twritten\tkopi robusta\tD004\t
Q2\twritten\tmeja kerja\tD003\tD002
"""


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    paths = {"listings": tmp_path / "l.tsv", "cat": tmp_path / "q1.tsv", "ids": tmp_path / "q2.tsv"}
    paths["listings"].write_text(LISTINGS)
    paths["cat"].write_text(CATEGORY_QUERIES)
    paths["ids"].write_text(LISTING_QUERIES)
    return paths


def test_metrics() -> None:
    gains = {"a": 2, "b": 2, "c": 1}
    assert ndcg_at_k(["a", "b", "c"], gains) == pytest.approx(1.0)
    assert ndcg_at_k(["x", "a"], gains) < 1.0
    assert recall_at_k(["a", "x", "x", "x", "x", "b"], gains, 5) == pytest.approx(0.5)
    assert reciprocal_rank(["c", "x", "b"], gains) == pytest.approx(1 / 3)


def test_both_label_forms_load(files: dict[str, Path]) -> None:
    by_category = load_eval_set(files["listings"], files["cat"])
    assert by_category.queries[0].gains == {"D001": 2, "D002": 2, "D004": 1}
    by_listing = load_eval_set(files["listings"], files["ids"])
    assert by_listing.queries[1].gains == {"D003": 2, "D002": 1}
    assert by_listing.key_of[1] == "D001"


@pytest.mark.parametrize("which", ["cat", "ids"])
def test_evaluate_json_last_line(files: dict[str, Path], which: str, capsys: pytest.CaptureFixture) -> None:
    code = main(
        [
            "evaluate",
            "--listings",
            str(files["listings"]),
            "--queries",
            str(files[which]),
            "--json",
            "--model",
            "hashing",
        ]
    )
    assert code == 0
    last = capsys.readouterr().out.strip().splitlines()[-1]
    result = json.loads(last)
    assert set(result) == {"ndcg@10", "recall@5", "mrr", "queries"}
    assert result["queries"] == 2 and 0 < result["ndcg@10"] <= 1


def test_evaluate_table_and_module_entry(files: dict[str, Path]) -> None:
    out = subprocess.run(
        [
            sys.executable,
            "-m",
            "matching",
            "evaluate",
            "--listings",
            str(files["listings"]),
            "--queries",
            str(files["cat"]),
            "--model",
            "hashing",
            "--fairness",
            "1",
        ],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).resolve().parents[2],
    ).stdout
    assert "engine" in out and "BM25" in out and "dense only" in out and "gini" in out


def test_missing_model_is_reported(files: dict[str, Path], capsys: pytest.CaptureFixture) -> None:
    code = main(
        [
            "evaluate",
            "--listings",
            str(files["listings"]),
            "--queries",
            str(files["cat"]),
            "--model",
            "/nonexistent/model",
        ]
    )
    assert code == 2 and "MATCHER_MODEL" in capsys.readouterr().err


def test_bench_is_not_faked(capsys: pytest.CaptureFixture) -> None:
    assert main(["bench", "--size", "10", "--queries", "2", "--model", "hashing", "--json"]) == 0
    result = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert result["size"] == 10 and result["vectors_real"] == 10 and result["p50_ms"] > 0


def test_matcher_end_to_end(records) -> None:
    matcher = Matcher.build(records, HashingEmbedder(256))
    result = matcher.match(DemandQuery(text="Pengadaan nasi kotak rapat"), limit=3)
    assert len(result) == 3 and result[0].supplier_id == 101
    assert result[0].listing_ids[0] in (1, 11)
    matcher.remove([1, 11])
    assert 101 not in [m.supplier_id for m in matcher.match(DemandQuery(text="nasi kotak"), limit=5)]
    assert matcher.search("kopi", 1)[0].listing_id == 8


def test_ndcg_and_mrr_follow_their_textbook_definitions() -> None:
    import math

    gains = {"a": 2, "b": 1, "c": 2, "d": 0}
    ranked = ["x", "b", "y", "a", "d"]
    dcg = (2**1 - 1) / math.log2(3) + (2**2 - 1) / math.log2(5)
    ideal = (2**2 - 1) / math.log2(2) + (2**2 - 1) / math.log2(3) + (2**1 - 1) / math.log2(4)
    assert ndcg_at_k(ranked, gains) == pytest.approx(dcg / ideal, abs=1e-12)
    assert ndcg_at_k(ranked, gains, k=3) == pytest.approx(((2**1 - 1) / math.log2(3)) / ideal, abs=1e-12)
    assert reciprocal_rank(ranked, gains) == pytest.approx(1 / 4)
    assert ndcg_at_k([], gains) == 0.0 and reciprocal_rank(["x"], {}) == 0.0
