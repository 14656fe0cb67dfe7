package dev.skipgram.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** {@link Tokens#isSeparator}'s ASCII shortcut against the definition, over every char. */
class TokensTest {

    @Test
    void theSeparatorsAreExactlyPythonsWhitespace() {
        int separators = 0;
        for (int i = 0; i <= Character.MAX_VALUE; i++) {
            char c = (char) i;
            boolean expected = Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u0085';
            assertEquals(expected, Tokens.isSeparator(c), () -> String.format("U+%04X", (int) c));
            separators += expected ? 1 : 0;
        }
        // ASCII: \t \n VT FF \r, U+001C..U+001F, space; then U+0085, U+00A0, U+1680, U+2000..U+200A, U+2028,
        // U+2029, U+202F, U+205F, U+3000: Python's str.split() set
        assertEquals(29, separators);
    }
}
