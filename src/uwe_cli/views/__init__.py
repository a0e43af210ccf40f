"""The views: one function per thing `uwe` shows, dataset and options in, a form out.

A view chooses what to show and returns it as data plus how to present it (`form.py`); it
never formats for a screen (`uwe_cli.output`), never reads files (`uwe_cli.dataset.store`)
and knows no language (its words are messages that `uwe_cli.i18n` translates). One module
per subject; a command imports only its own. A new view goes here, with its command in
`uwe_cli.cli.commands`.
"""
