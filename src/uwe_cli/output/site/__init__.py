"""`uwe site DIR`: the data as a folder of static web pages, in every language.

Each page is a view's form (the very form the terminal and the other formats show),
derived into text by `output/shown.py` and written as semantic HTML: `content.py` (the
form as headings, tables with header cells, lists, with a link from each record to its
page and from each fact to its slide's page), `text.py` (escaping, typography, the slides'
French marked with `lang`), `page.py` (the page around it: languages, navigation, whose
words are whose), `links.py` (where each page is). `build.py` lists the pages and
`folder.py` writes them whole or not at all. Nothing here reads the network or needs
JavaScript; `style.css` is the one stylesheet.
"""
