"""The views: one function per thing `uwe` shows, dataset and options in, a form out.

A view chooses what to show and returns it as data plus how to present it (form.py); it
never formats for a screen (output.py), never reads files (store.py) and knows no
language (its words are messages that language.py translates). One module per subject;
a command imports only its own.
"""
