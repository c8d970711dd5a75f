"""What a student did to the cells of the generated exercise notebook.

Cells are matched by id (Jupyter keeps a cell's id when it is edited or
moved), then by identical source. Reported, never fatal — the grader's
verdict does not depend on the check cells: deleted cells, cells in another
order, and edits to cells that are not answer cells (checks, setup, the
parameters cell).
"""

from __future__ import annotations


def _source(cell) -> str:
    source = cell.get("source", "")
    return "".join(source) if isinstance(source, list) else str(source)


def _label(cell, n: int) -> str:
    first = next((line.strip() for line in _source(cell).splitlines() if line.strip()), "")
    if len(first) > 24:
        first = first[:23] + "…"
    return f"原第 {n} 个单元" + (f"（{first}）" if first else "")


def _is_answer(cell) -> bool:
    meta = cell.get("metadata") or {}
    return bool(isinstance(meta.get("baogao"), dict) and meta["baogao"].get("answer"))


def compare_cells(reference: dict, submitted: dict) -> list[tuple[str, str]]:
    """(kind, sentence) for each change: cells_deleted, cells_reordered, cells_edited."""
    ref_cells = [c for c in reference.get("cells", []) if _source(c).strip()]
    sub_cells = [c for c in submitted.get("cells", []) if isinstance(c, dict)]
    by_id = {c.get("id"): i for i, c in enumerate(sub_cells) if c.get("id")}
    used: set[int] = set()
    matches: list[tuple[int, int, bool]] = []  # (reference position, submitted position, by id)
    missing = []
    for r, cell in enumerate(ref_cells):
        i = by_id.get(cell.get("id"))
        if i is not None and i not in used and sub_cells[i].get("cell_type") == cell.get("cell_type"):
            used.add(i)
            matches.append((r, i, True))
            continue
        same = next((i for i, c in enumerate(sub_cells)
                     if i not in used and _source(c).strip() == _source(cell).strip()), None)
        if same is None:
            missing.append(r)
        else:
            used.add(same)
            matches.append((r, same, False))
    number = {id(c): n for n, c in enumerate(reference.get("cells", []), 1)}
    out = []
    if missing:
        names = "、".join(_label(ref_cells[r], number[id(ref_cells[r])]) for r in missing[:3])
        more = f"等 {len(missing)} 个单元" if len(missing) > 3 else ""
        out.append(("cells_deleted", f"删除了{names}{more}。"))
    for (r1, s1, _), (r2, s2, _) in zip(matches, matches[1:]):
        if s2 < s1:
            a = _label(ref_cells[r2], number[id(ref_cells[r2])])
            b = _label(ref_cells[r1], number[id(ref_cells[r1])])
            out.append(("cells_reordered", f"调换了单元的顺序：{a}被移到了{b}之前。"))
            break
    edited = [r for r, i, by_id_match in matches
              if by_id_match and ref_cells[r].get("cell_type") == "code" and not _is_answer(ref_cells[r])
              and _source(sub_cells[i]).strip() != _source(ref_cells[r]).strip()]
    if edited:
        names = "、".join(_label(ref_cells[r], number[id(ref_cells[r])]) for r in edited[:3])
        out.append(("cells_edited", f"修改了不应修改的单元：{names}（批改不看这些单元的输出）。"))
    return out
