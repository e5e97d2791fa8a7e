"""The application's read-only resources, installed as the package ``danvan_desktop.resources``.

This folder stays at the top of the repository, and pyproject.toml maps it into the
wheel as ``danvan_desktop.resources``; the PyInstaller bundle places it at
``danvan_desktop/resources``. The code reaches it only through
``danvan_desktop.core.paths.resources_dir`` (importlib.resources), never by a path
relative to the source tree. Its folders:

- ``fonts``: Noto Sans (the UI font) and Liberation Serif (the documents), with licences;
- ``translations``: Qt Linguist ``*_en.ts`` catalogues, their compiled ``.qm`` files and
  ``qtbase_vi.qm`` for Qt's own buttons;
- ``presets``: the state and Party layout presets of the documents;
- ``handbook``: the bundled handbook (Markdown files and ``index.json``);
- ``regulation``: the city's model regulation of a team;
- ``icons``: the application icon in every size.
"""
