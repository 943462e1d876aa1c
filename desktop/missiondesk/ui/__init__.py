"""Everything Qt: the only package that may import PySide6."""
