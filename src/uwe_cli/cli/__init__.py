"""The program and its command line: commands, options, usage errors, completion, the one
error boundary and the process (signals, closed streams).

`commands.py` maps each command's options to one view or one helper (`showing.py` runs a
view and renders it); nothing here reads a
data file or formats a value itself. May import every other layer; nothing imports it but
`uwe_cli.__main__`.
"""
