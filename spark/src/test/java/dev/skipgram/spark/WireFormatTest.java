package dev.skipgram.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skipgram.corpus.Vocabulary;
import dev.skipgram.internal.word2vec.PartitionTraining;
import java.io.IOException;
import java.io.Serializable;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.SparkConf;
import org.apache.spark.serializer.JavaSerializer;
import org.apache.spark.serializer.KryoSerializer;
import org.apache.spark.serializer.Serializer;
import org.apache.spark.serializer.SerializerInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import scala.reflect.ClassTag$;

/**
 * What the module sends through {@code spark.serializer} (task results and broadcast values) must
 * survive both of Spark's serializers: Java's, the default, and Kryo, which many applications set for
 * their own jobs. Kryo cannot write a record (it fails the job with "can't get field offset on a
 * record class"), so no serializable type of the module may be one.
 */
class WireFormatTest {

    static Stream<Serializer> serializers() {
        SparkConf conf = new SparkConf(false);
        return Stream.of(new JavaSerializer(conf), new KryoSerializer(conf));
    }

    @SuppressWarnings("unchecked")
    private static <T> T roundTrip(SerializerInstance s, T value) {
        var tag = ClassTag$.MODULE$.<T>apply(value.getClass());
        return (T) s.deserialize(s.serialize(value, tag), tag);
    }

    @ParameterizedTest
    @MethodSource("serializers")
    void everyTypeSentBetweenDriverAndExecutorsSurvivesTheSerializer(Serializer serializer) {
        SerializerInstance s = serializer.newInstance();

        VocabularyData words = roundTrip(s, new VocabularyData(new String[] {"the", "of"}, new long[] {7, 5}));
        assertArrayEquals(new String[] {"the", "of"}, words.words());
        assertArrayEquals(new long[] {7, 5}, words.counts());
        assertEquals(List.of("the", "of"), words.toVocabulary().words());

        Parameters p = roundTrip(s, new Parameters(new float[] {1f, -2f}, new float[] {0.5f, Float.MIN_VALUE}));
        assertArrayEquals(new float[] {1f, -2f}, p.centerVectors());
        assertArrayEquals(new float[] {0.5f, Float.MIN_VALUE}, p.outsideVectors());

        ShareResult r = roundTrip(s, new ShareResult(1, new int[] {0, 3}, new float[] {1, 2, 3, 4},
                new int[] {2}, new float[] {5, 6}, new byte[][] {{9, 8}, {7}}, 2.5, 11, 13));
        assertEquals(1, r.partition());
        assertArrayEquals(new int[] {0, 3}, r.centerRows());
        assertArrayEquals(new float[] {1, 2, 3, 4}, r.centerValues());
        assertArrayEquals(new int[] {2}, r.outsideRows());
        assertArrayEquals(new float[] {5, 6}, r.outsideValues());
        assertArrayEquals(new byte[][] {{9, 8}, {7}}, r.generators());
        assertEquals(2.5, r.loss());
        assertEquals(11, r.pairs());
        assertEquals(13, r.words());

        Vocabulary vocabulary = new Vocabulary(List.of("a", "b", "c"), new long[] {5, 4, 3});
        List<int[]> sentences = List.of(new int[] {0, 1, 2, 0}, new int[] {2, 1});
        PartitionTraining.Chunks chunks = PartitionTraining.cut(sentences.iterator(), vocabulary);
        PartitionTraining.Chunks back = roundTrip(s, chunks);
        assertEquals(chunks.count(), back.count());
        assertEquals(chunks.words(0, chunks.count()), back.words(0, back.count()));
        assertEquals(chunks.anyPair(), back.anyPair());
    }

    @Test
    void noSerializableTypeOfTheModuleIsARecord() throws IOException, URISyntaxException, ClassNotFoundException {
        Path classes = Path.of(SparkSkipGram.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .resolve("dev/skipgram/spark");
        List<String> records = new ArrayList<>();
        int serializable = 0;
        try (Stream<Path> files = Files.list(classes)) {
            for (Iterator<Path> it = files.iterator(); it.hasNext(); ) {
                String file = it.next().getFileName().toString();
                if (!file.endsWith(".class") || file.equals("package-info.class")) {
                    continue;
                }
                Class<?> c = Class.forName("dev.skipgram.spark." + file.substring(0, file.length() - 6), false,
                        getClass().getClassLoader());
                if (Serializable.class.isAssignableFrom(c)) {
                    serializable++;
                    if (c.isRecord()) {
                        records.add(c.getName());
                    }
                }
            }
        }
        assertTrue(serializable >= 5, "the scan found " + serializable + " serializable classes in " + classes);
        assertTrue(records.isEmpty(), "records Kryo cannot write: " + records);
    }
}
