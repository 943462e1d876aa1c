"""spaCy for MissionDesk: like pyinstaller-hooks-contrib's hook, without the test suite and with English only.

spaCy imports its language classes by name (spacy.util.get_lang_class); the model is English, so the other
70 languages' modules are left out.
"""

import re

from PyInstaller.utils.hooks import collect_data_files, collect_submodules

_OTHER_LANGUAGE = re.compile(r"^spacy\.lang\.(?!en(\.|$))[a-z]{2,3}(\.|$)")


def _wanted(name: str) -> bool:
    return ".tests" not in name and not _OTHER_LANGUAGE.match(name)


datas = collect_data_files("spacy", excludes=["tests", "lang"])
hiddenimports = collect_submodules("spacy", filter=_wanted)
