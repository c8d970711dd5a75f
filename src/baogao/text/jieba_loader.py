"""jieba, jieba.posseg and rjieba, loaded without what their imports cost the kit.

- ``import_jieba()``: jieba without pkg_resources (0.2 s, and a deprecation
  warning with recent setuptools), quiet;
- ``import_posseg()``: jieba.posseg without the parse of dict.txt that its
  import performs for the global ``jieba.posseg.dt`` (0.5 s): that tokenizer
  reads its table when first used;
- ``rjieba_class()``: ``rjieba.Jieba`` without the default instance that
  ``import rjieba`` builds (0.15 s, 25 MB);
- ``installed_version(dist)``: a distribution's version without importing it.

A student's own jieba, jieba.posseg or rjieba code in the same kernel works
as it would without the kit.
"""
from __future__ import annotations

import importlib.util
import io
import logging
import sys
from pathlib import Path


def installed_version(dist: str) -> str | None:
    """The installed version of a distribution, without importing it.

    Read from the ``<dist>-<version>.dist-info`` folder beside the package
    (what pip writes), else from ``importlib.metadata`` (slower to import).
    """
    spec = importlib.util.find_spec(dist)
    if spec is None or not spec.origin:
        return None
    site = Path(spec.origin).parent.parent
    for info in site.glob(f"{dist}-*.dist-info"):
        return info.name[len(dist) + 1:-len(".dist-info")]
    # fallback for an unusual install layout (slow to import)
    from importlib import metadata

    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return None


def import_jieba():
    """``import jieba``, quiet, and without pkg_resources.

    jieba 0.42.1 finds its data files through pkg_resources when it can
    import it (0.2 s, and a deprecation warning with recent setuptools) and
    opens them directly otherwise: the same files, so the kit makes that
    import fail while jieba is imported, once.
    """
    if "jieba" not in sys.modules and "pkg_resources" not in sys.modules:
        sys.modules["pkg_resources"] = None  # ImportError in jieba._compat: it opens its files itself
        try:
            import jieba  # heavy: loaded by the first segmentation only
        finally:
            if sys.modules.get("pkg_resources", 0) is None:
                del sys.modules["pkg_resources"]
    import jieba  # heavy: loaded by the first segmentation only (or just above)

    jieba.setLogLevel(logging.WARNING)
    return jieba


def import_posseg():
    """``jieba.posseg``, without the dictionary parse its import performs.

    Importing jieba.posseg builds the global ``POSTokenizer(jieba.dt)``,
    which parses dict.txt for its word tags (0.5 s). Imported here, that
    table is read when the global tokenizer is first used (by a student's own
    ``jieba.posseg.cut``), from the same file: the result is the same, the
    kit only stops paying for it.
    """
    jieba = import_jieba()
    if "jieba.posseg" in sys.modules:
        import jieba.posseg  # heavy: already loaded (by the student's code), bound here

        return jieba.posseg
    dt = jieba.dt
    dt.get_dict_file = lambda: io.BytesIO()  # the global tokenizer's parse, at import, reads nothing
    try:
        import jieba.posseg  # heavy: the POS tagger and its HMM tables
    finally:
        del dt.get_dict_file
    posseg = jieba.posseg

    class LazyPOSTokenizer(posseg.POSTokenizer):
        """jieba.posseg's global tokenizer, whose word-tag table is read on first use."""

        @property
        def word_tag_tab(self):
            table = self.__dict__.get("_word_tag_tab")
            if table is None:
                posseg.POSTokenizer.load_word_tag(self, self.tokenizer.get_dict_file())
                table = self.__dict__["_word_tag_tab"]
            return table

        @word_tag_tab.setter
        def word_tag_tab(self, table):
            self.__dict__["_word_tag_tab"] = table

    posseg.dt.__dict__.pop("word_tag_tab", None)
    posseg.dt.__class__ = LazyPOSTokenizer
    return posseg


def rjieba_class():
    """``rjieba.Jieba``, without the default instance that ``import rjieba`` builds.

    rjieba's ``__init__`` builds a module-level ``Jieba()`` (0.15 s, 25 MB)
    that the kit never uses. Its compiled module is loaded here under its own
    name, ``rjieba.rjieba``, as the package would load it; a later
    ``import rjieba`` (a student's) finds it there and works as usual.
    """
    if "rjieba" not in sys.modules:  # else imported already (or blocked: None), used as it is
        if "rjieba.rjieba" in sys.modules:
            return sys.modules["rjieba.rjieba"].Jieba
        spec = importlib.util.find_spec("rjieba")
        for folder in (spec.submodule_search_locations or []) if spec else []:
            for path in Path(folder).glob("rjieba.*"):
                if path.suffix in (".so", ".pyd"):
                    inner = importlib.util.spec_from_file_location("rjieba.rjieba", path)
                    module = importlib.util.module_from_spec(inner)
                    inner.loader.exec_module(module)
                    sys.modules["rjieba.rjieba"] = module
                    return module.Jieba
    import rjieba  # heavy: builds its dictionary (Rust) on import

    return rjieba.Jieba
