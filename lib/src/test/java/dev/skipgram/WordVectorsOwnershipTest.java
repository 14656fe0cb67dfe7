package dev.skipgram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.skipgram.corpus.Vocabulary;
import dev.skipgram.internal.FreshVectors;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Who owns a {@link WordVectors}' matrices: the public constructors copy once; the library's own
 * fresh arrays (a vector file just read, a trainer's parameters) are handed over without a copy.
 */
class WordVectorsOwnershipTest {

    private static final Vocabulary VOCABULARY = new Vocabulary(List.of("a", "b"), new long[] {2, 1});

    private static INDArray held(WordVectors v, String field) throws ReflectiveOperationException {
        var f = WordVectors.class.getDeclaredField(field);
        f.setAccessible(true);
        return (INDArray) f.get(v);
    }

    @Test
    void theConstructorsCopyAndTheCopyIsFloatInCOrder() throws ReflectiveOperationException {
        INDArray center = Nd4j.createFromArray(new double[][] {{1, 2}, {3, 4}});
        INDArray outside = Nd4j.createFromArray(new float[][] {{5, 6}, {7, 8}}).dup('f');
        WordVectors v = new WordVectors(VOCABULARY, center, outside);
        for (String field : new String[] {"centerVectors", "outsideVectors"}) {
            INDArray m = held(v, field);
            assertEquals(DataType.FLOAT, m.dataType(), field);
            assertEquals('c', m.ordering(), field);
            assertNotSame(center.data(), m.data(), field);
            assertNotSame(outside.data(), m.data(), field);
        }
        center.assign(0);
        outside.assign(0);
        assertEquals(Nd4j.createFromArray(new float[][] {{1, 2}, {3, 4}}), v.centerVectors());
        assertEquals(Nd4j.createFromArray(new float[][] {{5, 6}, {7, 8}}), v.outsideVectors().orElseThrow());
    }

    @Test
    void freshArraysAreHandedOverWithoutACopy() throws ReflectiveOperationException {
        INDArray center = Nd4j.createFromArray(new float[][] {{1, 2}, {3, 4}});
        INDArray outside = Nd4j.createFromArray(new float[][] {{5, 6}, {7, 8}});
        WordVectors v = FreshVectors.adopt(VOCABULARY, center, outside);
        assertSame(center, held(v, "centerVectors"));
        assertSame(outside, held(v, "outsideVectors"));
        assertEquals(Math.sqrt(5), v.vector("a").norm2Number().doubleValue(), 1e-6);
        // checked as the constructors check
        assertThrows(IllegalArgumentException.class, () -> FreshVectors.adopt(VOCABULARY,
                Nd4j.createFromArray(new float[][] {{1, Float.NaN}, {3, 4}}), null));
        assertThrows(IllegalArgumentException.class, () -> FreshVectors.adopt(VOCABULARY,
                Nd4j.createFromArray(new double[][] {{1, 2}, {3, 4}}), null));
    }
}
