package dev.skipgram.bench.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/** Number formatting for the markdown tables. */
final class Format {

    private Format() {}

    /**
     * Rounds to {@code digits} significant digits and writes the result without exponent, with
     * thousands separators in the integer part: 0.08734 → "0.0873", 12345.6 → "12,300".
     */
    static String significant(double x, int digits) {
        if (!Double.isFinite(x)) {
            return "–";
        }
        BigDecimal rounded = new BigDecimal(x).round(new MathContext(digits));
        if (rounded.abs().compareTo(BigDecimal.valueOf(1000)) >= 0) {
            return String.format(Locale.ROOT, "%,d", rounded.longValue());
        }
        return rounded.stripTrailingZeros().scale() <= 0
                ? rounded.toBigInteger().toString()
                : rounded.stripTrailingZeros().toPlainString();
    }

    /** "value ± p%", the error relative to the value; just the value if the error is unknown. */
    static String withRelativeError(double value, double error) {
        String v = significant(value, 3);
        if (!Double.isFinite(error) || value == 0) {
            return v;
        }
        return v + " ± " + significant(100 * error / Math.abs(value), 2) + "%";
    }

    /** An integer with thousands separators: 100000 → "100,000". */
    static String integer(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** A slope to two decimals, or "–" if unknown. */
    static String slope(double b) {
        return Double.isFinite(b) ? String.format(Locale.ROOT, "%.2f", b) : "–";
    }
}
