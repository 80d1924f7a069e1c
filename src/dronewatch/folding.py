"""Names compared as people type them: case folded and ё read as е.

Russian writers drop the diaeresis at will ("Орел" and "Орёл" are one city), so every
look-up that matches a name typed by a user or written in a post folds both sides here.
"""


def fold(text: str) -> str:
    """`text` case folded with ё as е."""
    return fold_yo(text.casefold())


def fold_yo(text: str) -> str:
    """`text` with ё read as е, its case kept (the parser's words are lower-cased already)."""
    return text.replace("ё", "е")
