"""Regenerates the spaCy oracle fixtures of the rule-based analysis tests (needs spaCy 3.8 installed).

    python bench/make_text_oracle.py fuzz  > tests/data/oracle_tokenizer_fuzz.jsonl
    python bench/make_text_oracle.py synth > tests/data/oracle_synthetic_200.jsonl

`fuzz`: random strings (punctuation-heavy ASCII with URL/emoticon/contraction pieces, then arbitrary Unicode
including control and space characters), tokenized by spaCy; per token [first char, end char, space after].
`synth`: random concatenations of tricky pieces (contractions, abbreviations, URLs, e-mails, numbers with
units, emoticons, scripts, whitespace variants) through the full pipeline, in the oracle's JSON form.
"""

import json
import random
import sys

import spacy

MODEL = "data/models/en_core_web_sm-3.8.0"

PIECES = """don't can't won't I'm you're he'll they'd it's let's y'all gonna gotta ain't U.S. U.K. a.m. p.m. Mr. Mrs.
Dr. e.g. i.e. etc. Inc. Ltd. Jan. Feb. St. vs. :) :-) ;) :( <3 (: ^_^ o.O xD :P http://example.com
https://www.example.org/path/to?q=1&r=2#frag www.google.com example.co.uk ftp://files.x.org/a.txt bob@example.com
user.name+tag@mail.co 192.168.1.1 10.0.0.1 8.8.8.8 localhost:8080 http://127.0.0.1:5000/x $5 $5.00 US$10 €20
£3.50 5km 10kg 3.5mm 100% 20°C 98.6°F 5'11" 1,000 1.000,5 3-4 1990s '90s well-known state-of-the-art re-elect
e-mail co-operate A--B x/y and/or 1/2 24/7 a+b 2+2=4 3*4 10^6 hello...world wait… what?! no!!! (yes) [note] {x}
<tag> "quoted" 'single' “curly” ‘curly’ «guillemets» O'Brien rock'n'roll John's James' Jones’s it’s don’t NASA's
1980's #hashtag @mention C++ C# .NET Node.js v1.2.3 3.14159 -5 +7 ±2 ~10 … 日本語 中文测试 한국어 😀 👍🏽 👨‍👩‍👧 🇺🇸 ★ →
©2020 ™ ® §5 ¶ naïve café résumé Zürich Ελληνικά русский עברית العربية हिन्दी A. b. Co. No. U.S.A. Ph.D. M.D.
B.A. J.R.R. a.k.a. N.Y.C. (a) 1. 2) i) -- --- — – - _ __init__ snake_case CamelCase ALLCAPS 5pm 5PM 12:30
12:30pm 2020-01-01 01/02/2003 +1-555-123-4567 (555) Hello world the cat sat on mat quickly running went better
children mice ran""".split() + ["\t", "\n", "\n\n", " ", "  ", "\u00a0", "\u2009", "\u3000", "\r\n", "\x0b", "5 p.m."]
SEPS = [" "] * 12 + ["", "  ", "\n", " \n ", "\t", ", ", ". ", "-", "/"]
ASCII_ISH = list("aAbBzZeEsStT0123456789.,;:!?'\"()[]{}<>/\\@#$%^&*+=~`|-_ …’‘“”«»°£€¥§©®™–—·¿¡") + [
    "\n", "\t", "\u00a0", "😀", "日", "é", "ß", "Σ", "ς", "İ", "\u200d", "\ufe0f", "²", "½", "km", "'s", "n't",
    "http://", "www.", ".com", "@x.org", "a.m.", "U.S.", ":)", "Mr."]
SPACES = " \n\t\r\x0b\x0c\x1c\x1d\x1e\x1f\x85\xa0\u1680\u2000\u2028\u202f\u3000\u200b\u180e"


def any_char(rng):
    r = rng.random()
    if r < 0.3:
        return chr(rng.randint(0x20, 0x7E))
    if r < 0.4:
        return rng.choice(SPACES)
    if r < 0.7:
        return chr(rng.randint(0xA0, 0x3000))
    while True:
        c = rng.randint(0, 0x2FFFF)
        if not 0xD800 <= c <= 0xDFFF:
            return chr(c)


def fuzz():
    nlp = spacy.load(MODEL, exclude=["tok2vec", "tagger", "parser", "senter", "attribute_ruler", "lemmatizer", "ner"])
    rng = random.Random(7)
    texts = ["".join(rng.choice(ASCII_ISH) for _ in range(rng.randint(1, 40))) for _ in range(1200)]
    texts += ["".join(any_char(rng) for _ in range(rng.randint(1, 30))) for _ in range(1200)]
    texts += [synth_text(rng) for _ in range(600)]
    for i, doc in enumerate(nlp.pipe(texts)):
        toks = [[t.idx, t.idx + len(t.text), 1 if t.whitespace_ else 0] for t in doc]
        print(json.dumps({"id": f"fuzz-{i}", "text": doc.text, "tokens": toks}, ensure_ascii=False, separators=(",", ":")))


def synth_text(rng):
    t = "".join(rng.choice(PIECES) + rng.choice(SEPS) for _ in range(rng.randint(1, 25)))
    return t.strip() if rng.random() < 0.3 else t


def synth():
    nlp = spacy.load(MODEL)
    rng = random.Random(11)
    for i, doc in enumerate(nlp.pipe([synth_text(rng) for _ in range(200)])):
        toks = [{"i": t.i, "idx": t.idx, "text": t.text, "ws": t.whitespace_, "tag": t.tag_, "pos": t.pos_,
                 "morph": str(t.morph), "lemma": t.lemma_, "dep": t.dep_, "head": t.head.i,
                 "sent_start": bool(t.is_sent_start), "ent_iob": t.ent_iob_, "ent_type": t.ent_type_} for t in doc]
        ents = [{"start": e.start, "end": e.end, "label": e.label_, "text": e.text} for e in doc.ents]
        print(json.dumps({"id": f"synth-{i}", "text": doc.text, "tokens": toks, "ents": ents}, ensure_ascii=False))


if __name__ == "__main__":
    {"fuzz": fuzz, "synth": synth}[sys.argv[1]]()
