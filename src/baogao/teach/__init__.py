"""Instructor tools: exercise notebooks from solutions, reset, grading a class.

- ``make_exercises(solutions_dir, exercises_dir)`` (``make_exercises.py``)
- ``reset(exercise_notebook)`` (``reset.py``)
- ``grade(submissions_dir, out_csv, ...)`` (``grade.py``; grades in worker
  processes with ``batch.py``, runs notebooks with ``runner.py``, limits memory
  with ``kernel_launcher.py``, resumes with ``journal.py``, reports cell
  changes with ``cells.py``)
- ``baogao.cli.teach.main(argv)``: ``baogao teach make-exercises | reset | grade``
"""

from baogao.teach.make_exercises import make_exercises
from baogao.teach.reset import reset


def grade(*args, **kwargs):
    """Grade a folder of notebooks (see ``baogao.teach.grade.grade``)."""
    from baogao.teach.grade import grade as _grade  # nbclient loads on first use only

    return _grade(*args, **kwargs)


__all__ = ["make_exercises", "reset", "grade"]
