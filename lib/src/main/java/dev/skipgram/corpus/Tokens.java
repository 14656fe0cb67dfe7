package dev.skipgram.corpus;

import java.util.ArrayList;
import java.util.List;

/**
 * Whitespace tokenisation with the whitespace set of Python's {@code str.split()}: ASCII whitespace,
 * U+001C..U+001F, U+0085, and every Unicode space separator including the no-break spaces U+00A0,
 * U+2007 and U+202F (which {@link Character#isWhitespace} leaves out), plus line and paragraph
 * separators.
 */
final class Tokens {

    private Tokens() {}

    static boolean isSeparator(char c) {
        if (c < 0x80) { // ASCII, most characters of most corpora: tab, line feed, VT, FF, CR, FS..US, space
            return c <= ' ' && (c >= '\t' && c <= '\r' || c >= '\u001c');
        }
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u0085';
    }

    /** Splits {@code line} on runs of separators; never returns empty tokens. */
    static List<String> split(String line) {
        List<String> tokens = new ArrayList<>();
        int n = line.length();
        int i = 0;
        while (i < n) {
            while (i < n && isSeparator(line.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && !isSeparator(line.charAt(i))) {
                i++;
            }
            if (i > start) {
                tokens.add(line.substring(start, i));
            }
        }
        return tokens;
    }
}
