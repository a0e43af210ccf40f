"""`uwe site DIR`: the data as a folder of static web pages, in every language.

Each page is a view's form (the very form the terminal and the other formats show),
derived into text by `output/shown.py` and written as semantic HTML (`page.py`), with
links to the records, the slides and the page's translations (`links.py`); `build.py`
lists the pages and writes the folder whole or not at all (`folder.py`). Nothing here
reads the network or needs JavaScript; `style.css` is the one stylesheet.
"""
