#!/usr/bin/env python3
"""Turns the Reuters-21578 newswire collection, in the JSON form of one file per SGML file (a list of stories
with `body`, `title`, `date` and `attrs.newid` or `id`), into the JSON Lines corpus that `bench/scale.py --corpus` and
`kg build` read: one story a line, with id, title, ISO date and text.

    python3 bench/reuters_to_jsonl.py DIR_OF_reut2-NNN.json > reuters.jsonl

Stories without a body are left out (19,043 of 21,578 have one). The wire's hard line breaks are joined
within paragraphs, so that a name is never cut by a line end; paragraphs (lines indented by spaces) stay
apart. The SGML's character references (`&lt;Imperial Group Plc>`, the `&#3;` end mark) are decoded and
control characters dropped. The collection is public (Reuters and Carnegie Group, distributed by UCI for research); keep the
converted corpus outside the repository.
"""

import datetime
import glob
import html
import json
import os
import re
import sys

PARAGRAPH = re.compile(r"\n\s{2,}")


def iso_date(raw):
    try:
        return datetime.datetime.strptime(raw.strip()[:20], "%d-%b-%Y %H:%M:%S").date().isoformat()
    except ValueError:
        return None


def plain(raw):
    """The text of SGML with its character references decoded and control characters (but line breaks) dropped."""
    return "".join(c for c in html.unescape(raw) if c == "\n" or c >= " ")


def text_of(body):
    body = plain(body.replace("\r", ""))
    # The closing "Reuter" signature is not part of the story.
    body = re.sub(r"\s*Reuter\s*\Z", "", body.strip())
    paragraphs = PARAGRAPH.split(body)
    return "\n\n".join(" ".join(p.split()) for p in paragraphs if p.strip())


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    for path in sorted(glob.glob(os.path.join(sys.argv[1], "*.json"))):
        with open(path, encoding="utf-8", errors="replace") as f:
            stories = json.load(f)
        for story in stories:
            body = story.get("body") or ""
            if not body.strip():
                continue
            # Two public JSON forms of the collection: SGML attributes under `attrs`, or a flat `id`.
            newid = (story.get("attrs") or {}).get("newid") or story.get("id")
            record = {"id": "reuters-" + str(newid), "text": text_of(body)}
            title = " ".join(plain(story.get("title") or "").split())
            if title:
                record["title"] = title.title() if title.isupper() else title
            date = iso_date(story.get("date") or "")
            if date:
                record["date"] = date
            print(json.dumps(record, ensure_ascii=False))


if __name__ == "__main__":
    main()
