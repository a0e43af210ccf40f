"""Append messages to the four catalogues: python3 .addmsgs.py FILE.json"""
import json, sys, re
entries = json.load(open(sys.argv[1], encoding="utf-8"))
def q(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'
for lang in ("fr", "nl", "de", "bg"):
    path = f"src/uwe_cli/i18n/locale/{lang}/LC_MESSAGES/uwe.po"
    text = open(path, encoding="utf-8").read()
    out = []
    for e in entries:
        mid = e["id"]
        ctx = e.get("ctx")
        key = (f"msgctxt {q(ctx)}\n" if ctx else "") + f"msgid {q(mid)}\n"
        if key in text:
            continue
        flag = "#, python-brace-format\n" if re.search(r"\{\w*\}", mid) else ""
        out.append(f"\n{flag}{key}msgstr {q(e[lang])}\n")
    if out:
        open(path, "a", encoding="utf-8").write("".join(out))
