#!/usr/bin/env python3
"""Golden values for Word2VecFormatOptionsTest#replacedWordsAreWhatPythonsReplaceGives.

gensim's load_word2vec_format(..., unicode_errors='replace') decodes each word with
bytes.decode('utf-8', 'replace'): one U+FFFD per maximal ill-formed subpart (Unicode's
recommended practice). This prints, for each byte string the test uses, the decoded word as
Java string escapes, to be pasted into the test. Run: python3 scripts/utf8-replace-golden.py
"""

CASES = [
    b"caf\xc3",              # word2vec.c cut a 2-byte character after its first byte
    b"\xe2\x82",             # a 3-byte character cut after two bytes: one replacement
    b"na\xefve",             # a lead byte followed by ASCII
    b"\xed\xa0\x80x",        # an encoded surrogate: three replacements
    b"\xc0\xafy",            # an overlong encoding: two replacements
    b"\xf4\x90\x80\x80",     # above U+10FFFF: four replacements
    b"\xf0\x9f\x98z",        # a 4-byte emoji cut after three bytes: one replacement
    b"ok\xff\xfe",           # bytes that never occur in UTF-8
]


def java(s):
    return "".join(c if 0x20 <= ord(c) < 0x7f and c not in '\\"' else "\\u%04X" % ord(c) for c in s)


for case in CASES:
    print('"%s"' % java(case.decode("utf-8", "replace")))
