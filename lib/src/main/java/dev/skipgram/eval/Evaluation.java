package dev.skipgram.eval;

import dev.skipgram.WordVectors;
import dev.skipgram.internal.kernels.FloatMatrix;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.math3.stat.correlation.PearsonsCorrelation;
import org.apache.commons.math3.stat.correlation.SpearmansCorrelation;
import org.apache.commons.math3.stat.ranking.NaNStrategy;
import org.apache.commons.math3.stat.ranking.NaturalRanking;
import org.apache.commons.math3.stat.ranking.TiesStrategy;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Intrinsic evaluation of word vectors, computed as gensim 4's {@code evaluate_word_analogies} and
 * {@code evaluate_word_pairs} compute it (and word2vec's {@code compute-accuracy}), so the figures
 * agree with the tools people compare against.
 *
 * <p>Words are matched case-insensitively: each word is upper-cased (Locale.ROOT) and, when spellings
 * collide, the most frequent one (lowest index) stands for all.
 *
 * <p>Stateless and thread-safe. Arguments must not be null; no method returns null.
 */
public final class Evaluation {

    private static final int BATCH = 256;
    /** Scores held at once, [batch, n]: 64 MB, so a batch of 256 questions shrinks for n above 65,536 words. */
    private static final int MAX_SCORES = 1 << 24;

    private Evaluation() {}

    /**
     * Analogy accuracy by 3CosAdd on a file in the format of Mikolov et al.'s {@code questions-words.txt}:
     * {@code : section} lines, then lines {@code a b c d} meaning a : b :: c : d.
     *
     * <p>Only the {@code restrictVocabulary} most frequent words take part: a question with a word
     * outside them is skipped (and counted as not covered); for a covered question the answer is the
     * word w among them, other than a, b and c, maximising cos(w, b − a + c) over unit vectors.
     *
     * @param vectors the vectors (their vocabulary order is taken as frequency order)
     * @param questions the question file, UTF-8
     * @param restrictVocabulary how many of the most frequent words to use, ≥ 1 (30,000 is usual)
     * @return per-section and total accuracy
     * @throws IOException naming the file if it cannot be read, a question line does not have four
     *     words, or no line is a question (an empty file, or only {@code : section} lines); questions
     *     whose words are out of the vocabulary do count, as not covered
     */
    public static AnalogyReport analogies(WordVectors vectors, Path questions, int restrictVocabulary)
            throws IOException {
        return analogies(vectors, readLines(questions), questions.toString(), restrictVocabulary);
    }

    /**
     * Analogy accuracy by 3CosAdd on questions already in memory, as {@link #analogies(WordVectors, Path,
     * int)} computes it for a file with these lines (for example
     * {@link dev.skipgram.corpus.synthetic.SyntheticCorpus#analogyQuestions()}).
     *
     * @param vectors the vectors (their vocabulary order is taken as frequency order)
     * @param questionLines the lines of a question file: {@code : section} lines and {@code a b c d} lines
     * @param restrictVocabulary how many of the most frequent words to use, ≥ 1
     * @return per-section and total accuracy
     * @throws IllegalArgumentException if a question line does not have four words, or no line is a
     *     question
     */
    public static AnalogyReport analogies(WordVectors vectors, List<String> questionLines, int restrictVocabulary) {
        try {
            return analogies(vectors, questionLines, "questionLines", restrictVocabulary);
        } catch (IOException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    private static AnalogyReport analogies(WordVectors vectors, List<String> lines, String source,
            int restrictVocabulary) throws IOException {
        if (restrictVocabulary < 1) {
            throw new IllegalArgumentException("restrictVocabulary must be >= 1, got " + restrictVocabulary);
        }
        int n = Math.min(restrictVocabulary, vectors.vocabulary().size());
        int d = vectors.dimension();
        Map<String, Integer> index = upperCaseIndex(vectors, n);
        FloatMatrix unit = unitRows(vectors, n); // [n, d]

        List<AnalogyReport.Section> sections = new ArrayList<>();
        List<int[]> pending = new ArrayList<>(); // covered questions of the current section: {a, b, c, expected}
        String section = null;
        int sectionQuestions = 0;
        int total = 0;
        int lineNumber = 0;
        int batch = Math.max(1, Math.min(BATCH, MAX_SCORES / n)); // 3,000,000 words: 5 questions, not 3 GB
        FloatMatrix queries = FloatMatrix.zeros(batch, d);
        FloatMatrix scores = FloatMatrix.zeros(batch, n);
        for (String line : lines) {
            lineNumber++;
            String trimmed = line.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            if (trimmed.startsWith(":")) {
                if (section != null) {
                    sections.add(new AnalogyReport.Section(section, countCorrect(pending, unit, queries, scores),
                            pending.size(), sectionQuestions));
                }
                section = trimmed.substring(1).strip();
                pending.clear();
                sectionQuestions = 0;
                continue;
            }
            String[] words = trimmed.split("\\s+");
            if (words.length != 4) {
                throw new IOException(source + ", line " + lineNumber + ": expected 4 words, got " + words.length);
            }
            if (section == null) {
                section = "(no section)";
            }
            sectionQuestions++;
            total++;
            int[] q = new int[4];
            boolean covered = true;
            for (int i = 0; i < 4 && covered; i++) {
                Integer w = index.get(words[i].toUpperCase(Locale.ROOT));
                covered = w != null;
                q[i] = covered ? w : -1;
            }
            if (covered) {
                pending.add(q);
            }
        }
        if (total == 0) {
            // a table of zeros would pass for a result: questions out of vocabulary count (as
            // uncovered), but a file without a single question is the wrong file
            throw new IOException(source + " has no usable line: no question (four words a b c d), so there is"
                    + " nothing to evaluate");
        }
        if (section != null) {
            sections.add(new AnalogyReport.Section(section, countCorrect(pending, unit, queries, scores),
                    pending.size(), sectionQuestions));
        }
        return new AnalogyReport(sections, total, n);
    }

    /** Answers the questions in batches: scores = Q · unitᵀ via one GEMM per batch. */
    private static int countCorrect(List<int[]> questions, FloatMatrix unit, FloatMatrix queries,
            FloatMatrix scores) {
        int n = unit.rows();
        int d = unit.columns();
        float[] a = new float[d];
        float[] b = new float[d];
        float[] c = new float[d];
        float[] row = new float[n];
        int correct = 0;
        int batch = queries.rows();
        for (int from = 0; from < questions.size(); from += batch) {
            int count = Math.min(batch, questions.size() - from);
            for (int i = 0; i < count; i++) {
                int[] t = questions.get(from + i);
                unit.getRow(t[0], a);
                unit.getRow(t[1], b);
                unit.getRow(t[2], c);
                for (int j = 0; j < d; j++) {
                    // gensim: mean of the unit vectors with weights −1 (a), +1 (b), +1 (c); the scale
                    // does not change the ranking
                    b[j] = b[j] - a[j] + c[j];
                }
                queries.putRow(i, b);
            }
            Nd4j.gemm(queries.array(), unit.array(), scores.array(), false, true, 1.0, 0.0); // [batch, n]
            for (int i = 0; i < count; i++) {
                int[] t = questions.get(from + i);
                int best = -1;
                float bestScore = Float.NEGATIVE_INFINITY;
                scores.getRow(i, row);
                for (int w = 0; w < n; w++) {
                    float x = row[w];
                    if (x > bestScore && w != t[0] && w != t[1] && w != t[2]) {
                        bestScore = x;
                        best = w;
                    }
                }
                if (best == t[3]) {
                    correct++;
                }
            }
        }
        return correct;
    }

    /**
     * Spearman and Pearson correlations between human similarity scores and cosine similarity, as
     * gensim's {@code evaluate_word_pairs} computes them, on a file of lines
     * {@code word1<TAB>word2<TAB>score} (WordSim-353, SimLex-999 layout); lines starting with
     * {@code #} are comments.
     *
     * @param vectors the vectors
     * @param pairs the file, UTF-8
     * @return the two correlations and the numbers of pairs used and skipped
     * @throws IOException naming the file if it cannot be read, a line is malformed, or no line is a
     *     word pair (an empty file, or only comments); pairs with a word out of the vocabulary do
     *     count, as skipped
     */
    public static SimilarityReport similarity(WordVectors vectors, Path pairs) throws IOException {
        Map<String, Integer> index = upperCaseIndex(vectors, vectors.vocabulary().size());
        List<double[]> used = new ArrayList<>(); // {human, cosine}
        int skipped = 0;
        int lineNumber = 0;
        for (String line : readLines(pairs)) {
            lineNumber++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] fields = line.split("\t");
            if (fields.length < 3) {
                throw new IOException(pairs + ", line " + lineNumber + ": expected word1<TAB>word2<TAB>score");
            }
            double human;
            try {
                human = Double.parseDouble(fields[2].strip());
            } catch (NumberFormatException e) {
                throw new IOException(pairs + ", line " + lineNumber + ": score is not a number: " + fields[2]);
            }
            Integer a = index.get(fields[0].strip().toUpperCase(Locale.ROOT));
            Integer b = index.get(fields[1].strip().toUpperCase(Locale.ROOT));
            if (a == null || b == null) {
                skipped++;
                continue;
            }
            String wa = vectors.vocabulary().word(a);
            String wb = vectors.vocabulary().word(b);
            used.add(new double[] {human, wa.equals(wb) ? 1.0 : vectors.similarity(wa, wb)});
        }
        if (used.isEmpty() && skipped == 0) {
            // pairs out of vocabulary count (as skipped), but a file without a single pair is the wrong file
            throw new IOException(pairs + " has no usable line: no word pair (word1<TAB>word2<TAB>score), so"
                    + " there is nothing to evaluate");
        }
        double[] x = used.stream().mapToDouble(p -> p[0]).toArray();
        double[] y = used.stream().mapToDouble(p -> p[1]).toArray();
        return new SimilarityReport(spearman(x, y), used.size(), skipped, pearson(x, y));
    }

    /**
     * Spearman's ρ: Pearson correlation of the ranks, ties given their average rank (as scipy does);
     * NaN for fewer than two pairs or when either side is constant.
     */
    static double spearman(double[] x, double[] y) {
        if (x.length < 2) {
            return Double.NaN;
        }
        return SPEARMAN.correlation(x, y);
    }

    /**
     * Pearson's r, as scipy's {@code pearsonr} that gensim calls; NaN for fewer than two pairs or when
     * either side is constant.
     */
    static double pearson(double[] x, double[] y) {
        if (x.length < 2) {
            return Double.NaN;
        }
        return new PearsonsCorrelation().correlation(x, y);
    }

    /** commons-math3's Spearman, with scipy's tie rule spelled out: average ranks; NaN is refused. */
    private static final SpearmansCorrelation SPEARMAN =
            new SpearmansCorrelation(new NaturalRanking(NaNStrategy.FAILED, TiesStrategy.AVERAGE));

    private static Map<String, Integer> upperCaseIndex(WordVectors vectors, int n) {
        Map<String, Integer> index = new HashMap<>(2 * n);
        for (int w = n - 1; w >= 0; w--) {
            index.put(vectors.vocabulary().word(w).toUpperCase(Locale.ROOT), w);
        }
        return index;
    }

    /** The first n centre vectors scaled to unit length (zero vectors stay zero), [n, d] FLOAT. */
    private static FloatMatrix unitRows(WordVectors vectors, int n) {
        int v = vectors.vocabulary().size();
        FloatMatrix rows;
        if (n > v / 4) {
            INDArray all = vectors.centerVectors(); // a FLOAT copy, ours to scale
            rows = FloatMatrix.wrap(n == all.rows() ? all
                    : all.get(NDArrayIndex.interval(0, n), NDArrayIndex.all()).dup('c'));
        } else {
            // a few rows of many (30,000 of GoogleNews's 3,000,000): copying all of them would take
            // 3.6 GB for a moment; n vectors one by one cost two small arrays each
            rows = FloatMatrix.zeros(n, vectors.dimension());
            for (int w = 0; w < n; w++) {
                rows.putRow(w, vectors.vector(vectors.vocabulary().word(w)).toFloatVector());
            }
        }
        int d = rows.columns();
        float[] r = new float[d];
        for (int w = 0; w < n; w++) {
            rows.getRow(w, r);
            double norm = 0;
            for (int j = 0; j < d; j++) {
                norm += (double) r[j] * r[j];
            }
            float scale = norm == 0 ? 0f : (float) (1 / Math.sqrt(norm));
            for (int j = 0; j < d; j++) {
                r[j] = r[j] * scale;
            }
            rows.putRow(w, r);
        }
        return rows;
    }

    /** The largest evaluation file read: questions-words.txt is 0.6 MB, WordSim-353 7 KB. */
    static final long MAX_FILE_BYTES = 64L << 20;

    /**
     * The lines of an evaluation file, refusing one too large to be a question or word-pair file
     * (rather than reading gigabytes into memory) and one that is not UTF-8, with messages that
     * name the file.
     */
    private static List<String> readLines(Path file) throws IOException {
        long size = Files.size(file);
        if (size > MAX_FILE_BYTES) {
            throw new IOException("evaluation file " + file + " is " + (size >> 20) + " MB; analogy and word-pair"
                    + " files are well under " + (MAX_FILE_BYTES >> 20) + " MB: is it the right file?");
        }
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            throw new IOException("evaluation file " + file + " is not UTF-8 text (a malformed byte sequence)", e);
        }
    }
}
